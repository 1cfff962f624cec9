using System.Net;
using System.Text.Json.Nodes;

namespace Hepatica.Web.Tests.CdsHooks;

/// <summary>
/// Where prefetch may go (issue 10 items 1, 2 and 15): nowhere unless the operator names the server in
/// AllowedFhirServers, whatever the spelling of its address; never along a redirect; never more than
/// MaxFhirResponseBytes per key. Every server here is a loopback server the test starts; a refused one must count no
/// TCP connection at all, so the refusal happens before any socket is opened.
/// </summary>
public sealed class OutboundTests
{
    private const string Path = "/cds-services/hepatica-patient-view";

    /// <summary>A patient-view request lacking Observation, naming <paramref name="fhirServer"/>, with a bearer token for it.</summary>
    private static JsonObject Request(string fhirServer)
    {
        var request = Requests.PatientView(Requests.Fixture("hepatitis-b-serology.json"));
        request["prefetch"]!.AsObject().Remove("Observation");
        request["fhirServer"] = fhirServer;
        request["fhirAuthorization"] = new JsonObject { ["access_token"] = "secret-token", ["token_type"] = "Bearer", ["expires_in"] = 300, ["scope"] = "patient/*.read", ["subject"] = "cds-service" };
        return request;
    }

    private static string Observations() => Requests.Json(Requests.PatientView(Requests.Fixture("hepatitis-b-serology.json"))["prefetch"]!["Observation"]!);

    [Theory]
    [InlineData("http://127.0.0.1:{0}/fhir/")]
    [InlineData("http://localhost:{0}/fhir/")]
    [InlineData("http://LOCALHOST.:{0}/fhir/")]
    [InlineData("http://0x7f000001:{0}/fhir/")]
    [InlineData("http://2130706433:{0}/fhir/")]
    [InlineData("http://127.1:{0}/fhir/")]
    [InlineData("http://0177.0.0.1:{0}/fhir/")]
    [InlineData("http://[::ffff:127.0.0.1]:{0}/fhir/")]
    public async Task Default_configuration_fetches_from_no_server_412(string spelling)
    {
        await using var fhir = await LocalFhirServer.Start();
        fhir.Bodies["Observation"] = Observations();
        await using var host = new CdsHost(); // JWT off, nothing else: AllowedFhirServers empty
        var (response, body) = await host.PostJson(Path, Requests.Json(Request(string.Format(System.Globalization.CultureInfo.InvariantCulture, spelling, fhir.Port))));

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Contains("Observation", (string?)body!["detail"], StringComparison.Ordinal);
        Assert.Equal(0, fhir.Connections);
    }

    [Theory]
    [InlineData("http://localhost:{0}/fhir/")]
    [InlineData("http://127.0.0.2:{0}/fhir/")]
    [InlineData("http://127.0.0.1:{0}/other/")]
    [InlineData("http://127.0.0.1:{0}/fhirx/")]
    [InlineData("https://127.0.0.1:{0}/fhir/")]
    [InlineData("http://user@127.0.0.1:{0}/fhir/")]
    public async Task Another_name_path_or_scheme_than_the_one_allowed_is_refused_412(string spelling)
    {
        // The operator named http://127.0.0.1:PORT/fhir/ exactly: another host name for it, another path or scheme is not that server.
        await using var fhir = await LocalFhirServer.Start();
        fhir.Bodies["Observation"] = Observations();
        await using var host = CdsHost.Fetching(fhir.BaseUrl);
        var response = await host.Post(Path, Requests.Json(Request(string.Format(System.Globalization.CultureInfo.InvariantCulture, spelling, fhir.Port))));

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal(0, fhir.Connections);
    }

    [Theory]
    [InlineData("http://0x7f000001:{0}/fhir/")]
    [InlineData("http://2130706433:{0}/fhir")]
    [InlineData("http://127.1:{0}/fhir/")]
    [InlineData("http://0177.0.0.1:{0}/fhir/")]
    [InlineData("http://[::ffff:127.0.0.1]:{0}/fhir/")]
    public async Task Other_spellings_of_the_allowed_address_are_that_server(string spelling)
    {
        await using var fhir = await LocalFhirServer.Start();
        fhir.Bodies["Observation"] = Observations();
        await using var host = CdsHost.Fetching(fhir.BaseUrl);
        var response = await host.Post(Path, Requests.Json(Request(string.Format(System.Globalization.CultureInfo.InvariantCulture, spelling, fhir.Port))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bearer secret-token", Assert.Single(fhir.Requests).Authorization);
    }

    [Fact]
    public async Task Allowed_name_resolving_to_loopback_is_fetched()
    {
        // Named explicitly (localhost resolves to loopback): the connect callback resolves it and allows the internal address.
        await using var fhir = await LocalFhirServer.Start();
        fhir.Bodies["Observation"] = Observations();
        var named = new Uri($"http://localhost:{fhir.Port}/fhir/");
        await using var host = CdsHost.Fetching(named);
        var response = await host.Post(Path, Requests.Json(Request(named.AbsoluteUri)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(fhir.Requests);
    }

    [Fact]
    public async Task Redirect_is_not_followed_412()
    {
        // The allowed server answers 302 to another server: the prefetch client follows no redirect, so neither the
        // request nor the token reaches the other server, and the key is unavailable.
        await using var other = await LocalFhirServer.Start();
        other.Bodies["Observation"] = Observations();
        await using var fhir = await LocalFhirServer.Start();
        fhir.RedirectTo = other.BaseUrl;
        await using var host = CdsHost.Fetching(fhir.BaseUrl);
        var (response, body) = await host.PostJson(Path, Requests.Json(Request(fhir.BaseUrl.AbsoluteUri)));

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Contains("Observation", (string?)body!["detail"], StringComparison.Ordinal);
        Assert.Single(fhir.Requests);
        Assert.Equal(0, other.Connections);
        Assert.DoesNotContain(host.Logs.Entries, e => e.Message.Contains("secret-token", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Answer_over_MaxFhirResponseBytes_is_unavailable_412(bool chunked)
    {
        // Declared (Content-Length) or only known by reading (chunked): refused once past the limit, never buffered whole.
        await using var fhir = await LocalFhirServer.Start();
        fhir.Bodies["Observation"] = Observations();
        fhir.Chunked = chunked;
        await using var host = CdsHost.Fetching(fhir.BaseUrl, new() { ["Hepatica:CdsHooks:MaxFhirResponseBytes"] = "1000" });
        var (response, body) = await host.PostJson(Path, Requests.Json(Request(fhir.BaseUrl.AbsoluteUri)));

        Assert.True(Observations().Length > 1000);
        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Contains("Observation", (string?)body!["detail"], StringComparison.Ordinal);
        Assert.Contains(host.Logs.Entries, e => e.Message.Contains("MaxFhirResponseBytes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Answer_within_MaxFhirResponseBytes_is_used()
    {
        await using var fhir = await LocalFhirServer.Start();
        fhir.Bodies["Observation"] = Observations();
        fhir.Chunked = true;
        await using var host = CdsHost.Fetching(fhir.BaseUrl, new() { ["Hepatica:CdsHooks:MaxFhirResponseBytes"] = Observations().Length.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var response = await host.Post(Path, Requests.Json(Request(fhir.BaseUrl.AbsoluteUri)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Pages_of_one_key_share_the_limit_412()
    {
        // Each page is under the limit, the two together are not: the limit is per key, all pages.
        await using var fhir = await LocalFhirServer.Start();
        var page = $$"""{"resourceType":"Bundle","type":"searchset","link":[{"relation":"next","url":"{{fhir.BaseUrl}}Observation?page=2"}],"entry":[]}""";
        fhir.Bodies["Observation"] = page + new string(' ', 400);
        await using var host = CdsHost.Fetching(fhir.BaseUrl, new() { ["Hepatica:CdsHooks:MaxFhirResponseBytes"] = "1000" });
        var response = await host.Post(Path, Requests.Json(Request(fhir.BaseUrl.AbsoluteUri)));

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal(2, fhir.Requests.Count);
    }

    [Theory]
    [InlineData("Hepatica:CdsHooks:AllowedFhirServers:0", "ehr.example.org/fhir", "'ehr.example.org/fhir' is not an absolute http(s) URL")]
    [InlineData("Hepatica:CdsHooks:MaxFhirResponseBytes", "0", "MaxFhirResponseBytes must be positive")]
    [InlineData("Hepatica:CdsHooks:PublicBaseUrl", "https://cds.example.org/?x=1", "PublicBaseUrl must be an absolute http(s) URL")]
    public async Task Unusable_settings_stop_the_host_at_start_naming_the_setting(string key, string value, string message)
    {
        await using var host = new CdsHost(new() { [key] = value });
        var e = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => host.CreateClient());
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }
}
