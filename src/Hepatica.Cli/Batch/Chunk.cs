using System.Buffers;
using System.Collections.Concurrent;

namespace Hepatica.Cli.Batch;

/// <summary>Whole lines of input handed to one worker, the output it writes for them, and its counts.</summary>
internal sealed class Chunk
{
    private static readonly ConcurrentBag<Chunk> Pool = [];
    private byte[] data = [];
    private int length;

    private Chunk()
    {
    }

    public long FirstLine { get; private set; }

    public long LineCount { get; private set; }

    /// <summary>Set for the record of a line longer than this many bytes; the chunk then holds no input.</summary>
    public int? TooLongBy { get; private set; }

    public ReadOnlyMemory<byte> Input => data.AsMemory(0, length);

    public ArrayBufferWriter<byte> Output { get; private set; } = new(1 << 16);

    /// <summary>What the chunk counts against the in-flight budget: its bytes, or <see cref="BatchOptions.BytesPerLine"/> per line if more.</summary>
    public long Cost => Math.Max(length, LineCount * BatchOptions.BytesPerLine);

    public TaskCompletionSource Done { get; private set; } = new();

    public ChunkCounts Counts { get; private set; } = new();

    /// <summary>A chunk holding a copy of <paramref name="lines"/> (whole lines; the last may lack its newline).</summary>
    public static Chunk Rent(ReadOnlySpan<byte> lines, long firstLine)
    {
        var chunk = Take(firstLine);
        if (chunk.data.Length < lines.Length)
        {
            chunk.data = new byte[Math.Max(lines.Length, 64 << 10)];
        }

        lines.CopyTo(chunk.data);
        chunk.length = lines.Length;
        var newlines = lines.Count((byte)'\n');
        chunk.LineCount = lines[^1] == (byte)'\n' ? newlines : newlines + 1;
        return chunk;
    }

    /// <summary>A chunk standing for one line that was too long to read.</summary>
    public static Chunk TooLong(long line, int limit)
    {
        var chunk = Take(line);
        chunk.TooLongBy = limit;
        chunk.LineCount = 1;
        return chunk;
    }

    /// <summary>
    /// Returns the chunk to the pool once its output is written. An input array longer than <paramref name="keepBytes"/>
    /// (it held a long line) or an output buffer longer than 16 times that is dropped, so the pool does not keep the
    /// largest chunk ever seen once per slot.
    /// </summary>
    public void Release(int keepBytes)
    {
        if (data.Length > keepBytes)
        {
            data = [];
        }

        if (Output.Capacity > 16L * keepBytes)
        {
            Output = new ArrayBufferWriter<byte>(1 << 16);
        }
        else
        {
            Output.ResetWrittenCount();
        }

        Pool.Add(this);
    }

    private static Chunk Take(long firstLine)
    {
        if (!Pool.TryTake(out var chunk))
        {
            chunk = new Chunk();
        }

        chunk.FirstLine = firstLine;
        chunk.length = 0;
        chunk.TooLongBy = null;
        chunk.Done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        chunk.Counts = new ChunkCounts();
        return chunk;
    }
}

/// <summary>Per-chunk tallies, summed by the writer.</summary>
internal sealed class ChunkCounts : IssueCounts
{
    public long Lines { get; set; }

    public long Unreadable { get; set; }

    /// <summary>Lines of other shards (<c>--shard</c>): read, not assessed, no record.</summary>
    public long OtherShards { get; set; }

    /// <summary>Counts one line read into a snapshot with <paramref name="issues"/>.</summary>
    public override void Count(IReadOnlyList<Hepatica.Clinical.Scoring.InputIssue> issues)
    {
        Lines++;
        base.Count(issues);
    }
}
