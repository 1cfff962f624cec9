using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Scores;

/// <summary>
/// Glasgow alcoholic hepatitis score (Forrest et al., Gut 2005): 1-3 points each for age (&lt; 50 / ≥ 50), white cell
/// count (&lt; 15 / ≥ 15 × 10^9/L), urea (&lt; 5 / ≥ 5 mmol/L), PT ratio or INR (&lt; 1.5 / 1.5-2.0 / &gt; 2.0) and
/// bilirubin (&lt; 125 / 125-250 / &gt; 250 µmol/L); total 5-12; ≥ 9 poor prognosis. Forrest 2005 found the score
/// equally accurate with INR or PT ratio: the INR is used when given, otherwise PT / control PT.
/// </summary>
public static class Gahs
{
    /// <summary>Forrest 2005: derivation and validation, the point table and the cut-off 9.</summary>
    public static readonly Citation Forrest2005 = new(
        "Forrest 2005",
        "Forrest EH, Evans CDJ, Stewart S, et al. Analysis of factors predictive of mortality in alcoholic hepatitis and derivation and validation of the Glasgow alcoholic hepatitis score. Gut 2005;54(8):1174-1179.",
        2005, "https://doi.org/10.1136/gut.2004.050781");

    /// <summary>Forrest 2007: the point table reproduced (Table 1) with "PT ratio or INR" and "≥ 9 poor prognosis".</summary>
    public static readonly Citation Forrest2007 = new(
        "Forrest 2007",
        "Forrest EH, Morris AJ, Stewart S, et al. The Glasgow alcoholic hepatitis score identifies patients who may benefit from corticosteroids. Gut 2007;56(12):1743-1746.",
        2007, "https://doi.org/10.1136/gut.2006.099226");

    /// <summary>What GAHS is, its range and sources.</summary>
    public static readonly ScoreDefinition Definition = new(
        "gahs", "1.0.0", "Glasgow alcoholic hepatitis score", 5m, 12m, "integer points; no rounding",
        [SnapshotKeys.AgeYears, SnapshotKeys.Labs.Wbc, SnapshotKeys.Labs.Urea, SnapshotKeys.Labs.Inr, SnapshotKeys.Labs.Pt, SnapshotKeys.Labs.PtControl, SnapshotKeys.Labs.Bilirubin], [Forrest2005, Forrest2007])
    {
        Population = new(
            "Patients with alcohol-associated hepatitis (Forrest 2005; Forrest 2007).",
            [Forrest2005, Forrest2007],
            [Populations.AlcoholAssociatedHepatitisRequired(Forrest2005)]) { RelevantWhen = Populations.AlcoholAssociatedHepatitis },
    };

    /// <summary>Age bands, years (Forrest 2005): &lt; 50, ≥ 50.</summary>
    public static readonly IReadOnlyList<Band> AgeBands = [Band.Below(50m, 1), Band.AtLeast(50m, 2)];

    /// <summary>White cell bands, 10^9/L (Forrest 2005): &lt; 15, ≥ 15.</summary>
    public static readonly IReadOnlyList<Band> WbcBands = [Band.Below(15m, 1), Band.AtLeast(15m, 2)];

    /// <summary>Urea bands, mmol/L (Forrest 2005): &lt; 5, ≥ 5.</summary>
    public static readonly IReadOnlyList<Band> UreaBands = [Band.Below(5m, 1), Band.AtLeast(5m, 2)];

    /// <summary>PT ratio or INR bands (Forrest 2005): &lt; 1.5, 1.5-2.0, &gt; 2.0.</summary>
    public static readonly IReadOnlyList<Band> CoagulationBands =
        [Band.Below(1.5m, 1), Band.Between(1.5m, 2.0m, 2), Band.Above(2.0m, 3)];

    /// <summary>Bilirubin bands, µmol/L (Forrest 2005): &lt; 125, 125-250, &gt; 250.</summary>
    public static readonly IReadOnlyList<Band> BilirubinBands =
        [Band.Below(125m, 1), Band.Between(125m, 250m, 2), Band.Above(250m, 3)];

    /// <summary>The category of a total ≥ 9 (Forrest 2005).</summary>
    public const string PoorPrognosis = "poor prognosis";

    /// <summary>Prognosis by total (Forrest 2005): ≥ 9 poor.</summary>
    public static readonly IReadOnlyList<Band> PrognosisBands =
        [Band.Between(5m, 8m, "not poor prognosis"), Band.Between(9m, 12m, PoorPrognosis)];

    /// <summary>The inputs GAHS needs.</summary>
    /// <param name="AgeYears">Age in years.</param>
    /// <param name="Wbc">White cell count.</param>
    /// <param name="Urea">Urea.</param>
    /// <param name="CoagulationRatio">INR, or PT / control PT.</param>
    /// <param name="CoagulationSource">What <paramref name="CoagulationRatio"/> is, for the breakdown (for example "INR").</param>
    /// <param name="Bilirubin">Total bilirubin.</param>
    public sealed record Inputs(decimal AgeYears, WhiteCells Wbc, Urea Urea, decimal CoagulationRatio, string CoagulationSource, Bilirubin Bilirubin);

    /// <summary>Gathers the inputs from a snapshot and calculates, or names what is missing.</summary>
    /// <param name="snapshot">The patient.</param>
    /// <param name="recordSteps">False to compute without keeping the breakdown (same value).</param>
    public static ScoreOutcome Evaluate(PatientSnapshot snapshot, bool recordSteps = true)
    {
        ArgumentNullException.ThrowIfNull(snapshot);

        var labs = snapshot.Labs;
        var r = new Requirements();
        var age = r.Need(snapshot.AgeYears, SnapshotKeys.AgeYears);
        var wbc = r.Need(labs.Wbc, SnapshotKeys.Labs.Wbc);
        var urea = r.Need(labs.Urea, SnapshotKeys.Labs.Urea);
        (decimal Ratio, string Source)? coagulation =
            labs.Inr is { } inr ? (inr.Ratio, "INR")
            : labs.ProthrombinTime is { } pt && labs.ProthrombinTimeControl is { } control ? (pt.Seconds / control.Seconds, $"PT ratio {Breakdown.F(pt.Seconds)} s / {Breakdown.F(control.Seconds)} s (no INR given)")
            : null;
        var coag = r.Need(coagulation, SnapshotKeys.Labs.Inr);
        var bili = r.Need(labs.Bilirubin, SnapshotKeys.Labs.Bilirubin);
        return r.AllPresent
            ? ScoreOutcome.Calculated(Calculate(new Inputs(age, wbc, urea, coag.Ratio, coag.Source, bili), recordSteps))
            : ScoreOutcome.NotCalculable(Definition, r.Missing);
    }

    /// <summary>Calculates the points, total and prognosis with a step for each item.</summary>
    public static ScoreResult Calculate(Inputs inputs, bool recordSteps = true)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var b = Breakdown.For(recordSteps);
        var total = b.BandPoints("age, years", inputs.AgeYears, AgeBands, Forrest2005.Key)
            + b.BandPoints("white cells, 10^9/L", inputs.Wbc.BillionsPerLiter, WbcBands, Forrest2005.Key)
            + b.BandPoints("urea, mmol/L", inputs.Urea.MillimolesPerLiter, UreaBands, Forrest2005.Key)
            + b.BandPoints(inputs.CoagulationSource, inputs.CoagulationRatio, CoagulationBands, Forrest2005.Key)
            + b.BandPoints("bilirubin, µmol/L", inputs.Bilirubin.MicromolesPerLiter, BilirubinBands, Forrest2005.Key);
        b.Sum("total", total, "sum of the five items");
        var category = b.Category("prognosis", total, Bands.Find(PrognosisBands, total), Forrest2005);
        return new ScoreResult(Definition, total, null, category, b.Steps, []);
    }
}
