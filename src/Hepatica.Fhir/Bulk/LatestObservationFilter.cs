using System.Globalization;
using System.Text.Json;

namespace Hepatica.Fhir.Bulk;

/// <summary>
/// Spares the FHIR parse of Observations that cannot change a patient's snapshot (docs/fhir.md, "Bulk Data"). The
/// Observation reader uses, per analyte, only the values at the latest effective time at or before as-of; an older
/// value that is final (or amended, corrected), has a plain <c>effectiveDateTime</c> and matches an analyte is read
/// without any issue and then never used, and one after as-of is skipped without an issue. Those two kinds are
/// dropped here, from a <see cref="Utf8JsonReader"/> look at status, code and effectiveDateTime. Everything else is kept
/// and goes through the reader as it would in a Bundle: other statuses (they get FHR012), Periods, instants, partial
/// dates or no time (FHR017), codes the scan cannot place, lines it cannot read. The result is the same snapshot,
/// with the same issues and sources, as reading every line (tested on a hand-made export against its Bundle).
/// </summary>
public static class LatestObservationFilter
{
    private const string Loinc = "http://loinc.org";

    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
    ];

    /// <summary>For each line of one patient, whether it must be parsed and read (false only for an Observation shown not to matter).</summary>
    public static bool[] Select(IReadOnlyList<ReadOnlyMemory<byte>> lines, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var keep = new bool[lines.Count];
        var plain = new (IObservationRule? Rule, DateTimeOffset Time)[lines.Count];
        var latest = new Dictionary<IObservationRule, DateTimeOffset>();
        for (var i = 0; i < lines.Count; i++)
        {
            keep[i] = true;
            if (Plain(lines[i].Span) is not var (rule, time))
            {
                continue;
            }

            if (time > asOf)
            {
                keep[i] = false; // not yet known at as-of: the reader skips it without an issue
                continue;
            }

            plain[i] = (rule, time);
            if (!latest.TryGetValue(rule, out var max) || time > max)
            {
                latest[rule] = time;
            }
        }

        for (var i = 0; i < lines.Count; i++)
        {
            if (plain[i].Rule is { } rule && plain[i].Time < latest[rule])
            {
                keep[i] = false;
            }
        }

        return keep;
    }

    /// <summary>The analyte and time of a final Observation with a plain effectiveDateTime and a LOINC code the reader uses; null otherwise.</summary>
    private static (IObservationRule Rule, DateTimeOffset Time)? Plain(ReadOnlySpan<byte> line)
    {
        try
        {
            var r = new Utf8JsonReader(line);
            if (!r.Read() || r.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            bool observation = false, final = false;
            IObservationRule? rule = null;
            DateTimeOffset? time = null;
            while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                if (r.ValueTextEquals("resourceType"u8))
                {
                    r.Read();
                    observation = r.TokenType == JsonTokenType.String && r.ValueTextEquals("Observation"u8);
                }
                else if (r.ValueTextEquals("status"u8))
                {
                    r.Read();
                    final = r.TokenType == JsonTokenType.String && (r.ValueTextEquals("final"u8) || r.ValueTextEquals("amended"u8) || r.ValueTextEquals("corrected"u8));
                }
                else if (r.ValueTextEquals("effectiveDateTime"u8))
                {
                    r.Read();
                    time = r.TokenType == JsonTokenType.String
                        && DateTimeOffset.TryParseExact(r.GetString(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var t) ? t : null;
                    if (time is null)
                    {
                        return null;
                    }
                }
                else if (r.ValueSpan.StartsWith("effective"u8) || r.ValueSpan.StartsWith("_effective"u8))
                {
                    return null; // a Period, an instant, or an extension on the time: left to the reader
                }
                else if (r.ValueTextEquals("code"u8))
                {
                    r.Read();
                    rule = FirstRule(ref r);
                }
                else
                {
                    r.Read();
                    r.Skip();
                }
            }

            return observation && final && rule is not null && time is { } when ? (rule, when) : null;
        }
        catch (JsonException)
        {
            return null; // the FHIR parse will report it
        }
    }

    /// <summary>The rule of the first coding with the LOINC system and a code the tables know, as the Observation reader picks it.</summary>
    private static IObservationRule? FirstRule(ref Utf8JsonReader r)
    {
        if (r.TokenType != JsonTokenType.StartObject)
        {
            r.Skip();
            return null;
        }

        IObservationRule? found = null;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var coding = r.ValueTextEquals("coding"u8);
            r.Read();
            if (!coding || r.TokenType != JsonTokenType.StartArray)
            {
                r.Skip();
                continue;
            }

            while (r.Read() && r.TokenType == JsonTokenType.StartObject)
            {
                string? system = null, code = null;
                while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
                {
                    var isSystem = r.ValueTextEquals("system"u8);
                    var isCode = r.ValueTextEquals("code"u8);
                    r.Read();
                    if ((isSystem || isCode) && r.TokenType == JsonTokenType.String)
                    {
                        (system, code) = isSystem ? (r.GetString(), code) : (system, r.GetString());
                    }
                    else
                    {
                        r.Skip();
                    }
                }

                if (found is null && system == Loinc && code is not null)
                {
                    found = LabCodes.TryFind(code, out var lab, out _) ? lab : SerologyCodes.Find(code);
                }
            }
        }

        return found;
    }
}
