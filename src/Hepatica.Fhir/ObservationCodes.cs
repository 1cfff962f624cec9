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

    private static readonly Dictionary<string, IObservationRule> ByLoinc = BuildIndex();

    private static readonly Dictionary<string, int> WindowByPath =
        LabCodes.Rules.Cast<IObservationRule>().Concat(SerologyCodes.Rules).Append(VitalSignCodes.MeanArterialPressure)
            .SelectMany(r => new[] { (r.Path, r.WindowDays), (r.Path + "UpperLimit", r.WindowDays) })
            .DistinctBy(x => x.Item1, StringComparer.Ordinal)
            .ToDictionary(x => x.Item1, x => x.Item2, StringComparer.Ordinal);

    /// <summary>
    /// The snapshot path of the analyte a LOINC code feeds (<c>labs.bilirubin</c> for 1975-2), from the reader's tables;
    /// null for a code the reader does not use.
    /// </summary>
    public static string? PathOf(string loinc) => loinc is not null && ByLoinc.TryGetValue(loinc, out var rule) ? rule.Path : null;

    /// <summary>
    /// The look-back window in days the reader applies to the value at <paramref name="path"/> (docs/fhir.md: 30 days for
    /// chemistry, 2 for acute values, the serology windows, 1 for vital signs; an upper limit of normal shares its
    /// value's); null for a path the reader gives no window (diagnoses, medications, vaccinations).
    /// </summary>
    public static int? WindowDays(string path) => path is not null && WindowByPath.TryGetValue(path, out var days) ? days : null;

    private static Dictionary<string, IObservationRule> BuildIndex()
    {
        var index = new Dictionary<string, IObservationRule>(StringComparer.Ordinal);
        foreach (var rule in LabCodes.Rules)
        {
            foreach (var code in rule.Codes)
            {
                index.TryAdd(code.Loinc, rule);
            }
        }

        foreach (var rule in SerologyCodes.Rules)
        {
            foreach (var code in rule.Codes)
            {
                index.TryAdd(code, rule);
            }
        }

        index.TryAdd(VitalSignCodes.MeanArterialPressure.Code.Loinc, VitalSignCodes.MeanArterialPressure);
        return index;
    }
}
