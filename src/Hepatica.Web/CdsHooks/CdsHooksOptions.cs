using Microsoft.Extensions.Options;

namespace Hepatica.Web.CdsHooks;

/// <summary>
/// Configuration section <c>Hepatica:CdsHooks</c> (docs/cds-hooks.md). JWT checking is on unless
/// <see cref="RequireJwt"/> is set to false explicitly (local demos only).
/// </summary>
internal sealed class CdsHooksOptions
{
    public const string Section = "Hepatica:CdsHooks";

    /// <summary>Check the CDS client's signed JWT on every call. Default true; false only when configured explicitly.</summary>
    public bool RequireJwt { get; set; } = true;

    /// <summary>
    /// The public base URL of this host (e.g. <c>https://cds.example.org</c>) used to build the expected <c>aud</c>
    /// (the exact service URL called). Required outside the Development environment when <see cref="RequireJwt"/> is on:
    /// without it every hook call is refused (401 naming this setting), since the request's Host header must not choose
    /// the audience. In Development only, when empty, the request's scheme, host and path base are used.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Trusted CDS clients: issuer (<c>iss</c>) and where its keys are.</summary>
    public List<TrustedIssuer> Issuers { get; set; } = [];

    /// <summary>Clock skew allowed on <c>exp</c>, <c>nbf</c> and <c>iat</c>, seconds. Default 30.</summary>
    public int ClockSkewSeconds { get; set; } = 30;

    /// <summary>
    /// The longest a CDS client's JWT may live, seconds: <c>exp - iat</c> at most this, and <c>exp</c> at most this (plus
    /// the skew) after now. Default 300 (five minutes; docs/cds-hooks.md says where that comes from).
    /// </summary>
    public int MaxTokenLifetimeSeconds { get; set; } = 300;

    /// <summary>
    /// The most <c>jti</c> values remembered at once for replay detection. Entries leave when their token expires; when
    /// the cache is full a new token is refused (503) rather than an unexpired one forgotten. Default 100 000.
    /// </summary>
    public int MaxReplayCacheEntries { get; set; } = 100_000;

    /// <summary>Timeout of one FHIR server request made to fill a missing prefetch key, milliseconds. Default 2000.</summary>
    public int FhirTimeoutMilliseconds { get; set; } = 2000;

    /// <summary>
    /// Base URLs of the FHIR servers this host may fetch missing prefetch data from (and send the client's
    /// <c>fhirAuthorization</c> token to). Empty (the default): no server is ever fetched from; prefetch sent by the client
    /// still works. A server outside the list is treated as unreachable (412). Checked on the URL (scheme, host, port, path)
    /// and again on the address connected to (<see cref="Outbound"/>).
    /// </summary>
    public List<string> AllowedFhirServers { get; set; } = [];

    /// <summary>
    /// The most bytes read from a FHIR server for one prefetch key, all its pages together; a larger answer is refused
    /// as it streams in and the key is unreachable (412). Default 4 MiB.
    /// </summary>
    public long MaxFhirResponseBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// Origins allowed to call /cds-services from a browser (CORS). Unset: any origin, never with credentials (cookies
    /// are not used; the JWT in the Authorization header is what protects the services). Set it to restrict.
    /// </summary>
    public List<string>? AllowedOrigins { get; set; }

    /// <summary>The most feedback entries kept in memory; beyond it the oldest are dropped (the FeedbackPath file keeps all). Default 10 000.</summary>
    public int MaxFeedbackEntries { get; set; } = 10_000;

    /// <summary>Append each feedback entry to this JSON Lines file as well as keeping it in memory; empty: memory only.</summary>
    public string? FeedbackPath { get; set; }

    /// <summary>How long a JWKS fetched from a URL is reused before it is fetched again, minutes. Default 60.</summary>
    public int JwksRefreshMinutes { get; set; } = 60;

    /// <summary>The largest JWKS document read from a JwksUrl, bytes; a larger one gives no keys. Default 64 KiB.</summary>
    public long MaxJwksBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// The largest request body a service call or a feedback post may have, bytes (the CDS client's prefetch included); a
    /// larger one is refused with 413 before it is parsed. Default 8 MiB: twice the most read from a FHIR server for one
    /// prefetch key (<see cref="MaxFhirResponseBytes"/>), since a client's prefetch carries several keys.
    /// </summary>
    public long MaxRequestBodyBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>
    /// Parse every prefetch value with the Firely SDK's validated deserializer, whole (<c>Hepatica:CdsHooks:StrictFhir</c>;
    /// default false: the fast readers of decision 0007 read the Patients, Observations, Conditions, Immunizations and
    /// Procedures of a prefetch, validating the elements Hepatica uses, and leave everything else to Firely).
    /// </summary>
    public bool StrictFhir { get; set; }

    /// <summary>Every problem of the settings (checked at start).</summary>
    public IEnumerable<string> Problems()
    {
        if (!string.IsNullOrEmpty(PublicBaseUrl) && (!IsHttpUrl(PublicBaseUrl, out var b) || b!.Query.Length > 0 || b.Fragment.Length > 0))
        {
            yield return $"{Section}:PublicBaseUrl must be an absolute http(s) URL without query, e.g. https://cds.example.org";
        }

        foreach (var server in AllowedFhirServers.Where(s => !IsHttpUrl(s, out _)))
        {
            yield return $"{Section}:AllowedFhirServers: '{server}' is not an absolute http(s) URL";
        }

        foreach (var (name, value) in (IEnumerable<(string, long)>)[
            (nameof(ClockSkewSeconds), ClockSkewSeconds + 1), (nameof(MaxTokenLifetimeSeconds), MaxTokenLifetimeSeconds),
            (nameof(MaxReplayCacheEntries), MaxReplayCacheEntries), (nameof(FhirTimeoutMilliseconds), FhirTimeoutMilliseconds),
            (nameof(MaxFhirResponseBytes), MaxFhirResponseBytes), (nameof(MaxFeedbackEntries), MaxFeedbackEntries),
            (nameof(JwksRefreshMinutes), JwksRefreshMinutes), (nameof(MaxJwksBytes), MaxJwksBytes),
            (nameof(MaxRequestBodyBytes), MaxRequestBodyBytes)])
        {
            if (value <= 0)
            {
                yield return $"{Section}:{name} must be positive{(name == nameof(ClockSkewSeconds) ? " or zero" : "")}";
            }
        }
    }

    private static bool IsHttpUrl(string text, out Uri? uri) =>
        Uri.TryCreate(text, UriKind.Absolute, out uri) && uri.Scheme is "http" or "https" && string.IsNullOrEmpty(uri.UserInfo);
}

/// <summary>Refuses to start with settings that would not work, naming each (docs/cds-hooks.md, "Configuration").</summary>
internal sealed class CdsHooksOptionsValidation : IValidateOptions<CdsHooksOptions>
{
    public ValidateOptionsResult Validate(string? name, CdsHooksOptions options) =>
        options.Problems().ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}

/// <summary>One CDS client allowed to call: its <c>iss</c> and its JWKS, from a file or an https URL.</summary>
internal sealed class TrustedIssuer
{
    /// <summary>The exact <c>iss</c> value.</summary>
    public string Issuer { get; set; } = "";

    /// <summary>A JWKS document on disk (out-of-band key exchange).</summary>
    public string? JwksFile { get; set; }

    /// <summary>A JWKS URL; a token's <c>jku</c> header, when present, must equal it.</summary>
    public string? JwksUrl { get; set; }
}
