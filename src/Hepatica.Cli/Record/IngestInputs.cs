using System.Buffers;
using System.Text;
using Hepatica.Cli.Bulk;
using Hepatica.Fhir.Bulk;
using Microsoft.Win32.SafeHandles;

namespace Hepatica.Cli.Record;

/// <summary>What an ingest PATH is.</summary>
internal enum IngestInputKind
{
    /// <summary>JSON Lines (<c>.jsonl</c>, <c>.ndjson</c>, or <c>-</c> for standard input): one snapshot or FHIR document per line.</summary>
    Lines,

    /// <summary>Any other file: one JSON document (a FHIR Bundle, a single resource, a snapshot).</summary>
    Document,

    /// <summary>A folder: a FHIR Bulk Data export (<c>Type.NNN.ndjson</c>).</summary>
    BulkFolder,
}

/// <summary>One JSON document to parse into batches: where it is (for messages) and its bytes.</summary>
/// <param name="Source">What the arrivals record as their source (the path as given; <c>path:line</c> for a line).</param>
/// <param name="Where">How a message names it (<c>in.jsonl line 3</c>, <c>export/ patient g1</c>).</param>
/// <param name="Line">The line number in a JSON Lines file, else null.</param>
/// <param name="Json">The UTF-8 JSON.</param>
/// <param name="Bytes">The input bytes it stands for, for the progress bar.</param>
internal sealed record IngestDocument(string Source, string Where, long? Line, ReadOnlyMemory<byte> Json, long Bytes);

/// <summary>
/// Turns each ingest PATH into JSON documents for <see cref="Hepatica.Store.IngestParser"/>, streaming:
/// a JSON Lines file one line at a time; a JSON file whole (up to <see cref="InputFile.MaxMegabytes"/> MiB); a Bulk
/// Data export folder in two passes. Pass 1 scans every line with <see cref="BulkLineScanner"/> (the resource types
/// and lab codes the engine reads, the patient each belongs to) and keeps only each used line's position, 16 bytes a
/// resource; pass 2 reads one patient's lines back and gives them as one collection Bundle, so memory grows with the
/// number of resources in the export (16 bytes each, plus each patient's id) and with the largest patient's
/// resources, not with the export's size.
/// </summary>
internal static class IngestInputs
{
    /// <summary>The longest line or document read, in bytes (<see cref="InputFile.MaxMegabytes"/>).</summary>
    public const int MaxDocumentBytes = InputFile.MaxMegabytes << 20;

    /// <summary>How a PATH is read.</summary>
    public static IngestInputKind KindOf(string path) =>
        path == "-" || path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase)
            ? IngestInputKind.Lines
            : Directory.Exists(path) ? IngestInputKind.BulkFolder : IngestInputKind.Document;

    /// <summary>Why <paramref name="path"/> cannot be ingested, or null.</summary>
    public static string? Problem(string path)
    {
        if (path == "-")
        {
            return null;
        }

        if (Directory.Exists(path))
        {
            return BulkRunner.ListFiles(path).Files.Count == 0 ? $"'{path}' is a folder but holds no FHIR Bulk Data files (Type.NNN.ndjson)." : null;
        }

        return InputFile.InputProblem(path);
    }

    /// <summary>The input bytes of <paramref name="path"/> (0 for standard input), for the progress bar.</summary>
    public static long SizeOf(string path) => path == "-" ? 0
        : Directory.Exists(path) ? BulkRunner.ListFiles(path).Files.Sum(f => new FileInfo(f).Length)
        : new FileInfo(path).Length;

    /// <summary>The documents of <paramref name="path"/>; input that cannot become a document (a line too long, a Bulk line without a patient) goes to <paramref name="problem"/>.</summary>
    public static IEnumerable<IngestDocument> Read(string path, Action<string> problem, Action<long> skipped) => KindOf(path) switch
    {
        IngestInputKind.Lines => Lines(path, problem),
        IngestInputKind.BulkFolder => Bulk(path, problem, skipped),
        _ => Whole(path, problem),
    };

    private static IEnumerable<IngestDocument> Whole(string path, Action<string> problem)
    {
        var info = new FileInfo(path);
        if (info.Length > MaxDocumentBytes)
        {
            problem($"{path}: larger than {InputFile.MaxMegabytes} MiB; split it, or give it as JSON Lines or a Bulk Data folder.");
            yield break;
        }

        var bytes = File.ReadAllBytes(path);
        yield return new IngestDocument(path, path, null, bytes, bytes.Length);
    }

    private static IEnumerable<IngestDocument> Lines(string path, Action<string> problem)
    {
        using var stream = path == "-" ? Console.OpenStandardInput() : new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var name = path == "-" ? "standard input" : path;
        foreach (var (number, line, bytes) in SplitLines(stream))
        {
            if (line is null)
            {
                problem($"{name} line {number}: longer than {InputFile.MaxMegabytes} MiB; skipped.");
                continue;
            }

            if (line.AsSpan().Trim(" \t\r"u8).IsEmpty)
            {
                continue;
            }

            yield return new IngestDocument(path == "-" ? $"stdin:{number}" : $"{path}:{number}", $"{name} line {number}", number, line, bytes);
        }
    }

    /// <summary>
    /// The lines of <paramref name="stream"/>, numbered from 1, without their line break, each with the bytes it took
    /// (line break included); a line longer than <see cref="MaxDocumentBytes"/> is given as null and skipped.
    /// </summary>
    internal static IEnumerable<(long Number, byte[]? Line, long Bytes)> SplitLines(Stream stream)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            int start = 0, filled = 0;
            long number = 0, dropped = 0;
            var tooLong = false;
            var eof = false;
            while (true)
            {
                var newline = buffer.AsSpan(start, filled - start).IndexOf((byte)'\n');
                if (newline >= 0)
                {
                    number++;
                    var line = buffer.AsSpan(start, newline);
                    if (tooLong)
                    {
                        yield return (number, null, dropped + newline + 1);
                        tooLong = false;
                        dropped = 0;
                    }
                    else
                    {
                        yield return (number, WithoutCr(line).ToArray(), newline + 1);
                    }

                    start += newline + 1;
                    continue;
                }

                if (eof)
                {
                    if (filled > start || tooLong)
                    {
                        yield return (number + 1, tooLong ? null : WithoutCr(buffer.AsSpan(start, filled - start)).ToArray(), dropped + filled - start);
                    }

                    yield break;
                }

                // Keep the partial line at the front; grow the buffer when it is full of one line.
                if (start > 0)
                {
                    buffer.AsSpan(start, filled - start).CopyTo(buffer);
                    filled -= start;
                    start = 0;
                }

                if (filled == buffer.Length)
                {
                    if (buffer.Length >= MaxDocumentBytes)
                    {
                        tooLong = true; // drop what is held; the line is reported when its end is found
                        dropped += filled;
                        filled = 0;
                    }
                    else
                    {
                        var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, MaxDocumentBytes));
                        buffer.AsSpan(0, filled).CopyTo(bigger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = bigger;
                    }
                }

                var n = stream.Read(buffer, filled, buffer.Length - filled);
                eof = n == 0;
                filled += n;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static ReadOnlySpan<byte> WithoutCr(ReadOnlySpan<byte> line) => line is [.., (byte)'\r'] ? line[..^1] : line;

    /// <summary>Where one used resource line is: its file, the offset of its first byte and its length (no line break, no byte order mark).</summary>
    private readonly record struct LineSpan(int File, long Offset, int Length);

    private static IEnumerable<IngestDocument> Bulk(string dir, Action<string> problem, Action<long> skipped)
    {
        var files = BulkRunner.ListFiles(dir).Files;
        var byPatient = new Dictionary<string, List<LineSpan>>(StringComparer.Ordinal);
        var scanner = new BulkLineScanner();
        var notRead = 0L;
        for (var f = 0; f < files.Count; f++)
        {
            using var stream = new FileStream(files[f], FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            var offset = 0L;
            foreach (var (number, line, bytes) in SplitLines(stream))
            {
                var at = offset;
                offset += bytes;
                if (line is null)
                {
                    problem($"{files[f]} line {number}: longer than {InputFile.MaxMegabytes} MiB; skipped.");
                    continue;
                }

                var bom = line.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
                if (line.AsSpan(bom).Trim(" \t"u8).IsEmpty)
                {
                    continue;
                }

                switch (scanner.Scan(line))
                {
                    case BulkLineKind.Used:
                        var id = Encoding.UTF8.GetString(scanner.PatientId);
                        if (!byPatient.TryGetValue(id, out var spans))
                        {
                            byPatient[id] = spans = [];
                        }

                        spans.Add(new LineSpan(f, at + bom, line.Length - bom));
                        break;
                    case BulkLineKind.TypeNotRead or BulkLineKind.ObservationNotRead:
                        notRead++;
                        break;
                    case var kind:
                        // The kind only: the scanner's own message may quote the line.
                        problem($"{files[f]} line {number}: {Describe(kind)}; skipped.");
                        break;
                }
            }
        }

        skipped(notRead);
        var handles = files.Select(f => File.OpenHandle(f, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess)).ToArray();
        try
        {
            foreach (var id in byPatient.Keys.Order(StringComparer.Ordinal))
            {
                var spans = byPatient[id];
                yield return new IngestDocument(dir, $"{dir} patient {id}", null, Bundle(handles, spans), spans.Sum(s => (long)s.Length + 1));
            }
        }
        finally
        {
            foreach (var h in handles)
            {
                h.Dispose();
            }
        }
    }

    private static string Describe(BulkLineKind kind) => kind switch
    {
        BulkLineKind.Malformed => "not a JSON object (malformed, cut short or empty)",
        BulkLineKind.NoResourceType => "no resourceType",
        BulkLineKind.NoPatient => "no patient (a Patient without id, or no Patient/<id> subject or patient reference)",
        _ => kind.ToString(),
    };

    /// <summary>A collection Bundle of one patient's lines, each resource's bytes unchanged.</summary>
    private static byte[] Bundle(SafeFileHandle[] handles, List<LineSpan> spans)
    {
        var head = """{"resourceType":"Bundle","type":"collection","entry":["""u8;
        var size = head.Length + 2 + spans.Sum(s => s.Length + """{"resource":},"""u8.Length);
        var bundle = new byte[size];
        head.CopyTo(bundle);
        var at = head.Length;
        for (var i = 0; i < spans.Count; i++)
        {
            var prefix = i == 0 ? """{"resource":"""u8 : """,{"resource":"""u8;
            prefix.CopyTo(bundle.AsSpan(at));
            at += prefix.Length;
            var span = spans[i];
            for (var read = 0; read < span.Length;)
            {
                var n = RandomAccess.Read(handles[span.File], bundle.AsSpan(at + read, span.Length - read), span.Offset + read);
                if (n == 0)
                {
                    throw new IOException("a Bulk Data file got shorter while it was read");
                }

                read += n;
            }

            at += span.Length;
            bundle[at++] = (byte)'}';
        }

        bundle[at++] = (byte)']';
        bundle[at++] = (byte)'}';
        return bundle.AsSpan(0, at).ToArray();
    }
}
