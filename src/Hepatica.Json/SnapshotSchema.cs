using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Hepatica.Json;

/// <summary>
/// The JSON Schema (2020-12) of the snapshot contract, written from the reader's own tables (SnapshotContract.cs), so
/// it cannot drift from what is read. Committed as docs/schema/snapshot.schema.json; a test fails when the tables change
/// without regenerating it (the test writes snapshot.schema.received.json beside it).
/// </summary>
public static class SnapshotSchema
{
    /// <summary>The schema's <c>$id</c>.</summary>
    public const string Id = "https://hepatica.org/schema/snapshot.schema.json";

    private const string Stricter =
        " The reader is stricter than this schema, which gives the shape only: it also checks ranges and plausibility limits, dates"
        + " (YYYY-MM-DD within the accepted range), keys given twice (SNP007), titers, and the combinations docs/snapshot.md describes;"
        + " lab units are listed here as spelled in the unit tables, and the reader also accepts them in other case, with spaces, and"
        + " with µ, μ or u. Unknown keys are allowed (the reader warns, SNP003).";

    private static readonly string[] ValueAndUnit = ["value", "unit"];

    /// <summary>The schema as indented JSON with a final newline.</summary>
    public static string Write()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("$schema", "https://json-schema.org/draft/2020-12/schema");
            w.WriteString("$id", Id);
            w.WriteString("title", "Hepatica patient snapshot");
            WriteObjectBody(w, SnapshotReader.Top, SnapshotReader.Top.Doc + Stricter, null, []);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()).ReplaceLineEndings("\n") + "\n";
    }

    private static void WriteObjectBody(Utf8JsonWriter w, ContractObject table, string description, (IReadOnlyList<string> Spellings, bool Unitless)? units, string[] alsoRequired)
    {
        w.WriteString("description", description);
        w.WriteString("type", "object");
        w.WriteStartObject("properties");
        foreach (var field in table.Fields.Where(f => f.Listed))
        {
            w.WriteStartObject(field.Name);
            if (units is { } u && field.Name == "unit" && u.Spellings.Count > 0)
            {
                WriteField(w, field, field.Doc + "; one of the unit table's spellings", u.Spellings);
            }
            else
            {
                WriteField(w, field, field.Doc, field.Shape.Enum);
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
        string[] required = units is { } lab ? [.. lab.Unitless ? ["value"] : ValueAndUnit, .. alsoRequired] : alsoRequired;
        if (required.Length > 0)
        {
            w.WriteStartArray("required");
            foreach (var name in required)
            {
                w.WriteStringValue(name);
            }

            w.WriteEndArray();
        }

        w.WriteBoolean("additionalProperties", true);
    }

    private static void WriteField(Utf8JsonWriter w, ContractField field, string description, IReadOnlyList<string>? enumeration)
    {
        var shape = field.Shape;
        if (shape.Object is { } table)
        {
            if (shape.Array)
            {
                w.WriteString("description", description);
                w.WriteString("type", "array");
                w.WriteStartObject("items");
                WriteObjectBody(w, table, table.Doc, shape.Units, shape.Units is null ? [] : ["date"]);
                w.WriteEndObject();
            }
            else
            {
                WriteObjectBody(w, table, description, shape.Units, []);
            }

            return;
        }

        w.WriteString("description", description);
        var types = shape.Type.Split(' ');
        if (types.Length == 1)
        {
            w.WriteString("type", types[0]);
        }
        else
        {
            w.WriteStartArray("type");
            foreach (var t in types)
            {
                w.WriteStringValue(t);
            }

            w.WriteEndArray();
        }

        if (shape.Format is { } format)
        {
            w.WriteString("format", format);
        }

        if (enumeration is not null)
        {
            w.WriteStartArray("enum");
            foreach (var text in enumeration)
            {
                w.WriteStringValue(text);
            }

            w.WriteEndArray();
        }
    }
}
