namespace Hepatica.Clinical.Scoring;

/// <summary>
/// One interpretation band: values from <see cref="Lower"/> to <see cref="Upper"/> get <see cref="Label"/>.
/// Whether each end is inclusive is explicit, because published cut-offs differ on it.
/// </summary>
/// <param name="Lower">Lower end, or null for no lower end.</param>
/// <param name="LowerInclusive">True when a value equal to <see cref="Lower"/> is in the band.</param>
/// <param name="Upper">Upper end, or null for no upper end.</param>
/// <param name="UpperInclusive">True when a value equal to <see cref="Upper"/> is in the band.</param>
/// <param name="Label">The category name.</param>
/// <remarks>Tables are written with the named factories (<c>Band.Below(2m, 1)</c>, <c>Band.Between(2m, 3m, 2)</c>,
/// <c>Band.AboveUpTo(-2.60m, -1.39m, "grade 2")</c>), each saying in its name which ends are included.</remarks>
public sealed record Band(decimal? Lower, bool LowerInclusive, decimal? Upper, bool UpperInclusive, string Label)
{
    /// <summary>The points a points band gives (Child-Pugh's 1-3), or null for a category band.</summary>
    public int? Points { get; init; }

    /// <summary>Values below <paramref name="upper"/> (not including it).</summary>
    public static Band Below(decimal upper, string label) => new(null, false, upper, false, label);

    /// <summary>Values up to and including <paramref name="upper"/>.</summary>
    public static Band AtMost(decimal upper, string label) => new(null, false, upper, true, label);

    /// <summary>Values above <paramref name="lower"/> (not including it).</summary>
    public static Band Above(decimal lower, string label) => new(lower, false, null, false, label);

    /// <summary>Values from and including <paramref name="lower"/>.</summary>
    public static Band AtLeast(decimal lower, string label) => new(lower, true, null, false, label);

    /// <summary>Values from <paramref name="lower"/> to <paramref name="upper"/>, both included.</summary>
    public static Band Between(decimal lower, decimal upper, string label) => new(lower, true, upper, true, label);

    /// <summary>Values above <paramref name="lower"/> up to and including <paramref name="upper"/>.</summary>
    public static Band AboveUpTo(decimal lower, decimal upper, string label) => new(lower, false, upper, true, label);

    /// <summary>Values from and including <paramref name="lower"/> to below <paramref name="upper"/>.</summary>
    public static Band AtLeastBelow(decimal lower, decimal upper, string label) => new(lower, true, upper, false, label);

    /// <summary>Values above <paramref name="lower"/> and below <paramref name="upper"/>, neither included.</summary>
    public static Band AboveBelow(decimal lower, decimal upper, string label) => new(lower, false, upper, false, label);

    /// <summary>A points band below <paramref name="upper"/>.</summary>
    public static Band Below(decimal upper, int points) => Below(upper, Text(points)) with { Points = points };

    /// <summary>A points band from <paramref name="lower"/> to <paramref name="upper"/>, both included.</summary>
    public static Band Between(decimal lower, decimal upper, int points) => Between(lower, upper, Text(points)) with { Points = points };

    /// <summary>A points band above <paramref name="lower"/>.</summary>
    public static Band Above(decimal lower, int points) => Above(lower, Text(points)) with { Points = points };

    /// <summary>A points band from <paramref name="lower"/> up, included.</summary>
    public static Band AtLeast(decimal lower, int points) => AtLeast(lower, Text(points)) with { Points = points };

    /// <summary>A points band up to <paramref name="upper"/>, included.</summary>
    public static Band AtMost(decimal upper, int points) => AtMost(upper, Text(points)) with { Points = points };

    /// <summary>A points band above <paramref name="lower"/> and up to <paramref name="upper"/>, included.</summary>
    public static Band AboveUpTo(decimal lower, decimal upper, int points) => AboveUpTo(lower, upper, Text(points)) with { Points = points };

    private static string Text(int points) => points.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>True when <paramref name="value"/> lies in this band.</summary>
    public bool Contains(decimal value) =>
        (Lower is not { } lo || (LowerInclusive ? value >= lo : value > lo)) &&
        (Upper is not { } hi || (UpperInclusive ? value <= hi : value < hi));

    /// <summary>The band's range in words, for example <c>&gt; -2.60 and ≤ -1.39</c>.</summary>
    public string Describe()
    {
        var parts = new List<string>(2);
        if (Lower is { } lo)
        {
            parts.Add((LowerInclusive ? "≥ " : "> ") + lo.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (Upper is { } hi)
        {
            parts.Add((UpperInclusive ? "≤ " : "< ") + hi.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return parts.Count == 0 ? "any value" : string.Join(" and ", parts);
    }
}

/// <summary>A table of bands that covers every value exactly once.</summary>
public static class Bands
{
    /// <summary>The band that contains <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No band contains the value (a gap in the table: a bug).</exception>
    public static Band Find(IReadOnlyList<Band> bands, decimal value)
    {
        ArgumentNullException.ThrowIfNull(bands);
        foreach (var band in bands)
        {
            if (band.Contains(value))
            {
                return band;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(value), value, "No interpretation band contains this value.");
    }

    /// <summary>The band that contains <paramref name="value"/> and its points.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No band contains the value, or it gives no points (a bug).</exception>
    public static (Band Band, int Points) FindPoints(IReadOnlyList<Band> bands, decimal value)
    {
        var band = Find(bands, value);
        return (band, band.Points ?? throw new ArgumentOutOfRangeException(nameof(bands), band.Label, "These bands give no points."));
    }
}
