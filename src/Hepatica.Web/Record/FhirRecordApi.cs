using System.ComponentModel;
using System.Text.Json;
using Hepatica.Clinical.Scoring;
using Hepatica.Fhir.Writing;
using Hepatica.Store;
using Hepatica.Web.Api;
using Hl7.Fhir.Model;
using Microsoft.Extensions.Options;

namespace Hepatica.Web.Record;

/// <summary>What a Subscription notification did.</summary>
/// <param name="Type">The notification's type: handshake, heartbeat, event-notification, query-status, query-event.</param>
/// <param name="Subscription">The Subscription it names, when it names one.</param>
/// <param name="Patients">What was stored, per patient (empty for handshake, heartbeat and query-status).</param>
/// <param name="Warnings">Warnings of the reader.</param>
internal sealed record NotificationResponse(string Type, string? Subscription, IReadOnlyList<IngestResult> Patients, IReadOnlyList<IssueBody> Warnings);

/// <summary>
/// The record's FHIR side (docs/web.md, "FHIR"): a rest-hook endpoint for topic-based Subscriptions of the R4
/// Subscriptions Backport IG (HL7 2023, STU 1.1), and read back of the newest assessment as Observation and
/// RiskAssessment searchset Bundles, re-made from its receipt.
/// </summary>
internal static class FhirRecordApi
{
    /// <summary>Codes of the Backport IG's notification types (CodeSystem backport-notification-type).</summary>
    private static readonly string[] StoreNothing = ["handshake", "heartbeat", "query-status"];

    private const string Unavailable = "The record's database cannot be reached, or its schema is newer than this host (REC005); retry after Retry-After.";

    private static readonly string[] CarryEvents = ["event-notification", "query-event"];

    public static IEndpointRouteBuilder MapFhirRecord(this IEndpointRouteBuilder app)
    {
        var fhir = app.MapGroup("/fhir").WithTags("FHIR").AddEndpointFilter(RecordSetup.Unavailable);
        fhir.MapPost("/subscription-notification", Notification)
            .WithName("SubscriptionNotification")
            .WithSummary("Rest-hook endpoint of an R4 topic-based Subscription (Subscriptions Backport IG): handshake, heartbeat, event notifications.")
            .WithDescription("Handshake, heartbeat and query-status answer 200 and store nothing. An event notification with full-resource "
                + "content is ingested as POST /api/record would ingest its resources (source subscription:{id}); id-only or empty content is "
                + "422: this endpoint fetches nothing, so the Subscription must ask for full-resource content.")
            .RequestBody("A subscription-notification Bundle (type history) whose first entry is the SubscriptionStatus Parameters.", MediaTypes.FhirJson, MediaTypes.Json)
            .Produces<NotificationResponse>(StatusCodes.Status200OK)
            .Responds(StatusCodes.Status400BadRequest, "The body is not JSON.", MediaTypes.FhirJson)
            .Responds(StatusCodes.Status413PayloadTooLarge, "The body is larger than Hepatica:Api:MaxRequestBodyBytes (API001).", MediaTypes.FhirJson)
            .Responds(StatusCodes.Status415UnsupportedMediaType, "Content-Type is neither application/fhir+json nor application/json (API002).", MediaTypes.FhirJson)
            .Responds(StatusCodes.Status422UnprocessableEntity, "Not a notification Bundle (ING006), id-only or empty content (ING005), or resources with errors: nothing stored.", MediaTypes.FhirJson)
            .Responds(StatusCodes.Status503ServiceUnavailable, Unavailable, MediaTypes.FhirJson);

        fhir.MapGet("/RiskAssessment", (IRecordStore store, HttpRequest request, [Description("The patient: an id or Patient/{id}.")] string? patient) => Search(store, request, patient, "RiskAssessment"))
            .WithName("SearchRiskAssessment")
            .WithSummary("The RiskAssessments of the patient's newest assessment, as a searchset Bundle (re-made from its receipt).")
            .Responds(StatusCodes.Status200OK, "A searchset Bundle; empty when the record holds no assessment of the patient.", MediaTypes.FhirJson)
            .Responds(StatusCodes.Status400BadRequest, "The patient parameter is missing (API003).", MediaTypes.FhirJson)
            .Responds(StatusCodes.Status503ServiceUnavailable, Unavailable, MediaTypes.FhirJson);

        fhir.MapGet("/Observation", (IRecordStore store, HttpRequest request, [Description("The patient: an id or Patient/{id}.")] string? patient) => Search(store, request, patient, "Observation"))
            .WithName("SearchObservation")
            .WithSummary("The score Observations of the patient's newest assessment, as a searchset Bundle (re-made from its receipt).")
            .Responds(StatusCodes.Status200OK, "A searchset Bundle; empty when the record holds no assessment of the patient.", MediaTypes.FhirJson)
            .Responds(StatusCodes.Status400BadRequest, "The patient parameter is missing (API003).", MediaTypes.FhirJson)
            .Responds(StatusCodes.Status503ServiceUnavailable, Unavailable, MediaTypes.FhirJson);
        return app;
    }

    /// <summary>A notification, top to bottom: media type, body, the status entry's type, then (events only) the resources ingested.</summary>
    private static async Task<IResult> Notification(HttpContext context, IRecordStore store, IOptions<ApiOptions> options, ILoggerFactory logs)
    {
        if (MediaTypes.Input(context.Request) is null)
        {
            return Refuse(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", ApiIssueCodes.UnsupportedMediaType, "Content-Type",
                $"Content-Type '{context.Request.ContentType}' is neither {MediaTypes.FhirJson} nor {MediaTypes.Json}.");
        }

        var received = await RequestBody.ReadAsync(context, options.Value.MaxRequestBodyBytes, context.RequestAborted).ConfigureAwait(false);
        if (received.Fault is { } fault)
        {
            context.RequestServices.GetRequiredService<Http.ClientFaultLog>().Report(context, fault);
            return Refuse(fault.StatusCode, Http.ClientFaultLog.Title(fault.StatusCode), ApiIssueCodes.BodyUnreadable, "$", $"The request body could not be read: {fault.Message}");
        }

        if (received.Bytes is not { } body)
        {
            return Refuse(StatusCodes.Status413PayloadTooLarge, "Request body too large", ApiIssueCodes.BodyTooLarge, "$", options.Value.TooLargeMessage());
        }

        Status? status;
        try
        {
            using var document = JsonDocument.Parse(body);
            status = ReadStatus(document.RootElement, out var problem);
            if (status is null)
            {
                return Refuse(StatusCodes.Status422UnprocessableEntity, "Not a subscription notification", IngestIssueCodes.NotificationUnreadable, problem.Path, problem.Message);
            }
        }
        catch (JsonException e)
        {
            return Refuse(StatusCodes.Status400BadRequest, "Unreadable JSON", Hepatica.Fhir.FhirIssueCodes.MalformedJson, "$", $"The body is not JSON: {e.Message}");
        }

        var log = logs.CreateLogger(typeof(FhirRecordApi));
        var subscription = status.Subscription ?? "unnamed";
        if (StoreNothing.Contains(status.Type, StringComparer.Ordinal))
        {
            RecordLog.Notification(log, status.Type, subscription);
            return TypedResults.Ok(new NotificationResponse(status.Type, status.Subscription, [], []));
        }

        if (!status.FullResource)
        {
            return Refuse(StatusCodes.Status422UnprocessableEntity, "Full-resource content required", IngestIssueCodes.FullResourceRequired, "Bundle.entry",
                "The notification carries no resources (id-only or empty content). This endpoint fetches nothing: set the Subscription's "
                + "payload content to full-resource (Backport IG extension backport-payload-content).");
        }

        var source = "subscription:" + SubscriptionId(subscription);
        var outcome = await RecordIngest.Run(store, body, source, context.RequestAborted).ConfigureAwait(false);
        if (outcome.Refused)
        {
            var errors = outcome.Issues.Count(i => i.Severity == IssueSeverity.Error);
            RecordLog.Refused(log, source, errors);
            return ApiResults.Problem(WireFormat.Fhir, StatusCodes.Status422UnprocessableEntity, "Invalid input", "Nothing was stored.", outcome.Issues);
        }

        foreach (var r in outcome.Results)
        {
            RecordLog.Ingested(log, source, r.PatientId, r.Stored, r.Duplicates, r.Superseded, r.AssessmentsMade, r.AlertsFired, r.AlertsUpdated);
        }

        return TypedResults.Ok(new NotificationResponse(status.Type, status.Subscription, outcome.Results, [.. outcome.Issues.Select(IssueBody.Of)]));
    }

    /// <summary>The notification's status entry read: its type, subscription, and whether every other entry carries its resource.</summary>
    private sealed record Status(string Type, string? Subscription, bool FullResource);

    private static Status? ReadStatus(JsonElement root, out (string Path, string Message) problem)
    {
        problem = ("$", "The body is not a Bundle.");
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("resourceType", out var rt) || rt.ValueKind != JsonValueKind.String || rt.GetString() != "Bundle")
        {
            return null;
        }

        if (!root.TryGetProperty("entry", out var entries) || entries.ValueKind != JsonValueKind.Array || entries.GetArrayLength() == 0
            || !entries[0].TryGetProperty("resource", out var first) || first.ValueKind != JsonValueKind.Object)
        {
            problem = ("Bundle.entry[0]", "A notification Bundle's first entry is its SubscriptionStatus (Parameters in R4); there is none.");
            return null;
        }

        var (type, subscription) = first.TryGetProperty("resourceType", out var firstType) && firstType.ValueKind == JsonValueKind.String ? firstType.GetString() switch
        {
            "Parameters" => (Parameter(first, "type", "valueCode"), Reference(first)),
            "SubscriptionStatus" => (Text(first, "type"), first.TryGetProperty("subscription", out var s) ? Text(s, "reference") : null),
            _ => (null, null),
        } : (null, null);
        if (type is null)
        {
            problem = ("Bundle.entry[0].resource", "The first entry is not a SubscriptionStatus (Parameters with a type parameter, R4 Backport IG).");
            return null;
        }

        if (!StoreNothing.Contains(type, StringComparer.Ordinal) && !CarryEvents.Contains(type, StringComparer.Ordinal))
        {
            problem = ("Bundle.entry[0].resource.parameter", $"'{type}' is not a notification type of the Backport IG (handshake, heartbeat, event-notification, query-status, query-event).");
            return null;
        }

        var others = entries.EnumerateArray().Skip(1).ToList();
        var full = others.Count > 0 && others.All(e => e.TryGetProperty("resource", out var r) && r.ValueKind == JsonValueKind.Object);
        return new Status(type, subscription, full);
    }

    private static string? Text(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string? Parameter(JsonElement parameters, string name, string value)
    {
        if (!parameters.TryGetProperty("parameter", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        return list.EnumerateArray().Where(p => p.ValueKind == JsonValueKind.Object && Text(p, "name") == name).Select(p => Text(p, value)).FirstOrDefault(v => v is not null);
    }

    private static string? Reference(JsonElement parameters)
    {
        if (!parameters.TryGetProperty("parameter", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        return list.EnumerateArray()
            .Where(p => p.ValueKind == JsonValueKind.Object && Text(p, "name") == "subscription" && p.TryGetProperty("valueReference", out _))
            .Select(p => Text(p.GetProperty("valueReference"), "reference"))
            .FirstOrDefault(v => v is not null);
    }

    /// <summary>The Subscription's id (the last segment of its reference), kept to letters, digits, '-' and '.'.</summary>
    private static string SubscriptionId(string reference)
    {
        var last = reference.TrimEnd('/').Split('/')[^1];
        var id = new string([.. last.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.').Take(64)]);
        return id.Length > 0 ? id : "unnamed";
    }

    /// <summary>
    /// A searchset Bundle of the resources of <paramref name="type"/> in the newest assessment of the patient: the
    /// assessment re-made from its receipt (Replay.Rerun) and written by FhirAssessmentWriter, as POST /api/assess with
    /// Accept: application/fhir+json writes it.
    /// </summary>
    private static async Task<IResult> Search(IRecordStore store, HttpRequest request, string? patient, string type)
    {
        if (string.IsNullOrWhiteSpace(patient))
        {
            return Refuse(StatusCodes.Status400BadRequest, "Invalid query parameter", ApiIssueCodes.InvalidParameter, "patient", "The patient parameter is required (an id or Patient/{id}).");
        }

        var id = patient.StartsWith("Patient/", StringComparison.Ordinal) ? patient["Patient/".Length..] : patient;
        var matches = new List<Bundle.EntryComponent>();
        if (await store.TimelineAsync(id, withAssessments: false, request.HttpContext.RequestAborted).ConfigureAwait(false) is { Entries: [.., var newest] })
        {
            var arrivals = await store.ArrivalsAsync(id, request.HttpContext.RequestAborted).ConfigureAwait(false);
            var remade = Replay.Rerun(newest.Receipt, arrivals);
            var written = FhirAssessmentWriter.Write(remade.Assessment, remade.WriteContext);
            matches.AddRange(written.Entry.Where(e => e.Resource?.TypeName == type).Select(e => new Bundle.EntryComponent
            {
                FullUrl = e.FullUrl,
                Resource = e.Resource,
                Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match },
            }));
        }

        var bundle = new Bundle { Type = Bundle.BundleType.Searchset, Total = matches.Count };
        bundle.Link.Add(new Bundle.LinkComponent { Relation = "self", Url = $"{request.PathBase}{request.Path}{request.QueryString}" });
        bundle.Entry.AddRange(matches);
        return ApiResults.Fhir(bundle);
    }

    private static IResult Refuse(int status, string title, string code, string path, string message) =>
        ApiResults.Problem(WireFormat.Fhir, status, title, message, [InputIssue.Error(code, path, message)]);
}
