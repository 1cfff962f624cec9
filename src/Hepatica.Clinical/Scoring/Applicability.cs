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

    /// <summary>The outcome with a warning for every gate the snapshot does not answer (only a calculated outcome carries them).</summary>
    /// <param name="outcome">The score's outcome.</param>
    /// <param name="snapshot">The patient.</param>
    /// <param name="assumptions">The warnings of <see cref="Assumptions"/>, one per gate, in gate order.</param>
    public static ScoreOutcome WithAssumptions(ScoreOutcome outcome, PatientSnapshot snapshot, IReadOnlyList<InputIssue> assumptions)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(assumptions);
        if (outcome.Result is null && outcome.Range is null)
        {
            return outcome;
        }

        var gates = outcome.Definition.Population.Gates;
        List<InputIssue>? added = null;
        for (var i = 0; i < gates.Count; i++)
        {
            if (gates[i].Question.Answer(snapshot) is null)
            {
                (added ??= []).Add(assumptions[i]);
            }
        }

        if (added is null)
        {
            return outcome;
        }

        if (outcome.Range is { } range)
        {
            // A range (issue 11 s.2): every alternative carries the same assumptions.
            var alternatives = range.Alternatives.Select(a => a.Outcome.Result is { } r
                ? a with { Outcome = ScoreOutcome.Calculated(r with { Warnings = [.. r.Warnings, .. added] }) }
                : a).ToList();
            return ScoreOutcome.Ranged(outcome.Definition, range with { Alternatives = alternatives });
        }

        var result = outcome.Result!;
        var calculated = ScoreOutcome.Calculated(result with { Warnings = [.. result.Warnings, .. added] });
        return outcome.Immaterial.Count == 0 ? calculated : calculated.WithImmaterial(outcome.Immaterial);
    }

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
