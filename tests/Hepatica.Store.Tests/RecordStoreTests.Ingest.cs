using Hepatica.Clinical.Scoring;

namespace Hepatica.Store.Tests;

public sealed partial class RecordStoreTests
{
    [Theory]
    [MemberData(nameof(TestRecord.Providers), MemberType = typeof(TestRecord))]
    public async Task IngestAsync_SameBatchTwice_StoresOnceAndRemakesNothing(string provider)
    {
        await using var record = await TestRecord.CreateAsync(provider);
        await using var store = await record.OpenAsync();
        var batch = TestRecord.Batch(
            TestRecord.Lab("p1", "o1", "1", TestRecord.T0, 12),
            TestRecord.Lab("p1", "o2", null, TestRecord.T0.AddDays(1), 14),
            TestRecord.Snapshot("p1", TestRecord.T0.AddDays(2), 15));

        var first = await store.IngestAsync(batch, Ct);
        var second = await store.IngestAsync(batch, Ct);

        Assert.Equal((3, 0, 3), (first.Stored, first.Duplicates, first.AssessmentsMade));
        Assert.Equal((0, 3, 0, 0), (second.Stored, second.Duplicates, second.AssessmentsMade, second.Superseded));
        Assert.Equal(3, (await store.ArrivalsAsync("p1", Ct)).Count);
        Assert.Equal(3, await record.CountAsync("SELECT COUNT(*) FROM assessments"));
    }

    [Theory]
    [MemberData(nameof(TestRecord.Providers), MemberType = typeof(TestRecord))]
    public async Task IngestAsync_SameContentWithoutVersionId_StoresOnceButChangedContentIsANewVersion(string provider)
    {
        await using var record = await TestRecord.CreateAsync(provider);
        await using var store = await record.OpenAsync();
        await store.IngestAsync(TestRecord.Batch(TestRecord.Lab("p1", "o1", null, TestRecord.T0, 12, lastUpdated: TestRecord.T0)), Ct);
        var again = await store.IngestAsync(TestRecord.Batch(TestRecord.Lab("p1", "o1", null, TestRecord.T0, 12, lastUpdated: TestRecord.T0)), Ct);
        var changed = await store.IngestAsync(TestRecord.Batch(TestRecord.Lab("p1", "o1", null, TestRecord.T0, 13, lastUpdated: TestRecord.T0.AddHours(1))), Ct);

        Assert.Equal(1, again.Duplicates);
        Assert.Equal((1, 1), (changed.Stored, changed.Superseded));
        var arrivals = await store.ArrivalsAsync("p1", Ct);
        Assert.Equal([false, true], arrivals.Select(a => a.Current));
    }

    [Theory]
    [MemberData(nameof(TestRecord.Providers), MemberType = typeof(TestRecord))]
    public async Task IngestAsync_NewerVersion_SupersedesAndKeepsTheOlderInHistory(string provider)
    {
        await using var record = await TestRecord.CreateAsync(provider);
        await using var store = await record.OpenAsync();
        await store.IngestAsync(TestRecord.Batch(TestRecord.Lab("p1", "o1", "1", TestRecord.T0, 12)), Ct);
        var result = await store.IngestAsync(TestRecord.Batch(TestRecord.Lab("p1", "o1", "2", TestRecord.T0, 22)), Ct);

        Assert.Equal((1, 1), (result.Stored, result.Superseded));
        var arrivals = await store.ArrivalsAsync("p1", Ct);
        Assert.Equal(["1", "2"], arrivals.Select(a => a.Arrival.VersionId));
        Assert.Equal([false, true], arrivals.Select(a => a.Current));
        Assert.Equal(arrivals[1].Id, await record.CountAsync($"SELECT superseded_by FROM arrivals WHERE id = {arrivals[0].Id}"));
        var timeline = await store.TimelineAsync("p1", Ct);
        var entry = Assert.Single(timeline!.Entries);
        Assert.Equal([arrivals[1].Id], entry.Receipt.ArrivalIds);
        Assert.Equal(2, await record.CountAsync("SELECT COUNT(*) FROM assessments"));
    }

    [Theory]
    [MemberData(nameof(TestRecord.Providers), MemberType = typeof(TestRecord))]
    public async Task IngestAsync_OlderVersionArrivingLate_DoesNotReplaceTheNewer(string provider)
    {
        await using var record = await TestRecord.CreateAsync(provider);
        await using var store = await record.OpenAsync();
        await store.IngestAsync(TestRecord.Batch(TestRecord.Lab("p1", "o1", "10", TestRecord.T0, 22)), Ct);
        var late = await store.IngestAsync(TestRecord.Batch(TestRecord.Lab("p1", "o1", "9", TestRecord.T0, 12)), Ct);

        Assert.Equal(0, late.Superseded);
        var current = Assert.Single(await store.ArrivalsAsync("p1", Ct), a => a.Current);
        Assert.Equal("10", current.Arrival.VersionId);
    }

    [Theory]
    [MemberData(nameof(TestRecord.Providers), MemberType = typeof(TestRecord))]
    public async Task IngestAsync_EnteredInError_WithdrawsEveryVersionAndRemakesTheTimelineWithoutIt(string provider)
    {
        await using var record = await TestRecord.CreateAsync(provider);
        await using var store = await record.OpenAsync();
        await store.IngestAsync(TestRecord.Batch(TestRecord.Lab("p1", "base", "1", TestRecord.T0, 12)), Ct);
        await store.IngestAsync(TestRecord.Batch(TestRecord.Lab("p1", "o1", "1", TestRecord.T0.AddDays(5), 24), TestRecord.Lab("p1", "o1", "2", TestRecord.T0.AddDays(5), 25)), Ct);
        Assert.Equal(2, (await store.TimelineAsync("p1", Ct))!.Entries.Count);

        var withdrawn = await store.IngestAsync(TestRecord.Batch(TestRecord.Lab("p1", "o1", "3", TestRecord.T0.AddDays(5), 25, enteredInError: true)), Ct);

        Assert.Equal(1, withdrawn.Superseded);
        Assert.All((await store.ArrivalsAsync("p1", Ct)).Where(a => a.Arrival.ResourceId == "o1"), a => Assert.False(a.Current));
        var timeline = await store.TimelineAsync("p1", Ct);
        var entry = Assert.Single(timeline!.Entries);
        Assert.Equal(TestRecord.T0, entry.AsOf);
        Assert.Equal(12m, entry.Point.Values["meld3"]);
        Assert.Equal(2, await record.CountAsync("SELECT COUNT(*) FROM assessments"));
        Assert.Equal(1, await record.CountAsync("SELECT COUNT(*) FROM assessments WHERE is_current = TRUE"));
    }

    [Theory]
    [MemberData(nameof(TestRecord.Providers), MemberType = typeof(TestRecord))]
    public async Task IngestAsync_BatchWithAnError_IsRefusedAndStoresNothing(string provider)
    {
        await using var record = await TestRecord.CreateAsync(provider);
        await using var store = await record.OpenAsync();
        var arrivals = new[] { TestRecord.Lab("p1", "o1", "1", TestRecord.T0, 12), TestRecord.Lab("p1", "o2", "1", TestRecord.T0, 13) };
        var batch = new IngestBatch("p1", arrivals, [new InputIssue("FHIR001", IssueSeverity.Error, "entry[1]", "broken")]);

        var result = await store.IngestAsync(batch, Ct);

        Assert.True(result.Refused);
        Assert.Equal(0, result.Stored);
        Assert.Null(await store.TimelineAsync("p1", Ct));
        Assert.Equal(0, await record.CountAsync("SELECT COUNT(*) FROM arrivals"));
        Assert.Equal(0, await record.CountAsync("SELECT COUNT(*) FROM patients"));
    }

    [Theory]
    [MemberData(nameof(TestRecord.Providers), MemberType = typeof(TestRecord))]
    public async Task IngestAsync_ALaterLab_MakesOnlyTheNewEntry(string provider)
    {
        await using var record = await TestRecord.CreateAsync(provider);
        await using var store = await record.OpenAsync();
        await store.IngestAsync(TestRecord.Batch(TestRecord.Lab("p1", "o1", "1", TestRecord.T0, 12)), Ct);
        var later = await store.IngestAsync(TestRecord.Batch(TestRecord.Lab("p1", "o2", "1", TestRecord.T0.AddDays(3), 14)), Ct);

        Assert.Equal(1, later.AssessmentsMade);
        var timeline = await store.TimelineAsync("p1", Ct);
        Assert.Equal([TestRecord.T0, TestRecord.T0.AddDays(3)], timeline!.Entries.Select(e => e.AsOf));
        Assert.Equal(30, timeline.Entries[1].Inputs[0].WindowDays);
    }

    [Theory]
    [MemberData(nameof(TestRecord.Providers), MemberType = typeof(TestRecord))]
    public async Task ErasePatientAsync_LeavesNothingOfThePatientAndTheOthersUntouched(string provider)
    {
        await using var record = await TestRecord.CreateAsync(provider);
        await using var store = await record.OpenAsync();
        await store.IngestAsync(TestRecord.Batch(TestRecord.Lab("p1", "o1", "1", TestRecord.T0, 22), TestRecord.Lab("p1", "o1", "2", TestRecord.T0, 32)), Ct);
        await store.IngestAsync(TestRecord.Batch(TestRecord.Lab("p2", "o1", "1", TestRecord.T0, 25)), Ct);
        var alert = (await store.AlertsAsync(new AlertQuery(PatientId: "p1"), Ct))[0];
        Assert.True(await store.NoteShownAsync(alert.Id, alert.EvidenceKey, "cds-hooks", Ct));

        Assert.True(await store.ErasePatientAsync("p1", Ct));

        foreach (var table in new[] { "arrivals", "assessments", "alerts" })
        {
            Assert.Equal(0, await record.CountAsync($"SELECT COUNT(*) FROM {table} WHERE patient_id = 'p1'"));
            Assert.NotEqual(0, await record.CountAsync($"SELECT COUNT(*) FROM {table} WHERE patient_id = 'p2'"));
        }

        Assert.Equal(0, await record.CountAsync("SELECT COUNT(*) FROM shown"));
        Assert.Equal(["p2"], await store.PatientsAsync(cancellationToken: Ct));
        Assert.Null(await store.TimelineAsync("p1", Ct));
        Assert.False(await store.ErasePatientAsync("p1", Ct));
    }

    [Fact]
    public async Task ErasePatientAsync_Sqlite_LeavesNoBytesOfThePatientInTheFileOrItsLog()
    {
        await using var record = await TestRecord.CreateAsync("sqlite");
        const string Marker = "marker-5f0c1d9e-erase-me";
        await using (var store = await record.OpenAsync())
        {
            await store.IngestAsync(TestRecord.Batch(TestRecord.Lab("p1", Marker, "1", TestRecord.T0, 22)), Ct);
            await store.IngestAsync(TestRecord.Batch(TestRecord.Lab("p2", "o1", "1", TestRecord.T0, 12)), Ct);
            Assert.True(await store.ErasePatientAsync("p1", Ct));
        }

        var marker = System.Text.Encoding.UTF8.GetBytes(Marker);
        foreach (var file in new[] { record.Location.Display, record.Location.Display + "-wal" }.Where(File.Exists))
        {
            Assert.Equal(-1, File.ReadAllBytes(file).AsSpan().IndexOf(marker));
        }
    }

    [Theory]
    [MemberData(nameof(TestRecord.Providers), MemberType = typeof(TestRecord))]
    public async Task IngestAsync_ALargeBatchWithRepeatsInsideAndAlreadyStored_CountsEachOnce(string provider)
    {
        await using var record = await TestRecord.CreateAsync(provider);
        await using var store = await record.OpenAsync();
        var labs = Enumerable.Range(0, 450).Select(i => TestRecord.Lab("p1", $"o{i}", "1", TestRecord.T0.AddHours(i), 10 + (i % 5))).ToList();
        await store.IngestAsync(TestRecord.Batch([.. labs.Take(100)]), Ct);

        // 450 labs, the first 100 already stored, and labs 200-259 twice in the batch itself.
        var result = await store.IngestAsync(TestRecord.Batch([.. labs, .. labs.Skip(200).Take(60)]), Ct);

        Assert.Equal((350, 160), (result.Stored, result.Duplicates));
        var arrivals = await store.ArrivalsAsync("p1", Ct);
        Assert.Equal(450, arrivals.Count);
        Assert.Equal(Enumerable.Range(0, 450).Select(i => $"o{i}"), arrivals.OrderBy(a => a.Arrival.Effective).Select(a => a.Arrival.ResourceId));
        Assert.Equal(450, (await store.TimelineAsync("p1", Ct))!.Entries.Count);
    }
}
