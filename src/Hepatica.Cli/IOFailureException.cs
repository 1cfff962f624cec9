namespace Hepatica.Cli;

/// <summary>
/// Reading or writing failed on the machine's side after the files were opened (disk full, a closed output pipe,
/// a device error, permission denied while writing): exit code 4 (<see cref="ExitCodes.IoError"/>), never 2. The
/// message says what failed and what was left on disk; it is shown to the user as it is.
/// </summary>
internal sealed class IOFailureException : IOException
{
    /// <summary>The errno value on Linux (28 disk full, 32 broken pipe), else 0.</summary>
    public int Errno { get; }

    /// <summary>The failure's description: what failed, why, and what is on disk now.</summary>
    public IOFailureException(string message, int errno, Exception? inner = null)
        : base(message, inner) => Errno = errno;

    /// <summary>Not used: the message and errno are always known.</summary>
    public IOFailureException()
    {
    }

    /// <summary>Not used: the errno is always known.</summary>
    public IOFailureException(string message)
        : base(message)
    {
    }

    /// <summary>Not used: the errno is always known.</summary>
    public IOFailureException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>errno for a broken pipe (the reader of the output went away), the same on every Linux architecture and macOS.</summary>
    public const int BrokenPipe = 32;

    /// <summary>The reason of an I/O failure in a few words ("No space left on device", "Broken pipe"), without the path .NET appends.</summary>
    public static string Reason(IOException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var errno = ErrnoOf(e);
        return errno > 0 ? System.Runtime.InteropServices.Marshal.GetPInvokeErrorMessage(errno) : e.Message;
    }

    /// <summary>The errno behind an <see cref="IOException"/> on Unix (.NET puts it in HResult), or 0.</summary>
    public static int ErrnoOf(IOException e) => e switch
    {
        IOFailureException f => f.Errno,
        _ when !OperatingSystem.IsWindows() && e.HResult is > 0 and < 4096 => e.HResult,
        _ => 0,
    };
}
