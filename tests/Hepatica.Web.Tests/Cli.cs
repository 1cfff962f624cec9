using System.Diagnostics;

namespace Hepatica.Web.Tests;

/// <summary>
/// Runs the built <c>hepatica</c> command as a child process, as a user would. Its standard output for a file is the
/// expected body of the API for the same file: derived by another program, not by the code under test.
/// </summary>
internal static class Cli
{
    // The CLI runs from its own output folder (same configuration as this test): this folder is an ASP.NET Core app's,
    // where packages the shared framework also holds (Microsoft.Extensions.Caching.Memory) are not copied.
    private static readonly string Dll = RepoRoot.File("src", "Hepatica.Cli", "bin",
        new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name, "net10.0", "hepatica.dll");

    public static async Task<(int ExitCode, byte[] Stdout)> Run(params string[] args)
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } h && File.Exists(h) ? h : "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoRoot.Path,
        };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        using var stdout = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        await copy;
        await stderr;
        return (process.ExitCode, stdout.ToArray());
    }
}
