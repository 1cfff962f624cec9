using Hepatica.Clinical.Scores;
using Hepatica.Clinical.Serology;

namespace Hepatica.Clinical.Scoring;

/// <summary>A note that two results of one assessment point different ways: one line naming both (docs/output.md).</summary>
/// <param name="Id">Stable kebab-case id (<c>aih-definite-dili-highly-probable</c>, <c>hys-law-other-explanation</c>).</param>
/// <param name="Text">The line for the clinician, naming both results and what to do about them.</param>
/// <param name="Results">What contradicts: score ids and serology categories.</param>
public sealed record ConflictNote(string Id, string Text, IReadOnlyList<string> Results)
{
    /// <summary>Definite AIH (simplified criteria) with highly probable DILI (RUCAM).</summary>
    public const string AihDefiniteDiliHighlyProbable = "aih-definite-dili-highly-probable";

    /// <summary>Hy's law met while another result offers another explanation.</summary>
    public const string HysLawOtherExplanation = "hys-law-other-explanation";
}

/// <summary>
/// Interpretations that contradict each other. Each score reads its own inputs, so two can each be right on their own
/// terms and still point to different diagnoses; a reader must see both named together, not two lines far apart.
/// </summary>
public static class Conflicts
{
    /// <summary>Serology categories that are a viral explanation of an acute liver injury (docs/serology.md).</summary>
    private static readonly HashSet<string> AcuteViral = new(StringComparer.Ordinal)
    {
        "hav-acute", "hbv-acute", "hbv-early-acute-or-post-vaccination", "hev-acute-or-recent",
    };

    /// <summary>Every contradiction between the outcomes and the serology readings, in a fixed order.</summary>
    /// <param name="outcomes">The score outcomes of the assessment.</param>
    /// <param name="serology">The serology readings.</param>
    public static IReadOnlyList<ConflictNote> Find(IReadOnlyList<ScoreOutcome> outcomes, SerologySection serology)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(serology);
        var notes = new List<ConflictNote>();
        var aih = Result(outcomes, AihSimplified.Definition);
        var rucam = Result(outcomes, Rucam.Definition);
        var hy = Result(outcomes, HysLaw.Definition);

        // Simplified AIH criteria definite (>= 7, Hennes 2008) and RUCAM highly probable (>= 9, Danan 2016): each
        // excludes the other's diagnosis in its own items, so both cannot stand as read; drug-induced AIH-like injury
        // is the usual bridge.
        if (aih is { Value: >= 7m } && rucam is { Value: >= 9m })
        {
            notes.Add(new(ConflictNote.AihDefiniteDiliHighlyProbable,
                $"Conflict: simplified AIH criteria {F(aih.Value)} (definite AIH) and RUCAM {F(rucam.Value)} (highly probable DILI) point to different causes; "
                + "consider drug-induced autoimmune-like hepatitis, review the drug history and the biopsy, and reassess after withdrawal of the drug.",
                [aih.Definition.Id, rucam.Definition.Id]));
        }

        // Hy's law counts a case only when no other reason explains the rise (FDA 2009); a result here that offers
        // one (probable or definite AIH, acute viral hepatitis) contradicts the "no other explanation" the case needs.
        if (hy is { Value: 1m })
        {
            var others = new List<(string Id, string Words)>();
            if (aih is { Value: >= 6m })
            {
                others.Add((aih.Definition.Id, $"simplified AIH criteria {F(aih.Value)} ({aih.Category})"));
            }

            foreach (var reading in serology.Interpretations.Where(i => AcuteViral.Contains(i.Category)))
            {
                others.Add((reading.Category, $"serology {reading.Category}"));
            }

            if (others.Count > 0)
            {
                notes.Add(new(ConflictNote.HysLawOtherExplanation,
                    $"Conflict: Hy's law is met (given as having no other explanation), but {string.Join(" and ", others.Select(o => o.Words))} offers another explanation; "
                    + "a Hy's law case needs none (FDA 2009): settle the cause before reading it as drug-induced.",
                    [hy.Definition.Id, .. others.Select(o => o.Id)]));
            }
        }

        return notes;
    }

    /// <summary>
    /// The calculated result, or null. A ranged outcome (issue 11 s.2) gives null on purpose: a conflict is stated only
    /// between interpretations that are certain, never from one end of a range (none of these scores reads a small-domain
    /// finding today, so none is ranged).
    /// </summary>
    private static ScoreResult? Result(IReadOnlyList<ScoreOutcome> outcomes, ScoreDefinition definition) =>
        ScoreOutcome.Find(outcomes, definition)?.Result;

    private static string F(decimal v) => v.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
