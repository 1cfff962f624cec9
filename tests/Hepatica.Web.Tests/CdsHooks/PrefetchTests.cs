using System.Net;
using System.Text.Json.Nodes;

namespace Hepatica.Web.Tests.CdsHooks;

/// <summary>
/// Prefetch semantics (CDS Hooks 2.0 "Prefetch"): a missing key is fetched from fhirServer with the fhirAuthorization
/// token; null means no data (never fetched); an OperationOutcome means the client's fetch failed (fetched again); 412
/// when a key can be neither prefetched nor fetched. The FHIR server is a loopback server, named in AllowedFhirServers
/// (by default nothing is fetched).
/// </summary>
public sealed class PrefetchTests
{
    private const string Path = "/cds-services/hepatica-patient-view";

    private static JsonObject Request() => Requests.PatientView(Requests.Fixture("hepatitis-b-serology.json"));

    [Fact]
    public async Task Missing_key_fetched_with_the_bearer_token()
    {
        await using var fhir = await LocalFhirServer.Start();
        fhir.Bodies["Observation"] = Requests.Json(Request()["prefetch"]!["Observation"]!);
        var request = Request();
        request["prefetch"]!.AsObject().Remove("Observation");
        request["fhirServer"] = fhir.BaseUrl.AbsoluteUri;
        request["fhirAuthorization"] = new JsonObject { ["access_token"] = "token-123", ["token_type"] = "Bearer", ["expires_in"] = 300, ["scope"] = "patient/*.read", ["subject"] = "cds-service", ["patient"] = "hbv-1" };
        await using var host = CdsHost.Fetching(fhir.BaseUrl);
        var (response, body) = await host.PostJson(Path, Requests.Json(request));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (path, auth) = Assert.Single(fhir.Requests);
        // The discovery template, token filled: only the LOINC codes the reader uses, newest first. Spot checks from
        // docs/fhir.md's tables: total bilirubin 1975-2, INR 34714-6, HBsAg 5196-1, anti-HBc total 13952-7, mean blood pressure 8478-0.
        var query = Uri.UnescapeDataString(path);
        Assert.StartsWith("/fhir/Observation?patient=hbv-1&code=", query, StringComparison.Ordinal);
        Assert.EndsWith("&_sort=-date&_count=500", query, StringComparison.Ordinal);
        var codes = query.Split("code=")[1].Split('&')[0].Split(',');
        Assert.All(codes, c => Assert.StartsWith("http://loinc.org|", c, StringComparison.Ordinal));
        Assert.Equal(codes.Length, codes.Distinct().Count());
        Assert.Subset(codes.ToHashSet(), new HashSet<string> { "http://loinc.org|1975-2", "http://loinc.org|34714-6", "http://loinc.org|5196-1", "http://loinc.org|13952-7", "http://loinc.org|8478-0" });
        Assert.Equal("Bearer token-123", auth);
        // The fetched serology was used: HBsAg is known, so no hepatitis B screening card.
        Assert.DoesNotContain(Json.Cards(body), c => ((string)c["summary"]!).Contains("hepatitis B or C serology", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Missing_key_fetched_from_a_server_under_the_allowlist()
    {
        await using var fhir = await LocalFhirServer.Start();
        fhir.Bodies["Observation"] = Requests.Json(Request()["prefetch"]!["Observation"]!);
        var request = Request();
        request["prefetch"]!.AsObject().Remove("Observation");
        request["fhirServer"] = fhir.BaseUrl.AbsoluteUri;
        await using var host = new CdsHost(new() { ["Hepatica:CdsHooks:RequireJwt"] = "false", ["Hepatica:CdsHooks:AllowedFhirServers:0"] = fhir.BaseUrl.AbsoluteUri });
        var response = await host.Post(Path, Requests.Json(request));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(fhir.Requests);
    }

    [Fact]
    public async Task Server_outside_the_allowlist_is_never_called_and_gives_412()
    {
        await using var fhir = await LocalFhirServer.Start();
        fhir.Bodies["Observation"] = Requests.Json(Request()["prefetch"]!["Observation"]!);
        var request = Request();
        request["prefetch"]!.AsObject().Remove("Observation");
        request["fhirServer"] = fhir.BaseUrl.AbsoluteUri;
        request["fhirAuthorization"] = new JsonObject { ["access_token"] = "secret", ["token_type"] = "Bearer", ["expires_in"] = 300, ["scope"] = "patient/*.read", ["subject"] = "cds-service" };
        await using var host = new CdsHost(new() { ["Hepatica:CdsHooks:RequireJwt"] = "false", ["Hepatica:CdsHooks:AllowedFhirServers:0"] = "https://ehr.example.org/fhir" });
        var response = await host.Post(Path, Requests.Json(request));

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Empty(fhir.Requests); // neither the request nor the token left the host
    }

    [Fact]
    public async Task Null_key_means_no_data_and_is_not_fetched()
    {
        await using var fhir = await LocalFhirServer.Start();
        var request = Request();
        request["prefetch"]!["Observation"] = null;
        request["fhirServer"] = fhir.BaseUrl.AbsoluteUri;
        await using var host = CdsHost.Fetching(fhir.BaseUrl);
        var (response, body) = await host.PostJson(Path, Requests.Json(request));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(fhir.Requests);
        // No Observation at all: the adult has no hepatitis result, so the screening card asks for them.
        Assert.Contains(Json.Cards(body), c => ((string)c["summary"]!).StartsWith("No hepatitis B or C serology", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OperationOutcome_in_prefetch_is_fetched_again()
    {
        await using var fhir = await LocalFhirServer.Start();
        var request = Request();
        request["prefetch"]!["Immunization"] = new JsonObject
        {
            ["resourceType"] = "OperationOutcome",
            ["issue"] = new JsonArray(new JsonObject { ["severity"] = "error", ["code"] = "timeout" }),
        };
        request["fhirServer"] = fhir.BaseUrl.AbsoluteUri;
        await using var host = CdsHost.Fetching(fhir.BaseUrl);
        var response = await host.Post(Path, Requests.Json(request));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/fhir/Immunization?patient=hbv-1", Assert.Single(fhir.Requests).PathAndQuery);
    }

    [Fact]
    public async Task Missing_key_without_fhirServer_412()
    {
        var request = Request();
        request["prefetch"]!.AsObject().Remove("Condition");
        await using var host = new CdsHost();
        var (response, body) = await host.PostJson(Path, Requests.Json(request));

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Contains("Condition", (string?)body!["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task OperationOutcome_without_fhirServer_412()
    {
        var request = Request();
        request["prefetch"]!["Condition"] = new JsonObject { ["resourceType"] = "OperationOutcome", ["issue"] = new JsonArray(new JsonObject { ["severity"] = "error", ["code"] = "exception" }) };
        await using var host = new CdsHost();
        var response = await host.Post(Path, Requests.Json(request));

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
    }

    [Fact]
    public async Task Fhir_server_error_412()
    {
        await using var fhir = await LocalFhirServer.Start();
        fhir.FailWith = 503;
        var request = Request();
        request["prefetch"]!.AsObject().Remove("Procedure");
        request["fhirServer"] = fhir.BaseUrl.AbsoluteUri;
        await using var host = CdsHost.Fetching(fhir.BaseUrl);
        var (response, body) = await host.PostJson(Path, Requests.Json(request));

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Contains("Procedure", (string?)body!["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fhir_server_answering_OperationOutcome_412()
    {
        await using var fhir = await LocalFhirServer.Start();
        fhir.Bodies["Procedure"] = """{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"forbidden"}]}""";
        var request = Request();
        request["prefetch"]!.AsObject().Remove("Procedure");
        request["fhirServer"] = fhir.BaseUrl.AbsoluteUri;
        await using var host = CdsHost.Fetching(fhir.BaseUrl);
        var response = await host.Post(Path, Requests.Json(request));

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
    }

    [Fact]
    public async Task Empty_searchset_entry_array_is_no_data()
    {
        // Real clients send "entry": [] (the sample requests do); Firely's default rejects an empty array (JSON121).
        var request = Request();
        request["prefetch"]!["Procedure"] = new JsonObject { ["resourceType"] = "Bundle", ["type"] = "searchset", ["entry"] = new JsonArray() };
        await using var host = new CdsHost();
        var response = await host.Post(Path, Requests.Json(request));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
