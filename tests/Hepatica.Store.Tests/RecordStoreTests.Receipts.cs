namespace Hepatica.Store.Tests;

/// <summary>Saved assessments (receipts) on both providers: stored and read back exactly, expired, erased with the patient.</summary>
public sealed partial class RecordStoreTests
{
    private static SavedAssessment Saved(string id, DateTimeOffset at, string? patient) => new(
        id, at, "0.1.0", "application/fhir+json", "2026-11-20", "uk", patient,
        "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[]} é ✓",
        "{\n  \"id\": \"" + patient + "\",\n  \"status\": \"ok\"\n}\n");

    [Theory]
    [MemberData(nameof(TestRecord.Providers), MemberType = typeof(TestRecord))]
    public async Task SaveAssessmentAsync_ReadBack_IsExactlyWhatWasSaved(string provider)
    {
        await using var record = await TestRecord.CreateAsync(provider);
        await using var store = await record.OpenAsync();
        var saved = Saved("00112233445566778899aabbccddeeff", record.Clock.GetUtcNow(), "p-1");
        await store.SaveAssessmentAsync(saved, TimeSpan.FromDays(30), Ct);
        Assert.Equal(saved, await store.SavedAssessmentAsync(saved.Id, Ct));
        Assert.Null(await store.SavedAssessmentAsync("ffeeddccbbaa99887766554433221100", Ct));
    }

    [Theory]
    [MemberData(nameof(TestRecord.Providers), MemberType = typeof(TestRecord))]
    public async Task ErasePatientAsync_ErasesTheirReceipts_AndOnlyTheirs(string provider)
    {
        await using var record = await TestRecord.CreateAsync(provider);
        await using var store = await record.OpenAsync();
        await store.SaveAssessmentAsync(Saved("0000000000000000000000000000000a", record.Clock.GetUtcNow(), "p-1"), TimeSpan.FromDays(30), Ct);
        await store.SaveAssessmentAsync(Saved("0000000000000000000000000000000b", record.Clock.GetUtcNow(), "p-2"), TimeSpan.FromDays(30), Ct);
        await store.SaveAssessmentAsync(Saved("0000000000000000000000000000000c", record.Clock.GetUtcNow(), null), TimeSpan.FromDays(30), Ct);

        Assert.True(await store.ErasePatientAsync("p-1", Ct)); // a patient held only in receipts is still erased
        Assert.Null(await store.SavedAssessmentAsync("0000000000000000000000000000000a", Ct));
        Assert.NotNull(await store.SavedAssessmentAsync("0000000000000000000000000000000b", Ct));
        Assert.NotNull(await store.SavedAssessmentAsync("0000000000000000000000000000000c", Ct));
        Assert.Equal(2, await record.CountAsync("SELECT COUNT(*) FROM receipts"));
    }
}
