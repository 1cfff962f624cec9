namespace Hepatica.Web.Http;

/// <summary>
/// What every response carries and how HEAD is answered (docs/web.md, "Security headers"): API responses are JSON, so
/// their Content-Security-Policy allows nothing to load or frame them; the pages (everything outside the API's
/// prefixes) get a policy that loads only this host's own files (no inline script or style, no CDN) and connects only
/// to this host and the configured EHR origins; nothing is cached (assessments and cards carry patient data); HEAD is
/// answered as GET without the body. The page policy goes only on HTML documents outside the API; every other response
/// (scripts, styles, a 404) keeps the deny-all policy, which browsers do not apply to subresources anyway.
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>The Content-Security-Policy of every API response: a JSON API loads nothing and is framed by nobody.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /// <summary>Path prefixes of the API (JSON and FHIR): never a page, whatever a response's type.</summary>
    private static readonly string[] ApiPrefixes = ["/api", "/cds-services", "/fhir", "/openapi", "/health"];

    /// <summary>
    /// The Content-Security-Policy of the pages: their own scripts, styles and images, connections to this host and to
    /// <paramref name="connect"/> (the EHRs' FHIR and authorization servers), framed by <paramref name="frameAncestors"/> only.
    /// </summary>
    public static string PagePolicy(IEnumerable<string> connect, IEnumerable<string> frameAncestors)
    {
        var ancestors = string.Join(' ', frameAncestors);
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; "
            + $"connect-src 'self'{string.Concat(connect.Select(c => " " + c))}; "
            + $"frame-ancestors {(ancestors.Length == 0 ? "'none'" : ancestors)}; base-uri 'none'; form-action 'self'; object-src 'none'";
    }

    /// <summary>Adds the headers to every response, whatever produced it (endpoint, error handler, status pages, CORS, static files).</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var pages = app.ApplicationServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Pages.PageOptions>>().Value;
        var pagePolicy = PagePolicy(pages.ConnectSources, pages.FrameAncestors);
        var framed = pages.FrameAncestors.Count > 0;
        return app.Use((context, next) =>
        {
            var outsideApi = !ApiPrefixes.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));
            context.Response.OnStarting(() =>
            {
                // A policy governs the document it comes with: only an HTML page outside the API gets the page policy;
                // its scripts, styles, a 404 or anything else keep the deny-all one.
                var isPage = outsideApi && context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.ContentSecurityPolicy = isPage ? pagePolicy : ContentSecurityPolicy;
                if (!(isPage && framed))
                {
                    headers.XFrameOptions = "DENY"; // frame-ancestors says the same to browsers that read CSP
                }

                headers["Referrer-Policy"] = "no-referrer";
                headers.CacheControl = "no-store";
                headers.Remove("Pragma");
                headers.Remove("Expires");
                return Task.CompletedTask;
            });
            return next(context);
        });
    }

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
