using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Labs;

/// <summary>
/// Plausibility limits of one analyte, in its canonical unit. A value at or below <see cref="ImpossibleAtOrBelow"/>
/// or above <see cref="ImpossibleAbove"/> is an error; a value below <see cref="UnusualBelow"/> or above
/// <see cref="UnusualAbove"/> is a warning carried in the result. Each analyte's limits stand in its declaration (Analytes.cs).
/// </summary>
/// <param name="Analyte">Display name.</param>
/// <param name="CanonicalUnit">UCUM code of the canonical unit.</param>
/// <param name="ImpossibleAtOrBelow">Values at or below this are impossible.</param>
/// <param name="ImpossibleAbove">Values above this are impossible (usually a unit mix-up).</param>
/// <param name="UnusualBelow">Values below this are unusual.</param>
/// <param name="UnusualAbove">Values above this are unusual.</param>
/// <param name="MixUpHint">What an impossibly high value most likely is, for the message.</param>
/// <param name="ImpossibleBelow">The low-side floor: a value below it is impossible (0: none beyond <paramref name="ImpossibleAtOrBelow"/>).</param>
/// <param name="LowMixUpHint">What an impossibly low value most likely is, for the message.</param>
public sealed record LabLimits(
    string Analyte,
    string CanonicalUnit,
    decimal ImpossibleAtOrBelow,
    decimal ImpossibleAbove,
    decimal UnusualBelow,
    decimal UnusualAbove,
    string? MixUpHint = null,
    decimal ImpossibleBelow = 0m,
    string? LowMixUpHint = null)
{
    /// <summary>The issue a canonical value raises, or null when it is plausible.</summary>
    /// <param name="canonical">The value in the canonical unit.</param>
    /// <param name="reported">The value as reported.</param>
    /// <param name="reportedUnit">The unit as reported (UCUM).</param>
    public InputIssue? Check(decimal canonical, decimal reported, string reportedUnit)
    {
        if (canonical <= ImpossibleAtOrBelow)
        {
            return InputIssue.Error(IssueCodes.ImpossibleValue, Analyte, $"{Analyte} {Given(canonical, reported, reportedUnit)} is impossible: it must be greater than {Breakdown.F(ImpossibleAtOrBelow)}{UnitSuffix}.");
        }

        if (canonical < ImpossibleBelow)
        {
            return InputIssue.Error(IssueCodes.ImpossibleValue, Analyte, $"{Analyte} {Given(canonical, reported, reportedUnit)} is impossible: the smallest accepted value is {Breakdown.F(ImpossibleBelow)}{UnitSuffix}.{(LowMixUpHint is null ? string.Empty : " " + LowMixUpHint)}");
        }

        if (canonical > ImpossibleAbove)
        {
            return InputIssue.Error(IssueCodes.ImpossibleValue, Analyte, $"{Analyte} {Given(canonical, reported, reportedUnit)} is impossible: the largest accepted value is {Breakdown.F(ImpossibleAbove)}{UnitSuffix}.{(MixUpHint is null ? string.Empty : " " + MixUpHint)}");
        }

        if (canonical < UnusualBelow || canonical > UnusualAbove)
        {
            return InputIssue.Warning(IssueCodes.UnusualValue, Analyte, $"{Analyte} {Given(canonical, reported, reportedUnit)} is unusual (expected {Breakdown.F(UnusualBelow)} to {Breakdown.F(UnusualAbove)}{UnitSuffix}); check it was entered in the right unit.");
        }

        return null;
    }

    /// <summary>" mg/dL" after a number, or nothing for a ratio (UCUM unit 1).</summary>
    private string UnitSuffix => CanonicalUnit == "1" ? string.Empty : " " + CanonicalUnit;

    /// <summary>The value as given, with its canonical equivalent when the unit differs: "150 umol/L (= 1.697 mg/dL)".</summary>
    private string Given(decimal canonical, decimal reported, string reportedUnit)
    {
        var given = reportedUnit.Length == 0 || reportedUnit == "1" ? Breakdown.F(reported) : $"{Breakdown.F(reported)} {reportedUnit}";
        return reportedUnit == CanonicalUnit
            ? given
            : $"{given} (= {Breakdown.F(decimal.Round(canonical, 3, MidpointRounding.AwayFromZero))} {CanonicalUnit})";
    }

}

/// <summary>
/// Limits that are not an analyte's: age and the accepted calendar. Each analyte's plausibility limits stand in its
/// declaration in the table of analytes (Analytes.cs).
/// </summary>
public static class PlausibilityLimits
{
    /// <summary>Age in years: negative or above 130 is impossible.</summary>
    public const decimal MaximumAgeYears = 130m;

    /// <summary>
    /// The earliest date the readers accept (an assessment or as-of date, a dated value, a dose, a medication start):
    /// older than any living patient's record, and far enough from <see cref="DateOnly.MinValue"/> that no window,
    /// grace period or dose interval the core subtracts can leave the calendar.
    /// </summary>
    public static readonly DateOnly EarliestDate = new(1900, 1, 1);

    /// <summary>The latest date the readers accept: far from <see cref="DateOnly.MaxValue"/>, so adding a dose interval or a booster's ten years stays in the calendar.</summary>
    public static readonly DateOnly LatestDate = new(2200, 12, 31);

    /// <summary>"1900-01-01 to 2200-12-31", for messages.</summary>
    public const string DateRange = "1900-01-01 to 2200-12-31";
}
