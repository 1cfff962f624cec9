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
    /// (the exact service URL called). When empty, the request's scheme, host and path base are used.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Trusted CDS clients: issuer (<c>iss</c>) and where its keys are.</summary>
    public List<TrustedIssuer> Issuers { get; set; } = [];

    /// <summary>Clock skew allowed on <c>exp</c>, <c>nbf</c> and <c>iat</c>, seconds. Default 30.</summary>
    public int ClockSkewSeconds { get; set; } = 30;

    /// <summary>Timeout of one FHIR server request made to fill a missing prefetch key, milliseconds. Default 2000.</summary>
    public int FhirTimeoutMilliseconds { get; set; } = 2000;

    /// <summary>
    /// Base URLs of the FHIR servers this host may fetch missing prefetch data from (and send the client's
    /// <c>fhirAuthorization</c> token to). Empty: any server a trusted client names; set it in production so a client
    /// cannot make the service call internal addresses. A server outside the list is treated as unreachable (412).
    /// </summary>
    public List<string> AllowedFhirServers { get; set; } = [];

    /// <summary>
    /// Origins allowed to call /cds-services from a browser (CORS). Unset: any origin, never with credentials (cookies
    /// are not used; the JWT in the Authorization header is what protects the services). Set it to restrict.
    /// </summary>
    public List<string>? AllowedOrigins { get; set; }

    /// <summary>Append each feedback entry to this JSON Lines file as well as keeping it in memory; empty: memory only.</summary>
    public string? FeedbackPath { get; set; }

    /// <summary>How long a JWKS fetched from a URL is reused before it is fetched again, minutes. Default 60.</summary>
    public int JwksRefreshMinutes { get; set; } = 60;
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
