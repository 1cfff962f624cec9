using System.Text.Json;

namespace Hepatica.Cli.Tests;

/// <summary><c>--format fhir</c> (docs/fhir.md, "Writing"): a Bundle for readable input, an OperationOutcome with every issue and exit 2 otherwise.</summary>
public sealed class FhirOutputCliTests
{
    private static readonly string Cirrhosis = Path.Combine("tests", "Hepatica.Fhir.Tests", "Fixtures", "cirrhosis-ascites-dialysis.json");

    [Fact]
    public async Task Assess_FhirInputAsFhir_BundleForThePatient()
    {
        var r = await Hepatica.Run("assess", Cirrhosis, "--as-of", "2026-11-20", "--format", "fhir");

        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal("Bundle", doc.RootElement.GetProperty("resourceType").GetString());
        var meld3 = doc.RootElement.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("resource"))
            .Single(x => x.GetProperty("resourceType").GetString() == "Observation" && x.GetProperty("code").GetProperty("coding")[0].GetProperty("code").GetString() == "meld-3.0");
        // The fixture's entries have absolute fullUrls on their (simulated) server: the output names them so (docs/fhir.md).
        Assert.Equal("https://hepatica.example/fhir/Patient/cirrhosis-1", meld3.GetProperty("subject").GetProperty("reference").GetString());
        Assert.Contains(meld3.GetProperty("derivedFrom").EnumerateArray(), d => d.GetProperty("reference").GetString() == "https://hepatica.example/fhir/Observation/o-creat");
    }

    [Fact]
    public async Task Score_OneScoreAsFhir_OneScoreObservation()
    {
        var r = await Hepatica.Run("score", "meld-3.0", "samples/demo-001.json", "--format", "fhir", "--issued", "2026-11-21T09:00:00Z");

        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        var observations = doc.RootElement.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("resource"))
            .Where(x => x.GetProperty("resourceType").GetString() == "Observation").ToList();
        Assert.Equal("meld-3.0", Assert.Single(observations).GetProperty("code").GetProperty("coding")[0].GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("{not json", "SNP001")]
    [InlineData("{\"resourceType\":\"Bundle\",\"type\":\"banana\",\"entry\":[{\"resource\":{\"resourceType\":\"Observation\",\"status\":\"bogus\"}}]}", "FHR003")]
    public async Task Assess_UnreadableInputAsFhir_OperationOutcomeWithEveryIssueExit2(string input, string code)
    {
        var r = await Hepatica.RunWithInput(input, "assess", "-", "--format", "fhir");

        Assert.Equal(2, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal("OperationOutcome", doc.RootElement.GetProperty("resourceType").GetString());
        var issues = doc.RootElement.GetProperty("issue").EnumerateArray().ToList();
        Assert.Contains(issues, i => i.GetProperty("details").GetProperty("coding")[0].GetProperty("code").GetString() == code);
        Assert.All(issues, i => Assert.Equal("error", i.GetProperty("severity").GetString()));
        Assert.Equal(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length, issues.Count); // the same issues, one per stderr line
    }

    [Fact]
    public async Task Scores_AsFhir_IsTheCommittedCodeSystem()
    {
        var r = await Hepatica.Run("scores", "--format", "fhir");

        Assert.Equal(0, r.ExitCode);
        Assert.Equal(File.ReadAllText(Path.Combine(RepoRoot.Path, "docs", "fhir", "CodeSystem-hepatica-scores.json")).ReplaceLineEndings("\n"), r.Stdout.ReplaceLineEndings("\n"));
    }
}
