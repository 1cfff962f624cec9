using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using Hepatica.Clinical;
using Hepatica.Cli.Tables;
using Hepatica.Clinical.Scoring;
using Hepatica.Json;

namespace Hepatica.Cli.Batch;

/// <summary>Settings of a batch run.</summary>
/// <param name="Detail">How much each result carries.</param>
/// <param name="Workers">Worker threads.</param>
/// <param name="ChunkBytes">The most bytes of input handed to a worker at a time (fewer with many workers: see <see cref="EffectiveChunkBytes"/>).</param>
/// <param name="MaxLineBytes">The longest accepted line; a longer one gets an SNP006 error record.</param>
/// <param name="Scores">The scores to compute (null: the whole catalog).</param>
/// <param name="InFlightBytes">The budget of input read but not yet written out, whatever the worker count (docs/snapshot.md, "Batch").</param>
/// <param name="RunTime">The run's instant (<c>--issued</c>), every record's <c>asOf</c> when its line has no assessmentDate; null: now, taken once.</param>
internal sealed record BatchOptions(Detail Detail, int Workers, int ChunkBytes = 1 << 20, int MaxLineBytes = 1 << 20, IReadOnlyList<CatalogEntry>? Scores = null, long InFlightBytes = 8 << 20, DateTimeOffset? RunTime = null)
{
    /// <summary>The guideline profile every record is assessed under (<c>--profile</c>; default <c>us</c>).</summary>
    public GuidelineProfile Profile { get; init; } = GuidelineProfiles.Default;

    /// <summary>Table output (<c>--output csv|parquet</c>): each line gives a row of these columns (<see cref="Tables.TableRows"/>) instead of a JSON record; null: JSON records.</summary>
    public Tables.TableLayout? Table { get; init; }

    /// <summary>Only the lines of this shard (<c>--shard i/N</c>) are assessed and written; null: every line.</summary>
    public Shard? Shard { get; init; }

    /// <summary>The most worker threads (<c>--threads</c>); past it a run gains nothing on any machine we know, and the option says so.</summary>
    public const int MaxWorkers = 64;

    /// <summary>
    /// What a line costs in the budget at the least: a short line's record (about 1-3 KB compact) is much longer
    /// than the line, so many short lines must not pass for few bytes.
    /// </summary>
    public const int BytesPerLine = 512;

    /// <summary>
    /// Chunks of at most <see cref="ChunkBytes"/>, smaller when <c>2 × workers + 2</c> of them would pass the budget
    /// (never under 64 KiB, unless <see cref="ChunkBytes"/> is): more workers get smaller chunks, not more memory.
    /// </summary>
    public int EffectiveChunkBytes => (int)Math.Min(ChunkBytes, Math.Max(64L << 10, InFlightBytes / ((2L * Workers) + 2)));
}

/// <summary>
/// Scores a JSON Lines file: one snapshot per line in, one result per line out, in input order. Streaming in
/// constant memory: a reader cuts the input into chunks of whole lines, workers assess each chunk into its own
/// output buffer, and the writer emits chunks in order. Memory depends neither on the file nor on the worker count:
/// the reader takes each chunk's cost (its bytes, or <see cref="BatchOptions.BytesPerLine"/> per line if more) from
/// a fixed budget (<see cref="BatchOptions.InFlightBytes"/>, 8 MiB) and the writer gives it back once the chunk's
/// results are out; a chunk holds at most <see cref="BatchOptions.EffectiveChunkBytes"/> (unless one line alone is
/// longer) and at most that over <see cref="BatchOptions.BytesPerLine"/> lines. Output buffers are in proportion.
/// A bad line gives an error record and the run goes on: the count of lines out always equals the count of lines
/// in (an empty line is a line and gets an error record; a final newline does not start a line).
/// </summary>
internal static class BatchRunner
{
    public static async Task<BatchSummary> RunAsync(Stream input, Stream output, BatchOptions options, Action<long, long>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(options);
        options = options with { RunTime = options.RunTime ?? TimeProvider.System.GetUtcNow() }; // one run time for every record
        var clock = Stopwatch.StartNew();
        var inFlight = (2 * options.Workers) + 2;
        var work = Channel.CreateBounded<Chunk>(new BoundedChannelOptions(inFlight) { SingleWriter = true });
        var ordered = Channel.CreateBounded<Chunk>(new BoundedChannelOptions(inFlight) { SingleWriter = true, SingleReader = true });
        var budget = new ByteBudget(options.InFlightBytes);
        var keepBytes = 2 * options.EffectiveChunkBytes;
        var bytesRead = 0L;

        var reader = Task.Run(() => ReadChunksAsync(input, options, budget, work.Writer, ordered.Writer, n => Interlocked.Add(ref bytesRead, n), ct), ct);
        var workers = Enumerable.Range(0, options.Workers)
            .Select(_ => Task.Run(() => WorkAsync(work.Reader, options, ct), ct))
            .ToArray();

        var summary = new BatchSummary();
        await foreach (var chunk in ordered.Reader.ReadAllAsync(ct).ConfigureAwait(false))
        {
            await chunk.Done.Task.ConfigureAwait(false);
            await output.WriteAsync(chunk.Output.WrittenMemory, ct).ConfigureAwait(false);
            summary.Add(chunk.Counts);
            budget.Give(chunk.Cost);
            chunk.Release(keepBytes);
            progress?.Invoke(Interlocked.Read(ref bytesRead), summary.Lines);
        }

        await reader.ConfigureAwait(false);
        await Task.WhenAll(workers).ConfigureAwait(false);
        await output.FlushAsync(ct).ConfigureAwait(false);
        summary.BytesIn = bytesRead;
        summary.Elapsed = clock.Elapsed;
        return summary;
    }

    private static async Task ReadChunksAsync(Stream input, BatchOptions options, ByteBudget budget, ChannelWriter<Chunk> work, ChannelWriter<Chunk> ordered, Action<int> onRead, CancellationToken ct)
    {
        try
        {
            var chunkBytes = options.EffectiveChunkBytes;
            var maxLines = Math.Max(1, chunkBytes / BatchOptions.BytesPerLine);
            var capacity = chunkBytes + options.MaxLineBytes + 1;
            var buffer = ArrayPool<byte>.Shared.Rent(capacity);
            var filled = 0;
            var nextLine = 1L;
            var eof = false;
            while (!eof || filled > 0)
            {
                // Fill to at least one chunk's worth (or to the end of the input).
                while (!eof && filled < chunkBytes)
                {
                    var n = await input.ReadAsync(buffer.AsMemory(filled, capacity - filled), ct).ConfigureAwait(false);
                    if (n == 0)
                    {
                        eof = true;
                    }

                    filled += n;
                    onRead(n);
                }

                // Whole lines up to one chunk's worth; a first line longer than that goes alone.
                var lastNewline = buffer.AsSpan(0, Math.Min(filled, chunkBytes)).LastIndexOf((byte)'\n');
                if (lastNewline < 0)
                {
                    lastNewline = buffer.AsSpan(0, filled).IndexOf((byte)'\n');
                }

                int take;
                if (lastNewline >= 0)
                {
                    take = lastNewline + 1;
                }
                else if (eof)
                {
                    take = filled; // the last line, without a final newline
                }
                else if (filled <= options.MaxLineBytes)
                {
                    // One long line not yet ended: read more into the spare room.
                    var n = await input.ReadAsync(buffer.AsMemory(filled, capacity - filled), ct).ConfigureAwait(false);
                    eof = n == 0;
                    filled += n;
                    onRead(n);
                    continue;
                }
                else
                {
                    // A line longer than allowed: report it and skip to its end.
                    var tooLong = Chunk.TooLong(nextLine++, options.MaxLineBytes);
                    await budget.TakeAsync(tooLong.Cost, ct).ConfigureAwait(false);
                    await Enqueue(tooLong, work, ordered, ct).ConfigureAwait(false);
                    (filled, eof) = await SkipPastNewlineAsync(input, buffer, capacity, onRead, ct).ConfigureAwait(false);
                    continue;
                }

                if (take == 0)
                {
                    break;
                }

                take = CutAtLines(buffer.AsSpan(0, take), maxLines);
                var chunk = Chunk.Rent(buffer.AsSpan(0, take), nextLine);
                nextLine += chunk.LineCount;
                await budget.TakeAsync(chunk.Cost, ct).ConfigureAwait(false);
                await Enqueue(chunk, work, ordered, ct).ConfigureAwait(false);
                buffer.AsSpan(take, filled - take).CopyTo(buffer);
                filled -= take;
            }

            ArrayPool<byte>.Shared.Return(buffer);
            work.Complete();
            ordered.Complete();
        }
#pragma warning disable CA1031 // The failure is handed to the writer through the channels, not lost.
        catch (Exception e)
#pragma warning restore CA1031
        {
            work.Complete(e);
            ordered.Complete(e);
        }
    }

    /// <summary>The length of the first <paramref name="maxLines"/> lines of <paramref name="lines"/> (all of it when it has no more).</summary>
    private static int CutAtLines(ReadOnlySpan<byte> lines, int maxLines)
    {
        if (lines.Count((byte)'\n') <= maxLines)
        {
            return lines.Length;
        }

        var at = 0;
        for (var i = 0; i < maxLines; i++)
        {
            at += lines[at..].IndexOf((byte)'\n') + 1;
        }

        return at;
    }

    private static async Task<(int Filled, bool Eof)> SkipPastNewlineAsync(Stream input, byte[] buffer, int capacity, Action<int> onRead, CancellationToken ct)
    {
        while (true)
        {
            var n = await input.ReadAsync(buffer.AsMemory(0, capacity), ct).ConfigureAwait(false);
            onRead(n);
            if (n == 0)
            {
                return (0, true);
            }

            var newline = buffer.AsSpan(0, n).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                buffer.AsSpan(newline + 1, n - newline - 1).CopyTo(buffer);
                return (n - newline - 1, false);
            }
        }
    }

    private static async ValueTask Enqueue(Chunk chunk, ChannelWriter<Chunk> work, ChannelWriter<Chunk> ordered, CancellationToken ct)
    {
        await ordered.WriteAsync(chunk, ct).ConfigureAwait(false);
        await work.WriteAsync(chunk, ct).ConfigureAwait(false);
    }

    private static async Task WorkAsync(ChannelReader<Chunk> work, BatchOptions options, CancellationToken ct)
    {
        Utf8JsonWriter? writer = null;
        await foreach (var chunk in work.ReadAllAsync(ct).ConfigureAwait(false))
        {
            try
            {
                if (writer is null)
                {
                    writer = new Utf8JsonWriter(chunk.Output, new JsonWriterOptions { SkipValidation = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
                }
                else
                {
                    writer.Reset(chunk.Output);
                }

                Process(chunk, writer, options);
                chunk.Done.SetResult();
            }
#pragma warning disable CA1031 // A bug in one chunk fails the run with its message instead of hanging the writer.
            catch (Exception e)
#pragma warning restore CA1031
            {
                chunk.Done.SetException(e);
            }
        }

        writer?.Dispose();
    }

    private static void Process(Chunk chunk, Utf8JsonWriter writer, BatchOptions options)
    {
        var detail = options.Detail;
        var runTime = options.RunTime ?? throw new ArgumentException("RunAsync sets the run time.", nameof(options));
        var lineNumber = chunk.FirstLine;
        if (chunk.TooLongBy is { } limit)
        {
            WriteUnreadable(chunk, writer, options, lineNumber, TooLong(lineNumber, limit), runTime);
            return;
        }

        var rest = chunk.Input;
        while (!rest.IsEmpty)
        {
            var newline = rest.Span.IndexOf((byte)'\n');
            var line = newline >= 0 ? rest[..newline] : rest;
            rest = newline >= 0 ? rest[(newline + 1)..] : ReadOnlyMemory<byte>.Empty;
            var span = line.Span;
            if (!span.IsEmpty && span[^1] == (byte)'\r')
            {
                span = span[..^1];
            }

            // The reader cuts off a long line only when no newline is in its buffer; one that arrived whole is caught here.
            if (span.Length > options.MaxLineBytes)
            {
                WriteUnreadable(chunk, writer, options, lineNumber, TooLong(lineNumber, options.MaxLineBytes), runTime);
                lineNumber++;
                continue;
            }

            var read = SnapshotReader.Read(span);
            if (options.Shard is { } shard && !(read.Snapshot?.Id is { } id ? shard.Holds(id) : shard.HoldsLine(lineNumber)))
            {
                chunk.Counts.OtherShards++; // another shard's line: no record here
                lineNumber++;
                continue;
            }

            if (read.Snapshot is { } snapshot)
            {
                var assessment = Assessment.Of(snapshot, options.Profile, options.Scores, recordSteps: detail == Detail.Full);
                if (options.Table is { } table)
                {
                    TableRows.Write(writer, table, assessment, AsOf.For(snapshot, runTime), lineNumber);
                }
                else
                {
                    AssessmentWriter.Write(writer, assessment, detail, AsOf.For(snapshot, runTime), lineNumber);
                }

                chunk.Counts.Count(snapshot.Issues);
            }
            else
            {
                WriteUnreadableRecord(writer, options, read.Issues, AsOf.AtInstant(runTime, AsOfSource.RunTime), lineNumber);
                chunk.Counts.Unreadable++;
                chunk.Counts.Lines++;
            }

            writer.Flush();
            writer.Reset();
            chunk.Output.Write("\n"u8);
            lineNumber++;
        }
    }

    private static InputIssue TooLong(long line, int limit) =>
        InputIssue.Error(IssueCodes.LineTooLong, "$", $"Line {line} is longer than {limit} bytes; not read.");

    private static void WriteUnreadableRecord(Utf8JsonWriter writer, BatchOptions options, IReadOnlyList<InputIssue> issues, AsOf asOf, long line)
    {
        if (options.Table is { } table)
        {
            TableRows.WriteUnreadable(writer, table, issues, asOf, line);
        }
        else
        {
            AssessmentWriter.WriteUnreadable(writer, issues, asOf, line);
        }
    }

    private static void WriteUnreadable(Chunk chunk, Utf8JsonWriter writer, BatchOptions options, long line, InputIssue issue, DateTimeOffset runTime)
    {
        if (options.Shard is { } shard && !shard.HoldsLine(line))
        {
            chunk.Counts.OtherShards++;
            return;
        }

        WriteUnreadableRecord(writer, options, [issue], AsOf.AtInstant(runTime, AsOfSource.RunTime), line);
        writer.Flush();
        writer.Reset();
        chunk.Output.Write("\n"u8);
        chunk.Counts.Unreadable++;
        chunk.Counts.Lines++;
    }
}

/// <summary>
/// The bytes the reader may have in flight. One taker (the reader) waits until a chunk's cost fits; one giver (the
/// writer) returns it once the chunk is written. A chunk always fits when nothing is in flight, so one line longer
/// than the whole budget still goes through.
/// </summary>
internal sealed class ByteBudget(long capacity)
{
    private readonly Lock gate = new();
    private long used;
    private TaskCompletionSource? freed;

    public async ValueTask TakeAsync(long bytes, CancellationToken ct)
    {
        while (true)
        {
            Task wait;
            lock (gate)
            {
                if (used == 0 || used + bytes <= capacity)
                {
                    used += bytes;
                    return;
                }

                freed ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                wait = freed.Task;
            }

            await wait.WaitAsync(ct).ConfigureAwait(false);
        }
    }

    public void Give(long bytes)
    {
        TaskCompletionSource? waiting;
        lock (gate)
        {
            used -= bytes;
            waiting = freed;
            freed = null;
        }

        waiting?.TrySetResult();
    }
}
