namespace Hepatica.Web.Record;

/// <summary>Issue codes of the record's routes (docs/web.md, "The record"), beside the API's <c>API</c> codes.</summary>
internal static class RecordIssueCodes
{
    /// <summary>The input names no patient, or holds nothing that can be stored (422).</summary>
    public const string NothingToStore = "REC001";

    /// <summary>The store holds no such patient (404).</summary>
    public const string UnknownPatient = "REC002";

    /// <summary>No alert has this id (404).</summary>
    public const string UnknownAlert = "REC003";

    /// <summary>Erasing a patient is off on this host (<c>Hepatica:Record:AllowErase</c>, 403).</summary>
    public const string EraseDisabled = "REC004";

    /// <summary>A Subscription notification whose content is id-only or empty: full-resource content is required (422).</summary>
    public const string FullResourceRequired = "REC005";

    /// <summary>The body is not a Subscription notification Bundle of the R4 Backport IG (422).</summary>
    public const string NotANotification = "REC006";

    /// <summary>The body declared FHIR JSON but is not a FHIR resource (no <c>resourceType</c>) (422).</summary>
    public const string NotAResource = "REC007";
}
