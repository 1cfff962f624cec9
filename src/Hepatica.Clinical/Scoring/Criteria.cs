using Hepatica.Clinical.Scores;

namespace Hepatica.Clinical.Scoring;

/// <summary>
/// Criteria-type results (King's College, Hy's law): the value is 1 when the criteria are met and 0 when not, which a
/// reader must see as "met" / "not met", with the criteria that were met, never as a bare "1". One place for every
/// output that words them (text, cards); the JSON keeps the typed value.
/// </summary>
public static class Criteria
{
    private static readonly HashSet<string> Ids = new(StringComparer.Ordinal)
    {
        KccAcetaminophen.Definition.Id,
        KccAcetaminophenLactate.Definition.Id,
        KccNonAcetaminophen.Definition.Id,
        HysLaw.Definition.Id,
    };

    /// <summary>True for a score whose value is 1 when its criteria are met and 0 when not.</summary>
    public static bool IsCriteria(ScoreDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return Ids.Contains(definition.Id);
    }

    /// <summary><c>met</c> or <c>not met</c>.</summary>
    public static string Word(ScoreResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Value == 1m ? "met" : "not met";
    }

    /// <summary>
    /// The labels of the criteria recorded as met in the breakdown (empty when the steps were not kept). The criteria
    /// are the breakdown's note steps whose detail says "met" (King's College: "...: met (source)"; Hy's law: "met: ...").
    /// </summary>
    public static IReadOnlyList<string> MetCriteria(ScoreResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return [.. result.Steps.Where(s => s.Kind == StepKind.Note && IsMet(s.Detail)).Select(s => s.Label)];
    }

    private static bool IsMet(string detail) =>
        detail.StartsWith("met:", StringComparison.Ordinal) || detail.Contains(": met (", StringComparison.Ordinal) || detail.EndsWith(": met", StringComparison.Ordinal);
}
