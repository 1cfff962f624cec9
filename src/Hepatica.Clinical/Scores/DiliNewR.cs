using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Scores;

/// <summary>
/// The "new R" (nR; Robles-Diaz 2014, adopted by the EASL DILI guideline 2019): the R ratio with the higher of ALT / ULN and
/// AST / ULN in the numerator, <c>nR = max(ALT / ULN, AST / ULN) / (ALP / ULN)</c>; the same patterns as R (≥ 5
/// hepatocellular, ≤ 2 cholestatic, between mixed). Reported to two decimals (half away from zero); the pattern uses the
/// unrounded value.
/// </summary>
public static class DiliNewR
{
    /// <summary>Robles-Diaz 2014: the nR and its use in the Spanish DILI registry.</summary>
    public static readonly Citation RoblesDiaz2014 = new(
        "Robles-Diaz 2014",
        "Robles-Diaz M, Lucena MI, Kaplowitz N, et al. Use of Hy's law and a new composite algorithm to predict acute liver failure in patients with drug-induced liver injury. Gastroenterology 2014;147(1):109-118.e5.",
        2014, "https://doi.org/10.1053/j.gastro.2014.03.050");

    /// <summary>What nR is, its range and sources.</summary>
    public static readonly ScoreDefinition Definition = new(
        "dili-new-r", "1.0.0", "DILI pattern (new R, nR)", 0m, null,
        "reported to two decimals, half away from zero; the pattern uses the unrounded value",
        [SnapshotKeys.Labs.Alt, SnapshotKeys.Labs.AltUpperLimit, SnapshotKeys.Labs.Ast, SnapshotKeys.Labs.AstUpperLimit, SnapshotKeys.Labs.Alp, SnapshotKeys.Labs.AlpUpperLimit],
        [RoblesDiaz2014, DiliRRatio.Easl2019])
    {
        Population = new(
            "Patients with suspected drug-induced liver injury, to classify its pattern (Robles-Diaz 2014); no gate is checked.",
            [RoblesDiaz2014], []) { RelevantWhen = Populations.SuspectedDrugInjury },
    };

    /// <summary>The inputs of nR.</summary>
    /// <param name="Alt">ALT.</param>
    /// <param name="AltUpperLimit">The laboratory's ALT upper limit of normal.</param>
    /// <param name="Ast">AST.</param>
    /// <param name="AstUpperLimit">The laboratory's AST upper limit of normal.</param>
    /// <param name="Alp">Alkaline phosphatase.</param>
    /// <param name="AlpUpperLimit">The laboratory's ALP upper limit of normal.</param>
    public sealed record Inputs(Alt Alt, Alt AltUpperLimit, Ast Ast, Ast AstUpperLimit, Alp Alp, Alp AlpUpperLimit);

    /// <summary>Gathers the inputs from a snapshot and calculates, or names what is missing.</summary>
    /// <param name="snapshot">The patient.</param>
    /// <param name="recordSteps">False to compute without keeping the breakdown (same value).</param>
    public static ScoreOutcome Evaluate(PatientSnapshot snapshot, bool recordSteps = true)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var labs = snapshot.Labs;
        var r = new Requirements();
        var inputs = new Inputs(
            r.Need(labs.Alt, SnapshotKeys.Labs.Alt), r.Need(labs.AltUpperLimit, SnapshotKeys.Labs.AltUpperLimit), r.Need(labs.Ast, SnapshotKeys.Labs.Ast), r.Need(labs.AstUpperLimit, SnapshotKeys.Labs.AstUpperLimit),
            r.Need(labs.Alp, SnapshotKeys.Labs.Alp), r.Need(labs.AlpUpperLimit, SnapshotKeys.Labs.AlpUpperLimit));
        return r.Outcome(Definition, inputs, recordSteps, Calculate);
    }

    /// <summary>Calculates nR and the pattern, naming the aminotransferase used.</summary>
    public static ScoreResult Calculate(Inputs inputs, bool recordSteps = true)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var b = Breakdown.For(recordSteps);
        var alt = b.Input("ALT / ULN", inputs.Alt.UnitsPerLiter / inputs.AltUpperLimit.UnitsPerLiter, $"{Breakdown.F(inputs.Alt.UnitsPerLiter)} / {Breakdown.F(inputs.AltUpperLimit.UnitsPerLiter)} U/L");
        var ast = b.Input("AST / ULN", inputs.Ast.UnitsPerLiter / inputs.AstUpperLimit.UnitsPerLiter, $"{Breakdown.F(inputs.Ast.UnitsPerLiter)} / {Breakdown.F(inputs.AstUpperLimit.UnitsPerLiter)} U/L");
        var alp = b.Input("ALP / ULN", inputs.Alp.UnitsPerLiter / inputs.AlpUpperLimit.UnitsPerLiter, $"{Breakdown.F(inputs.Alp.UnitsPerLiter)} / {Breakdown.F(inputs.AlpUpperLimit.UnitsPerLiter)} U/L");
        var higher = Math.Max(alt, ast);
        b.Note("aminotransferase used", ast > alt ? "AST / ULN is higher than ALT / ULN (Robles-Diaz 2014)" : "ALT / ULN is at least AST / ULN (Robles-Diaz 2014)");
        return DiliRRatio.Finish(Definition, b, higher, alp, "nR = max(ALT / ULN, AST / ULN) / (ALP / ULN)", "Robles-Diaz 2014; EASL DILI 2019");
    }
}
