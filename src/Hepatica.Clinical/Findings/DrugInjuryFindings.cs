namespace Hepatica.Clinical.Findings;

/// <summary>Suspected drug-induced or immune-mediated liver injury (the snapshot's <c>dili</c> object); null when not given.</summary>
public sealed record DrugInjuryFindings
{
    /// <summary>Nothing given.</summary>
    public static readonly DrugInjuryFindings Empty = new();

    /// <summary>
    /// No other reason found for the combined aminotransferase and bilirubin rise (viral hepatitis A, B or C, pre-existing
    /// or acute liver disease, another drug able to cause the injury): the third component of Hy's law (FDA 2009).
    /// </summary>
    public bool? NoOtherExplanation { get; init; }

    /// <summary>The patient is receiving (or recently received) an immune checkpoint inhibitor.</summary>
    public bool? ImmuneCheckpointInhibitor { get; init; }
}
