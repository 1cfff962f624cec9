using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Hepatica.Clinical.Course;
using Hepatica.Clinical.Scoring;
using Hepatica.Store;
using Hepatica.Web.Api;
using Microsoft.Extensions.Options;

namespace Hepatica.Web.Record;

/// <summary>
/// The longitudinal record under <c>/api/record</c> (docs/web.md, "The record"): ingest, a patient's timeline and alerts,
/// alerts across patients with filters and keyset paging, the worklists, alert state, and erasure (off by default).
/// </summary>
internal static class RecordApi
{
    /// <summary>The most alerts one page holds.</summary>
    public const int MaxLimit = 500;

    private const string IngestText = "A FHIR R4 Bundle (any type) or a single resource such as an Observation as application/fhir+json; "
        + "a patient snapshot (docs/snapshot.md) as application/json. Stored whole or not at all, per patient; the same resource "
        + "(id + versionId, or the same content) twice is stored once.";

    private static readonly AlertState[] AllStates = [AlertState.Open, AlertState.Acknowledged, AlertState.Resolved];

    public static IEndpointRouteBuilder MapRecordApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/record").WithTags("Record").AddEndpointFilter(RecordSetup.Unavailable).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        if (app.ServiceProvider.GetRequiredService<IOptions<ApiOptions>>().Value.AllowedOrigins.Count > 0)
        {
            api.RequireCors(ScoringApi.CorsPolicy);
        }

        api.MapPost("", Ingest)
            .WithName("RecordIngest")
            .WithSummary("Store what arrived (FHIR Bundle or resource, or a snapshot) and re-make the patients' timelines and alerts.")
            .WithDescription(IngestText + " A refused input (any error) is 422 with every issue and stores nothing.")
            .RequestBody(IngestText, MediaTypes.FhirJson, MediaTypes.Json)
            .Produces<IngestResponse>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapGet("/patients/{id}/timeline", Timeline)
            .WithName("RecordTimeline")
            .WithSummary("A patient's timeline: every assessment at every instant an input changed, with receipts, input ages and the course's trend facts.")
            .WithDescription("Without the assessments themselves unless assessments=true (they run to tens of kilobytes each); read one with GET /api/record/patients/{id}/assessments/{asOf}.")
            .Produces<TimelineBody>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/patients/{id}/assessments/{asOf}", AssessmentAt)
            .WithName("RecordAssessment")
            .WithSummary("One assessment of a patient's timeline, as stored (its SHA-256 is the receipt's outputSha256).")
            .WithDescription("asOf is the entry's instant as the timeline gives it (ISO 8601 with Z or an offset, e.g. 2026-10-01T08:00:00Z). The body is the assessment as hepatica assess --format json writes it, byte for byte.")
            .Produces<JsonElement>(StatusCodes.Status200OK, MediaTypes.Json)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/patients/{id}/alerts", PatientAlerts)
            .WithName("RecordPatientAlerts")
            .WithSummary("A patient's alerts (default: open and acknowledged).")
            .Produces<AlertPage>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapDelete("/patients/{id}", Erase)
            .WithName("RecordErasePatient")
            .WithSummary("Erase everything held about one patient (arrivals, assessments, alerts). Off unless Hepatica:Record:AllowErase is true.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/alerts", ListAlerts)
            .WithName("RecordAlerts")
            .WithSummary("Alerts across patients, by id, with filters and keyset paging (follow `next`).")
            .Produces<AlertPage>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/worklists/meld-not-referred", MeldNotReferred)
            .WithName("WorklistMeldNotReferred")
            .WithSummary("Worklist: MELD 3.0 at or above the referral threshold and not referred (rule meld-not-referred).")
            .Produces<AlertPage>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/worklists/hbv-unknown-before-b-cell-depletion", HbvUnknown)
            .WithName("WorklistHbvUnknownBeforeBCellDepletion")
            .WithSummary("Worklist: hepatitis B status unknown before B-cell depleting therapy (rule hbv-unknown-before-b-cell-depletion).")
            .Produces<AlertPage>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapPost("/alerts/{id:long}/acknowledge", (HttpContext c, IRecordStore s, IOptions<RecordOptions> o, IOptions<ApiOptions> a, long id) => SetState(c, s, o.Value, a.Value, id, AlertState.Acknowledged))
            .WithName("RecordAcknowledgeAlert")
            .WithSummary("Acknowledge an alert: seen, it stays until its condition ends. `by` from the body or the X-Hepatica-User header.")
            .StateBody()
            .Produces<StoredAlert>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/alerts/{id:long}/resolve", (HttpContext c, IRecordStore s, IOptions<RecordOptions> o, IOptions<ApiOptions> a, long id) => SetState(c, s, o.Value, a.Value, id, AlertState.Resolved))
            .WithName("RecordResolveAlert")
            .WithSummary("Resolve an alert: closed by a clinician. `by` from the body or the X-Hepatica-User header.")
            .StateBody()
            .Produces<StoredAlert>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }

    /// <summary>The path of an ingest, top to bottom: the media type, the body, the parser, every batch checked, then stored.</summary>
    private static async Task<IResult> Ingest(HttpContext context, IRecordStore store, IOptions<ApiOptions> options, ILoggerFactory logs)
    {
        if (MediaTypes.Input(context.Request) is not { } input)
        {
            return ApiResults.Problem(WireFormat.Json, StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                $"Send FHIR as {MediaTypes.FhirJson} or a snapshot as {MediaTypes.Json}.",
                [InputIssue.Error(ApiIssueCodes.UnsupportedMediaType, "Content-Type", $"Content-Type '{context.Request.ContentType}' is neither {MediaTypes.Json} nor {MediaTypes.FhirJson}.")]);
        }

        if (await ReadBody(context, options.Value) is not { } body)
        {
            return context.Items[BodyProblem] as IResult ?? Results.BadRequest();
        }

        if (CheckJson(body, input == WireFormat.Fhir) is { } refusal)
        {
            return refusal;
        }

        var log = logs.CreateLogger(typeof(RecordApi));
        var outcome = await RecordIngest.Run(store, body, "api", context.RequestAborted).ConfigureAwait(false);
        if (outcome.Refused)
        {
            var errors = outcome.Issues.Count(i => i.Severity == IssueSeverity.Error);
            RecordLog.Refused(log, "api", errors);
            return ApiResults.Problem(WireFormat.Json, StatusCodes.Status422UnprocessableEntity, "Invalid input",
                $"{errors} error(s); nothing was stored. See issues.", outcome.Issues);
        }

        foreach (var r in outcome.Results)
        {
            RecordLog.Ingested(log, "api", r.PatientId, r.Stored, r.Duplicates, r.Superseded, r.AssessmentsMade, r.AlertsFired, r.AlertsUpdated);
        }

        return TypedResults.Ok(new IngestResponse(outcome.Results, [.. outcome.Issues.Select(IssueBody.Of)]));
    }

    private static async Task<IResult> Timeline(
        IRecordStore store,
        [Description("The patient's id (FHIR Patient.id, the snapshot's id).")] string id,
        [Description("true: each entry also carries its whole assessment (tens of kilobytes each); default false.")] string? assessments,
        CancellationToken ct)
    {
        bool withAssessments;
        switch (assessments)
        {
            case null or "" or "false":
                withAssessments = false;
                break;
            case "true":
                withAssessments = true;
                break;
            default:
                var message = $"'{assessments}' is not true or false.";
                return ApiResults.Problem(WireFormat.Json, StatusCodes.Status400BadRequest, "Invalid query parameter", message, [InputIssue.Error(ApiIssueCodes.InvalidParameter, "assessments", message)]);
        }

        return await store.TimelineAsync(id, withAssessments, ct).ConfigureAwait(false) is { } timeline
            ? TypedResults.Ok(TimelineBody.Of(timeline))
            : UnknownPatient(id);
    }

    private static async Task<IResult> AssessmentAt(
        IRecordStore store,
        [Description("The patient's id.")] string id,
        [Description("The entry's instant: ISO 8601 with Z or an offset (2026-10-01T08:00:00Z).")] string asOf,
        CancellationToken ct)
    {
        if (!TryParseInstant(asOf, out var at))
        {
            var message = $"'{asOf}' is not an ISO 8601 instant with Z or an offset (2026-10-01T08:00:00Z).";
            return ApiResults.Problem(WireFormat.Json, StatusCodes.Status400BadRequest, "Invalid path parameter", message, [InputIssue.Error(ApiIssueCodes.InvalidParameter, "asOf", message)]);
        }

        if (await store.AssessmentAsync(id, at, ct).ConfigureAwait(false) is { } json)
        {
            return Results.Text(json, MediaTypes.Json + "; charset=utf-8", System.Text.Encoding.UTF8);
        }

        if (await store.TimelineAsync(id, withAssessments: false, ct).ConfigureAwait(false) is null)
        {
            return UnknownPatient(id);
        }

        var none = $"The patient '{id}' has no assessment as of {asOf} (the timeline lists each entry's asOf).";
        return ApiResults.Problem(WireFormat.Json, StatusCodes.Status404NotFound, "Unknown assessment", none, [InputIssue.Error(RecordIssueCodes.UnknownAssessment, "asOf", none)]);
    }

    /// <summary>An instant with its zone said (Z or an offset): a time without one is refused, not guessed.</summary>
    internal static bool TryParseInstant(string text, out DateTimeOffset at)
    {
        at = default;
        var zoned = text.EndsWith('Z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
        return zoned && text.Length > 10 && text[10] == 'T'
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out at);
    }

    private static async Task<IResult> PatientAlerts(
        HttpContext context,
        IRecordStore store,
        [Description("The patient's id.")] string id,
        [Description("States, comma-separated: open, acknowledged, resolved, or all; default open,acknowledged.")] string? state = null,
        [Description("Paging: alerts with an id greater than this (the `next` link sets it).")] string? after = null,
        [Description("At most this many (1-500, default 100).")] string? limit = null)
    {
        if (await store.TimelineAsync(id, withAssessments: false, context.RequestAborted).ConfigureAwait(false) is null)
        {
            return UnknownPatient(id);
        }

        return await Page(context, store, [], state, null, id, after, limit).ConfigureAwait(false);
    }

    private static Task<IResult> ListAlerts(
        HttpContext context,
        IRecordStore store,
        [Description("Rule ids, comma-separated or repeated (meld3-30d-change, hbv-reactivation ...; docs/course.md).")] string[]? rule = null,
        [Description("States, comma-separated: open, acknowledged, resolved, or all; default open,acknowledged.")] string? state = null,
        [Description("At least this severity: info, warning or critical.")] string? severity = null,
        [Description("One patient only.")] string? patient = null,
        [Description("Paging: alerts with an id greater than this (the `next` link sets it).")] string? after = null,
        [Description("At most this many (1-500, default 100).")] string? limit = null) =>
        Page(context, store, rule ?? [], state, severity, patient, after, limit);

    private static Task<IResult> MeldNotReferred(
        HttpContext context,
        IRecordStore store,
        [Description("States, comma-separated: open, acknowledged, resolved, or all; default open,acknowledged.")] string? state = null,
        [Description("At least this severity: info, warning or critical.")] string? severity = null,
        [Description("One patient only.")] string? patient = null,
        [Description("Paging: alerts with an id greater than this.")] string? after = null,
        [Description("At most this many (1-500, default 100).")] string? limit = null) =>
        Page(context, store, [CourseRuleIds.MeldNotReferred], state, severity, patient, after, limit);

    private static Task<IResult> HbvUnknown(
        HttpContext context,
        IRecordStore store,
        [Description("States, comma-separated: open, acknowledged, resolved, or all; default open,acknowledged.")] string? state = null,
        [Description("At least this severity: info, warning or critical.")] string? severity = null,
        [Description("One patient only.")] string? patient = null,
        [Description("Paging: alerts with an id greater than this.")] string? after = null,
        [Description("At most this many (1-500, default 100).")] string? limit = null) =>
        Page(context, store, [CourseRuleIds.HbvUnknownBeforeBCellDepletion], state, severity, patient, after, limit);

    /// <summary>One page of alerts: the filters read (every bad one listed), the store asked for one more than the page, the next link.</summary>
    private static async Task<IResult> Page(HttpContext context, IRecordStore store, string[] rules, string? stateText, string? severityText, string? patient, string? afterText, string? limitText)
    {
        var issues = new List<InputIssue>();
        var ruleIds = rules.SelectMany(r => r.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal).ToList();
        var states = ParseStates(stateText, issues);
        AlertSeverity? severity = null;
        if (!string.IsNullOrEmpty(severityText))
        {
            severity = severityText switch
            {
                "info" => AlertSeverity.Info,
                "warning" => AlertSeverity.Warning,
                "critical" => AlertSeverity.Critical,
                _ => Bad(issues, "severity", $"'{severityText}' is not info, warning or critical."),
            };
        }

        long? after = null;
        if (!string.IsNullOrEmpty(afterText))
        {
            after = long.TryParse(afterText, NumberStyles.None, CultureInfo.InvariantCulture, out var a) ? a : Bad<long?>(issues, "after", $"'{afterText}' is not an alert id.");
        }

        var limit = 100;
        if (!string.IsNullOrEmpty(limitText) && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
        {
            Bad<int>(issues, "limit", $"'{limitText}' is not a whole number from 1 to {MaxLimit}.");
        }

        if (issues.Count > 0)
        {
            return ApiResults.Problem(WireFormat.Json, StatusCodes.Status400BadRequest, "Invalid query parameter",
                string.Join(" ", issues.Select(i => i.Message)), issues);
        }

        var query = new AlertQuery(string.IsNullOrEmpty(patient) ? null : patient, ruleIds.Count > 0 ? ruleIds : null, states, severity, after, limit + 1);
        var alerts = await store.AlertsAsync(query, context.RequestAborted).ConfigureAwait(false);
        var page = alerts.Take(limit).ToList();
        var next = alerts.Count > limit ? NextLink(context.Request, page[^1].Id) : null;
        return TypedResults.Ok(new AlertPage(page, next));
    }

    private static T? Bad<T>(List<InputIssue> issues, string name, string message)
    {
        issues.Add(InputIssue.Error(ApiIssueCodes.InvalidParameter, name, message));
        return default;
    }

    private static AlertSeverity? Bad(List<InputIssue> issues, string name, string message) => Bad<AlertSeverity?>(issues, name, message);

    private static List<AlertState>? ParseStates(string? text, List<InputIssue> issues)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null; // the store's default: open and acknowledged
        }

        var states = new List<AlertState>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            switch (part)
            {
                case "all": states.AddRange(AllStates); break;
                case "open": states.Add(AlertState.Open); break;
                case "acknowledged": states.Add(AlertState.Acknowledged); break;
                case "resolved": states.Add(AlertState.Resolved); break;
                default: Bad<int>(issues, "state", $"'{part}' is not open, acknowledged, resolved or all."); break;
            }
        }

        return [.. states.Distinct()];
    }

    /// <summary>The same request with <c>after</c> set to the last id of this page (the other parameters as they were).</summary>
    private static string NextLink(HttpRequest request, long lastId)
    {
        var pairs = request.Query.Where(q => !string.Equals(q.Key, "after", StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .Append(new KeyValuePair<string, string?>("after", lastId.ToString(CultureInfo.InvariantCulture)));
        return request.PathBase + request.Path + QueryString.Create(pairs).ToUriComponent();
    }

    private static async Task<IResult> SetState(HttpContext context, IRecordStore store, RecordOptions options, ApiOptions api, long id, AlertState state)
    {
        var by = context.Request.Headers[options.UserHeader].ToString() is { Length: > 0 } header ? header : null;
        if (context.Request.ContentLength is not 0 && context.Request.ContentType is { Length: > 0 })
        {
            if (await ReadBody(context, api) is not { } body)
            {
                return context.Items[BodyProblem] as IResult ?? Results.BadRequest();
            }

            if (body.Length > 0)
            {
                try
                {
                    var request = JsonSerializer.Deserialize<AlertStateRequest>(body, JsonSerializerOptions.Web);
                    by = request?.By is { Length: > 0 } b ? b : by;
                }
                catch (JsonException e)
                {
                    return ApiResults.Problem(WireFormat.Json, StatusCodes.Status400BadRequest, "Unreadable JSON", "The body is not {\"by\": \"...\"}.",
                        [InputIssue.Error(ApiIssueCodes.InvalidParameter, "$", $"The body is not an object with a string `by`: {e.Message}")]);
                }
            }
        }

        if (await store.SetAlertStateAsync(id, state, by, context.RequestAborted).ConfigureAwait(false) is not { } alert)
        {
            var message = $"No alert has the id {id}.";
            return ApiResults.Problem(WireFormat.Json, StatusCodes.Status404NotFound, "Unknown alert", message, [InputIssue.Error(RecordIssueCodes.UnknownAlert, "id", message)]);
        }

        var log = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RecordApi));
        RecordLog.StateSet(log, id, state);
        return TypedResults.Ok(alert);
    }

    private static async Task<IResult> Erase(IRecordStore store, IOptions<RecordOptions> options, ILoggerFactory logs, [Description("The patient's id.")] string id, CancellationToken ct)
    {
        if (!options.Value.AllowErase)
        {
            const string message = "Erasing a patient is off on this host: set Hepatica:Record:AllowErase to true to allow it (docs/web.md, \"Erase\").";
            return ApiResults.Problem(WireFormat.Json, StatusCodes.Status403Forbidden, "Erase is off", message, [InputIssue.Error(RecordIssueCodes.EraseDisabled, "id", message)]);
        }

        if (!await store.ErasePatientAsync(id, ct).ConfigureAwait(false))
        {
            return UnknownPatient(id);
        }

        RecordLog.Erased(logs.CreateLogger(typeof(RecordApi)), id);
        return TypedResults.NoContent();
    }

    private static IResult UnknownPatient(string id)
    {
        var message = $"The record holds no patient with the id '{id}'.";
        return ApiResults.Problem(WireFormat.Json, StatusCodes.Status404NotFound, "Unknown patient", message, [InputIssue.Error(RecordIssueCodes.UnknownPatient, "id", message)]);
    }

    /// <summary>The key of <c>HttpContext.Items</c> where <see cref="ReadBody"/> leaves its problem.</summary>
    internal const string BodyProblem = "record.body-problem";

    /// <summary>The body within the API's limit; null with the problem in <c>Items</c> (413, or the client's fault).</summary>
    internal static async Task<byte[]?> ReadBody(HttpContext context, ApiOptions options)
    {
        var received = await RequestBody.ReadAsync(context, options.MaxRequestBodyBytes, context.RequestAborted).ConfigureAwait(false);
        if (received.Fault is { } fault)
        {
            context.RequestServices.GetRequiredService<Http.ClientFaultLog>().Report(context, fault);
            context.Items[BodyProblem] = ApiResults.Problem(WireFormat.Json, fault.StatusCode, Http.ClientFaultLog.Title(fault.StatusCode), fault.Message,
                [InputIssue.Error(ApiIssueCodes.BodyUnreadable, "$", $"The request body could not be read: {fault.Message}")]);
            return null;
        }

        if (received.Bytes is not { } body)
        {
            context.Items[BodyProblem] = ApiResults.Problem(WireFormat.Json, StatusCodes.Status413PayloadTooLarge, "Request body too large",
                $"The limit is {options.MaxRequestBodyBytes} bytes ({ApiOptions.Section}:MaxRequestBodyBytes).",
                [InputIssue.Error(ApiIssueCodes.BodyTooLarge, "$", options.TooLargeMessage())]);
            return null;
        }

        return body;
    }

    /// <summary>400 when the body is not JSON; 422 when FHIR was declared and the body is not a resource; else null.</summary>
    internal static IResult? CheckJson(byte[] body, bool declaredFhir)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (declaredFhir && (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("resourceType", out var type) || type.ValueKind != JsonValueKind.String))
            {
                const string message = "The body is declared application/fhir+json but is not a FHIR resource: it has no resourceType.";
                return ApiResults.Problem(WireFormat.Json, StatusCodes.Status422UnprocessableEntity, "Invalid input", message, [InputIssue.Error(RecordIssueCodes.NotAResource, "resourceType", message)]);
            }
        }
        catch (JsonException e)
        {
            return ApiResults.Problem(WireFormat.Json, StatusCodes.Status400BadRequest, "Unreadable JSON", "The body is not JSON.",
                [InputIssue.Error(IssueCodes.MalformedJson, "$", $"The body is not JSON: {e.Message}")]);
        }

        return null;
    }

    private static RouteHandlerBuilder StateBody(this RouteHandlerBuilder builder) =>
        builder.AddOpenApiOperationTransformer(async (operation, context, ct) =>
        {
            operation.RequestBody = new Microsoft.OpenApi.OpenApiRequestBody
            {
                Description = "Optional: who sets the state. Without it, the X-Hepatica-User header names them.",
                Required = false,
                Content = new Dictionary<string, Microsoft.OpenApi.OpenApiMediaType>
                {
                    [MediaTypes.Json] = new() { Schema = await context.GetOrCreateSchemaAsync(typeof(AlertStateRequest), null, ct) },
                },
            };
        });
}
