using Hepatica.Clinical.Scoring;
using static Hepatica.Clinical.Scoring.ClinicalMath;

namespace Hepatica.Clinical.Scores;

/// <summary>
/// MELD as OPTN used it before MELD-Na (Kamath 2001 without the aetiology term; OPTN policy 9.1.D):
/// <c>MELD(i) = 0.957 ln(Cr) + 0.378 ln(bili) + 1.120 ln(INR) + 0.643</c>, lab values below 1.0 set to 1.0,
/// creatinine above 4.0, or with dialysis twice in the past week, set to 4.0; MELD(i) rounded to the tenth (half
/// away from zero) and multiplied by 10; maximum 40. The smallest possible value is 6 (0.643 → 0.6 → 6).
/// </summary>
public static class Meld
{
    /// <summary>Wiesner 2003: MELD bands and 3-month mortality.</summary>
    public static readonly Citation Wiesner2003 = new(
        "Wiesner 2003",
        "Wiesner R, Edwards E, Freeman R, et al. Model for end-stage liver disease (MELD) and allocation of donor livers. Gastroenterology 2003;124(1):91-96.",
        2003, "https://doi.org/10.1053/gast.2003.50016");

    /// <summary>
    /// MELD bands of Wiesner 2003 (3-month mortality of hospitalised patients in parentheses), for the
    /// integer MELD (not defined for MELD-Na or MELD 3.0).
    /// </summary>
    public static readonly IReadOnlyList<Band> MeldBands =
    [
        Band.AtMost(9m, "≤ 9 (3-month mortality 1.9%)"),
        Band.Between(10m, 19m, "10-19 (3-month mortality 6.0%)"),
        Band.Between(20m, 29m, "20-29 (3-month mortality 19.6%)"),
        Band.Between(30m, 39m, "30-39 (3-month mortality 52.6%)"),
        Band.AtLeast(40m, "≥ 40 (3-month mortality 71.3%)"),
    ];

    /// <summary>What MELD is, its range and sources.</summary>
    public static readonly ScoreDefinition Definition = new(
        "meld", "1.0.0", "MELD (OPTN, before 2016)", 6m, 40m,
        "MELD(i) rounded to the tenth, half away from zero, then multiplied by 10 (OPTN policy 9.1.D)",
        [SnapshotKeys.Labs.Bilirubin, SnapshotKeys.Labs.Creatinine, SnapshotKeys.Labs.Inr, SnapshotKeys.Findings.DialysisTwiceInPastWeek],
        [Sources.Kamath2001, Sources.OptnPolicy2016, Wiesner2003])
    {
        Population = new(
            "Candidates aged 12 or more with chronic liver disease (Kamath 2001: patients with cirrhosis; Wiesner 2003: waiting-list candidates with chronic liver disease); not acute liver failure, which is listed as status 1A by its own criteria (OPTN policy 9.1.A; EASL 2017 ALF).",
            [Sources.Kamath2001, Wiesner2003, Populations.OptnPolicy91Age, Populations.OptnStatus1A, Populations.Easl2017Alf],
            [Populations.NotUnder12, Populations.NotAcuteLiverFailure(Populations.OptnStatus1A), Populations.ChronicLiverDiseaseRequired(Sources.Kamath2001)]),
    };

    /// <summary>The inputs MELD needs.</summary>
    /// <param name="Bilirubin">Total bilirubin.</param>
    /// <param name="Creatinine">Serum creatinine.</param>
    /// <param name="Inr">INR.</param>
    /// <param name="DialysisTwiceInPastWeek">Two dialysis treatments or 24 h of CVVHD in the week before the creatinine.</param>
    public sealed record Inputs(Bilirubin Bilirubin, Creatinine Creatinine, Inr Inr, bool DialysisTwiceInPastWeek);

    /// <summary>Gathers the inputs from a snapshot and calculates, or names what is missing.</summary>
    /// <param name="snapshot">The patient.</param>
    /// <param name="recordSteps">False to compute without keeping the breakdown (same value).</param>
    public static ScoreOutcome Evaluate(PatientSnapshot snapshot, bool recordSteps = true)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (NotForChildren(snapshot, Definition) is { } notApplicable)
        {
            return notApplicable;
        }

        return GatherInputs(snapshot, out var inputs, out var missing)
            ? ScoreOutcome.Calculated(Calculate(inputs, recordSteps))
            : ScoreOutcome.NotCalculable(Definition, missing);
    }

    /// <summary>Calculates MELD with its full breakdown.</summary>
    public static ScoreResult Calculate(Inputs inputs, bool recordSteps = true)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var b = Breakdown.For(recordSteps, Sources.Kamath2001);
        var meldTimesTen = InitialTimesTen(inputs, b, out var unrounded);
        var value = b.Cap("MELD", meldTimesTen, 40m, "maximum 40, OPTN policy 9.1.D");
        var category = b.Category("category", value, Bands.Find(MeldBands, value), Wiesner2003);
        return new ScoreResult(Definition, value, unrounded, category, b.Steps, []);
    }

    /// <summary>
    /// The OPTN MELD(i) steps shared with MELD-Na: floors, creatinine cap and dialysis rule, the terms, rounding to the
    /// tenth and multiplication by 10. Returns 10 × round(MELD(i), 1); <paramref name="unrounded"/> is 10 × MELD(i).
    /// </summary>
    internal static decimal InitialTimesTen(Inputs inputs, Breakdown b, out decimal unrounded)
    {
        const string Optn = "OPTN policy 9.1.D";
        var bili = b.Input(inputs.Bilirubin, "total bilirubin, mg/dL");
        var cr = b.Input(inputs.Creatinine, "serum creatinine, mg/dL");
        var inr = b.Input(inputs.Inr, "INR");
        bili = b.Floor("bilirubin", bili, 1.0m, Optn);
        inr = b.Floor("INR", inr, 1.0m, Optn);
        if (inputs.DialysisTwiceInPastWeek)
        {
            cr = b.Substitute("creatinine", 4.0m, $"dialysis twice (or 24 h CVVHD) in the past week: creatinine set to 4.0 ({Optn}).");
        }
        else
        {
            cr = b.Cap("creatinine", b.Floor("creatinine", cr, 1.0m, Optn), 4.0m, Optn);
        }

        var meldI = b.Term(0.957m, "ln(creatinine)", Ln(cr), Sources.Kamath2001)
            + b.Term(0.378m, "ln(bilirubin)", Ln(bili), Sources.Kamath2001)
            + b.Term(1.120m, "ln(INR)", Ln(inr), Sources.Kamath2001)
            + b.Constant(0.643m, "0.643, the aetiology term OPTN gives every candidate (Kamath 2001; OPTN policy 9.1.D)");
        b.Sum("MELD(i)", meldI, "sum of the terms");
        unrounded = meldI * 10m;
        var rounded = b.Round("MELD(i) to the tenth", meldI, 1, $"rounded to the tenth, half away from zero ({Optn})");
        return b.Add(StepKind.Rounding, "MELD(i) × 10", rounded * 10m, $"multiplied by 10 ({Optn})");
    }

    /// <summary>
    /// OPTN policy 9.1.D gives a MELD score to candidates at least 12 years old (PELD under 12). Age is not in the
    /// formula, so it is not required; when it is known and under 12 the score does not apply.
    /// </summary>
    internal static ScoreOutcome? NotForChildren(PatientSnapshot snapshot, ScoreDefinition definition) =>
        snapshot.AgeYears is < 12m
            ? ScoreOutcome.NotApplicable(definition, "MELD is for candidates aged 12 or more; PELD applies under 12 (OPTN policy 9.1.D).")
            : null;

    /// <summary>Reads MELD's inputs from a snapshot; false with the missing paths when any is absent.</summary>
    internal static bool GatherInputs(PatientSnapshot snapshot, out Inputs inputs, out IReadOnlyList<string> missing)
    {
        var r = new Requirements();
        inputs = new Inputs(
            r.Need(snapshot.Labs.Bilirubin, SnapshotKeys.Labs.Bilirubin),
            r.Need(snapshot.Labs.Creatinine, SnapshotKeys.Labs.Creatinine),
            r.Need(snapshot.Labs.Inr, SnapshotKeys.Labs.Inr),
            r.Need(snapshot.Findings.DialysisTwiceInPastWeek, SnapshotKeys.Findings.DialysisTwiceInPastWeek));
        missing = r.Missing;
        return r.AllPresent;
    }

    /// <summary>
    /// Evaluates a MELD-Na variant: not applicable under 12, not calculable with every missing MELD input and sodium
    /// named, else <paramref name="calculate"/> with MELD's inputs and the sodium.
    /// </summary>
    internal static ScoreOutcome EvaluateWithSodium(PatientSnapshot snapshot, ScoreDefinition definition, Func<Inputs, Sodium, ScoreResult> calculate)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (NotForChildren(snapshot, definition) is { } notApplicable)
        {
            return notApplicable;
        }

        var meldPresent = GatherInputs(snapshot, out var meld, out var missing);
        if (snapshot.Labs.Sodium is not { } sodium)
        {
            return ScoreOutcome.NotCalculable(definition, [.. missing, SnapshotKeys.Labs.Sodium]);
        }

        return meldPresent ? ScoreOutcome.Calculated(calculate(meld, sodium)) : ScoreOutcome.NotCalculable(definition, missing);
    }
}
