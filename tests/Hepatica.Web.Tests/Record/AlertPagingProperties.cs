using System.Net;
using FsCheck;
using FsCheck.Xunit;
using static Hepatica.Web.Tests.Record.RecordInputs;

namespace Hepatica.Web.Tests.Record;

/// <summary>One host whose record holds seven patients, each with their meld-not-referred alert (demo-001's values).</summary>
public sealed class SevenPatients : IAsyncLifetime
{
    public const int Count = 7;

    internal RecordHost Host { get; } = new();

    public async ValueTask InitializeAsync()
    {
        using var client = Host.CreateClient();
        for (var i = 0; i < Count; i++)
        {
            using var response = await Send(client, HttpMethod.Post, "/api/record", Snapshot($"pp-{i}"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}

/// <summary>
/// Keyset paging, for any page size: following <c>next</c> from the first page visits every alert exactly once, in id
/// order, in ceil(n / limit) pages, the same alerts one page of the largest size gives.
/// </summary>
public sealed class AlertPagingProperties(SevenPatients record) : IClassFixture<SevenPatients>
{
    [Property(MaxTest = 25)]
    public async Task<bool> FollowingNext_VisitsEveryAlertOnceInOrder(PositiveInt size)
    {
        var limit = ((size.Get - 1) % 9) + 1; // 1 to 9: below, at and above the seven alerts
        using var client = record.Host.CreateClient();
        using var all = await Send(client, HttpMethod.Get, "/api/record/worklists/meld-not-referred?limit=500");
        var expected = (await Node(all))["alerts"]!.AsArray().Select(a => (long)a!["id"]!).ToList();

        var seen = new List<long>();
        var pages = 0;
        string? url = $"/api/record/worklists/meld-not-referred?limit={limit}";
        while (url is not null && pages <= SevenPatients.Count)
        {
            using var response = await Send(client, HttpMethod.Get, url);
            var page = await Node(response);
            seen.AddRange(page["alerts"]!.AsArray().Select(a => (long)a!["id"]!));
            url = (string?)page["next"];
            pages++;
        }

        return expected.Count == SevenPatients.Count && seen.SequenceEqual(expected) && pages == (SevenPatients.Count + limit - 1) / limit;
    }
}
