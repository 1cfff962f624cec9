namespace Hepatica.Store;

/// <summary>
/// The stable codes of what the ingest parser reports (docs/course-replay.md, "Ingest, timeline and receipts"). The
/// snapshot reader's (SNP...) and the FHIR reader's (FHR...) codes pass through unchanged.
/// </summary>
public static class IngestIssueCodes
{
    /// <summary>Error: a snapshot has no <c>id</c>, so it cannot be kept for a patient.</summary>
    public const string SnapshotWithoutId = "ING001";

    /// <summary>Error: a FHIR resource has no <c>id</c>: it has no identity to store or supersede by.</summary>
    public const string ResourceWithoutId = "ING002";

    /// <summary>Warning: resources that name no patient (an Organization, a Practitioner): not kept.</summary>
    public const string NoPatient = "ING003";

    /// <summary>
    /// Information (severity warning: the core has no information level): a Subscription handshake, heartbeat or status
    /// query, nothing to store; the web host answers it.
    /// </summary>
    public const string NotificationWithoutContent = "ING004";

    /// <summary>Error: an event notification without full-resource content (id-only or empty): nothing is fetched.</summary>
    public const string FullResourceRequired = "ING005";

    /// <summary>Error: a Subscription notification Bundle whose status Parameters are unreadable (no or unknown <c>type</c>).</summary>
    public const string NotificationUnreadable = "ING006";

    /// <summary>Error: the input holds nothing that can be stored (an empty Bundle).</summary>
    public const string NothingToStore = "ING007";
}
