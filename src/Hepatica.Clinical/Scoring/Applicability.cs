namespace Hepatica.Clinical.Scoring;

/// <summary>
/// Applies a score's declared <see cref="Population"/> to a snapshot, once for every score (the catalog calls it): outside
/// the population, not applicable with the rule and its source; unknown, the score is calculated and carries one PAT001
/// warning per unanswered gate that names the assumption and the input that would settle it.
/// </summary>
public static class Applicability
{
    /// <summary>The not-applicable outcome when the snapshot contradicts one of the population's gates; null otherwise.</summary>
    /// <param name="definition">The score.</param>
    /// <param name="snapshot">The patient.</param>
    public static ScoreOutcome? Outside(ScoreDefinition definition, PatientSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(snapshot);
        foreach (var gate in definition.Population.Gates)
        {
            if (gate.Question.Answer(snapshot) is { } answer && answer != gate.Required)
            {
                return ScoreOutcome.NotApplicable(definition, Reason(gate, answer), gate.Source);
            }
        }

        return null;
    }

    /// <summary>
    /// As <see cref="Outside(ScoreDefinition, PatientSnapshot)"/>, returning the outcome built once per gate and answer
    /// (<see cref="Exclusions"/>) instead of a new one per snapshot.
    /// </summary>
    /// <param name="definition">The score.</param>
    /// <param name="snapshot">The patient.</param>
    /// <param name="exclusions">The outcomes of <see cref="Exclusions"/> for this score.</param>
    public static ScoreOutcome? Outside(ScoreDefinition definition, PatientSnapshot snapshot, IReadOnlyList<ScoreOutcome> exclusions)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(exclusions);
        var gates = definition.Population.Gates;
        for (var i = 0; i < gates.Count; i++)
        {
            var gate = gates[i];
            if (gate.Question.Answer(snapshot) is { } answer && answer != gate.Required)
            {
                return exclusions[(2 * i) + (answer ? 1 : 0)];
            }
        }

        return null;
    }

    /// <summary>
    /// The not-applicable outcome of each gate of the score for each answer (index 2i: gate i answered false, 2i + 1:
    /// answered true; the one the gate requires is never used), built once per catalog entry. Outcomes are immutable.
    /// </summary>
    /// <param name="definition">The score.</param>
    public static IReadOnlyList<ScoreOutcome> Exclusions(ScoreDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var gates = definition.Population.Gates;
        var outcomes = new ScoreOutcome[2 * gates.Count];
        for (var i = 0; i < gates.Count; i++)
        {
            outcomes[2 * i] = ScoreOutcome.NotApplicable(definition, Reason(gates[i], false), gates[i].Source);
            outcomes[(2 * i) + 1] = ScoreOutcome.NotApplicable(definition, Reason(gates[i], true), gates[i].Source);
        }

        return outcomes;
    }

    /// <summary>The outcome with a warning for every gate the snapshot does not answer (only a calculated outcome carries them).</summary>
    /// <param name="outcome">The score's outcome.</param>
    /// <param name="snapshot">The patient.</param>
    /// <param name="assumptions">The warnings of <see cref="Assumptions"/>, one per gate, in gate order.</param>
    public static ScoreOutcome WithAssumptions(ScoreOutcome outcome, PatientSnapshot snapshot, IReadOnlyList<InputIssue> assumptions) =>
        WithAssumptions(outcome, snapshot, new AssumptionSets(assumptions));

    /// <summary>
    /// As <see cref="WithAssumptions(ScoreOutcome, PatientSnapshot, IReadOnlyList{InputIssue})"/>, with the warning list
    /// of each set of unanswered gates shared (<see cref="AssumptionSets"/>): same warnings, in the same order.
    /// </summary>
    /// <param name="outcome">The score's outcome.</param>
    /// <param name="snapshot">The patient.</param>
    /// <param name="assumptions">The score's assumption warnings (<see cref="Assumptions"/>), wrapped.</param>
    public static ScoreOutcome WithAssumptions(ScoreOutcome outcome, PatientSnapshot snapshot, AssumptionSets assumptions)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(assumptions);
        if (outcome.Result is null && outcome.Range is null)
        {
            return outcome;
        }

        var gates = outcome.Definition.Population.Gates;
        var unanswered = 0;
        for (var i = 0; i < gates.Count; i++)
        {
            if (gates[i].Question.Answer(snapshot) is null)
            {
                unanswered |= 1 << i;
            }
        }

        if (unanswered == 0)
        {
            return outcome;
        }

        var added = assumptions.Of(unanswered);
        if (outcome.Range is { } range)
        {
            // A range (issue 11 s.2): every alternative carries the same assumptions.
            var alternatives = new List<RangeAlternative>(range.Alternatives.Count);
            foreach (var a in range.Alternatives)
            {
                alternatives.Add(a.Outcome.Result is { } r ? a with { Outcome = ScoreOutcome.Calculated(r with { Warnings = Append(r.Warnings, added) }) } : a);
            }

            return ScoreOutcome.Ranged(outcome.Definition, range with { Alternatives = alternatives });
        }

        var result = outcome.Result!;
        var calculated = ScoreOutcome.Calculated(result with { Warnings = Append(result.Warnings, added) });
        return outcome.Immaterial.Count == 0 ? calculated : calculated.WithImmaterial(outcome.Immaterial);
    }

    // The score's own warnings, then the assumptions; the shared list itself when the score has none (nothing to copy).
    private static IReadOnlyList<InputIssue> Append(IReadOnlyList<InputIssue> warnings, IReadOnlyList<InputIssue> added) =>
        warnings.Count == 0 ? added : [.. warnings, .. added];

    /// <summary>The assumption warning of each gate of the score, in gate order (built once per catalog entry).</summary>
    /// <param name="definition">The score.</param>
    public static IReadOnlyList<InputIssue> Assumptions(ScoreDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.Population.Gates.Select(g => InputIssue.Warning(IssueCodes.UnusualPatient, g.Question.SettledBy.Split(' ')[0],
            $"assumed {g.Assumed}, which the snapshot does not state: {definition.Name} is {g.Rule} ({g.Source.Key}); give {g.Question.SettledBy}")).ToList();
    }

    private static string Reason(PopulationGate gate, bool answer) =>
        $"{gate.Rule} ({gate.Source.Key}); the snapshot records {(answer ? gate.Question.WhenTrue : gate.Question.WhenFalse)}";
}
