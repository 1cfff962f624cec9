using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Scores;

/// <summary>
/// NAFLD fibrosis score (Angulo 2007): <c>−1.675 + 0.037 × age + 0.094 × BMI + 1.13 × IFG/diabetes + 0.99 × AST/ALT
/// − 0.013 × platelets − 0.66 × albumin</c> (years, kg/m², 1 or 0, ratio, 10^9/L, g/dL). &lt; −1.455 advanced fibrosis
/// unlikely (F0-F2), &gt; 0.676 advanced fibrosis likely (F3-F4), in between indeterminate; from age 65 the lower cut-off
/// is 0.12 (McPherson 2017, which found −1.455 unacceptably unspecific at 65 and over). At 35 and under the score performs
/// poorly (McPherson 2017): a warning. Reported to three decimals (half away from zero), the precision of the cut-offs;
/// the band uses the unrounded value.
/// </summary>
public static class NafldFibrosisScore
{
    /// <summary>Angulo 2007: the coefficients and the two cut-offs.</summary>
    public static readonly Citation Angulo2007 = new(
        "Angulo 2007",
        "Angulo P, Hui JM, Marchesini G, et al. The NAFLD fibrosis score: a noninvasive system that identifies liver fibrosis in patients with NAFLD. Hepatology 2007;45(4):846-854.",
        2007, "https://doi.org/10.1002/hep.21496");

    /// <summary>What the NAFLD fibrosis score is, its range and sources.</summary>
    public static readonly ScoreDefinition Definition = new(
        "nafld-fibrosis-score", "1.1.0", "NAFLD fibrosis score", decimal.MinValue, null,
        "reported to three decimals, half away from zero; the band uses the unrounded value",
        [SnapshotKeys.AgeYears, SnapshotKeys.Bmi, SnapshotKeys.Findings.DiabetesOrImpairedFastingGlucose, SnapshotKeys.Labs.Ast, SnapshotKeys.Labs.Alt, SnapshotKeys.Labs.Platelets, SnapshotKeys.Labs.Albumin], [Angulo2007, Fib4.McPherson2017])
    {
        Population = new(
            "Adults with fatty liver disease (NAFLD/MASLD) being staged for fibrosis (Angulo 2007); not once cirrhosis is established, nor in acute hepatitis (EASL 2021 NIT; Kwo 2017 for the 15 × upper-limit threshold).",
            [Angulo2007, Populations.Easl2021Nit, Populations.Kwo2017],
            [new(Populations.FattyLiverDisease, true, "for fatty liver disease (NAFLD/MASLD), the disease it was derived in", Angulo2007),
                Populations.NotEstablishedCirrhosis, Populations.NotAcuteHepatitis]) { RelevantWhen = Populations.FattyLiverDisease },
    };

    /// <summary>Bands (Angulo 2007): &lt; −1.455, −1.455 to 0.676, &gt; 0.676.</summary>
    public static readonly IReadOnlyList<Band> FibrosisBands =
    [
        Band.Below(-1.455m, "low (advanced fibrosis unlikely, F0-F2)"),
        Band.Between(-1.455m, 0.676m, "indeterminate"),
        Band.Above(0.676m, "high (advanced fibrosis likely, F3-F4)"),
    ];

    /// <summary>Bands from age 65 (McPherson 2017): lower cut-off 0.12 instead of −1.455; the upper cut-off 0.676 is kept.</summary>
    public static readonly IReadOnlyList<Band> Age65Bands =
    [
        Band.Below(0.12m, "low (advanced fibrosis unlikely, F0-F2)"),
        Band.Between(0.12m, 0.676m, "indeterminate"),
        Band.Above(0.676m, "high (advanced fibrosis likely, F3-F4)"),
    ];

    /// <summary>Age from which <see cref="Age65Bands"/> apply (McPherson 2017: "≥65 years").</summary>
    public const decimal McPhersonAgeYears = 65m;

    /// <summary>The inputs the score needs.</summary>
    /// <param name="AgeYears">Age in years.</param>
    /// <param name="Bmi">Body mass index, kg/m².</param>
    /// <param name="DiabetesOrImpairedFastingGlucose">Impaired fasting glucose or diabetes.</param>
    /// <param name="Ast">AST.</param>
    /// <param name="Alt">ALT.</param>
    /// <param name="Platelets">Platelet count.</param>
    /// <param name="Albumin">Serum albumin.</param>
    public sealed record Inputs(decimal AgeYears, decimal Bmi, bool DiabetesOrImpairedFastingGlucose, Ast Ast, Alt Alt, Platelets Platelets, Albumin Albumin);

    /// <summary>Gathers the inputs from a snapshot and calculates, or names what is missing.</summary>
    /// <param name="snapshot">The patient.</param>
    /// <param name="recordSteps">False to compute without keeping the breakdown (same value).</param>
    public static ScoreOutcome Evaluate(PatientSnapshot snapshot, bool recordSteps = true)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var r = new Requirements();
        var l = snapshot.Labs;
        var inputs = new Inputs(
            r.Need(snapshot.AgeYears, SnapshotKeys.AgeYears), r.Need(snapshot.Bmi, SnapshotKeys.Bmi), r.Need(snapshot.Findings.DiabetesOrImpairedFastingGlucose, SnapshotKeys.Findings.DiabetesOrImpairedFastingGlucose),
            r.Need(l.Ast, SnapshotKeys.Labs.Ast), r.Need(l.Alt, SnapshotKeys.Labs.Alt), r.Need(l.Platelets, SnapshotKeys.Labs.Platelets), r.Need(l.Albumin, SnapshotKeys.Labs.Albumin));
        return r.Outcome(Definition, inputs, recordSteps, Calculate);
    }

    /// <summary>Calculates the score and its band, one term per step.</summary>
    public static ScoreResult Calculate(Inputs inputs, bool recordSteps = true)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var b = Breakdown.For(recordSteps, Angulo2007);
        var ratio = b.Input("AST / ALT", inputs.Ast.UnitsPerLiter / inputs.Alt.UnitsPerLiter, $"{Breakdown.F(inputs.Ast.UnitsPerLiter)} / {Breakdown.F(inputs.Alt.UnitsPerLiter)} U/L");
        var unrounded = b.Add(StepKind.Term, "intercept", -1.675m, Angulo2007.Key)
            + b.Term(0.037m, "age", inputs.AgeYears, $"age {Breakdown.F(inputs.AgeYears)} years")
            + b.Term(0.094m, "BMI", inputs.Bmi, $"BMI {Breakdown.F(inputs.Bmi)} kg/m²")
            + b.Factor(1.13m, "IFG/diabetes", inputs.DiabetesOrImpairedFastingGlucose, $"{(inputs.DiabetesOrImpairedFastingGlucose ? "yes (1)" : "no (0)")}")
            + b.Term(0.99m, "AST/ALT", ratio)
            - b.Term(0.013m, "platelets", inputs.Platelets.BillionsPerLiter, $"platelets {Breakdown.F(inputs.Platelets.BillionsPerLiter)} × 10^9/L, subtracted")
            - b.Term(0.66m, "albumin", inputs.Albumin.GramsPerDeciliter, $"albumin {Breakdown.F(inputs.Albumin.GramsPerDeciliter)} g/dL, subtracted");
        b.Sum("NFS before rounding", unrounded, "linear predictor (Angulo 2007)");
        var value = b.Round("NFS", unrounded, 3);
        var (bands, source) = inputs.AgeYears >= McPhersonAgeYears
            ? (Age65Bands, "McPherson 2017 cut-offs (age 65 or more): < 0.12 and > 0.676")
            : (FibrosisBands, "Angulo 2007 cut-offs: < -1.455 and > 0.676");
        b.Note("cut-off set", source);
        var category = b.Category("advanced fibrosis", unrounded, Bands.Find(bands, unrounded), source);
        List<InputIssue> warnings = [];
        if (Fib4.PoorAtAge(inputs.AgeYears))
        {
            warnings.Add(InputIssue.Warning(IssueCodes.UnusualPatient, SnapshotKeys.AgeYears, "The NAFLD fibrosis score performs poorly at age 35 and under (McPherson 2017); interpret with caution."));
        }

        return new ScoreResult(Definition, value, unrounded, category, b.Steps, warnings);
    }
}
