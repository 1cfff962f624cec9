namespace Hepatica.Web.CdsHooks;

/// <summary>The log messages of the CDS Hooks endpoints (source-generated).</summary>
internal static partial class CdsLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Hepatica:CdsHooks:RequireJwt is false: CDS Hooks calls are NOT authenticated. Local demos only.")]
    public static partial void JwtOff(ILogger log);

    [LoggerMessage(Level = LogLevel.Information, Message = "CDS Hooks JWT rejected: {Reason}")]
    public static partial void JwtRejected(ILogger log, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "JWKS of {Issuer} could not be read: {Message}")]
    public static partial void JwksUnreadable(ILogger log, string issuer, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "Prefetch {Key}: {Uri} answered HTTP {Status}")]
    public static partial void PrefetchStatus(ILogger log, string key, Uri uri, int status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Prefetch {Key}: {Uri} gave no usable resource: {Problems}")]
    public static partial void PrefetchUnusable(ILogger log, string key, Uri uri, IReadOnlyList<Hepatica.Clinical.Scoring.InputIssue> problems);

    [LoggerMessage(Level = LogLevel.Information, Message = "Prefetch {Key}: {Uri} failed: {Message}")]
    public static partial void PrefetchFailed(ILogger log, string key, Uri uri, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Prefetch {Key}: {Uri} answered more than {Limit} bytes (Hepatica:CdsHooks:MaxFhirResponseBytes); the key is unavailable")]
    public static partial void PrefetchTooLarge(ILogger log, string key, Uri uri, long limit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "JWKS of {Issuer} at {Url} is larger than {Limit} bytes (Hepatica:CdsHooks:MaxJwksBytes) or answered HTTP {Status}; no keys read")]
    public static partial void JwksRefused(ILogger log, string issuer, string url, long limit, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hepatica:CdsHooks:PublicBaseUrl is not set: outside Development every CDS Hooks call is refused (401), since the expected JWT audience must not follow the request's Host header. Set it to this service's public base URL, e.g. https://cds.example.org.")]
    public static partial void NoPublicBaseUrl(ILogger log);
}
