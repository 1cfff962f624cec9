using System.ComponentModel;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hepatica.Clinical;
using Hepatica.Json;
using Hepatica.Store;
using Hepatica.Web.Pages;
using Hepatica.Web.Record;
using Microsoft.Extensions.Options;

namespace Hepatica.Web.Api;

/// <summary>
/// Saved assessments, "receipts" (docs/web.md, "Receipts"): <c>POST /api/receipts</c> assesses exactly as
/// <c>POST /api/assess?explain=true</c> does and saves the request and the answer under a random id, so a link
/// (<c>/#receipt=ID</c>, <c>/report.html#receipt=ID</c>) reopens the same assessment without any patient data in the URL.
/// Kept for <see cref="PageOptions.ReceiptDays"/> days in the record's database, erased with the patient.
/// </summary>
internal static class ReceiptsApi
{
    private const string InputText = "The same body as POST /api/assess: a snapshot (application/json) or a FHIR R4 Bundle (application/fhir+json).";

    public static IEndpointRouteBuilder MapReceipts(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/receipts").WithTags("Receipts").AddEndpointFilter(RecordSetup.Unavailable).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        if (app.ServiceProvider.GetRequiredService<IOptions<ApiOptions>>().Value.AllowedOrigins.Count > 0)
        {
            api.RequireCors(ScoringApi.CorsPolicy);
        }

        api.MapPost("", Create)
            .WithName("CreateReceipt")
            .WithSummary("Assess one patient as POST /api/assess?explain=true does, and save the request and the answer under a random id.")
            .WithDescription(InputText + " Answers 201 with the id and the assessment; problems are those of POST /api/assess, and nothing is saved for them. "
                + "The receipt is kept for Hepatica:Pages:ReceiptDays days (default 30) and erased with the patient (DELETE /api/record/patients/{id}).")
            .RequestBody(InputText, MediaTypes.Json, MediaTypes.FhirJson)
            .Produces<ReceiptCreated>(StatusCodes.Status201Created, MediaTypes.Json)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapGet("/{id}", Get)
            .WithName("GetReceipt")
            .WithSummary("A saved assessment: the request as sent and the assessment as answered, byte for byte.")
            .WithDescription("404 when there is no such receipt (never saved, expired, or erased with the patient).")
            .Produces<ReceiptBody>(StatusCodes.Status200OK, MediaTypes.Json)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> Create(
        HttpContext context,
        IRecordStore store,
        IOptions<ApiOptions> options,
        IOptions<PageOptions> pages,
        TimeProvider clock,
        IOptions<ProfileSetting> setting,
        [Description("FHIR input: assess as of YYYY-MM-DD (end of that day, UTC) or YYYY-MM-DDTHH:MM:SSZ; default now. Not allowed with a snapshot.")] string? asOf = null,
        [Description("Guideline profile: us or uk; default: the Hepatica:Profile setting.")] string? profile = null)
    {
        context.Request.Headers.Accept = MediaTypes.Json; // a receipt is the JSON contract, full detail
        var (problem, made) = await ScoringApi.PrepareAsync(context, null, options.Value, clock, asOf, "true", profile ?? setting.Value.Profile).ConfigureAwait(false);
        if (made is null)
        {
            return problem!;
        }

        var assessment = Encoding.UTF8.GetString(ApiResults.AssessmentBytes(made.Assessment, Detail.Full, made.Read.Basis!, made.Read.Sources));
        var saved = new SavedAssessment(
            Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            clock.GetUtcNow(),
            Engine.Version,
            made.Input == WireFormat.Fhir ? MediaTypes.FhirJson : MediaTypes.Json,
            asOf,
            profile,
            made.Read.Snapshot?.Id,
            Encoding.UTF8.GetString(made.Body),
            assessment);
        await store.SaveAssessmentAsync(saved, TimeSpan.FromDays(pages.Value.ReceiptDays), context.RequestAborted).ConfigureAwait(false);
        using var document = JsonDocument.Parse(assessment);
        return TypedResults.Json(new ReceiptCreated(saved.Id, saved.CreatedAt, saved.EngineVersion, document.RootElement.Clone()), statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> Get(IRecordStore store, HttpContext context, [Description("The receipt id: 32 hex digits, as POST /api/receipts answered.")] string id)
    {
        if (id.Length != 32 || !id.All(char.IsAsciiHexDigitLower) || await store.SavedAssessmentAsync(id, context.RequestAborted).ConfigureAwait(false) is not { } saved)
        {
            const string message = "No saved assessment has this id (it may have expired or been erased).";
            return ApiResults.Problem(WireFormat.Json, StatusCodes.Status404NotFound, "Unknown receipt", message,
                [Clinical.Scoring.InputIssue.Error(ApiIssueCodes.UnknownReceipt, "id", message)]);
        }

        using var document = JsonDocument.Parse(saved.Assessment);
        return TypedResults.Json(new ReceiptBody(saved.Id, saved.CreatedAt, saved.EngineVersion, saved.ContentType, saved.AsOf, saved.Profile, saved.Input, document.RootElement.Clone()));
    }
}

/// <summary>A receipt just saved.</summary>
/// <param name="Id">The receipt id (32 hex digits): the link names this, never the patient.</param>
/// <param name="CreatedAt">When it was saved.</param>
/// <param name="EngineVersion">The engine version that assessed.</param>
/// <param name="Assessment">The assessment, full detail (docs/output.md), as POST /api/assess?explain=true answers it.</param>
internal sealed record ReceiptCreated(string Id, DateTimeOffset CreatedAt, string EngineVersion, JsonElement Assessment);

/// <summary>A saved assessment.</summary>
/// <param name="Id">The receipt id.</param>
/// <param name="CreatedAt">When it was saved.</param>
/// <param name="EngineVersion">The engine version that assessed.</param>
/// <param name="ContentType">The input's media type: application/json (a snapshot) or application/fhir+json (a FHIR Bundle).</param>
/// <param name="AsOf">The asOf parameter as sent, or null.</param>
/// <param name="Profile">The profile parameter as sent, or null (the host's default).</param>
/// <param name="Input">The request body as sent.</param>
/// <param name="Assessment">The assessment as answered, full detail (docs/output.md).</param>
internal sealed record ReceiptBody(string Id, DateTimeOffset CreatedAt, string EngineVersion, string ContentType, string? AsOf, string? Profile, string Input, JsonElement Assessment);
