using Hepatica.Clinical.Course;

namespace Hepatica.Store.Tests;

public sealed partial class RecordStoreTests
{
    [Theory]
    [MemberData(nameof(TestRecord.Providers), MemberType = typeof(TestRecord))]
    public async Task AlertsAsync_FiltersAndKeysetPaging_ReturnEachMatchOnceInIdOrder(string provider)
    {
        await using var record = await TestRecord.CreateAsync(provider);
        await using var store = await record.OpenAsync();
        // p1..p5 at 22 (one warning each); p2 and p4 also at 32 (a critical too).
        foreach (var i in Enumerable.Range(1, 5))
        {
            await store.IngestAsync(TestRecord.Batch(TestRecord.Lab($"p{i}", "o1", "1", TestRecord.T0, i % 2 == 0 ? 32 : 22)), Ct);
        }

        var all = await store.AlertsAsync(new AlertQuery(), Ct);
        Assert.Equal(7, all.Count);
        Assert.Equal(all.Select(a => a.Id).Order(), all.Select(a => a.Id));

        var paged = new List<StoredAlert>();
        long? after = null;
        while (true)
        {
            var page = await store.AlertsAsync(new AlertQuery(AfterId: after, Limit: 3), Ct);
            if (page.Count == 0)
            {
                break;
            }

            Assert.True(page.Count <= 3);
            paged.AddRange(page);
            after = page[^1].Id;
        }

        Assert.Equal(all.Select(a => a.Id), paged.Select(a => a.Id));
        Assert.Equal(["p2", "p4"], (await store.AlertsAsync(new AlertQuery(MinSeverity: AlertSeverity.Critical), Ct)).Select(a => a.PatientId));
        Assert.Equal([TestRecord.HighRule, TestRecord.VeryHighRule], (await store.AlertsAsync(new AlertQuery(PatientId: "p2"), Ct)).Select(a => a.RuleId));
        Assert.Equal(5, (await store.AlertsAsync(new AlertQuery(RuleIds: [TestRecord.HighRule]), Ct)).Count);
        Assert.Empty(await store.AlertsAsync(new AlertQuery(RuleIds: []), Ct));

        await store.SetAlertStateAsync(all[0].Id, AlertState.Acknowledged, "dr-a", Ct);
        Assert.Equal([all[0].Id], (await store.AlertsAsync(new AlertQuery(States: [AlertState.Acknowledged]), Ct)).Select(a => a.Id));
        Assert.Equal(7, (await store.AlertsAsync(new AlertQuery(), Ct)).Count);
        Assert.Empty(await store.AlertsAsync(new AlertQuery(States: [AlertState.Resolved]), Ct));
    }

    [Theory]
    [MemberData(nameof(TestRecord.Providers), MemberType = typeof(TestRecord))]
    public async Task AlertsAsync_LimitOutsideOneToAThousand_IsABug(string provider)
    {
        await using var record = await TestRecord.CreateAsync(provider);
        await using var store = await record.OpenAsync();
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.AlertsAsync(new AlertQuery(Limit: 0), Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.AlertsAsync(new AlertQuery(Limit: 1001), Ct));
    }

    [Theory]
    [MemberData(nameof(TestRecord.Providers), MemberType = typeof(TestRecord))]
    public async Task PatientsAsync_KeysetPaging_InOrdinalOrder(string provider)
    {
        await using var record = await TestRecord.CreateAsync(provider);
        await using var store = await record.OpenAsync();
        string[] ids = ["b", "B", "a-1", "a", "Z", "c"];
        foreach (var id in ids)
        {
            await store.IngestAsync(TestRecord.Batch(TestRecord.Lab(id, "o1", "1", TestRecord.T0, 10)), Ct);
        }

        var first = await store.PatientsAsync(limit: 4, cancellationToken: Ct);
        var rest = await store.PatientsAsync(first[^1], 4, Ct);

        Assert.Equal(ids.Order(StringComparer.Ordinal), [.. first, .. rest]);
        Assert.Equal(4, first.Count);
    }

    [Theory]
    [MemberData(nameof(TestRecord.Providers), MemberType = typeof(TestRecord))]
    public async Task ArrivalsAsync_KeepsTheBytesAndProvenanceAsTheyArrived(string provider)
    {
        await using var record = await TestRecord.CreateAsync(provider);
        await using var store = await record.OpenAsync();
        var lab = TestRecord.Lab("p1", "o1", "3", TestRecord.T0, 12, lastUpdated: TestRecord.T0.AddMinutes(5));
        await store.IngestAsync(TestRecord.Batch(lab), Ct);

        var stored = Assert.Single(await store.ArrivalsAsync("p1", Ct));

        Assert.Equal(lab.Body.ToArray(), stored.Arrival.Body.ToArray());
        Assert.Equal(lab with { Body = stored.Arrival.Body }, stored.Arrival);
        Assert.Equal(record.Clock.Now, stored.ReceivedAt);
        Assert.True(stored.Current);
    }
}
