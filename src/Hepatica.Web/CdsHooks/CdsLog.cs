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
    public static partial void PrefetchUnusable(ILogger log, string key, Uri uri, IReadOnlyList<string> problems);

    [LoggerMessage(Level = LogLevel.Information, Message = "Prefetch {Key}: {Uri} failed: {Message}")]
    public static partial void PrefetchFailed(ILogger log, string key, Uri uri, string message);
}
