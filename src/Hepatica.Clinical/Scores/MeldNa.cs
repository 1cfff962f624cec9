using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Scores;

/// <summary>
/// MELD-Na as OPTN applied it from January 2016 to July 2023 (policy notice of 2015-11-01, policy 9.1.D):
/// MELD(i) exactly as <see cref="Meld"/> (floors, creatinine 4.0 cap and dialysis rule, rounded to the tenth and
/// multiplied by 10); when that MELD(i) is greater than 11,
/// <c>MELD = MELD(i) + 1.32 × (137 − Na) − [0.033 × MELD(i) × (137 − Na)]</c> with sodium bounded to 125-137;
/// rounded to the nearest integer (half away from zero); maximum 40. The sodium step is computed in exact decimal
/// arithmetic, so a result that lands on .5 rounds up as OPTN's arithmetic does, never to even.
/// </summary>
public static class MeldNa
{
    /// <summary>What MELD-Na is, its range and sources.</summary>
    public static readonly ScoreDefinition Definition = new(
        "meld-na", "1.0.0", "MELD-Na (OPTN, 2016)", 6m, 40m,
        "MELD(i) rounded to the tenth and multiplied by 10 before the sodium step; result rounded to the nearest integer, half away from zero (OPTN policy 9.1.D, 2016)",
        [SnapshotKeys.Labs.Bilirubin, SnapshotKeys.Labs.Creatinine, SnapshotKeys.Labs.Inr, SnapshotKeys.Labs.Sodium, SnapshotKeys.Findings.DialysisTwiceInPastWeek],
        [Sources.Kamath2001, Sources.OptnPolicy2016])
    {
        Population = new(
            "Candidates aged 12 or more with chronic liver disease (Kamath 2001: patients with cirrhosis; OPTN policy 9.1.D); not acute liver failure, which is listed as status 1A by its own criteria (OPTN policy 9.1.A; EASL 2017 ALF).",
            [Sources.Kamath2001, Sources.OptnPolicy2016, Populations.OptnPolicy91Age, Populations.OptnStatus1A, Populations.Easl2017Alf],
            [Populations.NotUnder12, Populations.NotAcuteLiverFailure(Populations.OptnStatus1A), Populations.ChronicLiverDiseaseRequired(Sources.Kamath2001)]),
    };

    /// <summary>The inputs MELD-Na needs: MELD's and serum sodium.</summary>
    /// <param name="Meld">MELD's inputs.</param>
    /// <param name="Sodium">Serum sodium.</param>
    public sealed record Inputs(Meld.Inputs Meld, Sodium Sodium);

    /// <summary>Gathers the inputs from a snapshot and calculates, or names everything that is missing.</summary>
    /// <param name="snapshot">The patient.</param>
    /// <param name="recordSteps">False to compute without keeping the breakdown (same value).</param>
    public static ScoreOutcome Evaluate(PatientSnapshot snapshot, bool recordSteps = true) =>
        Meld.EvaluateWithSodium(snapshot, Definition, (meld, sodium) => Calculate(new Inputs(meld, sodium), recordSteps));

    /// <summary>Calculates MELD-Na with its full breakdown.</summary>
    public static ScoreResult Calculate(Inputs inputs, bool recordSteps = true)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var b = Breakdown.For(recordSteps, Sources.OptnPolicy2016);
        var meldI = Meld.InitialTimesTen(inputs.Meld, b, out _);
        var na = b.Input(inputs.Sodium, "serum sodium, mmol/L");
        decimal unrounded;
        if (meldI > 11m)
        {
            na = b.Clamp("sodium", na, 125m, 137m);
            var deficit = 137m - na;
            unrounded = meldI
                + b.Term(1.32m, "(137 − Na)", deficit)
                - b.Subtracted(0.033m, "MELD(i) × (137 − Na)", meldI * deficit);
            b.Sum("MELD-Na before rounding", unrounded, "MELD(i) + 1.32 × (137 − Na) − 0.033 × MELD(i) × (137 − Na)");
        }
        else
        {
            unrounded = meldI;
            b.Note("sodium step", $"MELD(i) {Breakdown.F(meldI)} is not greater than 11: no sodium step, MELD-Na = MELD(i) ({Sources.OptnPolicy2016.Key}).");
        }

        var value = b.Round("MELD-Na", unrounded, 0, "rounded to the nearest integer, half away from zero");
        value = b.Cap("MELD-Na", value, 40m, $"maximum 40, {Sources.OptnPolicy2016.Key}");
        return new ScoreResult(Definition, value, unrounded, null, b.Steps, []);
    }
}
