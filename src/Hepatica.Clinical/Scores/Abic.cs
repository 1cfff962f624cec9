using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Scores;

/// <summary>
/// ABIC score for alcohol-associated hepatitis (Dominguez et al., Am J Gastroenterol 2008):
/// <c>0.1 × age + 0.08 × bilirubin (mg/dL) + 0.3 × creatinine (mg/dL) + 0.8 × INR</c>; 90-day risk low &lt; 6.71,
/// intermediate 6.71 to &lt; 9.0, high ≥ 9.0. No floors or caps. Reported to two decimals (half away from zero); the
/// band is taken from the unrounded value, as for ALBI.
/// </summary>
public static class Abic
{
    /// <summary>Dominguez 2008.</summary>
    public static readonly Citation Dominguez2008 = new(
        "Dominguez 2008",
        "Dominguez M, Rincón D, Abraldes JG, et al. A new scoring system for prognostic stratification of patients with alcoholic hepatitis. Am J Gastroenterol 2008;103(11):2747-2756.",
        2008, "https://doi.org/10.1111/j.1572-0241.2008.02104.x");

    /// <summary>What ABIC is, its range and sources.</summary>
    public static readonly ScoreDefinition Definition = new(
        "abic", "1.0.0", "ABIC score (alcohol-associated hepatitis)", 0m, null,
        "reported to two decimals, half away from zero; the risk band uses the unrounded value (Dominguez 2008)",
        [SnapshotKeys.AgeYears, SnapshotKeys.Labs.Bilirubin, SnapshotKeys.Labs.Creatinine, SnapshotKeys.Labs.Inr], [Dominguez2008])
    {
        Population = new(
            "Patients with alcohol-associated hepatitis (Dominguez 2008).",
            [Dominguez2008],
            [Populations.AlcoholAssociatedHepatitisRequired(Dominguez2008)]) { RelevantWhen = Populations.AlcoholAssociatedHepatitis },
    };

    /// <summary>90-day risk bands (Dominguez 2008: cut-offs 6.71 and 9.0; survival 100%, 70%, 25%).</summary>
    public static readonly IReadOnlyList<Band> RiskBands =
        [Band.Below(6.71m, "low risk"), Band.AtLeastBelow(6.71m, 9.0m, "intermediate risk"), Band.AtLeast(9.0m, "high risk")];

    /// <summary>The inputs ABIC needs.</summary>
    /// <param name="AgeYears">Age in years.</param>
    /// <param name="Bilirubin">Total bilirubin.</param>
    /// <param name="Creatinine">Serum creatinine.</param>
    /// <param name="Inr">INR.</param>
    public sealed record Inputs(decimal AgeYears, Bilirubin Bilirubin, Creatinine Creatinine, Inr Inr);

    /// <summary>Gathers the inputs from a snapshot and calculates, or names what is missing.</summary>
    /// <param name="snapshot">The patient.</param>
    /// <param name="recordSteps">False to compute without keeping the breakdown (same value).</param>
    public static ScoreOutcome Evaluate(PatientSnapshot snapshot, bool recordSteps = true)
    {
        ArgumentNullException.ThrowIfNull(snapshot);

        var r = new Requirements();
        var inputs = new Inputs(
            r.Need(snapshot.AgeYears, SnapshotKeys.AgeYears), r.Need(snapshot.Labs.Bilirubin, SnapshotKeys.Labs.Bilirubin),
            r.Need(snapshot.Labs.Creatinine, SnapshotKeys.Labs.Creatinine), r.Need(snapshot.Labs.Inr, SnapshotKeys.Labs.Inr));
        return r.Outcome(Definition, inputs, recordSteps, Calculate);
    }

    /// <summary>Calculates ABIC and its risk band.</summary>
    public static ScoreResult Calculate(Inputs inputs, bool recordSteps = true)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var b = Breakdown.For(recordSteps, Dominguez2008);
        var age = b.Input("age", inputs.AgeYears, "age, years");
        var bili = b.Input(inputs.Bilirubin, "total bilirubin, mg/dL");
        var cr = b.Input(inputs.Creatinine, "serum creatinine, mg/dL");
        var inr = b.Input(inputs.Inr, "INR");
        var unrounded =
            b.Term(0.1m, "age", age)
            + b.Term(0.08m, "bilirubin", bili)
            + b.Term(0.3m, "creatinine", cr)
            + b.Term(0.8m, "INR", inr);
        b.Sum("ABIC before rounding", unrounded, "sum of the terms");
        var value = b.Round("ABIC", unrounded, 2);
        var category = b.Category("90-day risk", unrounded, Bands.Find(RiskBands, unrounded), "Dominguez 2008; the unrounded value is banded");
        return new ScoreResult(Definition, value, unrounded, category, b.Steps, []);
    }
}
