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
}
