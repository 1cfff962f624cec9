using System.Runtime.InteropServices;

namespace Hepatica.Cli;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM (issue 10, item 11). A run that writes files (<c>batch</c>, Bulk) has its token
/// cancelled: it removes its temporaries (the output temps, Bulk's temp folder), says what it did, and returns
/// <see cref="ExitCodes.Interrupted"/>, which <c>Program</c> turns into 130 or 143 by the signal. Any other command
/// (<c>assess</c>, <c>scores</c>: nothing on disk to clean up) stops at once with the signal's code. A second signal
/// stops the process at once, by the signal's default action. Signals are process-wide, so this is static.
/// System.CommandLine's own handling is turned off (<c>ProcessTerminationTimeout = null</c>): after its timeout (2 s
/// by default) it ends the invocation while the run is still cleaning up, and its exit code does not say whether
/// anything was written.
/// </summary>
internal static class Interrupts
{
    private static readonly CancellationTokenSource Cancel = new();
    private static int received;
    private static bool graceful;

    /// <summary>Cancelled at the first signal when the run stops gracefully.</summary>
    public static CancellationToken Token => Cancel.Token;

    /// <summary>The signal received ("SIGINT", "SIGTERM"), or null.</summary>
    public static string? Signal => Volatile.Read(ref received) switch
    {
        ExitCodes.Interrupted => "SIGINT",
        ExitCodes.Terminated => "SIGTERM",
        _ => null,
    };

    /// <summary>The exit code for the signal received: 130 (SIGINT, also when none was) or 143 (SIGTERM).</summary>
    public static int ExitCode => Volatile.Read(ref received) == ExitCodes.Terminated ? ExitCodes.Terminated : ExitCodes.Interrupted;

    /// <summary>Starts handling SIGINT and SIGTERM; <paramref name="stopsGracefully"/>: the run observes <see cref="Token"/> and cleans up.</summary>
    public static IDisposable Register(bool stopsGracefully)
    {
        graceful = stopsGracefully;
        if (OperatingSystem.IsBrowser() || OperatingSystem.IsIOS() || OperatingSystem.IsTvOS() || OperatingSystem.IsAndroid())
        {
            return new Registrations([]);
        }

        return new Registrations([PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal), PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal)]);
    }

    private static void OnSignal(PosixSignalContext context)
    {
        var code = context.Signal == PosixSignal.SIGTERM ? ExitCodes.Terminated : ExitCodes.Interrupted;
        if (Interlocked.CompareExchange(ref received, code, 0) != 0)
        {
            return; // the second signal: its default action stops the process now
        }

        context.Cancel = true;
        if (!graceful)
        {
            Console.Error.WriteLine($"hepatica: interrupted by {Signal}; no file was written.");
            Environment.Exit(code);
        }

        Cancel.Cancel();
    }

    private sealed class Registrations(IReadOnlyList<PosixSignalRegistration> registrations) : IDisposable
    {
        public void Dispose()
        {
            foreach (var r in registrations)
            {
                r.Dispose();
            }
        }
    }
}
