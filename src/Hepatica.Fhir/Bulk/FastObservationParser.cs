using System.Text.Json;
using System.Text.RegularExpressions;
using Hl7.Fhir.Model;

namespace Hepatica.Fhir.Bulk;

/// <summary>
/// Reads one NDJSON Observation line straight into a Firely <see cref="Observation"/> with exactly the elements
/// <see cref="FhirSnapshotReader"/> uses (docs/decisions/0007-bulk-fast-observations.md): id, status, code, subject,
/// effectiveDateTime or effectivePeriod, valueQuantity, valueCodeableConcept or valueString, interpretation,
/// dataAbsentReason and referenceRange, each validated as the FHIR R4 datatypes define them (enumerations, the
/// id, code, uri, dateTime and decimal formats, no empty values, no unknown members). The other elements of an
/// Observation are skipped as JSON, not read. Whenever a line holds anything else in what it reads (another value
/// type, an extension or an id on a read element, a primitive's <c>_</c> twin, a null, a duplicate member) or an element
/// name R4's Observation does not have, it returns null and the caller parses the line with Firely's validated
/// deserializer, so every invalid line gets exactly the issues it got before. The Firely parse builds the whole
/// object model, about 17 times the line in allocations; this reads the line once.
/// </summary>
public static partial class FastObservationParser
{
    /// <summary>R4 Observation's element names (every choice type spelled out), for the unknown-element rule.</summary>
    private static readonly HashSet<string> Elements = new(StringComparer.Ordinal)
    {
        "resourceType", "id", "meta", "implicitRules", "language", "text", "contained", "extension", "modifierExtension",
        "identifier", "basedOn", "partOf", "status", "category", "code", "subject", "focus", "encounter",
        "effectiveDateTime", "effectivePeriod", "effectiveTiming", "effectiveInstant", "issued", "performer",
        "valueQuantity", "valueCodeableConcept", "valueString", "valueBoolean", "valueInteger", "valueRange", "valueRatio",
        "valueSampledData", "valueTime", "valueDateTime", "valuePeriod", "dataAbsentReason", "interpretation", "note",
        "bodySite", "method", "specimen", "device", "referenceRange", "hasMember", "derivedFrom", "component",
    };

    /// <summary>Elements that are skipped unread: nothing the reader uses, and nothing that changes what it reads (modifierExtension and implicitRules are not here: a line with them goes to Firely).</summary>
    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal)
    {
        "meta", "language", "text", "contained", "extension", "identifier", "basedOn", "partOf", "category", "focus", "encounter",
        "issued", "performer", "note", "bodySite", "method", "specimen", "device", "hasMember", "derivedFrom", "component",
    };

    /// <summary>The Observation of <paramref name="line"/>, or null when the line must be parsed by Firely instead.</summary>
    public static Observation? TryParse(ReadOnlySpan<byte> line)
    {
        if (Hepatica.Json.JsonInput.FindUndecodable(line) is not null)
        {
            return null; // a lone surrogate escape anywhere, even in a skipped element, makes the line malformed (BLK005)
        }

        try
        {
            var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = 64 });
            var o = ReadObservation(ref reader);
            return o is not null && !reader.Read() ? o : null; // nothing may follow the object
        }
        catch (JsonException)
        {
            return null; // malformed: Firely reports it
        }
        catch (InvalidOperationException)
        {
            return null; // a string with a lone surrogate escape (\ud800), a number where a string belongs: Firely reports it
        }
        catch (Fallback)
        {
            return null;
        }
    }

    private static Observation? ReadObservation(ref Utf8JsonReader r)
    {
        if (!r.Read() || r.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        var o = new Observation();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var typed = false;
        while (Next(ref r, out var name))
        {
            if (!seen.Add(name) || !Elements.Contains(name))
            {
                throw new Fallback(); // a duplicate member, an unknown element or a primitive's "_" twin
            }

            switch (name)
            {
                case "resourceType":
                    typed = String(ref r) == "Observation" ? true : throw new Fallback();
                    break;
                case "id":
                    o.Id = Id(ref r);
                    break;
                case "status":
                    o.Status = Status(String(ref r));
                    break;
                case "code":
                    o.Code = Concept(ref r);
                    break;
                case "subject":
                    o.Subject = Reference(ref r);
                    break;
                case "effectiveDateTime":
                    o.Effective = DateTime(ref r);
                    break;
                case "effectivePeriod":
                    o.Effective = Period(ref r);
                    break;
                case "valueQuantity":
                    o.Value = Quantity(ref r);
                    break;
                case "valueCodeableConcept":
                    o.Value = Concept(ref r);
                    break;
                case "valueString":
                    o.Value = new FhirString(String(ref r));
                    break;
                case "dataAbsentReason":
                    o.DataAbsentReason = Concept(ref r);
                    break;
                case "interpretation":
                    o.Interpretation = Array(ref r, Concept);
                    break;
                case "referenceRange":
                    o.ReferenceRange = Array(ref r, ReferenceRange);
                    break;
                default:
                    if (!Skipped.Contains(name))
                    {
                        throw new Fallback(); // effectiveTiming or effectiveInstant, another value type, modifierExtension, implicitRules
                    }

                    Skip(ref r);
                    break;
            }
        }

        // Required in R4 (cardinality 1..1): without them Firely reports the resource invalid.
        return typed && o.Status is not null && o.Code is not null ? o : throw new Fallback();
    }

    private static CodeableConcept Concept(ref Utf8JsonReader r)
    {
        Start(ref r);
        var cc = new CodeableConcept();
        var seen = 0;
        while (Next(ref r, out var name))
        {
            switch (name)
            {
                case "coding" when Once(ref seen, 1):
                    cc.Coding = Array(ref r, Coding);
                    break;
                case "text" when Once(ref seen, 2):
                    cc.Text = String(ref r);
                    break;
                default:
                    throw new Fallback();
            }
        }

        return seen != 0 ? cc : throw new Fallback(); // an empty object is not valid FHIR
    }

    private static Coding Coding(ref Utf8JsonReader r)
    {
        Start(ref r);
        var c = new Coding();
        var seen = 0;
        while (Next(ref r, out var name))
        {
            switch (name)
            {
                case "system" when Once(ref seen, 1):
                    c.System = Uri(ref r);
                    break;
                case "version" when Once(ref seen, 2):
                    c.Version = String(ref r);
                    break;
                case "code" when Once(ref seen, 4):
                    c.Code = Code(ref r);
                    break;
                case "display" when Once(ref seen, 8):
                    c.Display = String(ref r);
                    break;
                default:
                    throw new Fallback(); // userSelected, id, extension: rare; Firely reads them
            }
        }

        return seen != 0 ? c : throw new Fallback();
    }

    private static ResourceReference Reference(ref Utf8JsonReader r)
    {
        Start(ref r);
        var reference = new ResourceReference();
        var seen = 0;
        while (Next(ref r, out var name))
        {
            switch (name)
            {
                case "reference" when Once(ref seen, 1):
                    reference.Reference = String(ref r);
                    break;
                case "display" when Once(ref seen, 2):
                    reference.Display = String(ref r);
                    break;
                default:
                    throw new Fallback(); // type, identifier
            }
        }

        return seen != 0 ? reference : throw new Fallback();
    }

    private static Period Period(ref Utf8JsonReader r)
    {
        Start(ref r);
        var p = new Period();
        var seen = 0;
        while (Next(ref r, out var name))
        {
            switch (name)
            {
                case "start" when Once(ref seen, 1):
                    p.StartElement = DateTime(ref r);
                    break;
                case "end" when Once(ref seen, 2):
                    p.EndElement = DateTime(ref r);
                    break;
                default:
                    throw new Fallback();
            }
        }

        return seen != 0 ? p : throw new Fallback();
    }

    private static Quantity Quantity(ref Utf8JsonReader r)
    {
        Start(ref r);
        var q = new Quantity();
        var seen = 0;
        while (Next(ref r, out var name))
        {
            switch (name)
            {
                case "value" when Once(ref seen, 1):
                    q.Value = Decimal(ref r);
                    break;
                case "comparator" when Once(ref seen, 2):
                    q.Comparator = String(ref r) switch
                    {
                        "<" => Hl7.Fhir.Model.Quantity.QuantityComparator.LessThan,
                        "<=" => Hl7.Fhir.Model.Quantity.QuantityComparator.LessOrEqual,
                        ">=" => Hl7.Fhir.Model.Quantity.QuantityComparator.GreaterOrEqual,
                        ">" => Hl7.Fhir.Model.Quantity.QuantityComparator.GreaterThan,
                        _ => throw new Fallback(),
                    };
                    break;
                case "unit" when Once(ref seen, 4):
                    q.Unit = String(ref r);
                    break;
                case "system" when Once(ref seen, 8):
                    q.System = Uri(ref r);
                    break;
                case "code" when Once(ref seen, 16):
                    q.Code = Code(ref r);
                    break;
                default:
                    throw new Fallback();
            }
        }

        return seen != 0 ? q : throw new Fallback();
    }

    private static Observation.ReferenceRangeComponent ReferenceRange(ref Utf8JsonReader r)
    {
        Start(ref r);
        var range = new Observation.ReferenceRangeComponent();
        var seen = 0;
        while (Next(ref r, out var name))
        {
            switch (name)
            {
                case "low" when Once(ref seen, 1):
                    range.Low = Quantity(ref r);
                    break;
                case "high" when Once(ref seen, 2):
                    range.High = Quantity(ref r);
                    break;
                case "type" when Once(ref seen, 4):
                    range.Type = Concept(ref r);
                    break;
                case "text" when Once(ref seen, 8):
                    range.Text = String(ref r);
                    break;
                default:
                    throw new Fallback(); // appliesTo, age
            }
        }

        // obs-3: a reference range has at least a low, a high or a text (Firely checks the invariant).
        return (seen & (1 | 2 | 8)) != 0 ? range : throw new Fallback();
    }

    private delegate T Reading<T>(ref Utf8JsonReader r);

    private static List<T> Array<T>(ref Utf8JsonReader r, Reading<T> item)
    {
        if (!r.Read() || r.TokenType != JsonTokenType.StartArray)
        {
            throw new Fallback();
        }

        var list = new List<T>();
        while (true)
        {
            // Peek: each item reader starts by reading its own first token.
            var copy = r;
            if (!copy.Read())
            {
                throw new Fallback();
            }

            if (copy.TokenType == JsonTokenType.EndArray)
            {
                r = copy;
                break;
            }

            list.Add(item(ref r));
        }

        return list.Count > 0 ? list : throw new Fallback(); // an empty array is not valid FHIR
    }

    /// <summary>The next member's name, with the reader on its value's first token still to read; false at the end of the object.</summary>
    private static bool Next(ref Utf8JsonReader r, out string name)
    {
        if (!r.Read())
        {
            throw new Fallback();
        }

        if (r.TokenType == JsonTokenType.EndObject)
        {
            name = string.Empty;
            return false;
        }

        name = r.GetString()!;
        return true;
    }

    private static void Start(ref Utf8JsonReader r)
    {
        if (!r.Read() || r.TokenType != JsonTokenType.StartObject)
        {
            throw new Fallback();
        }
    }

    private static void Skip(ref Utf8JsonReader r)
    {
        if (!r.Read())
        {
            throw new Fallback();
        }

        r.Skip();
    }

    /// <summary>True the first time a member (by its bit) is met; a second time is a duplicate member.</summary>
    private static bool Once(ref int seen, int bit)
    {
        if ((seen & bit) != 0)
        {
            throw new Fallback();
        }

        seen |= bit;
        return true;
    }

    /// <summary>An R4 string: a JSON string, not empty, not only whitespace (FHIR R4 datatypes: string, regex <c>[ \r\n\t\S]+</c>).</summary>
    private static string String(ref Utf8JsonReader r)
    {
        if (!r.Read() || r.TokenType != JsonTokenType.String)
        {
            throw new Fallback();
        }

        var s = r.GetString()!;
        return s.Length > 0 && !string.IsNullOrWhiteSpace(s) ? s : throw new Fallback();
    }

    private static string Id(ref Utf8JsonReader r)
    {
        var s = String(ref r);
        return IdPattern().IsMatch(s) ? s : throw new Fallback();
    }

    private static string Code(ref Utf8JsonReader r)
    {
        var s = String(ref r);
        return CodePattern().IsMatch(s) ? s : throw new Fallback();
    }

    /// <summary>An R4 uri (no whitespace), and one .NET can parse as a URI reference: stricter than Firely, never looser.</summary>
    private static string Uri(ref Utf8JsonReader r)
    {
        var s = String(ref r);
        return UriPattern().IsMatch(s) && System.Uri.TryCreate(s, UriKind.RelativeOrAbsolute, out _) ? s : throw new Fallback();
    }

    /// <summary>An R4 dateTime (the datatype's regex) whose date is a real calendar date and whose seconds are not 60: stricter than the regex, never looser.</summary>
    private static FhirDateTime DateTime(ref Utf8JsonReader r)
    {
        var s = String(ref r);
        if (!DateTimePattern().IsMatch(s)
            || (s.Length >= 10 && !DateOnly.TryParseExact(s.AsSpan(0, 10), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _))
            || (s.Length >= 19 && s[17] == '6'))
        {
            throw new Fallback();
        }

        return new FhirDateTime(s);
    }

    /// <summary>An R4 decimal: a JSON number (not a string), without an exponent, within decimal's range.</summary>
    private static decimal Decimal(ref Utf8JsonReader r)
    {
        if (!r.Read() || r.TokenType != JsonTokenType.Number || r.ValueSpan.IndexOfAny((byte)'e', (byte)'E') >= 0 || !r.TryGetDecimal(out var d))
        {
            throw new Fallback();
        }

        return d;
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

    // FHIR R4 datatype regexes (https://hl7.org/fhir/R4/datatypes.html): id, code, uri, dateTime.
    [GeneratedRegex(@"\A[A-Za-z0-9\-\.]{1,64}\z")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"\A[^\s]+( [^\s]+)*\z")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"\A\S*\z")]
    private static partial Regex UriPattern();

    [GeneratedRegex(@"\A([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1])(T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00)))?)?)?\z")]
    private static partial Regex DateTimePattern();

    /// <summary>The line holds something this reader does not read: Firely parses it.</summary>
    private sealed class Fallback : Exception
    {
    }
}
