using System.Diagnostics;

namespace Hepatica.Cli.Tests;

/// <summary>Runs the built <c>hepatica</c> command as a child process, as a user would: arguments in, exit code and both streams out.</summary>
internal static class Hepatica
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static async Task<Result> Run(params string[] args) => await RunWithInput(null, args);

    /// <summary>The dotnet host that runs the built command.</summary>
    public static string Host => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } h && File.Exists(h) ? h : "dotnet";

    /// <summary>The built command's assembly.</summary>
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "hepatica.dll");

    public static async Task<Result> RunWithInput(string? stdin, params string[] args)
    {
        using var process = Process.Start(StartInfo(args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>How the command is started: every stream redirected, in the repository root unless told otherwise, with extra environment variables.</summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> args, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(Host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? RepoRoot.Path,
        };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_EnableDiagnostics"] = "0"; // no diagnostic socket in TMPDIR: tests that own TMPDIR check it is left empty
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return start;
    }

    /// <summary>Runs the command through <c>/bin/sh -c</c> so a test can redirect its standard streams to files (<c>&lt; F</c>, <c>&gt;&gt; F</c>): <paramref name="redirect"/> is appended to <c>exec hepatica ARGS</c>.</summary>
    public static async Task<Result> RunInShell(string redirect, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = RepoRoot.Path,
        };
        foreach (var arg in (string[])["-c", "exec \"$@\" " + redirect, "sh", Host, Dll, .. args])
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Sends a POSIX signal (INT, TERM) to a process with <c>/bin/kill</c>; <see cref="Process.Kill()"/> only sends SIGKILL.</summary>
    public static void Signal(Process process, string signal)
    {
        var kill = new ProcessStartInfo("kill") { UseShellExecute = false };
        kill.ArgumentList.Add("-" + signal);
        kill.ArgumentList.Add(process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var k = Process.Start(kill)!;
        k.WaitForExit();
    }
}
