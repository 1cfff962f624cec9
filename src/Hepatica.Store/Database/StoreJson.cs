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
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray().Select(e => e.GetInt64())];
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
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var values = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var property in root.GetProperty("values").EnumerateObject())
        {
            values[property.Name] = property.Value.GetDecimal();
        }

        var facts = new HashSet<string>(root.GetProperty("facts").EnumerateArray().Select(e => e.GetString()!), StringComparer.Ordinal);
        var evidence = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in root.GetProperty("evidence").EnumerateObject())
        {
            evidence[property.Name] = property.Value.GetString()!;
        }

        return new CoursePoint(root.GetProperty("at").GetDateTimeOffset(), values, facts, evidence);
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
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray().Select(e => new InputAge(
            e.GetProperty("path").GetString()!,
            e.GetProperty("time").ValueKind == JsonValueKind.Null ? null : e.GetProperty("time").GetDateTimeOffset(),
            e.GetProperty("ageDays").ValueKind == JsonValueKind.Null ? null : e.GetProperty("ageDays").GetInt32(),
            e.GetProperty("windowDays").ValueKind == JsonValueKind.Null ? null : e.GetProperty("windowDays").GetInt32(),
            e.GetProperty("stale").GetBoolean(),
            e.GetProperty("arrivalId").ValueKind == JsonValueKind.Null ? null : e.GetProperty("arrivalId").GetInt64()))];
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
