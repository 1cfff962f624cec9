namespace Hepatica.Store.Tests;

public sealed partial class RecordStoreTests
{
    [Theory]
    [MemberData(nameof(TestRecord.Providers), MemberType = typeof(TestRecord))]
    public async Task IngestAsync_TwoStoresOnePatientInParallel_NothingLostOrDuplicatedAndOneAlertPerEpisode(string provider)
    {
        const int Labs = 40;
        await using var record = await TestRecord.CreateAsync(provider);
        await using var a = await record.OpenAsync();
        await using var b = await record.OpenAsync();
        var shared = TestRecord.Lab("p1", "first", "1", TestRecord.T0, 25);

        // Every batch carries the same first lab (stored once) and one lab of its own; half go through each store.
        var results = await Task.WhenAll(Enumerable.Range(1, Labs).Select(i => Task.Run(
            () => (i % 2 == 0 ? a : b).IngestAsync(TestRecord.Batch(shared, TestRecord.Lab("p1", $"o{i}", "1", TestRecord.T0.AddHours(i), 20 + (i % 7))), Ct),
            Ct)));

        Assert.Equal(Labs + 1, results.Sum(r => r.Stored));
        Assert.Equal(Labs - 1, results.Sum(r => r.Duplicates));
        Assert.Equal(1, results.Sum(r => r.AlertsFired));
        var arrivals = await a.ArrivalsAsync("p1", Ct);
        Assert.Equal(Labs + 1, arrivals.Count);
        Assert.Equal(arrivals.Count, arrivals.Select(x => x.Arrival.ResourceId).Distinct().Count());
        var timeline = await b.TimelineAsync("p1", Ct);
        Assert.Equal(Labs + 1, timeline!.Entries.Count);
        Assert.Equal(Labs + 1, timeline.Entries[^1].Receipt.ArrivalIds.Count);
        Assert.Equal(Labs + 1, await record.CountAsync("SELECT COUNT(*) FROM assessments WHERE is_current = TRUE"));
        var alert = Assert.Single(await a.AlertsAsync(new AlertQuery(States: [AlertState.Open, AlertState.Acknowledged, AlertState.Resolved]), Ct));
        Assert.Equal((TestRecord.HighRule, AlertState.Open, TestRecord.T0, TestRecord.T0.AddHours(Labs)), (alert.RuleId, alert.State, alert.Candidate.EpisodeStart, alert.Candidate.LatestAt));
    }

    [Theory]
    [MemberData(nameof(TestRecord.Providers), MemberType = typeof(TestRecord))]
    public async Task IngestAsync_SameBatchRacedFromTwoStores_StoresOnce(string provider)
    {
        await using var record = await TestRecord.CreateAsync(provider);
        await using var a = await record.OpenAsync();
        await using var b = await record.OpenAsync();
        for (var round = 0; round < 10; round++)
        {
            var batch = TestRecord.Batch(TestRecord.Lab($"p{round}", "o1", "1", TestRecord.T0, 22), TestRecord.Lab($"p{round}", "o1", "2", TestRecord.T0, 23));
            var results = await Task.WhenAll(Task.Run(() => a.IngestAsync(batch, Ct), Ct), Task.Run(() => b.IngestAsync(batch, Ct), Ct));

            Assert.Equal(2, results.Sum(r => r.Stored));
            Assert.Equal(1, results.Sum(r => r.AlertsFired));
            Assert.Equal(2, (await a.ArrivalsAsync($"p{round}", Ct)).Count);
        }

        Assert.Equal(10, await record.CountAsync("SELECT COUNT(*) FROM alerts"));
    }
}
