using Hepatica.Clinical.Transplant;
using static Hepatica.Clinical.Course.Episodes;

namespace Hepatica.Clinical.Course;

/// <summary>
/// The worklists a hepatology service runs, as alerts: MELD 3.0 at or above 15 and not referred (AASLD/AST 2013,
/// Martin 2014: refer for transplant evaluation at MELD 15 or more; the threshold is
/// <see cref="TransplantSignals.MeldReferralThreshold"/>); hepatitis B status unknown (HBsAg, or anti-HBc with a
/// negative HBsAg, not known) with B-cell depleting therapy given or planned (AGA 2015; CDC 2023; ASCO 2020: test HBsAg
/// and anti-HBc before anti-CD20 therapy). The snapshot records no referral, so every point with MELD 3.0 ≥ 15 is "not
/// referred" until it does (docs/course.md).
/// </summary>
internal static class WorklistRules
{
    internal static void Evaluate(IReadOnlyList<CoursePoint> points, List<AlertCandidate> alerts)
    {
        var meld = points.Where(p => p.Values.ContainsKey(CourseValues.Meld3)).Select(p =>
        {
            var v = p.Values[CourseValues.Meld3];
            return new Evaluation(p, v >= TransplantSignals.MeldReferralThreshold && !p.Facts.Contains(CourseFacts.Referred),
                () => $"{Instant(p.At)} {CourseValues.Meld3}={Num(v)} referred={p.Facts.Contains(CourseFacts.Referred)}",
                () => $"MELD 3.0 {Num(v)} on {Date(p.At)} (at least {Num(TransplantSignals.MeldReferralThreshold)}) and no transplant referral recorded: refer for transplant evaluation (AASLD/AST 2013).",
                AlertSeverity.Info);
        }).ToList();
        alerts.AddRange(Alerts(CourseRuleIds.MeldNotReferred, meld, TransplantSignals.Aasld2013));

        var hbv = points.Select(p => new Evaluation(p, p.Facts.Contains(CourseFacts.BCellDepleting) && p.Facts.Contains(CourseFacts.HbvStatusUnknown),
            () => $"{Instant(p.At)} bCellDepleting={p.Facts.Contains(CourseFacts.BCellDepleting)} hbvStatusUnknown={p.Facts.Contains(CourseFacts.HbvStatusUnknown)}",
            () => $"B-cell depleting therapy with hepatitis B status unknown on {Date(p.At)}: test HBsAg and anti-HBc before anti-CD20 therapy (AGA 2015; CDC 2023; ASCO 2020).",
            AlertSeverity.Warning)).ToList();
        alerts.AddRange(Alerts(CourseRuleIds.HbvUnknownBeforeBCellDepletion, hbv, CourseSources.HbvScreeningBeforeAntiCd20));
    }
}
