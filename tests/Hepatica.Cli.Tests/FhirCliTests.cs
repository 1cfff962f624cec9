namespace Hepatica.Cli.Tests;

/// <summary><c>hepatica assess</c> on FHIR input (docs/fhir.md): detection, <c>--as-of</c>, <c>--explain</c> sources, exit codes.</summary>
public sealed class FhirCliTests
{
    private static readonly string Cirrhosis = Path.Combine("tests", "Hepatica.Fhir.Tests", "Fixtures", "cirrhosis-ascites-dialysis.json");

    [Fact]
    public async Task Assess_FhirBundleWithExplain_ListsEachLabsObservationAndDate()
    {
        var r = await Hepatica.Run("assess", Cirrhosis, "--as-of", "2026-11-20", "--explain");

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Hepatica assessment: cirrhosis-1 (female", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("Sources (FHIR)", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("labs.creatinine <- Observation/o-creat 2026-11-20T08:00:00+00:00 LOINC 14682-9 = 265 umol/L", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("findings.dialysisTwiceInPastWeek <- Procedure/pr-hd-2", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("MELD", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assess_FhirAsOfBeforeTheLabs_LabsNotUsed()
    {
        // As of 2026-11-10 the 11-20 values are in the future and o-bili-old (11-01) is the latest bilirubin.
        var r = await Hepatica.Run("assess", Cirrhosis, "--as-of", "2026-11-10T00:00:00Z", "--explain");

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("labs.bilirubin <- Observation/o-bili-old", r.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("labs.creatinine <-", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assess_FhirAsJson_WritesTheOutputContract()
    {
        var r = await Hepatica.Run("assess", Cirrhosis, "--as-of", "2026-11-20", "--format", "json");

        Assert.Equal(0, r.ExitCode);
        using var doc = System.Text.Json.JsonDocument.Parse(r.Stdout);
        Assert.Equal("cirrhosis-1", doc.RootElement.GetProperty("id").GetString());
        var creatinine = doc.RootElement.GetProperty("sources").EnumerateArray().Single(x => x.GetProperty("path").GetString() == "labs.creatinine");
        Assert.Equal("Observation/o-creat", creatinine.GetProperty("resource").GetString());
        Assert.Equal("2026-11-20T08:00:00+00:00", creatinine.GetProperty("date").GetString());
        Assert.Equal("265 umol/L", creatinine.GetProperty("reported").GetString());
    }

    [Theory]
    [InlineData("2026-13-01")]
    [InlineData("20 November")]
    [InlineData("2026-11-20T08:00:00")] // a time needs its zone
    public async Task Assess_BadAsOf_Exits2(string asOf)
    {
        var r = await Hepatica.Run("assess", Cirrhosis, "--as-of", asOf);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("FHR023 ERROR --as-of", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assess_FhirPatientNotBundle_Exits2WithCodedIssue()
    {
        var r = await Hepatica.RunWithInput("""{"resourceType":"Patient","id":"x","gender":"male"}""", "assess", "-");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("FHR002", r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assess_AsOfOnSnapshotJson_Exits2()
    {
        var r = await Hepatica.Run("assess", Path.Combine("samples", "demo-001.json"), "--as-of", "2026-11-20");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("FHR023 ERROR --as-of: --as-of applies to FHIR input", r.Stderr, StringComparison.Ordinal); // the API's code too (docs/fhir.md)
    }

    private static readonly string ClintChamplin = Path.Combine("..", "shared", "data", "fhir-samples", "synthea-r4-bundles", "Clint_Champlin_4e83f4d0-0461-47bf-9711-292d8f5d69ff.json");

    /// <summary>The date FHR024 suggests, read from its message on standard error.</summary>
    private static string SuggestedDate(string stderr) =>
        System.Text.RegularExpressions.Regex.Match(stderr, @"^FHR024 WARNING .* --as-of (\d{4}-\d{2}-\d{2}) \(CLI\)", System.Text.RegularExpressions.RegexOptions.Multiline).Groups[1].Value;

    [Fact]
    public async Task Assess_SyntheaAsOfNow_PrintsTheAsOfCommandLineOnce()
    {
        var r = await Hepatica.Run("assess", ClintChamplin);

        Assert.Equal(0, r.ExitCode);
        var date = SuggestedDate(r.Stderr);
        Assert.NotEmpty(date);
        var line = Assert.Single(r.Stderr.Split('\n'), l => l.Contains("hepatica assess ", StringComparison.Ordinal));
        Assert.EndsWith($": hepatica assess {ClintChamplin} --as-of {date}", line, StringComparison.Ordinal);
        Assert.Contains("To supply in FHIR", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("  labs.inr: Observation, LOINC 6301-6, 34714-6", r.Stdout, StringComparison.Ordinal);

        // The command it printed, run: the labs count and the suggestion is gone (this bundle has no analyte older still).
        var again = await Hepatica.Run("assess", ClintChamplin, "--as-of", date);
        Assert.Equal(0, again.ExitCode);
        Assert.DoesNotContain("FHR024", again.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("hepatica assess ", again.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("  labs.creatinine: ", again.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assess_SyntheaAsJson_CommandKeepsTheOptionsAndStdoutIsTheContract()
    {
        var r = await Hepatica.Run("score", "meld-3.0", ClintChamplin, "--format", "json", "--profile", "uk");

        var date = SuggestedDate(r.Stderr);
        Assert.Contains($": hepatica score meld-3.0 {ClintChamplin} --format json --profile uk --as-of {date}\n", r.Stderr.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        using var doc = System.Text.Json.JsonDocument.Parse(r.Stdout); // nothing but the JSON output on stdout
        Assert.DoesNotContain("To supply in FHIR", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assess_SnapshotInput_NoFhirSections()
    {
        var r = await Hepatica.Run("assess", Path.Combine("samples", "demo-001.json"));

        Assert.DoesNotContain("To supply in FHIR", r.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("hepatica assess ", r.Stderr, StringComparison.Ordinal);
    }
}
