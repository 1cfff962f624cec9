using System.CommandLine;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Hepatica.Clinical;
using Hepatica.Clinical.Course;
using Hepatica.Store;

namespace Hepatica.Cli.Record;

/// <summary>
/// <c>hepatica alerts</c>: the alerts across patients (the worklists a hepatology service runs) with filters and keyset
/// paging; <c>hepatica alerts ack ID</c> and <c>hepatica alerts resolve ID</c> set an alert's state, which is kept.
/// </summary>
internal static class AlertsCommand
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The rule ids the course rules use (<see cref="CourseRuleIds"/>'s constants), for <c>--rule</c>.</summary>
    internal static readonly IReadOnlyList<string> KnownRules = [.. typeof(CourseRuleIds).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!).Order(StringComparer.Ordinal)];

    /// <summary>The <c>alerts</c> command with its <c>ack</c> and <c>resolve</c> subcommands.</summary>
    public static Command Create()
    {
        var patient = new Option<string?>("--patient") { Description = "Only this patient's alerts.", HelpName = "id" };
        var rule = new Option<string[]>("--rule")
        {
            Description = "Only these rules (repeat the option or separate with commas): " + string.Join(", ", KnownRules) + ".",
            HelpName = "id",
            AllowMultipleArgumentsPerToken = false,
        };
        var state = new Option<string[]>("--state") { Description = "Only alerts in these states: open, acknowledged, resolved (repeat or separate with commas; default open and acknowledged).", HelpName = "state" };
        var severity = new Option<string?>("--min-severity") { Description = "At least this severity: info, warning or critical.", HelpName = "severity" };
        var limit = new Option<int>("--limit") { Description = "At most N alerts (1 to 1000, default 100).", HelpName = "N", DefaultValueFactory = _ => 100 };
        var after = new Option<long?>("--after") { Description = "Paging: alerts with an id greater than this (the id the last page said to go on from).", HelpName = "id" };
        var format = RecordFormat.Create("text (a list for a clinician, the default) or json ({alerts: [...], next: id or null}).");
        var store = StoreOption.Create();
        var alerts = new Command("alerts", "List alerts across patients, oldest first, with filters; each alert fires once per episode and is updated, not repeated, by new evidence. 'alerts ack ID' and 'alerts resolve ID' set its state.")
        {
            patient, rule, state, severity, limit, after, format, store,
        };
        alerts.SetAction((parse, ct) => ListAsync(parse.GetValue(patient), parse.GetValue(rule) ?? [], parse.GetValue(state) ?? [], parse.GetValue(severity), parse.GetValue(limit), parse.GetValue(after), parse.GetValue(format), parse.GetValue(store), ct));
        alerts.Subcommands.Add(StateCommand("ack", AlertState.Acknowledged, "Acknowledge an alert: seen to; it stays on the worklist until its condition ends or it is resolved."));
        alerts.Subcommands.Add(StateCommand("resolve", AlertState.Resolved, "Resolve an alert: closed by a clinician; new evidence of a new episode fires a new alert."));
        return alerts;
    }

    private static Command StateCommand(string name, AlertState target, string description)
    {
        var id = new Argument<long>("id") { Description = "The alert's id, as 'hepatica alerts' lists it." };
        var by = new Option<string?>("--by") { Description = "Who did it (a user id), recorded with the state; default the login name.", HelpName = "user" };
        var store = StoreOption.Create();
        var command = new Command(name, description) { id, by, store };
        command.SetAction((parse, ct) => SetStateAsync(parse.GetValue(id), target, parse.GetValue(by) ?? Environment.UserName, parse.GetValue(store), ct));
        return command;
    }

    private static async Task<int> ListAsync(string? patient, string[] rules, string[] states, string? severityText, int limit, long? after, RecordFormat.Kind format, string? storeText, CancellationToken ct)
    {
        var ruleIds = Split(rules);
        if (ruleIds.FirstOrDefault(r => !KnownRules.Contains(r, StringComparer.Ordinal)) is { } unknownRule)
        {
            return Commands.Usage($"unknown --rule '{unknownRule}'. Known: {string.Join(", ", KnownRules)}.");
        }

        List<AlertState> stateList = [];
        foreach (var text in Split(states))
        {
            if (RecordFormat.ParseState(text) is not { } s)
            {
                return Commands.Usage($"unknown --state '{text}'. Known: open, acknowledged, resolved.");
            }

            stateList.Add(s);
        }

        AlertSeverity? minSeverity = null;
        if (severityText is not null && (minSeverity = RecordFormat.ParseSeverity(severityText)) is null)
        {
            return Commands.Usage($"unknown --min-severity '{severityText}'. Known: info, warning, critical.");
        }

        if (limit is < 1 or > 1000)
        {
            return Commands.Usage("--limit must be between 1 and 1000.");
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
        var query = new AlertQuery(patient, ruleIds.Count > 0 ? ruleIds : null, stateList.Count > 0 ? [.. stateList.Distinct()] : null, minSeverity, after, limit);
        var found = await record.AlertsAsync(query, ct).ConfigureAwait(false);
        long? next = found.Count == limit ? found[^1].Id : null;
        if (format == RecordFormat.Kind.Json)
        {
            using var stdout = StandardOutput.Open();
            using (var w = new Utf8JsonWriter(stdout, Indented))
            {
                w.WriteStartObject();
                w.WriteStartArray("alerts");
                foreach (var alert in found)
                {
                    WriteJson(w, alert);
                }

                w.WriteEndArray();
                if (next is { } n)
                {
                    w.WriteNumber("next", n);
                }
                else
                {
                    w.WriteNull("next");
                }

                w.WriteEndObject();
            }

            stdout.Write("\n"u8);
        }
        else
        {
            Console.Out.Write(TerminalText.EscapeReport(Render(found)));
            if (next is { } n)
            {
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"hepatica: {found.Count} shown; more may follow: add --after {n}."));
            }
        }

        return ExitCodes.Ok;
    }

    private static async Task<int> SetStateAsync(long id, AlertState target, string by, string? storeText, CancellationToken ct)
    {
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
        if (await record.SetAlertStateAsync(id, target, by, ct).ConfigureAwait(false) is not { } alert)
        {
            return Commands.Usage(string.Create(CultureInfo.InvariantCulture, $"the record at {location.Display} holds no alert {id}."));
        }

        Console.Out.WriteLine(TerminalText.Escape(string.Create(CultureInfo.InvariantCulture, $"alert {alert.Id} {RecordFormat.State(alert.State)} (patient {alert.PatientId}, {alert.RuleId}) by {by}")));
        return ExitCodes.Ok;
    }

    /// <summary>The text form: one block per alert.</summary>
    internal static string Render(IReadOnlyList<StoredAlert> alerts)
    {
        if (alerts.Count == 0)
        {
            return "No alerts.\n";
        }

        var sb = new StringBuilder();
        foreach (var a in alerts)
        {
            sb.Append(CultureInfo.InvariantCulture, $"#{a.Id}  {RecordFormat.Severity(a.Candidate.Severity).ToUpperInvariant()}  {RecordFormat.State(a.State)}{(a.StateBy is { } who && a.State != AlertState.Open ? $" by {TerminalText.Escape(who)}" : "")}  patient {TerminalText.Escape(a.PatientId)}  {a.RuleId}\n");
            sb.Append(CultureInfo.InvariantCulture, $"    since {Day(a.Candidate.EpisodeStart)}, latest evidence {Day(a.Candidate.LatestAt)}; fired {TimelineCommand.Instant(a.FiredAt)}{(a.Updates > 0 ? $", updated {a.Updates} time{(a.Updates == 1 ? "" : "s")} (last {TimelineCommand.Instant(a.UpdatedAt)})" : "")}\n");
            sb.Append(CultureInfo.InvariantCulture, $"    {a.Candidate.Text} ({a.Candidate.Source.Key})\n");
        }

        return sb.ToString();
    }

    private static void WriteJson(Utf8JsonWriter w, StoredAlert a)
    {
        w.WriteStartObject();
        w.WriteNumber("id", a.Id);
        w.WriteString("patient", a.PatientId);
        w.WriteString("rule", a.RuleId);
        w.WriteString("state", RecordFormat.State(a.State));
        w.WriteString("severity", RecordFormat.Severity(a.Candidate.Severity));
        w.WriteString("episodeStart", TimelineCommand.Instant(a.Candidate.EpisodeStart));
        w.WriteString("latestAt", TimelineCommand.Instant(a.Candidate.LatestAt));
        w.WriteString("evidenceKey", a.EvidenceKey);
        w.WriteString("text", a.Candidate.Text);
        TimelineCommand.WriteSource(w, a.Candidate.Source);
        w.WriteString("firedAt", TimelineCommand.Instant(a.FiredAt));
        w.WriteString("updatedAt", TimelineCommand.Instant(a.UpdatedAt));
        w.WriteNumber("updates", a.Updates);
        if (a.StateBy is { } by)
        {
            w.WriteString("stateBy", by);
        }
        else
        {
            w.WriteNull("stateBy");
        }

        w.WriteEndObject();
    }

    private static List<string> Split(string[] values) =>
        [.. values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];

    private static string Day(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
