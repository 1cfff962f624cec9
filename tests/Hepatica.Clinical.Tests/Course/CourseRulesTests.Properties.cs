using FsCheck.Xunit;
using Hepatica.Clinical.Course;
using static Hepatica.Clinical.Tests.Course.CoursePoints;

namespace Hepatica.Clinical.Tests.Course;

/// <summary>
/// Properties of the course rules (docs/course.md, "Episodes"): the report does not depend on the order the points
/// come in; the same points give equal reports; a later point that keeps a condition true keeps its episode start and
/// changes its evidence key.
/// </summary>
public sealed partial class CourseRulesTests
{
    [Property(Arbitrary = [typeof(CourseArbitraries)], MaxTest = 200)]
    public bool Evaluate_AnyOrder_SameReport(CourseCase course)
    {
        ArgumentNullException.ThrowIfNull(course);
        var rng = new Random(course.Seed);
        var shuffled = course.Points.OrderBy(_ => rng.Next()).ToList();
        return CourseRules.Evaluate(course.Points) == CourseRules.Evaluate(shuffled);
    }

    [Property(Arbitrary = [typeof(CourseArbitraries)], MaxTest = 200)]
    public bool Evaluate_SamePointsTwice_EqualReportsOneAlertPerRule(CourseCase course)
    {
        ArgumentNullException.ThrowIfNull(course);
        var copy = course.Points.Select(p => new CoursePoint(p.At, new Dictionary<string, decimal>(p.Values), new HashSet<string>(p.Facts), new Dictionary<string, string>(p.Evidence))).ToList();
        var report = CourseRules.Evaluate(course.Points);
        return report == CourseRules.Evaluate(copy) && report.Alerts.GroupBy(a => a.RuleId).All(g => g.Count() == 1);
    }

    [Property(Arbitrary = [typeof(CourseArbitraries)], MaxTest = 200)]
    public bool Evaluate_LaterPointKeepingMeldAtFifteen_KeepsEpisodeChangesKey(CourseCase course)
    {
        ArgumentNullException.ThrowIfNull(course);
        return KeepsEpisode(course, CourseRuleIds.MeldNotReferred, [], day => Meld3(day, 30));
    }

    [Property(Arbitrary = [typeof(CourseArbitraries)], MaxTest = 200)]
    public bool Evaluate_LaterPointKeepingCreatinineDoubled_KeepsEpisodeChangesKey(CourseCase course)
    {
        ArgumentNullException.ThrowIfNull(course);
        // A low creatinine first, so the two later points have a baseline they are at least twice.
        return KeepsEpisode(course, CourseRuleIds.CreatinineDoubling, [day => Value(day, CourseValues.Creatinine, 0.4m)], day => Value(day, CourseValues.Creatinine, 6m));
    }

    [Property(Arbitrary = [typeof(CourseArbitraries)], MaxTest = 200)]
    public bool Evaluate_LaterPointKeepingBCellUnknown_KeepsEpisodeChangesKey(CourseCase course)
    {
        ArgumentNullException.ThrowIfNull(course);
        return KeepsEpisode(course, CourseRuleIds.HbvUnknownBeforeBCellDepletion, [],
            day => P(day, null, CourseFacts.Immunosuppressed, CourseFacts.BCellDepleting, CourseFacts.HbvStatusUnknown));
    }

    /// <summary>
    /// After the course, <paramref name="setup"/> points then one point where the condition holds (the current episode
    /// reaches it); a further point where it holds keeps that episode's start, makes itself the latest and changes the key.
    /// </summary>
    private static bool KeepsEpisode(CourseCase course, string ruleId, Func<double, CoursePoint>[] setup, Func<double, CoursePoint> holding)
    {
        var day = (course.Points.Max(p => p.At) - Day0).TotalDays;
        var points = course.Points.ToList();
        foreach (var make in setup)
        {
            points.Add(make(++day));
        }

        var first = holding(++day);
        points.Add(first);
        var before = AlertsOf(CourseRules.Evaluate(points), ruleId);
        var second = holding(++day);
        var after = AlertsOf(CourseRules.Evaluate([.. points, second]), ruleId);
        var i = Array.FindIndex(before, a => a.LatestAt == first.At);
        return i == before.Length - 1 && after.Length == before.Length
            && after.AsSpan(0, i).SequenceEqual(before.AsSpan(0, i))
            && after[i].EpisodeStart == before[i].EpisodeStart && after[i].LatestAt == second.At && after[i].EvidenceKey != before[i].EvidenceKey;
    }
}
