using System.Diagnostics;

namespace Hepatica.Cli.Tests;

/// <summary>
/// Issue 10, item 11: Ctrl+C (SIGINT) and SIGTERM sent to the real process mid-run stop it cleanly: exit 130 or
/// 143, a message saying what was done, OUT untouched, and no temporary file or folder left (the temp root is a
/// folder the test owns, through TMPDIR, so "nothing left" is exact).
/// </summary>
public sealed class SignalTests : IDisposable
{
    private const string Previous = "the previous run's results\n";
    private readonly string work = Directory.CreateTempSubdirectory("hepatica-signal-test-").FullName;

    public void Dispose() => Directory.Delete(work, recursive: true);

    [Theory]
    [InlineData("INT", 130)]
    [InlineData("TERM", 143)]
    public async Task Batch_SignalMidRun_ExitsWithItsCode_OutUntouched_NoTempLeft(string signal, int exitCode)
    {
        var input = Generated.JsonLines(Path.Combine(work, "in.jsonl"), 20_000);
        var output = Path.Combine(work, "out.jsonl");
        var temp = Directory.CreateDirectory(Path.Combine(work, "tmp")).FullName;
        await File.WriteAllTextAsync(output, Previous, TestContext.Current.CancellationToken);

        // Mid-run: a temp file beside OUT has grown (the fixed code), or OUT itself has changed (the code before the fix).
        var r = await SignalWhen(["batch", input, output, "--no-progress"], temp, signal, () =>
            new DirectoryInfo(work).EnumerateFiles("*", new EnumerationOptions { AttributesToSkip = 0 }).Any(f => f.Name.StartsWith(".out.jsonl.", StringComparison.Ordinal) && f.Length > 0)
            || new FileInfo(output).Length != Previous.Length);

        Assert.Equal(exitCode, r.ExitCode);
        Assert.Contains("interrupted", r.Stderr, StringComparison.Ordinal);
        Assert.Contains($"SIG{signal}", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("not written", r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Stderr, StringComparison.Ordinal);
        Assert.Equal(Previous, await File.ReadAllTextAsync(output, TestContext.Current.CancellationToken));
        Assert.Equal(["in.jsonl", "out.jsonl", "tmp"], Generated.Entries(work));
        Assert.Empty(Generated.Entries(temp));
    }

    [Theory]
    [InlineData("INT", 130)]
    [InlineData("TERM", 143)]
    public async Task Bulk_SignalMidRun_ExitsWithItsCode_TempFolderRemoved_OutUntouched(string signal, int exitCode)
    {
        var export = Generated.BulkExport(Path.Combine(work, "export"), patients: 3_000);
        var output = Path.Combine(work, "out.ndjson");
        var temp = Directory.CreateDirectory(Path.Combine(work, "tmp")).FullName;
        await File.WriteAllTextAsync(output, Previous, TestContext.Current.CancellationToken);

        // Mid-run: Bulk's temp folder holds partition files.
        var r = await SignalWhen(["bulk", export, output, "--as-of", "2026-11-20", "--no-progress"], temp, signal, () =>
            Directory.EnumerateFiles(temp, "*", SearchOption.AllDirectories).Any(f => new FileInfo(f).Length > 0));

        Assert.Equal(exitCode, r.ExitCode);
        Assert.Contains("interrupted", r.Stderr, StringComparison.Ordinal);
        Assert.Contains($"SIG{signal}", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("temporary folder", r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Stderr, StringComparison.Ordinal);
        Assert.Empty(Generated.Entries(temp));
        Assert.Equal(Previous, await File.ReadAllTextAsync(output, TestContext.Current.CancellationToken));
        Assert.False(File.Exists(output + ".errors.ndjson"));
        Assert.Equal(["export", "out.ndjson", "tmp"], Generated.Entries(work));
    }

    /// <summary>Starts the command, waits (bounded by count, not by time) until <paramref name="midRun"/> holds, sends the signal and waits for the exit.</summary>
    private static async Task<Hepatica.Result> SignalWhen(string[] args, string tempRoot, string signal, Func<bool> midRun)
    {
        // Through env --default-signal: a test host started in the background has SIGINT ignored, and children inherit that.
        var start = Hepatica.StartInfo(args, environment: new Dictionary<string, string> { ["TMPDIR"] = tempRoot });
        start.ArgumentList.Insert(0, start.FileName);
        start.ArgumentList.Insert(0, "--default-signal=INT,TERM");
        start.FileName = "env";
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        for (var i = 0; i < 3_000 && !midRun(); i++)
        {
            if (process.HasExited)
            {
                Assert.Fail("the run ended before it could be interrupted: " + await stderr);
            }

            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        Assert.True(midRun(), "the run never got under way");
        TestContext.Current.TestOutputHelper?.WriteLine($"SIG{signal} sent mid-run to {process.Id}");
        Hepatica.Signal(process, signal);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Hepatica.Result(process.ExitCode, await stdout, await stderr);
    }
}
