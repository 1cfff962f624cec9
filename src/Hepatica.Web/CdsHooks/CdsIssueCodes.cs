using Hepatica.Clinical.Scoring;

namespace Hepatica.Web.CdsHooks;

/// <summary>
/// Issue codes of /cds-services: every 400 lists its problems as the same {code, severity, path, message} issues as
/// /api (docs/cds-hooks.md); a body too large or unreadable carries the HTTP layer's API001 / API006.
/// </summary>
internal static class CdsIssueCodes
{
    /// <summary>The body is not JSON (including bytes that are not UTF-8, or an escape that is not text).</summary>
    public const string NotJson = "CDS001";

    /// <summary>A member of the request is missing or not of its type (the body, hook, context, prefetch, selections ...).</summary>
    public const string InvalidRequest = "CDS002";

    /// <summary>The request's hook is not the service's.</summary>
    public const string WrongHook = "CDS003";

    /// <summary>A FHIR resource in the request (a prefetch value, the draft orders) is not readable (Firely's message).</summary>
    public const string UnreadableResource = "CDS004";

    /// <summary>A feedback body is not valid (cds-fb-1 to cds-fb-3).</summary>
    public const string InvalidFeedback = "CDS005";

    /// <summary>A prefetch key neither prefetched nor fetchable from fhirServer (412): the message says why.</summary>
    public const string PrefetchUnavailable = "CDS006";

    /// <summary>A <see cref="InvalidRequest"/> error at a path.</summary>
    public static InputIssue Invalid(string path, string message) => InputIssue.Error(InvalidRequest, path, message);
}
