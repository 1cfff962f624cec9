using FsCheck;
using FsCheck.Fluent;
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
