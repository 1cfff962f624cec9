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

    /// <summary>RUCAM item 1: time to onset.</summary>
    public RucamTimeToOnset? RucamTimeToOnset { get; init; }

    /// <summary>RUCAM item 2: course of the liver tests after cessation.</summary>
    public RucamCourse? RucamCourse { get; init; }

    /// <summary>RUCAM item 3: current alcohol use above 2 drinks a day (women) or 3 (men).</summary>
    public bool? RucamAlcohol { get; init; }

    /// <summary>RUCAM item 3 (cholestatic/mixed form only): pregnancy.</summary>
    public bool? RucamPregnancy { get; init; }

    /// <summary>RUCAM item 4: concomitant drugs or herbs.</summary>
    public RucamConcomitant? RucamConcomitant { get; init; }

    /// <summary>RUCAM item 5: search for alternative causes.</summary>
    public RucamAlternativeCauses? RucamAlternativeCauses { get; init; }

    /// <summary>RUCAM item 6: previous hepatotoxicity of the drug.</summary>
    public RucamPreviousHepatotoxicity? RucamPreviousHepatotoxicity { get; init; }

    /// <summary>RUCAM item 7: response to unintentional re-exposure.</summary>
    public RucamReexposure? RucamReexposure { get; init; }
}
