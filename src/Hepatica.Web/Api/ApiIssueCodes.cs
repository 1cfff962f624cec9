namespace Hepatica.Web.Api;

/// <summary>
/// Issue codes of the HTTP layer, beside the input codes (LAB, SNP, FHR ...) of the readers, so every error response
/// lists coded issues (docs/web.md).
/// </summary>
internal static class ApiIssueCodes
{
    /// <summary>The request body is larger than <see cref="ApiOptions.MaxRequestBodyBytes"/> (413).</summary>
    public const string BodyTooLarge = "API001";

    /// <summary>The request's Content-Type is neither application/json nor application/fhir+json (415).</summary>
    public const string UnsupportedMediaType = "API002";

    /// <summary>A query parameter is not valid (400); an invalid <c>asOf</c> is the reader's own FHR023, as in the CLI.</summary>
    public const string InvalidParameter = "API003";

    /// <summary>The Accept header allows neither application/json nor application/fhir+json (406).</summary>
    public const string NotAcceptable = "API004";

    /// <summary>No score has this id (404).</summary>
    public const string UnknownScore = "API005";

    /// <summary>The request body could not be read: too slow (408), a malformed chunk or cut short (400) ...</summary>
    public const string BodyUnreadable = "API006";

    /// <summary>No saved assessment (receipt) has this id: never saved, expired, or erased with the patient (404).</summary>
    public const string UnknownReceipt = "API007";
}
