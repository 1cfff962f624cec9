namespace Hepatica.Store;

/// <summary>
/// A saved assessment (docs/web.md, "Receipts"): the request as sent and the assessment it gave, under a random id, so a
/// link can reopen exactly that assessment without naming the patient.
/// </summary>
/// <param name="Id">32 lower-case hex digits (128 random bits).</param>
/// <param name="CreatedAt">When it was saved.</param>
/// <param name="EngineVersion">The engine version that made the assessment.</param>
/// <param name="ContentType">The input's media type: application/json (a snapshot) or application/fhir+json.</param>
/// <param name="AsOf">The request's asOf parameter as given, or null.</param>
/// <param name="Profile">The request's profile parameter as given, or null.</param>
/// <param name="PatientId">The input's own patient id, when it had one: erasing that patient erases the receipt.</param>
/// <param name="Input">The body as sent (UTF-8 text).</param>
/// <param name="Assessment">The assessment JSON as answered, byte for byte.</param>
public sealed record SavedAssessment(
    string Id,
    DateTimeOffset CreatedAt,
    string EngineVersion,
    string ContentType,
    string? AsOf,
    string? Profile,
    string? PatientId,
    string Input,
    string Assessment);
