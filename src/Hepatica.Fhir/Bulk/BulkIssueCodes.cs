namespace Hepatica.Fhir.Bulk;

/// <summary>
/// Issue codes of the per-resource error records of <c>hepatica bulk</c> (docs/fhir.md, "Bulk Data").
/// A resource that parses but reads badly gets the reader's own FHR codes; these name what only a population export
/// can get wrong. Codes are never reused for another meaning.
/// </summary>
public static class BulkIssueCodes
{
    /// <summary>The line is not a JSON object (syntax error, truncated or empty line).</summary>
    public const string MalformedLine = "BLK001";

    /// <summary>The JSON object has no <c>resourceType</c> string.</summary>
    public const string NoResourceType = "BLK002";

    /// <summary>The resource names no patient (<c>subject</c>/<c>patient</c> is not <c>Patient/&lt;id&gt;</c>), or a Patient has no id.</summary>
    public const string NoPatient = "BLK003";

    /// <summary>The resource refers to a patient for whom the export holds no (readable) Patient resource.</summary>
    public const string OrphanResource = "BLK004";

    /// <summary>The resource is not readable as FHIR R4 (the SDK's issues follow, with their own codes).</summary>
    public const string InvalidResource = "BLK005";

    /// <summary>The line is longer than the batch accepts.</summary>
    public const string LineTooLong = "BLK006";

    /// <summary>The export holds more than one Patient resource with this id.</summary>
    public const string DuplicatePatient = "BLK007";
}
