namespace Hepatica.Fhir;

/// <summary>
/// The LOINC codes of every Observation the reader uses (labs, upper limits of normal, hepatitis serology, vital signs),
/// from the same tables the reader matches with (<see cref="LabCodes"/>, <see cref="SerologyCodes"/>,
/// <see cref="VitalSignCodes"/>). Lets a caller ask a FHIR
/// server for those Observations only (a CDS Hooks prefetch template) instead of the whole record.
/// </summary>
public static class ObservationCodes
{
    /// <summary>The LOINC system URI.</summary>
    public const string LoincSystem = "http://loinc.org";

    /// <summary>Every LOINC code read, labs first, each once, in table order.</summary>
    public static IReadOnlyList<string> All { get; } =
        LabCodes.Rules.SelectMany(r => r.Codes.Select(c => c.Loinc))
            .Concat(SerologyCodes.Rules.SelectMany(r => r.Codes))
            .Append(VitalSignCodes.MeanArterialPressure.Code.Loinc)
            .Distinct(StringComparer.Ordinal)
            .ToArray();

    /// <summary>The codes as a FHIR token search value: <c>http://loinc.org|A,http://loinc.org|B,...</c>.</summary>
    public static string SearchTokens { get; } = string.Join(",", All.Select(c => LoincSystem + "|" + c));
}
