using Hepatica.Clinical.Immunity;
using Hepatica.Clinical.Prevention;
using Hepatica.Clinical.Scoring;
using Hepatica.Clinical.Serology;
using Hepatica.Clinical.Transplant;

namespace Hepatica.Clinical;

/// <summary>Every score of the catalog evaluated on one snapshot, with the snapshot's issues.</summary>
/// <param name="Snapshot">The snapshot assessed.</param>
/// <param name="Outcomes">One outcome per catalog entry, in catalog order.</param>
public sealed record Assessment(PatientSnapshot Snapshot, IReadOnlyList<ScoreOutcome> Outcomes)
{
    /// <summary>Evaluates every score in <see cref="ScoreCatalog.All"/> on the snapshot.</summary>
    /// <param name="snapshot">The patient.</param>
    /// <param name="recordSteps">False to compute without keeping the breakdowns (same values; for population runs).</param>
    public static Assessment Of(PatientSnapshot snapshot, bool recordSteps = true) => Of(snapshot, ScoreCatalog.All, recordSteps);

    /// <summary>
    /// Evaluates the given catalog entries (a population run that needs only some scores) and every section. Sections
    /// read the outcomes they need by score id, so a signal whose score was not asked for is not raised.
    /// </summary>
    /// <param name="snapshot">The patient.</param>
    /// <param name="entries">The scores to evaluate, in the order wanted.</param>
    /// <param name="recordSteps">False to compute without keeping the breakdowns.</param>
    public static Assessment Of(PatientSnapshot snapshot, IReadOnlyList<CatalogEntry> entries, bool recordSteps = true)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(entries);
        var outcomes = new ScoreOutcome[entries.Count];
        for (var i = 0; i < outcomes.Length; i++)
        {
            outcomes[i] = entries[i].Evaluate(snapshot, recordSteps);
        }

        var markers = HepatitisMarkers.From(snapshot);
        var serology = ViralHepatitis.Evaluate(snapshot);
        return new Assessment(snapshot, outcomes)
        {
            Transplant = TransplantSignals.Evaluate(snapshot, outcomes),
            Serology = serology,
            Conflicts = Scoring.Conflicts.Find(outcomes, serology),
            Immunity = ImmunitySection.Evaluate(snapshot, outcomes, markers),
            Prevention = PreventionPlan.Evaluate(snapshot, outcomes, markers),
        };
    }

    /// <summary>Transplant referral signals (empty when only some scores were evaluated).</summary>
    public TransplantSection Transplant { get; init; } = TransplantSection.None;

    /// <summary>The immune side: HBV reactivation risk, SBP prophylaxis, immune observations (empty when only some scores were evaluated).</summary>
    public ImmunitySection Immunity { get; init; } = ImmunitySection.None;

    /// <summary>The prevention plan: vaccines, cautions and lifestyle points.</summary>
    public PreventionSection Prevention { get; init; } = PreventionSection.None;

    /// <summary>Viral hepatitis serology interpretations (empty when the snapshot has no serology).</summary>
    public SerologySection Serology { get; init; } = SerologySection.None;

    /// <summary>Interpretations that contradict each other (definite AIH with highly probable DILI; Hy's law with another explanation).</summary>
    public IReadOnlyList<ConflictNote> Conflicts { get; init; } = [];

    /// <summary>True when the snapshot had at least one error (some value could not be used).</summary>
    public bool HasErrors => Snapshot.Issues.Any(i => i.Severity == IssueSeverity.Error);
}
