using System.Diagnostics;

namespace Hepatica.Cli.Tests;

/// <summary>
/// Issue 10, item 12: the output is never one of the inputs, however it is named: through a symlink, a hard link,
/// <c>./F</c>, standard input or output redirected to the file, or an export folder named through a link. Each is
/// refused with exit 2 and a message naming both paths, before anything is written or truncated.
/// </summary>
public sealed class SameFileTests : IDisposable
{
    private static readonly string Sample = Path.GetFullPath(Path.Combine(RepoRoot.Path, "..", "shared", "data", "fhir-samples", "bulk-ndjson-10-patients"));
    private readonly string work = Directory.CreateTempSubdirectory("hepatica-same-test-").FullName;

    public void Dispose() => Directory.Delete(work, recursive: true);

    [Fact]
    public async Task Batch_OutIsASymlinkToTheInput_Exits2_InputUntouched()
    {
        var input = Input("in.jsonl");
        var link = Path.Combine(work, "out.jsonl");
        File.CreateSymbolicLink(link, input);

        var r = await Hepatica.Run("batch", input, link, "--no-progress");

        Refused(r, input, link);
        AssertUntouched(input);
        Assert.NotNull(new FileInfo(link).LinkTarget);
    }

    [Fact]
    public async Task Batch_OutIsAHardLinkToTheInput_Exits2_InputUntouched()
    {
        var input = Input("in.jsonl");
        var link = Path.Combine(work, "out.jsonl");
        HardLink(input, link);

        var r = await Hepatica.Run("batch", input, link, "--no-progress");

        Refused(r, input, link);
        AssertUntouched(input);
        AssertUntouched(link);
    }

    [Fact]
    public async Task Batch_OutIsTheInputSpelledDotSlash_Exits2()
    {
        Input("in.jsonl");
        using var process = Process.Start(Hepatica.StartInfo(["batch", "in.jsonl", "./in.jsonl", "--no-progress"], workingDirectory: work))!;
        process.StandardInput.Close();
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Refused(new Hepatica.Result(process.ExitCode, "", await stderr), "in.jsonl", "./in.jsonl");
        AssertUntouched(Path.Combine(work, "in.jsonl"));
    }

    [Fact]
    public async Task Batch_StandardInputIsTheOutputFile_Exits2_FileNotEmptied()
    {
        var file = Input("f.jsonl");

        var r = await Hepatica.RunInShell("< \"$F\"", new Dictionary<string, string> { ["F"] = file }, "batch", "-", file, "--no-progress");

        Refused(r, "standard input", file);
        AssertUntouched(file);
    }

    [Fact]
    public async Task Batch_StandardOutputAppendsToTheInput_Exits2_InsteadOfReadingItsOwnOutput()
    {
        var file = Input("f.jsonl");

        var r = await Hepatica.RunInShell(">> \"$F\"", new Dictionary<string, string> { ["F"] = file }, "batch", file, "-", "--no-progress");

        Refused(r, file, "standard output");
        AssertUntouched(file);
    }

    [Fact]
    public async Task Bulk_OutIsASymlinkToAnExportFile_Exits2_ExportUntouched()
    {
        var export = Export();
        var link = Path.Combine(work, "out.ndjson");
        File.CreateSymbolicLink(link, Path.Combine(export, "Patient.000.ndjson"));

        var r = await Hepatica.Run("bulk", export, link, "--as-of", "2026-11-20", "--no-progress");

        Refused(r, "Patient.000.ndjson", link);
        AssertExportUntouched(export);
    }

    [Fact]
    public async Task Bulk_OutIsAHardLinkToAnExportFile_Exits2_ExportUntouched()
    {
        var export = Export();
        var link = Path.Combine(work, "out.ndjson");
        HardLink(Path.Combine(export, "Condition.000.ndjson"), link);

        var r = await Hepatica.Run("bulk", export, link, "--as-of", "2026-11-20", "--no-progress");

        Refused(r, "Condition.000.ndjson", link);
        AssertExportUntouched(export);
    }

    [Fact]
    public async Task Bulk_ExportNamedThroughASymlink_OutInsideTheRealFolder_Exits2()
    {
        var export = Export();
        var link = Path.Combine(work, "export-link");
        Directory.CreateSymbolicLink(link, export);
        var output = Path.Combine(export, "Observation.000.ndjson");
        await File.WriteAllTextAsync(output, "{\"resourceType\":\"Observation\"}\n", TestContext.Current.CancellationToken);
        var before = await File.ReadAllBytesAsync(output, TestContext.Current.CancellationToken);

        var r = await Hepatica.Run("bulk", link, output, "--as-of", "2026-11-20", "--no-progress");

        Refused(r, link, output);
        Assert.Equal(before, await File.ReadAllBytesAsync(output, TestContext.Current.CancellationToken));
        AssertExportUntouched(export, except: "Observation.000.ndjson");
    }

    [Fact]
    public async Task Bulk_NewOutInsideTheExportThroughASymlinkedFolder_Exits2_NothingCreated()
    {
        var export = Export();
        var link = Path.Combine(work, "results");
        Directory.CreateSymbolicLink(link, export);
        var output = Path.Combine(link, "Results.000.ndjson");

        var r = await Hepatica.Run("bulk", export, output, "--as-of", "2026-11-20", "--no-progress");

        Refused(r, export, output);
        AssertExportUntouched(export);
    }

    [Fact]
    public async Task Bulk_ErrorsFileIsASymlinkToAnExportFile_Exits2_ExportUntouched()
    {
        var export = Export();
        var output = Path.Combine(work, "out.ndjson");
        File.CreateSymbolicLink(output + ".errors.ndjson", Path.Combine(export, "Immunization.000.ndjson"));

        var r = await Hepatica.Run("bulk", export, output, "--as-of", "2026-11-20", "--no-progress");

        Refused(r, "Immunization.000.ndjson", output + ".errors.ndjson");
        Assert.False(File.Exists(output));
        AssertExportUntouched(export);
    }

    [Fact]
    public async Task Bulk_ErrorsFileIsTheOutFile_Exits2()
    {
        var export = Export();
        var output = Path.Combine(work, "out.ndjson");
        await File.WriteAllTextAsync(output, "previous\n", TestContext.Current.CancellationToken);
        File.CreateSymbolicLink(output + ".errors.ndjson", output);

        var r = await Hepatica.Run("bulk", export, output, "--as-of", "2026-11-20", "--no-progress");

        Refused(r, output, output + ".errors.ndjson");
        Assert.Equal("previous\n", await File.ReadAllTextAsync(output, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Batch_OutThroughASymlinkToAnotherFile_WritesTheTargetAndKeepsTheLink()
    {
        var target = Path.Combine(work, "real-results.jsonl");
        await File.WriteAllTextAsync(target, "previous\n", TestContext.Current.CancellationToken);
        var link = Path.Combine(work, "out.jsonl");
        File.CreateSymbolicLink(link, target);

        var r = await Hepatica.Run("batch", "samples/batch-sample.jsonl", link, "--no-progress");

        Assert.Equal(1, r.ExitCode);
        Assert.Equal(target, new FileInfo(link).ResolveLinkTarget(returnFinalTarget: true)?.FullName);
        Assert.Equal(8, (await File.ReadAllLinesAsync(target, TestContext.Current.CancellationToken)).Length);
    }

    private static void Refused(Hepatica.Result r, string first, string second)
    {
        Assert.True(r.ExitCode == 2, $"exit {r.ExitCode}: {r.Stderr}");
        Assert.StartsWith("hepatica: ", r.Stderr, StringComparison.Ordinal);
        Assert.Contains(first, r.Stderr, StringComparison.Ordinal);
        Assert.Contains(second, r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Stderr, StringComparison.Ordinal);
    }

    private static void HardLink(string existing, string link)
    {
        using var ln = Process.Start("ln", [existing, link]);
        ln.WaitForExit();
        Assert.Equal(0, ln.ExitCode);
    }

    private static void AssertUntouched(string path) =>
        Assert.Equal(File.ReadAllBytes(Path.Combine(RepoRoot.Path, "samples", "batch-sample.jsonl")), File.ReadAllBytes(path));

    private static void AssertExportUntouched(string export, string? except = null)
    {
        Assert.Equal(
            Directory.EnumerateFiles(Sample).Select(Path.GetFileName).Order(StringComparer.Ordinal),
            Generated.Entries(export).Where(f => f != except || File.Exists(Path.Combine(Sample, f))));
        foreach (var f in Directory.EnumerateFiles(Sample).Where(f => Path.GetFileName(f) != except))
        {
            Assert.Equal(File.ReadAllBytes(f), File.ReadAllBytes(Path.Combine(export, Path.GetFileName(f)!)));
        }
    }

    private string Input(string name)
    {
        var path = Path.Combine(work, name);
        File.Copy(Path.Combine(RepoRoot.Path, "samples", "batch-sample.jsonl"), path);
        return path;
    }

    private string Export()
    {
        var copy = Directory.CreateDirectory(Path.Combine(work, "export")).FullName;
        foreach (var f in Directory.EnumerateFiles(Sample))
        {
            File.Copy(f, Path.Combine(copy, Path.GetFileName(f)));
        }

        return copy;
    }
}
