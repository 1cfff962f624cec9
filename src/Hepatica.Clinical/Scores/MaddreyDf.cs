using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Scores;

/// <summary>
/// Maddrey discriminant function, as modified by Carithers et al. (Ann Intern Med 1989) from Maddrey et al.
/// (Gastroenterology 1978): <c>DF = 4.6 × (patient PT − control PT, seconds) + bilirubin (mg/dL)</c>; DF ≥ 32 is severe
/// alcohol-associated hepatitis. No floors or caps (a PT shorter than the control gives a negative term, as the
/// formula says); a DF below 0, which no patient can have (the bilirubin alone is at least 0), carries a <c>RES001</c>
/// warning that the PT and the control may be swapped or the control wrong. Reported to one decimal (half away from
/// zero); the band uses the unrounded value.
/// </summary>
public static class MaddreyDf
{
    /// <summary>Maddrey 1978: the original discriminant function.</summary>
    public static readonly Citation Maddrey1978 = new(
        "Maddrey 1978",
        "Maddrey WC, Boitnott JK, Bedine MS, Weber FL Jr, Mezey E, White RI Jr. Corticosteroid therapy of alcoholic hepatitis. Gastroenterology 1978;75(2):193-199.",
        1978, "https://pubmed.ncbi.nlm.nih.gov/352788/");

    /// <summary>Carithers 1989: the modified form (PT prolongation over control) and the cut-off 32.</summary>
    public static readonly Citation Carithers1989 = new(
        "Carithers 1989",
        "Carithers RL Jr, Herlong HF, Diehl AM, et al. Methylprednisolone therapy in patients with severe alcoholic hepatitis. A randomized multicenter trial. Ann Intern Med 1989;110(9):685-690.",
        1989, "https://doi.org/10.7326/0003-4819-110-9-685");

    /// <summary>What the discriminant function is, its range and sources.</summary>
    public static readonly ScoreDefinition Definition = new(
        "maddrey-df", "1.0.0", "Maddrey discriminant function (modified)", decimal.MinValue, null,
        "reported to one decimal, half away from zero; the band uses the unrounded value",
        [SnapshotKeys.Labs.Pt, SnapshotKeys.Labs.PtControl, SnapshotKeys.Labs.Bilirubin], [Maddrey1978, Carithers1989])
    {
        Population = new(
            "Patients with alcohol-associated hepatitis (Maddrey 1978; Carithers 1989: severe alcoholic hepatitis in a corticosteroid trial).",
            [Maddrey1978, Carithers1989],
            [Populations.AlcoholAssociatedHepatitisRequired(Carithers1989)]) { RelevantWhen = Populations.AlcoholAssociatedHepatitis },
    };

    /// <summary>The category of a DF ≥ 32 (Carithers 1989).</summary>
    public const string Severe = "severe";

    /// <summary>Severity bands (Carithers 1989): DF ≥ 32 severe.</summary>
    public static readonly IReadOnlyList<Band> SeverityBands =
        [Band.Below(32m, "not severe"), Band.AtLeast(32m, Severe)];

    /// <summary>The inputs the discriminant function needs.</summary>
    /// <param name="ProthrombinTime">The patient's prothrombin time.</param>
    /// <param name="ProthrombinTimeControl">The laboratory's control prothrombin time.</param>
    /// <param name="Bilirubin">Total bilirubin.</param>
    public sealed record Inputs(ProthrombinTime ProthrombinTime, ProthrombinTime ProthrombinTimeControl, Bilirubin Bilirubin);

    /// <summary>Gathers the inputs from a snapshot and calculates, or names what is missing.</summary>
    /// <param name="snapshot">The patient.</param>
    /// <param name="recordSteps">False to compute without keeping the breakdown (same value).</param>
    public static ScoreOutcome Evaluate(PatientSnapshot snapshot, bool recordSteps = true)
    {
        ArgumentNullException.ThrowIfNull(snapshot);

        var r = new Requirements();
        var inputs = new Inputs(
            r.Need(snapshot.Labs.ProthrombinTime, SnapshotKeys.Labs.Pt), r.Need(snapshot.Labs.ProthrombinTimeControl, SnapshotKeys.Labs.PtControl),
            r.Need(snapshot.Labs.Bilirubin, SnapshotKeys.Labs.Bilirubin));
        return r.Outcome(Definition, inputs, recordSteps, Calculate);
    }

    /// <summary>Calculates the discriminant function and its severity band.</summary>
    public static ScoreResult Calculate(Inputs inputs, bool recordSteps = true)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var b = Breakdown.For(recordSteps);
        var pt = b.Input("prothrombin time", inputs.ProthrombinTime.Seconds, "patient's prothrombin time, s");
        var control = b.Input("control prothrombin time", inputs.ProthrombinTimeControl.Seconds, "laboratory's control prothrombin time, s");
        var bili = b.Input(inputs.Bilirubin, "total bilirubin, mg/dL");
        var unrounded =
            b.Term(4.6m, "(PT − control)", (pt - control), $"prolongation {Breakdown.F(pt - control)} s (Carithers 1989)")
            + b.Add(StepKind.Term, "bilirubin", bili, "mg/dL (Maddrey 1978)");
        b.Sum("DF before rounding", unrounded, "sum of the terms");
        var value = b.Round("DF", unrounded, 1);
        var category = b.Category("severity", unrounded, Bands.Find(SeverityBands, unrounded), "Carithers 1989; the unrounded value is banded");
        List<InputIssue> warnings = [];
        if (unrounded < 0m)
        {
            var message = $"DF {Breakdown.F(value)} is below 0: the PT ({Breakdown.F(pt)} s) is shorter than the control ({Breakdown.F(control)} s) by more than the bilirubin explains; check that the PT and the control are not swapped and that the control is the laboratory's";
            warnings.Add(b.Implausible(SnapshotKeys.Labs.Pt, message));
        }

        return new ScoreResult(Definition, value, unrounded, category, b.Steps, warnings);
    }
}
