using Hepatica.Clinical.Scores;

namespace Hepatica.Clinical.Scoring;

/// <summary>A score in the catalog: its definition and how to evaluate it on a snapshot.</summary>
/// <param name="Definition">The score.</param>
/// <param name="Evaluator">Gathers inputs from a snapshot and calculates (keeping the steps or not), or names what is missing.</param>
public sealed record CatalogEntry(ScoreDefinition Definition, Func<PatientSnapshot, bool, ScoreOutcome> Evaluator)
{
    // Built once per entry, not per snapshot: the not-applicable outcome of each gate and answer, the assumption
    // warnings of each set of unanswered gates, and the evaluator bound to each recordSteps value (no closure per call).
    private readonly IReadOnlyList<ScoreOutcome> exclusions = Applicability.Exclusions(Definition);
    private readonly AssumptionSets assumptionSets = new(Applicability.Assumptions(Definition));
    private readonly Func<PatientSnapshot, ScoreOutcome> withSteps = s => Evaluator(s, true);
    private readonly Func<PatientSnapshot, ScoreOutcome> withoutSteps = s => Evaluator(s, false);

    /// <summary>
    /// Evaluates the score on a snapshot within its declared population (<see cref="Applicability"/>): not applicable
    /// outside it; calculated with a warning naming each assumption where the snapshot does not say; when small-domain
    /// findings it reads are missing, over every value they can take (<see cref="RangeEvaluation"/>): a range, or the one
    /// result when they do not matter. Never a default.
    /// </summary>
    /// <param name="snapshot">The patient.</param>
    /// <param name="recordSteps">False to compute without keeping the breakdown (same value).</param>
    public ScoreOutcome Evaluate(PatientSnapshot snapshot, bool recordSteps = true)
    {
        if (Applicability.Outside(Definition, snapshot, exclusions) is { } outside)
        {
            return outside;
        }

        // Missing small-domain findings: the score over every value they can take (RangeEvaluation, issue 11 s.2).
        var outcome = RangeEvaluation.Evaluate(snapshot, recordSteps ? withSteps : withoutSteps);
        return Definition.Population.Gates.Count == 0
            ? outcome
            : Applicability.WithAssumptions(outcome, snapshot, assumptionSets);
    }
}

/// <summary>
/// Everything Hepatica computes, as one explicit list (no assembly scanning). Order is the report order.
/// </summary>
public static class ScoreCatalog
{
    /// <summary>Every score, in report order.</summary>
    public static readonly IReadOnlyList<CatalogEntry> All =
    [
        new(Meld.Definition, Meld.Evaluate),
        new(MeldNa.Definition, MeldNa.Evaluate),
        new(Meld3.Definition, Meld3.Evaluate),
        new(ChildPugh.Definition, ChildPugh.Evaluate),
        new(Albi.Definition, Albi.Evaluate),
        new(Fib4.Definition, Fib4.Evaluate),
        new(Apri.Definition, Apri.Evaluate),
        new(Ukeld.Definition, Ukeld.Evaluate),
        new(MeldNaKim2008.Definition, MeldNaKim2008.Evaluate),
        new(Peld.Definition, Peld.Evaluate),
        new(KccAcetaminophen.Definition, KccAcetaminophen.Evaluate),
        new(KccAcetaminophenLactate.Definition, KccAcetaminophenLactate.Evaluate),
        new(KccNonAcetaminophen.Definition, KccNonAcetaminophen.Evaluate),
        new(ClifCOf.Definition, ClifCOf.Evaluate),
        new(AclfGrade.Definition, AclfGrade.Evaluate),
        new(ClifCAclf.Definition, ClifCAclf.Evaluate),
        new(ClifCAd.Definition, ClifCAd.Evaluate),
        new(MaddreyDf.Definition, MaddreyDf.Evaluate),
        new(Lille.Definition, Lille.Evaluate),
        new(Gahs.Definition, Gahs.Evaluate),
        new(Abic.Definition, Abic.Evaluate),
        new(AihSimplified.Definition, AihSimplified.Evaluate),
        new(DiliRRatio.Definition, DiliRRatio.Evaluate),
        new(DiliNewR.Definition, DiliNewR.Evaluate),
        new(HysLaw.Definition, HysLaw.Evaluate),
        new(Rucam.Definition, Rucam.Evaluate),
        new(IciHepatitisGrade.Definition, IciHepatitisGrade.Evaluate),
        new(AuditC.Definition, AuditC.Evaluate),
        new(NafldFibrosisScore.Definition, NafldFibrosisScore.Evaluate),
    ];

    /// <summary>The entry with this id, or null.</summary>
    public static CatalogEntry? Find(string id)
    {
        foreach (var entry in All)
        {
            if (string.Equals(entry.Definition.Id, id, StringComparison.OrdinalIgnoreCase))
            {
                return entry;
            }
        }

        return null;
    }
}
