namespace Hepatica.Clinical.Labs;

// The table of analytes: what differs from one analyte to the next, as data. Each declaration gives the accepted
// units (canonical first; the factor is how many of the unit make one canonical unit, its source in AnalyteMembers.cs
// beside the named constant), the plausibility limits in the canonical unit, and the delta rule where one exists.
// Sources of every limit and delta rule, or the statement that none exists, are in docs/snapshot.md ("Plausibility").
// Lab<TAnalyte, TUnit> does the mechanics once; each closed type has its alias in Directory.Build.props.

/// <summary>Total serum bilirubin (<c>Bilirubin</c>). Canonical unit mg/dL, the unit MELD and Child-Pugh are published in.</summary>
public sealed class BilirubinAnalyte : IAnalyte<BilirubinUnit>
{
    private BilirubinAnalyte() { }

    /// <inheritdoc />
    public static UnitTable<BilirubinUnit> Units { get; } = new("bilirubin", false,
        new(BilirubinUnit.MilligramPerDeciliter, "mg/dL", 1m),
        new(BilirubinUnit.MicromolePerLiter, "umol/L", AnalyteMembers.BilirubinMicromolesPerMilligram, "µmol/L", "μmol/L", "micromol/L"));

    /// <inheritdoc />
    public static LabLimits Limits { get; } = new("bilirubin", "mg/dL", 0m, 100m, 0.1m, 50m,
        "A value this high is almost certainly in µmol/L (1 mg/dL = 17.1 µmol/L).",
        0.05m, "A value this low is most likely mg/dL entered with unit µmol/L (1 mg/dL = 17.1 µmol/L).");

    /// <summary>
    /// A fall by more than a factor of 10 within 7 days: bilirubin leaves the blood no faster than the liver clears
    /// it, and in cholestasis much of it is bound to albumin (delta bilirubin) and falls with albumin's half-life of
    /// about 2-3 weeks (Weiss JS et al., N Engl J Med 1983;309:147-50). A physiological argument; no rise rule, since
    /// acute hepatitis can raise bilirubin many-fold in a week.
    /// </summary>
    public static DeltaRule? Delta { get; } = new(7, 10m, null, "Weiss JS et al., N Engl J Med 1983;309:147-50 (delta bilirubin clearance); physiological argument");
}

/// <summary>Serum creatinine (<c>Creatinine</c>). Canonical unit mg/dL, the unit the MELD family is published in.</summary>
public sealed class CreatinineAnalyte : IAnalyte<CreatinineUnit>
{
    private CreatinineAnalyte() { }

    /// <inheritdoc />
    public static UnitTable<CreatinineUnit> Units { get; } = new("creatinine", false,
        new(CreatinineUnit.MilligramPerDeciliter, "mg/dL", 1m),
        new(CreatinineUnit.MicromolePerLiter, "umol/L", AnalyteMembers.CreatinineMicromolesPerMilligram, "µmol/L", "μmol/L", "micromol/L"));

    /// <inheritdoc />
    public static LabLimits Limits { get; } = new("creatinine", "mg/dL", 0m, 40m, 0.2m, 15m,
        "A value this high is almost certainly in µmol/L (1 mg/dL = 88.4 µmol/L).",
        0.1m, "A value this low is most likely mg/dL entered with unit µmol/L (1 mg/dL = 88.4 µmol/L).");

    /// <summary>
    /// A change by more than a factor of 10 within 7 days: with no kidney function at all creatinine rises about
    /// 1-1.5 mg/dL a day (production-limited), and it falls no faster than dialysis or a recovering kidney clears it
    /// (Waikar SS, Bonventre JV, J Am Soc Nephrol 2009;20:672-9, creatinine kinetics). A physiological argument.
    /// </summary>
    public static DeltaRule? Delta { get; } = new(7, 10m, 10m, "Waikar SS, Bonventre JV, J Am Soc Nephrol 2009;20:672-9 (creatinine kinetics); physiological argument");
}

/// <summary>International normalised ratio of the prothrombin time (<c>Inr</c>). A ratio: given with no unit or UCUM 1.</summary>
public sealed class InrAnalyte : IAnalyte<InrUnit>
{
    private InrAnalyte() { }

    /// <inheritdoc />
    public static UnitTable<InrUnit> Units { get; } = new("INR", true, new UnitSpec<InrUnit>(InrUnit.Ratio, "1", 1m, "{INR}", "{ratio}", "ratio"));

    /// <inheritdoc />
    public static LabLimits Limits { get; } = new("INR", "1", 0m, 30m, 0.8m, 10m);
}

/// <summary>Serum albumin (<c>Albumin</c>). Canonical unit g/dL, the unit MELD 3.0 and Child-Pugh are published in (ALBI reads g/L).</summary>
public sealed class AlbuminAnalyte : IAnalyte<ProteinUnit>
{
    private AlbuminAnalyte() { }

    /// <inheritdoc />
    public static UnitTable<ProteinUnit> Units { get; } = new("albumin", false,
        new(ProteinUnit.GramPerDeciliter, "g/dL", 1m),
        new(ProteinUnit.GramPerLiter, "g/L", AnalyteMembers.GramsPerLiterPerGramPerDeciliter));

    /// <inheritdoc />
    public static LabLimits Limits { get; } = new("albumin", "g/dL", 0m, 10m, 1.0m, 6.0m,
        "A value this high is almost certainly in g/L (1 g/dL = 10 g/L).",
        0.5m, "A value this low is most likely g/dL entered with unit g/L (1 g/dL = 10 g/L).");

    /// <summary>
    /// A change by more than a factor of 2.5 within 14 days: albumin's half-life is about 19 days and the plasma
    /// pool changes by dilution, leak or infusion only fractionally (Peters T, All About Albumin, 1996). A physiological argument.
    /// </summary>
    public static DeltaRule? Delta { get; } = new(14, 2.5m, 2.5m, "Peters T, All About Albumin, Academic Press 1996 (half-life about 19 days); physiological argument");
}

/// <summary>Ascitic fluid total protein (<c>AscitesProtein</c>). Canonical unit g/dL, the unit of the AASLD 2021 threshold for SBP prophylaxis (1.5 g/dL).</summary>
public sealed class AscitesProteinAnalyte : IAnalyte<ProteinUnit>
{
    private AscitesProteinAnalyte() { }

    /// <inheritdoc />
    public static UnitTable<ProteinUnit> Units { get; } = new("ascitic fluid protein", false,
        new(ProteinUnit.GramPerDeciliter, "g/dL", 1m),
        new(ProteinUnit.GramPerLiter, "g/L", AnalyteMembers.GramsPerLiterPerGramPerDeciliter));

    /// <inheritdoc />
    public static LabLimits Limits { get; } = new("ascitic fluid protein", "g/dL", 0m, 10m, 0.1m, 6m,
        "A value this high is almost certainly in g/L (1 g/dL = 10 g/L).",
        0.05m, "A value this low is most likely g/dL entered with unit g/L (1 g/dL = 10 g/L).");
}

/// <summary>Serum sodium (<c>Sodium</c>). Canonical unit mmol/L (equal to mEq/L for a monovalent ion).</summary>
public sealed class SodiumAnalyte : IAnalyte<SodiumUnit>
{
    private SodiumAnalyte() { }

    /// <inheritdoc />
    public static UnitTable<SodiumUnit> Units { get; } = new("sodium", false,
        new(SodiumUnit.MillimolePerLiter, "mmol/L", 1m),
        new(SodiumUnit.MilliequivalentPerLiter, "meq/L", AnalyteMembers.MilliequivalentsPerMillimole, "mEq/L"));

    /// <inheritdoc />
    public static LabLimits Limits { get; } = new("sodium", "mmol/L", 80m, 200m, 115m, 160m);
}

/// <summary>Platelet count (<c>Platelets</c>). Canonical unit 10^9/L (UCUM 10*9/L), equal to 10^3/µL.</summary>
public sealed class PlateletsAnalyte : IAnalyte<CellCountUnit>
{
    private PlateletsAnalyte() { }

    /// <inheritdoc />
    public static UnitTable<CellCountUnit> Units { get; } = AnalyteMembers.CellCountUnits("platelets");

    /// <inheritdoc />
    public static LabLimits Limits { get; } = new("platelets", "10*9/L", 0m, 5000m, 10m, 1000m,
        "A value this high is probably per µL; give it as /uL or in 10*9/L.",
        1m, "A value this low is most likely 10*9/L (10^3/µL) entered with unit /uL (1 × 10^9/L = 1000 /µL).");
}

/// <summary>White blood cell (leukocyte) count (<c>WhiteCells</c>). Canonical unit 10^9/L (UCUM 10*9/L), equal to 10^3/µL.</summary>
public sealed class WhiteCellsAnalyte : IAnalyte<CellCountUnit>
{
    private WhiteCellsAnalyte() { }

    /// <inheritdoc />
    public static UnitTable<CellCountUnit> Units { get; } = AnalyteMembers.CellCountUnits("white cells");

    /// <inheritdoc />
    public static LabLimits Limits { get; } = new("white cells", "10*9/L", 0m, 1000m, 1m, 100m,
        "A value this high is probably per µL; give it as /uL or in 10*9/L.",
        0.01m, "A value this low is most likely 10*9/L (10^3/µL) entered with unit /uL (1 × 10^9/L = 1000 /µL).");
}

/// <summary>Absolute lymphocyte count (<c>Lymphocytes</c>). Canonical unit 10^9/L; a count reported as 0 is rejected (give the detection limit).</summary>
public sealed class LymphocytesAnalyte : IAnalyte<CellCountUnit>
{
    private LymphocytesAnalyte() { }

    /// <inheritdoc />
    public static UnitTable<CellCountUnit> Units { get; } = AnalyteMembers.CellCountUnits("lymphocytes");

    /// <inheritdoc />
    public static LabLimits Limits { get; } = new("lymphocytes", "10*9/L", 0m, 500m, 0.1m, 50m,
        "A value this high is probably per µL; give it as /uL or in 10*9/L.");
}

/// <summary>Absolute neutrophil count (<c>Neutrophils</c>). Canonical unit 10^9/L; a count reported as 0 is rejected (give the detection limit).</summary>
public sealed class NeutrophilsAnalyte : IAnalyte<CellCountUnit>
{
    private NeutrophilsAnalyte() { }

    /// <inheritdoc />
    public static UnitTable<CellCountUnit> Units { get; } = AnalyteMembers.CellCountUnits("neutrophils");

    /// <inheritdoc />
    public static LabLimits Limits { get; } = new("neutrophils", "10*9/L", 0m, 500m, 0.1m, 80m,
        "A value this high is probably per µL; give it as /uL or in 10*9/L.");
}

/// <summary>Aspartate aminotransferase activity, and its upper limit of normal (<c>Ast</c>). Canonical unit U/L.</summary>
public sealed class AstAnalyte : IAnalyte<EnzymeActivityUnit>
{
    private AstAnalyte() { }

    /// <inheritdoc />
    public static UnitTable<EnzymeActivityUnit> Units { get; } = AnalyteMembers.EnzymeUnits("AST");

    /// <inheritdoc />
    public static LabLimits Limits { get; } = new("AST", "U/L", 0m, 100_000m, 5m, 10_000m);
}

/// <summary>Alanine aminotransferase activity, and its upper limit of normal (<c>Alt</c>). Canonical unit U/L.</summary>
public sealed class AltAnalyte : IAnalyte<EnzymeActivityUnit>
{
    private AltAnalyte() { }

    /// <inheritdoc />
    public static UnitTable<EnzymeActivityUnit> Units { get; } = AnalyteMembers.EnzymeUnits("ALT");

    /// <inheritdoc />
    public static LabLimits Limits { get; } = new("ALT", "U/L", 0m, 100_000m, 5m, 10_000m);
}

/// <summary>Alkaline phosphatase activity, and its upper limit of normal (<c>Alp</c>). Canonical unit U/L.</summary>
public sealed class AlpAnalyte : IAnalyte<EnzymeActivityUnit>
{
    private AlpAnalyte() { }

    /// <inheritdoc />
    public static UnitTable<EnzymeActivityUnit> Units { get; } = AnalyteMembers.EnzymeUnits("ALP");

    /// <inheritdoc />
    public static LabLimits Limits { get; } = new("ALP", "U/L", 0m, 100_000m, 10m, 5_000m);
}

/// <summary>
/// Serum or plasma urea (<c>Urea</c>). Canonical unit mmol/L of urea. Read from <c>labs.urea</c> (mmol/L, or mg/dL of
/// urea as some European laboratories report it) or from <c>labs.bun</c> (blood urea nitrogen, mg/dL as US
/// laboratories report it, or mmol/L); the two mg/dL differ by a factor of 2.14, so the key says which is meant.
/// </summary>
public sealed class UreaAnalyte : IAnalyte<UreaUnit>
{
    private static readonly UnitSpec<UreaUnit> Nitrogen = new(UreaUnit.MilligramNitrogenPerDeciliter, "mg/dL", AnalyteMembers.UreaNitrogenMilligramsPerMillimole, "mg/100mL");

    private UreaAnalyte() { }

    /// <inheritdoc />
    public static UnitTable<UreaUnit> Units { get; } = new("urea",
        [new(UreaUnit.MillimolePerLiter, "mmol/L", 1m, "mM"), new(UreaUnit.MilligramPerDeciliter, "mg/dL", AnalyteMembers.UreaMilligramsPerMillimole, "mg/100mL")],
        [Nitrogen]);

    /// <summary>Accepted units under <c>labs.bun</c>: mg/dL there is urea nitrogen.</summary>
    public static UnitTable<UreaUnit> BunUnits { get; } = new("urea nitrogen (BUN)", false, Nitrogen, new(UreaUnit.MillimolePerLiter, "mmol/L", 1m, "mM"));

    /// <inheritdoc />
    public static LabLimits Limits { get; } = new("urea", "mmol/L", 0m, 200m, 1m, 60m,
        "A value this high is probably in mg/dL: give it under labs.bun (urea nitrogen) or with unit mg/dL under labs.urea.",
        0.3m, "A value this low is most likely mmol/L entered with unit mg/dL (1 mmol/L = 6.006 mg/dL urea = 2.801 mg/dL urea nitrogen).");
}

/// <summary>Prothrombin time, the patient's or the laboratory's control (<c>ProthrombinTime</c>). Canonical unit seconds (UCUM s).</summary>
public sealed class ProthrombinTimeAnalyte : IAnalyte<ProthrombinTimeUnit>
{
    private ProthrombinTimeAnalyte() { }

    /// <inheritdoc />
    public static UnitTable<ProthrombinTimeUnit> Units { get; } = new("prothrombin time", false,
        new UnitSpec<ProthrombinTimeUnit>(ProthrombinTimeUnit.Second, "s", 1m, "sec", "second", "seconds"));

    /// <inheritdoc />
    public static LabLimits Limits { get; } = new("prothrombin time", "s", 0m, 300m, 8m, 150m, null,
        5m, "A value this low is not a clotting time in seconds: most likely an INR or a ratio; give it under labs.inr.");
}

/// <summary>Arterial blood pH (<c>ArterialPh</c>). No unit (UCUM [pH]); given with no unit, [pH] or pH. Survivable extremes reported are about 6.5-7.9.</summary>
public sealed class ArterialPhAnalyte : IAnalyte<ArterialPhUnit>
{
    private ArterialPhAnalyte() { }

    /// <inheritdoc />
    public static UnitTable<ArterialPhUnit> Units { get; } = new("arterial pH", true, new UnitSpec<ArterialPhUnit>(ArterialPhUnit.Ph, "[pH]", 1m, "pH"));

    /// <inheritdoc />
    public static LabLimits Limits { get; } = new("arterial pH", "1", 6.0m, 8.0m, 6.8m, 7.7m);
}

/// <summary>Blood lactate, arterial or venous as the score defines (<c>Lactate</c>). Canonical unit mmol/L.</summary>
public sealed class LactateAnalyte : IAnalyte<LactateUnit>
{
    private LactateAnalyte() { }

    /// <inheritdoc />
    public static UnitTable<LactateUnit> Units { get; } = new("lactate", false,
        new(LactateUnit.MillimolePerLiter, "mmol/L", 1m, "mM"),
        new(LactateUnit.MilligramPerDeciliter, "mg/dL", AnalyteMembers.LactateMilligramsPerMillimole, "mg/100mL"));

    /// <inheritdoc />
    public static LabLimits Limits { get; } = new("lactate", "mmol/L", 0m, 50m, 0.3m, 20m,
        "A value this high is probably in mg/dL (1 mmol/L = 9.008 mg/dL).",
        0.1m, "A value this low is most likely mmol/L entered with unit mg/dL (1 mmol/L = 9.008 mg/dL).");
}

/// <summary>Serum phosphate, inorganic phosphorus (<c>Phosphate</c>). Canonical unit mmol/L.</summary>
public sealed class PhosphateAnalyte : IAnalyte<PhosphateUnit>
{
    private PhosphateAnalyte() { }

    /// <inheritdoc />
    public static UnitTable<PhosphateUnit> Units { get; } = new("phosphate", false,
        new(PhosphateUnit.MillimolePerLiter, "mmol/L", 1m, "mM"),
        new(PhosphateUnit.MilligramPerDeciliter, "mg/dL", AnalyteMembers.PhosphateMilligramsPerMillimole, "mg/100mL"));

    /// <inheritdoc />
    public static LabLimits Limits { get; } = new("phosphate", "mmol/L", 0m, 10m, 0.3m, 4m,
        "A value this high is probably in mg/dL (1 mmol/L = 3.097 mg/dL of phosphorus).",
        0.05m, "A value this low is most likely mmol/L entered with unit mg/dL (1 mmol/L = 3.097 mg/dL of phosphorus).");
}

/// <summary>
/// Serum immunoglobulin G, and its upper limit of normal (<c>ImmunoglobulinG</c>). Canonical unit g/L; mg/dL accepted
/// (÷ 100). The IAIHG simplified criteria compare it with the laboratory's upper limit only, so the unit never changes a point.
/// </summary>
public sealed class ImmunoglobulinGAnalyte : IAnalyte<ImmunoglobulinGUnit>
{
    private ImmunoglobulinGAnalyte() { }

    /// <inheritdoc />
    public static UnitTable<ImmunoglobulinGUnit> Units { get; } = new("IgG", false,
        new(ImmunoglobulinGUnit.GramPerLiter, "g/L", 1m),
        new(ImmunoglobulinGUnit.MilligramPerDeciliter, "mg/dL", AnalyteMembers.IgGMilligramsPerDeciliterPerGramPerLiter));

    /// <inheritdoc />
    public static LabLimits Limits { get; } = new("IgG", "g/L", 0m, 150m, 2m, 60m,
        "A value this high is almost certainly in mg/dL (1 g/L = 100 mg/dL).",
        0.2m, "A value this low is most likely g/L entered with unit mg/dL (1 g/L = 100 mg/dL).");
}
