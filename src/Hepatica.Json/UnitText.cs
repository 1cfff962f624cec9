using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;

namespace Hepatica.Json;

/// <summary>
/// The unit strings read from snapshots, shared: the handful of spellings a population uses are decoded once and
/// reused, so reading a unit does not allocate. The cache is bounded; past the bound, units are decoded each time.
/// </summary>
internal static class UnitText
{
    private const int MaxCached = 256;
    private const int MaxCachedLength = 32;
    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Lookup = Cache.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The string value at the reader (a JSON string token).</summary>
    public static string Get(ref Utf8JsonReader reader)
    {
        if (reader.HasValueSequence || reader.ValueIsEscaped || reader.ValueSpan.Length > MaxCachedLength)
        {
            return reader.GetString()!;
        }

        Span<char> chars = stackalloc char[MaxCachedLength];
        if (!Encoding.UTF8.TryGetChars(reader.ValueSpan, chars, out var length))
        {
            return reader.GetString()!;
        }

        var text = chars[..length];
        if (Lookup.TryGetValue(text, out var cached))
        {
            return cached;
        }

        var created = new string(text);
        if (Cache.Count < MaxCached)
        {
            Cache.TryAdd(created, created);
        }

        return created;
    }
}
