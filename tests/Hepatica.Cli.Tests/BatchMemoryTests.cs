using System.Security.Cryptography;
using System.Text;
using Hepatica.Cli.Batch;
using Hepatica.Json;

namespace Hepatica.Cli.Tests;

/// <summary>
/// Batch memory does not grow with the worker count (issue 10, item 15): the input read ahead of the output is held
/// under a fixed budget whatever <c>--threads</c>, and <c>--threads</c> itself has a documented maximum.
/// </summary>
public sealed class BatchMemoryTests : IDisposable
{
    /// <summary>The documented budget (docs/snapshot.md, "Batch"): 8 MiB of input in flight, plus the reader's own buffer of one chunk and one longest line.</summary>
    private const long Bound = (8L << 20) + (2L << 20) + 1;

    private readonly string work = Directory.CreateTempSubdirectory("hepatica-batch-memory-test-").FullName;

    public void Dispose() => Directory.Delete(work, recursive: true);

    [Theory]
    [InlineData(1)]
    [InlineData(64)]
    public async Task Run_ManyWorkersAndASlowWriter_ReadsAheadAtMostTheBudget(int workers)
    {
        // 30 MB of snapshots; the output stream does fixed extra work per write so the writer is the slow end and the
        // reader runs as far ahead as the pipeline lets it. Before the budget, 64 workers let 130 chunks of 1 MiB ahead.
        var line = Encoding.UTF8.GetBytes("""{"id":"m","ageYears":54,"labs":{"bilirubin":{"value":2.1,"unit":"mg/dL"},"inr":{"value":1.8}}}""".PadRight(499) + "\n");
        const int Lines = 60_000;
        var input = new RepeatingStream(line, Lines);
        var output = new LineWatchingStream(input, line.Length);

        var summary = await BatchRunner.RunAsync(input, output, new BatchOptions(Detail.Compact, workers), null, TestContext.Current.CancellationToken);

        Assert.Equal(Lines, summary.Lines);
        Assert.Equal(Lines, output.LastLine);
        Assert.True(output.MaxAhead <= Bound, $"{output.MaxAhead:N0} bytes of input were read ahead of the output with {workers} workers (budget {Bound:N0})");
    }

    [Theory]
    [InlineData("65")]
    [InlineData("1000")]
    public async Task Batch_ThreadsAboveTheMaximum_Exits2(string threads)
    {
        var r = await Hepatica.Run("batch", Path.Combine("samples", "batch-sample.jsonl"), Path.Combine(work, "out.jsonl"), "--threads", threads, "--no-progress");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--threads must be between 1 and 64", r.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(work, "out.jsonl")));
    }

    [Fact]
    public async Task Bulk_ThreadsAboveTheMaximum_Exits2()
    {
        var export = Path.GetFullPath(Path.Combine(RepoRoot.Path, "..", "shared", "data", "fhir-samples", "bulk-ndjson-10-patients"));

        var r = await Hepatica.Run("bulk", export, Path.Combine(work, "out.ndjson"), "--threads", "65", "--no-progress");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--threads must be between 1 and 64", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batch_SixtyFourThreads_IsAccepted()
    {
        var r = await Hepatica.Run("batch", Path.Combine("samples", "batch-sample.jsonl"), Path.Combine(work, "out.jsonl"), "--threads", "64", "--no-progress");

        Assert.Equal(1, r.ExitCode); // the sample has a malformed line on purpose
        Assert.Equal(File.ReadAllLines(Path.Combine(RepoRoot.Path, "samples", "batch-sample.jsonl")).Length, File.ReadAllLines(Path.Combine(work, "out.jsonl")).Length);
    }

    /// <summary>The same line <c>count</c> times, produced as it is read (no 48 MB array), counting the bytes handed out.</summary>
    private sealed class RepeatingStream(byte[] line, int count) : Stream
    {
        private long position;

        public long BytesRead => Interlocked.Read(ref position);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var total = (long)line.Length * count;
            var at = Interlocked.Read(ref position);
            var n = (int)Math.Min(buffer.Length, total - at);
            for (var i = 0; i < n; i++)
            {
                buffer[i] = line[(at + i) % line.Length];
            }

            Interlocked.Add(ref position, n);
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer, offset, count));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>
    /// An output that, at every write, notes how far the input has been read beyond the lines whose results are out
    /// (the results carry their line numbers), and hashes what it gets a few times over: fixed work, so it is slow.
    /// </summary>
    private sealed class LineWatchingStream(RepeatingStream input, int lineBytes) : Stream
    {
        private static readonly byte[] LineKey = "\"line\":"u8.ToArray();

        public long LastLine { get; private set; }

        public long MaxAhead { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            var ahead = input.BytesRead - (LastLine * lineBytes);
            MaxAhead = Math.Max(MaxAhead, ahead);
            for (var i = 0; i < 8; i++)
            {
                SHA256.HashData(buffer);
            }

            var at = buffer.LastIndexOf(LineKey);
            if (at >= 0)
            {
                var digits = buffer[(at + LineKey.Length)..];
                var end = digits.IndexOfAnyExceptInRange((byte)'0', (byte)'9');
                LastLine = long.Parse(Encoding.ASCII.GetString(end < 0 ? digits : digits[..end]), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer.AsSpan(offset, count));
            return Task.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
