using Hepatica.Clinical.Immunity;
using Hepatica.Clinical.Prevention;
using Hepatica.Clinical.Scoring;
using Hepatica.Clinical.Serology;
using Hepatica.Clinical.Transplant;

namespace Hepatica.Clinical;

/// <summary>
/// Scores evaluated on one snapshot, with the snapshot's issues and the sections read from them. Built only by
/// <see cref="Of"/> (the catalog, or the scores asked for, and every section) or <see cref="OfScore"/> (one score alone).
/// </summary>
public sealed record Assessment
{
    private Assessment(PatientSnapshot snapshot, IReadOnlyList<ScoreOutcome> outcomes, GuidelineProfile profile)
    {
        Snapshot = snapshot;
        Outcomes = outcomes;
        Profile = profile;
    }

    /// <summary>The snapshot assessed.</summary>
    public PatientSnapshot Snapshot { get; }

    /// <summary>One outcome per score evaluated, in the order asked for (catalog order by default).</summary>
    public IReadOnlyList<ScoreOutcome> Outcomes { get; }

    /// <summary>
    /// Evaluates the given catalog entries (all when null) and every section under a guideline profile. Sections read
    /// the outcomes they need by score id, so a signal whose score was not asked for (a population run with
    /// <c>--scores</c>) is not raised.
    /// </summary>
    /// <param name="snapshot">The patient.</param>
    /// <param name="profile">The guideline profile: which score allocates and which transplant signals show.</param>
    /// <param name="entries">The scores to evaluate, in the order wanted; null for <see cref="ScoreCatalog.All"/>.</param>
    /// <param name="recordSteps">False to compute without keeping the breakdowns (same values; for population runs).</param>
    public static Assessment Of(PatientSnapshot snapshot, GuidelineProfile profile = GuidelineProfiles.Default, IReadOnlyList<CatalogEntry>? entries = null, bool recordSteps = true)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        entries ??= ScoreCatalog.All;
        var outcomes = new ScoreOutcome[entries.Count];
        for (var i = 0; i < outcomes.Length; i++)
        {
            outcomes[i] = entries[i].Evaluate(snapshot, recordSteps);
        }

        var markers = HepatitisMarkers.From(snapshot);
        var serology = ViralHepatitis.Evaluate(snapshot);
        return new Assessment(snapshot, outcomes, profile)
        {
            Transplant = GuidelineProfiles.Filter(profile, TransplantSignals.Evaluate(snapshot, outcomes)),
            Serology = serology,
            Conflicts = Scoring.Conflicts.Find(outcomes, serology),
            Immunity = ImmunitySection.Evaluate(snapshot, outcomes, markers),
            Prevention = PreventionPlan.Evaluate(snapshot, outcomes, markers),
        };
    }

    /// <summary>The outcome of one score, or null when it was not evaluated (only some scores were asked for).</summary>
    /// <param name="definition">The score (for example <c>MaddreyDf.Definition</c>).</param>
    public ScoreOutcome? Outcome(ScoreDefinition definition) => ScoreOutcome.Find(Outcomes, definition);

    /// <summary>
    /// One score alone, with its steps and no sections (<c>hepatica score ID</c>, <c>POST /api/scores/{id}</c>;
    /// docs/output.md): unlike <see cref="Of"/> with one entry, which reads every section from it.
    /// </summary>
    /// <param name="snapshot">The patient.</param>
    /// <param name="entry">The score.</param>
    /// <param name="profile">The guideline profile (it names the score's role).</param>
    public static Assessment OfScore(PatientSnapshot snapshot, CatalogEntry entry, GuidelineProfile profile)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(entry);
        return new Assessment(snapshot, [entry.Evaluate(snapshot)], profile);
    }

    /// <summary>The guideline profile the assessment follows (<c>us</c> unless chosen).</summary>
    public GuidelineProfile Profile { get; }

    /// <summary>The profile's one allocation (under <c>uk</c>: listing) score, named so outputs can say which MELD allocates.</summary>
    public ScoreRole Allocation => GuidelineProfiles.AllocationScore(Profile);

    /// <summary>What a score is for under the profile (allocation, listing, history, research, other system); null for scores outside the allocation family.</summary>
    /// <param name="score">The score.</param>
    public ScoreRole? RoleOf(ScoreDefinition score) => GuidelineProfiles.RoleOf(Profile, score);

    /// <summary>Transplant referral signals (empty for one score alone, <see cref="OfScore"/>).</summary>
    public TransplantSection Transplant { get; init; } = TransplantSection.None;

    /// <summary>The immune side: HBV reactivation risk, SBP prophylaxis, immune observations (empty for one score alone, <see cref="OfScore"/>).</summary>
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
