using System.Globalization;
using System.Text.Json;

namespace Hepatica.Fhir;

/// <summary>
/// The <c>sources</c> member of the assessment JSON (docs/output.md) for FHIR input: one object per resource used.
/// Written by <c>hepatica assess --format json</c> and the REST API alike, so both give the same bytes.
/// </summary>
public static class FhirSourceJson
{
    /// <summary>Writes <c>"sources": [...]</c> as a member of the object being written.</summary>
    public static void Write(Utf8JsonWriter w, IReadOnlyList<FhirSource> sources)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(sources);
        w.WriteStartArray("sources");
        foreach (var s in sources)
        {
            w.WriteStartObject();
            w.WriteString("path", s.Path);
            w.WriteString("resource", s.ResourceType + "/" + s.Id);
            if (s.Date is { } d)
            {
                w.WriteString("date", d.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture));
            }

            w.WriteString("system", s.System);
            w.WriteString("code", s.Code);
            if (s.Reported is { } r)
            {
                w.WriteString("reported", r);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
