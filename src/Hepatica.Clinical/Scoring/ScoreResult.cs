namespace Hepatica.Clinical.Scoring;

/// <summary>A computed score with its full breakdown.</summary>
/// <param name="Definition">The score that was computed.</param>
/// <param name="Value">The value as the source reports it (for example the integer MELD).</param>
/// <param name="Unrounded">The value before the final rounding and bounds, where the source rounds.</param>
/// <param name="Category">The category or interpretation the source defines, if any.</param>
/// <param name="Steps">Every input, floor, cap, substitution, term, point, rounding and the category.</param>
/// <param name="Warnings">Warnings about this score's inputs or applicability.</param>
public sealed record ScoreResult(
    ScoreDefinition Definition,
    decimal Value,
    decimal? Unrounded,
    string? Category,
    IReadOnlyList<BreakdownStep> Steps,
    IReadOnlyList<InputIssue> Warnings)
{
    /// <summary>Extra named values the score publishes beside its main value (for example 90-day survival).</summary>
    public IReadOnlyDictionary<string, decimal> Extras { get; init; } = EmptyExtras;

    private static readonly IReadOnlyDictionary<string, decimal> EmptyExtras = new Dictionary<string, decimal>();
}

/// <summary>Whether a score could be computed for a snapshot.</summary>
public enum OutcomeStatus
{
    /// <summary>Computed; see <see cref="ScoreOutcome.Result"/>.</summary>
    Calculated,

    /// <summary>Inputs are missing or unusable; see <see cref="ScoreOutcome.Missing"/>.</summary>
    NotCalculable,

    /// <summary>The score does not apply to this patient (for example MELD under age 12).</summary>
    NotApplicable,

    /// <summary>
    /// A small-domain finding the score reads was not given: the score was evaluated over every value it can take;
    /// see <see cref="ScoreOutcome.Range"/> (issue 11 s.2). Readers raise a signal only when every alternative does.
    /// </summary>
    Range,
}

/// <summary>
/// The outcome of asking for one score on one snapshot: a result, or exactly which inputs are missing, or why the
/// score does not apply. Not being calculable is a normal outcome, not an exception.
/// </summary>
public sealed class ScoreOutcome
{
    private ScoreOutcome(ScoreDefinition definition, OutcomeStatus status, ScoreResult? result, IReadOnlyList<string> missing, string? reason, Citation? source = null)
    {
        Source = source;
        Definition = definition;
        Status = status;
        Result = result;
        Missing = missing;
        this.reason = reason;
    }

    private string? reason;

    /// <summary>The score asked for.</summary>
    public ScoreDefinition Definition { get; }

    /// <summary>Calculated, not calculable or not applicable.</summary>
    public OutcomeStatus Status { get; }

    /// <summary>The result when <see cref="Status"/> is <see cref="OutcomeStatus.Calculated"/>.</summary>
    public ScoreResult? Result { get; }

    /// <summary>The alternatives, when <see cref="Status"/> is <see cref="OutcomeStatus.Range"/>.</summary>
    public ScoreRange? Range { get; private init; }

    /// <summary>Missing small-domain findings that, for this patient, change nothing (a calculated result: every value gives it).</summary>
    public IReadOnlyList<string> Immaterial { get; private init; } = [];

    /// <summary>Snapshot paths of the missing or unusable inputs (empty unless not calculable).</summary>
    public IReadOnlyList<string> Missing { get; }

    /// <summary>Why the score does not apply, when not applicable; "missing: ..." when not calculable (built on first use).</summary>
    public string? Reason => reason ?? (Status == OutcomeStatus.NotCalculable ? reason = "missing: " + string.Join(", ", Missing)
        : Status == OutcomeStatus.Range ? reason = "not given: " + string.Join(", ", Range!.SettledBy) : null);

    /// <summary>The source of the rule that makes the score not applicable, when a population gate decided it (the key is also in <see cref="Reason"/>).</summary>
    public Citation? Source { get; }

    /// <summary>
    /// The outcome of <paramref name="definition"/> among <paramref name="outcomes"/>, or null when that score was not
    /// evaluated. The one way a reader finds a score's outcome: by its definition, so a renamed or removed score breaks
    /// the build instead of silently matching nothing.
    /// </summary>
    /// <param name="outcomes">The outcomes of one snapshot.</param>
    /// <param name="definition">The score wanted (for example <c>MaddreyDf.Definition</c>).</param>
    public static ScoreOutcome? Find(IReadOnlyList<ScoreOutcome> outcomes, ScoreDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(definition);
        foreach (var o in outcomes)
        {
            if (string.Equals(o.Definition.Id, definition.Id, StringComparison.Ordinal))
            {
                return o;
            }
        }

        return null;
    }

    /// <summary>A computed result.</summary>
    public static ScoreOutcome Calculated(ScoreResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new(result.Definition, OutcomeStatus.Calculated, result, [], null);
    }

    /// <summary>The score needs these inputs, which are missing or unusable.</summary>
    public static ScoreOutcome NotCalculable(ScoreDefinition definition, IReadOnlyList<string> missing)
    {
        if (missing is null || missing.Count == 0)
        {
            throw new ArgumentException("A not-calculable outcome must name at least one missing input.", nameof(missing));
        }

        return new(definition, OutcomeStatus.NotCalculable, null, missing, null);
    }

    /// <summary>The score over every value of its missing small-domain findings (at least one alternative calculated).</summary>
    public static ScoreOutcome Ranged(ScoreDefinition definition, ScoreRange range)
    {
        ArgumentNullException.ThrowIfNull(range);
        if (range.SettledBy.Count == 0 || !range.Results.Any())
        {
            throw new ArgumentException("A range names the findings that settle it and has at least one calculated alternative.", nameof(range));
        }

        return new(definition, OutcomeStatus.Range, null, [], null) { Range = range };
    }

    /// <summary>This calculated outcome, noting missing findings that did not matter.</summary>
    public ScoreOutcome WithImmaterial(IReadOnlyList<string> paths) => Status == OutcomeStatus.Calculated
        ? new(Definition, Status, Result, Missing, null) { Immaterial = paths }
        : throw new InvalidOperationException("Only a calculated outcome has immaterial findings.");

    /// <summary>The score does not apply to this patient, for the reason given.</summary>
    /// <param name="definition">The score.</param>
    /// <param name="reason">Why, with the source's key.</param>
    /// <param name="source">The source of the rule, when there is one to cite.</param>
    public static ScoreOutcome NotApplicable(ScoreDefinition definition, string reason, Citation? source = null) =>
        new(definition, OutcomeStatus.NotApplicable, null, [], reason, source);
}
