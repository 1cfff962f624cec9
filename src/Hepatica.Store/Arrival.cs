using Hepatica.Clinical.Scoring;

namespace Hepatica.Store;

/// <summary>What kind of input an arrival is.</summary>
public enum ArrivalKind
{
    /// <summary>One snapshot document (docs/snapshot.md), a JSON Lines line or a request body.</summary>
    Snapshot,

    /// <summary>One FHIR R4 resource (from a Bundle, a Bulk file, a single Observation or a Subscription notification).</summary>
    FhirResource,
}

/// <summary>
/// One input as it arrived, before it is stored (docs/store.md, "What is stored"): the bytes exactly as received, what
/// they are, whose they are and where they came from. Identity: FHIR by type + id + versionId (or the content hash
/// when there is no versionId); a snapshot by its content hash.
/// </summary>
/// <param name="PatientId">The patient's id (FHIR Patient.id, the snapshot's <c>id</c>).</param>
/// <param name="Kind">Snapshot or FHIR resource.</param>
/// <param name="ResourceType">FHIR resource type; null for a snapshot.</param>
/// <param name="ResourceId">FHIR resource id; null for a snapshot.</param>
/// <param name="VersionId">FHIR <c>meta.versionId</c>, when given.</param>
/// <param name="ContentHash">SHA-256 of <paramref name="Body"/> (lower-case hex).</param>
/// <param name="Body">The UTF-8 JSON of the resource or snapshot, as received (a resource cut out of its Bundle unchanged).</param>
/// <param name="Source">Where it came from: a file name, <c>api</c>, <c>subscription:{id}</c>.</param>
/// <param name="Effective">The clinical time of the data (Observation effective, snapshot assessmentDate), when it has one.</param>
/// <param name="LastUpdated">FHIR <c>meta.lastUpdated</c>, when given: orders versions without a versionId.</param>
/// <param name="EnteredInError">True for an Observation with status <c>entered-in-error</c>: it withdraws earlier versions.</param>
public sealed record Arrival(
    string PatientId,
    ArrivalKind Kind,
    string? ResourceType,
    string? ResourceId,
    string? VersionId,
    string ContentHash,
    ReadOnlyMemory<byte> Body,
    string Source,
    DateTimeOffset? Effective,
    DateTimeOffset? LastUpdated,
    bool EnteredInError);

/// <summary>
/// The arrivals of one input for one patient, stored together or not at all (a failing Bundle stores nothing of itself).
/// </summary>
/// <param name="PatientId">The patient.</param>
/// <param name="Arrivals">The resources or snapshot, in input order.</param>
/// <param name="Issues">What the parser found; any error means the batch is refused whole.</param>
public sealed record IngestBatch(string PatientId, IReadOnlyList<Arrival> Arrivals, IReadOnlyList<InputIssue> Issues)
{
    /// <summary>True when nothing stops the batch from being stored.</summary>
    public bool IsStorable => Arrivals.Count > 0 && !Issues.Any(i => i.Severity == IssueSeverity.Error);
}

/// <summary>An arrival as stored, with its row id and whether it is the current version.</summary>
/// <param name="Id">Row id: what receipts name.</param>
/// <param name="Arrival">What arrived.</param>
/// <param name="ReceivedAt">When the store took it.</param>
/// <param name="Current">False when a newer version superseded it or an entered-in-error withdrew it (kept in history).</param>
public sealed record StoredArrival(long Id, Arrival Arrival, DateTimeOffset ReceivedAt, bool Current);
