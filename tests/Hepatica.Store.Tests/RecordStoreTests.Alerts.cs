namespace Hepatica.Store.Tests;

public sealed partial class RecordStoreTests
{
    [Theory]
    [MemberData(nameof(TestRecord.Providers), MemberType = typeof(TestRecord))]
    public async Task Alerts_FireOnce_SameDataNeverAlertsTwice(string provider)
    {
        await using var record = await TestRecord.CreateAsync(provider);
        await using var store = await record.OpenAsync();
        var batch = TestRecord.Batch(TestRecord.Lab("p1", "o1", "1", TestRecord.T0, 22));

        var first = await store.IngestAsync(batch, Ct);
        var second = await store.IngestAsync(batch, Ct);

        Assert.Equal(1, first.AlertsFired);
        Assert.Equal((0, 0), (second.AlertsFired, second.AlertsUpdated));
        var alert = Assert.Single(await store.AlertsAsync(new AlertQuery(), Ct));
        Assert.Equal((TestRecord.HighRule, AlertState.Open, 0, TestRecord.T0), (alert.RuleId, alert.State, alert.Updates, alert.Candidate.EpisodeStart));
        Assert.Equal(record.Clock.Now, alert.FiredAt);
        Assert.Equal("Test rule", alert.Candidate.Source.Key);
    }

    [Theory]
    [MemberData(nameof(TestRecord.Providers), MemberType = typeof(TestRecord))]
    public async Task Alerts_NewEvidenceKeepingTheCondition_UpdatesTheAlertAndKeepsItsAcknowledgedState(string provider)
    {
        await using var record = await TestRecord.CreateAsync(provider);
        await using var store = await record.OpenAsync();
        await store.IngestAsync(TestRecord.Batch(TestRecord.Lab("p1", "o1", "1", TestRecord.T0, 22)), Ct);
        var fired = Assert.Single(await store.AlertsAsync(new AlertQuery(), Ct));
        var acknowledged = await store.SetAlertStateAsync(fired.Id, AlertState.Acknowledged, "dr-house", Ct);
        Assert.Equal((AlertState.Acknowledged, "dr-house"), (acknowledged!.State, acknowledged.StateBy));

        record.Clock.Now = record.Clock.Now.AddHours(1);
        var result = await store.IngestAsync(TestRecord.Batch(TestRecord.Lab("p1", "o2", "1", TestRecord.T0.AddDays(2), 24)), Ct);

        Assert.Equal((0, 1), (result.AlertsFired, result.AlertsUpdated));
        var alert = Assert.Single(await store.AlertsAsync(new AlertQuery(), Ct));
        Assert.Equal(fired.Id, alert.Id);
        Assert.Equal((AlertState.Acknowledged, "dr-house", 1), (alert.State, alert.StateBy, alert.Updates));
        Assert.Equal(TestRecord.T0.AddDays(2), alert.Candidate.LatestAt);
        Assert.NotEqual(fired.EvidenceKey, alert.EvidenceKey);
        Assert.Equal(record.Clock.Now, alert.UpdatedAt);
        Assert.Equal(fired.FiredAt, alert.FiredAt);
    }

    [Theory]
    [MemberData(nameof(TestRecord.Providers), MemberType = typeof(TestRecord))]
    public async Task Alerts_ConditionEnds_ResolvedByTheRule(string provider)
    {
        await using var record = await TestRecord.CreateAsync(provider);
        await using var store = await record.OpenAsync();
        await store.IngestAsync(TestRecord.Batch(TestRecord.Lab("p1", "o1", "1", TestRecord.T0, 22)), Ct);
        await store.IngestAsync(TestRecord.Batch(TestRecord.Lab("p1", "o2", "1", TestRecord.T0.AddDays(3), 15)), Ct);

        Assert.Empty(await store.AlertsAsync(new AlertQuery(), Ct));
        var resolved = Assert.Single(await store.AlertsAsync(new AlertQuery(States: [AlertState.Resolved]), Ct));
        Assert.Equal("rule", resolved.StateBy);
    }

    [Theory]
    [MemberData(nameof(TestRecord.Providers), MemberType = typeof(TestRecord))]
    public async Task Alerts_EvidenceWithdrawnThenRestored_ResolveThenReopenTheSameAlert(string provider)
    {
        await using var record = await TestRecord.CreateAsync(provider);
        await using var store = await record.OpenAsync();
        await store.IngestAsync(TestRecord.Batch(TestRecord.Lab("p1", "base", "1", TestRecord.T0.AddDays(-1), 12)), Ct);
        await store.IngestAsync(TestRecord.Batch(TestRecord.Lab("p1", "o1", "1", TestRecord.T0, 22)), Ct);
        var fired = Assert.Single(await store.AlertsAsync(new AlertQuery(), Ct));
        await store.IngestAsync(TestRecord.Batch(TestRecord.Lab("p1", "o1", "2", TestRecord.T0, 22, enteredInError: true)), Ct);
        Assert.Equal(AlertState.Resolved, Assert.Single(await store.AlertsAsync(new AlertQuery(States: [AlertState.Resolved]), Ct)).State);

        var again = await store.IngestAsync(TestRecord.Batch(TestRecord.Lab("p1", "o9", "1", TestRecord.T0, 23)), Ct);

        Assert.Equal(0, again.AlertsFired);
        var reopened = Assert.Single(await store.AlertsAsync(new AlertQuery(), Ct));
        Assert.Equal((fired.Id, AlertState.Open, (string?)null), (reopened.Id, reopened.State, reopened.StateBy));
    }

    [Theory]
    [MemberData(nameof(TestRecord.Providers), MemberType = typeof(TestRecord))]
    public async Task Alerts_ResolvedByAClinician_StayResolvedWhenNewEvidenceArrives(string provider)
    {
        await using var record = await TestRecord.CreateAsync(provider);
        await using var store = await record.OpenAsync();
        await store.IngestAsync(TestRecord.Batch(TestRecord.Lab("p1", "o1", "1", TestRecord.T0, 22)), Ct);
        var fired = Assert.Single(await store.AlertsAsync(new AlertQuery(), Ct));
        await store.SetAlertStateAsync(fired.Id, AlertState.Resolved, "dr-a", Ct);

        var result = await store.IngestAsync(TestRecord.Batch(TestRecord.Lab("p1", "o2", "1", TestRecord.T0.AddDays(1), 23)), Ct);

        Assert.Equal((0, 1), (result.AlertsFired, result.AlertsUpdated));
        var alert = Assert.Single(await store.AlertsAsync(new AlertQuery(States: [AlertState.Resolved]), Ct));
        Assert.Equal(("dr-a", 1), (alert.StateBy, alert.Updates));
    }

    [Theory]
    [MemberData(nameof(TestRecord.Providers), MemberType = typeof(TestRecord))]
    public async Task SetAlertStateAsync_UnknownAlert_IsNull(string provider)
    {
        await using var record = await TestRecord.CreateAsync(provider);
        await using var store = await record.OpenAsync();
        Assert.Null(await store.SetAlertStateAsync(12345, AlertState.Acknowledged, "dr-a", Ct));
    }

    [Theory]
    [MemberData(nameof(TestRecord.Providers), MemberType = typeof(TestRecord))]
    public async Task NoteShownAsync_TrueOnlyTheFirstTimePerAlertEvidenceAndChannel(string provider)
    {
        await using var record = await TestRecord.CreateAsync(provider);
        await using var store = await record.OpenAsync();
        await store.IngestAsync(TestRecord.Batch(TestRecord.Lab("p1", "o1", "1", TestRecord.T0, 22)), Ct);
        var alert = Assert.Single(await store.AlertsAsync(new AlertQuery(), Ct));

        Assert.True(await store.NoteShownAsync(alert.Id, alert.EvidenceKey, "cds-hooks", Ct));
        Assert.False(await store.NoteShownAsync(alert.Id, alert.EvidenceKey, "cds-hooks", Ct));
        Assert.True(await store.NoteShownAsync(alert.Id, alert.EvidenceKey, "email", Ct));
        Assert.True(await store.NoteShownAsync(alert.Id, "newer-evidence", "cds-hooks", Ct));
        Assert.False(await store.NoteShownAsync(alert.Id + 1000, alert.EvidenceKey, "cds-hooks", Ct));
    }
}
