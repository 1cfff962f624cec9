using System.ComponentModel;
using Hepatica.Clinical;
using Hepatica.Clinical.Scoring;
using Hepatica.Fhir;
using Hepatica.Fhir.Writing;
using Hepatica.Json;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Hepatica.Web.Api;

/// <summary>The REST API under /api: the catalog, one score, a whole assessment (docs/web.md).</summary>
internal static class ScoringApi
{
    private const string InputText = "A patient snapshot (application/json, docs/snapshot.md) or a FHIR R4 Bundle (application/fhir+json, "
        + "or application/json with a top-level resourceType; docs/fhir.md).";

    private const string OutputText = " The response is the assessment JSON contract (docs/output.md; compact unless explain=true, "
        + "which gives the bytes of `hepatica assess --format json`) or, with Accept: application/fhir+json, a FHIR Bundle. "
        + "Unreadable JSON is 400, a readable document with errors 422 (ProblemDetails listing every issue, or an OperationOutcome "
        + "for FHIR); warnings alone are 200 with the warnings inside.";

    private const string AssessmentText = "The assessment (docs/output.md) as application/json, or a FHIR Bundle as application/fhir+json; "
        + "warnings, if any, are inside.";

    private const string UnknownIdText = "No score has this id; the problem's `knownIds` lists the ids there are (API005).";

    /// <summary>The CORS policy of /api: only the configured <see cref="ApiOptions.AllowedOrigins"/>.</summary>
    public const string CorsPolicy = "api";

    /// <summary>Settings, the clock and the OpenAPI document description the API needs.</summary>
    public static IServiceCollection AddScoringApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApiOptions>()
            .Bind(configuration.GetSection(ApiOptions.Section))
            .Validate(o => o.MaxRequestBodyBytes > 0, $"{ApiOptions.Section}:MaxRequestBodyBytes must be a positive number of bytes.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddCors(o => o.AddPolicy(CorsPolicy, p => p.WithMethods("GET", "POST").WithHeaders("Content-Type", "Accept")));
        services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>().Configure<IOptions<ApiOptions>>((cors, api) =>
        {
            foreach (var origin in api.Value.AllowedOrigins)
            {
                cors.GetPolicy(CorsPolicy)!.Origins.Add(origin.TrimEnd('/'));
            }
        });
        services.Configure<Microsoft.AspNetCore.OpenApi.OpenApiOptions>("v1", ApiDocument.Configure);
        return services;
    }

    public static IEndpointRouteBuilder MapScoringApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Scoring");
        if (app.ServiceProvider.GetRequiredService<IOptions<ApiOptions>>().Value.AllowedOrigins.Count > 0)
        {
            api.RequireCors(CorsPolicy); // no CORS metadata at all otherwise: a preflight gets no Access-Control-Allow-Origin
        }

        api.MapPost("/assess", Assess)
            .WithName("Assess")
            .WithSummary("Assess one patient: every score whose inputs are present, what is missing for the rest, and the sections.")
            .WithDescription(InputText + OutputText)
            .RequestBody(InputText, MediaTypes.Json, MediaTypes.FhirJson)
            .Responds(StatusCodes.Status200OK, AssessmentText, MediaTypes.Json, MediaTypes.FhirJson)
            .RespondsJson(StatusCodes.Status200OK, ContractSchemas.Assessment)
            .ProducesInputProblems();

        api.MapGet("/scores", ListScores)
            .WithName("ListScores")
            .WithSummary("The score catalog: every score with its version, range, rounding, inputs and citations.")
            .WithDescription("The same JSON as `hepatica scores --format json`.")
            .Responds(StatusCodes.Status200OK, "An array with one object per score, in catalog order.", MediaTypes.Json)
            .RespondsJsonArray(StatusCodes.Status200OK, FhirSchemas.ScoreDefinition);

        api.MapGet("/scores/{id}", GetScore)
            .WithName("GetScore")
            .WithSummary("One score's definition.")
            .WithDescription("One element of the catalog; 404 with the known ids for an unknown id.")
            .Responds(StatusCodes.Status200OK, "The score's definition: id, version, name, range, rounding, inputs, citations.", MediaTypes.Json)
            .RespondsJson(StatusCodes.Status200OK, FhirSchemas.ScoreDefinition)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .Responds(StatusCodes.Status404NotFound, UnknownIdText);

        api.MapPost("/scores/{id}", Score)
            .WithName("Score")
            .WithSummary("Compute one score on a patient.")
            .WithDescription(InputText + OutputText + " The same as `hepatica score ID FILE --format json`; 404 with the known ids for an unknown id.")
            .RequestBody(InputText, MediaTypes.Json, MediaTypes.FhirJson)
            .Responds(StatusCodes.Status200OK, AssessmentText + " Only the one score is in `scores`.", MediaTypes.Json, MediaTypes.FhirJson)
            .RespondsJson(StatusCodes.Status200OK, ContractSchemas.Assessment)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .Responds(StatusCodes.Status404NotFound, UnknownIdText, MediaTypes.FhirJson)
            .ProducesInputProblems();

        return app;
    }

    private static Task<IResult> Assess(
        HttpContext context,
        IOptions<ApiOptions> options,
        TimeProvider clock,
        IOptions<ProfileSetting> setting,
        [Description("FHIR input: assess as of YYYY-MM-DD (end of that day, UTC) or YYYY-MM-DDTHH:MM:SSZ; default now. Not allowed with a snapshot, which gives its own assessmentDate.")] string? asOf = null,
        [Description("true for full detail: every step of every score, full citations, patient texts, missing inputs per score.")] string? explain = null,
        [Description("Guideline profile: us (OPTN, AASLD, ACIP) or uk (NHSBT liver selection policy, UKELD); default: the Hepatica:Profile setting (us unless configured).")] string? profile = null) =>
        Evaluate(context, null, options.Value, clock, asOf, explain, profile ?? setting.Value.Profile);

    private static IResult ListScores() => ApiResults.Json(w =>
    {
        w.WriteStartArray();
        foreach (var entry in ScoreCatalog.All)
        {
            AssessmentWriter.WriteDefinition(w, entry.Definition);
        }

        w.WriteEndArray();
    });

    private static IResult GetScore([Description("Score id, e.g. meld-3.0 (GET /api/scores lists them).")] string id) =>
        ScoreCatalog.Find(id) is { } entry
            ? ApiResults.Json(w => AssessmentWriter.WriteDefinition(w, entry.Definition))
            : UnknownScore(WireFormat.Json, id);

    private static async Task<IResult> Score(
        HttpContext context,
        IOptions<ApiOptions> options,
        TimeProvider clock,
        IOptions<ProfileSetting> setting,
        [Description("Score id, e.g. meld-3.0 (GET /api/scores lists them).")] string id,
        [Description("FHIR input: assess as of YYYY-MM-DD (end of that day, UTC) or YYYY-MM-DDTHH:MM:SSZ; default now.")] string? asOf = null,
        [Description("true for full detail: every step, full citations, missing inputs.")] string? explain = null,
        [Description("Guideline profile: us (OPTN, AASLD, ACIP) or uk (NHSBT liver selection policy, UKELD); default: the Hepatica:Profile setting (us unless configured).")] string? profile = null)
    {
        if (ScoreCatalog.Find(id) is not { } entry)
        {
            return UnknownScore(MediaTypes.Output(context.Request) ?? WireFormat.Json, id);
        }

        return await Evaluate(context, entry, options.Value, clock, asOf, explain, profile ?? setting.Value.Profile).ConfigureAwait(false);
    }

    /// <summary>The path of a request, top to bottom: negotiate, read the body, read the patient, assess, render.</summary>
    private static async Task<IResult> Evaluate(HttpContext context, CatalogEntry? only, ApiOptions options, TimeProvider clock, string? asOfText, string? explainText, string profileText)
    {
        var (problem, made) = await PrepareAsync(context, only, options, clock, asOfText, explainText, profileText).ConfigureAwait(false);
        if (made is null)
        {
            return problem!;
        }

        return made.Output == WireFormat.Fhir
            ? ApiResults.Fhir(FhirAssessmentWriter.Write(made.Assessment, made.Read.WriteContext))
            : ApiResults.Assessment(made.Assessment, made.Explain ? Detail.Full : Detail.Compact, made.Read.Basis!, made.Read.Sources);
    }

    /// <summary>
    /// Everything of <see cref="Evaluate"/> but the rendering: the problem to answer, or the assessment with what it was
    /// made from (the receipts route renders and saves the same).
    /// </summary>
    internal static async Task<(IResult? Problem, PreparedAssessment? Made)> PrepareAsync(HttpContext context, CatalogEntry? only, ApiOptions options, TimeProvider clock, string? asOfText, string? explainText, string profileText)
    {
        context.Response.Headers.Vary = "Accept";
        if (MediaTypes.Output(context.Request) is not { } output)
        {
            return (ApiResults.Problem(WireFormat.Json, StatusCodes.Status406NotAcceptable, "Not acceptable",
                $"The response is {MediaTypes.Json} or {MediaTypes.FhirJson}.",
                [InputIssue.Error(ApiIssueCodes.NotAcceptable, "Accept", $"Accept allows neither {MediaTypes.Json} nor {MediaTypes.FhirJson}.")]), null);
        }

        if (MediaTypes.Input(context.Request) is not { } input)
        {
            return (ApiResults.Problem(output, StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                $"Send a snapshot as {MediaTypes.Json} or a FHIR Bundle as {MediaTypes.FhirJson}.",
                [InputIssue.Error(ApiIssueCodes.UnsupportedMediaType, "Content-Type", $"Content-Type '{context.Request.ContentType}' is neither {MediaTypes.Json} nor {MediaTypes.FhirJson}.")]), null);
        }

        if (!TryParseFlag(explainText, out var explain))
        {
            return (BadParameter(output, "explain", $"'{explainText}' is not true or false."), null);
        }

        if (GuidelineProfiles.Parse(profileText) is not { } profile)
        {
            return (BadParameter(output, "profile", $"'{profileText}' is not a guideline profile: {GuidelineProfiles.AcceptedIds}."), null);
        }

        var received = await RequestBody.ReadAsync(context, options.MaxRequestBodyBytes, context.RequestAborted).ConfigureAwait(false);
        if (received.Fault is { } fault)
        {
            context.RequestServices.GetRequiredService<Http.ClientFaultLog>().Report(context, fault);
            return (ApiResults.Problem(output, fault.StatusCode, Http.ClientFaultLog.Title(fault.StatusCode), fault.Message,
                [InputIssue.Error(ApiIssueCodes.BodyUnreadable, "$", $"The request body could not be read: {fault.Message}")]), null);
        }

        if (received.Bytes is not { } body)
        {
            return (ApiResults.Problem(output, StatusCodes.Status413PayloadTooLarge, "Request body too large",
                $"The limit is {options.MaxRequestBodyBytes} bytes ({ApiOptions.Section}:MaxRequestBodyBytes).",
                [InputIssue.Error(ApiIssueCodes.BodyTooLarge, "$", options.TooLargeMessage())]), null);
        }

        var read = InputReader.Read(body, asOfText, clock, "asOf", declaredFhir: input == WireFormat.Fhir);
        var issues = read.Issues;
        if (issues.FirstOrDefault(i => i.Code == FhirIssueCodes.AsOfNotAccepted) is { } refused)
        {
            return (ApiResults.Problem(output, StatusCodes.Status400BadRequest, "Invalid query parameter", refused.Message, [refused]), null);
        }

        if (read.Snapshot is not { } snapshot || issues.Any(i => i.Severity == IssueSeverity.Error))
        {
            var unreadable = issues.Any(i => i.Code is IssueCodes.MalformedJson or IssueCodes.EmptyInput or FhirIssueCodes.MalformedJson);
            return (ApiResults.Problem(output, unreadable ? StatusCodes.Status400BadRequest : StatusCodes.Status422UnprocessableEntity,
                unreadable ? "Unreadable JSON" : "Invalid input",
                $"{issues.Count(i => i.Severity == IssueSeverity.Error)} error(s) in the {(read.IsFhir ? "FHIR Bundle" : "snapshot")}; see issues.",
                issues), null);
        }

        var assessment = only is null ? Assessment.Of(snapshot, profile) : Assessment.OfScore(snapshot, only, profile);
        return (null, new PreparedAssessment(assessment, read, output, input, explain, body));
    }

    private static bool TryParseFlag(string? text, out bool value)
    {
        value = false;
        return string.IsNullOrEmpty(text) || bool.TryParse(text, out value);
    }

    private static IResult BadParameter(WireFormat output, string name, string message) =>
        ApiResults.Problem(output, StatusCodes.Status400BadRequest, "Invalid query parameter", message,
            [InputIssue.Error(ApiIssueCodes.InvalidParameter, name, message)]);

    private static IResult UnknownScore(WireFormat output, string id)
    {
        var known = ScoreCatalog.All.Select(e => e.Definition.Id).ToArray();
        var message = $"No score has the id '{id}'. Known: {string.Join(", ", known)}.";
        return ApiResults.Problem(output, StatusCodes.Status404NotFound, "Unknown score", message,
            [InputIssue.Error(ApiIssueCodes.UnknownScore, "id", message)], new Dictionary<string, object?> { ["knownIds"] = known });
    }

    private static RouteHandlerBuilder ProducesInputProblems(this RouteHandlerBuilder builder) => builder
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status406NotAcceptable)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
        .Responds(StatusCodes.Status400BadRequest, "The body is not JSON (issue SNP001, SNP005 or FHR001), asOf is invalid or given with a snapshot (FHR023, as in the CLI), or another query parameter is invalid (API003).", MediaTypes.FhirJson)
        .Responds(StatusCodes.Status406NotAcceptable, "Accept allows neither application/json nor application/fhir+json (API004).")
        .Responds(StatusCodes.Status413PayloadTooLarge, "The body is larger than Hepatica:Api:MaxRequestBodyBytes (API001).", MediaTypes.FhirJson)
        .Responds(StatusCodes.Status415UnsupportedMediaType, "Content-Type is neither application/json nor application/fhir+json (API002).", MediaTypes.FhirJson)
        .Responds(StatusCodes.Status422UnprocessableEntity, "The JSON is readable but has errors (LAB, SNP, DAT, FHR ... codes): every issue is listed, warnings too.", MediaTypes.FhirJson);
}

/// <summary>An assessment made from a request, with what it was made from.</summary>
/// <param name="Assessment">The assessment.</param>
/// <param name="Read">The input as read (sources, as-of basis, FHIR write context).</param>
/// <param name="Output">The response format asked for.</param>
/// <param name="Input">The input format.</param>
/// <param name="Explain">Full detail asked for.</param>
/// <param name="Body">The request body as received.</param>
internal sealed record PreparedAssessment(Assessment Assessment, InputRead Read, WireFormat Output, WireFormat Input, bool Explain, byte[] Body);
