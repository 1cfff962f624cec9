using System.Net;
using System.Text.Json.Nodes;
using static Hepatica.Web.Tests.Record.RecordInputs;

namespace Hepatica.Web.Tests.Record;

/// <summary>
/// The record under /api/record on a real SQLite file: ingest and its refusals, timeline, alerts with filters and
/// paging, worklists, alert state, erase. The clinical facts are those of the inputs: demo-001 (samples/) has MELD 3.0
/// well above 15 with cirrhosis and no referral, so the worklist rule meld-not-referred (AASLD/AST 2013: refer at
/// MELD 15 or more) holds for it.
/// </summary>
public sealed partial class RecordApiTests
{
    [Fact]
    public async Task Ingest_Snapshot_StoresOnceAndSaysWhatItDid()
    {
        await using var host = new RecordHost();
        using var client = host.CreateClient();

        using var first = await Send(client, HttpMethod.Post, "/api/record", Snapshot("p-ingest"));
        using var second = await Send(client, HttpMethod.Post, "/api/record", Snapshot("p-ingest"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var made = (await Node(first))["patients"]!.AsArray().Single()!;
        Assert.Equal("p-ingest", (string?)made["patientId"]);
        Assert.Equal(1, (int)made["stored"]!);
        Assert.Equal(0, (int)made["duplicates"]!);
        Assert.True((int)made["assessmentsMade"]! >= 1);
        Assert.True((int)made["alertsFired"]! >= 1);
        var again = (await Node(second))["patients"]!.AsArray().Single()!;
        Assert.Equal(0, (int)again["stored"]!);
        Assert.Equal(1, (int)again["duplicates"]!);
        Assert.Equal(0, (int)again["alertsFired"]!);
    }

    [Fact]
    public async Task Ingest_FhirBundle_StoresEveryResourceOfThePatient()
    {
        await using var host = new RecordHost();
        using var client = host.CreateClient();

        using var response = await Send(client, HttpMethod.Post, "/api/record", CirrhosisBundle(), Api.FhirJson);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var made = (await Node(response))["patients"]!.AsArray().Single()!;
        Assert.Equal("cirrhosis-1", (string?)made["patientId"]);
        Assert.Equal(13, (int)made["stored"]!); // the fixture's 13 resources: Patient, 2 Conditions, 7 Observations, 3 Procedures
    }

    [Fact]
    public async Task Ingest_SingleObservation_IsStoredForItsPatient()
    {
        await using var host = new RecordHost();
        using var client = host.CreateClient();
        using var bundle = await Send(client, HttpMethod.Post, "/api/record", CirrhosisBundle(), Api.FhirJson);

        using var response = await Send(client, HttpMethod.Post, "/api/record", Creatinine("cirrhosis-1", "o-creat-new", new DateTimeOffset(2026, 11, 21, 8, 0, 0, TimeSpan.Zero), 3.1m), Api.FhirJson);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var made = (await Node(response))["patients"]!.AsArray().Single()!;
        Assert.Equal(1, (int)made["stored"]!);
    }

    [Fact]
    public async Task Ingest_InputWithErrors_Is422AndStoresNothing()
    {
        await using var host = new RecordHost();
        using var client = host.CreateClient();
        var bad = JsonNode.Parse(Snapshot("p-bad"))!;
        bad["labs"]!["bilirubin"]!["unit"] = "furlongs";

        using var response = await Send(client, HttpMethod.Post, "/api/record", bad.ToJsonString());
        using var timeline = await Send(client, HttpMethod.Get, "/api/record/patients/p-bad/timeline");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(await Api.ProblemIssues(response), i => i.Severity == "error" && i.Path.StartsWith("labs.bilirubin", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, timeline.StatusCode);
    }

    [Fact]
    public async Task Ingest_BundleWithOneBadResource_StoresNothingOfIt()
    {
        await using var host = new RecordHost();
        using var client = host.CreateClient();
        var bundle = JsonNode.Parse(CirrhosisBundle())!;
        bundle["entry"]![4]!["resource"]!.AsObject().Remove("id"); // an Observation without id has no identity (ING002)

        using var response = await Send(client, HttpMethod.Post, "/api/record", bundle.ToJsonString(), Api.FhirJson);
        using var timeline = await Send(client, HttpMethod.Get, "/api/record/patients/cirrhosis-1/timeline");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(await Api.ProblemIssues(response), i => i.Code == "ING002");
        Assert.Equal(HttpStatusCode.NotFound, timeline.StatusCode);
    }

    [Theory]
    [InlineData("{\"id\": ", Api.AppJson, HttpStatusCode.BadRequest, "SNP001")]
    [InlineData("{\"id\": \"x\"}", "text/plain", HttpStatusCode.UnsupportedMediaType, "API002")]
    [InlineData("{\"id\": \"x\"}", Api.FhirJson, HttpStatusCode.UnprocessableEntity, "REC004")]
    [InlineData("{\"resourceType\": \"Bundle\", \"type\": \"collection\"}", Api.FhirJson, HttpStatusCode.UnprocessableEntity, "ING007")]
    [InlineData("{\"resourceType\": \"Bundle\", \"type\": \"collection\", \"entry\": []}", Api.FhirJson, HttpStatusCode.UnprocessableEntity, "FHR003")]
    public async Task Ingest_Refusals_AreCodedProblems(string body, string contentType, HttpStatusCode status, string code)
    {
        await using var host = new RecordHost();
        using var client = host.CreateClient();

        using var response = await Send(client, HttpMethod.Post, "/api/record", body, contentType);

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(await Api.ProblemIssues(response), i => i.Code == code);
    }

    [Fact]
    public async Task Ingest_BodyOverTheApiLimit_Is413()
    {
        await using var host = new RecordHost(new() { ["Hepatica:Api:MaxRequestBodyBytes"] = "200" });
        using var client = host.CreateClient();

        using var response = await Send(client, HttpMethod.Post, "/api/record", Snapshot("p-big"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains(await Api.ProblemIssues(response), i => i.Code == "API001");
    }

    [Fact]
    public async Task Timeline_HasEntriesWithReceiptsInputAgesAndTheReport()
    {
        await using var host = new RecordHost();
        using var client = host.CreateClient();
        using var a = await Send(client, HttpMethod.Post, "/api/record", Snapshot("p-tl", "2026-10-01", 1.5m));
        using var b = await Send(client, HttpMethod.Post, "/api/record", Snapshot("p-tl", "2026-10-20", 4.0m));

        using var response = await Send(client, HttpMethod.Get, "/api/record/patients/p-tl/timeline");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var timeline = await Node(response);
        Assert.Equal("p-tl", (string?)timeline["patientId"]);
        var entries = timeline["entries"]!.AsArray();
        Assert.Equal(2, entries.Count);
        Assert.True(DateTimeOffset.Parse((string)entries[0]!["asOf"]!, System.Globalization.CultureInfo.InvariantCulture) < DateTimeOffset.Parse((string)entries[1]!["asOf"]!, System.Globalization.CultureInfo.InvariantCulture));
        var newest = entries[1]!;
        Assert.Equal(64, ((string?)newest["receipt"]!["outputSha256"])!.Length);
        Assert.Equal("2026-10-20T00:00:00+00:00", (string?)newest["receipt"]!["asOf"]);
        Assert.NotEmpty(newest["receipt"]!["arrivalIds"]!.AsArray());
        Assert.False(newest.AsObject().ContainsKey("assessment")); // only with ?assessments=true
        Assert.True(newest["course"]!["values"]!.AsObject().ContainsKey("meld3"));
        Assert.NotNull(timeline["report"]!["facts"]);
        Assert.Contains(timeline["report"]!["alerts"]!.AsArray(), x => (string?)x!["ruleId"] == "meld-not-referred");

        using var full = await Send(client, HttpMethod.Get, "/api/record/patients/p-tl/timeline?assessments=true");
        var withAssessments = (await Node(full))["entries"]!.AsArray();
        Assert.Equal("p-tl", (string?)withAssessments[1]!["assessment"]!["id"]);
        Assert.Equal((string?)newest["receipt"]!["outputSha256"], (string?)withAssessments[1]!["receipt"]!["outputSha256"]);

        using var bad = await Send(client, HttpMethod.Get, "/api/record/patients/p-tl/timeline?assessments=yes");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("assessments", (string?)(await Node(bad))["issues"]![0]!["path"]);
    }

    [Fact]
    public async Task Assessment_ByAsOf_IsTheStoredBytesMatchingTheReceipt()
    {
        await using var host = new RecordHost();
        using var client = host.CreateClient();
        using var a = await Send(client, HttpMethod.Post, "/api/record", Snapshot("p-as", "2026-10-01", 1.5m));
        using var timeline = await Send(client, HttpMethod.Get, "/api/record/patients/p-as/timeline");
        var entry = (await Node(timeline))["entries"]!.AsArray().Single()!;
        var asOf = DateTimeOffset.Parse((string)entry["asOf"]!, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

        using var response = await Send(client, HttpMethod.Get, $"/api/record/patients/p-as/assessments/{asOf}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal((string?)entry["receipt"]!["outputSha256"], Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));

        using var offset = await Send(client, HttpMethod.Get, "/api/record/patients/p-as/assessments/2026-10-01T02:00:00%2B02:00");
        Assert.Equal("2026-10-01T00:00:00Z", asOf);
        Assert.Equal(HttpStatusCode.OK, offset.StatusCode); // the same instant written with an offset
        using var none = await Send(client, HttpMethod.Get, "/api/record/patients/p-as/assessments/2026-10-02T00:00:00Z");
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        Assert.Equal("REC006", (string?)(await Node(none))["issues"]![0]!["code"]);
        using var nobody = await Send(client, HttpMethod.Get, "/api/record/patients/nobody/assessments/2026-10-01T00:00:00Z");
        Assert.Equal("REC001", (string?)(await Node(nobody))["issues"]![0]!["code"]);
        using var unzoned = await Send(client, HttpMethod.Get, "/api/record/patients/p-as/assessments/2026-10-01T00:00:00");
        Assert.Equal(HttpStatusCode.BadRequest, unzoned.StatusCode);
        Assert.Equal("asOf", (string?)(await Node(unzoned))["issues"]![0]!["path"]);
    }

    [Fact]
    public async Task Timeline_FhirInputs_HaveTheirTimeAgeAndWindow()
    {
        await using var host = new RecordHost();
        using var client = host.CreateClient();
        using var ingest = await Send(client, HttpMethod.Post, "/api/record", CirrhosisBundle(), Api.FhirJson);

        using var response = await Send(client, HttpMethod.Get, "/api/record/patients/cirrhosis-1/timeline");

        var newest = (await Node(response))["entries"]!.AsArray()[^1]!;
        // The fixture's newest bilirubin is 3.2 mg/dL of 2026-11-20T08:00Z (o-bili); the entry is made as of that instant.
        var bilirubin = Assert.Single(newest["inputs"]!.AsArray(), i => (string?)i!["path"] == "labs.bilirubin")!;
        Assert.Equal("2026-11-20T08:00:00+00:00", (string?)bilirubin["time"]);
        Assert.Equal(0, (int)bilirubin["ageDays"]!);
        Assert.NotNull(bilirubin["windowDays"]);
        Assert.False((bool)bilirubin["stale"]!);
        Assert.NotNull(bilirubin["arrivalId"]);
    }

    [Fact]
    public async Task Timeline_UnknownPatient_Is404()
    {
        await using var host = new RecordHost();
        using var client = host.CreateClient();

        using var response = await Send(client, HttpMethod.Get, "/api/record/patients/nobody/timeline");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(await Api.ProblemIssues(response), i => i.Code == "REC001");
    }

    [Fact]
    public async Task PatientAlerts_ListTheWorklistAlertOfThePatient()
    {
        await using var host = new RecordHost();
        using var client = host.CreateClient();
        using var a = await Send(client, HttpMethod.Post, "/api/record", Snapshot("p-al"));

        using var response = await Send(client, HttpMethod.Get, "/api/record/patients/p-al/alerts");
        using var unknown = await Send(client, HttpMethod.Get, "/api/record/patients/nobody/alerts");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var alert = Assert.Single((await Node(response))["alerts"]!.AsArray(), x => (string?)x!["ruleId"] == "meld-not-referred")!;
        Assert.Equal("p-al", (string?)alert["patientId"]);
        Assert.Equal("open", (string?)alert["state"]);
        Assert.Equal("AASLD/AST 2013", (string?)alert["candidate"]!["source"]!["key"]);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
