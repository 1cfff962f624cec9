namespace Hepatica.Clinical.Labs;

/// <summary>
/// Dated values of the labs whose course a score reads (the Lille model's day 0 and day 7), one list per analyte,
/// each sorted by date with at most one value per date. A dated value in the snapshot's panel belongs to its series
/// too. New analytes are added here as scores need their trend.
/// </summary>
public sealed record LabSeries
{
    private readonly IReadOnlyList<Dated<Bilirubin>> bilirubin = [];
    private readonly IReadOnlyList<Dated<Albumin>> albumin = [];
    private readonly IReadOnlyList<Dated<Creatinine>> creatinine = [];
    private readonly IReadOnlyList<Dated<ProthrombinTime>> prothrombinTime = [];

    /// <summary>No dated values.</summary>
    public static readonly LabSeries Empty = new();

    /// <summary>Total bilirubin by date.</summary>
    /// <exception cref="ArgumentException">Two values on the same date.</exception>
    public IReadOnlyList<Dated<Bilirubin>> Bilirubin { get => bilirubin; init => bilirubin = Sorted(value, nameof(Bilirubin)); }

    /// <summary>Serum albumin by date.</summary>
    /// <exception cref="ArgumentException">Two values on the same date.</exception>
    public IReadOnlyList<Dated<Albumin>> Albumin { get => albumin; init => albumin = Sorted(value, nameof(Albumin)); }

    /// <summary>Serum creatinine by date.</summary>
    /// <exception cref="ArgumentException">Two values on the same date.</exception>
    public IReadOnlyList<Dated<Creatinine>> Creatinine { get => creatinine; init => creatinine = Sorted(value, nameof(Creatinine)); }

    /// <summary>The patient's prothrombin time by date.</summary>
    /// <exception cref="ArgumentException">Two values on the same date.</exception>
    public IReadOnlyList<Dated<ProthrombinTime>> ProthrombinTime { get => prothrombinTime; init => prothrombinTime = Sorted(value, nameof(ProthrombinTime)); }

    /// <summary>The value of <paramref name="series"/> dated <paramref name="date"/>, or null.</summary>
    public static T? On<T>(IReadOnlyList<Dated<T>> series, DateOnly date)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(series);
        foreach (var d in series)
        {
            if (d.Date == date)
            {
                return d.Value;
            }
        }

        return null;
    }

    private static Dated<T>[] Sorted<T>(IReadOnlyList<Dated<T>> values, string name)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.OrderBy(v => v.Date).ToArray();
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i].Date == sorted[i - 1].Date)
            {
                throw new ArgumentException($"{name}: two values dated {sorted[i].Date:yyyy-MM-dd}; a series holds at most one value per date.", nameof(values));
            }
        }

        return sorted;
    }
}
