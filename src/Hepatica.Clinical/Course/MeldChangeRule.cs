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
        var readings = new List<Evaluation>();
        TrendFact? newest = null;
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            if (!p.Values.TryGetValue(key, out var v) || Reference(points, i, key) is not { } r)
            {
                continue;
            }

            var rv = r.Values[key];
            var delta = v - rv;
            var days = Days(r.At, p.At);
            var evidence = $"{Instant(r.At)} {key}={Num(rv)}; {Instant(p.At)} {key}={Num(v)}";
            var words = delta > 0 ? $"rose from {Num(rv)} to {Num(v)} (+{Num(delta)})" : delta < 0 ? $"fell from {Num(rv)} to {Num(v)} ({Num(delta)})" : $"was unchanged at {Num(v)}";
            newest = new TrendFact(ruleId, p.At, r.At, $"{name} {words} in {days} days.", [evidence], CourseSources.Merion2003);
            readings.Add(new Evaluation(p, delta >= AlertRise, evidence,
                $"{name} rose by {Num(delta)} points in {days} days ({Num(rv)} on {Date(r.At)} to {Num(v)} on {Date(p.At)}): a rise of {Num(AlertRise)} or more in 30 days predicts death on the waiting list (Merion 2003).",
                AlertSeverity.Warning));
        }

        if (newest is not null)
        {
            facts.Add(newest);
        }

        alerts.AddRange(Alerts(ruleId, readings, CourseSources.Merion2003));
    }

    /// <summary>The earlier point with the value nearest to 30 days before point <paramref name="i"/>, within the tolerance.</summary>
    internal static CoursePoint? Reference(IReadOnlyList<CoursePoint> points, int i, string key)
    {
        CoursePoint? best = null;
        var bestOff = TimeSpan.MaxValue;
        var target = points[i].At - Interval;
        // Points are sorted by instant: walk back from the newest until the window closes; on equal distance the earlier wins.
        for (var j = i - 1; j >= 0 && points[j].At >= target - Tolerance; j--)
        {
            var q = points[j];
            var off = (q.At - target).Duration();
            if (q.At < points[i].At && q.Values.ContainsKey(key) && off <= Tolerance && off <= bestOff)
            {
                best = q;
                bestOff = off;
            }
        }

        return best;
    }
}
