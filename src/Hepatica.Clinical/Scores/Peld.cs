using Hepatica.Clinical.Scoring;
using static Hepatica.Clinical.Scoring.ClinicalMath;

namespace Hepatica.Clinical.Scores;

/// <summary>
/// PELD (McDiarmid et al., Transplantation 2002), the OPTN pediatric score for candidates under 12 until PELD-Cr
/// replaced it in 2023: <c>PELD = 10 × [0.480 ln(bilirubin mg/dL) + 1.857 ln(INR) − 0.687 ln(albumin g/dL)
/// + 0.436 (infant) + 0.667 (growth failure)]</c>. As the OPTN PELD calculator documentation says (its text as reproduced
/// by WikiDoc; the OPTN page itself could not be read here), each lab value is rounded to the tenths place before the
/// calculation (its example: INR 1.82 is used as 1.8; the midpoint rule is not stated, half away from zero is used) and
/// every lab value below 1.0 is set to 1.0, albumin included (version 1.1.0; 1.0.0 floored only bilirubin and INR and
/// used the values unrounded). The infant term applies under 1 year, and to a child listed before the first birthday until 24 months of age
/// (OPTN calculator documentation; not checked against the policy text). Reported as an integer, half away from zero.
/// PELD can be negative; it has no published cap.
/// </summary>
public static class Peld
{
    /// <summary>McDiarmid 2002.</summary>
    public static readonly Citation McDiarmid2002 = new(
        "McDiarmid 2002",
        "McDiarmid SV, Anand R, Lindblad AS; SPLIT Research Group. Development of a pediatric end-stage liver disease score to predict poor outcome in children awaiting liver transplantation. Transplantation 2002;74(2):173-181.",
        2002, "https://doi.org/10.1097/00007890-200207270-00006");

    /// <summary>The OPTN PELD calculator documentation: lab values rounded to tenths, values below 1.0 set to 1.0.</summary>
    public static readonly Citation OptnPeldCalculator = new(
        "OPTN PELD calculator documentation",
        "Organ Procurement and Transplantation Network. PELD calculator documentation: laboratory values less than 1.0 are set to 1.0; values entered to the hundredths are rounded to the tenths before the PELD score is calculated (text as reproduced by WikiDoc, Pediatric end-stage liver disease, https://www.wikidoc.org/index.php/Pediatric_end-stage_liver_disease).",
        2002, "https://optn.transplant.hrsa.gov/data/allocation-calculators/peld-calculator/");

    /// <summary>What PELD is, its range and sources.</summary>
    public static readonly ScoreDefinition Definition = new(
        "peld", "1.1.0", "PELD (OPTN, before 2023)", decimal.MinValue, null,
        "lab values rounded to tenths (OPTN calculator documentation); 10 × the linear predictor, rounded to an integer, half away from zero",
        [SnapshotKeys.AgeYears, SnapshotKeys.Labs.Bilirubin, SnapshotKeys.Labs.Inr, SnapshotKeys.Labs.Albumin, SnapshotKeys.Findings.GrowthFailure, ScoreInput.Optional(SnapshotKeys.AgeAtListingYears, "keeps the infant term to 24 months")],
        [McDiarmid2002, OptnPeldCalculator])
    {
        Population = new(
            "Candidates under 12 with chronic liver disease awaiting transplantation (McDiarmid 2002: children listed with chronic liver disease; OPTN policy 9.1); not acute liver failure, which is listed as pediatric status 1A (OPTN policy 9.1.B; EASL 2017 ALF).",
            [McDiarmid2002, Populations.OptnPolicy91Age, Populations.OptnStatus1A, Populations.Easl2017Alf],
            [Populations.Under12, Populations.NotAcuteLiverFailure(Populations.OptnStatus1A)]) { RelevantWhen = Populations.ChildUnder12 },
    };

    /// <summary>The inputs PELD needs.</summary>
    /// <param name="AgeYears">Current age, years.</param>
    /// <param name="AgeAtListingYears">Age when listed, years, if known.</param>
    /// <param name="Bilirubin">Total bilirubin.</param>
    /// <param name="Inr">INR.</param>
    /// <param name="Albumin">Serum albumin.</param>
    /// <param name="GrowthFailure">Height or weight below −2 SD for age.</param>
    public sealed record Inputs(decimal AgeYears, decimal? AgeAtListingYears, Bilirubin Bilirubin, Inr Inr, Albumin Albumin, bool GrowthFailure);

    /// <summary>Gathers the inputs from a snapshot and calculates, or names what is missing.</summary>
    /// <param name="snapshot">The patient.</param>
    /// <param name="recordSteps">False to compute without keeping the breakdown (same value).</param>
    public static ScoreOutcome Evaluate(PatientSnapshot snapshot, bool recordSteps = true)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.AgeYears is >= 12m)
        {
            return ScoreOutcome.NotApplicable(Definition, "PELD is for candidates under 12; MELD applies from 12 (OPTN policy 9.1).");
        }

        var r = new Requirements();
        var inputs = new Inputs(
            r.Need(snapshot.AgeYears, SnapshotKeys.AgeYears), snapshot.AgeAtListingYears,
            r.Need(snapshot.Labs.Bilirubin, SnapshotKeys.Labs.Bilirubin), r.Need(snapshot.Labs.Inr, SnapshotKeys.Labs.Inr),
            r.Need(snapshot.Labs.Albumin, SnapshotKeys.Labs.Albumin), r.Need(snapshot.Findings.GrowthFailure, SnapshotKeys.Findings.GrowthFailure));
        return r.Outcome(Definition, inputs, recordSteps, Calculate);
    }

    /// <summary>Calculates PELD with its breakdown.</summary>
    public static ScoreResult Calculate(Inputs inputs, bool recordSteps = true)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        const string Optn = "OPTN PELD calculator documentation";
        var b = Breakdown.For(recordSteps, McDiarmid2002);
        var bili = Lab(b, "bilirubin", inputs.Bilirubin.MilligramsPerDeciliter, "total bilirubin, mg/dL", Optn);
        var inr = Lab(b, "INR", inputs.Inr.Ratio, "INR", Optn);
        var alb = Lab(b, "albumin", inputs.Albumin.GramsPerDeciliter, "serum albumin, g/dL", Optn);
        var infant = inputs.AgeYears < 1m || (inputs.AgeAtListingYears is < 1m && inputs.AgeYears < 2m);
        var sum = b.Term(0.480m, "ln(bilirubin)", Ln(bili))
            + b.Term(1.857m, "ln(INR)", Ln(inr))
            - b.Subtracted(0.687m, "ln(albumin)", Ln(alb))
            + b.Factor(0.436m, "infant", infant, $"age {Breakdown.F(inputs.AgeYears)} y{(inputs.AgeAtListingYears is { } l ? $", listed at {Breakdown.F(l)} y" : string.Empty)}: {(infant ? "under 1, or listed under 1 and now under 2" : "not an infant")} (McDiarmid 2002)")
            + b.Factor(0.667m, "growth failure", inputs.GrowthFailure);
        var unrounded = b.Sum("PELD before rounding", 10m * sum, "10 × the sum of the terms");
        var value = b.Round("PELD", unrounded, 0);
        return new ScoreResult(Definition, value, unrounded, null, b.Steps, []);
    }

    /// <summary>One lab value as OPTN uses it: rounded to the tenths place, then set to 1.0 if below 1.0; each change is a step.</summary>
    private static decimal Lab(Breakdown b, string label, decimal value, string detail, string source)
    {
        var given = b.Input(label, value, detail);
        var tenths = RoundHalfAwayFromZero(given, 1);
        if (tenths != given)
        {
            b.Add(StepKind.Rounding, label, tenths, $"rounded to the tenths place before scoring ({source}; half away from zero)");
        }

        return b.Floor(label, tenths, 1.0m, source);
    }
}
