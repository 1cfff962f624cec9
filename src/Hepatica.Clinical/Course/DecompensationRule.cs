using static Hepatica.Clinical.Course.Episodes;

namespace Hepatica.Clinical.Course;

/// <summary>
/// First decompensation (D'Amico 2006: the passage from compensated to decompensated cirrhosis, marked by ascites,
/// variceal bleeding or encephalopathy; Baveno VII 2022 keeps the same events). It is the first point with
/// <see cref="CourseFacts.Decompensated"/> when an earlier point was <see cref="CourseFacts.Compensated"/> and none
/// decompensated: a course that starts decompensated has no first decompensation to report (it is not known when it
/// came). The alert is that one episode: the run of decompensated points it starts.
/// </summary>
internal static class DecompensationRule
{
    internal static void Evaluate(IReadOnlyList<CoursePoint> points, List<TrendFact> facts, List<AlertCandidate> alerts)
    {
        CoursePoint? lastCompensated = null;
        var readings = new List<Evaluation>();
        var started = false;
        foreach (var p in points)
        {
            var decompensated = p.Facts.Contains(CourseFacts.Decompensated);
            if (!decompensated && !p.Facts.Contains(CourseFacts.Compensated))
            {
                continue;
            }

            if (!started)
            {
                if (!decompensated)
                {
                    lastCompensated = p;
                    continue;
                }

                if (lastCompensated is null)
                {
                    return;
                }

                started = true;
                var finding = p.Evidence.TryGetValue(CourseFacts.Decompensated, out var path) ? path : CourseFacts.Decompensated;
                var evidence = $"{Instant(lastCompensated.At)} {CourseFacts.Compensated}; {Instant(p.At)} {CourseFacts.Decompensated} ({finding})";
                facts.Add(new TrendFact(CourseRuleIds.FirstDecompensation, p.At, lastCompensated.At,
                    $"First decompensation on {Date(p.At)} ({finding}); compensated on {Date(lastCompensated.At)}.", [evidence], CourseSources.DAmico2006));
                var compensated = lastCompensated;
                readings.Add(new Evaluation(p, true, () => evidence, () => Text(compensated, p, finding)));
                continue;
            }

            if (!decompensated)
            {
                readings.Add(Evaluation.False(p));
                break;
            }

            var f = p.Evidence.TryGetValue(CourseFacts.Decompensated, out var fp) ? fp : CourseFacts.Decompensated;
            var (c, start) = (lastCompensated!, readings[0].Point);
            readings.Add(new Evaluation(p, true, () => $"{Instant(p.At)} {CourseFacts.Decompensated} ({f})", () => Text(c, start, f)));
        }

        alerts.AddRange(Alerts(CourseRuleIds.FirstDecompensation, readings, CourseSources.BavenoVii2022));
    }

    private static string Text(CoursePoint compensated, CoursePoint first, string finding) =>
        $"First decompensation of cirrhosis on {Date(first.At)} ({finding}; compensated on {Date(compensated.At)}): median survival falls from over 12 years to about 2 (D'Amico 2006); refer for transplant evaluation.";
}
