using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using Hepatica.Clinical;
using Hepatica.Clinical.Scoring;
using Hepatica.Json;

namespace Hepatica.Cli.Batch;

/// <summary>Settings of a batch run.</summary>
/// <param name="Detail">How much each result carries.</param>
/// <param name="Workers">Worker threads.</param>
/// <param name="ChunkBytes">Bytes of input handed to a worker at a time.</param>
/// <param name="MaxLineBytes">The longest accepted line; a longer one gets an SNP006 error record.</param>
/// <param name="Scores">The scores to compute (null: the whole catalog).</param>
internal sealed record BatchOptions(Detail Detail, int Workers, int ChunkBytes = 1 << 20, int MaxLineBytes = 1 << 20, IReadOnlyList<CatalogEntry>? Scores = null);

/// <summary>
/// Scores a JSON Lines file: one snapshot per line in, one result per line out, in input order. Streaming in
/// constant memory: a reader cuts the input into chunks of whole lines, workers (one per core) assess each chunk
/// into its own output buffer, and the writer emits chunks in order. At most <c>2 × workers + 2</c> chunks are in
/// flight, so memory does not grow with the file. A bad line gives an error record and the run goes on: the count
/// of lines out always equals the count of lines in (an empty line is a line and gets an error record; a final
/// newline does not start a line).
/// </summary>
internal static class BatchRunner
{
    public static async Task<BatchSummary> RunAsync(Stream input, Stream output, BatchOptions options, Action<long, long>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var inFlight = (2 * options.Workers) + 2;
        var work = Channel.CreateBounded<Chunk>(new BoundedChannelOptions(inFlight) { SingleWriter = true });
        var ordered = Channel.CreateBounded<Chunk>(new BoundedChannelOptions(inFlight) { SingleWriter = true, SingleReader = true });
        var bytesRead = 0L;

        var reader = Task.Run(() => ReadChunksAsync(input, options, work.Writer, ordered.Writer, n => Interlocked.Add(ref bytesRead, n), ct), ct);
        var workers = Enumerable.Range(0, options.Workers)
            .Select(_ => Task.Run(() => WorkAsync(work.Reader, options, ct), ct))
            .ToArray();

        var summary = new BatchSummary();
        await foreach (var chunk in ordered.Reader.ReadAllAsync(ct).ConfigureAwait(false))
        {
            await chunk.Done.Task.ConfigureAwait(false);
            await output.WriteAsync(chunk.Output.WrittenMemory, ct).ConfigureAwait(false);
            summary.Add(chunk.Counts);
            chunk.Release();
            progress?.Invoke(Interlocked.Read(ref bytesRead), summary.Lines);
        }

        await reader.ConfigureAwait(false);
        await Task.WhenAll(workers).ConfigureAwait(false);
        await output.FlushAsync(ct).ConfigureAwait(false);
        summary.BytesIn = bytesRead;
        summary.Elapsed = clock.Elapsed;
        return summary;
    }

    private static async Task ReadChunksAsync(Stream input, BatchOptions options, ChannelWriter<Chunk> work, ChannelWriter<Chunk> ordered, Action<int> onRead, CancellationToken ct)
    {
        try
        {
            var capacity = options.ChunkBytes + options.MaxLineBytes + 1;
            var buffer = ArrayPool<byte>.Shared.Rent(capacity);
            var filled = 0;
            var nextLine = 1L;
            var eof = false;
            while (!eof || filled > 0)
            {
                // Fill to at least one chunk's worth (or to the end of the input).
                while (!eof && filled < options.ChunkBytes)
                {
                    var n = await input.ReadAsync(buffer.AsMemory(filled, capacity - filled), ct).ConfigureAwait(false);
                    if (n == 0)
                    {
                        eof = true;
                    }

                    filled += n;
                    onRead(n);
                }

                var lastNewline = buffer.AsSpan(0, filled).LastIndexOf((byte)'\n');
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
                    await Enqueue(tooLong, work, ordered, ct).ConfigureAwait(false);
                    (filled, eof) = await SkipPastNewlineAsync(input, buffer, capacity, onRead, ct).ConfigureAwait(false);
                    continue;
                }

                if (take == 0)
                {
                    break;
                }

                var chunk = Chunk.Rent(buffer.AsSpan(0, take), nextLine);
                nextLine += chunk.LineCount;
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
        var lineNumber = chunk.FirstLine;
        if (chunk.TooLongBy is { } limit)
        {
            WriteUnreadable(chunk, writer, lineNumber, TooLong(lineNumber, limit));
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
                WriteUnreadable(chunk, writer, lineNumber, TooLong(lineNumber, options.MaxLineBytes));
                lineNumber++;
                continue;
            }

            var read = SnapshotReader.Read(span);
            if (read.Snapshot is { } snapshot)
            {
                var assessment = Assessment.Of(snapshot, options.Scores ?? ScoreCatalog.All, recordSteps: detail == Detail.Full);
                AssessmentWriter.Write(writer, assessment, detail, lineNumber);
                chunk.Counts.Count(snapshot.Issues);
            }
            else
            {
                AssessmentWriter.WriteUnreadable(writer, read.Issues, lineNumber);
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

    private static void WriteUnreadable(Chunk chunk, Utf8JsonWriter writer, long line, InputIssue issue)
    {
        AssessmentWriter.WriteUnreadable(writer, [issue], line);
        writer.Flush();
        writer.Reset();
        chunk.Output.Write("\n"u8);
        chunk.Counts.Unreadable++;
        chunk.Counts.Lines++;
    }
}
