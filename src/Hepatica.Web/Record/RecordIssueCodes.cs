namespace Hepatica.Web.Record;

/// <summary>
/// Issue codes of the record's routes (docs/web.md, "The record"), beside the API's <c>API</c> codes and the ingest parser's
/// <c>ING</c> codes (<see cref="Hepatica.Store.IngestIssueCodes"/>), which the routes use for what the parser also finds.
/// </summary>
internal static class RecordIssueCodes
{
    /// <summary>The store holds no such patient (404).</summary>
    public const string UnknownPatient = "REC001";

    /// <summary>No alert has this id (404).</summary>
    public const string UnknownAlert = "REC002";

    /// <summary>Erasing a patient is off on this host (<c>Hepatica:Record:AllowErase</c>, 403).</summary>
    public const string EraseDisabled = "REC003";

    /// <summary>The body declared FHIR JSON but is not a FHIR resource (no <c>resourceType</c>) (422).</summary>
    public const string NotAResource = "REC004";

    /// <summary>The record cannot be reached (the database is down, or its schema is newer than this host) (503).</summary>
    public const string Unavailable = "REC005";

    /// <summary>The patient has no timeline entry as of this instant (404).</summary>
    public const string UnknownAssessment = "REC006";

    /// <summary>A stateless timeline (<c>POST /api/timeline</c>) was sent more than one patient (422).</summary>
    public const string OnePatientOnly = "REC007";
}
