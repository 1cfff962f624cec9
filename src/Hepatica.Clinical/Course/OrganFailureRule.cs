using static Hepatica.Clinical.Course.Episodes;

namespace Hepatica.Clinical.Course;

/// <summary>
/// New organ failure and ACLF grade change (EASL-CLIF: organ failures as Moreau 2013 defines them, scored by CLIF-C OF,
/// Jalan 2014; ACLF grade 0-3, Moreau 2013). A failure is new when an organ fails that did not at the previous point
/// whose organs were assessed; the episode lasts while some organ that was not failing before it started still fails.
/// A grade change is a fact at every change between points with a grade; a rise opens an alert that lasts while the
/// grade stays above the grade before the rise (critical from grade 2, which EASL 2023 sends for urgent transplant
/// assessment).
/// </summary>
internal static class OrganFailureRule
{
    internal static void Evaluate(IReadOnlyList<CoursePoint> points, List<TrendFact> facts, List<AlertCandidate> alerts)
    {
        NewFailures(points, facts, alerts);
        GradeChanges(points, facts, alerts);
    }

    private static SortedSet<string> Failing(CoursePoint p) =>
        new(p.Facts.Where(f => f.StartsWith(CourseFacts.OrganFailurePrefix, StringComparison.Ordinal)).Select(f => f[CourseFacts.OrganFailurePrefix.Length..]), StringComparer.Ordinal);

    private static void NewFailures(IReadOnlyList<CoursePoint> points, List<TrendFact> facts, List<AlertCandidate> alerts)
    {
        var readings = new List<Evaluation>();
        (CoursePoint Point, SortedSet<string> Failing)? previous = null;
        (CoursePoint Point, SortedSet<string> Failing)? reference = null;
        foreach (var p in points)
        {
            if (!p.Values.ContainsKey(CourseValues.OrganFailures))
            {
                continue;
            }

            var now = Failing(p);
            if (reference is { } r && now.Except(r.Failing).Any())
            {
                readings.Add(Reading(p, now, r));
            }
            else
            {
                reference = null;
                if (previous is { } prev && now.Except(prev.Failing).Any())
                {
                    reference = prev;
                    var e = Reading(p, now, prev);
                    readings.Add(e);
                    facts.Add(new TrendFact(CourseRuleIds.NewOrganFailure, p.At, prev.Point.At, e.Text(), [e.Evidence()], Scores.Sources.Moreau2013));
                }
                else
                {
                    readings.Add(Evaluation.False(p));
                }
            }

            previous = (p, now);
        }

        alerts.AddRange(Alerts(CourseRuleIds.NewOrganFailure, readings, Scores.Sources.Moreau2013));
    }

    private static Evaluation Reading(CoursePoint p, SortedSet<string> now, (CoursePoint Point, SortedSet<string> Failing) r)
    {
        var added = now.Except(r.Failing).ToList();
        var before = r.Failing.Count == 0 ? "none" : string.Join(", ", r.Failing);
        return new Evaluation(p, true, () => $"{Instant(r.Point.At)} failing={string.Join(",", r.Failing)}; {Instant(p.At)} failing={string.Join(",", now)}",
            () => $"New organ failure: {string.Join(", ", added)} on {Date(p.At)} (failing on {Date(r.Point.At)}: {before}; EASL-CLIF definitions, Moreau 2013).", AlertSeverity.Critical);
    }

    private static void GradeChanges(IReadOnlyList<CoursePoint> points, List<TrendFact> facts, List<AlertCandidate> alerts)
    {
        var readings = new List<Evaluation>();
        (CoursePoint Point, decimal Grade)? previous = null;
        (CoursePoint Point, decimal Grade)? reference = null;
        foreach (var p in points)
        {
            if (!p.Values.TryGetValue(CourseValues.AclfGrade, out var g))
            {
                continue;
            }

            if (previous is { } prev && prev.Grade != g)
            {
                var evidence = $"{Instant(prev.Point.At)} {CourseValues.AclfGrade}={Num(prev.Grade)}; {Instant(p.At)} {CourseValues.AclfGrade}={Num(g)}";
                facts.Add(new TrendFact(CourseRuleIds.AclfGradeChange, p.At, prev.Point.At,
                    $"ACLF grade {(g > prev.Grade ? "rose" : "fell")} from {Num(prev.Grade)} to {Num(g)} on {Date(p.At)}.", [evidence], Scores.Sources.Moreau2013));
            }

            if (reference is null && previous is { } before && g > before.Grade)
            {
                reference = before;
            }

            if (reference is { } r && g > r.Grade)
            {
                readings.Add(new Evaluation(p, true, () => $"{Instant(r.Point.At)} {CourseValues.AclfGrade}={Num(r.Grade)}; {Instant(p.At)} {CourseValues.AclfGrade}={Num(g)}",
                    () => $"ACLF grade {Num(g)} on {Date(p.At)}, up from {Num(r.Grade)} on {Date(r.Point.At)} (Moreau 2013){(g >= 2m ? ": grade 2-3 calls for urgent transplant assessment (EASL 2023)" : string.Empty)}.",
                    g >= 2m ? AlertSeverity.Critical : AlertSeverity.Warning));
            }
            else
            {
                reference = null;
                readings.Add(Evaluation.False(p));
            }

            previous = (p, g);
        }

        alerts.AddRange(Alerts(CourseRuleIds.AclfGradeChange, readings, Scores.Sources.Moreau2013));
    }
}
