using Hepatica.Clinical;
using Hepatica.Clinical.Labs;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Fhir;

/// <summary>One accepted LOINC code of an analyte and the UCUM codes it accepts (case-sensitive, as UCUM is).</summary>
/// <param name="Loinc">The LOINC code.</param>
/// <param name="Display">Long common name (documentation only: matching is on the code, never the display).</param>
/// <param name="Units">UCUM codes accepted with this code; an empty string means "no unit" (ratios).</param>
internal sealed record LoincCode(string Loinc, string Display, params string[] Units);

/// <summary>Reads one validated value into the panel, or returns null (with the core's issues) when it cannot be used.</summary>
internal delegate LabPanel? LabApply(LabPanel panel, decimal value, string unit, string path, ICollection<InputIssue> issues);

/// <summary>An analyte of <see cref="LabPanel"/>: its snapshot path, look-back window, LOINC codes and how the core reads it.</summary>
/// <param name="Path">The snapshot path (docs/snapshot.md), for example <c>labs.bilirubin</c>.</param>
/// <param name="Analyte">Name used in messages.</param>
/// <param name="WindowDays">How old (days before as-of) the latest value may be.</param>
/// <param name="Codes">Accepted LOINC codes, preferred first.</param>
/// <param name="Apply">Reads the value through the core type's <c>TryRead</c>.</param>
/// <param name="UpperLimit">For analytes the core has an upper limit of normal for (<c>labs.&lt;path&gt;UpperLimit</c>): reads
/// <c>Observation.referenceRange.high</c> of the value used, with the same units and checks as the value.</param>
internal sealed record LabRule(string Path, string Analyte, int WindowDays, IReadOnlyList<LoincCode> Codes, LabApply Apply, LabApply? UpperLimit = null) : IObservationRule;

/// <summary>What the Observation reader needs of a lab or serology rule to pick the latest value.</summary>
internal interface IObservationRule
{
    /// <summary>The snapshot path.</summary>
    string Path { get; }

    /// <summary>Name used in messages.</summary>
    string Analyte { get; }

    /// <summary>How old (days before as-of) the latest value may be.</summary>
    int WindowDays { get; }
}

/// <summary>
/// The LOINC table (reference fhir-cds-hooks.md §3.2): for each analyte the equivalent codes (serum/plasma and blood,
/// mass and molar) with the UCUM units each accepts, and the look-back window. The same table is in docs/fhir.md.
/// </summary>
internal static class LabCodes
{
    /// <summary>
    /// Chemistry, blood count and coagulation: 30 days, the longest lab age OPTN accepts for a MELD (policy 9.2, table 9-3:
    /// lab values no older than 30 days at MELD 10 or less; 14, 7 days and 48 hours at higher MELD). A score that needs
    /// fresher values says so itself.
    /// </summary>
    public const int ChemistryWindowDays = 30;

    /// <summary>
    /// Acute values (arterial pH, lactate, phosphate): 2 days. They are read for acute liver failure and ACLF, where the
    /// criteria mean the current value (King's College: after resuscitation); a judgement, not a published limit.
    /// </summary>
    public const int AcuteWindowDays = 2;

    private const string MgDl = "mg/dL";
    private const string UmolL = "umol/L";
    private const string MmolL = "mmol/L";
    private const string PerUl = "10*3/uL";
    private const string PerL = "10*9/L";
    private const string UL = "U/L";

    public static readonly IReadOnlyList<LabRule> Rules =
    [
        new(SnapshotKeys.Labs.Bilirubin, "total bilirubin", ChemistryWindowDays,
            [new("1975-2", "Bilirubin.total [Mass/volume] in Serum or Plasma", MgDl),
             new("14631-6", "Bilirubin.total [Moles/volume] in Serum or Plasma", UmolL),
             new("42719-5", "Bilirubin.total [Mass/volume] in Blood", MgDl)],
            (p, v, u, path, i) => Bilirubin.TryRead(v, u, path, i, out var x) ? p with { Bilirubin = x } : null,
            (p, v, u, path, i) => Bilirubin.TryRead(v, u, path, i, out var x) ? p with { BilirubinUpperLimit = x } : null),
        new(SnapshotKeys.Labs.Creatinine, "creatinine", ChemistryWindowDays,
            [new("2160-0", "Creatinine [Mass/volume] in Serum or Plasma", MgDl),
             new("14682-9", "Creatinine [Moles/volume] in Serum or Plasma", UmolL),
             new("38483-4", "Creatinine [Mass/volume] in Blood", MgDl)],
            (p, v, u, path, i) => Creatinine.TryRead(v, u, path, i, out var x) ? p with { Creatinine = x } : null),
        new(SnapshotKeys.Labs.Inr, "INR", ChemistryWindowDays,
            [new("6301-6", "INR in Platelet poor plasma by Coagulation assay", "{INR}", "1", "{ratio}", ""),
             new("34714-6", "INR in Blood by Coagulation assay", "{INR}", "1", "{ratio}", "")],
            (p, v, u, path, i) => Inr.TryRead(v, u, path, i, out var x) ? p with { Inr = x } : null),
        new(SnapshotKeys.Labs.Sodium, "sodium", ChemistryWindowDays,
            [new("2951-2", "Sodium [Moles/volume] in Serum or Plasma", MmolL, "meq/L"),
             new("2947-0", "Sodium [Moles/volume] in Blood", MmolL, "meq/L")],
            (p, v, u, path, i) => Sodium.TryRead(v, u, path, i, out var x) ? p with { Sodium = x } : null),
        new(SnapshotKeys.Labs.Albumin, "albumin", ChemistryWindowDays,
            [new("1751-7", "Albumin [Mass/volume] in Serum or Plasma", "g/dL", "g/L")],
            (p, v, u, path, i) => Albumin.TryRead(v, u, path, i, out var x) ? p with { Albumin = x } : null),
        new(SnapshotKeys.Labs.Platelets, "platelets", ChemistryWindowDays,
            [new("777-3", "Platelets [#/volume] in Blood by Automated count", PerUl, PerL),
             new("26515-7", "Platelets [#/volume] in Blood", PerUl, PerL)],
            (p, v, u, path, i) => Platelets.TryRead(v, u, path, i, out var x) ? p with { Platelets = x } : null),
        new(SnapshotKeys.Labs.Ast, "AST", ChemistryWindowDays,
            [new("1920-8", "Aspartate aminotransferase [Enzymatic activity/volume] in Serum or Plasma", UL, "[IU]/L"),
             new("30239-8", "Aspartate aminotransferase [Enzymatic activity/volume] in Serum or Plasma by With P-5'-P", UL, "[IU]/L")],
            (p, v, u, path, i) => Ast.TryRead(v, u, path, i, out var x) ? p with { Ast = x } : null,
            (p, v, u, path, i) => Ast.TryRead(v, u, path, i, out var x) ? p with { AstUpperLimit = x } : null),
        new(SnapshotKeys.Labs.Alt, "ALT", ChemistryWindowDays,
            [new("1742-6", "Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma", UL, "[IU]/L"),
             new("1743-4", "Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma by With P-5'-P", UL, "[IU]/L")],
            (p, v, u, path, i) => Alt.TryRead(v, u, path, i, out var x) ? p with { Alt = x } : null,
            (p, v, u, path, i) => Alt.TryRead(v, u, path, i, out var x) ? p with { AltUpperLimit = x } : null),
        new(SnapshotKeys.Labs.Alp, "ALP", ChemistryWindowDays,
            [new("6768-6", "Alkaline phosphatase [Enzymatic activity/volume] in Serum or Plasma", UL, "[IU]/L")],
            (p, v, u, path, i) => Alp.TryRead(v, u, path, i, out var x) ? p with { Alp = x } : null,
            (p, v, u, path, i) => Alp.TryRead(v, u, path, i, out var x) ? p with { AlpUpperLimit = x } : null),
        new(SnapshotKeys.Labs.Wbc, "white cells", ChemistryWindowDays,
            [new("6690-2", "Leukocytes [#/volume] in Blood by Automated count", PerUl, PerL),
             new("26464-8", "Leukocytes [#/volume] in Blood", PerUl, PerL)],
            (p, v, u, path, i) => WhiteCells.TryRead(v, u, path, i, out var x) ? p with { Wbc = x } : null),
        new(SnapshotKeys.Labs.Urea, "urea", ChemistryWindowDays,
            [new("3094-0", "Urea nitrogen [Mass/volume] in Serum or Plasma", MgDl),
             new("6299-2", "Urea nitrogen [Mass/volume] in Blood", MgDl),
             new("22664-7", "Urea [Moles/volume] in Serum or Plasma", MmolL)],
            (p, v, u, path, i) => (u == MgDl ? Urea.TryReadBun(v, u, path, i, out var x) : Urea.TryRead(v, u, path, i, out x)) ? p with { Urea = x } : null),
        new(SnapshotKeys.Labs.Pt, "prothrombin time", ChemistryWindowDays,
            [new("5902-2", "Prothrombin time (PT) in Platelet poor plasma by Coagulation assay", "s")],
            (p, v, u, path, i) => ProthrombinTime.TryRead(v, u, path, i, out var x) ? p with { ProthrombinTime = x } : null),
        new(SnapshotKeys.Labs.Lymphocytes, "lymphocytes", ChemistryWindowDays,
            [new("731-0", "Lymphocytes [#/volume] in Blood", PerUl, PerL)],
            (p, v, u, path, i) => Lymphocytes.TryRead(v, u, path, i, out var x) ? p with { Lymphocytes = x } : null),
        new(SnapshotKeys.Labs.Neutrophils, "neutrophils", ChemistryWindowDays,
            [new("751-8", "Neutrophils [#/volume] in Blood", PerUl, PerL)],
            (p, v, u, path, i) => Neutrophils.TryRead(v, u, path, i, out var x) ? p with { Neutrophils = x } : null),
        new(SnapshotKeys.Labs.ArterialPh, "arterial pH", AcuteWindowDays,
            [new("2744-1", "pH of Arterial blood", "[pH]")],
            (p, v, u, path, i) => ArterialPh.TryRead(v, u, path, i, out var x) ? p with { ArterialPh = x } : null),
        new(SnapshotKeys.Labs.Lactate, "lactate", AcuteWindowDays,
            [new("2524-7", "Lactate [Moles/volume] in Serum or Plasma", MmolL),
             new("32693-4", "Lactate [Moles/volume] in Blood", MmolL),
             new("2518-9", "Lactate [Moles/volume] in Arterial blood", MmolL),
             new("59032-3", "Lactate [Mass/volume] in Blood", MgDl)],
            (p, v, u, path, i) => Lactate.TryRead(v, u, path, i, out var x) ? p with { Lactate = x } : null),
        new(SnapshotKeys.Labs.Phosphate, "phosphate", AcuteWindowDays,
            [new("2777-1", "Phosphate [Mass/volume] in Serum or Plasma", MgDl),
             new("14879-1", "Phosphate [Moles/volume] in Serum or Plasma", MmolL)],
            (p, v, u, path, i) => Phosphate.TryRead(v, u, path, i, out var x) ? p with { Phosphate = x } : null),
    ];

    private static readonly Dictionary<string, (LabRule Rule, LoincCode Code)> ByLoinc =
        Rules.SelectMany(r => r.Codes.Select(c => (r, c))).ToDictionary(x => x.c.Loinc, x => (x.r, x.c), StringComparer.Ordinal);

    /// <summary>The rule and code entry for a LOINC code, if the reader uses it.</summary>
    public static bool TryFind(string loinc, out LabRule rule, out LoincCode code)
    {
        if (ByLoinc.TryGetValue(loinc, out var hit))
        {
            (rule, code) = hit;
            return true;
        }

        rule = null!;
        code = null!;
        return false;
    }
}
