namespace Hepatica.Web.Http;

/// <summary>
/// What every response carries and how HEAD is answered (docs/web.md, "Security headers"): the host serves JSON only,
/// so the Content-Security-Policy allows nothing to load or frame it; nothing is cached (assessments and cards carry
/// patient data); HEAD is answered as GET without the body.
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>The Content-Security-Policy of every response: a JSON API loads nothing and is framed by nobody.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /// <summary>Adds the headers to every response, whatever produced it (endpoint, error handler, status pages, CORS).</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(static (context, next) =>
    {
        context.Response.OnStarting(static state =>
        {
            var headers = ((HttpContext)state).Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers.CacheControl = "no-store";
            headers.Remove("Pragma");
            headers.Remove("Expires");
            return Task.CompletedTask;
        }, context);
        return next(context);
    });

    /// <summary>
    /// HEAD on a GET route is answered like GET without a body (RFC 9110 §9.3.2), not 405: the request runs as GET (so
    /// routing, CORS and the JWT check apply as for GET) with the body written nowhere. Kestrel still knows the request
    /// is HEAD and sends no body itself.
    /// </summary>
    public static IApplicationBuilder UseHeadAsGet(this IApplicationBuilder app) => app.Use(static async (context, next) =>
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var body = context.Response.Body;
        context.Request.Method = HttpMethods.Get;
        context.Response.Body = Stream.Null;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            context.Response.Body = body;
            context.Request.Method = HttpMethods.Head;
        }
    });
}
