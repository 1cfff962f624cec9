using Hepatica.Clinical;
using static Hepatica.Store.Tests.IngestInputs;

namespace Hepatica.Store.Tests;

/// <summary>
/// An ingest hands the resources its parse made to the timeline builder instead of re-parsing the stored bytes: the
/// timeline it stores is byte for byte the one made from the stored bytes alone, also when the builder has to point a
/// <c>urn:uuid:</c> subject at the patient (it copies the parser's resource, never changes it), and a batch ingested
/// into a second store gives that store the same timeline.
/// </summary>
public sealed class RecordStoreParseOnceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A Patient named by its fullUrl, labs whose subject is that urn:uuid, at several instants.</summary>
    private static ReadOnlyMemory<byte> UuidBundle() => Utf8(BundleWithUrls(
        "collection",
        ("urn:uuid:6b1f0c9e-0000-4000-8000-000000000001", Patient("p1")),
        (null, Observation("b1", "1975-2", 2.0m, "mg/dL", "2026-10-01T08:00:00Z", subject: "urn:uuid:6b1f0c9e-0000-4000-8000-000000000001")),
        (null, Observation("c1", "2160-0", 1.0m, "mg/dL", "2026-10-01T08:00:00Z", subject: "urn:uuid:6b1f0c9e-0000-4000-8000-000000000001")),
        (null, Observation("i1", "6301-6", 1.4m, "{INR}", "2026-10-01T08:00:00Z", subject: "urn:uuid:6b1f0c9e-0000-4000-8000-000000000001")),
        (null, Observation("n1", "2951-2", 134m, "mmol/L", "2026-10-02T08:00:00Z", subject: "urn:uuid:6b1f0c9e-0000-4000-8000-000000000001")),
        (null, Observation("b2", "1975-2", 3.5m, "mg/dL", "2026-10-08T08:00:00Z", subject: "urn:uuid:6b1f0c9e-0000-4000-8000-000000000001")),
        (null, Observation("c2", "2160-0", 1.9m, "mg/dL", "2026-10-15T08:00:00Z", subject: "urn:uuid:6b1f0c9e-0000-4000-8000-000000000001"))));

    [Theory]
    [MemberData(nameof(TestRecord.Providers), MemberType = typeof(TestRecord))]
    public async Task IngestAsync_ParsedOnce_StoresTheTimelineTheStoredBytesGive(string provider)
    {
        await using var record = await TestRecord.CreateAsync(provider);
        await using var store = await RecordStore.OpenAsync(record.Location, GuidelineProfile.Us, record.Clock, Ct);
        var batch = Assert.Single(IngestParser.Parse(UuidBundle(), "api"));

        var result = await store.IngestAsync(batch, Ct);

        var timeline = await store.TimelineAsync("p1", Ct);
        var fromBytes = Replay.Build("p1", await store.ArrivalsAsync("p1", Ct), GuidelineProfile.Us);
        Assert.Equal(4, result.AssessmentsMade); // the four instants: Oct 1, 2, 8 and 15
        Assert.Equal(fromBytes.Select(e => (e.AsOf, e.Receipt.OutputSha256, e.AssessmentJson)), timeline!.Entries.Select(e => (e.AsOf, e.Receipt.OutputSha256, e.AssessmentJson)));
        Assert.Equal(fromBytes.Select(e => string.Join(',', e.Receipt.ArrivalIds)), timeline.Entries.Select(e => string.Join(',', e.Receipt.ArrivalIds)));
    }

    [Fact]
    public async Task IngestAsync_OneBatchIntoTwoStores_GivesBothTheSameTimeline()
    {
        await using var one = await TestRecord.CreateAsync("sqlite");
        await using var two = await TestRecord.CreateAsync("sqlite");
        await using var first = await RecordStore.OpenAsync(one.Location, GuidelineProfile.Us, one.Clock, Ct);
        await using var second = await RecordStore.OpenAsync(two.Location, GuidelineProfile.Us, two.Clock, Ct);
        var batch = Assert.Single(IngestParser.Parse(UuidBundle(), "api"));

        await first.IngestAsync(batch, Ct);
        await second.IngestAsync(batch, Ct);

        var a = (await first.TimelineAsync("p1", Ct))!.Entries.Select(e => e.AssessmentJson).ToList();
        var b = (await second.TimelineAsync("p1", Ct))!.Entries.Select(e => e.AssessmentJson).ToList();
        Assert.NotEmpty(a);
        Assert.Equal(a, b);
    }
}
