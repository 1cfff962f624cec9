namespace Hepatica.Clinical.Findings;

/// <summary>
/// Clinical ascites as graded for Child-Pugh (Pugh 1973; MDCalc wording). Snapshot values: <c>none</c>,
/// <c>mild</c> (slight, controlled with diuretics), <c>moderate-severe</c> (tense or refractory).
/// </summary>
public enum Ascites
{
    /// <summary>Absent.</summary>
    None,

    /// <summary>Slight or mild; controlled with diuretics.</summary>
    Mild,

    /// <summary>Moderate to severe, or refractory to diuretics.</summary>
    ModerateSevere,
}
