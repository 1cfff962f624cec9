using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hepatica.Clinical.Scoring;
using Hepatica.Fhir.Bulk;
using Hepatica.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.Extensions.Options;

namespace Hepatica.Web.CdsHooks;

/// <summary>A hook call as read from its body (CDS Hooks 2.0 "HTTP Request").</summary>
internal sealed record CdsRequest(string Hook, string HookInstance, Uri? FhirServer, string? AccessToken, JsonElement Context, JsonElement? Prefetch)
{
    /// <summary>The request, or null with every problem found (never only the first).</summary>
    public static CdsRequest? Read(JsonElement root, List<InputIssue> problems)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            problems.Add(CdsIssueCodes.Invalid("$", "the body must be a JSON object"));
            return null;
        }

        var hook = String(root, "hook", problems, required: true);
        var instance = String(root, "hookInstance", problems, required: true);
        var server = String(root, "fhirServer", problems, required: false);
        Uri? fhirServer = null;
        if (server is not null && (!Uri.TryCreate(server, UriKind.Absolute, out fhirServer) || fhirServer.Scheme is not ("http" or "https")))
        {
            problems.Add(CdsIssueCodes.Invalid("fhirServer", "fhirServer must be an absolute http(s) URL"));
        }

        string? token = null;
        if (root.TryGetProperty("fhirAuthorization", out var auth) && auth.ValueKind != JsonValueKind.Null)
        {
            if (auth.ValueKind != JsonValueKind.Object)
            {
                problems.Add(CdsIssueCodes.Invalid("fhirAuthorization", "fhirAuthorization must be an object"));
            }
            else
            {
                token = String(auth, "access_token", problems, required: true, "fhirAuthorization.");
                if (String(auth, "token_type", problems, required: true, "fhirAuthorization.") is { } type && !string.Equals(type, "Bearer", StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add(CdsIssueCodes.Invalid("fhirAuthorization.token_type", "fhirAuthorization.token_type must be Bearer"));
                }

                if (server is null)
                {
                    problems.Add(CdsIssueCodes.Invalid("fhirServer", "fhirAuthorization requires fhirServer (cds-r-1)"));
                }
            }
        }

        if (!root.TryGetProperty("context", out var context) || context.ValueKind != JsonValueKind.Object)
        {
            problems.Add(CdsIssueCodes.Invalid("context", "context is required and must be an object"));
        }

        JsonElement? prefetch = null;
        if (root.TryGetProperty("prefetch", out var p) && p.ValueKind != JsonValueKind.Null)
        {
            if (p.ValueKind != JsonValueKind.Object)
            {
                problems.Add(CdsIssueCodes.Invalid("prefetch", "prefetch must be an object"));
            }
            else
            {
                prefetch = p;
            }
        }

        return problems.Count > 0 ? null : new CdsRequest(hook!, instance!, fhirServer, token, context, prefetch);
    }

    /// <summary>A root-level string of <c>context</c>, or null.</summary>
    public string? ContextString(string name) =>
        Context.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string? String(JsonElement o, string name, List<InputIssue> problems, bool required, string prefix = "")
    {
        if (!o.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                problems.Add(CdsIssueCodes.Invalid(prefix + name, $"{prefix}{name} is required"));
            }

            return null;
        }

        if (v.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(v.GetString()))
        {
            problems.Add(CdsIssueCodes.Invalid(prefix + name, $"{prefix}{name} must be a non-empty string"));
            return null;
        }

        return v.GetString();
    }
}

/// <summary>What the prefetch gave: the resources, keys that could be neither prefetched nor fetched (412), and bad values (400).</summary>
internal sealed record PrefetchResult(IReadOnlyList<Resource> Resources, IReadOnlyList<UnavailableKey> Unavailable, IReadOnlyList<InputIssue> Problems)
{
    /// <summary>Whether the fhirServer of the request is one this host may fetch from (null: the request names none).</summary>
    public bool? ServerAllowed { get; init; }
}

/// <summary>
/// A prefetch key that could be neither prefetched nor fetched: the key, the query its template gives (null when the
/// context lacks a token of it), and why, in words an integrator can act on (the 412 body and its one log line).
/// </summary>
/// <param name="Key">The prefetch key, as in the discovery document.</param>
/// <param name="Query">The filled template, relative to fhirServer; null when a token has no value in the context.</param>
/// <param name="Reason">Why the key is missing and why it was not fetched.</param>
/// <param name="HostSide">The cause is this host's configuration (a server not allowed, an answer over a limit), not the client or its server.</param>
internal sealed record UnavailableKey(string Key, string? Query, string Reason, bool HostSide = false);

/// <summary>
/// Prefetch semantics of CDS Hooks 2.0: a key the client sent is used as is; <c>null</c> means the client has no data;
/// a missing key, or one holding an OperationOutcome (the client's fetch failed), is fetched from <c>fhirServer</c>
/// with the <c>fhirAuthorization</c> bearer token, but only when that server is in
/// <see cref="CdsHooksOptions.AllowedFhirServers"/> (empty: never); what can be neither is reported for a 412. A searchset
/// page with a <c>next</c> link is followed on the same FHIR server only (the token is never sent elsewhere), up to
/// <see cref="MaxPages"/> pages and <see cref="CdsHooksOptions.MaxFhirResponseBytes"/> bytes per key. Redirects are not
/// followed: a 3xx answer makes the key unreachable.
/// </summary>
internal sealed partial class PrefetchResolver(IHttpClientFactory http, IOptions<CdsHooksOptions> options)
{
    public const string HttpClientName = "cds-fhir";
    public const int MaxPages = 5;

    public async Task<PrefetchResult> Resolve(CdsService service, CdsRequest request, CancellationToken ct)
    {
        var resources = new List<Resource>();
        var problems = new List<InputIssue>();
        var fetch = new List<(string Key, string Template, string Why)>();
        var pages = new List<(string Key, Bundle Page)>();
        foreach (var (key, template) in service.Prefetch)
        {
            if (request.Prefetch is { } p && p.TryGetProperty(key, out var value))
            {
                if (value.ValueKind == JsonValueKind.Null)
                {
                    continue; // the client has no data for this key
                }

                if (value.ValueKind != JsonValueKind.Object)
                {
                    problems.Add(CdsIssueCodes.Invalid($"prefetch.{key}", $"prefetch.{key} must be a FHIR resource or null"));
                    continue;
                }

                if (Parse(JsonMarshal.GetRawUtf8Value(value), $"prefetch.{key}", problems, options.Value.StrictFhir) is not { } resource)
                {
                    continue;
                }

                if (resource is OperationOutcome)
                {
                    fetch.Add((key, template, "prefetch holds an OperationOutcome (the client's own fetch failed)")); // try the FHIR server
                }
                else
                {
                    Add(resource, resources);
                    if (resource is Bundle { } bundle && NextLink(bundle) is not null)
                    {
                        pages.Add((key, bundle));
                    }
                }

                continue;
            }

            fetch.Add((key, template, "not in prefetch"));
        }

        if (problems.Count > 0)
        {
            return new PrefetchResult(resources, [], problems);
        }

        var unavailable = new List<UnavailableKey>();
        var tasks = new List<(string Key, string? Query, string Before, Task<(List<Resource>? Got, string? Why, bool HostSide)> Fetched)>();
        var server = request.FhirServer is { } named && Allowed(named) ? named : null;
        foreach (var (key, template, why) in fetch)
        {
            var query = Fill(template, request);
            if (request.FhirServer is null)
            {
                unavailable.Add(new(key, query, $"{why}, and the request names no fhirServer to fetch it from"));
            }
            else if (server is null)
            {
                unavailable.Add(new(key, query, $"{why}, and fhirServer {request.FhirServer} is not fetched from: it is not under {NotAllowed()}", HostSide: true));
            }
            else if (query is null)
            {
                unavailable.Add(new(key, null, $"{why}, and its query {template} needs a context value the request does not have"));
            }
            else
            {
                var uri = new Uri(Base(server), query);
                tasks.Add((key, query, $"{why}, and fetching {uri} failed", Fetch(key, uri, request, ct)));
            }
        }

        foreach (var (key, page) in pages)
        {
            if (server is not null && NextLink(page) is { } next && SameServer(next, server))
            {
                tasks.Add((key, null, $"the next page of the prefetched searchset, {next}, failed", Fetch(key, next, request, ct, MaxPages - 1)));
            }
        }

        await System.Threading.Tasks.Task.WhenAll(tasks.Select(t => t.Fetched)).ConfigureAwait(false);
        foreach (var (key, query, before, fetched) in tasks)
        {
            var (got, why, hostSide) = await fetched.ConfigureAwait(false);
            if (got is null)
            {
                unavailable.Add(new(key, query, $"{before}: {why}", hostSide));
            }
            else
            {
                resources.AddRange(got);
            }
        }

        return new PrefetchResult(resources, unavailable.DistinctBy(u => u.Key).ToList(), []) { ServerAllowed = request.FhirServer is null ? null : server is not null };
    }

    private string NotAllowed() => options.Value.AllowedFhirServers.Count == 0
        ? $"{CdsHooksOptions.Section}:AllowedFhirServers, which is empty (this host fetches from no server; send the key in prefetch, or ask the operator to allow the server)"
        : $"{CdsHooksOptions.Section}:AllowedFhirServers"; // the servers it names are the operator's business, not the client's

    /// <summary>
    /// Whether this host may call <paramref name="fhirServer"/> (and send it the client's token): only a server under a
    /// base URL of <see cref="CdsHooksOptions.AllowedFhirServers"/> (scheme, canonical host, port, path); none when the
    /// list is empty. The connect callback checks the address again (<see cref="Outbound"/>).
    /// </summary>
    private bool Allowed(Uri fhirServer) => Outbound.Under(fhirServer, options.Value.AllowedFhirServers);

    /// <summary>The query with its prefetch tokens replaced, or null when a token has no value in the context.</summary>
    internal static string? Fill(string template, CdsRequest request)
    {
        var missing = false;
        var filled = Token().Replace(template, m =>
        {
            var name = m.Groups[1].Value.Trim();
            string? value = name.StartsWith("context.", StringComparison.Ordinal)
                ? request.ContextString(name["context.".Length..])
                : UserToken(name, request.ContextString("userId"));
            missing |= value is null;
            return value is null ? "" : Uri.EscapeDataString(value);
        });
        return missing ? null : filled;
    }

    private static string? UserToken(string name, string? userId)
    {
        var type = name switch
        {
            "userPractitionerId" => "Practitioner/",
            "userPractitionerRoleId" => "PractitionerRole/",
            "userPatientId" => "Patient/",
            "userRelatedPersonId" => "RelatedPerson/",
            _ => null,
        };
        return type is not null && userId is not null && userId.StartsWith(type, StringComparison.Ordinal) ? userId[type.Length..] : null;
    }

    /// <summary>
    /// The resources of one key from the FHIR server, following next links; or null and why (one clause, for the 412),
    /// and whether this host's settings are the cause.
    /// </summary>
    private async Task<(List<Resource>? Got, string? Why, bool HostSide)> Fetch(string key, Uri uri, CdsRequest request, CancellationToken ct, int pagesLeft = MaxPages)
    {
        var got = new List<Resource>();
        var budget = options.Value.MaxFhirResponseBytes;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Value.FhirTimeoutMilliseconds);
        try
        {
            var client = http.CreateClient(HttpClientName);
            for (Uri? next = uri; next is not null && pagesLeft-- > 0;)
            {
                if (!Allowed(next))
                {
                    return (null, $"{next} is not under {CdsHooksOptions.Section}:AllowedFhirServers", true);
                }

                using var message = new HttpRequestMessage(HttpMethod.Get, next);
                message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/fhir+json"));
                if (request.AccessToken is { } token)
                {
                    message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                }

                using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    // 3xx included: redirects are not followed (the token must not travel to wherever a Location points).
                    var status = (int)response.StatusCode;
                    return (null, status is >= 300 and < 400 ? $"HTTP {status}, a redirect, which is not followed" : $"HTTP {status}", false);
                }

                if (await Outbound.ReadBounded(response, budget, timeout.Token).ConfigureAwait(false) is not { } bytes)
                {
                    return (null, $"{next} answered more than {options.Value.MaxFhirResponseBytes} bytes for this key ({CdsHooksOptions.Section}:{nameof(CdsHooksOptions.MaxFhirResponseBytes)})", true);
                }

                budget -= bytes.Length;
                var problems = new List<InputIssue>();
                if (Parse(bytes, key, problems, options.Value.StrictFhir) is not { } resource)
                {
                    return (null, "the answer is not a readable FHIR resource: " + string.Join("; ", problems.Take(3).Select(p => p.Message)), false);
                }

                if (resource is OperationOutcome outcome)
                {
                    return (null, "it answered an OperationOutcome: " + string.Join("; ", outcome.Issue.Select(i => i.Diagnostics ?? i.Details?.Text ?? i.Code?.ToString()).OfType<string>().DefaultIfEmpty("no issue")), false);
                }

                Add(resource, got);
                next = resource is Bundle b && NextLink(b) is { } n && request.FhirServer is { } server && SameServer(n, server) ? n : null;
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (null, $"no answer within {options.Value.FhirTimeoutMilliseconds} ms ({CdsHooksOptions.Section}:{nameof(CdsHooksOptions.FhirTimeoutMilliseconds)})", false);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            // The reason, not the exception: an unreachable server is an expected outcome (a 412), not a fault of this host.
            return (null, e.InnerException is { } inner && !e.Message.Contains(inner.Message, StringComparison.Ordinal) ? $"{e.Message} ({inner.Message})" : e.Message, false);
        }

        return (got, null, false);
    }

    private static void Add(Resource resource, List<Resource> into)
    {
        if (resource is Bundle bundle)
        {
            foreach (var e in bundle.Entry)
            {
                if (e.Resource is { } r and not OperationOutcome)
                {
                    into.Add(r);
                }
            }
        }
        else
        {
            into.Add(resource);
        }
    }

    /// <summary>
    /// Firely's default checks except JSON121 (an empty array): real CDS clients send <c>"entry": []</c> for a search
    /// with no match, which means "no data", not a broken resource.
    /// </summary>
    private static readonly FhirJsonDeserializer Deserializer = new(new DeserializerSettings().Ignoring(["JSON121"]));

    /// <summary>One FHIR resource from UTF-8 JSON; problems carry the Firely issue codes.</summary>
    internal static Resource? Parse(ReadOnlySpan<byte> json, string path, List<InputIssue> problems, bool strict = false)
    {
        json = JsonInput.WithoutBom(json);
        if (JsonInput.FindUndecodable(json) is { } escape)
        {
            problems.Add(InputIssue.Error(CdsIssueCodes.UnreadableResource, path, $"{path}: {escape}")); // the SDK would throw InvalidOperationException reading that string
            return null;
        }

        // The fast readers first (decision 0007): a Patient, Observation, Condition, Immunization or Procedure, or a search Bundle
        // of them, read into exactly the elements the snapshot reader uses; anything else (and anything they cannot
        // read) is parsed by Firely as before, with the same problems.
        if (!strict && FastBundleParser.TryParse(json) is { } fast)
        {
            return fast;
        }

        try
        {
            var reader = new Utf8JsonReader(json);
            return Deserializer.DeserializeResource(ref reader);
        }
        catch (DeserializationFailedException e)
        {
            problems.AddRange(e.Exceptions.Take(5).Select(x => InputIssue.Error(CdsIssueCodes.UnreadableResource, path, $"{path}: {x.Message}")));
        }
        catch (JsonException e)
        {
            problems.Add(InputIssue.Error(CdsIssueCodes.UnreadableResource, path, $"{path}: {e.Message}"));
        }
        catch (Exception e) when (e is InvalidOperationException or IndexOutOfRangeException or ArgumentException or FormatException)
        {
            problems.Add(InputIssue.Error(CdsIssueCodes.UnreadableResource, path, $"{path}: not readable as FHIR: {e.Message}")); // the SDK throws these for some bad input (an empty property name)
        }

        return null;
    }

    private static Uri? NextLink(Bundle bundle) =>
        bundle.Link.FirstOrDefault(l => l.Relation == "next")?.Url is { } u && Uri.TryCreate(u, UriKind.Absolute, out var uri) ? uri : null;

    private static Uri Base(Uri server) => server.AbsoluteUri.EndsWith('/') ? server : new Uri(server.AbsoluteUri + "/");

    private static bool SameServer(Uri link, Uri server) => Outbound.Under(link, server);

    [GeneratedRegex(@"\{\{([^}]+)\}\}")]
    private static partial Regex Token();
}
