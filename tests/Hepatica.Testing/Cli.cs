using System.Diagnostics;
using System.Text;

// The runner is named as the test projects have always called it: Hepatica.Run(...) in the CLI tests, Cli.Run(...) in
// the web tests. A type named Hepatica must live in the caller's namespace (a global using loses to the namespace
// Hepatica), so each name is declared in its project's namespace; both run the same process code.
namespace Hepatica.Cli.Tests
{
    /// <summary>Runs the built <c>hepatica</c> command as a child process, as a user would: arguments in, exit code and both streams out.</summary>
    public static class Hepatica
    {
        public sealed record Result(int ExitCode, string Stdout, string Stderr);

        public static async Task<Result> Run(params string[] args) => await RunWithInput(null, args);

        /// <summary>The dotnet host that runs the built command.</summary>
        public static string Host => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } h && File.Exists(h) ? h : "dotnet";

        /// <summary>
        /// The built command's assembly: beside the test binary when the test project references the CLI, else in the
        /// CLI's own output folder (same configuration as the test; an ASP.NET Core test folder lacks packages the shared
        /// framework also holds, such as Microsoft.Extensions.Caching.Memory).
        /// </summary>
        public static string Dll { get; } = File.Exists(Path.Combine(AppContext.BaseDirectory, "hepatica.dll"))
            ? Path.Combine(AppContext.BaseDirectory, "hepatica.dll")
            : RepoRoot.File("src", "Hepatica.Cli", "bin", new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name, "net10.0", "hepatica.dll");

        public static async Task<Result> RunWithInput(string? stdin, params string[] args)
        {
            var (exitCode, stdout, stderr) = await RunBytes(stdin, args);
            return new Result(exitCode, Encoding.UTF8.GetString(stdout), stderr);
        }

        /// <summary>Like <see cref="RunWithInput"/>, with standard output as the bytes written.</summary>
        public static async Task<(int ExitCode, byte[] Stdout, string Stderr)> RunBytes(string? stdin, params string[] args)
        {
            using var process = Process.Start(StartInfo(args))!;
            using var stdout = new MemoryStream();
            var copy = process.StandardOutput.BaseStream.CopyToAsync(stdout);
            var stderr = process.StandardError.ReadToEndAsync();
            if (stdin is not null)
            {
                await process.StandardInput.WriteAsync(stdin);
            }

            process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);
            await copy;
            return (process.ExitCode, stdout.ToArray(), await stderr);
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
}

namespace Hepatica.Web.Tests
{
    /// <summary>
    /// Runs the built <c>hepatica</c> command (<see cref="global::Hepatica.Cli.Tests.Hepatica"/>). Its standard output for a file is the
    /// expected body of the API for the same file: derived by another program, not by the code under test.
    /// </summary>
    public static class Cli
    {
        public static async Task<(int ExitCode, byte[] Stdout)> Run(params string[] args)
        {
            var (exitCode, stdout, _) = await global::Hepatica.Cli.Tests.Hepatica.RunBytes(null, args);
            return (exitCode, stdout);
        }
    }
}
