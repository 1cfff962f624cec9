using Hepatica.Clinical.Labs;
using Hepatica.Clinical.Scoring;
using static Hepatica.Clinical.Scoring.ClinicalMath;

namespace Hepatica.Clinical.Scores;

/// <summary>
/// ALBI (albumin-bilirubin) grade (Johnson et al., J Clin Oncol 2015):
/// <c>ALBI = 0.66 × log10(bilirubin µmol/L) − 0.085 × albumin (g/L)</c>; grade 1 ≤ −2.60, grade 2 &gt; −2.60 to
/// ≤ −1.39, grade 3 &gt; −1.39. The grade is taken from the unrounded value; the value is reported to two decimals
/// (half away from zero). No floors or caps. Some calculators use −0.0852 for albumin; Johnson 2015 gives −0.085.
/// </summary>
public static class Albi
{
    /// <summary>Johnson 2015.</summary>
    public static readonly Citation Johnson2015 = new(
        "Johnson 2015",
        "Johnson PJ, Berhane S, Kagebayashi C, et al. Assessment of liver function in patients with hepatocellular carcinoma: a new evidence-based approach-the ALBI grade. J Clin Oncol 2015;33(6):550-558.",
        2015, "https://doi.org/10.1200/JCO.2014.57.9151");

    /// <summary>What ALBI is, its range and sources.</summary>
    public static readonly ScoreDefinition Definition = new(
        "albi", "1.0.0", "ALBI grade", decimal.MinValue, null,
        "reported to two decimals, half away from zero; the grade uses the unrounded value (Johnson 2015)",
        [SnapshotKeys.Labs.Bilirubin, SnapshotKeys.Labs.Albumin], [Johnson2015])
    {
        Population = new(
            "Patients with hepatocellular carcinoma (Johnson 2015: derivation and validation cohorts with HCC); no gate is checked: Johnson 2015 states no exclusion the snapshot records.",
            [Johnson2015], []),
    };

    /// <summary>Grades (Johnson 2015).</summary>
    public static readonly IReadOnlyList<Band> Grades =
        [Band.AtMost(-2.60m, "grade 1"), Band.AboveUpTo(-2.60m, -1.39m, "grade 2"), Band.Above(-1.39m, "grade 3")];

    /// <summary>The inputs ALBI needs.</summary>
    /// <param name="Bilirubin">Total bilirubin.</param>
    /// <param name="Albumin">Serum albumin.</param>
    public sealed record Inputs(Bilirubin Bilirubin, Albumin Albumin);

    /// <summary>Gathers the inputs from a snapshot and calculates, or names what is missing.</summary>
    /// <param name="snapshot">The patient.</param>
    /// <param name="recordSteps">False to compute without keeping the breakdown (same value).</param>
    public static ScoreOutcome Evaluate(PatientSnapshot snapshot, bool recordSteps = true)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var r = new Requirements();
        var inputs = new Inputs(r.Need(snapshot.Labs.Bilirubin, SnapshotKeys.Labs.Bilirubin), r.Need(snapshot.Labs.Albumin, SnapshotKeys.Labs.Albumin));
        return r.Outcome(Definition, inputs, recordSteps, Calculate);
    }

    /// <summary>Calculates ALBI and its grade.</summary>
    public static ScoreResult Calculate(Inputs inputs, bool recordSteps = true)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var b = Breakdown.For(recordSteps, Johnson2015);
        var bili = b.Input(inputs.Bilirubin, BilirubinUnit.MicromolePerLiter, "total bilirubin, µmol/L (mg/dL × 17.1)");
        var alb = b.Input(inputs.Albumin, ProteinUnit.GramPerLiter, "serum albumin, g/L (g/dL × 10)");
        var unrounded = b.Term(0.66m, "log10(bilirubin)", Log10(bili))
            - b.Subtracted(0.085m, "albumin", alb);
        b.Sum("ALBI before rounding", unrounded, "linear predictor");
        var value = b.Round("ALBI", unrounded, 2);
        var category = b.Category("grade", unrounded, Bands.Find(Grades, unrounded), "Johnson 2015; the unrounded value is graded");
        return new ScoreResult(Definition, value, unrounded, category, b.Steps, []);
    }
}
