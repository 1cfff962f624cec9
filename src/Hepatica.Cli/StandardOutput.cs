using System.Runtime.InteropServices;
using System.Text;

namespace Hepatica.Cli;

/// <summary>
/// Standard output that reports a closed pipe (issue 10, item 13). .NET's console stream on Unix treats EPIPE as
/// success (it pretends the write went through), so <c>hepatica batch IN - | head -c 100</c> used to exit 0 and
/// claim every result went out. On Unix this writes to file descriptor 1 with <c>write(2)</c> and throws
/// <see cref="IOFailureException"/> on any failure; elsewhere it is the console's own stream.
/// </summary>
internal sealed partial class StandardOutput : Stream
{
    private const int Eintr = 4;
    private const int Eagain = 11;

    private StandardOutput()
    {
    }

    /// <summary>The name used in messages.</summary>
    public const string Name = "standard output";

    /// <summary>A stream on standard output (not to be disposed: standard output stays open).</summary>
    public static Stream Open() => OperatingSystem.IsWindows() ? Console.OpenStandardOutput() : new StandardOutput();

    /// <summary>Makes <see cref="Console.Out"/> write through <see cref="Open"/>, so text reports fail loudly on a closed pipe too.</summary>
    public static void InstallAsConsoleOut()
    {
        if (!OperatingSystem.IsWindows())
        {
            Console.SetOut(TextWriter.Synchronized(new StreamWriter(new StandardOutput(), new UTF8Encoding(false), 1 << 12) { AutoFlush = true }));
        }
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override unsafe void Write(ReadOnlySpan<byte> buffer)
    {
        fixed (byte* start = buffer)
        {
            var done = 0;
            while (done < buffer.Length)
            {
                var n = WriteNative(1, start + done, (nuint)(buffer.Length - done));
                if (n >= 0)
                {
                    done += (int)n;
                    continue;
                }

                var errno = Marshal.GetLastPInvokeError();
                if (errno == Eintr)
                {
                    continue;
                }

                if (errno == Eagain)
                {
                    Thread.Sleep(1); // a non-blocking standard output that is full: wait for the reader
                    continue;
                }

                throw new IOFailureException(
                    errno == IOFailureException.BrokenPipe
                        ? $"the output ({Name}) was closed by its reader (broken pipe); what it got is incomplete."
                        : $"writing to {Name} failed: {Marshal.GetPInvokeErrorMessage(errno)}.",
                    errno);
            }
        }
    }

    public override void WriteByte(byte value) => Write([value]);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static unsafe partial nint WriteNative(int fd, byte* buffer, nuint count);
}
