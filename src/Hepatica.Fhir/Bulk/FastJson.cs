using System.Text.Json;
using System.Text.RegularExpressions;
using Hl7.Fhir.Model;

namespace Hepatica.Fhir.Bulk;

/// <summary>
/// The datatypes the fast readers (<see cref="FastObservationParser"/>, <see cref="FastResourceParsers"/>) read, each
/// validated as FHIR R4 defines it (https://hl7.org/fhir/R4/datatypes.html) and never more loosely than Firely's
/// validated deserializer: anything else throws <see cref="Fallback"/>, and the line goes to Firely.
/// </summary>
internal static partial class FastJson
{
    /// <summary>
    /// Runs <paramref name="read"/> over one whole line: null when the line has an undecodable escape anywhere (it is
    /// malformed, BLK005, even in a skipped element), is not well-formed JSON, has anything after the object, or holds
    /// anything the reader does not read (<see cref="Fallback"/>).
    /// </summary>
    internal static T? Guarded<T>(ReadOnlySpan<byte> line, Reading<T> read)
        where T : class
    {
        if (Hepatica.Json.JsonInput.FindUndecodable(line) is not null)
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = 64 });
            var resource = read(ref reader);
            return !reader.Read() ? resource : null; // nothing may follow the object
        }
        catch (JsonException)
        {
            return null; // malformed: Firely reports it
        }
        catch (InvalidOperationException)
        {
            return null; // a string with a lone surrogate escape, a number where a string belongs: Firely reports it
        }
        catch (Fallback)
        {
            return null;
        }
    }

    /// <summary>The index of each element name of a resource type, for the unknown-element and duplicate-member rules.</summary>
    internal static Dictionary<string, int> Index(params string[] names) => names.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i, StringComparer.Ordinal);

    /// <summary>Marks element <paramref name="name"/> seen; a name the type does not have, or one seen before, falls back.</summary>
    internal static void Member(Dictionary<string, int> elements, string name, ref ulong seen)
    {
        if (!elements.TryGetValue(name, out var index) || (seen & (1UL << index)) != 0)
        {
            throw new Fallback(); // an unknown element, a primitive's "_" twin or a duplicate member
        }

        seen |= 1UL << index;
    }

    /// <summary>Reads one member of a resource into it: true when <paramref name="name"/> is an element the reader reads.</summary>
    internal delegate bool MemberReader<in T>(ref Utf8JsonReader r, T resource, string name);

    /// <summary>
    /// The loop every fast resource reader shares: each member checked against the type's R4 element names (unknown or
    /// repeated: Firely), <c>resourceType</c> checked, <c>id</c> read as an R4 id, the type's own elements read by
    /// <paramref name="read"/>, the elements in <paramref name="skipped"/> skipped unread, anything else to Firely. A
    /// resource of nothing but its type is an empty element, which Firely refuses, so it falls back too. The element
    /// lists put <c>resourceType</c> first (bit 0).
    /// </summary>
    internal static T ReadResource<T>(ref Utf8JsonReader r, string type, Dictionary<string, int> elements, HashSet<string> skipped, MemberReader<T> read)
        where T : Resource, new()
    {
        Start(ref r);
        var resource = new T();
        var seen = 0UL;
        var typed = false;
        while (Next(ref r, out var name))
        {
            Member(elements, name, ref seen);
            if (name == "resourceType")
            {
                ResourceType(ref r, type);
                typed = true;
            }
            else if (name == "id")
            {
                resource.Id = Id(ref r);
            }
            else if (!read(ref r, resource, name))
            {
                if (!skipped.Contains(name))
                {
                    throw new Fallback(); // implicitRules, modifierExtension, a choice type or value type the reader does not read
                }

                Skip(ref r);
            }
        }

        return typed && seen != 1UL ? resource : throw new Fallback();
    }

    /// <summary>
    /// The <c>resourceType</c> of the object that starts at the reader's next token, read from a copy (the reader is passed
    /// by value, so the caller's stays where it was); null when the next token is not an object or it has no string
    /// <c>resourceType</c> member before its end.
    /// </summary>
    internal static string? PeekResourceType(Utf8JsonReader peek)
    {
        if (!peek.Read() || peek.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        while (peek.Read() && peek.TokenType == JsonTokenType.PropertyName)
        {
            if (peek.ValueTextEquals("resourceType"u8))
            {
                return peek.Read() && peek.TokenType == JsonTokenType.String ? peek.GetString() : null;
            }

            peek.Read();
            peek.Skip();
        }

        return null;
    }

    /// <summary>The resourceType member, which must be <paramref name="type"/>.</summary>
    internal static void ResourceType(ref Utf8JsonReader r, string type)
    {
        if (String(ref r) != type)
        {
            throw new Fallback();
        }
    }

    /// <summary>An R4 date (the datatype's regex, a real calendar date when it is a full date).</summary>
    internal static Date Date(ref Utf8JsonReader r)
    {
        var s = String(ref r);
        if (!DatePattern().IsMatch(s) || (s.Length == 10 && !RealDay(s)))
        {
            throw new Fallback();
        }

        return new Date(s);
    }

    private static bool RealDay(string s) =>
        ((s[8] - '0') * 10) + (s[9] - '0') <= System.DateTime.DaysInMonth(int.Parse(s.AsSpan(0, 4), System.Globalization.CultureInfo.InvariantCulture), ((s[5] - '0') * 10) + (s[6] - '0'));

    [GeneratedRegex(@"\A([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1]))?)?\z")]
    private static partial Regex DatePattern();

    internal static CodeableConcept Concept(ref Utf8JsonReader r)
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

    internal static Coding Coding(ref Utf8JsonReader r)
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

    internal static ResourceReference Reference(ref Utf8JsonReader r)
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

    internal static Period Period(ref Utf8JsonReader r)
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

    internal static Quantity Quantity(ref Utf8JsonReader r)
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

    internal static Observation.ReferenceRangeComponent ReferenceRange(ref Utf8JsonReader r)
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

    internal delegate T Reading<T>(ref Utf8JsonReader r);

    internal static List<T> Array<T>(ref Utf8JsonReader r, Reading<T> item)
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
    internal static bool Next(ref Utf8JsonReader r, out string name)
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

    internal static void Start(ref Utf8JsonReader r)
    {
        if (!r.Read() || r.TokenType != JsonTokenType.StartObject)
        {
            throw new Fallback();
        }
    }

    internal static void Skip(ref Utf8JsonReader r)
    {
        if (!r.Read())
        {
            throw new Fallback();
        }

        r.Skip();
    }

    /// <summary>True the first time a member (by its bit) is met; a second time is a duplicate member.</summary>
    internal static bool Once(ref int seen, int bit)
    {
        if ((seen & bit) != 0)
        {
            throw new Fallback();
        }

        seen |= bit;
        return true;
    }

    /// <summary>An R4 string: a JSON string, not empty, not only whitespace (FHIR R4 datatypes: string, regex <c>[ \r\n\t\S]+</c>).</summary>
    internal static string String(ref Utf8JsonReader r)
    {
        if (!r.Read() || r.TokenType != JsonTokenType.String)
        {
            throw new Fallback();
        }

        var s = r.GetString()!;
        return s.Length > 0 && !string.IsNullOrWhiteSpace(s) ? s : throw new Fallback();
    }

    internal static string Id(ref Utf8JsonReader r)
    {
        var s = String(ref r);
        return IdPattern().IsMatch(s) ? s : throw new Fallback();
    }

    internal static string Code(ref Utf8JsonReader r)
    {
        var s = String(ref r);
        return CodePattern().IsMatch(s) ? s : throw new Fallback();
    }

    /// <summary>An R4 uri (no whitespace), and one .NET can parse as a URI reference: stricter than Firely, never looser.</summary>
    internal static string Uri(ref Utf8JsonReader r)
    {
        var s = String(ref r);
        return UriPattern().IsMatch(s) && System.Uri.TryCreate(s, UriKind.RelativeOrAbsolute, out _) ? s : throw new Fallback();
    }

    /// <summary>
    /// An R4 dateTime (the datatype's regex) whose date is a real calendar date, whose seconds are not 60, and which, with
    /// a time, is an instant .NET can hold (Firely refuses 0001-01-01T00:00:00+14:00, before year 1 in UTC): stricter than
    /// the regex, never looser than Firely.
    /// </summary>
    internal static FhirDateTime DateTime(ref Utf8JsonReader r)
    {
        var s = String(ref r);
        if (!DateTimePattern().IsMatch(s)
            || (s.Length >= 10 && !RealDay(s))
            || (s.Length > 10 && !DateTimeOffset.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _))
            || (s.Length >= 19 && s[17] == '6'))
        {
            throw new Fallback();
        }

        return new FhirDateTime(s);
    }

    /// <summary>An R4 decimal: a JSON number (not a string), without an exponent, within decimal's range.</summary>
    internal static decimal Decimal(ref Utf8JsonReader r)
    {
        if (!r.Read() || r.TokenType != JsonTokenType.Number || r.ValueSpan.IndexOfAny((byte)'e', (byte)'E') >= 0 || !r.TryGetDecimal(out var d))
        {
            throw new Fallback();
        }

        return d;
    }


    // FHIR R4 datatype regexes (https://hl7.org/fhir/R4/datatypes.html): id, code, uri, dateTime.
    [GeneratedRegex(@"\A[A-Za-z0-9\-\.]{1,64}\z")]
    internal static partial Regex IdPattern();

    [GeneratedRegex(@"\A[^\s]+( [^\s]+)*\z")]
    internal static partial Regex CodePattern();

    [GeneratedRegex(@"\A\S*\z")]
    internal static partial Regex UriPattern();

    [GeneratedRegex(@"\A([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1])(T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00)))?)?)?\z")]
    internal static partial Regex DateTimePattern();

    /// <summary>The line holds something the fast reader does not read: Firely parses it.</summary>
    internal sealed class Fallback : Exception
    {
    }
}
