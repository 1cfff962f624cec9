namespace Hepatica.Clinical.Scoring;

/// <summary>A value assumed for a missing small-domain finding, to evaluate one alternative of a range.</summary>
/// <param name="Path">The finding's snapshot path.</param>
/// <param name="Value">The value as the snapshot JSON spells it.</param>
/// <param name="Label">The value in words (<c>with dialysis</c>).</param>
public sealed record Assumption(string Path, string Value, string Label);

/// <summary>One alternative of a range: the values assumed for the findings that decide it, and the outcome they give.</summary>
/// <param name="Assumptions">The value assumed for each finding that settles the range (those that did not matter are left out).</param>
/// <param name="Outcome">The score calculated (or found not to apply) with those values.</param>
public sealed record RangeAlternative(IReadOnlyList<Assumption> Assumptions, ScoreOutcome Outcome)
{
    /// <summary>The assumptions in words, joined: <c>with dialysis</c>, <c>mild ascites, no encephalopathy</c>.</summary>
    public string Words => string.Join(", ", Assumptions.Select(a => a.Label));
}

/// <summary>
/// A score evaluated over every value of the small-domain findings it reads that were not given (issue 11 s.2): never
/// a default. The score lies between <see cref="Minimum"/> and <see cref="Maximum"/>; each alternative says which values
/// give which result; <see cref="SettledBy"/> names the findings that would settle it.
/// </summary>
/// <param name="Alternatives">One per distinct combination of the deciding findings, in domain order (absent or lowest first).</param>
/// <param name="SettledBy">Snapshot paths of the missing findings that change the result.</param>
/// <param name="Immaterial">Snapshot paths of missing findings that change nothing for this patient.</param>
public sealed record ScoreRange(IReadOnlyList<RangeAlternative> Alternatives, IReadOnlyList<string> SettledBy, IReadOnlyList<string> Immaterial)
{
    /// <summary>The alternatives for which the score was calculated.</summary>
    public IEnumerable<ScoreResult> Results => Alternatives.Select(a => a.Outcome.Result).OfType<ScoreResult>();

    /// <summary>The lowest calculated value.</summary>
    public decimal Minimum => Results.Min(r => r.Value);

    /// <summary>The highest calculated value.</summary>
    public decimal Maximum => Results.Max(r => r.Value);

    /// <summary>The alternative giving the lowest value (the first such).</summary>
    public RangeAlternative Lowest => Alternatives.Where(a => a.Outcome.Result is not null).MinBy(a => a.Outcome.Result!.Value)!;

    /// <summary>The alternative giving the highest value (the last such).</summary>
    public RangeAlternative Highest => Alternatives.Where(a => a.Outcome.Result is not null).Reverse().MaxBy(a => a.Outcome.Result!.Value)!;

    /// <summary>True when every alternative was calculated and <paramref name="test"/> holds for each (a signal is raised only then).</summary>
    public bool All(Func<ScoreResult, bool> test) => Alternatives.All(a => a.Outcome.Result is { } r && test(r));

    /// <summary>True when <paramref name="test"/> holds for some calculated alternative (a signal is then at least possible).</summary>
    public bool Any(Func<ScoreResult, bool> test) => Results.Any(test);
}

/// <summary>
/// Evaluates a score over the missing small-domain findings it names (<see cref="SmallDomains"/>): every combination
/// of their values, re-evaluated on the snapshot with the values set, so each score's own gatherer and rules decide
/// (a finding needed only for some values, like ventilation for encephalopathy when ventilated, is expanded when it
/// is asked for). At most <see cref="SmallDomains.MaxCombinations"/> combinations; a missing lab, or any other
/// missing input, leaves the score not calculable.
/// </summary>
public static class RangeEvaluation
{
    private sealed record Leaf(IReadOnlyList<Assumption> Assumed, ScoreOutcome Outcome);

    /// <summary>The outcome of <paramref name="evaluate"/> on the snapshot, ranged over its missing small-domain findings.</summary>
    /// <param name="snapshot">The patient.</param>
    /// <param name="evaluate">The score's gatherer and calculation.</param>
    public static ScoreOutcome Evaluate(PatientSnapshot snapshot, Func<PatientSnapshot, ScoreOutcome> evaluate)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(evaluate);
        var first = evaluate(snapshot);
        if (first.Status != OutcomeStatus.NotCalculable || !AllSmallDomains(first.Missing))
        {
            return first;
        }

        var leaves = new List<Leaf>();
        var other = new List<string>();
        if (!Expand(snapshot, [], first, evaluate, leaves, other))
        {
            return ScoreOutcome.NotCalculable(first.Definition, [.. first.Missing.Concat(other).Distinct()]);
        }

        var paths = leaves.SelectMany(l => l.Assumed.Select(a => a.Path)).Distinct().ToList();
        var settledBy = paths.Where(p => Matters(p, leaves)).ToList();
        var immaterial = paths.Where(p => !settledBy.Contains(p)).ToList();
        if (settledBy.Count == 0)
        {
            // Every value gives the same result: that result, saying the findings did not matter.
            var only = leaves[0].Outcome;
            if (only.Result is not { } result)
            {
                return only;
            }

            var note = new BreakdownStep(StepKind.Note, "not given", null,
                $"{string.Join(", ", immaterial)} not given: every value gives this result, so it did not matter (issue 11 s.2: evaluated over every value, none assumed)");
            return ScoreOutcome.Calculated(result with { Steps = result.Steps.Count == 0 ? [] : [note, .. result.Steps] }).WithImmaterial(immaterial);
        }

        if (leaves.All(l => l.Outcome.Result is null))
        {
            return leaves[0].Outcome;
        }

        var alternatives = new List<RangeAlternative>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var leaf in leaves)
        {
            var kept = leaf.Assumed.Where(a => settledBy.Contains(a.Path)).ToList();
            if (seen.Add(string.Join("\n", kept.Select(a => a.Path + "=" + a.Value))))
            {
                alternatives.Add(new RangeAlternative(kept, leaf.Outcome));
            }
        }

        return ScoreOutcome.Ranged(first.Definition, new ScoreRange(alternatives, settledBy, immaterial));
    }

    // True when every missing input is a small-domain finding (a loop: this runs for every not-calculable score of every line).
    private static bool AllSmallDomains(IReadOnlyList<string> missing)
    {
        for (var i = 0; i < missing.Count; i++)
        {
            if (!SmallDomains.ByPath.ContainsKey(missing[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Expand(PatientSnapshot snapshot, IReadOnlyList<Assumption> assumed, ScoreOutcome outcome,
        Func<PatientSnapshot, ScoreOutcome> evaluate, List<Leaf> leaves, List<string> other)
    {
        if (outcome.Status != OutcomeStatus.NotCalculable)
        {
            leaves.Add(new Leaf(assumed, outcome));
            return true;
        }

        var domains = new List<SmallDomain>();
        foreach (var path in outcome.Missing)
        {
            if (SmallDomains.ByPath.TryGetValue(path, out var d) && !assumed.Any(a => a.Path == path))
            {
                domains.Add(d);
            }
            else
            {
                other.Add(path);
            }
        }

        if (other.Count > 0)
        {
            return false;
        }

        long combinations = domains.Aggregate(1L, (n, d) => n * d.Values.Count);
        if (leaves.Count + combinations > SmallDomains.MaxCombinations)
        {
            return false;
        }

        foreach (var combination in Combinations(domains, 0))
        {
            var s = snapshot;
            var next = new List<Assumption>(assumed);
            for (var i = 0; i < domains.Count; i++)
            {
                var v = combination[i];
                s = v.Apply(s);
                next.Add(new Assumption(domains[i].Path, v.Text, v.Label));
            }

            if (!Expand(s, next, evaluate(s), evaluate, leaves, other))
            {
                return false;
            }
        }

        return true;
    }

    private static IEnumerable<DomainValue[]> Combinations(List<SmallDomain> domains, int index)
    {
        if (index == domains.Count)
        {
            yield return new DomainValue[domains.Count];
            yield break;
        }

        foreach (var v in domains[index].Values)
        {
            foreach (var rest in Combinations(domains, index + 1))
            {
                var c = (DomainValue[])rest.Clone();
                c[index] = v;
                yield return c;
            }
        }
    }

    /// <summary>
    /// True when the finding at <paramref name="path"/> changes the result for some values of the others: leaves that
    /// agree on every other assumption differ in status, value or category.
    /// </summary>
    private static bool Matters(string path, List<Leaf> leaves) =>
        leaves.GroupBy(l => string.Join("\n", l.Assumed.Where(a => a.Path != path).Select(a => a.Path + "=" + a.Value)), StringComparer.Ordinal)
            .Any(g => g.Select(l => Key(l.Outcome)).Distinct(StringComparer.Ordinal).Count() > 1);

    private static string Key(ScoreOutcome o) => o.Result is { } r
        ? $"{(r.Value / 1.000000000000000000000000000000000m).ToString(System.Globalization.CultureInfo.InvariantCulture)}|{r.Category}"
        : $"{o.Status}|{o.Reason}";
}
