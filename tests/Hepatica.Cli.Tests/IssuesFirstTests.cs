namespace Hepatica.Cli.Tests;

/// <summary>
/// Issue 11 s.3: in text mode the input's errors and warnings stand at the top of the report, before any score, and
/// also go to standard error; stdout keeps the report and the exit code stays as documented (2: input had errors,
/// README.md). samples/mixup-001.json is demo-001 with two unit mix-ups: creatinine 1.7 "umol/L" (below the 0.1 mg/dL
/// floor, LAB004) and bilirubin 2.1 "umol/L" a week after 2.9 mg/dL (LAB007, docs/snapshot.md "Delta checks").
/// </summary>
public sealed class IssuesFirstTests
{
    [Fact]
    public async Task Assess_TextWithIssues_IssuesBeforeScoresAndOnStderr()
    {
        var r = await Hepatica.Run("assess", "samples/mixup-001.json");
        Assert.Equal(2, r.ExitCode);
        var errors = r.Stdout.IndexOf("Errors (values not used)", StringComparison.Ordinal);
        var scores = r.Stdout.IndexOf("\nScores\n", StringComparison.Ordinal);
        var notCalculated = r.Stdout.IndexOf("Not calculated", StringComparison.Ordinal);
        Assert.True(errors > 0, r.Stdout);
        Assert.True(scores < 0 || errors < scores, "errors after the scores:\n" + r.Stdout);
        Assert.True(notCalculated < 0 || errors < notCalculated, "errors after 'Not calculated':\n" + r.Stdout);
        Assert.Contains("LAB004 labs.creatinine.value", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("most likely mg/dL", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("LAB007 labs.bilirubin", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("LAB004 ERROR labs.creatinine.value", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("LAB007 ERROR labs.bilirubin", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assess_TextWithWarningsOnly_WarningsBeforeScores()
    {
        // Creatinine 0.15 mg/dL: above the 0.1 floor, below the unusual limit 0.2 (LAB005, a warning; the value is used).
        var json = File.ReadAllText(Path.Combine(RepoRoot.Path, "samples", "demo-001.json")).Replace("\"value\": 150, \"unit\": \"umol/L\"}", "\"value\": 0.15, \"unit\": \"mg/dL\"}", StringComparison.Ordinal);
        var r = await Hepatica.RunWithInput(json, "assess", "-");
        Assert.Equal(0, r.ExitCode);
        var warnings = r.Stdout.IndexOf("Warnings", StringComparison.Ordinal);
        Assert.True(warnings > 0 && warnings < r.Stdout.IndexOf("\nScores\n", StringComparison.Ordinal), r.Stdout);
        Assert.Contains("LAB005 WARNING labs.creatinine.value", r.Stderr, StringComparison.Ordinal);
    }
}
