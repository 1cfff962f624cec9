using System.Net;
using System.Text.Json.Nodes;
using static Hepatica.Web.Tests.Record.RecordInputs;

namespace Hepatica.Web.Tests.Record;

/// <summary>Alerts across patients: filters, keyset paging, worklists, acknowledge and resolve, erase.</summary>
public sealed partial class RecordApiTests
{
    private static async Task<RecordHost> WithPatients(int count, Dictionary<string, string?>? settings = null)
    {
        var host = new RecordHost(settings);
        using var client = host.CreateClient();
        for (var i = 0; i < count; i++)
        {
            using var response = await Send(client, HttpMethod.Post, "/api/record", Snapshot($"p-{i:00}"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        return host;
    }

    [Fact]
    public async Task Alerts_KeysetPaging_FollowsNextToTheEndWithoutRepeats()
    {
        await using var host = await WithPatients(3);
        using var client = host.CreateClient();

        var seen = new List<long>();
        var url = "/api/record/alerts?rule=meld-not-referred&limit=2";
        var pages = 0;
        while (url is not null)
        {
            using var response = await Send(client, HttpMethod.Get, url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await Node(response);
            seen.AddRange(page["alerts"]!.AsArray().Select(a => (long)a!["id"]!));
            url = (string?)page["next"];
            pages++;
            Assert.True(pages < 10, "paging did not end");
        }

        Assert.Equal(2, pages); // 2 + 1
        Assert.Equal(3, seen.Count);
        Assert.Equal(seen.Order(), seen);
        Assert.Equal(seen.Distinct(), seen);
    }

    [Fact]
    public async Task Alerts_NextLinkKeepsTheFilters()
    {
        await using var host = await WithPatients(2);
        using var client = host.CreateClient();

        using var response = await Send(client, HttpMethod.Get, "/api/record/alerts?rule=meld-not-referred&severity=info&limit=1");

        var next = (string?)(await Node(response))["next"];
        Assert.NotNull(next);
        Assert.StartsWith("/api/record/alerts?", next, StringComparison.Ordinal);
        Assert.Contains("rule=meld-not-referred", next, StringComparison.Ordinal);
        Assert.Contains("severity=info", next, StringComparison.Ordinal);
        Assert.Contains("limit=1", next, StringComparison.Ordinal);
        Assert.Contains("after=", next, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alerts_Filters_ByPatientRuleAndSeverity()
    {
        await using var host = await WithPatients(2);
        using var client = host.CreateClient();

        using var one = await Send(client, HttpMethod.Get, "/api/record/alerts?patient=p-01");
        using var otherRule = await Send(client, HttpMethod.Get, "/api/record/alerts?rule=hbv-reactivation");
        using var critical = await Send(client, HttpMethod.Get, "/api/record/alerts?rule=meld-not-referred&severity=critical");

        Assert.All((await Node(one))["alerts"]!.AsArray(), a => Assert.Equal("p-01", (string?)a!["patientId"]));
        Assert.NotEmpty((await Node(one))["alerts"]!.AsArray());
        Assert.Empty((await Node(otherRule))["alerts"]!.AsArray());
        Assert.Empty((await Node(critical))["alerts"]!.AsArray()); // meld-not-referred is info (WorklistRules)
    }

    [Fact]
    public async Task Alerts_BadParameters_Are400ListingEach()
    {
        await using var host = new RecordHost();
        using var client = host.CreateClient();

        using var response = await Send(client, HttpMethod.Get, "/api/record/alerts?limit=0&severity=loud&state=gone&after=x");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var issues = await Api.ProblemIssues(response);
        Assert.Equal(["after", "limit", "severity", "state"], issues.Select(i => i.Path).Order(StringComparer.Ordinal));
        Assert.All(issues, i => Assert.Equal("API003", i.Code));
    }

    [Theory]
    [InlineData("501")]
    [InlineData("-1")]
    public async Task Alerts_LimitOutOfRange_Is400(string limit)
    {
        await using var host = new RecordHost();
        using var client = host.CreateClient();

        using var response = await Send(client, HttpMethod.Get, "/api/record/alerts?limit=" + limit);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Worklists_AreTheirRules()
    {
        await using var host = await WithPatients(2);
        using var client = host.CreateClient();

        using var meld = await Send(client, HttpMethod.Get, "/api/record/worklists/meld-not-referred");
        using var hbv = await Send(client, HttpMethod.Get, "/api/record/worklists/hbv-unknown-before-b-cell-depletion");

        var listed = (await Node(meld))["alerts"]!.AsArray();
        Assert.Equal(["p-00", "p-01"], listed.Select(a => (string)a!["patientId"]!).Order(StringComparer.Ordinal));
        Assert.All(listed, a => Assert.Equal("meld-not-referred", (string?)a!["ruleId"]));
        Assert.Empty((await Node(hbv))["alerts"]!.AsArray()); // demo-001 has no B-cell depleting therapy
    }

    [Fact]
    public async Task AcknowledgeThenResolve_KeepTheStateAndWhoSetIt()
    {
        await using var host = await WithPatients(1);
        using var client = host.CreateClient();
        using var list = await Send(client, HttpMethod.Get, "/api/record/worklists/meld-not-referred");
        var id = (long)(await Node(list))["alerts"]![0]!["id"]!;

        using var ack = await Send(client, HttpMethod.Post, $"/api/record/alerts/{id}/acknowledge", header: ("X-Hepatica-User", "dr-ack"));
        using var open = await Send(client, HttpMethod.Get, "/api/record/worklists/meld-not-referred?state=acknowledged");
        using var resolve = await Send(client, HttpMethod.Post, $"/api/record/alerts/{id}/resolve", "{\"by\": \"dr-resolve\"}", header: ("X-Hepatica-User", "dr-header"));
        using var defaults = await Send(client, HttpMethod.Get, "/api/record/worklists/meld-not-referred");
        using var resolved = await Send(client, HttpMethod.Get, "/api/record/alerts?state=resolved");

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.Equal("acknowledged", (string?)(await Node(ack))["state"]);
        Assert.Equal("dr-ack", (string?)(await Node(ack))["stateBy"]);
        Assert.Single((await Node(open))["alerts"]!.AsArray());
        Assert.Equal("resolved", (string?)(await Node(resolve))["state"]);
        Assert.Equal("dr-resolve", (string?)(await Node(resolve))["stateBy"]); // the body wins over the header
        Assert.Empty((await Node(defaults))["alerts"]!.AsArray()); // default: open and acknowledged
        Assert.Equal(id, (long)(await Node(resolved))["alerts"]![0]!["id"]!);
    }

    [Fact]
    public async Task Acknowledge_UnknownAlert_Is404()
    {
        await using var host = new RecordHost();
        using var client = host.CreateClient();

        using var response = await Send(client, HttpMethod.Post, "/api/record/alerts/999/acknowledge");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(await Api.ProblemIssues(response), i => i.Code == "REC002");
    }

    [Fact]
    public async Task Erase_IsOffByDefault_AndErasesNothing()
    {
        await using var host = await WithPatients(1);
        using var client = host.CreateClient();

        using var response = await Send(client, HttpMethod.Delete, "/api/record/patients/p-00");
        using var timeline = await Send(client, HttpMethod.Get, "/api/record/patients/p-00/timeline");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(await Api.ProblemIssues(response), i => i.Code == "REC003");
        Assert.Equal(HttpStatusCode.OK, timeline.StatusCode);
    }

    [Fact]
    public async Task Erase_WhenAllowed_ErasesThePatientOnly()
    {
        await using var host = await WithPatients(2, new() { ["Hepatica:Record:AllowErase"] = "true" });
        using var client = host.CreateClient();

        using var response = await Send(client, HttpMethod.Delete, "/api/record/patients/p-00");
        using var again = await Send(client, HttpMethod.Delete, "/api/record/patients/p-00");
        using var gone = await Send(client, HttpMethod.Get, "/api/record/patients/p-00/timeline");
        using var kept = await Send(client, HttpMethod.Get, "/api/record/patients/p-01/timeline");
        using var alerts = await Send(client, HttpMethod.Get, "/api/record/alerts?state=all");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.All((await Node(alerts))["alerts"]!.AsArray(), a => Assert.Equal("p-01", (string?)a!["patientId"]));
    }

    [Fact]
    public async Task Logs_CarryIdsAndCountsOnly()
    {
        await using var host = new RecordHost();
        using var client = host.CreateClient();
        using var a = await Send(client, HttpMethod.Post, "/api/record", Snapshot("p-log", bilirubin: 7.77m));
        using var b = await Send(client, HttpMethod.Post, "/api/record", CirrhosisBundle(), Api.FhirJson);

        var text = string.Join("\n", host.Logs.Entries.Select(e => e.Message + e.Exception));

        Assert.Contains("p-log", text, StringComparison.Ordinal);
        Assert.DoesNotContain("7.77", text, StringComparison.Ordinal);
        Assert.DoesNotContain("mg/dL", text, StringComparison.Ordinal);
        Assert.DoesNotContain("female", text, StringComparison.Ordinal);
        Assert.DoesNotContain("umol", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_DatabaseUnreachable_Is503NotA500()
    {
        await using var host = new RecordHost(new() { ["Hepatica:Store"] = "Host=127.0.0.1;Port=9;Database=none;Username=none;Timeout=2" });
        using var client = host.CreateClient();

        using var ingest = await Send(client, HttpMethod.Post, "/api/record", Snapshot("p-down"));
        using var alerts = await Send(client, HttpMethod.Get, "/api/record/alerts");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ingest.StatusCode);
        Assert.Contains(await Api.ProblemIssues(ingest), i => i.Code == "REC005");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, alerts.StatusCode);
    }

    [Fact]
    public async Task HbvWorklist_BCellDepletingWithoutHepatitisBStatus_IsListedUntilTested()
    {
        // AGA 2015, CDC 2023, ASCO 2020 (WorklistRules): test HBsAg and anti-HBc before anti-CD20 therapy. Rituximab
        // (RxNorm 121191) planned with no serology holds; the same patient with HBsAg and anti-HBc both known does not.
        await using var host = new RecordHost();
        using var client = host.CreateClient();
        var untested = JsonNode.Parse(Snapshot("p-rtx"))!;
        untested["medications"] = new JsonArray(new JsonObject { ["class"] = "b-cell-depleting", ["name"] = "rituximab", ["code"] = new JsonObject { ["system"] = "rxnorm", ["value"] = "121191" } });
        var tested = untested.DeepClone();
        tested["id"] = "p-rtx-tested";
        tested["serology"] = new JsonObject { ["hbsag"] = new JsonObject { ["result"] = "negative" }, ["antiHbcTotal"] = new JsonObject { ["result"] = "negative" } };
        using var a = await Send(client, HttpMethod.Post, "/api/record", untested.ToJsonString());
        using var b = await Send(client, HttpMethod.Post, "/api/record", tested.ToJsonString());

        using var response = await Send(client, HttpMethod.Get, "/api/record/worklists/hbv-unknown-before-b-cell-depletion");

        Assert.Equal(HttpStatusCode.OK, a.StatusCode);
        Assert.Equal(HttpStatusCode.OK, b.StatusCode);
        var alert = Assert.Single((await Node(response))["alerts"]!.AsArray())!;
        Assert.Equal("p-rtx", (string?)alert["patientId"]);
        Assert.Equal("warning", (string?)alert["candidate"]!["severity"]);
    }
}
