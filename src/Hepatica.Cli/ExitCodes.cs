namespace Hepatica.Cli;

/// <summary>The process exit codes of <c>hepatica</c> (documented in README.md).</summary>
internal static class ExitCodes
{
    /// <summary>Success: everything read and computed, warnings at most.</summary>
    public const int Ok = 0;

    /// <summary>batch: the run completed, but at least one line had errors (its record says which).</summary>
    public const int SomeLinesFailed = 1;

    /// <summary>Bad input or usage: unreadable file, malformed snapshot, unusable values, unknown score id or option.</summary>
    public const int BadInput = 2;

    /// <summary>An internal error (a bug) or cancellation; the message says which. Never a stack trace.</summary>
    public const int InternalError = 3;
}
