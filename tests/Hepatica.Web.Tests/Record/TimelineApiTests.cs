using System.Net;
using System.Text.Json.Nodes;
using static Hepatica.Web.Tests.Record.RecordInputs;

namespace Hepatica.Web.Tests.Record;

/// <summary>
/// <c>POST /api/timeline</c>: the timeline of the values given, stored nowhere. The expectation is the record's own
/// answer: the same input ingested through <c>POST /api/record</c> into an empty record and read back with
/// <c>GET /api/record/patients/{id}/timeline</c> gives the same body (entries, receipts, inputs, course points, report),
/// and the record's alerts are the stateless report's alert conditions.
/// </summary>
public sealed class TimelineApiTests
{
    /// <summary>Thanh Considine's Synthea bundle (../shared/data, SOURCES.md): five bilirubin values over the years, under the 1 MiB body limit.</summary>
    private static string Synthea() => File.ReadAllText(Directory.GetFiles(RepoRoot.SharedData("fhir-samples", "synthea-r4-bundles"), "Thanh_Considine_*.json").Single());

    [Fact]
    public async Task Timeline_SyntheaBundle_EqualsTheRecordsTimelineAndAlerts()
    {
        await AssertSameAsRecord(Synthea(), Api.FhirJson, minEntries: 2);
    }

    [Fact]
    public async Task Timeline_CirrhosisBundleWithALaterCreatinine_EqualsTheRecordsTimelineAndAlerts()
    {
        // The fixture plus a creatinine of 6.1 mg/dL later on: a course with more than one instant, trend facts and alerts.
        var bundle = JsonNode.Parse(CirrhosisBundle())!.AsObject();
        bundle["entry"]!.AsArray().Add(new JsonObject { ["resource"] = JsonNode.Parse(Creatinine("cirrhosis-1", "o-creat-later", new DateTimeOffset(2026, 11, 21, 8, 0, 0, TimeSpan.Zero), 6.1m)) });

        var timeline = await AssertSameAsRecord(bundle.ToJsonString(), Api.FhirJson, minEntries: 2);

        Assert.NotEmpty(timeline["report"]!["alerts"]!.AsArray());
    }

    [Fact]
    public async Task Timeline_SnapshotWithSeries_EqualsTheRecordsTimeline()
    {
        var snapshot = JsonNode.Parse(File.ReadAllText(Api.Demo))!.AsObject();
        snapshot["id"] = "p-series";
        Assert.NotNull(snapshot["series"]); // demo-001's earlier dated values

        await AssertSameAsRecord(snapshot.ToJsonString(), Api.AppJson, minEntries: 1);
    }

    [Fact]
    public async Task Timeline_WithoutAssessmentsTrue_LeavesThemOutAsTheRecordDoes()
    {
        await using var host = new RecordHost();
        using var client = host.CreateClient();

        using var response = await Send(client, HttpMethod.Post, "/api/timeline", CirrhosisBundle(), Api.FhirJson);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entries = (await Node(response))["entries"]!.AsArray();
        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.Null(e!["assessment"]));
    }

    [Fact]
    public async Task Timeline_StoresNothing()
    {
        await using var host = new RecordHost();
        using var client = host.CreateClient();

        using var response = await Send(client, HttpMethod.Post, "/api/timeline", CirrhosisBundle(), Api.FhirJson);
        using var stored = await Send(client, HttpMethod.Get, "/api/record/patients/cirrhosis-1/timeline");
        using var alerts = await Send(client, HttpMethod.Get, "/api/record/alerts?state=all");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, stored.StatusCode);
        Assert.Empty((await Node(alerts))["alerts"]!.AsArray());
    }

    [Theory]
    [InlineData("{not json", Api.AppJson, HttpStatusCode.BadRequest, "SNP001")]
    [InlineData("{\"a\": 1}", Api.FhirJson, HttpStatusCode.UnprocessableEntity, "REC004")]
    [InlineData("{\"labs\": {\"bilirubin\": {\"value\": 2, \"unit\": \"mg/dL\"}}}", Api.AppJson, HttpStatusCode.UnprocessableEntity, "ING001")]
    [InlineData("{}", "text/plain", HttpStatusCode.UnsupportedMediaType, "API002")]
    public async Task Timeline_BadInput_IsAProblemWithItsIssue(string body, string contentType, HttpStatusCode status, string code)
    {
        await using var host = new RecordHost();
        using var client = host.CreateClient();

        using var response = await Send(client, HttpMethod.Post, "/api/timeline", body, contentType);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains((await Api.ProblemIssues(response)), i => i.Code == code);
    }

    [Fact]
    public async Task Timeline_TwoPatients_Is422OnePatientOnly()
    {
        await using var host = new RecordHost();
        using var client = host.CreateClient();
        var bundle = new JsonObject
        {
            ["resourceType"] = "Bundle",
            ["type"] = "collection",
            ["entry"] = new JsonArray(
                new JsonObject { ["resource"] = JsonNode.Parse(Creatinine("pa", "o-a", new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero), 1.1m)) },
                new JsonObject { ["resource"] = JsonNode.Parse(Creatinine("pb", "o-b", new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero), 1.2m)) }),
        };

        using var response = await Send(client, HttpMethod.Post, "/api/timeline", bundle.ToJsonString(), Api.FhirJson);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains((await Api.ProblemIssues(response)), i => i.Code == "REC007");
    }

    [Fact]
    public async Task Timeline_BodyOverTheApiLimit_Is413()
    {
        await using var host = new RecordHost(new() { ["Hepatica:Api:MaxRequestBodyBytes"] = "1000" });
        using var client = host.CreateClient();

        using var response = await Send(client, HttpMethod.Post, "/api/timeline", CirrhosisBundle(), Api.FhirJson);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains((await Api.ProblemIssues(response)), i => i.Code == "API001");
    }

    [Fact]
    public async Task Timeline_UnknownAssessmentsValue_Is400()
    {
        await using var host = new RecordHost();
        using var client = host.CreateClient();

        using var response = await Send(client, HttpMethod.Post, "/api/timeline?assessments=yes", CirrhosisBundle(), Api.FhirJson);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains((await Api.ProblemIssues(response)), i => i.Code == "API003" && i.Path == "assessments");
    }

    /// <summary>POSTs the input to /api/timeline and to an empty record, and checks both timelines and the alerts are the same.</summary>
    private static async Task<JsonNode> AssertSameAsRecord(string body, string contentType, int minEntries)
    {
        await using var host = new RecordHost();
        using var client = host.CreateClient();

        using var stateless = await Send(client, HttpMethod.Post, "/api/timeline?assessments=true", body, contentType);
        Assert.Equal(HttpStatusCode.OK, stateless.StatusCode);
        var timeline = await Node(stateless);
        var id = (string)timeline["patientId"]!;

        using var ingest = await Send(client, HttpMethod.Post, "/api/record", body, contentType);
        Assert.Equal(HttpStatusCode.OK, ingest.StatusCode);
        using var stored = await Send(client, HttpMethod.Get, $"/api/record/patients/{Uri.EscapeDataString(id)}/timeline?assessments=true");
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        var record = await Node(stored);
        using var alerts = await Send(client, HttpMethod.Get, $"/api/record/patients/{Uri.EscapeDataString(id)}/alerts?state=all");
        var recordAlerts = (await Node(alerts))["alerts"]!.AsArray().Select(a => a!["candidate"]!.ToJsonString()).Order(StringComparer.Ordinal);

        Assert.True(timeline["entries"]!.AsArray().Count >= minEntries, $"expected at least {minEntries} entries");
        Assert.Equal(record.ToJsonString(), timeline.ToJsonString());
        Assert.True(JsonNode.DeepEquals(record, timeline));
        Assert.Equal(recordAlerts, timeline["report"]!["alerts"]!.AsArray().Select(a => a!.ToJsonString()).Order(StringComparer.Ordinal));
        return timeline;
    }
}
