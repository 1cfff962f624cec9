using System.Globalization;
using System.Text;

namespace Hepatica.Cli;

/// <summary>
/// <c>--shard i/N</c> (docs/tables.md, "Shards"): one of N disjoint parts of a population, chosen by a stable hash of the
/// patient's id, so that N workers on N machines score disjoint sets whose outputs together equal one run. The hash is
/// 64-bit FNV-1a over the id's UTF-8 bytes (offset basis 14695981039346656037, prime 1099511628211; Fowler, Noll and Vo,
/// IETF draft-eastlake-fnv), taken modulo N: the same id gives the same shard on every machine, run and thread count,
/// and any tool can recompute it. A batch line with no readable id goes by its line number modulo N, and a Bulk line with no
/// patient by the hash of <c>FILE:LINE</c>, so every input line still lands in exactly one shard.
/// </summary>
/// <param name="Index">This worker's part, 0 to <paramref name="Count"/> - 1.</param>
/// <param name="Count">How many parts, 1 to <see cref="MaxCount"/>.</param>
internal sealed record Shard(int Index, int Count)
{
    /// <summary>The most shards a population is split into.</summary>
    public const int MaxCount = 65_536;

    /// <summary>The shard as typed: <c>i/N</c>.</summary>
    public string Text => FormattableString.Invariant($"{Index}/{Count}");

    /// <summary>Parses <c>i/N</c> (0 ≤ i &lt; N ≤ <see cref="MaxCount"/>); null with <paramref name="problem"/> when it is not one.</summary>
    public static Shard? Parse(string text, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0
            && int.TryParse(text.AsSpan(0, slash), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count is >= 1 and <= MaxCount && index < count)
        {
            problem = null;
            return new Shard(index, count);
        }

        problem = $"--shard '{text}' is not i/N with 0 <= i < N <= {MaxCount} (for example 0/4 ... 3/4: shard i of N).";
        return null;
    }

    /// <summary>64-bit FNV-1a of <paramref name="bytes"/>.</summary>
    public static ulong Hash(ReadOnlySpan<byte> bytes)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }

    /// <summary>Whether the patient with this id (UTF-8) is in this shard.</summary>
    public bool Holds(ReadOnlySpan<byte> id) => Hash(id) % (ulong)Count == (ulong)Index;

    /// <summary>Whether the patient with this id is in this shard.</summary>
    public bool Holds(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        Span<byte> small = stackalloc byte[256];
        var bytes = Encoding.UTF8.GetMaxByteCount(id.Length) <= small.Length ? small[..Encoding.UTF8.GetBytes(id, small)] : Encoding.UTF8.GetBytes(id);
        return Holds(bytes);
    }

    /// <summary>Whether a Bulk line with no patient (malformed, too long, no subject) is in this shard: by the hash of <c>FILE:LINE</c> (the file's name).</summary>
    public bool HoldsLocation(string fileName, long line) => Holds(FormattableString.Invariant($"{fileName}:{line}"));

    /// <summary>Whether a line or record without an id, at this line number, is in this shard.</summary>
    public bool HoldsLine(long line) => (ulong)line % (ulong)Count == (ulong)Index;
}
