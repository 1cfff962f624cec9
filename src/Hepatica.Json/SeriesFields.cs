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
    /// <summary>The lab keys that keep a series, as the contract lists them.</summary>
    public const string KnownList = "bilirubin, albumin, creatinine, pt";

    private readonly List<(Dated<Bilirubin> Value, string Path)> bilirubin = [];
    private readonly List<(Dated<Albumin> Value, string Path)> albumin = [];
    private readonly List<(Dated<Creatinine> Value, string Path)> creatinine = [];
    private readonly List<(Dated<ProthrombinTime> Value, string Path)> pt = [];

    /// <summary>True when Hepatica keeps a series for the lab.</summary>
    public static bool Keeps(LabKey key) => key is LabKey.Bilirubin or LabKey.Albumin or LabKey.Creatinine or LabKey.Pt;

    /// <summary>The series path of a kept key, e.g. <c>series.bilirubin</c>.</summary>
    public static string Path(LabKey key) => "series." + LabFields.Path(key)["labs.".Length..];

    /// <summary>Validates an untrusted dated value exactly as <c>labs</c> values are (same codes) and keeps it when usable.</summary>
    public void Read(LabKey key, DateOnly date, decimal value, string? unit, string path, List<InputIssue> issues)
    {
        switch (key)
        {
            case LabKey.Bilirubin: if (Bilirubin.TryRead(value, unit, path, issues, out var b)) { bilirubin.Add((new(date, b.Value), path)); } break;
            case LabKey.Albumin: if (Albumin.TryRead(value, unit, path, issues, out var a)) { albumin.Add((new(date, a.Value), path)); } break;
            case LabKey.Creatinine: if (Creatinine.TryRead(value, unit, path, issues, out var c)) { creatinine.Add((new(date, c.Value), path)); } break;
            case LabKey.Pt: if (ProthrombinTime.TryRead(value, unit, path, issues, out var t)) { pt.Add((new(date, t.Value), path)); } break;
            default: throw new ArgumentOutOfRangeException(nameof(key), key, "Series are kept for: " + KnownList);
        }
    }

    /// <summary>Adds the panel's own (already validated) value of a dated <c>labs</c> entry to its series.</summary>
    public void AddFromPanel(LabPanel panel, LabKey key, DateOnly date, string path)
    {
        switch (key)
        {
            case LabKey.Bilirubin when panel.Bilirubin is { } b: bilirubin.Add((new(date, b), path)); break;
            case LabKey.Albumin when panel.Albumin is { } a: albumin.Add((new(date, a), path)); break;
            case LabKey.Creatinine when panel.Creatinine is { } c: creatinine.Add((new(date, c), path)); break;
            case LabKey.Pt when panel.ProthrombinTime is { } t: pt.Add((new(date, t), path)); break;
            default: break;
        }
    }

    /// <summary>Builds the series; every date given twice for one lab is reported (DAT002) and neither value is kept.</summary>
    public LabSeries Build(List<InputIssue> issues) => new()
    {
        Bilirubin = Distinct(bilirubin, "series.bilirubin", issues),
        Albumin = Distinct(albumin, "series.albumin", issues),
        Creatinine = Distinct(creatinine, "series.creatinine", issues),
        ProthrombinTime = Distinct(pt, "series.pt", issues),
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
