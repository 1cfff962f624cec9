using System.Net;
using System.Text.Json.Nodes;
using Hepatica.Web.Tests.CdsHooks;
using static Hepatica.Web.Tests.Record.RecordInputs;

namespace Hepatica.Web.Tests.Record;

/// <summary>
/// patient-view trend cards: when the record holds the patient, its open alerts come as "since the last visit" cards,
/// each once per evidence; without the patient in the record the cards are the same as without a record.
/// </summary>
public sealed class TrendCardTests
{
    private const string Path = "/cds-services/hepatica-patient-view";

    private static async Task<List<JsonObject>> Cards(RecordHost host, string request)
    {
        using var client = host.CreateClient();
        using var response = await Send(client, HttpMethod.Post, Path, request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Node(response);
        CardContract.Check(body);
        return [.. CdsHooks.Json.Cards(body)];
    }

    private static bool IsTrend(JsonObject card) => ((string)card["summary"]!).StartsWith("Since the last visit: ", StringComparison.Ordinal);

    [Fact]
    public async Task PatientView_RecordHoldsThePatient_TrendCardOnceThenNotAgain()
    {
        await using var host = new RecordHost();
        using var client = host.CreateClient();
        using var ingest = await Send(client, HttpMethod.Post, "/api/record", CirrhosisBundle(), Api.FhirJson);
        var request = Requests.Json(Requests.PatientView(Requests.Fixture("cirrhosis-ascites-dialysis.json")));

        var first = await Cards(host, request);
        var second = await Cards(host, request);

        var trend = Assert.Single(first, c => IsTrend(c) && ((string)c["detail"]!).Contains("meld-not-referred", StringComparison.Ordinal));
        Assert.Equal("AASLD/AST 2013", (string?)trend["source"]!["label"]);
        Assert.Equal("info", (string?)trend["indicator"]);
        Assert.Contains("**Sources**", (string?)trend["detail"], StringComparison.Ordinal);
        Assert.DoesNotContain(second, IsTrend);
        Assert.Equal(first.Count(c => !IsTrend(c)), second.Count);
    }

    [Fact]
    public async Task PatientView_NewEvidence_ShowsTheAlertAgainUpdated()
    {
        await using var host = new RecordHost();
        using var client = host.CreateClient();
        using var ingest = await Send(client, HttpMethod.Post, "/api/record", CirrhosisBundle(), Api.FhirJson);
        var request = Requests.Json(Requests.PatientView(Requests.Fixture("cirrhosis-ascites-dialysis.json")));
        var first = await Cards(host, request);

        using var lab = await Send(client, HttpMethod.Post, "/api/record", Creatinine("cirrhosis-1", "o-creat-2", new DateTimeOffset(2026, 11, 21, 8, 0, 0, TimeSpan.Zero), 3.4m), Api.FhirJson);
        var after = await Cards(host, request);

        Assert.Contains(first, IsTrend);
        Assert.Contains(after, c => IsTrend(c) && ((string)c["detail"]!).Contains("meld-not-referred", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PatientView_RecordDoesNotHoldThePatient_NoTrendCardsAndTheSameCards()
    {
        await using var host = new RecordHost();
        using var client = host.CreateClient();
        using var other = await Send(client, HttpMethod.Post, "/api/record", Snapshot("someone-else"));
        var request = Requests.Json(Requests.PatientView(Requests.Fixture("cirrhosis-ascites-dialysis.json")));

        var cards = await Cards(host, request);
        await using var plain = new CdsHost();
        var (_, without) = await plain.PostJson(Path, request);

        Assert.DoesNotContain(cards, IsTrend);
        Assert.Equal(CdsHooks.Json.Cards(without).Select(c => (string?)c["summary"]), cards.Select(c => (string?)c["summary"]));
    }

    [Fact]
    public async Task PatientView_RecordUnreachable_TheOtherCardsAreServed()
    {
        // Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
        await using var host = new RecordHost(new() { ["Hepatica:Store"] = "Host=127.0.0.1;Port=9;Database=none;Username=none;Timeout=2" });
        var request = Requests.Json(Requests.PatientView(Requests.Fixture("cirrhosis-ascites-dialysis.json")));

        var cards = await Cards(host, request);
        await using var plain = new CdsHost();
        var (_, without) = await plain.PostJson(Path, request);

        Assert.Equal(CdsHooks.Json.Cards(without).Select(c => (string?)c["summary"]), cards.Select(c => (string?)c["summary"]));
        Assert.Contains(host.Logs.Entries, e => e.Message.Contains("could not be read for trend cards", StringComparison.Ordinal));
    }
}
