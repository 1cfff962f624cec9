using System.Globalization;
using Hepatica.Clinical;
using Hepatica.Clinical.Scoring;
using Hepatica.Fhir;
using Hepatica.Json;

namespace Hepatica.Cli;

/// <summary>What <c>assess</c> read: the snapshot (null when unreadable), its issues and, for FHIR input, where each value came from.</summary>
/// <param name="Snapshot">The snapshot, or null when the input is unreadable.</param>
/// <param name="Issues">Every issue found.</param>
/// <param name="Sources">FHIR input: the resource behind each value; empty for a snapshot document.</param>
/// <param name="AsOf">FHIR input: the instant it was read as of; null for a snapshot document.</param>
internal sealed record InputRead(PatientSnapshot? Snapshot, IReadOnlyList<InputIssue> Issues, IReadOnlyList<FhirSource> Sources, DateTimeOffset? AsOf = null)
{
    /// <summary>True when the input was a FHIR document.</summary>
    public bool IsFhir => AsOf is not null;
}

/// <summary>
/// Chooses the reader for <c>assess</c>: a JSON object with a top-level <c>resourceType</c> is FHIR (docs/fhir.md),
/// anything else the snapshot contract (docs/snapshot.md). FHIR is read as of <c>--as-of</c>, default now.
/// </summary>
internal static class FhirInput
{
    private static readonly string[] UtcFormats = ["yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'"];
    private static readonly string[] OffsetFormats = ["yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz"];

    public static InputRead Read(byte[] bytes, string? asOfText, TimeProvider clock)
    {
        if (!FhirSnapshotReader.LooksLikeFhir(bytes))
        {
            if (asOfText is not null)
            {
                return new InputRead(null, [InputIssue.Error(IssueCodes.InvalidValue, "--as-of", "--as-of applies to FHIR input; a snapshot document gives its own assessmentDate.")], []);
            }

            var read = SnapshotReader.Read(bytes);
            return new InputRead(read.Snapshot, read.Issues, []);
        }

        if (!TryParseAsOf(asOfText, clock, out var asOf))
        {
            return new InputRead(null, [InputIssue.Error(IssueCodes.InvalidValue, "--as-of", $"'{asOfText}' is not YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ (an offset such as +01:00 instead of Z is accepted).")], []);
        }

        var fhir = FhirSnapshotReader.Read(bytes, asOf);
        return new InputRead(fhir.Snapshot, fhir.Issues, fhir.Sources, asOf);
    }

    /// <summary>
    /// A date alone means the end of that day in UTC, so values drawn that day count; a date and time needs its zone.
    /// No value means now.
    /// </summary>
    internal static bool TryParseAsOf(string? text, TimeProvider clock, out DateTimeOffset asOf)
    {
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

    /// <summary>The <c>sources</c> member of the JSON output (docs/output.md): one object per FHIR resource used.</summary>
    public static void WriteSources(System.Text.Json.Utf8JsonWriter w, IReadOnlyList<FhirSource> sources)
    {
        w.WriteStartArray("sources");
        foreach (var s in sources)
        {
            w.WriteStartObject();
            w.WriteString("path", s.Path);
            w.WriteString("resource", s.ResourceType + "/" + s.Id);
            if (s.Date is { } d)
            {
                w.WriteString("date", d.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture));
            }

            w.WriteString("system", s.System);
            w.WriteString("code", s.Code);
            if (s.Reported is { } r)
            {
                w.WriteString("reported", r);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>The <c>--explain</c> section: one line per FHIR resource used.</summary>
    public static string RenderSources(IReadOnlyList<FhirSource> sources)
    {
        if (sources.Count == 0)
        {
            return "";
        }

        var sb = new System.Text.StringBuilder();
        sb.AppendLine().AppendLine("Sources (FHIR)");
        foreach (var s in sources)
        {
            sb.Append("  ").AppendLine(s.ToString());
        }

        return sb.ToString();
    }
}
