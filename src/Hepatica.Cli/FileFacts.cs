using System.Runtime.InteropServices;

namespace Hepatica.Cli;

/// <summary>What a file is once every link is resolved.</summary>
internal enum FileKind
{
    /// <summary>Nothing there yet.</summary>
    Missing,

    /// <summary>A regular file.</summary>
    Regular,

    /// <summary>A folder.</summary>
    Directory,

    /// <summary>A FIFO, a device (<c>/dev/null</c>, <c>/dev/full</c>), a socket: written directly, never renamed over.</summary>
    Other,
}

/// <summary>
/// A file as the operating system sees it, so that two names for one file are recognised before anything is written
/// (issue 10, item 12): the path with every symbolic link resolved, its kind, and on Linux its identity, the device
/// and inode from <c>statx(2)</c>, which also catches hard links and redirected standard streams. Elsewhere the
/// identity is the resolved path.
/// </summary>
/// <param name="Name">The name as the user gave it (for messages).</param>
/// <param name="Resolved">The full path with every link resolved (for a missing file: its resolved folder and its name).</param>
/// <param name="Kind">What is there.</param>
/// <param name="Identity">Device and inode (Linux, an existing file), else null.</param>
internal sealed partial record FileFacts(string Name, string Resolved, FileKind Kind, (ulong Device, ulong Inode)? Identity)
{
    private const int AtFdCwd = -100;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxType = 0x1;
    private const uint StatxIno = 0x100;
    private const int Enoent = 2;
    private const int Enotdir = 20;

    /// <summary>Whether both name one file: same device and inode where known, else the same resolved path.</summary>
    public bool IsSameFile(FileFacts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Kind == FileKind.Missing || other.Kind == FileKind.Missing)
        {
            return Kind == other.Kind && string.Equals(Resolved, other.Resolved, PathComparison);
        }

        return Identity is { } a && other.Identity is { } b ? a == b : string.Equals(Resolved, other.Resolved, PathComparison);
    }

    /// <summary>The facts of a path; a missing folder on the way throws <see cref="DirectoryNotFoundException"/> naming it.</summary>
    public static FileFacts Of(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (OperatingSystem.IsLinux())
        {
            // A FIFO, a device or /dev/stdout is opened by the name given (/dev/stdout on a pipe resolves to no path at all).
            var full = Path.GetFullPath(name);
            var (kind, identity) = Statx(AtFdCwd, full, 0);
            return new FileFacts(name, kind == FileKind.Other ? full : Resolve(name), kind, identity);
        }

        var resolved = Resolve(name);

        var kindElsewhere = Directory.Exists(resolved) ? FileKind.Directory : File.Exists(resolved) ? FileKind.Regular : FileKind.Missing;
        return new FileFacts(name, resolved, kindElsewhere, null);
    }

    /// <summary>The facts of an open standard stream (0 input, 1 output) on Linux; null elsewhere, where it cannot be known.</summary>
    public static FileFacts? OfDescriptor(int fd, string name)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var (kind, identity) = Statx(fd, "", AtEmptyPath);
        var path = kind == FileKind.Regular && RealPath($"/proc/self/fd/{fd}") is { } real ? real : name;
        return new FileFacts(name, path, kind, identity);
    }

    /// <summary>
    /// The full path with every link resolved: <c>realpath(3)</c> for an existing file; for a missing one (or a link to
    /// a missing one) the final link target's name in its resolved folder, which is where the file will be created.
    /// </summary>
    public static string Resolve(string name)
    {
        var full = Path.GetFullPath(name);
        if (OperatingSystem.IsWindows())
        {
            return FinalTarget(full);
        }

        if (RealPath(full) is { } real)
        {
            return real;
        }

        var target = FinalTarget(full);
        var folder = Path.GetDirectoryName(target) ?? target;
        var realFolder = RealPath(folder) ?? throw new DirectoryNotFoundException($"the folder {folder} does not exist (for {name}).");
        return Path.Join(realFolder, Path.GetFileName(target));
    }

    private static StringComparison PathComparison => OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;

    private static string FinalTarget(string full)
    {
        try
        {
            return File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full;
        }
        catch (IOException)
        {
            return full; // a link loop: opening it fails later with the system's own message
        }
    }

    private static (FileKind Kind, (ulong, ulong)? Identity) Statx(int dirFd, string path, int flags)
    {
        if (StatxNative(dirFd, path, flags, StatxType | StatxIno, out var buffer) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            return errno is Enoent or Enotdir
                ? (FileKind.Missing, null)
                : throw new IOException($"cannot inspect {(path.Length == 0 ? "a standard stream" : path)}: {Marshal.GetPInvokeErrorMessage(errno)}", errno);
        }

        var kind = (buffer.Mode & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            _ => FileKind.Other,
        };
        return (kind, (((ulong)buffer.DevMajor << 32) | buffer.DevMinor, buffer.Inode));
    }

    private static string? RealPath(string path)
    {
        var resolved = RealPathNative(path, IntPtr.Zero);
        if (resolved == IntPtr.Zero)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8(resolved);
        }
        finally
        {
            Free(resolved);
        }
    }

    /// <summary>The part of Linux's <c>struct statx</c> read here (the layout is the same on every architecture; 256 bytes).</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatxBuffer
    {
        [FieldOffset(28)]
        public ushort Mode;

        [FieldOffset(32)]
        public ulong Inode;

        [FieldOffset(136)]
        public uint DevMajor;

        [FieldOffset(140)]
        public uint DevMinor;
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int StatxNative(int dirFd, string path, int flags, uint mask, out StatxBuffer buffer);

    [LibraryImport("libc", EntryPoint = "realpath", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr RealPathNative(string path, IntPtr resolved);

    [LibraryImport("libc", EntryPoint = "free")]
    private static partial void Free(IntPtr pointer);
}
