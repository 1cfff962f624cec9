namespace Hepatica.Cli;

/// <summary>The process exit codes of <c>hepatica</c> (documented in README.md, "Exit codes").</summary>
internal static class ExitCodes
{
    /// <summary>Success: everything read and computed, warnings at most.</summary>
    public const int Ok = 0;

    /// <summary>batch: the run completed, but at least one line had errors (its record says which).</summary>
    public const int SomeLinesFailed = 1;

    /// <summary>Bad input or usage: unreadable file, malformed snapshot, unusable values, unknown score id or option.</summary>
    public const int BadInput = 2;

    /// <summary>An internal error (a bug); the message says which. Never a stack trace.</summary>
    public const int InternalError = 3;

    /// <summary>
    /// The input was fine but reading or writing a file failed on the machine's side: disk full, a closed output
    /// pipe, permission denied while writing, a device error. No output file was left half-written.
    /// </summary>
    public const int IoError = 4;

    /// <summary>Stopped by Ctrl+C (SIGINT): 128 + 2, as shells report it. Temporary files removed, no output file replaced.</summary>
    public const int Interrupted = 130;

    /// <summary>Stopped by SIGTERM: 128 + 15, as shells report it. Temporary files removed, no output file replaced.</summary>
    public const int Terminated = 143;
}
