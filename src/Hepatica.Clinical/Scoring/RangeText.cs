namespace Hepatica.Clinical.Scoring;

/// <summary>
/// One wording of a range for every output (text, CDS cards, FHIR notes), so the CLI, the API and the cards say the
/// same thing: <c>26-32: 26 without dialysis, 32 with dialysis; give findings.dialysisTwiceInPastWeek</c>.
/// </summary>
public static class RangeText
{
    /// <summary>Alternatives listed one by one up to this many; beyond it the lowest and the highest are named.</summary>
    public const int ListedAlternatives = 4;

    /// <summary>The span: <c>26-32</c>; criteria <c>not met or met</c>.</summary>
    public static string Span(ScoreDefinition definition, ScoreRange range)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(range);
        var low = range.Lowest.Outcome.Result!;
        var high = range.Highest.Outcome.Result!;
        if (Criteria.IsCriteria(definition))
        {
            return low.Value == high.Value ? Criteria.Word(low) : $"{Criteria.Word(low)} or {Criteria.Word(high)}";
        }

        return low.Value == high.Value ? Breakdown.F(low.Value) : $"{Breakdown.F(low.Value)}-{Breakdown.F(high.Value)}";
    }

    /// <summary>The category every alternative shares (<c>20-29 (3-month mortality 19.6%)</c>), or null when they differ or have none.</summary>
    public static string? SharedCategory(ScoreDefinition definition, ScoreRange range)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(range);
        var categories = range.Alternatives.Select(a => a.Outcome.Result?.Category).Distinct(StringComparer.Ordinal).ToList();
        return categories is [{ } only] && !Criteria.IsCriteria(definition) ? only : null;
    }

    /// <summary>
    /// Which values give which result: <c>26 without dialysis, 32 with dialysis</c>; each with its category
    /// (<c>8 (B) no ascites, no encephalopathy</c>) unless all share one.
    /// </summary>
    public static string Alternatives(ScoreDefinition definition, ScoreRange range)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(range);
        var categories = SharedCategory(definition, range) is null;
        var separator = range.Alternatives.Any(a => a.Assumptions.Count > 1) ? "; " : ", ";
        if (range.Alternatives.Count <= ListedAlternatives)
        {
            return string.Join(separator, range.Alternatives.Select(a => One(definition, a, categories)));
        }

        return $"{One(definition, range.Lowest, categories)} ... {One(definition, range.Highest, categories)} ({range.Alternatives.Count} combinations)";
    }

    /// <summary>What settles it: <c>give findings.dialysisTwiceInPastWeek</c>.</summary>
    public static string Settle(ScoreRange range)
    {
        ArgumentNullException.ThrowIfNull(range);
        return "give " + string.Join(", ", range.SettledBy);
    }

    /// <summary>The whole line after the score's name: span, the shared category, alternatives, what settles it.</summary>
    public static string Line(ScoreDefinition definition, ScoreRange range) =>
        $"{Span(definition, range)}: {(SharedCategory(definition, range) is { } c ? c + " for every value; " : string.Empty)}{Alternatives(definition, range)}; {Settle(range)}";

    /// <summary>One alternative: <c>26 without dialysis</c>, <c>8 (B) no ascites, no encephalopathy</c>, <c>not applicable with ...</c>.</summary>
    public static string One(ScoreDefinition definition, RangeAlternative alternative, bool withCategory = true)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(alternative);
        if (alternative.Outcome.Result is not { } r)
        {
            return $"not applicable {alternative.Words}";
        }

        return $"{Value(definition, r, withCategory)} {alternative.Words}";
    }

    /// <summary>One alternative's result: <c>26</c>, <c>8 (B)</c>, <c>met</c>.</summary>
    public static string Value(ScoreDefinition definition, ScoreResult result, bool withCategory = true)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(result);
        var value = Criteria.IsCriteria(definition) ? Criteria.Word(result) : Breakdown.F(result.Value);
        var category = withCategory && result.Category is { } c && !IsCriteriaCategory(c) && !Criteria.IsCriteria(definition)
            ? (c.Contains('(', StringComparison.Ordinal) ? $" [{c}]" : $" ({c})") // no nested brackets: "14 [10-19 (3-month mortality 6.0%)]"
            : string.Empty;
        return value + category;
    }

    private static bool IsCriteriaCategory(string category) => category.StartsWith("criteria ", StringComparison.Ordinal);
}
