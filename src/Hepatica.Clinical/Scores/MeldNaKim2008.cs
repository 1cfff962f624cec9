using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Scores;

/// <summary>
/// MELD-Na as Kim et al. published it (N Engl J Med 2008), kept apart from the OPTN 2016 formula (<c>meld-na</c>) for
/// research comparability: <c>MELD-Na = MELD − Na − 0.025 × MELD × (140 − Na) + 140</c>, sodium bounded to 125-140 mmol/L,
/// applied at every MELD (no MELD &gt; 11 condition: that came with OPTN 2016). MELD is the OPTN MELD of the time (floors
/// of 1.0, creatinine capped at 4.0 and set to 4.0 with dialysis, integer 6-40: <see cref="Meld"/>). Reported as an
/// integer, half away from zero; with MELD 6-40 and sodium 125-140 the result stays within 6-40.
/// </summary>
public static class MeldNaKim2008
{
    /// <summary>Kim 2008.</summary>
    public static readonly Citation Kim2008 = new(
        "Kim 2008",
        "Kim WR, Biggins SW, Kremers WK, et al. Hyponatremia and mortality among patients on the liver-transplant waiting list. N Engl J Med 2008;359(10):1018-1026.",
        2008, "https://doi.org/10.1056/NEJMoa0801209");

    /// <summary>What Kim's MELD-Na is, its range and sources.</summary>
    public static readonly ScoreDefinition Definition = new(
        "meld-na-kim-2008", "1.0.0", "MELD-Na (Kim 2008, research)", 6m, 40m,
        "the OPTN integer MELD enters the formula; the result is rounded to an integer, half away from zero",
        [SnapshotKeys.Labs.Bilirubin, SnapshotKeys.Labs.Creatinine, SnapshotKeys.Labs.Inr, SnapshotKeys.Labs.Sodium, SnapshotKeys.Findings.DialysisTwiceInPastWeek],
        [Kim2008, Sources.Kamath2001])
    {
        Population = new(
            "Adults with chronic liver disease on the waiting list (Kim 2008: OPTN registrants with chronic liver disease); not acute liver failure, which is listed as status 1A by its own criteria (OPTN policy 9.1.A; EASL 2017 ALF).",
            [Kim2008, Populations.OptnPolicy91Age, Populations.OptnStatus1A, Populations.Easl2017Alf],
            [Populations.NotUnder12, Populations.NotAcuteLiverFailure(Populations.OptnStatus1A), Populations.ChronicLiverDiseaseRequired(Kim2008)]),
    };

    /// <summary>The inputs Kim's MELD-Na needs.</summary>
    /// <param name="Meld">The MELD inputs.</param>
    /// <param name="Sodium">Serum sodium.</param>
    public sealed record Inputs(Meld.Inputs Meld, Sodium Sodium);

    /// <summary>Gathers the inputs from a snapshot and calculates, or names what is missing.</summary>
    /// <param name="snapshot">The patient.</param>
    /// <param name="recordSteps">False to compute without keeping the breakdown (same value).</param>
    public static ScoreOutcome Evaluate(PatientSnapshot snapshot, bool recordSteps = true) =>
        Meld.EvaluateWithSodium(snapshot, Definition, (meld, sodium) => Calculate(new Inputs(meld, sodium), recordSteps));

    /// <summary>Calculates Kim's MELD-Na with its breakdown.</summary>
    public static ScoreResult Calculate(Inputs inputs, bool recordSteps = true)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var b = Breakdown.For(recordSteps, Kim2008);
        var meld = b.Cap("MELD", Meld.InitialTimesTen(inputs.Meld, b, out _), 40m, "maximum 40, OPTN policy 9.1.D");
        var na = b.Input(inputs.Sodium, "serum sodium, mmol/L");
        na = b.Clamp("sodium", na, 125m, 140m);
        var unrounded = meld - na - b.Subtracted(0.025m, "MELD × (140 − Na)", meld * (140m - na)) + 140m;
        b.Sum("MELD-Na before rounding", unrounded, "MELD − Na − 0.025 × MELD × (140 − Na) + 140 (Kim 2008)");
        var value = b.Round("MELD-Na", unrounded, 0);
        return new ScoreResult(Definition, value, unrounded, null, b.Steps, []);
    }
}
