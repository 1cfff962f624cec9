using System.Globalization;
using Hepatica.Clinical.Labs;

namespace Hepatica.Fhir;

/// <summary>
/// The as-of instant a FHIR Bundle is read at, as a user types it (<c>hepatica assess --as-of</c>, the REST API's
/// <c>?asOf=</c>): a date alone means the end of that day in UTC, so values drawn that day count; a date and time
/// needs its zone (<c>Z</c> or an offset such as <c>+01:00</c>). No value means now.
/// </summary>
public static class AsOfText
{
    /// <summary>What is accepted, for messages.</summary>
    public const string Accepted = "YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ (an offset such as +01:00 instead of Z is accepted), from 1900-01-01 to 2200-12-31";

    private static readonly string[] UtcFormats = ["yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'"];
    private static readonly string[] OffsetFormats = ["yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz"];

    /// <summary>
    /// Parses <paramref name="text"/>; null means <paramref name="clock"/>'s now. False when the text is neither form, or
    /// falls outside <see cref="PlausibilityLimits.EarliestDate"/> to <see cref="PlausibilityLimits.LatestDate"/> (UTC):
    /// near the ends of the calendar the look-back windows and dose intervals would leave it.
    /// </summary>
    public static bool TryParse(string? text, TimeProvider clock, out DateTimeOffset asOf) =>
        Parse(text, clock, out asOf) && asOf.UtcDateTime >= PlausibilityLimits.EarliestDate.ToDateTime(TimeOnly.MinValue)
        && asOf.UtcDateTime <= PlausibilityLimits.LatestDate.ToDateTime(TimeOnly.MaxValue);

    private static bool Parse(string? text, TimeProvider clock, out DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(clock);
        if (text is null)
        {
            asOf = clock.GetUtcNow();
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            asOf = new DateTimeOffset(day.ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero);
            return true;
        }

        // A time without Z or an offset is refused: the machine's zone must never decide which labs count.
        return DateTimeOffset.TryParseExact(text, UtcFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out asOf)
            || DateTimeOffset.TryParseExact(text, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out asOf);
    }
}
