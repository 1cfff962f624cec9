using static Hepatica.Clinical.Course.Episodes;

namespace Hepatica.Clinical.Course;

/// <summary>
/// MELD 3.0 and MELD-Na change over 30 days (Merion 2003, ΔMELD: the change in MELD over the preceding 30 days; a rise
/// of 5 points or more in 30 days carried a higher risk of death on the waiting list, as Brock 2019 cites it). For each
/// point with the score, the reference is the earlier point with the score nearest to 30 days before it, taken only
/// between 23 and 37 days before (<see cref="Tolerance"/>, Hepatica's choice: weekly to monthly labs still give one);
/// the earlier of two equally near points. The fact is the change to the newest point; the alert holds at every point
/// whose change is a rise of <see cref="AlertRise"/> or more.
/// </summary>
internal static class MeldChangeRule
{
    /// <summary>The interval ΔMELD is measured over (Merion 2003): 30 days.</summary>
    internal static readonly TimeSpan Interval = TimeSpan.FromDays(30);

    /// <summary>How far from 30 days the reference point may be: 7 days either side (Hepatica's choice, docs/course.md).</summary>
    internal static readonly TimeSpan Tolerance = TimeSpan.FromDays(7);

    /// <summary>The rise that alerts: 5 points or more in 30 days (Merion 2003).</summary>
    internal const decimal AlertRise = 5m;

    internal static void Evaluate(IReadOnlyList<CoursePoint> points, string key, string ruleId, string name, List<TrendFact> facts, List<AlertCandidate> alerts)
    {
        var series = Series(points, key);
        var readings = new List<Evaluation>();
        (CoursePoint Point, CoursePoint Reference)? newest = null;
        for (var i = 0; i < series.Count; i++)
        {
            var (p, v) = series[i];
            if (Reference(series, i) is not { } found)
            {
                continue;
            }

            var (r, rv) = found;
            var delta = v - rv;
            newest = (p, r);
            readings.Add(new Evaluation(p, delta >= AlertRise, () => Evidence(key, r, p),
                () => $"{name} rose by {Num(delta)} points in {Days(r.At, p.At)} days ({Num(rv)} on {Date(r.At)} to {Num(v)} on {Date(p.At)}): a rise of {Num(AlertRise)} or more in 30 days predicts death on the waiting list (Merion 2003).",
                AlertSeverity.Warning));
        }

        if (newest is { } n)
        {
            var (v, rv) = (n.Point.Values[key], n.Reference.Values[key]);
            var delta = v - rv;
            var words = delta > 0 ? $"rose from {Num(rv)} to {Num(v)} (+{Num(delta)})" : delta < 0 ? $"fell from {Num(rv)} to {Num(v)} ({Num(delta)})" : $"was unchanged at {Num(v)}";
            facts.Add(new TrendFact(ruleId, n.Point.At, n.Reference.At, $"{name} {words} in {Days(n.Reference.At, n.Point.At)} days.", [Evidence(key, n.Reference, n.Point)], CourseSources.Merion2003));
        }

        alerts.AddRange(Alerts(ruleId, readings, CourseSources.Merion2003));
    }

    private static string Evidence(string key, CoursePoint r, CoursePoint p) => $"{Instant(r.At)} {key}={Num(r.Values[key])}; {Instant(p.At)} {key}={Num(p.Values[key])}";

    /// <summary>The points that have the value, oldest first, with it.</summary>
    internal static List<(CoursePoint Point, decimal Value)> Series(IReadOnlyList<CoursePoint> points, string key)
    {
        var series = new List<(CoursePoint, decimal)>();
        foreach (var p in points)
        {
            if (p.Values.TryGetValue(key, out var v))
            {
                series.Add((p, v));
            }
        }

        return series;
    }

    /// <summary>The earlier entry nearest to 30 days before entry <paramref name="i"/>, within the tolerance.</summary>
    internal static (CoursePoint Point, decimal Value)? Reference(List<(CoursePoint Point, decimal Value)> series, int i)
    {
        (CoursePoint, decimal)? best = null;
        var bestOff = TimeSpan.MaxValue;
        var at = series[i].Point.At;
        var target = at - Interval;
        // Oldest first: walk back from the newest until the window closes; on equal distance the earlier wins.
        for (var j = i - 1; j >= 0 && series[j].Point.At >= target - Tolerance; j--)
        {
            var q = series[j];
            var off = (q.Point.At - target).Duration();
            if (q.Point.At < at && off <= Tolerance && off <= bestOff)
            {
                best = q;
                bestOff = off;
            }
        }

        return best;
    }
}
