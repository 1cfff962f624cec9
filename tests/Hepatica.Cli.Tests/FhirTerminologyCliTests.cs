using Hepatica.Fhir.Terminology;

namespace Hepatica.Cli.Tests;

/// <summary>
/// <c>hepatica fhir-terminology --out DIR [--force]</c> (docs/fhir.md, "Codes written"): writes the committed files of
/// docs/fhir, never replaces a file that differs unless told to, and leaves no temp behind.
/// </summary>
public sealed class FhirTerminologyCliTests : IDisposable
{
    private readonly string work = Directory.CreateTempSubdirectory("hepatica-terminology-test-").FullName;

    public void Dispose() => Directory.Delete(work, recursive: true);

    [Fact]
    public async Task FhirTerminology_NewFolder_WritesTheCommittedFiles()
    {
        var folder = Path.Combine(work, "fhir");

        var r = await Hepatica.Run("fhir-terminology", "--out", folder);

        Assert.Equal(0, r.ExitCode);
        var names = ConformanceResources.All().Select(x => x.FileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(names, Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.All(names, n => Assert.Equal(File.ReadAllText(RepoRoot.File("docs", "fhir", n)).ReplaceLineEndings("\n"), File.ReadAllText(Path.Combine(folder, n))));
        Assert.Contains($"{names.Count} written, 0 unchanged", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FhirTerminology_SameContentAgain_UnchangedWithoutForce()
    {
        await Hepatica.Run("fhir-terminology", "--out", work);
        var before = Directory.GetFiles(work).ToDictionary(f => f, File.GetLastWriteTimeUtc);

        var r = await Hepatica.Run("fhir-terminology", "--out", work);

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("0 written", r.Stdout, StringComparison.Ordinal);
        Assert.All(before, b => Assert.Equal(b.Value, File.GetLastWriteTimeUtc(b.Key)));
    }

    [Fact]
    public async Task FhirTerminology_AFileDiffers_RefusedNothingWrittenExit2_ForceReplaces()
    {
        var edited = Path.Combine(work, "CodeSystem-hepatica-issue.json");
        File.WriteAllText(edited, "{ \"edited\": true }\n");

        var refused = await Hepatica.Run("fhir-terminology", "--out", work);

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("CodeSystem-hepatica-issue.json", refused.Stderr, StringComparison.Ordinal);
        Assert.Contains("--force", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal([edited], Directory.GetFiles(work)); // nothing else written either, and no temp left
        Assert.Equal("{ \"edited\": true }\n", File.ReadAllText(edited));

        var forced = await Hepatica.Run("fhir-terminology", "--out", work, "--force");

        Assert.Equal(0, forced.ExitCode);
        Assert.Contains("replaced", forced.Stdout, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(RepoRoot.File("docs", "fhir", "CodeSystem-hepatica-issue.json")).ReplaceLineEndings("\n"), File.ReadAllText(edited));
        Assert.DoesNotContain(Directory.GetFiles(work), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FhirTerminology_OutIsAFile_Exit2()
    {
        var file = Path.Combine(work, "not-a-folder");
        File.WriteAllText(file, "x");

        var r = await Hepatica.Run("fhir-terminology", "--out", file);

        Assert.Equal(2, r.ExitCode);
        Assert.Equal("x", File.ReadAllText(file));
    }

    [Fact]
    public async Task FhirTerminology_NoOut_Exit2() =>
        Assert.Equal(2, (await Hepatica.Run("fhir-terminology")).ExitCode);
}
