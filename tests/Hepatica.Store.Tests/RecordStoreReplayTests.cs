using Hepatica.Clinical;
using static Hepatica.Store.Tests.IngestInputs;

namespace Hepatica.Store.Tests;

/// <summary>
/// The store with the real parser and replay (the public <see cref="RecordStore.OpenAsync(StoreLocation, GuidelineProfile, TimeProvider?, CancellationToken)"/>),
/// on both databases: what it stores re-makes byte for byte from its receipts, and a timeline grown lab by lab (reusing
/// stored entries) is the one made from scratch.
/// </summary>
public sealed class RecordStoreReplayTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestRecord.Providers), MemberType = typeof(TestRecord))]
    public async Task IngestAsync_FhirBundle_EveryStoredEntryRerunsByteForByteFromItsReceipt(string provider)
    {
        await using var record = await TestRecord.CreateAsync(provider);
        await using var store = await RecordStore.OpenAsync(record.Location, GuidelineProfile.Us, record.Clock, Ct);
        var batches = IngestParser.Parse(FhirFixture("aclf.json"), "aclf.json");
        var batch = Assert.Single(batches);

        var first = await store.IngestAsync(batch, Ct);
        var again = await store.IngestAsync(batch, Ct);

        Assert.Equal(batch.Arrivals.Count, first.Stored);
        Assert.Equal((0, batch.Arrivals.Count, 0), (again.Stored, again.Duplicates, again.AssessmentsMade));
        var timeline = await store.TimelineAsync(batch.PatientId, Ct);
        Assert.NotEmpty(timeline!.Entries);
        Assert.Equal(first.AssessmentsMade, timeline.Entries.Count);
        var arrivals = await store.ArrivalsAsync(batch.PatientId, Ct);
        foreach (var entry in timeline.Entries)
        {
            Assert.Equal(entry.AssessmentJson, Replay.Rerun(entry.Receipt, arrivals).Json);
            Assert.Equal(entry.Receipt.OutputSha256, Sha256(System.Text.Encoding.UTF8.GetBytes(entry.AssessmentJson!)));
        }
    }

    [Theory]
    [MemberData(nameof(TestRecord.Providers), MemberType = typeof(TestRecord))]
    public async Task IngestAsync_LabByLab_GivesTheTimelineMadeFromScratch(string provider)
    {
        await using var record = await TestRecord.CreateAsync(provider);
        await using var store = await RecordStore.OpenAsync(record.Location, GuidelineProfile.Us, record.Clock, Ct);
        string[] labs =
        [
            Observation("b1", "1975-2", 2.0m, "mg/dL", "2026-10-01T08:00:00Z"),
            Observation("c1", "2160-0", 1.0m, "mg/dL", "2026-10-01T08:00:00Z"),
            Observation("i1", "6301-6", 1.4m, "{INR}", "2026-10-01T08:00:00Z"),
            Observation("n1", "2951-2", 134m, "mmol/L", "2026-10-01T08:00:00Z"),
            Observation("a1", "1751-7", 3.1m, "g/dL", "2026-10-01T08:00:00Z"),
            Observation("b2", "1975-2", 3.5m, "mg/dL", "2026-10-08T08:00:00Z"),
            Observation("c2", "2160-0", 1.9m, "mg/dL", "2026-10-15T08:00:00Z"),
            Observation("b3", "1975-2", 5.0m, "mg/dL", "2026-10-04T08:00:00Z"),
        ];
        await store.IngestAsync(Assert.Single(IngestParser.Parse(Utf8(Bundle(Patient("p1"))), "api")), Ct);
        var made = new List<int>();
        foreach (var lab in labs)
        {
            made.Add((await store.IngestAsync(Assert.Single(IngestParser.Parse(Utf8(lab), "api")), Ct)).AssessmentsMade);
        }

        var timeline = await store.TimelineAsync("p1", Ct);
        var current = (await store.ArrivalsAsync("p1", Ct)).Where(a => a.Current).ToList();
        var scratch = Replay.Build("p1", current, GuidelineProfile.Us);
        Assert.Equal(scratch.Select(e => (e.AsOf, e.Receipt.OutputSha256)), timeline!.Entries.Select(e => (e.AsOf, e.Receipt.OutputSha256)));
        Assert.Equal(scratch.Select(e => e.AssessmentJson), timeline.Entries.Select(e => e.AssessmentJson));
        // The last lab (dated between others) re-makes its own instant and those after it, not the first.
        Assert.InRange(made[^1], 1, timeline.Entries.Count - 1);
    }

    // With the real course rules (docs/course.md): the ACLF fixture's MELD 3.0 is at or above the referral threshold with
    // no referral, one worklist alert; the same Bundle again alerts nothing; a later bilirubin that keeps the condition
    // updates that alert instead of raising another.
    [Theory]
    [MemberData(nameof(TestRecord.Providers), MemberType = typeof(TestRecord))]
    public async Task IngestAsync_RealRules_AlertOnceThenUpdatedByALaterLab(string provider)
    {
        await using var record = await TestRecord.CreateAsync(provider);
        await using var store = await RecordStore.OpenAsync(record.Location, GuidelineProfile.Us, record.Clock, Ct);
        var batch = Assert.Single(IngestParser.Parse(FhirFixture("aclf.json"), "aclf.json"));

        var first = await store.IngestAsync(batch, Ct);
        var again = await store.IngestAsync(batch, Ct);

        Assert.Equal(1, first.AlertsFired);
        Assert.Equal((0, 0), (again.AlertsFired, again.AlertsUpdated));
        var fired = Assert.Single(await store.AlertsAsync(new AlertQuery(PatientId: batch.PatientId), Ct));
        Assert.Equal(Hepatica.Clinical.Course.CourseRuleIds.MeldNotReferred, fired.RuleId);
        var timeline = await store.TimelineAsync(batch.PatientId, Ct);
        Assert.Equal(fired.Candidate, Assert.Single(timeline!.Report.Alerts));

        var lab = Observation("bili-later", "1975-2", 9.0m, "mg/dL", "2026-11-23T06:00:00Z", subject: "Patient/" + batch.PatientId);
        var later = await store.IngestAsync(Assert.Single(IngestParser.Parse(Utf8(lab), "api")), Ct);

        Assert.Equal(1, later.Stored);
        var updated = Assert.Single(await store.AlertsAsync(new AlertQuery(PatientId: batch.PatientId, RuleIds: [fired.RuleId]), Ct));
        Assert.Equal((fired.Id, 1, AlertState.Open), (updated.Id, updated.Updates, updated.State));
        Assert.NotEqual(fired.EvidenceKey, updated.EvidenceKey);
    }
}
