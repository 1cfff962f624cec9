using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Hepatica.Web.Tests.CdsHooks;
using Microsoft.AspNetCore.Mvc.Testing;
using static Hepatica.Web.Tests.Api;

namespace Hepatica.Web.Tests;

/// <summary>
/// Hostile bodies are answered 400/422 with coded issues, never 500 (issue 10): a lone surrogate escape anywhere in a
/// snapshot, a FHIR Bundle or a CDS Hooks request (its context, its prefetch, or a fetched resource), a byte order
/// mark, and an as-of at the ends of the calendar.
/// </summary>
public sealed class ReaderCrashTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private const string PatientView = "/cds-services/hepatica-patient-view";
    private const string OrderSelect = "/cds-services/hepatica-order-select";

    public static TheoryData<string, string, string> ApiBodies() => new()
    {
        { "/api/assess", AppJson, "{\"id\": \"a\\ud800\"}" },
        { "/api/assess", AppJson, "{\"\\udc00\": 1}" },
        { "/api/assess", AppJson, "{\"labs\": {\"bilirubin\": {\"value\": 2, \"unit\": \"mg\\ud800/dL\"}}}" },
        { "/api/scores/meld-3.0", AppJson, "{\"sex\": \"\\ud800x\"}" },
        { "/api/assess", FhirJson, "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"p\\ud800\"}}]}" },
        { "/api/assess", AppJson, "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"p\\udc00\"}}]}" },
        { "/api/assess", AppJson, "{\"\\ud800\": 1, \"resourceType\":\"Bundle\"}" },
    };

    [Theory]
    [MemberData(nameof(ApiBodies))]
    public async Task Api_InvalidSurrogateEscape_Is400WithTheMalformedJsonIssue(string url, string contentType, string body)
    {
        using var client = factory.CreateClient();
        using var response = await Post(client, url, Body(body, contentType));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var (code, severity, _) = Assert.Single(await ProblemIssues(response));
        Assert.Contains(code, (string[])["SNP001", "FHR001"]);
        Assert.Equal("error", severity);
    }

    [Theory]
    [InlineData("/api/assess", AppJson)]
    [InlineData("/api/assess?asOf=2026-11-20", FhirJson)]
    public async Task Api_Utf8ByteOrderMark_IsAccepted(string url, string contentType)
    {
        var file = contentType == AppJson ? Demo : Cirrhosis;
        using var client = factory.CreateClient();
        using var response = await Post(client, url, Body([0xEF, 0xBB, 0xBF, .. await File.ReadAllBytesAsync(file, Ct)], contentType));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("9999-12-30")]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31T23:59:59Z")]
    public async Task Api_AsOfAtTheEndsOfTheCalendar_Is400NotServerError(string asOf)
    {
        using var client = factory.CreateClient();
        using var response = await Post(client, "/api/assess?asOf=" + asOf, Body(await File.ReadAllBytesAsync(Cirrhosis, Ct), FhirJson));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var (code, _, path) = Assert.Single(await ProblemIssues(response));
        Assert.Equal(("FHR023", "asOf"), (code, path));
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("0001-01-01")]
    public async Task Api_SnapshotDatesAtTheEndsOfTheCalendar_Are422NotServerError(string date)
    {
        var body = File.ReadAllText(RepoRoot.File("samples", "immune-001.json")).Replace("2026-11-20", date, StringComparison.Ordinal).Replace("2026-05-01", date, StringComparison.Ordinal);
        using var client = factory.CreateClient();
        using var response = await Post(client, "/api/assess", Body(body));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(await ProblemIssues(response), i => i.Code == "DAT001");
    }

    private static JsonObject Valid() => Requests.PatientView(Requests.Fixture("hepatitis-b-serology.json"));

    /// <summary>A valid request as JSON text, with <paramref name="marker"/> (a JSON string value) replaced by <paramref name="raw"/> text.</summary>
    private static string WithRaw(JsonObject request, string marker, string raw) => Requests.Json(request).Replace("\"" + marker + "\"", raw, StringComparison.Ordinal);

    public static TheoryData<string> CdsBodies()
    {
        var data = new TheoryData<string>();
        foreach (var escape in new[] { "\\ud800", "\\udc00", "\\ud800x" })
        {
            var r = Valid();
            r["hookInstance"] = "MARK";
            data.Add(WithRaw(r, "MARK", "\"" + escape + "\""));

            r = Valid();
            r["context"]!["patientId"] = "MARK";
            data.Add(WithRaw(r, "MARK", "\"hbv-" + escape + "\""));

            r = Valid();
            r["context"]!["extra"] = "MARK";
            data.Add(WithRaw(r, "MARK", "\"" + escape + "\""));

            r = Valid();
            r["prefetch"]!["Patient"]!["id"] = "MARK";
            data.Add(WithRaw(r, "MARK", "\"" + escape + "\""));

            r = Valid();
            r["MARK"] = 1;
            data.Add(Requests.Json(r).Replace("\"MARK\"", "\"" + escape + "\"", StringComparison.Ordinal));

            var o = Requests.OrderSelect(Requests.Fixture("hepatitis-b-serology.json"), "hbv-1", Requests.Draft("d1", "hbv-1", Requests.RxNorm, "121191", "rituximab"));
            o["context"]!["selections"] = new JsonArray("MARK");
            data.Add(WithRaw(o, "MARK", "\"" + escape + "\""));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CdsBodies))]
    public async Task Cds_InvalidSurrogateEscape_Is400(string body)
    {
        var path = body.Contains("order-select", StringComparison.Ordinal) ? OrderSelect : PatientView;
        await using var host = new CdsHost();
        var (response, problem) = await host.PostJson(path, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("surrogate", (string?)problem!["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cds_Utf8ByteOrderMark_IsAccepted()
    {
        await using var host = new CdsHost();
        using var client = host.CreateClient();
        using var content = Body([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Requests.Json(Valid()))]);
        using var response = await client.PostAsync(Url(PatientView), content, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Cds_FetchedResourceWithALoneSurrogate_IsUnavailableNotServerError()
    {
        await using var fhir = await LocalFhirServer.Start();
        fhir.Bodies["Observation"] = """{"resourceType":"Bundle","type":"searchset","entry":[{"resource":{"resourceType":"Observation","id":"o\ud800","status":"final","code":{"text":"x"}}}]}""";
        var request = Valid();
        request["prefetch"]!.AsObject().Remove("Observation");
        request["fhirServer"] = fhir.BaseUrl.AbsoluteUri;
        await using var host = new CdsHost(new() { ["Hepatica:CdsHooks:RequireJwt"] = "false", ["Hepatica:CdsHooks:AllowedFhirServers:0"] = fhir.BaseUrl.AbsoluteUri });
        var response = await host.Post(PatientView, Requests.Json(request));

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Single(fhir.Requests);
    }
}
