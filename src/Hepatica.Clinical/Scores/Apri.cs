using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Scores;

/// <summary>
/// APRI, the AST to platelet ratio index (Wai et al., Hepatology 2003): <c>(AST / AST upper limit of normal) × 100
/// / platelets (10^9/L)</c>; reported to two decimals (half away from zero); bands use the unrounded value. Cut-offs
/// as the WHO 2014 hepatitis C guideline applies them: ≤ 0.5 significant fibrosis unlikely; &gt; 1.5 significant
/// fibrosis likely; ≤ 1.0 cirrhosis unlikely; &gt; 2.0 cirrhosis likely. The upper limit of normal must be given:
/// it is never assumed.
/// </summary>
public static class Apri
{
    /// <summary>Wai 2003.</summary>
    public static readonly Citation Wai2003 = new(
        "Wai 2003",
        "Wai CT, Greenson JK, Fontana RJ, et al. A simple noninvasive index can predict both significant fibrosis and cirrhosis in patients with chronic hepatitis C. Hepatology 2003;38(2):518-526.",
        2003, "https://doi.org/10.1053/jhep.2003.50346");

    /// <summary>WHO 2014 hepatitis C guidelines (APRI cut-offs table).</summary>
    public static readonly Citation Who2014 = new(
        "WHO 2014",
        "World Health Organization. Guidelines for the screening, care and treatment of persons with hepatitis C infection. Geneva: WHO; 2014 (APRI low and high cut-offs for F2-F4 and for cirrhosis).",
        2014, "https://www.who.int/publications/i/item/9789241548755");

    /// <summary>What APRI is, its range and sources.</summary>
    public static readonly ScoreDefinition Definition = new(
        "apri", "1.0.0", "APRI (AST to platelet ratio index)", 0m, null,
        "reported to two decimals, half away from zero; bands use the unrounded value",
        [SnapshotKeys.Labs.Ast, SnapshotKeys.Labs.AstUpperLimit, SnapshotKeys.Labs.Platelets], [Wai2003, Who2014])
    {
        Population = new(
            "Adults with chronic liver disease being staged for fibrosis (Wai 2003: chronic hepatitis C; WHO 2014); not once cirrhosis is established, nor in acute hepatitis (EASL 2021 NIT; Kwo 2017 for the 15 × upper-limit threshold).",
            [Wai2003, Who2014, Populations.Easl2021Nit, Populations.Kwo2017],
            [Populations.NotEstablishedCirrhosis, Populations.NotAcuteHepatitis]) { RelevantWhen = Populations.ChronicLiverDisease },
    };

    /// <summary>Interpretation bands combining both targets (Wai 2003; WHO 2014).</summary>
    public static readonly IReadOnlyList<Band> Interpretation =
    [
        Band.AtMost(0.5m, "significant fibrosis and cirrhosis unlikely"),
        Band.AboveUpTo(0.5m, 1.0m, "cirrhosis unlikely; significant fibrosis indeterminate"),
        Band.AboveUpTo(1.0m, 1.5m, "indeterminate"),
        Band.AboveUpTo(1.5m, 2.0m, "significant fibrosis likely; cirrhosis indeterminate"),
        Band.Above(2.0m, "cirrhosis likely"),
    ];

    /// <summary>The inputs APRI needs.</summary>
    /// <param name="Ast">AST.</param>
    /// <param name="AstUpperLimit">The laboratory's AST upper limit of normal.</param>
    /// <param name="Platelets">Platelet count.</param>
    public sealed record Inputs(Ast Ast, Ast AstUpperLimit, Platelets Platelets);

    /// <summary>Gathers the inputs from a snapshot and calculates, or names what is missing.</summary>
    /// <param name="snapshot">The patient.</param>
    /// <param name="recordSteps">False to compute without keeping the breakdown (same value).</param>
    public static ScoreOutcome Evaluate(PatientSnapshot snapshot, bool recordSteps = true)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var r = new Requirements();
        var inputs = new Inputs(
            r.Need(snapshot.Labs.Ast, SnapshotKeys.Labs.Ast), r.Need(snapshot.Labs.AstUpperLimit, SnapshotKeys.Labs.AstUpperLimit),
            r.Need(snapshot.Labs.Platelets, SnapshotKeys.Labs.Platelets));
        return r.Outcome(Definition, inputs, recordSteps, Calculate);
    }

    /// <summary>Calculates APRI and its interpretation.</summary>
    public static ScoreResult Calculate(Inputs inputs, bool recordSteps = true)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var b = Breakdown.For(recordSteps, Wai2003);
        var ast = b.Input(inputs.Ast, "U/L");
        var uln = b.Input("AST upper limit of normal", inputs.AstUpperLimit.UnitsPerLiter, "U/L, from the reporting laboratory");
        var plt = b.Input(inputs.Platelets, "10^9/L");
        var unrounded = b.Sum("(AST / ULN) × 100 / platelets", ast / uln * 100m / plt, "Wai 2003");
        var value = b.Round("APRI", unrounded, 2);
        var category = b.Category("interpretation", unrounded, Bands.Find(Interpretation, unrounded), "Wai 2003; WHO 2014");
        return new ScoreResult(Definition, value, unrounded, category, b.Steps, []);
    }
}
