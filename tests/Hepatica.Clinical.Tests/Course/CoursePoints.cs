using Hepatica.Clinical.Course;

namespace Hepatica.Clinical.Tests.Course;

/// <summary>Course points built directly (the rules read only values, facts and instants), day 0 = 2026-01-01 UTC.</summary>
internal static class CoursePoints
{
    internal static readonly DateTimeOffset Day0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    internal static DateTimeOffset Day(double day) => Day0.AddDays(day);

    /// <summary>A point on <paramref name="day"/> with these values and facts.</summary>
    internal static CoursePoint P(double day, (string Key, decimal Value)[]? values = null, params string[] facts) => new(
        Day(day),
        (values ?? []).ToDictionary(v => v.Key, v => v.Value),
        new HashSet<string>(facts),
        new Dictionary<string, string>());

    internal static CoursePoint Meld3(double day, decimal meld, params string[] facts) => P(day, [(CourseValues.Meld3, meld)], facts);

    internal static CoursePoint Value(double day, string key, decimal value, params string[] facts) => P(day, [(key, value)], facts);

    internal static CourseReport Evaluate(params CoursePoint[] points) => CourseRules.Evaluate(points);

    internal static AlertCandidate[] AlertsOf(CourseReport report, string ruleId) => [.. report.Alerts.Where(a => a.RuleId == ruleId)];

    internal static TrendFact[] FactsOf(CourseReport report, string kind) => [.. report.Facts.Where(f => f.Kind == kind)];
}
