using System.Text.Json;
using Hl7.Fhir.Model;
using static Hepatica.Fhir.Bulk.FastJson;

namespace Hepatica.Fhir.Bulk;

/// <summary>
/// Reads one NDJSON Observation line straight into a Firely <see cref="Observation"/> with exactly the elements
/// <see cref="FhirSnapshotReader"/> uses (docs/decisions/0007-bulk-fast-reader.md): id, status, code, subject,
/// effectiveDateTime or effectivePeriod, valueQuantity, valueCodeableConcept or valueString, interpretation,
/// dataAbsentReason and referenceRange, each validated as the FHIR R4 datatypes define them (enumerations, the
/// id, code, uri, dateTime and decimal formats, no empty values, no unknown members). The other elements of an
/// Observation are skipped as JSON, not read. Whenever a line holds anything else in what it reads (another value
/// type, an extension or an id on a read element, a primitive's <c>_</c> twin, a null, a duplicate member) or an element
/// name R4's Observation does not have, it returns null and the caller parses the line with Firely's validated
/// deserializer, so every invalid line gets exactly the issues it got before. The Firely parse builds the whole
/// object model, about 17 times the line in allocations; this reads the line once.
/// </summary>
public static class FastObservationParser
{
    /// <summary>R4 Observation's element names (every choice type spelled out), for the unknown-element rule; the index is the member's bit in the duplicate check.</summary>
    private static readonly string[] ElementNames =
    [
        "resourceType", "id", "meta", "implicitRules", "language", "text", "contained", "extension", "modifierExtension",
        "identifier", "basedOn", "partOf", "status", "category", "code", "subject", "focus", "encounter",
        "effectiveDateTime", "effectivePeriod", "effectiveTiming", "effectiveInstant", "issued", "performer",
        "valueQuantity", "valueCodeableConcept", "valueString", "valueBoolean", "valueInteger", "valueRange", "valueRatio",
        "valueSampledData", "valueTime", "valueDateTime", "valuePeriod", "dataAbsentReason", "interpretation", "note",
        "bodySite", "method", "specimen", "device", "referenceRange", "hasMember", "derivedFrom", "component",
    ];

    private static readonly Dictionary<string, int> Elements = Index(ElementNames);

    /// <summary>Elements that are skipped unread: nothing the reader uses, and nothing that changes what it reads (modifierExtension and implicitRules are not here: a line with them goes to Firely).</summary>
    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal)
    {
        "meta", "language", "text", "contained", "extension", "identifier", "basedOn", "partOf", "category", "focus", "encounter",
        "issued", "performer", "note", "bodySite", "method", "specimen", "device", "hasMember", "derivedFrom", "component",
    };

    /// <summary>The Observation of <paramref name="line"/>, or null when the line must be parsed by Firely instead.</summary>
    public static Observation? TryParse(ReadOnlySpan<byte> line) => Guarded(line, ReadObservation);

    internal static Observation ReadObservation(ref Utf8JsonReader r)
    {
        var o = ReadResource<Observation>(ref r, "Observation", Elements, Skipped, ObservationMember);

        // Required in R4 (cardinality 1..1): without them Firely reports the resource invalid.
        return o.Status is not null && o.Code is not null ? o : throw new Fallback();
    }

    private static bool ObservationMember(ref Utf8JsonReader r, Observation o, string name)
    {
        switch (name)
        {
            case "status":
                o.Status = Status(String(ref r));
                return true;
            case "code":
                o.Code = Concept(ref r);
                return true;
            case "subject":
                o.Subject = Reference(ref r);
                return true;
            case "effectiveDateTime":
                o.Effective = DateTime(ref r);
                return true;
            case "effectivePeriod":
                o.Effective = Period(ref r);
                return true;
            case "valueQuantity":
                o.Value = Quantity(ref r);
                return true;
            case "valueCodeableConcept":
                o.Value = Concept(ref r);
                return true;
            case "valueString":
                o.Value = new FhirString(String(ref r));
                return true;
            case "dataAbsentReason":
                o.DataAbsentReason = Concept(ref r);
                return true;
            case "interpretation":
                o.Interpretation = Array(ref r, Concept);
                return true;
            case "referenceRange":
                o.ReferenceRange = Array(ref r, ReferenceRange);
                return true;
            default:
                return false;
        }
    }

    private static ObservationStatus Status(string text) => text switch
    {
        "registered" => ObservationStatus.Registered,
        "preliminary" => ObservationStatus.Preliminary,
        "final" => ObservationStatus.Final,
        "amended" => ObservationStatus.Amended,
        "corrected" => ObservationStatus.Corrected,
        "cancelled" => ObservationStatus.Cancelled,
        "entered-in-error" => ObservationStatus.EnteredInError,
        "unknown" => ObservationStatus.Unknown,
        _ => throw new Fallback(),
    };
}
