using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Hepatica.Clinical;
using Hepatica.Clinical.Course;
using Hepatica.Clinical.Scoring;
using Hepatica.Store;

namespace Hepatica.Cli.Record;

/// <summary>
/// <c>hepatica timeline PATIENT [--format text|json]</c>: every assessment of the patient's course (as of the instant an
/// input changed, its key scores and values, each input with its age, window and staleness), the trend facts with
/// their sources, the alert conditions and the re-certification due date; text for a clinician, JSON for tools.
/// </summary>
internal static class TimelineCommand
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The key values shown on each entry's line, in order, with their label and unit.</summary>
    private static readonly (string Key, string Label, string Unit)[] Shown =
    [
        (CourseValues.Meld3, "MELD 3.0", ""), (CourseValues.MeldNa, "MELD-Na", ""), (CourseValues.ChildPugh, "Child-Pugh", ""),
        (CourseValues.AclfGrade, "ACLF grade", ""), (CourseValues.Bilirubin, "bilirubin", " mg/dL"), (CourseValues.Creatinine, "creatinine", " mg/dL"),
        (CourseValues.Inr, "INR", ""), (CourseValues.Sodium, "sodium", " mmol/L"), (CourseValues.Albumin, "albumin", " g/dL"),
        (CourseValues.Alt, "ALT", " U/L"), (CourseValues.HbvDna, "HBV DNA", " IU/mL"),
    ];

    /// <summary>The <c>timeline</c> command.</summary>
    public static Command Create()
    {
        var patient = new Argument<string>("patient") { Description = "The patient's id (FHIR Patient.id, a snapshot's id)." };
        var format = RecordFormat.Create("text (for a clinician, the default) or json (for tools: every entry with its receipt, inputs, values and facts; the trend facts, alert conditions and re-certification due date).");
        var full = new Option<bool>("--assessments") { Description = "json: each entry also carries the whole assessment (as assess --format json writes it; tens of kilobytes each, so off by default)." };
        var last = new Option<int?>("--last") { Description = "Only the newest N entries (the trend facts and due date are always for the whole course).", HelpName = "N" };
        var store = StoreOption.Create();
        var timeline = new Command("timeline", "Show a patient's course: every score at every instant its inputs changed, with each input's age and window, the trend facts and when re-certification labs are due.")
        {
            patient, format, full, last, store,
        };
        timeline.SetAction((parse, ct) => RunAsync(parse.GetValue(patient)!, parse.GetValue(format), parse.GetValue(full), parse.GetValue(last), parse.GetValue(store), ct));
        return timeline;
    }

    private static async Task<int> RunAsync(string patientId, RecordFormat.Kind format, bool full, int? last, string? storeText, CancellationToken ct)
    {
        if (last is < 1)
        {
            return Commands.Usage("--last must be at least 1.");
        }

        if (StoreOption.Resolve(storeText) is not { } location)
        {
            return ExitCodes.BadInput;
        }

        var (opened, code) = await StoreOption.OpenAsync(location, GuidelineProfiles.Default, create: false, ct).ConfigureAwait(false);
        if (opened is null)
        {
            return code;
        }

        await using var record = opened;
        // The assessments (tens of kilobytes each) are read only for --format json --assessments: all of them with the
        // timeline, or, with --last, only the newest N, one at a time.
        full = full && format == RecordFormat.Kind.Json;
        if (await record.TimelineAsync(patientId, withAssessments: full && last is null, ct).ConfigureAwait(false) is not { } timeline)
        {
            return Commands.Usage($"the record at {location.Display} holds no patient '{patientId}'.");
        }

        var entries = last is { } n && n < timeline.Entries.Count ? timeline.Entries.Skip(timeline.Entries.Count - n).ToList() : timeline.Entries;
        if (full && last is not null)
        {
            var read = new List<TimelineEntry>(entries.Count);
            foreach (var entry in entries)
            {
                read.Add(entry with { AssessmentJson = await record.AssessmentAsync(patientId, entry.AsOf, ct).ConfigureAwait(false) });
            }

            entries = read;
        }

        if (format == RecordFormat.Kind.Json)
        {
            using var stdout = StandardOutput.Open();
            using (var w = new Utf8JsonWriter(stdout, Indented))
            {
                WriteJson(w, timeline, entries, full);
            }

            stdout.Write("\n"u8);
        }
        else
        {
            Console.Out.Write(TerminalText.EscapeReport(Render(timeline, entries)));
        }

        return ExitCodes.Ok;
    }

    /// <summary>The text form: a header, one block per entry, then the trend facts, alert conditions and re-certification.</summary>
    internal static string Render(PatientTimeline timeline, IReadOnlyList<TimelineEntry> entries)
    {
        var sb = new StringBuilder();
        var all = timeline.Entries;
        sb.Append(CultureInfo.InvariantCulture, $"Patient {TerminalText.Escape(timeline.PatientId)}: {all.Count} assessment{(all.Count == 1 ? "" : "s")}");
        if (all.Count > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $" from {Day(all[0].AsOf)} to {Day(all[^1].AsOf)} (profile {all[^1].Receipt.Profile}, engine {all[^1].Receipt.EngineVersion})");
        }

        sb.Append('\n');
        if (entries.Count < all.Count)
        {
            sb.Append(CultureInfo.InvariantCulture, $"(the newest {entries.Count} shown)\n");
        }

        foreach (var entry in entries)
        {
            sb.Append('\n').Append(Instant(entry.AsOf)).Append("  ");
            var values = Shown.Where(s => entry.Point.Values.ContainsKey(s.Key)).Select(s => $"{s.Label} {Number(entry.Point.Values[s.Key])}{s.Unit}").ToList();
            sb.Append(values.Count > 0 ? string.Join(", ", values) : "no score calculable").Append('\n');
            // A snapshot (one arrival) has no times of its own per value (its assessment date is the instant): the arrival
            // is named. FHIR arrivals that gave no dated value yet (only the Patient, a diagnosis) are counted, not listed.
            sb.Append("    inputs: ").Append(entry.Inputs.Count > 0
                ? string.Join("; ", entry.Inputs.Select(Input))
                : entry.Receipt.ArrivalIds.Count == 1
                    ? $"as given in arrival #{entry.Receipt.ArrivalIds[0].ToString(CultureInfo.InvariantCulture)}"
                    : $"no dated value used yet ({entry.Receipt.ArrivalIds.Count.ToString(CultureInfo.InvariantCulture)} arrivals read)").Append('\n');

            if (entry.Point.Facts.Count > 0)
            {
                sb.Append("    facts: ").Append(string.Join(", ", entry.Point.Facts.Order(StringComparer.Ordinal))).Append('\n');
            }
        }

        var report = timeline.Report;
        sb.Append("\nTrend facts:\n");
        if (report.Facts.Count == 0)
        {
            sb.Append("  none\n");
        }

        foreach (var fact in report.Facts)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  {Day(fact.At)}  {fact.Text} [{fact.Kind}{(fact.Since is { } since ? $", since {Day(since)}" : "")}] ({Source(fact.Source)})\n");
        }

        sb.Append("\nAlert conditions:\n");
        if (report.Alerts.Count == 0)
        {
            sb.Append("  none\n");
        }

        foreach (var alert in report.Alerts)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  {alert.Severity.ToString().ToUpperInvariant()} {alert.RuleId} since {Day(alert.EpisodeStart)} (latest {Day(alert.LatestAt)}): {alert.Text} ({Source(alert.Source)})\n");
        }

        sb.Append("\nRe-certification: ");
        sb.Append(report.Recertification is { } due
            ? string.Create(CultureInfo.InvariantCulture, $"labs due by {Day(due.DueBy)} ({due.Score} {Number(due.Value)} on {Day(due.From)}; labs at most {Duration(due.MaxLabAge)} old). {due.Text} ({Source(due.Source)})\n")
            : all.Any(e => e.Point.Values.ContainsKey(CourseValues.Meld3))
                ? "no due date: OPTN Policy 9.2's re-certification intervals are not built in (their policy text was not found; docs/course.md).\n"
                : "no MELD 3.0 in the course, no due date.\n");
        return sb.ToString();
    }

    private static string Input(InputAge input)
    {
        var parts = new List<string>();
        if (input.Time is { } time)
        {
            parts.Add(Day(time));
        }

        if (input.AgeDays is { } age)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{age} d old"));
        }

        if (input.WindowDays is { } window)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"window {window} d"));
        }

        if (input.Stale)
        {
            parts.Add("STALE");
        }

        return parts.Count == 0 ? input.Path : $"{input.Path} ({string.Join(", ", parts)})";
    }

    private static void WriteJson(Utf8JsonWriter w, PatientTimeline timeline, IReadOnlyList<TimelineEntry> entries, bool full)
    {
        w.WriteStartObject();
        w.WriteString("patient", timeline.PatientId);
        w.WriteNumber("entryCount", timeline.Entries.Count);
        w.WriteStartArray("entries");
        foreach (var entry in entries)
        {
            w.WriteStartObject();
            w.WriteString("asOf", Instant(entry.AsOf));
            w.WriteStartObject("receipt");
            w.WriteString("engineVersion", entry.Receipt.EngineVersion);
            w.WriteString("profile", entry.Receipt.Profile);
            w.WriteString("asOf", Instant(entry.Receipt.AsOf));
            w.WriteStartArray("arrivalIds");
            foreach (var id in entry.Receipt.ArrivalIds)
            {
                w.WriteNumberValue(id);
            }

            w.WriteEndArray();
            w.WriteString("outputSha256", entry.Receipt.OutputSha256);
            w.WriteEndObject();
            w.WriteStartObject("values");
            foreach (var (key, value) in entry.Point.Values.OrderBy(v => v.Key, StringComparer.Ordinal))
            {
                w.WriteNumber(key, value);
            }

            w.WriteEndObject();
            w.WriteStartArray("facts");
            foreach (var fact in entry.Point.Facts.Order(StringComparer.Ordinal))
            {
                w.WriteStringValue(fact);
            }

            w.WriteEndArray();
            w.WriteStartArray("inputs");
            foreach (var input in entry.Inputs)
            {
                w.WriteStartObject();
                w.WriteString("path", input.Path);
                WriteInstantOrNull(w, "time", input.Time);
                WriteNumberOrNull(w, "ageDays", input.AgeDays);
                WriteNumberOrNull(w, "windowDays", input.WindowDays);
                w.WriteBoolean("stale", input.Stale);
                WriteNumberOrNull(w, "arrivalId", input.ArrivalId);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (full)
            {
                w.WritePropertyName("assessment");
                w.WriteRawValue(entry.AssessmentJson ?? throw new InvalidOperationException("The timeline was read without the assessment of an entry it writes."), skipInputValidation: false);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        var report = timeline.Report;
        w.WriteStartArray("trendFacts");
        foreach (var fact in report.Facts)
        {
            w.WriteStartObject();
            w.WriteString("kind", fact.Kind);
            w.WriteString("at", Instant(fact.At));
            WriteInstantOrNull(w, "since", fact.Since);
            w.WriteString("text", fact.Text);
            w.WriteStartArray("evidence");
            foreach (var e in fact.Evidence)
            {
                w.WriteStringValue(e);
            }

            w.WriteEndArray();
            WriteSource(w, fact.Source);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("alertConditions");
        foreach (var alert in report.Alerts)
        {
            w.WriteStartObject();
            w.WriteString("rule", alert.RuleId);
            w.WriteString("episodeStart", Instant(alert.EpisodeStart));
            w.WriteString("latestAt", Instant(alert.LatestAt));
            w.WriteString("evidenceKey", alert.EvidenceKey);
            w.WriteString("severity", RecordFormat.Severity(alert.Severity));
            w.WriteString("text", alert.Text);
            WriteSource(w, alert.Source);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (report.Recertification is { } due)
        {
            w.WriteStartObject("recertification");
            w.WriteString("score", due.Score);
            w.WriteNumber("value", due.Value);
            w.WriteString("from", Instant(due.From));
            w.WriteString("dueBy", Instant(due.DueBy));
            w.WriteNumber("maxLabAgeHours", (long)due.MaxLabAge.TotalHours);
            w.WriteString("text", due.Text);
            WriteSource(w, due.Source);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("recertification");
        }

        w.WriteEndObject();
    }

    /// <summary>A citation as JSON: <c>"source": {key, reference, year, url}</c>.</summary>
    internal static void WriteSource(Utf8JsonWriter w, Citation source)
    {
        w.WriteStartObject("source");
        w.WriteString("key", source.Key);
        w.WriteString("reference", source.Reference);
        w.WriteNumber("year", source.Year);
        if (source.Url is { } url)
        {
            w.WriteString("url", url);
        }

        w.WriteEndObject();
    }

    private static void WriteInstantOrNull(Utf8JsonWriter w, string name, DateTimeOffset? at)
    {
        if (at is { } value)
        {
            w.WriteString(name, Instant(value));
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void WriteNumberOrNull(Utf8JsonWriter w, string name, long? n)
    {
        if (n is { } value)
        {
            w.WriteNumber(name, value);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static string Source(Citation c) => c.Key;

    /// <summary>An instant as ISO 8601 UTC, whole seconds.</summary>
    internal static string Instant(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Day(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A value as shown: at most three decimals, rounded half away from zero (display only; the JSON keeps the value).</summary>
    private static string Number(decimal value) => Math.Round(value, 3, MidpointRounding.AwayFromZero).ToString("0.###", CultureInfo.InvariantCulture);

    private static string Duration(TimeSpan span) => span.TotalHours < 48 || span.TotalHours % 24 != 0
        ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalHours:0} h")
        : string.Create(CultureInfo.InvariantCulture, $"{span.TotalDays:0} days");
}
