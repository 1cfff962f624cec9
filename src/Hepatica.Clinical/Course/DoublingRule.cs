using static Hepatica.Clinical.Course.Episodes;

namespace Hepatica.Clinical.Course;

/// <summary>
/// Creatinine and bilirubin doubling against the patient's baseline. The baseline follows the ICA-ADQI 2015 criteria
/// for acute kidney injury in cirrhosis (Angeli 2015): "a value of sCr obtained in the previous 3 months"
/// (<see cref="BaselineWindow"/>, 90 days). Where there are several, ICA-ADQI takes the one closest to admission; a
/// record has no admission, so Hepatica takes the lowest, and a stepwise rise is still measured from where it started.
/// With no earlier value there is no baseline and nothing is compared. Creatinine alerts from ICA-ADQI stage 2, "an
/// increase in sCr &gt; 2-fold to 3-fold from baseline" (exactly twice is still stage 1, "≥ 1.5-fold to 2-fold"); above
/// 3-fold (stage 3) the alert is critical. Bilirubin has no published doubling criterion in cirrhosis: Hepatica calls a
/// doubling a value at least twice the baseline in the same window, on values floored at 1.0 mg/dL as MELD floors them
/// (Kamath 2001; OPTN policy 9.1.D), so a rise within the normal range (0.4 to 0.8 mg/dL) is not a doubling.
/// </summary>
internal static class DoublingRule
{
    /// <summary>How far back a baseline is taken: 3 months, 90 days (ICA-ADQI 2015).</summary>
    internal static readonly TimeSpan BaselineWindow = TimeSpan.FromDays(90);

    /// <summary>A doubling: 2 times the baseline (creatinine: above it, ICA-ADQI 2015 stage 2 "&gt; 2-fold"; bilirubin: at least it).</summary>
    internal const decimal Doubling = 2m;

    /// <summary>Above this ratio to baseline the injury is ICA-ADQI 2015 stage 3 (&gt; 3 times).</summary>
    internal const decimal Stage3 = 3m;

    /// <summary>The floor bilirubin is read at: 1.0 mg/dL (Kamath 2001, the MELD floor).</summary>
    internal const decimal BilirubinFloor = 1.0m;

    internal static void Evaluate(IReadOnlyList<CoursePoint> points, string key, string ruleId, string name, decimal floor, List<TrendFact> facts, List<AlertCandidate> alerts)
    {
        var series = MeldChangeRule.Series(points, key);
        var readings = new List<Evaluation>();
        for (var i = 0; i < series.Count; i++)
        {
            var (p, raw) = series[i];
            if (Baseline(series, i) is not { } found)
            {
                continue;
            }

            var (b, baseline) = found;
            var v = Math.Max(raw, floor);
            var bv = Math.Max(baseline, floor);
            var ratio = v / bv;
            var creatinine = ruleId == CourseRuleIds.CreatinineDoubling;
            var holds = creatinine ? ratio > Doubling : ratio >= Doubling;
            string Text()
            {
                var shown = Math.Round(ratio, 1, MidpointRounding.AwayFromZero);
                return $"{name} {Num(raw)} mg/dL on {Date(p.At)} is {Num(shown)} times the baseline {Num(baseline)} mg/dL of {Date(b.At)}"
                    + (creatinine ? $": acute kidney injury, ICA-ADQI 2015 stage {(ratio > Stage3 ? 3 : 2)}." : $" (both read at least {Num(floor)} mg/dL).");
            }

            string Evidence() => $"{Instant(b.At)} {key}={Num(baseline)}; {Instant(p.At)} {key}={Num(raw)}";
            if (holds && (readings.Count == 0 || !readings[^1].Holds))
            {
                facts.Add(new TrendFact(ruleId, p.At, b.At, Text(), [Evidence()], CourseSources.Angeli2015));
            }

            readings.Add(new Evaluation(p, holds, Evidence, Text,
                creatinine && ratio > Stage3 ? AlertSeverity.Critical : AlertSeverity.Warning));
        }

        alerts.AddRange(Alerts(ruleId, readings, CourseSources.Angeli2015));
    }

    /// <summary>The earlier entry with the lowest value in the 90 days before entry <paramref name="i"/> (the earliest of equal lows).</summary>
    internal static (CoursePoint Point, decimal Value)? Baseline(List<(CoursePoint Point, decimal Value)> series, int i)
    {
        (CoursePoint Point, decimal Value)? best = null;
        var at = series[i].Point.At;
        // Oldest first: walk back until the window closes.
        for (var j = i - 1; j >= 0 && series[j].Point.At >= at - BaselineWindow; j--)
        {
            var q = series[j];
            if (q.Point.At < at && (best is null || q.Value <= best.Value.Value))
            {
                best = q;
            }
        }

        return best;
    }
}
