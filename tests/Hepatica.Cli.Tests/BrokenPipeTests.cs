using System.Diagnostics;

namespace Hepatica.Cli.Tests;

/// <summary>
/// Issue 10, item 13: a reader that closes the output early (<c>hepatica batch IN - | head -c 100</c>) is a failure
/// the user must hear about: exit 4 and "the output was closed after N records", never exit 0 with a summary
/// claiming every result went out. The test is the reader: it reads a little of the real process's output and closes it.
/// </summary>
public sealed class BrokenPipeTests : IDisposable
{
    private readonly string work = Directory.CreateTempSubdirectory("hepatica-pipe-test-").FullName;

    public void Dispose() => Directory.Delete(work, recursive: true);

    [Fact]
    public async Task Batch_StandardOutputClosedAfter100Bytes_Exits4_SaysHowManyRecordsWentOut()
    {
        var input = Generated.JsonLines(Path.Combine(work, "in.jsonl"), 3_000);
        using var process = Process.Start(Hepatica.StartInfo(["batch", input, "-", "--no-progress"]))!;
        process.StandardInput.Close();
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);

        await ReadThenClose(process.StandardOutput.BaseStream, 100);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        var message = await stderr;
        Assert.True(process.ExitCode == 4, $"exit {process.ExitCode}: {message}");
        Assert.Matches(@"the output \(standard output\) was closed after [0-9,]+ records", message);
        Assert.DoesNotContain("3,000 results out", message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    [InlineData("fhir")]
    public async Task Assess_StandardOutputClosedBeforeTheReport_Exits4(string format)
    {
        // Standard output is closed before the report is written: assess reads standard input, which the test sends only afterwards.
        using var process = Process.Start(Hepatica.StartInfo(["assess", "-", "--format", format]))!;
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        process.StandardOutput.Close();
        await process.StandardInput.WriteAsync(await File.ReadAllTextAsync(Path.Combine(RepoRoot.Path, "samples", "demo-001.json"), TestContext.Current.CancellationToken));
        process.StandardInput.Close();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        var message = await stderr;
        Assert.True(process.ExitCode == 4, $"exit {process.ExitCode}: {message}");
        Assert.Contains("the output (standard output) was closed", message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bulk_OutIsAFifoClosedAfter100Bytes_Exits4_ErrorsFileNotCommitted()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "FIFOs");
        var export = Generated.BulkExport(Path.Combine(work, "export"), patients: 300);
        var fifo = Path.Combine(work, "out.fifo");
        using (var mk = Process.Start("mkfifo", fifo))
        {
            await mk.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        using var process = Process.Start(Hepatica.StartInfo(["bulk", export, fifo, "--as-of", "2026-11-20", "--output", "fhir", "--no-progress"]))!;
        process.StandardInput.Close();
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await using (var reader = new FileStream(fifo, FileMode.Open, FileAccess.Read))
        {
            await ReadThenClose(reader, 100);
        }

        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        var message = await stderr;
        Assert.True(process.ExitCode == 4, $"exit {process.ExitCode}: {message}");
        Assert.Contains($"the output ({fifo}) was closed after", message, StringComparison.Ordinal);
        Assert.False(File.Exists(fifo + ".errors.ndjson"));
        Assert.Equal(["export", "out.fifo"], Generated.Entries(work));
    }

    private static async Task ReadThenClose(Stream output, int bytes)
    {
        var buffer = new byte[bytes];
        var read = 0;
        while (read < bytes)
        {
            var n = await output.ReadAsync(buffer.AsMemory(read), TestContext.Current.CancellationToken);
            Assert.True(n > 0, "the output ended before the test closed it");
            read += n;
        }

        output.Close();
    }
}
