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
public sealed record Band(decimal? Lower, bool LowerInclusive, decimal? Upper, bool UpperInclusive, string Label)
{
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
}
