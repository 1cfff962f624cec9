using Hepatica.Clinical.Findings;
using Hepatica.Clinical.Prevention;

namespace Hepatica.Clinical.Tests.Prevention;

/// <summary>
/// ACIP timing rules (General Best Practice Guidelines; immunize.org "minimum intervals between doses in the HepB series"):
/// 3-dose hepatitis B minimum 4 weeks (1→2), 8 weeks (2→3), 16 weeks (1→3); doses up to 4 days early count, 5 or more days
/// early do not; an interrupted series continues.
/// </summary>
public sealed class DoseSeriesTests
{
    private static readonly DateOnly Day0 = new(2026, 1, 1);

    private static Vaccination Dose(int day) => new(Vaccine.HepB, Day0.AddDays(day));

    [Theory]
    [InlineData(28, true)]   // 4 weeks
    [InlineData(24, true)]   // 4 days early: grace period
    [InlineData(23, false)]  // 5 days early: does not count
    public void Second_dose_minimum_4_weeks_with_grace(int day, bool counts)
    {
        var state = DoseSeries.Evaluate(PreventionPlan.HepB3Dose, [Dose(0), Dose(day)]);
        Assert.Equal(counts ? 2 : 1, state.Valid.Count);
        Assert.Equal(counts ? 0 : 1, state.TooEarly.Count);
    }

    [Theory]
    [InlineData(112, true)]  // 16 weeks after dose 1 and ≥ 8 weeks after dose 2
    [InlineData(108, true)]  // 4 days early
    [InlineData(107, false)] // 5 days early
    public void Third_dose_minimum_16_weeks_from_first(int day, bool complete)
    {
        var state = DoseSeries.Evaluate(PreventionPlan.HepB3Dose, [Dose(0), Dose(28), Dose(day)]);
        Assert.Equal(complete, state.Complete);
    }

    [Fact]
    public void Third_dose_also_needs_8_weeks_after_the_second()
    {
        // Dose 2 late (day 100): dose 3 at day 140 is 16+ weeks from dose 1 but only 40 days after dose 2, so it does not
        // count; its repeat is spaced from the invalid dose by the minimum interval (8 weeks): day 196.
        var state = DoseSeries.Evaluate(PreventionPlan.HepB3Dose, [Dose(0), Dose(100), Dose(140)]);
        Assert.False(state.Complete);
        Assert.Single(state.TooEarly);
        Assert.Equal(Day0.AddDays(196), state.NextMinimum);
    }

    [Fact]
    public void Too_early_dose_is_repeated_after_the_minimum_interval_from_the_invalid_dose()
    {
        var state = DoseSeries.Evaluate(PreventionPlan.HepB3Dose, [Dose(0), Dose(10)]);
        Assert.Single(state.Valid);
        Assert.Equal(Day0.AddDays(38), state.NextMinimum);
        Assert.Equal(Day0.AddDays(38), state.NextDue);
    }

    [Fact]
    public void Interrupted_series_continues_from_the_doses_given()
    {
        var state = DoseSeries.Evaluate(PreventionPlan.HepB3Dose, [Dose(0), Dose(700)]);
        Assert.Equal(2, state.Valid.Count);
        Assert.Equal(Day0.AddDays(756), state.NextDue);
    }

    [Fact]
    public void Heplisav_two_doses_4_weeks_apart_complete()
    {
        var doses = new[] { new Vaccination(Vaccine.HepBCpg, Day0), new Vaccination(Vaccine.HepBCpg, Day0.AddDays(24)) };
        Assert.True(DoseSeries.Evaluate(PreventionPlan.HepBCpg2Dose, doses).Complete);
        Assert.False(DoseSeries.Evaluate(PreventionPlan.HepBCpg2Dose, [doses[0], doses[1] with { Date = Day0.AddDays(23) }]).Complete);
    }

    [Theory]
    [InlineData("2026-07-01", true)]
    [InlineData("2026-06-27", true)]  // 4 days before 6 months
    [InlineData("2026-06-26", false)]
    public void Hepatitis_A_second_dose_minimum_6_months(string date, bool complete)
    {
        var doses = new[] { new Vaccination(Vaccine.HepA, new DateOnly(2026, 1, 1)), new Vaccination(Vaccine.HepA, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)) };
        Assert.Equal(complete, DoseSeries.Evaluate(PreventionPlan.HepA2Dose, doses).Complete);
    }
}
