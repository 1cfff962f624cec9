using Hepatica.Clinical.Scoring;
using static Hepatica.Clinical.Scoring.ClinicalMath;

namespace Hepatica.Clinical.Scores;

/// <summary>
/// FIB-4 (Sterling et al., Hepatology 2006): <c>age × AST / (platelets × √ALT)</c>, ages in years, AST and ALT in
/// U/L, platelets in 10^9/L; reported to two decimals (half away from zero); the band uses the unrounded value.
/// Cut-off sets: Sterling 2006 (HCV/HIV, the default when fatty liver disease is not stated) &lt; 1.45 / &gt; 3.25;
/// Shah 2009 (NAFLD) &lt; 1.30 / &gt; 2.67; McPherson 2017 (NAFLD, age 65 or more) &lt; 2.0 / &gt; 2.67. At 35 and under
/// (McPherson 2017: "performed poorly ... in those aged ≤35 years", age groups in completed years, so under 36) the
/// score performs poorly: a warning.
/// </summary>
public static class Fib4
{
    /// <summary>Sterling 2006.</summary>
    public static readonly Citation Sterling2006 = new(
        "Sterling 2006",
        "Sterling RK, Lissen E, Clumeck N, et al. Development of a simple noninvasive index to predict significant fibrosis in patients with HIV/HCV coinfection. Hepatology 2006;43(6):1317-1325.",
        2006, "https://doi.org/10.1002/hep.21178");

    /// <summary>Shah 2009.</summary>
    public static readonly Citation Shah2009 = new(
        "Shah 2009",
        "Shah AG, Lydecker A, Murray K, et al. Comparison of noninvasive markers of fibrosis in patients with nonalcoholic fatty liver disease. Clin Gastroenterol Hepatol 2009;7(10):1104-1112.",
        2009, "https://doi.org/10.1016/j.cgh.2009.05.033");

    /// <summary>McPherson 2017.</summary>
    public static readonly Citation McPherson2017 = new(
        "McPherson 2017",
        "McPherson S, Hardy T, Dufour JF, et al. Age as a confounding factor for the accurate non-invasive diagnosis of advanced NAFLD fibrosis. Am J Gastroenterol 2017;112(5):740-751.",
        2017, "https://doi.org/10.1038/ajg.2016.453");

    /// <summary>What FIB-4 is, its range and sources.</summary>
    public static readonly ScoreDefinition Definition = new(
        "fib-4", "1.1.0", "FIB-4 index", 0m, null,
        "reported to two decimals, half away from zero; the band uses the unrounded value",
        [SnapshotKeys.AgeYears, SnapshotKeys.Labs.Ast, SnapshotKeys.Labs.Alt, SnapshotKeys.Labs.Platelets, ScoreInput.Optional(SnapshotKeys.Findings.FattyLiverDisease, "selects the NAFLD cut-offs")],
        [Sterling2006, Shah2009, McPherson2017])
    {
        Population = new(
            "Adults with chronic liver disease being staged for fibrosis (Sterling 2006: HIV/HCV coinfection; Shah 2009 and McPherson 2017: NAFLD); not once cirrhosis is established, nor in acute hepatitis (EASL 2021 NIT; Kwo 2017 for the 15 × upper-limit threshold).",
            [Sterling2006, Shah2009, McPherson2017, Populations.Easl2021Nit, Populations.Kwo2017],
            [Populations.NotEstablishedCirrhosis, Populations.NotAcuteHepatitis]) { RelevantWhen = Populations.ChronicLiverDisease },
    };

    /// <summary>Sterling 2006 bands (HCV/HIV).</summary>
    public static readonly IReadOnlyList<Band> SterlingBands = ThreeBands(1.45m, 3.25m);

    /// <summary>Shah 2009 bands (NAFLD, age under 65).</summary>
    public static readonly IReadOnlyList<Band> ShahBands = ThreeBands(1.30m, 2.67m);

    /// <summary>McPherson 2017 bands (NAFLD, age 65 or more).</summary>
    public static readonly IReadOnlyList<Band> McPhersonBands = ThreeBands(2.0m, 2.67m);

    /// <summary>The inputs FIB-4 needs.</summary>
    /// <param name="AgeYears">Age in years.</param>
    /// <param name="Ast">AST.</param>
    /// <param name="Alt">ALT.</param>
    /// <param name="Platelets">Platelet count.</param>
    /// <param name="FattyLiverDisease">True for NAFLD/MASLD, false or null otherwise (null: not stated).</param>
    public sealed record Inputs(decimal AgeYears, Ast Ast, Alt Alt, Platelets Platelets, bool? FattyLiverDisease);

    /// <summary>Gathers the inputs from a snapshot and calculates, or names what is missing.</summary>
    /// <param name="snapshot">The patient.</param>
    /// <param name="recordSteps">False to compute without keeping the breakdown (same value).</param>
    public static ScoreOutcome Evaluate(PatientSnapshot snapshot, bool recordSteps = true)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var r = new Requirements();
        var inputs = new Inputs(
            r.Need(snapshot.AgeYears, SnapshotKeys.AgeYears), r.Need(snapshot.Labs.Ast, SnapshotKeys.Labs.Ast), r.Need(snapshot.Labs.Alt, SnapshotKeys.Labs.Alt),
            r.Need(snapshot.Labs.Platelets, SnapshotKeys.Labs.Platelets), snapshot.Findings.FattyLiverDisease);
        return r.Outcome(Definition, inputs, recordSteps, Calculate);
    }

    /// <summary>Calculates FIB-4 and its band, saying which cut-off set applies.</summary>
    public static ScoreResult Calculate(Inputs inputs, bool recordSteps = true)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var b = Breakdown.For(recordSteps, Sterling2006);
        var age = b.Input("age", inputs.AgeYears, "years");
        var ast = b.Input(inputs.Ast, "U/L");
        var alt = b.Input(inputs.Alt, "U/L");
        var plt = b.Input(inputs.Platelets, "10^9/L");
        var unrounded = b.Sum("age × AST / (platelets × √ALT)", age * ast / (plt * Sqrt(alt)), "Sterling 2006");
        var value = b.Round("FIB-4", unrounded, 2);

        var (bands, source) = inputs.FattyLiverDisease switch
        {
            true when age >= 65m => (McPhersonBands, "McPherson 2017 cut-offs (NAFLD, age 65 or more)"),
            true => (ShahBands, "Shah 2009 cut-offs (NAFLD)"),
            false => (SterlingBands, "Sterling 2006 cut-offs (not NAFLD)"),
            null => (SterlingBands, "Sterling 2006 cut-offs (fatty liver disease not stated)"),
        };
        b.Note("cut-off set", source);
        var category = b.Category("advanced fibrosis", unrounded, Bands.Find(bands, unrounded), source);
        List<InputIssue> warnings = [];
        if (PoorAtAge(age))
        {
            warnings.Add(InputIssue.Warning(IssueCodes.UnusualPatient, SnapshotKeys.AgeYears, "FIB-4 performs poorly at age 35 and under (McPherson 2017); interpret with caution."));
        }

        return new ScoreResult(Definition, value, unrounded, category, b.Steps, warnings);
    }

    /// <summary>
    /// McPherson 2017: FIB-4 and the NAFLD fibrosis score "performed poorly ... in those aged ≤35 years"; the paper's age
    /// groups are in completed years (≤ 35, 36-45, ...), so an age under 36 is in the poor group.
    /// </summary>
    internal static bool PoorAtAge(decimal ageYears) => Math.Floor(ageYears) <= 35m;

    private static Band[] ThreeBands(decimal low, decimal high) =>
    [
        Band.Below(low, "low risk (advanced fibrosis unlikely)"),
        Band.Between(low, high, "indeterminate"),
        Band.Above(high, "high risk (advanced fibrosis likely)"),
    ];
}
