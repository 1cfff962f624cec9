using Hepatica.Clinical.Findings;

namespace Hepatica.Clinical.Prevention;

/// <summary>An interval of calendar months plus days (ACIP states minimum intervals in weeks or months).</summary>
/// <param name="Months">Calendar months.</param>
/// <param name="Days">Days (4 weeks = 28 days).</param>
public readonly record struct Interval(int Months, int Days)
{
    /// <summary>An interval in weeks.</summary>
    public static Interval Weeks(int weeks) => new(0, 7 * weeks);

    /// <summary>An interval in calendar months.</summary>
    public static Interval OfMonths(int months) => new(months, 0);

    /// <summary>The date this interval after <paramref name="date"/>.</summary>
    public DateOnly After(DateOnly date) => date.AddMonths(Months).AddDays(Days);
}

/// <summary>A vaccine series: its doses, minimum intervals (ACIP) and recommended schedule.</summary>
/// <param name="Name">The series in words, e.g. "Engerix-B/Recombivax HB/PreHevbrio, 0, 1, 6 months".</param>
/// <param name="MinimumFromPrevious">For each dose after the first: minimum interval from the previous valid dose.</param>
/// <param name="MinimumFromFirst">For each dose after the first: minimum interval from the first dose, or null.</param>
/// <param name="RecommendedFromFirst">For each dose after the first: recommended interval from the first dose.</param>
public sealed record SeriesSpec(string Name, Interval[] MinimumFromPrevious, Interval?[] MinimumFromFirst, Interval[] RecommendedFromFirst)
{
    /// <summary>The number of doses.</summary>
    public int Doses => MinimumFromPrevious.Length + 1;
}

/// <summary>Where a series stands.</summary>
/// <param name="Valid">The doses that count, in order.</param>
/// <param name="TooEarly">Doses given more than the grace period before their minimum date: they do not count and must be repeated.</param>
/// <param name="Complete">True when every dose counts.</param>
/// <param name="NextDue">When the next dose is due (null when complete or nothing given yet).</param>
/// <param name="NextMinimum">The earliest date the next dose counts (before the grace period).</param>
public sealed record SeriesState(IReadOnlyList<Vaccination> Valid, IReadOnlyList<Vaccination> TooEarly, bool Complete, DateOnly? NextDue, DateOnly? NextMinimum);

/// <summary>
/// Evaluates doses against a series with ACIP's rules (General Best Practice Guidelines for Immunization, timing and
/// spacing): a dose given up to 4 days before its minimum interval counts (the grace period); a dose given 5 or more days
/// early does not count and is repeated after the invalid dose by the minimum interval; an interrupted series is
/// continued, never restarted, however long the gap.
/// </summary>
public static class DoseSeries
{
    /// <summary>Days before the minimum date that a dose still counts: 4 (ACIP).</summary>
    public const int GraceDays = 4;

    /// <summary>Evaluates the doses (any order) against the series.</summary>
    /// <param name="spec">The series.</param>
    /// <param name="doses">The doses given.</param>
    public static SeriesState Evaluate(SeriesSpec spec, IEnumerable<Vaccination> doses)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(doses);
        var valid = new List<Vaccination>();
        var early = new List<Vaccination>();
        DateOnly? lastEarly = null;
        foreach (var dose in doses.OrderBy(d => d.Date))
        {
            if (valid.Count == spec.Doses)
            {
                break;
            }

            if (valid.Count == 0 || dose.Date >= Minimum(spec, valid).AddDays(-GraceDays))
            {
                valid.Add(dose);
                lastEarly = null;
            }
            else
            {
                early.Add(dose);
                lastEarly = dose.Date;
            }
        }

        if (valid.Count == spec.Doses)
        {
            return new SeriesState(valid, early, true, null, null);
        }

        if (valid.Count == 0)
        {
            return new SeriesState(valid, early, false, null, null);
        }

        var k = valid.Count;
        var minimum = Minimum(spec, valid);
        var due = Max(spec.RecommendedFromFirst[k - 1].After(valid[0].Date), minimum);
        if (lastEarly is { } invalid)
        {
            var repeat = spec.MinimumFromPrevious[k - 1].After(invalid);
            due = Max(due, repeat);
            minimum = Max(minimum, repeat);
        }

        return new SeriesState(valid, early, false, due, minimum);
    }

    /// <summary>The minimum date of the next dose after the valid ones.</summary>
    private static DateOnly Minimum(SeriesSpec spec, List<Vaccination> valid)
    {
        var k = valid.Count;
        var date = spec.MinimumFromPrevious[k - 1].After(valid[^1].Date);
        return spec.MinimumFromFirst[k - 1] is { } first ? Max(date, first.After(valid[0].Date)) : date;
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
