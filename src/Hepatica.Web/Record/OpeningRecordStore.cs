using Hepatica.Clinical;
using Hepatica.Store;

namespace Hepatica.Web.Record;

/// <summary>
/// The host's <see cref="IRecordStore"/>: opens the record (creating and migrating it) on the first call, once, and
/// forwards every call to it. A failed open is not kept: the next call tries again, so a database that comes up after
/// the host does is used without a restart. Until then each call fails with the database's exception, which the
/// record's routes answer as 503 (<see cref="RecordSetup.Unavailable"/>).
/// </summary>
internal sealed class OpeningRecordStore(StoreLocation location, GuidelineProfile profile, TimeProvider clock) : IRecordStore
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile IRecordStore? store;

    /// <summary>Where the record is, without a password.</summary>
    public string Display => location.Display;

    private async ValueTask<IRecordStore> Store(CancellationToken ct)
    {
        if (store is { } open)
        {
            return open;
        }

        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return store ??= await RecordStore.OpenAsync(location, profile, clock, ct).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task<IngestResult> IngestAsync(IngestBatch batch, CancellationToken cancellationToken = default) =>
        await (await Store(cancellationToken).ConfigureAwait(false)).IngestAsync(batch, cancellationToken).ConfigureAwait(false);

    public async Task<PatientTimeline?> TimelineAsync(string patientId, CancellationToken cancellationToken = default) =>
        await (await Store(cancellationToken).ConfigureAwait(false)).TimelineAsync(patientId, cancellationToken).ConfigureAwait(false);

    public async Task<PatientTimeline?> TimelineAsync(string patientId, bool withAssessments, CancellationToken cancellationToken = default) =>
        await (await Store(cancellationToken).ConfigureAwait(false)).TimelineAsync(patientId, withAssessments, cancellationToken).ConfigureAwait(false);

    public async Task<string?> AssessmentAsync(string patientId, DateTimeOffset asOf, CancellationToken cancellationToken = default) =>
        await (await Store(cancellationToken).ConfigureAwait(false)).AssessmentAsync(patientId, asOf, cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<StoredArrival>> ArrivalsAsync(string patientId, CancellationToken cancellationToken = default) =>
        await (await Store(cancellationToken).ConfigureAwait(false)).ArrivalsAsync(patientId, cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<StoredAlert>> AlertsAsync(AlertQuery query, CancellationToken cancellationToken = default) =>
        await (await Store(cancellationToken).ConfigureAwait(false)).AlertsAsync(query, cancellationToken).ConfigureAwait(false);

    public async Task<StoredAlert?> SetAlertStateAsync(long alertId, AlertState state, string? by, CancellationToken cancellationToken = default) =>
        await (await Store(cancellationToken).ConfigureAwait(false)).SetAlertStateAsync(alertId, state, by, cancellationToken).ConfigureAwait(false);

    public async Task SaveAssessmentAsync(SavedAssessment saved, TimeSpan keepFor, CancellationToken cancellationToken = default) =>
        await (await Store(cancellationToken).ConfigureAwait(false)).SaveAssessmentAsync(saved, keepFor, cancellationToken).ConfigureAwait(false);

    public async Task<SavedAssessment?> SavedAssessmentAsync(string id, CancellationToken cancellationToken = default) =>
        await (await Store(cancellationToken).ConfigureAwait(false)).SavedAssessmentAsync(id, cancellationToken).ConfigureAwait(false);

    public async Task<bool> ErasePatientAsync(string patientId, CancellationToken cancellationToken = default) =>
        await (await Store(cancellationToken).ConfigureAwait(false)).ErasePatientAsync(patientId, cancellationToken).ConfigureAwait(false);

    public async Task<bool> NoteShownAsync(long alertId, string evidenceKey, string channel, CancellationToken cancellationToken = default) =>
        await (await Store(cancellationToken).ConfigureAwait(false)).NoteShownAsync(alertId, evidenceKey, channel, cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<string>> PatientsAsync(string? afterId = null, int limit = 100, CancellationToken cancellationToken = default) =>
        await (await Store(cancellationToken).ConfigureAwait(false)).PatientsAsync(afterId, limit, cancellationToken).ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        if (store is { } open)
        {
            await open.DisposeAsync().ConfigureAwait(false);
        }

        gate.Dispose();
    }
}
