using System.Net;
using System.Text.Json.Nodes;
using Hepatica.Store;
using static Hepatica.Web.Tests.Record.RecordInputs;

namespace Hepatica.Web.Tests.Record;

/// <summary>
/// Issue 13 s.5: the web host is stateless over PostgreSQL. Two hosts on real Kestrel at loopback ports share one
/// PostgreSQL database; labs of one patient arrive at once through both (each lab sent to both hosts, so every lab
/// races its own duplicate). Afterwards nothing is lost or stored twice, each alert exists once, both hosts answer
/// the same timeline, and it is the timeline one host given the same labs one by one makes.
/// </summary>
public sealed class TwoHostsTests
{
    private const int Labs = 12;

    private static readonly DateTimeOffset First = new(2026, 11, 21, 6, 0, 0, TimeSpan.Zero);

    private static string Lab(int i) => Creatinine("cirrhosis-1", $"o-creat-{i:00}", First.AddHours(i), 3.0m + (0.1m * i));

    [Fact]
    public async Task ConcurrentIngestThroughTwoHosts_NothingLostOrDuplicated_EachAlertOnce()
    {
        var database = await PostgresServer.CreateDatabaseAsync("web-two-hosts");
        var settings = new Dictionary<string, string?> { ["Hepatica:Store"] = database, ["Hepatica:CdsHooks:RequireJwt"] = "false" };
        await using var a = new KestrelHost(settings);
        await using var b = new KestrelHost(settings);
        using var clientA = a.Client();
        using var clientB = b.Client();
        using (var bundle = await Send(clientA, HttpMethod.Post, "/api/record", CirrhosisBundle(), Api.FhirJson))
        {
            Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        }

        var sends = Enumerable.Range(0, Labs).SelectMany(i => new[]
        {
            Send(clientA, HttpMethod.Post, "/api/record", Lab(i), Api.FhirJson),
            Send(clientB, HttpMethod.Post, "/api/record", Lab(i), Api.FhirJson),
        }).ToList();
        var responses = await Task.WhenAll(sends);

        var results = new List<JsonNode>();
        foreach (var r in responses)
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            results.Add((await Node(r))["patients"]![0]!);
            r.Dispose();
        }

        Assert.Equal(Labs, results.Sum(r => (int)r["stored"]!));
        Assert.Equal(Labs, results.Sum(r => (int)r["duplicates"]!));

        await using (var store = await RecordStore.OpenAsync(StoreLocation.Parse(database), cancellationToken: Api.Ct))
        {
            var arrivals = await store.ArrivalsAsync("cirrhosis-1", Api.Ct);
            Assert.Equal(13 + Labs, arrivals.Count);
            Assert.Equal(arrivals.Count, arrivals.Select(x => (x.Arrival.ResourceType, x.Arrival.ResourceId, x.Arrival.ContentHash)).Distinct().Count());
            Assert.All(Enumerable.Range(0, Labs), i => Assert.Contains(arrivals, x => x.Arrival.ResourceId == $"o-creat-{i:00}"));
        }

        using var alertsResponse = await Send(clientB, HttpMethod.Get, "/api/record/alerts?patient=cirrhosis-1&state=all");
        var alerts = (await Node(alertsResponse))["alerts"]!.AsArray();
        Assert.NotEmpty(alerts);
        Assert.All(alerts.GroupBy(x => ((string?)x!["ruleId"], (string?)x!["candidate"]!["episodeStart"])), g => Assert.Single(g));

        var timelineA = await Timeline(clientA);
        var timelineB = await Timeline(clientB);
        Assert.Equal(timelineA, timelineB);

        // One host given the same input one by one (SQLite) makes the same assessments at the same instants.
        await using var single = new RecordHost();
        using var one = single.CreateClient();
        using (var bundle = await Send(one, HttpMethod.Post, "/api/record", CirrhosisBundle(), Api.FhirJson))
        {
            Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        }

        for (var i = 0; i < Labs; i++)
        {
            using var lab = await Send(one, HttpMethod.Post, "/api/record", Lab(i), Api.FhirJson);
            Assert.Equal(HttpStatusCode.OK, lab.StatusCode);
        }

        Assert.Equal(timelineA, await Timeline(one));
    }

    /// <summary>The timeline as (as-of, SHA-256 of the assessment) pairs, plus the alert conditions' keys.</summary>
    private static async Task<List<string>> Timeline(HttpClient client)
    {
        using var response = await Send(client, HttpMethod.Get, "/api/record/patients/cirrhosis-1/timeline");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var timeline = await Node(response);
        return
        [
            .. timeline["entries"]!.AsArray().Select(e => $"{(string?)e!["asOf"]} {(string?)e["receipt"]!["outputSha256"]}"),
            .. timeline["report"]!["alerts"]!.AsArray().Select(x => $"{(string?)x!["ruleId"]} {(string?)x["episodeStart"]} {(string?)x["evidenceKey"]}"),
        ];
    }
}
