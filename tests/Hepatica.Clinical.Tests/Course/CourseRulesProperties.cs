using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Hepatica.Clinical.Course;
using static Hepatica.Clinical.Tests.Course.CoursePoints;

namespace Hepatica.Clinical.Tests.Course;

/// <summary>A generated course: points over 200 days with the values and facts every rule reads, and a shuffle seed.</summary>
/// <param name="Points">The points, in generation order.</param>
/// <param name="Seed">Seed of a shuffle of the points.</param>
public sealed record CourseCase(IReadOnlyList<CoursePoint> Points, int Seed)
{
    /// <inheritdoc />
    public override string ToString() => string.Join(" | ", Points.Select(p => $"d{(p.At - Day0).TotalDays}: {string.Join(",", p.Values.Select(v => $"{v.Key}={v.Value}"))} {string.Join(",", p.Facts)}"));
}

/// <summary>Arbitrary courses for the properties.</summary>
public static class CourseArbitraries
{
    private static readonly string[] Organs = ["liver", "kidney", "brain", "coagulation", "circulation", "respiration"];

    private static Gen<T?> Maybe<T>(Gen<T> gen)
        where T : struct => Gen.Frequency((1, Gen.Constant<T?>(null)), (2, gen.Select(v => (T?)v)));

    private static Gen<CoursePoint> PointGen =>
        from day in Gen.Choose(0, 200)
        from hour in Gen.Choose(0, 23)
        from meld in Maybe(Gen.Choose(6, 40))
        from meldNa in Maybe(Gen.Choose(6, 40))
        from creatinine in Maybe(Gen.Choose(5, 50))
        from bilirubin in Maybe(Gen.Choose(3, 300))
        from alt in Maybe(Gen.Choose(10, 600))
        from dna in Maybe(Gen.Elements(0, 20, 100, 999, 1_000, 10_000, 1_000_000))
        from grade in Maybe(Gen.Choose(0, 3))
        from failing in Gen.Frequency((1, Gen.Constant<string[]?>(null)), (2, Gen.SubListOf(Organs).Select(l => (string[]?)[.. l])))
        from decomp in Gen.Elements<bool?>(true, false, null)
        from hbsAg in Gen.Elements<bool?>(true, false, null)
        from immuno in Gen.Elements(0, 1, 2)
        from unknown in Gen.Elements(true, false)
        select Build(day + (hour / 24.0), meld, meldNa, creatinine, bilirubin, alt, dna, grade, failing, decomp, hbsAg, immuno, unknown);

    private static CoursePoint Build(double day, int? meld, int? meldNa, int? creatinine, int? bilirubin, int? alt, int? dna, int? grade, string[]? failing, bool? decomp, bool? hbsAg, int immuno, bool unknown)
    {
        var values = new List<(string, decimal)>();
        var facts = new List<string>();
        void Add(string key, decimal? v)
        {
            if (v is { } x)
            {
                values.Add((key, x));
            }
        }

        Add(CourseValues.Meld3, meld);
        Add(CourseValues.MeldNa, meldNa);
        Add(CourseValues.Creatinine, creatinine / 10m);
        Add(CourseValues.Bilirubin, bilirubin / 10m);
        Add(CourseValues.Alt, alt);
        Add(CourseValues.AclfGrade, grade);
        if (dna is { } d)
        {
            values.Add((CourseValues.HbvDna, d));
            facts.Add(d > 0 ? CourseFacts.HbvDnaDetectable : CourseFacts.HbvDnaUndetectable);
        }

        if (failing is not null)
        {
            values.Add((CourseValues.OrganFailures, failing.Length));
            facts.AddRange(failing.Select(o => CourseFacts.OrganFailurePrefix + o));
        }

        if (decomp is { } dc)
        {
            facts.Add(dc ? CourseFacts.Decompensated : CourseFacts.Compensated);
        }

        if (hbsAg is { } h)
        {
            facts.Add(h ? CourseFacts.HbsAgPositive : CourseFacts.HbsAgNegative);
        }

        if (immuno >= 1)
        {
            facts.Add(CourseFacts.Immunosuppressed);
        }

        if (immuno == 2)
        {
            facts.Add(CourseFacts.BCellDepleting);
        }

        if (unknown)
        {
            facts.Add(CourseFacts.HbvStatusUnknown);
        }

        return P(day, [.. values], [.. facts]);
    }

    /// <summary>Courses of 1 to 25 points.</summary>
    public static Arbitrary<CourseCase> Course() =>
        (from n in Gen.Choose(1, 25)
         from points in PointGen.ListOf(n)
         from seed in Gen.Choose(0, int.MaxValue - 1)
         select new CourseCase([.. points], seed)).ToArbitrary();
}

/// <summary>
/// Properties of the course rules (docs/course.md, "Episodes"): the report does not depend on the order the points
/// come in; the same points give equal reports; a later point that keeps a condition true keeps its episode start and
/// changes its evidence key.
/// </summary>
public sealed class CourseRulesProperties
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
    public bool Evaluate_SamePointsTwice_EqualReports(CourseCase course)
    {
        ArgumentNullException.ThrowIfNull(course);
        var copy = course.Points.Select(p => new CoursePoint(p.At, new Dictionary<string, decimal>(p.Values), new HashSet<string>(p.Facts), new Dictionary<string, string>(p.Evidence))).ToList();
        return CourseRules.Evaluate(course.Points) == CourseRules.Evaluate(copy);
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
    /// After the course, <paramref name="setup"/> points then one point where the condition holds (an episode ends
    /// there); a further point where it holds keeps that episode's start, makes itself the latest and changes the key;
    /// every other episode of the rule is unchanged.
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
