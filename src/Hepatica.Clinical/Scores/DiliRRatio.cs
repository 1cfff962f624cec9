using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Scores;

/// <summary>
/// Pattern of liver injury by the R ratio (CIOMS consensus, Bénichou 1990; EASL DILI guideline 2019):
/// <c>R = (ALT / ALT ULN) / (ALP / ALP ULN)</c>; R ≥ 5 hepatocellular, R ≤ 2 cholestatic, 2 &lt; R &lt; 5 mixed. Upper
/// limits are the reporting laboratory's. Reported to two decimals (half away from zero); the pattern uses the unrounded
/// value. Use the values at recognition of the injury.
/// </summary>
public static class DiliRRatio
{
    /// <summary>Bénichou 1990: the CIOMS consensus that defined R and the three patterns.</summary>
    public static readonly Citation Benichou1990 = new(
        "Bénichou 1990",
        "Bénichou C. Criteria of drug-induced liver disorders. Report of an international consensus meeting. J Hepatol 1990;11(2):272-276.",
        1990, "https://doi.org/10.1016/0168-8278(90)90124-a");

    /// <summary>EASL 2019: Clinical Practice Guidelines on drug-induced liver injury (R and nR, the same cut-offs).</summary>
    public static readonly Citation Easl2019 = new(
        "EASL DILI 2019",
        "European Association for the Study of the Liver. EASL Clinical Practice Guidelines: Drug-induced liver injury. J Hepatol 2019;70(6):1222-1261.",
        2019, "https://doi.org/10.1016/j.jhep.2019.02.014");

    /// <summary>What the R ratio is, its range and sources.</summary>
    public static readonly ScoreDefinition Definition = new(
        "dili-r-ratio", "1.0.0", "DILI pattern (R ratio)", 0m, null,
        "reported to two decimals, half away from zero; the pattern uses the unrounded value",
        [SnapshotKeys.Labs.Alt, SnapshotKeys.Labs.AltUpperLimit, SnapshotKeys.Labs.Alp, SnapshotKeys.Labs.AlpUpperLimit], [Benichou1990, Easl2019])
    {
        Population = new(
            "Patients with suspected drug-induced liver injury, to classify its pattern (Benichou 1990; EASL 2019); no gate is checked.",
            [Benichou1990, Easl2019], []) { RelevantWhen = Populations.SuspectedDrugInjury },
    };

    /// <summary>Patterns (Bénichou 1990; EASL 2019): ≤ 2 cholestatic, between mixed, ≥ 5 hepatocellular.</summary>
    public static readonly IReadOnlyList<Band> Patterns =
        [Band.AtMost(2m, "cholestatic"), Band.AboveBelow(2m, 5m, "mixed"), Band.AtLeast(5m, "hepatocellular")];

    /// <summary>The inputs of the R ratio.</summary>
    /// <param name="Alt">ALT.</param>
    /// <param name="AltUpperLimit">The laboratory's ALT upper limit of normal.</param>
    /// <param name="Alp">Alkaline phosphatase.</param>
    /// <param name="AlpUpperLimit">The laboratory's ALP upper limit of normal.</param>
    public sealed record Inputs(Alt Alt, Alt AltUpperLimit, Alp Alp, Alp AlpUpperLimit);

    /// <summary>Gathers the inputs from a snapshot and calculates, or names what is missing.</summary>
    /// <param name="snapshot">The patient.</param>
    /// <param name="recordSteps">False to compute without keeping the breakdown (same value).</param>
    public static ScoreOutcome Evaluate(PatientSnapshot snapshot, bool recordSteps = true)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var labs = snapshot.Labs;
        var r = new Requirements();
        var inputs = new Inputs(
            r.Need(labs.Alt, SnapshotKeys.Labs.Alt), r.Need(labs.AltUpperLimit, SnapshotKeys.Labs.AltUpperLimit), r.Need(labs.Alp, SnapshotKeys.Labs.Alp), r.Need(labs.AlpUpperLimit, SnapshotKeys.Labs.AlpUpperLimit));
        return r.Outcome(Definition, inputs, recordSteps, Calculate);
    }

    /// <summary>Calculates R and the pattern.</summary>
    public static ScoreResult Calculate(Inputs inputs, bool recordSteps = true)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var b = Breakdown.For(recordSteps);
        var alt = b.Input("ALT / ULN", inputs.Alt.UnitsPerLiter / inputs.AltUpperLimit.UnitsPerLiter, $"{Breakdown.F(inputs.Alt.UnitsPerLiter)} / {Breakdown.F(inputs.AltUpperLimit.UnitsPerLiter)} U/L");
        var alp = b.Input("ALP / ULN", inputs.Alp.UnitsPerLiter / inputs.AlpUpperLimit.UnitsPerLiter, $"{Breakdown.F(inputs.Alp.UnitsPerLiter)} / {Breakdown.F(inputs.AlpUpperLimit.UnitsPerLiter)} U/L");
        return Finish(Definition, b, alt, alp, "R = (ALT / ULN) / (ALP / ULN)", "Bénichou 1990; EASL DILI 2019");
    }

    /// <summary>The ratio, its rounding and the pattern: shared with <see cref="DiliNewR"/>.</summary>
    internal static ScoreResult Finish(ScoreDefinition definition, Breakdown b, decimal aminotransferase, decimal alp, string formula, string source)
    {
        var unrounded = b.Sum(formula, aminotransferase / alp, source);
        var value = b.Round(definition.Id == "dili-new-r" ? "nR" : "R", unrounded, 2);
        var category = b.Category("pattern", unrounded, Bands.Find(Patterns, unrounded), source + ": ≥ 5 hepatocellular, ≤ 2 cholestatic, between mixed");
        return new ScoreResult(definition, value, unrounded, category, b.Steps, []);
    }
}
