using System.Globalization;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Labs;

/// <summary>
/// Delta checks against the patient's own dated values (issue code LAB007): a change between two results that the
/// analyte's <see cref="DeltaRule"/> says no physiology explains in that time is an error naming both results and
/// dates, and the later result is not used (neither in the series nor, when it is the panel's value, by any score).
/// When reading the later number in another of the analyte's units gives a plausible change, the message names that
/// mix-up ("most likely 2.1 mg/dL entered with unit umol/L"). Run once in the core: the readers call
/// <see cref="Apply"/> after building the series, so JSON, FHIR and the API get the same check.
/// </summary>
public static class DeltaCheck
{
    /// <summary>Checks every series that has a delta rule; returns the series and panel without the failing values.</summary>
    public static (LabSeries Series, LabPanel Panel) Apply(LabSeries series, LabPanel panel, ICollection<InputIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(panel);
        var bilirubin = Check(series.Bilirubin, "bilirubin", issues, panel.Bilirubin, out var dropBilirubin);
        var albumin = Check(series.Albumin, "albumin", issues, panel.Albumin, out var dropAlbumin);
        var creatinine = Check(series.Creatinine, "creatinine", issues, panel.Creatinine, out var dropCreatinine);
        var pt = Check(series.ProthrombinTime, "pt", issues, panel.ProthrombinTime, out var dropPt);
        return (
            series with { Bilirubin = bilirubin, Albumin = albumin, Creatinine = creatinine, ProthrombinTime = pt },
            panel with
            {
                Bilirubin = dropBilirubin ? null : panel.Bilirubin,
                Albumin = dropAlbumin ? null : panel.Albumin,
                Creatinine = dropCreatinine ? null : panel.Creatinine,
                ProthrombinTime = dropPt ? null : panel.ProthrombinTime,
            });
    }

    /// <summary>
    /// Walks the series in date order, comparing each result with the last one kept; a result that fails is reported
    /// and left out. <paramref name="dropCurrent"/> is true when the failing result is the latest, equal to the panel's value;
    /// <paramref name="key"/> is the lab's snapshot key (<c>bilirubin</c>, <c>pt</c>).
    /// </summary>
    internal static IReadOnlyList<Dated<Lab<TAnalyte, TUnit>>> Check<TAnalyte, TUnit>(
        IReadOnlyList<Dated<Lab<TAnalyte, TUnit>>> series, string key, ICollection<InputIssue> issues, Lab<TAnalyte, TUnit>? current, out bool dropCurrent)
        where TAnalyte : IAnalyte<TUnit>
        where TUnit : struct, Enum
    {
        dropCurrent = false;
        if (TAnalyte.Delta is not { } rule || series.Count < 2)
        {
            return series;
        }

        var kept = new List<Dated<Lab<TAnalyte, TUnit>>>(series.Count) { series[0] };
        for (var i = 1; i < series.Count; i++)
        {
            var earlier = kept[^1];
            var later = series[i];
            if (Implausible(rule, earlier, later.Date, later.Value.Canonical) is not { } change)
            {
                kept.Add(later);
                continue;
            }

            // The path is the labs value when the failing result is the current one (the scores then say "not usable,
            // see errors" for it), else the series.
            var isCurrent = i == series.Count - 1 && current is { } c && c.Canonical == later.Value.Canonical && c.ReportedValue == later.Value.ReportedValue;
            dropCurrent |= isCurrent;
            issues.Add(InputIssue.Error(IssueCodes.ImplausibleChange, (isCurrent ? "labs." : "series.") + key, Message(earlier, later, change, rule)));
        }

        return kept.Count == series.Count ? series : kept;
    }

    /// <summary>"a fall by a factor of 24" when the change from <paramref name="earlier"/> is beyond the rule, else null.</summary>
    private static string? Implausible<TAnalyte, TUnit>(DeltaRule rule, Dated<Lab<TAnalyte, TUnit>> earlier, DateOnly date, decimal later)
        where TAnalyte : IAnalyte<TUnit>
        where TUnit : struct, Enum
    {
        var days = date.DayNumber - earlier.Date.DayNumber;
        if (days > rule.WithinDays || later <= 0m || earlier.Value.Canonical <= 0m)
        {
            return null;
        }

        var before = earlier.Value.Canonical;
        if (later < before && before / later > rule.MaxFallFactor)
        {
            return $"a fall by a factor of {Factor(before / later)}";
        }

        return rule.MaxRiseFactor is { } rise && later > before && later / before > rise
            ? $"a rise by a factor of {Factor(later / before)}"
            : null;
    }

    private static string Message<TAnalyte, TUnit>(Dated<Lab<TAnalyte, TUnit>> earlier, Dated<Lab<TAnalyte, TUnit>> later, string change, DeltaRule rule)
        where TAnalyte : IAnalyte<TUnit>
        where TUnit : struct, Enum
    {
        var units = TAnalyte.Units;
        var canonicalUcum = units.Specs[0].Ucum;
        var reportedUcum = units[later.Value.ReportedUnit].Ucum;
        var days = later.Date.DayNumber - earlier.Date.DayNumber;
        var given = reportedUcum == canonicalUcum
            ? Show(later.Value.ReportedValue, reportedUcum)
            : $"{Show(later.Value.ReportedValue, reportedUcum)} ({Show(decimal.Round(later.Value.Canonical, 2, MidpointRounding.AwayFromZero), canonicalUcum)})";
        var text = $"{units.Analyte} {given} on {Iso(later.Date)}, {days} day{(days == 1 ? string.Empty : "s")} after {Show(earlier.Value.ReportedValue, units[earlier.Value.ReportedUnit].Ucum)} on {Iso(earlier.Date)}: {change}, which no physiology explains within {rule.WithinDays} days";
        foreach (var spec in units.Specs)
        {
            if (EqualityComparer<TUnit>.Default.Equals(spec.Unit, later.Value.ReportedUnit))
            {
                continue;
            }

            var reread = units.ToCanonical(later.Value.ReportedValue, spec.Unit);
            if (Implausible(rule, earlier, later.Date, reread) is null && TAnalyte.Limits.Check(reread, later.Value.ReportedValue, spec.Ucum) is not { Severity: IssueSeverity.Error })
            {
                return $"{text}; most likely {Show(later.Value.ReportedValue, spec.Ucum)} entered with unit {reportedUcum}. The later result is not used.";
            }
        }

        return $"{text}; check both results and their units. The later result is not used.";
    }

    private static string Factor(decimal ratio) =>
        decimal.Round(ratio, ratio >= 10m ? 0 : 1, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture);

    private static string Show(decimal value, string ucum) => ucum is "1" or "" ? Breakdown.F(value) : $"{Breakdown.F(value)} {ucum}";

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
