using System.Globalization;
using Hepatica.Clinical.Labs;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Json;

/// <summary>
/// Collects dated lab values while reading (from <c>series</c> and from dated <c>labs</c> values) and builds the
/// <see cref="LabSeries"/> once: sorted by date, and a date given twice for one lab reported (DAT002) and left out.
/// </summary>
internal sealed class SeriesBuilder
{
    public List<(Dated<Bilirubin> Value, string Path)> Bilirubin { get; } = [];

    public List<(Dated<Albumin> Value, string Path)> Albumin { get; } = [];

    public List<(Dated<Creatinine> Value, string Path)> Creatinine { get; } = [];

    public List<(Dated<ProthrombinTime> Value, string Path)> Pt { get; } = [];

    /// <summary>Builds the series; every date given twice for one lab is reported (DAT002) and neither value is kept.</summary>
    public LabSeries Build(List<InputIssue> issues) => new()
    {
        Bilirubin = Distinct(Bilirubin, "series.bilirubin", issues),
        Albumin = Distinct(Albumin, "series.albumin", issues),
        Creatinine = Distinct(Creatinine, "series.creatinine", issues),
        ProthrombinTime = Distinct(Pt, "series.pt", issues),
    };

    private static Dated<T>[] Distinct<T>(List<(Dated<T> Value, string Path)> items, string series, List<InputIssue> issues)
        where T : struct
    {
        if (items.Count == 0)
        {
            return [];
        }

        var kept = new List<Dated<T>>(items.Count);
        foreach (var group in items.GroupBy(i => i.Value.Date))
        {
            var same = group.ToList();
            if (same.Count == 1)
            {
                kept.Add(same[0].Value);
                continue;
            }

            var date = group.Key.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            issues.Add(InputIssue.Error(IssueCodes.DuplicateDate, same[^1].Path,
                $"{series} has {same.Count} values dated {date} ({string.Join(", ", same.Select(s => s.Path))}); one date holds one value, so none of them is used for {date}."));
        }

        return [.. kept];
    }
}

/// <summary>Adding a dated <c>labs</c> value to its series.</summary>
internal static class SeriesExtensions
{
    /// <summary>Adds the panel's own (already validated) value, when there is one, dated <paramref name="date"/>.</summary>
    public static void AddIf<T>(this List<(Dated<T> Value, string Path)> series, T? value, DateOnly date, string path)
        where T : struct
    {
        if (value is { } v)
        {
            series.Add((new(date, v), path));
        }
    }
}
