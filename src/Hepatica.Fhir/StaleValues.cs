using System.Globalization;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Fhir;

/// <summary>
/// The analytes whose latest value was left out as older than its window (each one <see cref="FhirIssueCodes.OutsideWindow"/>),
/// said once more as one <see cref="FhirIssueCodes.StaleAnalytes"/> warning: the newest date of each, and the as-of that
/// would assess the record as it stood on the newest of them (docs/fhir.md, "Labs"). A record whose labs are all years
/// old otherwise gives no score and only a list of per-lab warnings.
/// </summary>
internal sealed class StaleValues
{
    private readonly List<(string Analyte, DateOnly Date)> leftOut = [];
    private readonly List<(string Analyte, DateOnly Date)> used = [];

    /// <summary>Notes that <paramref name="rule"/>'s newest value, at <paramref name="newest"/>, was left out as too old.</summary>
    public void Add(IObservationRule rule, DateTimeOffset newest) => leftOut.Add((rule.Analyte, UtcDate(newest)));

    /// <summary>Notes that <paramref name="rule"/>'s value at <paramref name="time"/> was used: the suggestion says when it would be lost.</summary>
    public void Used(IObservationRule rule, DateTimeOffset time) => used.Add((rule.Analyte, UtcDate(time)));

    /// <summary>
    /// Adds the one warning when anything was left out, and returns the as-of date it suggests: the newest of the dates,
    /// in UTC, since a date alone as an as-of means the end of that day in UTC (<see cref="AsOfText"/>), so the value is
    /// known then. Null when nothing was left out.
    /// </summary>
    public DateOnly? Report(List<InputIssue> issues)
    {
        if (leftOut.Count == 0)
        {
            return null;
        }

        var date = leftOut.Max(x => x.Date);
        var asOf = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        issues.Add(InputIssue.Warning(FhirIssueCodes.StaleAnalytes, "Bundle.entry",
            $"{leftOut.Count} {(leftOut.Count == 1 ? "analyte was" : "analytes were")} left out as older than {(leftOut.Count == 1 ? "its window" : "their windows")} ({FhirIssueCodes.OutsideWindow}): newest "
            + string.Join(", ", leftOut.Select(x => $"{x.Analyte} {x.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"))
            + $" (UTC). To assess the record as it stood on {asOf}: --as-of {asOf} (CLI), ?asOf={asOf} (API)."
            + (used.Where(x => x.Date > date).Select(x => x.Analyte).ToList() is { Count: > 0 } lost
                ? $" The {string.Join(", ", lost)} used here {(lost.Count == 1 ? "is" : "are")} from after that date and would not be known then."
                : "")));
        return date;
    }

    private static DateOnly UtcDate(DateTimeOffset t) => DateOnly.FromDateTime(t.UtcDateTime);
}
