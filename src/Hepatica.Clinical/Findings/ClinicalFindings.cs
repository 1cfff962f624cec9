namespace Hepatica.Clinical.Findings;

/// <summary>Bedside findings and history of one snapshot; null when not given.</summary>
public sealed record ClinicalFindings
{
    /// <summary>No findings given.</summary>
    public static readonly ClinicalFindings Empty = new();

    /// <summary>Ascites grade.</summary>
    public Ascites? Ascites { get; init; }

    /// <summary>Hepatic encephalopathy, West Haven grade.</summary>
    public EncephalopathyGrade? Encephalopathy { get; init; }

    /// <summary>
    /// At least two dialysis treatments, or 24 hours of continuous veno-venous hemodialysis, in the week before
    /// the creatinine (OPTN policy 9.1.D).
    /// </summary>
    public bool? DialysisTwiceInPastWeek { get; init; }

    /// <summary>Cholestatic liver disease (PBC or PSC): selects Child-Pugh's cholestatic bilirubin bands.</summary>
    public bool? CholestaticLiverDisease { get; init; }

    /// <summary>Metabolic dysfunction-associated (non-alcoholic) fatty liver disease: selects the FIB-4 cut-offs validated in it.</summary>
    public bool? FattyLiverDisease { get; init; }
}
