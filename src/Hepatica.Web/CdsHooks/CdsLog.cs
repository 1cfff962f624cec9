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

    /// <summary>One line per 412, no exception: the keys and why each could not be had (the reasons name the settings).</summary>
    [LoggerMessage(Message = "CDS Hooks {Service}: 412, prefetch unavailable: {Reasons}")]
    public static partial void PrefetchUnavailable(ILogger log, LogLevel level, string service, string reasons);

    [LoggerMessage(Level = LogLevel.Warning, Message = "JWKS of {Issuer} at {Url} is larger than {Limit} bytes (Hepatica:CdsHooks:MaxJwksBytes) or answered HTTP {Status}; no keys read")]
    public static partial void JwksRefused(ILogger log, string issuer, string url, long limit, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hepatica:CdsHooks:PublicBaseUrl is not set: outside Development every CDS Hooks call is refused (401), since the expected JWT audience must not follow the request's Host header. Set it to this service's public base URL, e.g. https://cds.example.org.")]
    public static partial void NoPublicBaseUrl(ILogger log);
}
