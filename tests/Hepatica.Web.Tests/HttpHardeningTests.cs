using System.Net;
using static Hepatica.Web.Tests.Api;

namespace Hepatica.Web.Tests;

/// <summary>
/// What every response carries on real Kestrel (issue 10 item 5): security headers, no Server header, HEAD answered
/// like GET without a body, and the CORS policy (CDS Hooks 2.0, "Cross-Origin Resource Sharing": browser-based CDS
/// clients need CORS; /api has none unless configured).
/// </summary>
public sealed class HttpHardeningTests
{
    private static readonly Dictionary<string, string?> JwtOff = new() { ["Hepatica:CdsHooks:RequireJwt"] = "false" };

    public static TheoryData<string, string, int> Responses => new()
    {
        { "GET", "/health", 200 },
        { "GET", "/api/scores", 200 },
        { "GET", "/api/scores/nope", 404 },
        { "POST", "/api/assess", 200 },
        { "POST", "/api/assess?explain=maybe", 400 },
        { "GET", "/cds-services", 401 },
        { "GET", "/nowhere", 404 },
        { "DELETE", "/api/scores", 405 },
        { "GET", "/openapi/v1.json", 200 },
    };

    [Theory]
    [MemberData(nameof(Responses))]
    public async Task Every_response_has_the_security_headers_and_no_server_header(string method, string path, int status)
    {
        await using var host = new KestrelHost();
        using var client = host.Client();
        using var request = new HttpRequestMessage(new HttpMethod(method), Url(path));
        if (method == "POST")
        {
            request.Content = Body(await File.ReadAllBytesAsync(Demo, Ct));
        }

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'", Header(response, "Content-Security-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal("no-store", Header(response, "Cache-Control"));
        Assert.False(response.Headers.Contains("Server"), "Server: " + string.Join(",", response.Headers.TryGetValues("Server", out var v) ? v : []));
    }

    [Theory]
    [InlineData("/api/scores")]
    [InlineData("/api/scores/meld-3.0")]
    [InlineData("/health")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/cds-services")]
    public async Task Head_is_answered_like_get_without_a_body(string path)
    {
        await using var host = new KestrelHost(JwtOff);
        using var client = host.Client();
        using var get = await client.GetAsync(Url(path), Ct);
        var getBody = await get.Content.ReadAsByteArrayAsync(Ct);

        var head = await host.Raw($"HEAD {path} HTTP/1.1\nHost: localhost\nConnection: close\n\n");

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(200, head.Status);
        Assert.Equal("", head.Body);
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Headers["Content-Type"].Split(';')[0]);
        if (head.Headers.TryGetValue("Content-Length", out var length))
        {
            Assert.Equal(getBody.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), length);
        }

        Assert.Equal("nosniff", head.Headers["X-Content-Type-Options"]);
    }

    [Fact]
    public async Task Head_on_a_post_route_405()
    {
        await using var host = new KestrelHost();
        var head = await host.Raw("HEAD /api/assess HTTP/1.1\nHost: localhost\nConnection: close\n\n");
        Assert.Equal(405, head.Status);
    }

    [Theory]
    [InlineData("/cds-services/hepatica-patient-view", "POST")]
    [InlineData("/cds-services", "GET")]
    [InlineData("/cds-services/hepatica-order-select/feedback", "POST")]
    public async Task Cds_preflight_from_any_origin_allows_the_jwt_header_without_credentials(string path, string method)
    {
        await using var host = new KestrelHost();
        using var client = host.Client();

        using var response = await Preflight(client, path, "https://sandbox.cds-hooks.org", method, "authorization,content-type");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", Header(response, "Access-Control-Allow-Origin"));
        Assert.Contains("authorization", Header(response, "Access-Control-Allow-Headers")!, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(method, Header(response, "Access-Control-Allow-Methods")!, StringComparison.Ordinal);
        Assert.Null(Header(response, "Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task Cds_call_from_a_browser_carries_the_cors_header()
    {
        await using var host = new KestrelHost(JwtOff);
        using var client = host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, Url("/cds-services"));
        request.Headers.Add("Origin", "https://sandbox.cds-hooks.org");

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("*", Header(response, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Cds_configured_origins_only()
    {
        await using var host = new KestrelHost(new() { ["Hepatica:CdsHooks:AllowedOrigins:0"] = "https://ehr.example.org" });
        using var client = host.Client();

        using var allowed = await Preflight(client, "/cds-services/hepatica-patient-view", "https://ehr.example.org", "POST", "authorization");
        using var other = await Preflight(client, "/cds-services/hepatica-patient-view", "https://evil.example", "POST", "authorization");

        Assert.Equal("https://ehr.example.org", Header(allowed, "Access-Control-Allow-Origin"));
        Assert.Null(Header(other, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Api_has_no_cors_by_default()
    {
        await using var host = new KestrelHost();
        using var client = host.Client();

        using var preflight = await Preflight(client, "/api/assess", "https://app.example.org", "POST", "content-type");
        using var request = new HttpRequestMessage(HttpMethod.Get, Url("/api/scores"));
        request.Headers.Add("Origin", "https://app.example.org");
        using var get = await client.SendAsync(request, Ct);

        Assert.Null(Header(preflight, "Access-Control-Allow-Origin"));
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Null(Header(get, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Api_configured_origins_only()
    {
        await using var host = new KestrelHost(new() { ["Hepatica:Api:AllowedOrigins:0"] = "https://app.example.org" });
        using var client = host.Client();

        using var allowed = await Preflight(client, "/api/assess", "https://app.example.org", "POST", "content-type");
        using var other = await Preflight(client, "/api/assess", "https://evil.example", "POST", "content-type");

        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
        Assert.Equal("https://app.example.org", Header(allowed, "Access-Control-Allow-Origin"));
        Assert.Null(Header(allowed, "Access-Control-Allow-Credentials"));
        Assert.Null(Header(other, "Access-Control-Allow-Origin"));
    }

    private static async Task<HttpResponseMessage> Preflight(HttpClient client, string path, string origin, string method, string headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, Url(path));
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", headers);
        return await client.SendAsync(request, Ct);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var v) || response.Content.Headers.TryGetValues(name, out v) ? string.Join(", ", v) : null;
}
