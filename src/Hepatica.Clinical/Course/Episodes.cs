using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Course;

/// <summary>
/// A rule's reading of one point: whether its condition holds there, the evidence it read (instants and values, in an
/// invariant text form) and what it says.
/// </summary>
/// <param name="Point">The point.</param>
/// <param name="Holds">True when the condition holds at the point.</param>
/// <param name="Evidence">The instants and values read, invariant text (the input of the evidence key); built only when read.</param>
/// <param name="Text">The finding in words; built only when read.</param>
/// <param name="Severity">How urgent, when it holds.</param>
internal readonly record struct Evaluation(CoursePoint Point, bool Holds, Func<string> Evidence, Func<string> Text, AlertSeverity Severity = AlertSeverity.Warning)
{
    /// <summary>A reading where the condition does not hold.</summary>
    internal static Evaluation False(CoursePoint point) => new(point, false, static () => string.Empty, static () => string.Empty);
}

/// <summary>
/// How a condition becomes alerts (docs/course.md, "Episodes"): the points a rule can read, oldest first, split into
/// runs where the condition holds. A point the rule cannot read (no value for it) neither extends nor ends a run; a
/// point where it is false ends it; a later run is a new episode. The run that reaches the newest reading is the
/// current episode and its alert: its first point is the episode start, its last the latest, and the evidence key is the SHA-256 of the rule id and every evidence line of
/// the run, so the same data gives the same key and each new point that keeps the condition true changes it.
/// </summary>
internal static class Episodes
{
    /// <summary>The runs of consecutive readings where the condition holds.</summary>
    internal static List<List<Evaluation>> Runs(IEnumerable<Evaluation> readings)
    {
        var runs = new List<List<Evaluation>>();
        List<Evaluation>? open = null;
        foreach (var e in readings)
        {
            if (!e.Holds)
            {
                open = null;
                continue;
            }

            if (open is null)
            {
                open = [];
                runs.Add(open);
            }

            open.Add(e);
        }

        return runs;
    }

    /// <summary>
    /// The alert of the current episode, when the condition holds at the rule's newest reading: the run that reaches it,
    /// with the highest severity the run reached and the newest reading's text. An episode that has ended is not
    /// reported (the store resolves it); its trend fact stays.
    /// </summary>
    internal static IEnumerable<AlertCandidate> Alerts(string ruleId, IReadOnlyList<Evaluation> readings, Citation source)
    {
        if (readings.Count == 0 || !readings[^1].Holds)
        {
            yield break;
        }

        var run = Runs(readings)[^1];
        yield return new AlertCandidate(ruleId, run[0].Point.At, run[^1].Point.At, Key(ruleId, run.Select(e => e.Evidence())), run.Max(e => e.Severity), run[^1].Text(), source);
    }

    /// <summary>Lower-case hex SHA-256 of the rule id and the evidence lines, one per line (UTF-8).</summary>
    internal static string Key(string ruleId, IEnumerable<string> lines)
    {
        var text = ruleId + "\n" + string.Join("\n", lines);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>An instant as evidence: UTC, ISO 8601 with seven fractional digits.</summary>
    internal static string Instant(DateTimeOffset t) => t.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>A date for text (UTC).</summary>
    internal static string Date(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A number as evidence and text: invariant, without trailing zeros (1.50 and 1.5 read the same).</summary>
    internal static string Num(decimal v) => (v / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    /// <summary>Whole days from <paramref name="from"/> to <paramref name="to"/> (truncated).</summary>
    internal static int Days(DateTimeOffset from, DateTimeOffset to) => (int)(to - from).TotalDays;

    /// <summary>Oldest first; points of the same instant by their canonical text (built only for such ties), so the order never depends on the input's.</summary>
    internal static int Compare(CoursePoint? a, CoursePoint? b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var c = a.At.CompareTo(b.At);
        return c != 0 || ReferenceEquals(a, b) ? c : string.CompareOrdinal(Canonical(a), Canonical(b));
    }

    /// <summary>A canonical text of a point (instant, values, facts, evidence), the tie-break between points of the same instant.</summary>
    internal static string Canonical(CoursePoint p) =>
        Instant(p.At) + "|" + string.Join(";", p.Values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => v.Key + "=" + Num(v.Value)))
        + "|" + string.Join(";", p.Facts.Order(StringComparer.Ordinal))
        + "|" + string.Join(";", p.Evidence.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => e.Key + "=" + e.Value));
}
