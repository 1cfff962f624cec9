using System.Buffers;
using System.Threading.Channels;
using Hepatica.Clinical.Scoring;
using Hepatica.Fhir.Bulk;

namespace Hepatica.Cli.Bulk;

/// <summary>
/// Pass 1 of a Bulk Data batch (docs/decisions/0005-bulk-partitioning.md): one reader streams every export file in
/// blocks of whole lines; workers (one per thread) scan each line with <see cref="BulkLineScanner"/> and append the
/// lines the snapshot reader uses to the partition of their patient (a stable hash of the id), each worker to its own
/// files, so no lock is taken. Lines not used are only counted; unusable lines become error records, which go to a
/// partition chosen by their file and line. Memory, whatever the thread count: the blocks in flight and the files'
/// write buffers each within an eighth of <c>--memory-mb</c> (<see cref="BulkOptions.BlocksInFlight"/>,
/// <see cref="BulkOptions.PartitionBufferBytes"/>).
/// </summary>
internal sealed class Partitioner(BulkOptions options, IReadOnlyList<string> files, string tempDir, int partitions)
{
    private const int BlockBytes = 4 << 20;
    private const int MaxIdBytes = 1024;

    /// <summary>The file a worker writes for a partition; pass 2 reads every worker's file of its partition.</summary>
    public static string PartitionFile(string tempDir, int partition, int worker) => Path.Combine(tempDir, $"part-{partition:D5}-w{worker:D2}.bin");

    /// <summary>Runs pass 1; <paramref name="progress"/> gets the bytes read so far.</summary>
    public async Task<ScanCounts> RunAsync(Action<long>? progress, CancellationToken ct)
    {
        var blocks = Channel.CreateBounded<Block>(new BoundedChannelOptions(options.BlocksInFlight(BlockBytes)) { SingleWriter = true });
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(ct); // a failing worker stops the reader, which would wait forever
        var reader = Task.Run(() => ReadAsync(blocks.Writer, progress, failed.Token), failed.Token);
        var workers = Enumerable.Range(0, options.Threads).Select(w => Task.Run(async () =>
        {
            try
            {
                return await Work(w, blocks.Reader, failed.Token).ConfigureAwait(false);
            }
            catch
            {
                await failed.CancelAsync().ConfigureAwait(false);
                throw;
            }
        }, failed.Token)).ToArray();
        var counts = await Task.WhenAll(workers).ConfigureAwait(false);
        await reader.ConfigureAwait(false);
        var total = new ScanCounts();
        foreach (var c in counts)
        {
            total.Add(c);
        }

        return total;
    }

    private async Task ReadAsync(ChannelWriter<Block> blocks, Action<long>? progress, CancellationToken ct)
    {
        try
        {
            long bytes = 0;
            for (var fileIndex = 0; fileIndex < files.Count; fileIndex++)
            {
                await using var stream = new FileStream(files[fileIndex], FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan | FileOptions.Asynchronous);
                var buffer = ArrayPool<byte>.Shared.Rent(BlockBytes);
                var filled = 0;
                var line = 1L;
                var eof = false;
                while (!eof || filled > 0)
                {
                    while (!eof && filled < buffer.Length)
                    {
                        var n = await stream.ReadAsync(buffer.AsMemory(filled), ct).ConfigureAwait(false);
                        eof = n == 0;
                        filled += n;
                        bytes += n;
                    }

                    var last = buffer.AsSpan(0, filled).LastIndexOf((byte)'\n');
                    var take = last >= 0 ? last + 1 : eof ? filled : -1;
                    if (take < 0)
                    {
                        if (buffer.Length >= options.MaxLineBytes)
                        {
                            // One line longer than allowed: report it and skip to its end.
                            await blocks.WriteAsync(Block.TooLong(fileIndex, line++), ct).ConfigureAwait(false);
                            (filled, eof, var skipped) = await SkipLineAsync(stream, buffer, ct).ConfigureAwait(false);
                            bytes += skipped;
                            continue;
                        }

                        var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        buffer.AsSpan(0, filled).CopyTo(bigger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = bigger;
                        continue;
                    }

                    if (take == 0)
                    {
                        break;
                    }

                    var next = ArrayPool<byte>.Shared.Rent(Math.Max(BlockBytes, filled - take));
                    buffer.AsSpan(take, filled - take).CopyTo(next);
                    var block = new Block(fileIndex, line, buffer, take, null);
                    line += block.LineCount();
                    await blocks.WriteAsync(block, ct).ConfigureAwait(false);
                    progress?.Invoke(bytes);
                    buffer = next;
                    filled -= take;
                }

                ArrayPool<byte>.Shared.Return(buffer);
            }

            blocks.Complete();
        }
#pragma warning disable CA1031 // The failure reaches the workers through the channel and fails the run with its message.
        catch (Exception e)
#pragma warning restore CA1031
        {
            blocks.Complete(e);
        }
    }

    private static async Task<(int Filled, bool Eof, long Read)> SkipLineAsync(Stream stream, byte[] buffer, CancellationToken ct)
    {
        long read = 0;
        while (true)
        {
            var n = await stream.ReadAsync(buffer, ct).ConfigureAwait(false);
            read += n;
            if (n == 0)
            {
                return (0, true, read);
            }

            var newline = buffer.AsSpan(0, n).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                buffer.AsSpan(newline + 1, n - newline - 1).CopyTo(buffer);
                return (n - newline - 1, false, read);
            }
        }
    }

    private async Task<ScanCounts> Work(int worker, ChannelReader<Block> blocks, CancellationToken ct)
    {
        var counts = new ScanCounts();
        var scanner = new BulkLineScanner();
        var outputs = new FileStream?[partitions];
        try
        {
            await foreach (var block in blocks.ReadAllAsync(ct).ConfigureAwait(false))
            {
                if (block.TooLongLine is { } tooLong)
                {
                    var issue = InputIssue.Error(BulkIssueCodes.LineTooLong, "$", $"The line is longer than {options.MaxLineBytes} bytes; not read.");
                    WriteError(Output(outputs, worker, ErrorPartition(block.FileIndex, tooLong)), block.FileIndex, tooLong, null, issue);
                    counts.Errors++;
                    continue;
                }

                ScanBlock(block, scanner, counts, outputs, worker);
                ArrayPool<byte>.Shared.Return(block.Data);
            }
        }
        finally
        {
            foreach (var o in outputs)
            {
                o?.Dispose();
            }
        }

        return counts;
    }

    private void ScanBlock(Block block, BulkLineScanner scanner, ScanCounts counts, FileStream?[] outputs, int worker)
    {
        var line = block.FirstLine;
        foreach (var range in block.Data.AsSpan(0, block.Length).Split((byte)'\n'))
        {
            var text = block.Data.AsSpan(range);
            if (range.Start.Value == block.Length)
            {
                break; // after the final newline: not a line
            }

            if (!text.IsEmpty && text[^1] == (byte)'\r')
            {
                text = text[..^1];
            }

            counts.Lines++;
            var kind = scanner.Scan(text);
            counts.Count(scanner.ResourceType, kind);
            switch (kind)
            {
                case BulkLineKind.Used when scanner.PatientId.Length > MaxIdBytes:
                    var tooLong = InputIssue.Error(BulkIssueCodes.NoPatient, "subject", $"The patient id is longer than {MaxIdBytes} bytes (FHIR ids have at most 64 characters): the patient cannot be found.");
                    WriteError(Output(outputs, worker, ErrorPartition(block.FileIndex, line)), block.FileIndex, line, scanner.ResourceType, tooLong);
                    counts.Errors++;
                    break;
                case BulkLineKind.Used when options.Shard is { } shard && !shard.Holds(scanner.PatientId):
                    counts.OtherShards++; // another shard's patient: not kept
                    break;
                case BulkLineKind.Used:
                    var key = scanner.PatientId;
                    PartitionRecord.Write(Output(outputs, worker, PartitionRecord.PartitionOf(key, partitions)), RecordKind.Resource, block.FileIndex, line, key, text, scanner.Facts);
                    counts.BytesKept += text.Length;
                    break;
                case BulkLineKind.TypeNotRead or BulkLineKind.ObservationNotRead:
                    break;
                default:
                    var code = kind switch
                    {
                        BulkLineKind.Malformed => BulkIssueCodes.MalformedLine,
                        BulkLineKind.NoResourceType => BulkIssueCodes.NoResourceType,
                        _ => BulkIssueCodes.NoPatient,
                    };
                    var issue = InputIssue.Error(code, kind == BulkLineKind.NoPatient ? "subject" : "$", scanner.Problem ?? "Not usable.");
                    WriteError(Output(outputs, worker, ErrorPartition(block.FileIndex, line)), block.FileIndex, line, scanner.ResourceType, issue);
                    counts.Errors++;
                    break;
            }

            line++;
        }
    }

    private int ErrorPartition(int fileIndex, long line) => (int)((((long)fileIndex * 1_000_003) + line) % partitions);

    private void WriteError(Stream to, int fileIndex, long line, string? resourceType, InputIssue issue)
    {
        if (options.Shard is { } shard && !shard.HoldsLocation(Path.GetFileName(files[fileIndex]), line))
        {
            return; // another shard's error record (a line with no patient goes by its file and line)
        }

        var record = ErrorRecords.Render(Path.GetFileName(files[fileIndex]), line, resourceType, null, [issue]);
        PartitionRecord.Write(to, RecordKind.Error, fileIndex, line, [], record);
    }

    private FileStream Output(FileStream?[] outputs, int worker, int partition) =>
        outputs[partition] ??= new FileStream(PartitionFile(tempDir, partition, worker), FileMode.CreateNew, FileAccess.Write, FileShare.None, options.PartitionBufferBytes(partitions));

    /// <summary>Whole lines of one file handed to a worker (or the mark of one line that was too long).</summary>
    private sealed record Block(int FileIndex, long FirstLine, byte[] Data, int Length, long? TooLongLine)
    {
        public static Block TooLong(int fileIndex, long line) => new(fileIndex, line, [], 0, line);

        public long LineCount()
        {
            var span = Data.AsSpan(0, Length);
            var newlines = span.Count((byte)'\n');
            return span[^1] == (byte)'\n' ? newlines : newlines + 1;
        }
    }
}

/// <summary>What pass 1 saw: lines, resources per type (used and not), error records, bytes kept for pass 2.</summary>
internal sealed class ScanCounts
{
    public long Lines { get; set; }

    public long Errors { get; set; }

    public long BytesKept { get; set; }

    /// <summary>Resource lines of other shards' patients (<c>--shard</c>): not kept.</summary>
    public long OtherShards { get; set; }

    /// <summary>Per resource type: lines kept for the reader, and lines not read (types or Observation codes it does not use).</summary>
    public SortedDictionary<string, (long Used, long NotRead)> ByType { get; } = new(StringComparer.Ordinal);

    public void Count(string? type, BulkLineKind kind)
    {
        if (type is null || kind is not (BulkLineKind.Used or BulkLineKind.TypeNotRead or BulkLineKind.ObservationNotRead))
        {
            return;
        }

        ByType.TryGetValue(type, out var c);
        ByType[type] = kind == BulkLineKind.Used ? (c.Used + 1, c.NotRead) : (c.Used, c.NotRead + 1);
    }

    public void Add(ScanCounts other)
    {
        Lines += other.Lines;
        Errors += other.Errors;
        BytesKept += other.BytesKept;
        OtherShards += other.OtherShards;
        foreach (var (type, (used, notRead)) in other.ByType)
        {
            ByType.TryGetValue(type, out var c);
            ByType[type] = (c.Used + used, c.NotRead + notRead);
        }
    }
}
