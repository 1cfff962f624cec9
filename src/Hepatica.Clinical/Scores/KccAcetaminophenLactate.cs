using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Scores;

/// <summary>
/// King's College criteria for acetaminophen-induced acute liver failure with Bernal's lactate modification (Bernal
/// 2002): the original criteria (<see cref="KccAcetaminophen"/>, O'Grady 1989), or arterial lactate &gt; 3.5 mmol/L early
/// (median 4 h after admission), or &gt; 3.0 mmol/L after fluid resuscitation (median 12 h). The snapshot does not say
/// when the lactate was drawn, so the post-resuscitation cut-off (&gt; 3.0) is applied to every lactate: it is the lower
/// cut-off, and Bernal 2002 derived it in fluid-resuscitated patients; an early lactate of 3.1-3.5 therefore meets
/// this variant although Bernal's early cut-off would not. A separate score from <c>kcc-acetaminophen</c>: it is not
/// part of the original criteria.
/// </summary>
public static class KccAcetaminophenLactate
{
    /// <summary>Bernal 2002: arterial lactate added to the King's College criteria.</summary>
    public static readonly Citation Bernal2002 = new(
        "Bernal 2002",
        "Bernal W, Donaldson N, Wyncoll D, Wendon J. Blood lactate as an early predictor of outcome in paracetamol-induced acute liver failure: a cohort study. Lancet 2002;359(9306):558-563.",
        2002, "https://doi.org/10.1016/S0140-6736(02)07743-7");

    /// <summary>What the modified criteria are, their range and sources.</summary>
    public static readonly ScoreDefinition Definition = new(
        "kcc-acetaminophen-lactate", "1.0.0", "King's College criteria (acetaminophen) with lactate (Bernal 2002)", 0m, 1m,
        "no rounding: 1 when the criteria are met, 0 when not (O'Grady 1989; Bernal 2002)",
        [SnapshotKeys.Findings.AcuteLiverFailureCause, SnapshotKeys.Labs.ArterialPh, SnapshotKeys.Labs.Inr, SnapshotKeys.Labs.Pt, SnapshotKeys.Labs.Creatinine, SnapshotKeys.Findings.EncephalopathyGrade, SnapshotKeys.Labs.Lactate],
        [Sources.OGrady1989, Bernal2002])
    {
        Population = new(
            "Patients with acute liver failure caused by acetaminophen (lactate criteria: Bernal 2002) (O'Grady 1989: fulminant hepatic failure referred to King's College Hospital; EASL 2017 ALF).",
            [Sources.OGrady1989, Bernal2002, Populations.Easl2017Alf],
            [Populations.AcuteLiverFailureRequired]) { RelevantWhen = Populations.AcuteLiverFailure },
    };

    /// <summary>Lactate cut-off after fluid resuscitation, mmol/L: above 3.0 (Bernal 2002). Applied to every lactate.</summary>
    public const decimal LactateAfterResuscitationAbove = 3.0m;

    /// <summary>Bernal's early (about 4 h) cut-off, mmol/L: above 3.5. Not applied: the snapshot has no sampling time.</summary>
    public const decimal LactateEarlyAbove = 3.5m;

    /// <summary>The inputs the modified criteria read; any may be missing.</summary>
    /// <param name="Original">The inputs of the original criteria.</param>
    /// <param name="Lactate">Arterial lactate.</param>
    public sealed record Inputs(KccAcetaminophen.Inputs Original, Lactate? Lactate);

    /// <summary>Gathers the inputs from a snapshot and decides, or names what is missing or why the criteria do not apply.</summary>
    /// <param name="snapshot">The patient.</param>
    /// <param name="recordSteps">False to compute without keeping the breakdown (same value).</param>
    public static ScoreOutcome Evaluate(PatientSnapshot snapshot, bool recordSteps = true)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var inputs = new Inputs(KccAcetaminophen.From(snapshot), snapshot.Labs.Lactate);
        return KccAcetaminophen.Outcome(Definition, snapshot, KccAcetaminophen.NotForOtherCauses(snapshot), (b, missing) => Decide(inputs, b, missing), () => Calculate(inputs, recordSteps));
    }

    /// <summary>Decides whether the modified criteria are met, with a step for each criterion.</summary>
    /// <exception cref="ArgumentException">The inputs given cannot decide (see <see cref="Evaluate"/>).</exception>
    public static ScoreResult Calculate(Inputs inputs, bool recordSteps = true)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return KccAcetaminophen.Result(Definition, recordSteps, (b, missing) => Decide(inputs, b, missing), "modified criteria", Sources.OGrady1989, Bernal2002);
    }

    private static bool? Decide(Inputs inputs, Breakdown b, List<string> missing)
    {
        var originalMissing = new List<string>();
        var original = KccAcetaminophen.Decide(inputs.Original, b, originalMissing);
        bool? lactate = inputs.Lactate is { } l ? l.MillimolesPerLiter > LactateAfterResuscitationAbove : null;
        if (b.Recording)
        {
            KccAcetaminophen.Criterion(b, "lactate > 3.0 mmol/L", lactate, inputs.Lactate is { } lv
                ? $"lactate {Breakdown.F(lv.MillimolesPerLiter)} mmol/L, compared with the post-resuscitation cut-off 3.0 because the sampling time is not given (Bernal 2002; the early cut-off 3.5 is not applied)"
                : "labs.lactate missing", "Bernal 2002");
        }

        if (lactate == true && original != true)
        {
            b.Note("lactate alone", "lactate > 3.0 mmol/L meets the modified criteria on its own (Bernal 2002)");
        }

        bool? met = original == true || lactate == true ? true : original == false && lactate == false ? false : null;
        if (met is null)
        {
            missing.AddRange(originalMissing);
            KccAcetaminophen.AddIf(missing, lactate is null, SnapshotKeys.Labs.Lactate);
        }

        return met;
    }
}
