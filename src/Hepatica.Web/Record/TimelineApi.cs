using System.ComponentModel;
using Hepatica.Clinical.Scoring;
using Hepatica.Store;
using Hepatica.Web.Api;
using Microsoft.Extensions.Options;

namespace Hepatica.Web.Record;

/// <summary>
/// <c>POST /api/timeline</c> (docs/web.md, "The record"): the timeline the record would make of one input (a snapshot with
/// its series, or a FHIR Bundle), made by the record's builder and course rules (<see cref="UnstoredTimeline"/>) and answered
/// in the shape of <c>GET /api/record/patients/{id}/timeline</c>, without storing anything. Works with the record off.
/// </summary>
internal static class TimelineApi
{
    private const string InputText = "A FHIR R4 Bundle or resource as application/fhir+json, or a patient snapshot (docs/snapshot.md, with its "
        + "series of dated values) as application/json: one patient. Read as POST /api/record reads it; nothing is stored.";

    public static IEndpointRouteBuilder MapTimelineApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Record");
        if (app.ServiceProvider.GetRequiredService<IOptions<ApiOptions>>().Value.AllowedOrigins.Count > 0)
        {
            api.RequireCors(ScoringApi.CorsPolicy);
        }

        api.MapPost("/timeline", Timeline)
            .WithName("Timeline")
            .WithSummary("The timeline of the dated values given, as the record would make it (same entries, receipts, course facts and alert conditions), stored nowhere.")
            .WithDescription(InputText + " The receipts' arrivalIds number the input's resources from 1, as a record holding only this input would. "
                + "Unreadable JSON is 400; a refused input (any error, more than one patient, nothing to assess) is 422 with every issue.")
            .RequestBody(InputText, MediaTypes.FhirJson, MediaTypes.Json)
            .Produces<TimelineBody>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    /// <summary>The path of a stateless timeline, top to bottom: media type, body, parser, one patient, the record's builder and rules.</summary>
    private static async Task<IResult> Timeline(
        HttpContext context,
        IOptions<ApiOptions> options,
        IOptions<ProfileSetting> profile,
        TimeProvider clock,
        [Description("true: each entry also carries its whole assessment (tens of kilobytes each); default false.")] string? assessments = null)
    {
        if (MediaTypes.Input(context.Request) is not { } input)
        {
            return ApiResults.Problem(WireFormat.Json, StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                $"Send FHIR as {MediaTypes.FhirJson} or a snapshot as {MediaTypes.Json}.",
                [InputIssue.Error(ApiIssueCodes.UnsupportedMediaType, "Content-Type", $"Content-Type '{context.Request.ContentType}' is neither {MediaTypes.Json} nor {MediaTypes.FhirJson}.")]);
        }

        if (assessments is not (null or "" or "true" or "false"))
        {
            var message = $"'{assessments}' is not true or false.";
            return ApiResults.Problem(WireFormat.Json, StatusCodes.Status400BadRequest, "Invalid query parameter", message, [InputIssue.Error(ApiIssueCodes.InvalidParameter, "assessments", message)]);
        }

        if (await RecordApi.ReadBody(context, options.Value) is not { } body)
        {
            return context.Items[RecordApi.BodyProblem] as IResult ?? Results.BadRequest();
        }

        if (RecordApi.CheckJson(body, input == WireFormat.Fhir) is { } refusal)
        {
            return refusal;
        }

        var batches = IngestParser.Parse(body, "api");
        var issues = batches.SelectMany(b => b.Issues).ToList();
        if (batches.Count == 0 || batches.Any(b => !b.IsStorable) || batches.Count > 1)
        {
            if (batches.Count > 1 && !issues.Any(i => i.Severity == IssueSeverity.Error))
            {
                issues.Add(InputIssue.Error(RecordIssueCodes.OnePatientOnly, "$", $"The input holds {batches.Count} patients; a timeline is one patient's: send each patient's resources on their own."));
            }
            else if (!issues.Any(i => i.Severity == IssueSeverity.Error))
            {
                issues.Add(InputIssue.Error(IngestIssueCodes.NothingToStore, "$", "The input holds nothing to assess: no patient, or no resource the record keeps."));
            }

            var errors = issues.Count(i => i.Severity == IssueSeverity.Error);
            return ApiResults.Problem(WireFormat.Json, StatusCodes.Status422UnprocessableEntity, "Invalid input", $"{errors} error(s). See issues.", issues);
        }

        var timeline = UnstoredTimeline.Of(batches[0], profile.Value.Value, clock.GetUtcNow());
        if (assessments != "true")
        {
            timeline = timeline with { Entries = [.. timeline.Entries.Select(e => e with { AssessmentJson = null })] };
        }

        return TypedResults.Ok(TimelineBody.Of(timeline));
    }
}
