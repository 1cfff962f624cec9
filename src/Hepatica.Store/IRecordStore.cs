namespace Hepatica.Store;

/// <summary>What one ingest did.</summary>
/// <param name="PatientId">The patient.</param>
/// <param name="Stored">Arrivals stored new.</param>
/// <param name="Duplicates">Arrivals already stored (same identity and content): stored once.</param>
/// <param name="Superseded">Earlier versions this ingest superseded or withdrew.</param>
/// <param name="AssessmentsMade">Timeline entries made or re-made.</param>
/// <param name="AlertsFired">New alerts.</param>
/// <param name="AlertsUpdated">Alerts whose evidence changed.</param>
/// <param name="Refused">True when the batch had errors and nothing was stored.</param>
public sealed record IngestResult(string PatientId, int Stored, int Duplicates, int Superseded, int AssessmentsMade, int AlertsFired, int AlertsUpdated, bool Refused = false);

/// <summary>
/// The longitudinal record (docs/store.md): SQLite by default, PostgreSQL in production, one code path. Every write for
/// one patient is serialized (several hosts may share one PostgreSQL): two labs arriving at once on two hosts give one
/// timeline and one alert. Logs carry ids only, never values.
/// </summary>
public interface IRecordStore : IAsyncDisposable
{
    /// <summary>Stores a batch whole or not at all, then re-makes the patient's timeline and alerts from what is current.</summary>
    Task<IngestResult> IngestAsync(IngestBatch batch, CancellationToken cancellationToken = default);

    /// <summary>
    /// The patient's timeline as stored, each entry with its assessment JSON; null for a patient the store does not hold.
    /// Same as <see cref="TimelineAsync(string, bool, CancellationToken)"/> with <c>withAssessments: true</c>.
    /// </summary>
    Task<PatientTimeline?> TimelineAsync(string patientId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The patient's timeline as stored; null for a patient the store does not hold. Without the assessments
    /// (<paramref name="withAssessments"/> false) every entry's <see cref="TimelineEntry.AssessmentJson"/> is null and the
    /// read is much cheaper (an assessment runs to tens of kilobytes; docs/store.md, "Reading the timeline"): receipts,
    /// inputs, course points and the report are the same. Read one assessment with <see cref="AssessmentAsync"/>.
    /// </summary>
    Task<PatientTimeline?> TimelineAsync(string patientId, bool withAssessments, CancellationToken cancellationToken = default);

    /// <summary>
    /// The assessment JSON of the patient's current timeline entry as of <paramref name="asOf"/> (the same instant, to
    /// the second, as <see cref="TimelineEntry.AsOf"/>), byte for byte as stored (its SHA-256 is the receipt's); null
    /// when the patient has no such entry.
    /// </summary>
    Task<string?> AssessmentAsync(string patientId, DateTimeOffset asOf, CancellationToken cancellationToken = default);

    /// <summary>Every stored arrival of the patient (history included), oldest first.</summary>
    Task<IReadOnlyList<StoredArrival>> ArrivalsAsync(string patientId, CancellationToken cancellationToken = default);

    /// <summary>Alerts matching the query, by id ascending.</summary>
    Task<IReadOnlyList<StoredAlert>> AlertsAsync(AlertQuery query, CancellationToken cancellationToken = default);

    /// <summary>Sets an alert's state (acknowledge, resolve); null when no such alert.</summary>
    Task<StoredAlert?> SetAlertStateAsync(long alertId, AlertState state, string? by, CancellationToken cancellationToken = default);

    /// <summary>Erases everything held about the patient (arrivals, assessments, alerts); false when there was nothing.</summary>
    Task<bool> ErasePatientAsync(string patientId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Notes that an alert with this evidence was shown on a channel (<c>cds-hooks</c>): true the first time, false when
    /// it was shown before, so a card says the same thing once.
    /// </summary>
    Task<bool> NoteShownAsync(long alertId, string evidenceKey, string channel, CancellationToken cancellationToken = default);

    /// <summary>The ids of every patient held, ascending, with keyset paging.</summary>
    Task<IReadOnlyList<string>> PatientsAsync(string? afterId = null, int limit = 100, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves an assessment under its id (docs/web.md, "Receipts") and deletes the saved assessments older than
    /// <paramref name="keepFor"/> (retention).
    /// </summary>
    Task SaveAssessmentAsync(SavedAssessment saved, TimeSpan keepFor, CancellationToken cancellationToken = default);

    /// <summary>A saved assessment by id; null when there is none (or it was erased or expired).</summary>
    Task<SavedAssessment?> SavedAssessmentAsync(string id, CancellationToken cancellationToken = default);
}
