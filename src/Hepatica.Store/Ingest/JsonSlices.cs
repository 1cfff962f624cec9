using System.Text.Json;

namespace Hepatica.Store;

/// <summary>
/// Where each <c>entry[i].resource</c> of a Bundle is in the input bytes (found with <see cref="Utf8JsonReader"/>), so
/// an arrival's body is the resource cut out of its Bundle unchanged.
/// </summary>
internal static class JsonSlices
{
    /// <summary>
    /// One range per element of the top-level <c>entry</c> array, in order: the resource's value, or null for an entry
    /// without one. Null when the document has no <c>entry</c> array at the top level.
    /// </summary>
    public static List<Range?>? EntryResources(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 256 });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!reader.ValueTextEquals("entry"u8))
            {
                reader.Read();
                reader.Skip();
                continue;
            }

            reader.Read();
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                return null;
            }

            var ranges = new List<Range?>();
            while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                Range? found = null;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var isResource = reader.ValueTextEquals("resource"u8);
                    reader.Read();
                    var start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    if (isResource)
                    {
                        found = new Range(start, (int)reader.BytesConsumed);
                    }
                }

                ranges.Add(found);
            }

            return ranges;
        }

        return null;
    }

    /// <summary>The document without surrounding white space (a resource posted alone is its whole body).</summary>
    public static Range Trimmed(ReadOnlySpan<byte> json)
    {
        var start = 0;
        var end = json.Length;
        while (start < end && IsSpace(json[start]))
        {
            start++;
        }

        while (end > start && IsSpace(json[end - 1]))
        {
            end--;
        }

        return new Range(start, end);
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';
}
