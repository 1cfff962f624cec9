using System.Text.Json;
using Hepatica.Clinical;
using Hepatica.Clinical.Scoring;
using Hepatica.Fhir;
using Hepatica.Json;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Hepatica.Web.CdsHooks;

/// <summary>CDS Hooks 2.0 under /cds-services: discovery, patient-view, order-select, feedback (docs/cds-hooks.md).</summary>
internal static class CdsHooksApi
{
    public static IServiceCollection AddCdsHooks(this IServiceCollection services)
    {
        services.AddOptions<CdsHooksOptions>().BindConfiguration(CdsHooksOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CdsHooksOptions>, CdsHooksOptionsValidation>();
        services.TryAddTimeProvider();
        services.AddSingleton<JwksCache>();
        services.AddSingleton<CdsJwtValidator>();
        services.AddSingleton<PrefetchResolver>();
        services.AddSingleton<FeedbackStore>();

        // Both outgoing clients follow no redirect and connect only to configured servers (Outbound): the FHIR client to
        // AllowedFhirServers, the JWKS client to the issuers' JwksUrl.
        // Neither logs through IHttpClientFactory's default loggers (each failed request with its stack trace): the JWKS
        // cache logs an unreadable key set once, with the reason (CdsLog.JwksUnreadable), and the request is refused 401.
        services.AddHttpClient(JwksCache.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(5))
            .ConfigurePrimaryHttpMessageHandler(sp => Outbound.Handler(() =>
                sp.GetRequiredService<IOptions<CdsHooksOptions>>().Value.Issuers.Select(i => i.JwksUrl).OfType<string>()))
            .RemoveAllLoggers();
        // The FHIR client logs nothing itself: IHttpClientFactory's default loggers write each failed request (an
        // unreachable fhirServer, a timeout) as a Warning with the exception's stack trace, while a failed fetch is an
        // expected 412 that the call logs once, with the reason (CdsLog.PrefetchUnavailable).
        services.AddHttpClient(PrefetchResolver.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => Outbound.Handler(() => sp.GetRequiredService<IOptions<CdsHooksOptions>>().Value.AllowedFhirServers))
            .RemoveAllLoggers();
        services.AddCors(o => o.AddPolicy(CorsPolicy, p => p.WithMethods("GET", "POST").WithHeaders("Authorization", "Content-Type", "Accept")
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));
        services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>().Configure<IOptions<CdsHooksOptions>>((cors, cds) =>
        {
            var policy = cors.GetPolicy(CorsPolicy)!;
            policy.Origins.Clear();
            if (cds.Value.AllowedOrigins is { } origins)
            {
                foreach (var origin in origins)
                {
                    policy.Origins.Add(origin.TrimEnd('/'));
                }
            }
            else
            {
                policy.Origins.Add("*"); // any origin, never with credentials: the JWT protects the services
            }
        });
        return services;
    }

    /// <summary>The CORS policy of /cds-services (CDS Hooks 2.0: browser-based CDS clients need CORS).</summary>
    public const string CorsPolicy = "cds-hooks";

    public static IEndpointRouteBuilder MapCdsHooks(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptions<CdsHooksOptions>>().Value;
        var log = app.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CdsHooksApi));
        if (!options.RequireJwt)
        {
            CdsLog.JwtOff(log);
        }
        else if (string.IsNullOrEmpty(options.PublicBaseUrl) && !app.ServiceProvider.GetRequiredService<IHostEnvironment>().IsDevelopment())
        {
            CdsLog.NoPublicBaseUrl(log);
        }

        var api = app.MapGroup("/cds-services").WithTags("CDS Hooks").RequireCors(CorsPolicy).AddEndpointFilter(CheckJwt);
        api.MapGet("", () => TypedResults.Json(new DiscoveryResponse(CdsServices.All), CdsJson.Options)).WithName("Discovery").DescribedAsDiscovery();
        api.MapPost("/{id}", Call).WithName("CallService").DescribedAsCall();
        api.MapPost("/{id}/feedback", Feedback).WithName("Feedback").DescribedAsFeedback();
        return app;
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }

    /// <summary>
    /// Every call, discovery included, carries the CDS client's JWT unless RequireJwt is explicitly false. The expected
    /// <c>aud</c> is PublicBaseUrl + path; only in Development may it come from the request (scheme, Host, path base):
    /// elsewhere, without PublicBaseUrl, every call is refused, so a token minted for another host is never accepted.
    /// </summary>
    private static async ValueTask<object?> CheckJwt(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var options = http.RequestServices.GetRequiredService<IOptions<CdsHooksOptions>>().Value;
        if (options.RequireJwt)
        {
            var request = http.Request;
            if (string.IsNullOrEmpty(options.PublicBaseUrl) && !http.RequestServices.GetRequiredService<IHostEnvironment>().IsDevelopment())
            {
                http.Response.Headers.WWWAuthenticate = "Bearer";
                return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The CDS client's JWT cannot be checked.",
                    detail: $"{CdsHooksOptions.Section}:PublicBaseUrl is not set: the expected aud (this service's public URL) is unknown, "
                        + "and outside Development it is never taken from the request's Host header. Set it, e.g. https://cds.example.org.");
            }

            var baseUrl = string.IsNullOrEmpty(options.PublicBaseUrl)
                ? $"{request.Scheme}://{request.Host}{request.PathBase}"
                : options.PublicBaseUrl.TrimEnd('/');
            var audience = baseUrl + request.Path;
            var refused = await http.RequestServices.GetRequiredService<CdsJwtValidator>()
                .Check(request.Headers.Authorization.ToString() is { Length: > 0 } h ? h : null, audience, http.RequestAborted);
            if (refused is { } r)
            {
                if (r.Status == StatusCodes.Status401Unauthorized)
                {
                    http.Response.Headers.WWWAuthenticate = "Bearer";
                }
                else
                {
                    http.Response.Headers.RetryAfter = "1";
                }

                return TypedResults.Problem(statusCode: r.Status, title: "The CDS client's JWT was not accepted.", detail: r.Reason);
            }
        }

        return await next(context);
    }

    /// <summary>
    /// A service call, as its steps: the body (within the limit), the request read and checked, the prefetch resolved,
    /// the patient assessed, the cards. Each refusal is a ProblemDetails with coded issues, as under /api.
    /// </summary>
    private static async Task<Results<JsonHttpResult<CdsResponse>, ProblemHttpResult, NotFound>> Call(
        string id, HttpRequest http, PrefetchResolver prefetch, TimeProvider clock, IOptions<CdsHooksOptions> options, CancellationToken ct)
    {
        if (CdsServices.Find(id) is not { } service)
        {
            return TypedResults.NotFound();
        }

        var (bytes, refused) = await ReadBody(http, options.Value, ct);
        if (refused is not null)
        {
            return refused;
        }

        var problems = new List<InputIssue>();
        using var document = ParseJson(bytes, problems);
        if (document is null || ReadCall(document.RootElement, service, problems) is not { } call)
        {
            return BadRequest(problems);
        }

        var resolved = await prefetch.Resolve(service, call.Request, ct);
        if (resolved.Problems.Count > 0)
        {
            return BadRequest(resolved.Problems);
        }

        if (resolved.Unavailable.Count > 0)
        {
            return PreconditionFailed(service, call.Request, resolved, http.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CdsHooksApi)));
        }

        var now = clock.GetUtcNow();
        var profile = http.HttpContext.RequestServices.GetRequiredService<IOptions<ProfileSetting>>().Value.Value;
        if (Assess(call, resolved.Resources, now, profile) is not { } assessment)
        {
            return TypedResults.Json(new CdsResponse([]), CdsJson.Options); // no Patient: nothing can be said
        }

        // patient-view: what changed since the last visit, when the record holds the patient (TrendCards).
        var trends = call.Drafts is null
            ? await TrendCards.For(http.HttpContext.RequestServices, call.PatientId, ct)
            : [];
        var launch = http.HttpContext.RequestServices.GetRequiredService<IOptions<Pages.PageOptions>>().Value.Smart.LaunchUrl;
        return TypedResults.Json(WithAppLink(Cards(call, assessment, now, trends), launch, call.Request.Hook), CdsJson.Options);
    }

    /// <summary>
    /// With <c>Hepatica:Pages:Smart:LaunchUrl</c> set, every card links to the app on the same patient (a SMART link: the
    /// EHR launches it with its own launch context; <c>appContext</c> names the hook and the card, no patient data).
    /// </summary>
    private static CdsResponse WithAppLink(CdsResponse response, string? launchUrl, string hook)
    {
        if (string.IsNullOrEmpty(launchUrl))
        {
            return response;
        }

        var cards = response.Cards.Select(c => c with
        {
            Links = [.. c.Links ?? [], new CardLink("Open in Hepatica", launchUrl, "smart", System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { ["hook"] = hook, ["card"] = c.Uuid }))],
        }).ToList();
        return response with { Cards = cards };
    }

    /// <summary>A checked call: the request, and for order-select the draft orders with the selected ids.</summary>
    private sealed record HookCall(CdsRequest Request, string PatientId, Bundle? Drafts, IReadOnlyList<string> Selections);

    /// <summary>The body as a JSON document, or null with the issue (not JSON, or a string that is not text).</summary>
    private static JsonDocument? ParseJson(byte[] bytes, List<InputIssue> problems)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException e)
        {
            problems.Add(InputIssue.Error(CdsIssueCodes.NotJson, "$", $"the body is not JSON: {e.Message}"));
            return null;
        }

        // JsonDocument accepts an escape that is not UTF-16 text (a lone surrogate) and throws when the string is read:
        // refuse the body once, here, for every string in it (context, prefetch, draft orders).
        if (JsonInput.FindUndecodable(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(document.RootElement)) is { } escape)
        {
            document.Dispose();
            problems.Add(InputIssue.Error(CdsIssueCodes.NotJson, "$", $"the body is not JSON: {escape}"));
            return null;
        }

        return document;
    }

    /// <summary>The request read and checked against the service (its hook, the context it needs), or null with every problem.</summary>
    private static HookCall? ReadCall(JsonElement root, CdsService service, List<InputIssue> problems)
    {
        var request = CdsRequest.Read(root, problems);
        if (request is null)
        {
            return null;
        }

        if (request.Hook != service.Hook)
        {
            problems.Add(InputIssue.Error(CdsIssueCodes.WrongHook, "hook", $"hook must be '{service.Hook}' for service '{service.Id}'"));
        }

        foreach (var required in (string[])["userId", "patientId"])
        {
            if (request.ContextString(required) is null)
            {
                problems.Add(CdsIssueCodes.Invalid("context." + required, $"context.{required} is required (a string)"));
            }
        }

        var (drafts, selections) = service.Hook == "order-select" ? ReadOrders(request.Context, problems) : (null, new List<string>());
        return problems.Count > 0 ? null : new HookCall(request, request.ContextString("patientId")!, drafts, selections);
    }

    /// <summary>
    /// The 412 for keys neither prefetched nor fetchable: an expected outcome of the client's request, so one log line
    /// (Warning when this host's settings are the cause, else Information), never an exception. The body names every key
    /// (<c>missingPrefetch</c>), each with its query and reason as a CDS006 issue, and whether fhirServer may be fetched from.
    /// </summary>
    private static ProblemHttpResult PreconditionFailed(CdsService service, CdsRequest request, PrefetchResult resolved, ILogger log)
    {
        var keys = resolved.Unavailable.Select(u => u.Key).ToArray();
        var issues = resolved.Unavailable.Select(u => InputIssue.Error(CdsIssueCodes.PrefetchUnavailable, "prefetch." + u.Key, $"prefetch.{u.Key}: {u.Reason}")).ToList();
        var reasons = string.Join("; ", issues.Select(i => i.Message));
        CdsLog.PrefetchUnavailable(log, resolved.Unavailable.Any(u => u.HostSide) ? LogLevel.Warning : LogLevel.Information, service.Id, reasons);
        var extensions = new Dictionary<string, object?>
        {
            ["missingPrefetch"] = keys,
            ["issues"] = issues.Select(Api.IssueBody.Of).ToArray(),
            ["prefetchQueries"] = resolved.Unavailable.ToDictionary(u => u.Key, u => u.Query),
        };
        if (request.FhirServer is { } server)
        {
            extensions["fhirServer"] = new Dictionary<string, object?> { ["url"] = server.AbsoluteUri, ["fetchAllowed"] = resolved.ServerAllowed == true };
        }

        return TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "Prefetch data is missing and could not be fetched.",
            detail: $"Neither prefetched nor retrievable from fhirServer: {string.Join(", ", keys)}. {reasons}.",
            extensions: extensions);
    }

    /// <summary>
    /// The assessment of the patient in the resources, read as of <paramref name="now"/>, or null without a Patient.
    /// patient-view: the FHIR reader reads the prefetched MedicationRequests/Statements (status, dates, planned or
    /// current). order-select: the card is about the selected draft orders, so they (with the Medications they may
    /// reference) replace any prefetched medication resources, and the same reader reads them.
    /// </summary>
    private static Assessment? Assess(HookCall call, IReadOnlyList<Resource> prefetched, DateTimeOffset now, GuidelineProfile profile)
    {
        var resources = call.Drafts is null ? prefetched : OrderSelectCards.WithSelected(prefetched, call.Drafts, call.Selections);
        return Snapshot(resources, now) is { } snapshot ? Assessment.Of(snapshot, profile) : null;
    }

    /// <summary>
    /// The hook's cards. The FHIR data is read as of the request's time: the response says so (run-time), with the engine
    /// version and the guideline profile (Hepatica:Profile), which every card's detail names too.
    /// </summary>
    private static CdsResponse Cards(HookCall call, Assessment assessment, DateTimeOffset now, IReadOnlyList<Card> trends)
    {
        var cards = call.Drafts is null ? [.. trends, .. PatientViewCards.For(assessment, call.PatientId, now)] : OrderSelectCards.For(assessment, call.PatientId);
        return CdsResponse.Of(CardKit.WithProfile(cards, assessment.Profile), AsOf.AtInstant(now, AsOfSource.RunTime), assessment.Profile);
    }

    /// <summary>The patient snapshot from the prefetched resources, or null when there is no Patient.</summary>
    private static PatientSnapshot? Snapshot(IReadOnlyList<Resource> resources, DateTimeOffset asOf)
    {
        if (!resources.Any(r => r is Hl7.Fhir.Model.Patient))
        {
            return null;
        }

        var bundle = new Bundle { Type = Bundle.BundleType.Collection };
        foreach (var r in resources)
        {
            // Synthea exports reference the patient as urn:uuid:{id}; that fullUrl lets the reader match them.
            var fullUrl = r is Hl7.Fhir.Model.Patient { Id: { } pid } && Guid.TryParse(pid, out _) ? "urn:uuid:" + pid : null;
            bundle.Entry.Add(new Bundle.EntryComponent { Resource = r, FullUrl = fullUrl });
        }

        return FhirSnapshotReader.Read(bundle, asOf).Snapshot;
    }

    private static (Bundle? Drafts, List<string> Selections) ReadOrders(JsonElement context, List<InputIssue> problems)
    {
        var selections = new List<string>();
        if (!context.TryGetProperty("selections", out var s) || s.ValueKind != JsonValueKind.Array || s.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
        {
            problems.Add(CdsIssueCodes.Invalid("context.selections", "context.selections is required (an array of strings)"));
        }
        else
        {
            selections.AddRange(s.EnumerateArray().Select(e => e.GetString()!));
        }

        if (!context.TryGetProperty("draftOrders", out var d) || d.ValueKind != JsonValueKind.Object)
        {
            problems.Add(CdsIssueCodes.Invalid("context.draftOrders", "context.draftOrders is required (a Bundle)"));
            return (null, selections);
        }

        var resource = PrefetchResolver.Parse(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(d), "context.draftOrders", problems);
        if (resource is not null and not Bundle)
        {
            problems.Add(CdsIssueCodes.Invalid("context.draftOrders", "context.draftOrders must be a Bundle"));
        }

        return (resource as Bundle, selections);
    }

    private static async Task<Results<Ok, ProblemHttpResult, NotFound>> Feedback(string id, HttpRequest http, FeedbackStore store, IOptions<CdsHooksOptions> options, CancellationToken ct)
    {
        if (CdsServices.Find(id) is null)
        {
            return TypedResults.NotFound();
        }

        var (bytes, refused) = await ReadBody(http, options.Value, ct);
        if (refused is not null)
        {
            return refused;
        }

        FeedbackRequest? body;
        try
        {
            body = JsonSerializer.Deserialize<FeedbackRequest>(bytes, CdsJson.Options);
        }
        catch (JsonException e)
        {
            return BadRequest([InputIssue.Error(CdsIssueCodes.InvalidFeedback, "$", $"the body is not a feedback object: {e.Message}")]);
        }

        var problems = FeedbackStore.Check(body);
        if (problems.Count > 0)
        {
            return BadRequest(problems);
        }

        await store.Append(id, body!.Feedback!, ct);
        return TypedResults.Ok();
    }

    /// <summary>
    /// The body whole, at most <see cref="CdsHooksOptions.MaxRequestBodyBytes"/> (the same three-way limit as /api:
    /// Kestrel's feature, Content-Length, a count of the bytes read); larger: 413; a client fault while reading: its status.
    /// </summary>
    private static async Task<(byte[] Bytes, ProblemHttpResult? Refused)> ReadBody(HttpRequest http, CdsHooksOptions options, CancellationToken ct)
    {
        // The smaller of this setting and the server's own per-request limit (Kestrel:Limits:MaxRequestBodySize): one
        // never loosens the other.
        var server = http.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
        var limit = server is { } s && s < options.MaxRequestBodyBytes ? s : options.MaxRequestBodyBytes;
        var setting = limit == options.MaxRequestBodyBytes ? $"{CdsHooksOptions.Section}:MaxRequestBodyBytes" : "Kestrel:Limits:MaxRequestBodySize";
        var read = await Api.RequestBody.ReadAsync(http.HttpContext, limit, ct).ConfigureAwait(false);
        if (read.Fault is { } fault)
        {
            http.HttpContext.RequestServices.GetRequiredService<Http.ClientFaultLog>().Report(http.HttpContext, fault);
            var issue = InputIssue.Error(Api.ApiIssueCodes.BodyUnreadable, "$", $"the request body could not be read: {fault.Message}");
            return ([], TypedResults.Problem(statusCode: fault.StatusCode, title: Http.ClientFaultLog.Title(fault.StatusCode),
                detail: issue.Message, extensions: new Dictionary<string, object?> { ["issues"] = new[] { Api.IssueBody.Of(issue) } }));
        }

        if (read.Bytes is not { } bytes)
        {
            var issue = InputIssue.Error(Api.ApiIssueCodes.BodyTooLarge, "$", $"the request body is larger than {limit} bytes ({setting})");
            return ([], TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request body too large",
                detail: issue.Message, extensions: new Dictionary<string, object?> { ["issues"] = new[] { Api.IssueBody.Of(issue) } }));
        }

        // A UTF-8 byte order mark is accepted, as the streaming parser did before the limit (RFC 8259 section 8.1 lets a
        // parser ignore it).
        return (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes[3..] : bytes, null);
    }

    private static ProblemHttpResult BadRequest(IReadOnlyList<InputIssue> problems) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request body is not a valid CDS Hooks request.",
            detail: string.Join("; ", problems.Select(p => p.Message)), extensions: new Dictionary<string, object?> { ["issues"] = problems.Select(Api.IssueBody.Of).ToArray() });
}
