using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Hepatica.Cli;

/// <summary>
/// One output file that a run either replaces whole or leaves untouched (issue 10, item 10; decision 0006). A regular
/// file (or a name not yet taken) is written to a temp file beside it, <c>.NAME.hepatica-XXXXXXXX.tmp</c>, created
/// exclusively and readable by the owner only; <see cref="Commit"/> flushes it to disk (fsync), gives it the replaced
/// file's permissions, renames it over the file (atomic, <c>rename(2)</c>) and syncs the folder. Until then the old
/// file is untouched, and <see cref="Dispose"/> removes the temp: a failure, a cancelled run or a signal leaves no
/// trace. Only SIGKILL or a power cut can leave the temp behind; it is recognisable by its name and never read.
/// Standard output and files that cannot be renamed over (a FIFO, <c>/dev/null</c>, a device) are written directly.
/// Every failure while writing is an <see cref="IOFailureException"/> that says what failed and what is on disk.
/// </summary>
internal sealed partial class SafeOutput : IDisposable
{
    private readonly Stream inner;
    private readonly FileStream? file;
    private readonly string? temp;
    private readonly Counting counting;
    private bool committed;

    private SafeOutput(FileFacts target, Stream inner, FileStream? file, string? temp)
    {
        Target = target;
        this.inner = inner;
        this.file = file;
        this.temp = temp;
        counting = new Counting(this);
    }

    /// <summary>The file this output ends up in.</summary>
    public FileFacts Target { get; }

    /// <summary>Where to write: counts the records (lines) written and turns every I/O failure into an <see cref="IOFailureException"/>.</summary>
    public Stream Stream => counting;

    /// <summary>Whether the target is replaced by a rename at <see cref="Commit"/> (false: written directly).</summary>
    public bool Replaces => temp is not null;

    /// <summary>Standard output (written directly; a closed pipe is reported, not ignored).</summary>
    public static SafeOutput OpenStandardOutput(FileFacts? facts) =>
        new(facts ?? new FileFacts(StandardOutput.Name, StandardOutput.Name, FileKind.Other, null), StandardOutput.Open(), null, null);

    /// <summary>
    /// Opens the output for <paramref name="target"/> (from <see cref="FileFacts.Of"/>, already checked against the
    /// inputs): a temp file beside a regular or missing file, the file itself otherwise. Nothing of the target is touched.
    /// </summary>
    public static SafeOutput Open(FileFacts target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.Kind == FileKind.Directory)
        {
            throw new ArgumentException($"{target.Name} is a folder; refuse it before opening.", nameof(target));
        }

        try
        {
            if (target.Kind == FileKind.Other)
            {
                // bufferSize 0: every record goes out when written, so a closed reader is seen at once and the count is exact.
                var direct = new FileStream(target.Resolved, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
                return new SafeOutput(target, direct, direct, null);
            }

            var folder = Path.GetDirectoryName(target.Resolved)!;
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 1 << 16 };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite; // it holds health data
            }

            for (var attempt = 0; ; attempt++)
            {
                var name = Path.Join(folder, TempName(Path.GetFileName(target.Resolved)));
                try
                {
                    var stream = new FileStream(name, options);
                    return new SafeOutput(target, stream, stream, name);
                }
                catch (IOException) when (attempt < 16 && File.Exists(name))
                {
                    // Taken (by another run, or by chance): draw another name. An existing file is never opened.
                }
            }
        }
        catch (UnauthorizedAccessException e)
        {
            throw new IOFailureException($"cannot write {target.Name}: permission denied ({e.Message}). Nothing was written.", 13, e);
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new IOFailureException($"cannot write {target.Name}: {IOFailureException.Reason(e)}. Nothing was written.", IOFailureException.ErrnoOf(e), e);
        }
    }

    /// <summary>The temp file name for a target named <paramref name="fileName"/>: hidden, recognisable, unguessable.</summary>
    public static string TempName(string fileName)
    {
        Span<byte> random = stackalloc byte[5];
        RandomNumberGenerator.Fill(random);
        return $".{fileName}.hepatica-{Convert.ToHexStringLower(random)}.tmp";
    }

    /// <summary>
    /// Why writing <paramref name="output"/> would destroy one of <paramref name="inputs"/> (the same file by another
    /// name: a link, a hard link, <c>./F</c>, a redirected standard stream), or null when it would not.
    /// </summary>
    public static string? Collision(FileFacts output, IEnumerable<FileFacts?> inputs, string role = "input")
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(inputs);
        foreach (var input in inputs)
        {
            if (input is not null && output.IsSameFile(input))
            {
                var how = string.Equals(output.Resolved, input.Resolved, StringComparison.Ordinal)
                    ? $"both are {output.Resolved}"
                    : $"hard links to one file: {input.Resolved} and {output.Resolved}";
                return $"the output {Display(output)} is the same file as the {role} {Display(input)} ({how}); writing it would destroy the {role}. Nothing was written.";
            }
        }

        return null;
    }

    /// <summary>
    /// Flushes to disk and puts the result in place: for a temp, fsync, the replaced file's permissions, an atomic
    /// rename over the target and a sync of the folder; for a direct output, a flush. Throws <see cref="IOFailureException"/>.
    /// </summary>
    public void Commit()
    {
        if (committed)
        {
            throw new InvalidOperationException($"{Target.Name} is already committed.");
        }

        counting.Flush();
        if (temp is null)
        {
            committed = true;
            return;
        }

        try
        {
            file!.Flush(flushToDisk: true);
            if (!OperatingSystem.IsWindows() && Target.Kind == FileKind.Regular)
            {
                File.SetUnixFileMode(file.SafeFileHandle, File.GetUnixFileMode(Target.Resolved));
            }

            file.Dispose();
            File.Move(temp, Target.Resolved, overwrite: true);
            committed = true;
        }
        catch (IOException e)
        {
            throw counting.Failure(e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw counting.Failure(new IOException(e.Message, 13));
        }

        SyncFolder(Path.GetDirectoryName(Target.Resolved)!);
    }

    /// <summary>Closes the output; an output not committed has its temp removed (the target was never touched).</summary>
    public void Dispose()
    {
        if (file is not null)
        {
            try
            {
                file.Dispose();
            }
            catch (IOException)
            {
                // Closing flushes what is buffered: on a full disk that fails again. The temp goes anyway.
            }
        }

        if (!committed && temp is not null)
        {
            try
            {
                File.Delete(temp);
            }
            catch (IOException e)
            {
                Console.Error.WriteLine($"hepatica: could not remove the temp file {temp}: {e.Message}");
            }
        }
    }

    private static string Display(FileFacts f) => f.Name.StartsWith("standard ", StringComparison.Ordinal) ? $"({f.Name})" : $"'{f.Name}'";

    private static void SyncFolder(string folder)
    {
        // The rename is atomic either way; syncing the folder makes it durable across a power cut. Best effort.
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var fd = OpenNative(folder, 0);
        if (fd >= 0)
        {
            _ = FsyncNative(fd);
            _ = CloseNative(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int OpenNative(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync")]
    private static partial int FsyncNative(int fd);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int CloseNative(int fd);

    /// <summary>The stream handed out: counts the records written and explains every failure.</summary>
    private sealed class Counting(SafeOutput output) : Stream
    {
        public long Records { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            try
            {
                output.inner.Write(buffer);
            }
            catch (IOException e)
            {
                throw Failure(e);
            }

            Records += buffer.Count((byte)'\n');
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            try
            {
                await output.inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                throw Failure(e);
            }

            Records += buffer.Span.Count((byte)'\n');
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
            try
            {
                output.inner.Flush();
            }
            catch (IOException e)
            {
                throw Failure(e);
            }
        }

        public override Task FlushAsync(CancellationToken cancellationToken)
        {
            Flush();
            return Task.CompletedTask;
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public IOFailureException Failure(IOException e)
        {
            var name = output.Target.Name;
            var errno = IOFailureException.ErrnoOf(e);
            var inv = CultureInfo.InvariantCulture;
            var message = errno == IOFailureException.BrokenPipe
                ? string.Create(inv, $"the output ({name}) was closed after {Records:N0} records (broken pipe); the rest were not written.")
                : output.Replaces
                    ? $"writing {name} failed: {IOFailureException.Reason(e)}. {name} was not {(output.Target.Kind == FileKind.Missing ? "created" : "changed")}; the partial result was removed."
                    : string.Create(inv, $"writing {name} failed after {Records:N0} records: {IOFailureException.Reason(e)}.");
            return new IOFailureException(message, errno, e);
        }
    }
}
