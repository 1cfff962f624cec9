using Hepatica.Clinical.Findings;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Scores;

/// <summary>
/// Child-Turcotte-Pugh score (Pugh 1973): 1-3 points each for bilirubin, albumin, INR, ascites and hepatic
/// encephalopathy; total 5-15; class A 5-6, B 7-9, C 10-15. Middle bands include both ends. INR replaces Pugh's
/// prothrombin-time prolongation with the bands &lt; 1.7 / 1.7-2.3 / &gt; 2.3 in common use (MDCalc); for cholestatic
/// disease (PBC, PSC) the bilirubin bands are &lt; 4 / 4-10 / &gt; 10 mg/dL (Pugh 1973, for primary biliary cirrhosis).
/// </summary>
public static class ChildPugh
{
    /// <summary>Pugh 1973.</summary>
    public static readonly Citation Pugh1973 = new(
        "Pugh 1973",
        "Pugh RN, Murray-Lyon IM, Dawson JL, Pietroni MC, Williams R. Transection of the oesophagus for bleeding oesophageal varices. Br J Surg 1973;60(8):646-649.",
        1973, "https://doi.org/10.1002/bjs.1800600817");

    /// <summary>MDCalc's Child-Pugh page: the INR bands that replace prothrombin-time prolongation.</summary>
    public static readonly Citation MdCalc = new(
        "MDCalc Child-Pugh",
        "MDCalc. Child-Pugh Score for Cirrhosis Mortality (INR bands < 1.7, 1.7-2.3, > 2.3).",
        2024, "https://www.mdcalc.com/calc/340/child-pugh-score-cirrhosis-mortality");

    /// <summary>What Child-Pugh is, its range and sources.</summary>
    public static readonly ScoreDefinition Definition = new(
        "child-pugh", "1.0.0", "Child-Turcotte-Pugh", 5m, 15m, "integer points; no rounding",
        [SnapshotKeys.Labs.Bilirubin, SnapshotKeys.Labs.Albumin, SnapshotKeys.Labs.Inr, SnapshotKeys.Findings.Ascites, SnapshotKeys.Findings.EncephalopathyGrade, SnapshotKeys.Findings.CholestaticLiverDisease],
        [Pugh1973, MdCalc])
    {
        Population = new(
            "Patients with cirrhosis (Pugh 1973: cirrhosis with bleeding oesophageal varices, after Child and Turcotte's grading of cirrhosis before shunt surgery).",
            [Pugh1973],
            [Populations.CirrhosisRequired(Pugh1973, "for cirrhosis, the patients it was derived in")]),
    };

    /// <summary>Bilirubin bands, mg/dL (Pugh 1973): &lt; 2, 2-3, &gt; 3.</summary>
    public static readonly IReadOnlyList<Band> BilirubinBands =
        [Band.Below(2m, 1), Band.Between(2m, 3m, 2), Band.Above(3m, 3)];

    /// <summary>Bilirubin bands for cholestatic disease, mg/dL (Pugh 1973): &lt; 4, 4-10, &gt; 10.</summary>
    public static readonly IReadOnlyList<Band> CholestaticBilirubinBands =
        [Band.Below(4m, 1), Band.Between(4m, 10m, 2), Band.Above(10m, 3)];

    /// <summary>Albumin bands, g/dL (Pugh 1973): &gt; 3.5, 2.8-3.5, &lt; 2.8.</summary>
    public static readonly IReadOnlyList<Band> AlbuminBands =
        [Band.Above(3.5m, 1), Band.Between(2.8m, 3.5m, 2), Band.Below(2.8m, 3)];

    /// <summary>INR bands (MDCalc): &lt; 1.7, 1.7-2.3, &gt; 2.3.</summary>
    public static readonly IReadOnlyList<Band> InrBands =
        [Band.Below(1.7m, 1), Band.Between(1.7m, 2.3m, 2), Band.Above(2.3m, 3)];

    /// <summary>Class by total points (Pugh 1973): A 5-6, B 7-9, C 10-15.</summary>
    public static readonly IReadOnlyList<Band> ClassBands =
        [Band.Between(5m, 6m, "A"), Band.Between(7m, 9m, "B"), Band.Between(10m, 15m, "C")];

    /// <summary>The inputs Child-Pugh needs.</summary>
    /// <param name="Bilirubin">Total bilirubin.</param>
    /// <param name="Albumin">Serum albumin.</param>
    /// <param name="Inr">INR.</param>
    /// <param name="Ascites">Ascites grade.</param>
    /// <param name="Encephalopathy">West Haven grade.</param>
    /// <param name="Cholestatic">True for PBC/PSC: cholestatic bilirubin bands.</param>
    public sealed record Inputs(Bilirubin Bilirubin, Albumin Albumin, Inr Inr, Ascites Ascites, EncephalopathyGrade Encephalopathy, bool Cholestatic);

    /// <summary>Gathers the inputs from a snapshot and calculates, or names what is missing.</summary>
    /// <param name="snapshot">The patient.</param>
    /// <param name="recordSteps">False to compute without keeping the breakdown (same value).</param>
    public static ScoreOutcome Evaluate(PatientSnapshot snapshot, bool recordSteps = true)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var r = new Requirements();
        var inputs = new Inputs(
            r.Need(snapshot.Labs.Bilirubin, SnapshotKeys.Labs.Bilirubin), r.Need(snapshot.Labs.Albumin, SnapshotKeys.Labs.Albumin),
            r.Need(snapshot.Labs.Inr, SnapshotKeys.Labs.Inr), r.Need(snapshot.Findings.Ascites, SnapshotKeys.Findings.Ascites),
            r.Need(snapshot.Findings.Encephalopathy, SnapshotKeys.Findings.EncephalopathyGrade),
            r.Need(snapshot.Findings.CholestaticLiverDisease, SnapshotKeys.Findings.CholestaticLiverDisease));
        return r.Outcome(Definition, inputs, recordSteps, Calculate);
    }

    /// <summary>Ascites points (Pugh 1973): none 1, mild 2, moderate-severe 3.</summary>
    public static readonly PointsTable<Ascites> AscitesPoints = new(
        new(Ascites.None, "none", "ascites none", 1), new(Ascites.Mild, "mild", "ascites mild", 2),
        new(Ascites.ModerateSevere, "moderate-severe", "ascites moderate-severe", 3));

    /// <summary>Calculates the points, total and class with a step for each item.</summary>
    public static ScoreResult Calculate(Inputs inputs, bool recordSteps = true)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var b = Breakdown.For(recordSteps, Pugh1973);
        var bili = inputs.Bilirubin.MilligramsPerDeciliter;
        var total = inputs.Cholestatic
            ? b.BandPoints("bilirubin (cholestatic bands), mg/dL", bili, CholestaticBilirubinBands, "Pugh 1973, cholestatic disease")
            : b.BandPoints("bilirubin, mg/dL", bili, BilirubinBands, Pugh1973.Key);
        total += b.BandPoints("albumin, g/dL", inputs.Albumin.GramsPerDeciliter, AlbuminBands, Pugh1973.Key);
        total += b.BandPoints("INR", inputs.Inr.Ratio, InrBands, "MDCalc INR bands");
        var ascites = AscitesPoints[inputs.Ascites];
        total += b.Points("ascites", ascites.Score, $"{ascites.Words}: {ascites.Score} (none 1, mild 2, moderate-severe 3; Pugh 1973)");
        var grade = inputs.Encephalopathy.Grade;
        var he = grade == 0 ? 1m : grade <= 2 ? 2m : 3m;
        total += b.Points("encephalopathy", he, $"West Haven grade {grade}: {he} (none 1, grade 1-2 2, grade 3-4 3; Pugh 1973)");
        b.Sum("total", total, "sum of the five items");
        var category = b.Category("class", total, Bands.Find(ClassBands, total));
        return new ScoreResult(Definition, total, null, category, b.Steps, []);
    }
}
