using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Hepatica.Clinical.Course;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Store.Database;

/// <summary>
/// The JSON columns (docs/store.md, "Schema and migrations"): a course point, a timeline entry's inputs, an alert's
/// citation, a receipt's arrival ids. Written by hand with sorted keys so the same value is always the same text.
/// </summary>
internal static class StoreJson
{
    public static string Ids(IReadOnlyList<long> ids) =>
        "[" + string.Join(",", ids.Select(i => i.ToString(CultureInfo.InvariantCulture))) + "]";

    public static IReadOnlyList<long> ReadIds(string json)
    {
        // The timeline read parses three JSON columns per entry (1,000 for a 10-year record): a forward-only reader over
        // the UTF-8 bytes, not a JsonDocument and its property look-ups (docs/benchmarks.md, "longitudinal record").
        var reader = Reader(json, out var rented);
        try
        {
            var ids = new List<long>();
            Expect(ref reader, JsonTokenType.StartArray);
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                ids.Add(reader.GetInt64());
            }

            return ids;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    public static string Point(CoursePoint point) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("at", point.At.ToUniversalTime());
        writer.WriteStartObject("values");
        foreach (var (key, value) in point.Values.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.WriteNumber(key, value);
        }

        writer.WriteEndObject();
        writer.WriteStartArray("facts");
        foreach (var fact in point.Facts.Order(StringComparer.Ordinal))
        {
            writer.WriteStringValue(fact);
        }

        writer.WriteEndArray();
        writer.WriteStartObject("evidence");
        foreach (var (key, value) in point.Evidence.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.WriteString(key, value);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    });

    public static CoursePoint ReadPoint(string json)
    {
        var reader = Reader(json, out var rented);
        try
        {
            DateTimeOffset? at = null;
            var values = new Dictionary<string, decimal>(StringComparer.Ordinal);
            var facts = new HashSet<string>(StringComparer.Ordinal);
            var evidence = new Dictionary<string, string>(StringComparer.Ordinal);
            Expect(ref reader, JsonTokenType.StartObject);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("at"u8))
                {
                    reader.Read();
                    at = reader.GetDateTimeOffset();
                }
                else if (reader.ValueTextEquals("values"u8))
                {
                    Expect(ref reader, JsonTokenType.StartObject);
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        var key = reader.GetString()!;
                        reader.Read();
                        values[key] = reader.GetDecimal();
                    }
                }
                else if (reader.ValueTextEquals("facts"u8))
                {
                    Expect(ref reader, JsonTokenType.StartArray);
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        facts.Add(reader.GetString()!);
                    }
                }
                else if (reader.ValueTextEquals("evidence"u8))
                {
                    Expect(ref reader, JsonTokenType.StartObject);
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        var key = reader.GetString()!;
                        reader.Read();
                        evidence[key] = reader.GetString()!;
                    }
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            return new CoursePoint(at ?? throw new JsonException("A stored course point has no 'at'."), values, facts, evidence);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    public static string Inputs(IReadOnlyList<InputAge> inputs) => Write(writer =>
    {
        writer.WriteStartArray();
        foreach (var input in inputs)
        {
            writer.WriteStartObject();
            writer.WriteString("path", input.Path);
            WriteOptional(writer, "time", input.Time);
            WriteOptional(writer, "ageDays", input.AgeDays);
            WriteOptional(writer, "windowDays", input.WindowDays);
            writer.WriteBoolean("stale", input.Stale);
            if (input.ArrivalId is { } id)
            {
                writer.WriteNumber("arrivalId", id);
            }
            else
            {
                writer.WriteNull("arrivalId");
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    });

    public static IReadOnlyList<InputAge> ReadInputs(string json)
    {
        var reader = Reader(json, out var rented);
        try
        {
            var inputs = new List<InputAge>();
            Expect(ref reader, JsonTokenType.StartArray);
            while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                string? path = null;
                DateTimeOffset? time = null;
                int? ageDays = null;
                int? windowDays = null;
                var stale = false;
                long? arrivalId = null;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("path"u8))
                    {
                        reader.Read();
                        path = reader.GetString();
                    }
                    else if (reader.ValueTextEquals("time"u8))
                    {
                        reader.Read();
                        time = reader.TokenType == JsonTokenType.Null ? null : reader.GetDateTimeOffset();
                    }
                    else if (reader.ValueTextEquals("ageDays"u8))
                    {
                        reader.Read();
                        ageDays = reader.TokenType == JsonTokenType.Null ? null : reader.GetInt32();
                    }
                    else if (reader.ValueTextEquals("windowDays"u8))
                    {
                        reader.Read();
                        windowDays = reader.TokenType == JsonTokenType.Null ? null : reader.GetInt32();
                    }
                    else if (reader.ValueTextEquals("stale"u8))
                    {
                        reader.Read();
                        stale = reader.GetBoolean();
                    }
                    else if (reader.ValueTextEquals("arrivalId"u8))
                    {
                        reader.Read();
                        arrivalId = reader.TokenType == JsonTokenType.Null ? null : reader.GetInt64();
                    }
                    else
                    {
                        reader.Read();
                        reader.Skip();
                    }
                }

                inputs.Add(new InputAge(path ?? throw new JsonException("A stored input has no 'path'."), time, ageDays, windowDays, stale, arrivalId));
            }

            return inputs;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    public static string Citation(Citation citation) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("key", citation.Key);
        writer.WriteString("reference", citation.Reference);
        writer.WriteNumber("year", citation.Year);
        if (citation.Url is { } url)
        {
            writer.WriteString("url", url);
        }

        writer.WriteEndObject();
    });

    public static Citation ReadCitation(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return new Citation(
            root.GetProperty("key").GetString()!,
            root.GetProperty("reference").GetString()!,
            root.GetProperty("year").GetInt32(),
            root.TryGetProperty("url", out var url) ? url.GetString() : null);
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, DateTimeOffset? value)
    {
        if (value is { } v)
        {
            writer.WriteString(name, v.ToUniversalTime());
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>A reader over the UTF-8 bytes of <paramref name="json"/>, in a pooled buffer the caller returns.</summary>
    private static Utf8JsonReader Reader(string json, out byte[] rented)
    {
        rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(json.Length));
        var length = Encoding.UTF8.GetBytes(json, rented);
        return new Utf8JsonReader(rented.AsSpan(0, length));
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (!reader.Read() || reader.TokenType != type)
        {
            throw new JsonException($"A stored JSON column has {reader.TokenType} where {type} was written.");
        }
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
