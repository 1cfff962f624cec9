using Microsoft.Net.Http.Headers;

namespace Hepatica.Web.Api;

/// <summary>The two formats the API reads and writes.</summary>
internal enum WireFormat
{
    /// <summary>application/json: the snapshot contract in (docs/snapshot.md), the assessment contract out (docs/output.md).</summary>
    Json,

    /// <summary>application/fhir+json: a FHIR R4 Bundle in (docs/fhir.md), a FHIR Bundle or OperationOutcome out.</summary>
    Fhir,
}

/// <summary>Content negotiation: which format a request's Content-Type names and which its Accept header asks for.</summary>
internal static class MediaTypes
{
    public const string Json = "application/json";
    public const string FhirJson = "application/fhir+json";

    /// <summary>The format of the request body, or null when its Content-Type is missing or another type (415).</summary>
    public static WireFormat? Input(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type))
        {
            return null;
        }

        return type.MediaType.Equals(Json, StringComparison.OrdinalIgnoreCase) ? WireFormat.Json
            : type.MediaType.Equals(FhirJson, StringComparison.OrdinalIgnoreCase) ? WireFormat.Fhir
            : null;
    }

    /// <summary>
    /// The response format the Accept header prefers (highest quality first, then header order): JSON when it is absent,
    /// unreadable or a wildcard; null when it names only other types (406).
    /// </summary>
    public static WireFormat? Output(HttpRequest request)
    {
        if (request.Headers.Accept.Count == 0 || !MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted) || accepted.Count == 0)
        {
            return WireFormat.Json;
        }

        foreach (var type in accepted.OrderByDescending(t => t.Quality ?? 1.0))
        {
            if (type.Quality == 0)
            {
                continue;
            }

            if (type.MediaType.Equals(FhirJson, StringComparison.OrdinalIgnoreCase))
            {
                return WireFormat.Fhir;
            }

            if (type.MediaType.Equals(Json, StringComparison.OrdinalIgnoreCase) || type.MatchesAllTypes
                || (type.MatchesAllSubTypes && type.Type.Equals("application", StringComparison.OrdinalIgnoreCase)))
            {
                return WireFormat.Json;
            }
        }

        return null;
    }
}
