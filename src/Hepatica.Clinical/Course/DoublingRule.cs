using static Hepatica.Clinical.Course.Episodes;

namespace Hepatica.Clinical.Course;

/// <summary>
/// Creatinine and bilirubin doubling against the patient's baseline. The baseline follows the ICA-ADQI 2015 criteria
/// for acute kidney injury in cirrhosis (Angeli 2015): a value from the previous 3 months (<see cref="BaselineWindow"/>,
/// 90 days); where the record has several, Hepatica takes the lowest (a record has no "admission" to take the value
/// nearest to), so a stepwise rise is still measured from where it started. Doubling is ICA-ADQI stage 2 (2 to 3 times
/// the baseline); above 3 times (stage 3) the alert is critical. Bilirubin has no published doubling criterion in
/// cirrhosis: Hepatica applies the same window and ratio, on values floored at 1.0 mg/dL as MELD floors them (Kamath
/// 2001; OPTN policy 9.1.D), so a rise within the normal range (0.4 to 0.8 mg/dL) is not a doubling.
/// </summary>
internal static class DoublingRule
{
    /// <summary>How far back a baseline is taken: 3 months, 90 days (ICA-ADQI 2015).</summary>
    internal static readonly TimeSpan BaselineWindow = TimeSpan.FromDays(90);

    /// <summary>A doubling: 2 times the baseline (ICA-ADQI 2015 stage 2 lower bound).</summary>
    internal const decimal Doubling = 2m;

    /// <summary>Above this ratio to baseline the injury is ICA-ADQI 2015 stage 3 (&gt; 3 times).</summary>
    internal const decimal Stage3 = 3m;

    /// <summary>The floor bilirubin is read at: 1.0 mg/dL (Kamath 2001, the MELD floor).</summary>
    internal const decimal BilirubinFloor = 1.0m;

    internal static void Evaluate(IReadOnlyList<CoursePoint> points, string key, string ruleId, string name, decimal floor, List<TrendFact> facts, List<AlertCandidate> alerts)
    {
        var readings = new List<Evaluation>();
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            if (!p.Values.TryGetValue(key, out var raw) || Baseline(points, i, key) is not { } b)
            {
                continue;
            }

            var v = Math.Max(raw, floor);
            var bv = Math.Max(b.Values[key], floor);
            var ratio = v / bv;
            var holds = ratio >= Doubling;
            var shown = Math.Round(ratio, 1, MidpointRounding.AwayFromZero);
            var text = $"{name} {Num(raw)} mg/dL on {Date(p.At)} is {Num(shown)} times the baseline {Num(b.Values[key])} mg/dL of {Date(b.At)}"
                + (floor > 0m ? $" (both read at least {Num(floor)} mg/dL)." : ruleId == CourseRuleIds.CreatinineDoubling ? $": ICA-ADQI 2015 stage {(ratio > Stage3 ? 3 : 2)}." : ".");
            readings.Add(new Evaluation(p, holds, $"{Instant(b.At)} {key}={Num(b.Values[key])}; {Instant(p.At)} {key}={Num(raw)}", text,
                ratio > Stage3 && ruleId == CourseRuleIds.CreatinineDoubling ? AlertSeverity.Critical : AlertSeverity.Warning));
        }

        foreach (var run in Runs(readings))
        {
            var first = run[0];
            facts.Add(new TrendFact(ruleId, first.Point.At, Baseline(points, IndexOf(points, first.Point), key)?.At, first.Text, [first.Evidence], CourseSources.Angeli2015));
        }

        alerts.AddRange(Alerts(ruleId, readings, CourseSources.Angeli2015));
    }

    /// <summary>The earlier point with the lowest value in the 90 days before point <paramref name="i"/> (the earliest of equal lows).</summary>
    internal static CoursePoint? Baseline(IReadOnlyList<CoursePoint> points, int i, string key)
    {
        CoursePoint? best = null;
        var at = points[i].At;
        for (var j = 0; j < i; j++)
        {
            var q = points[j];
            if (q.At < at && q.At >= at - BaselineWindow && q.Values.TryGetValue(key, out var v) && (best is null || v < best.Values[key]))
            {
                best = q;
            }
        }

        return best;
    }

    private static int IndexOf(IReadOnlyList<CoursePoint> points, CoursePoint p)
    {
        for (var i = 0; i < points.Count; i++)
        {
            if (ReferenceEquals(points[i], p))
            {
                return i;
            }
        }

        throw new ArgumentException("The point is not in the course.", nameof(p));
    }
}
