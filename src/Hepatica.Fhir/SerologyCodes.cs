using Hepatica.Clinical.Serology;

namespace Hepatica.Fhir;

/// <summary>How a serology test's value is read.</summary>
internal enum SerologyValue
{
    /// <summary>A coded (or mapped string) result only: positive, negative, indeterminate.</summary>
    Qualitative,

    /// <summary>An anti-HBs titer in m[IU]/mL (or [IU]/L), or a coded result.</summary>
    AntiHbsTiter,

    /// <summary>A viral load in [IU]/mL (or log), or a coded result.</summary>
    ViralLoad,
}

/// <summary>One serology test of <see cref="SerologyPanel"/>: its path, LOINC codes and value kind.</summary>
/// <param name="Path">Snapshot path (<see cref="SerologyPaths"/>).</param>
/// <param name="Analyte">Name used in messages.</param>
/// <param name="Codes">LOINC codes, preferred first (reference fhir-cds-hooks.md §3.2).</param>
/// <param name="Kind">How the value is read.</param>
/// <param name="WindowDays">How old the latest result may be (<see cref="SerologyCodes"/>).</param>
/// <param name="Set">Puts a result into the panel.</param>
internal sealed record SerologyRule(string Path, string Analyte, IReadOnlyList<string> Codes, SerologyValue Kind, int WindowDays, Func<SerologyPanel, SerologyResult, SerologyPanel> Set) : IObservationRule;

/// <summary>
/// Hepatitis serology by LOINC (reference §3.2, codes tagged R/T/C there) and the coded results it accepts (§3.2,
/// "Qualitative results"). Quantitative HBsAg (63557-3) and copies/mL viral loads are not read (the core has no
/// quantitative HBsAg; copies per IU depend on the assay).
/// </summary>
internal static class SerologyCodes
{
    /// <summary>
    /// Antibodies that record a past event for life, or vaccine response (anti-HBc total, anti-HCV, anti-HAV total,
    /// anti-HBs): any age. A negative anti-HCV from years ago still answers "ever screened" (CDC 2020: once in every
    /// adult); a documented anti-HBs of 10 mIU/mL or more still means a responder (ACIP 2018) though the titer wanes.
    /// </summary>
    public const int LifelongDays = 365 * 200;

    /// <summary>
    /// Antigens and viral loads (HBsAg, HBeAg, anti-HBe, HBV DNA, HCV RNA): one year. They change with infection,
    /// clearance and treatment, so an older result is reported (FHR013), not used. A judgement, not a published limit.
    /// </summary>
    public const int CurrentStateDays = 365;

    /// <summary>
    /// IgM antibodies (anti-HBc IgM, anti-HAV IgM) mark an acute infection and fade within months: 90 days. A judgement.
    /// </summary>
    public const int AcuteMarkerDays = 90;

    public static readonly IReadOnlyList<SerologyRule> Rules =
    [
        new(SerologyPaths.HbsAg, "HBsAg", ["5196-1", "5195-3", "75410-1"], SerologyValue.Qualitative, CurrentStateDays, (p, r) => p with { HbsAg = r }),
        new(SerologyPaths.AntiHbcTotal, "anti-HBc total", ["13952-7", "16933-4"], SerologyValue.Qualitative, LifelongDays, (p, r) => p with { AntiHbcTotal = r }),
        new(SerologyPaths.AntiHbcIgm, "anti-HBc IgM", ["31204-1", "24113-3"], SerologyValue.Qualitative, AcuteMarkerDays, (p, r) => p with { AntiHbcIgm = r }),
        new(SerologyPaths.AntiHbs, "anti-HBs", ["16935-9", "22322-2", "10900-9"], SerologyValue.AntiHbsTiter, LifelongDays, (p, r) => p with { AntiHbs = r }),
        new(SerologyPaths.HbeAg, "HBeAg", ["13954-3", "31844-4"], SerologyValue.Qualitative, CurrentStateDays, (p, r) => p with { HbeAg = r }),
        new(SerologyPaths.AntiHbe, "anti-HBe", ["13953-5", "22320-6"], SerologyValue.Qualitative, CurrentStateDays, (p, r) => p with { AntiHbe = r }),
        new(SerologyPaths.HbvDna, "HBV DNA", ["42595-9", "29610-3"], SerologyValue.ViralLoad, CurrentStateDays, (p, r) => p with { HbvDna = r }),
        new(SerologyPaths.AntiHcv, "anti-HCV", ["13955-0", "16128-1"], SerologyValue.Qualitative, LifelongDays, (p, r) => p with { AntiHcv = r }),
        new(SerologyPaths.HcvRna, "HCV RNA", ["11011-4", "11259-9"], SerologyValue.ViralLoad, CurrentStateDays, (p, r) => p with { HcvRna = r }),
        new(SerologyPaths.AntiHavTotal, "anti-HAV total", ["20575-7", "13951-9"], SerologyValue.Qualitative, LifelongDays, (p, r) => p with { AntiHavTotal = r }),
        new(SerologyPaths.AntiHavIgm, "anti-HAV IgM", ["22314-9", "13950-1"], SerologyValue.Qualitative, AcuteMarkerDays, (p, r) => p with { AntiHavIgm = r }),
    ];

    private static readonly Dictionary<string, SerologyRule> ByLoinc =
        Rules.SelectMany(r => r.Codes.Select(c => (c, r))).ToDictionary(x => x.c, x => x.r, StringComparer.Ordinal);

    /// <summary>Coded results: SNOMED CT qualifier values and HL7 v3 ObservationInterpretation codes.</summary>
    private static readonly Dictionary<(string System, string Code), QualitativeResult> Coded = new()
    {
        [(ConditionCodes.Snomed, "260373001")] = QualitativeResult.Positive,    // Detected (reference §3.2)
        [(ConditionCodes.Snomed, "260415000")] = QualitativeResult.Negative,    // Not detected (reference §3.2)
        [(ConditionCodes.Snomed, "10828004")] = QualitativeResult.Positive,     // Positive (X: public FHIR value sets and lab mappings)
        [(ConditionCodes.Snomed, "260385009")] = QualitativeResult.Negative,    // Negative (X: public FHIR value sets and lab mappings)
        [(ConditionCodes.Snomed, "11214006")] = QualitativeResult.Positive,     // Reactive (X: public FHIR value sets and lab mappings)
        [(ConditionCodes.Snomed, "131194007")] = QualitativeResult.Negative,    // Non-reactive (X: public FHIR value sets and lab mappings)
        [(ConditionCodes.Snomed, "82334004")] = QualitativeResult.Indeterminate, // Indeterminate (X: public FHIR value sets and lab mappings)
        [(Interpretation, "POS")] = QualitativeResult.Positive,
        [(Interpretation, "DET")] = QualitativeResult.Positive,
        [(Interpretation, "NEG")] = QualitativeResult.Negative,
        [(Interpretation, "ND")] = QualitativeResult.Negative,
        [(Interpretation, "IND")] = QualitativeResult.Indeterminate,
    };

    /// <summary>valueString results, matched ignoring case: only these words, never a guess (reference §3.2).</summary>
    private static readonly Dictionary<string, QualitativeResult> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["positive"] = QualitativeResult.Positive,
        ["reactive"] = QualitativeResult.Positive,
        ["detected"] = QualitativeResult.Positive,
        ["negative"] = QualitativeResult.Negative,
        ["non-reactive"] = QualitativeResult.Negative,
        ["nonreactive"] = QualitativeResult.Negative,
        ["not detected"] = QualitativeResult.Negative,
        ["indeterminate"] = QualitativeResult.Indeterminate,
        ["equivocal"] = QualitativeResult.Indeterminate,
    };

    public const string Interpretation = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";

    public static SerologyRule? Find(string loinc) => ByLoinc.GetValueOrDefault(loinc);

    public static QualitativeResult? FromCoding(string? system, string? code) =>
        system is not null && code is not null && Coded.TryGetValue((system, code), out var r) ? r : null;

    public static QualitativeResult? FromWord(string? text) =>
        text is not null && Words.TryGetValue(text.Trim(), out var r) ? r : null;
}
