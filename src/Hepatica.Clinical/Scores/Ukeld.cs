using Hepatica.Clinical.Labs;
using Hepatica.Clinical.Scoring;
using static Hepatica.Clinical.Scoring.ClinicalMath;

namespace Hepatica.Clinical.Scores;

/// <summary>
/// UKELD (Barber et al., Transplantation 2011), in SI units:
/// <c>UKELD = 5.395 ln(INR) + 1.485 ln(creatinine µmol/L) + 3.13 ln(bilirubin µmol/L) − 81.565 ln(sodium mmol/L) + 435</c>.
/// No floors or caps are published. Reported as an integer, half away from zero (UK practice quotes whole numbers;
/// the rounding rule is not stated in Barber 2011). A UKELD of 49 or more is the UK threshold for listing for
/// transplantation for chronic liver disease (Barber 2011; NHSBT liver selection policy).
/// </summary>
public static class Ukeld
{
    /// <summary>Barber 2011.</summary>
    public static readonly Citation Barber2011 = new(
        "Barber 2011",
        "Barber K, Madden S, Allen J, et al. Elective liver transplant list mortality: development of a United Kingdom end-stage liver disease score. Transplantation 2011;92(4):469-476.",
        2011, "https://doi.org/10.1097/TP.0b013e318225db4d");

    /// <summary>What UKELD is, its range and sources.</summary>
    public static readonly ScoreDefinition Definition = new(
        "ukeld", "1.0.0", "UKELD", decimal.MinValue, null,
        "reported as an integer, half away from zero; the threshold is read on the reported integer",
        [SnapshotKeys.Labs.Inr, SnapshotKeys.Labs.Creatinine, SnapshotKeys.Labs.Bilirubin, SnapshotKeys.Labs.Sodium], [Barber2011])
    {
        Population = new(
            "Adults (18 or more) with end-stage chronic liver disease (cirrhosis) registered for a first elective liver transplant (Barber 2011); not acute liver failure, which is registered super-urgent by its own criteria (NHSBT POL195; EASL 2017 ALF).",
            [Barber2011, Populations.NhsbtPol195, Populations.Easl2017Alf],
            [new(Populations.Adult, true, "for adults (18 or more), the patients it was derived in", Barber2011),
                Populations.NotAcuteLiverFailure(Populations.NhsbtPol195),
                Populations.CirrhosisRequired(Barber2011, "for end-stage chronic liver disease (cirrhosis), the patients registered for elective transplantation it was derived in")]),
    };

    /// <summary>The UK listing threshold: UKELD ≥ 49 (Barber 2011).</summary>
    public static readonly IReadOnlyList<Band> Threshold =
    [
        Band.Below(49m, "below the UK listing threshold (< 49)"),
        Band.AtLeast(49m, "at or above the UK listing threshold (≥ 49)"),
    ];

    /// <summary>The inputs UKELD needs.</summary>
    /// <param name="Inr">INR.</param>
    /// <param name="Creatinine">Serum creatinine.</param>
    /// <param name="Bilirubin">Total bilirubin.</param>
    /// <param name="Sodium">Serum sodium.</param>
    public sealed record Inputs(Inr Inr, Creatinine Creatinine, Bilirubin Bilirubin, Sodium Sodium);

    /// <summary>Gathers the inputs from a snapshot and calculates, or names what is missing.</summary>
    /// <param name="snapshot">The patient.</param>
    /// <param name="recordSteps">False to compute without keeping the breakdown (same value).</param>
    public static ScoreOutcome Evaluate(PatientSnapshot snapshot, bool recordSteps = true)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.AgeYears is < 18m)
        {
            return ScoreOutcome.NotApplicable(Definition, "UKELD was derived and is used for adults (18 or older) listed for elective transplantation (Barber 2011).");
        }

        var r = new Requirements();
        var inputs = new Inputs(
            r.Need(snapshot.Labs.Inr, SnapshotKeys.Labs.Inr), r.Need(snapshot.Labs.Creatinine, SnapshotKeys.Labs.Creatinine),
            r.Need(snapshot.Labs.Bilirubin, SnapshotKeys.Labs.Bilirubin), r.Need(snapshot.Labs.Sodium, SnapshotKeys.Labs.Sodium));
        return r.Outcome(Definition, inputs, recordSteps, Calculate);
    }

    /// <summary>Calculates UKELD and reads it against the listing threshold.</summary>
    public static ScoreResult Calculate(Inputs inputs, bool recordSteps = true)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var b = Breakdown.For(recordSteps, Barber2011);
        var inr = b.Input(inputs.Inr, "INR");
        var cr = b.Input(inputs.Creatinine, CreatinineUnit.MicromolePerLiter, "serum creatinine, µmol/L (mg/dL × 88.4)");
        var bili = b.Input(inputs.Bilirubin, BilirubinUnit.MicromolePerLiter, "total bilirubin, µmol/L (mg/dL × 17.1)");
        var na = b.Input(inputs.Sodium, "serum sodium, mmol/L");
        var unrounded = b.Term(5.395m, "ln(INR)", Ln(inr))
            + b.Term(1.485m, "ln(creatinine)", Ln(cr))
            + b.Term(3.13m, "ln(bilirubin)", Ln(bili))
            - b.Subtracted(81.565m, "ln(sodium)", Ln(na))
            + b.Constant(435m);
        b.Sum("UKELD before rounding", unrounded, "sum of the terms");
        var value = b.Round("UKELD", unrounded, 0);
        var category = b.Category("listing threshold", value, Bands.Find(Threshold, value));
        return new ScoreResult(Definition, value, unrounded, category, b.Steps, []);
    }
}
