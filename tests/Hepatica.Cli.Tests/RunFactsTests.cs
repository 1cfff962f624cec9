using System.Text.Json;
using System.Text.RegularExpressions;

namespace Hepatica.Cli.Tests;

/// <summary>
/// Issue 11 section 5: every output carries the engine version and the as-of instant with where it came from, and a
/// record whose inputs had errors says so in its status (docs/output.md).
/// </summary>
public sealed partial class RunFactsTests
{
    private const string Issued = "2026-11-21T09:00:00Z";
    private static readonly string Sample = Path.Combine("samples", "demo-001.json");
    private static readonly string Cirrhosis = Path.Combine("tests", "Hepatica.Fhir.Tests", "Fixtures", "cirrhosis-ascites-dialysis.json");

    /// <summary>The version the build sets (Directory.Build.props), the one place it comes from.</summary>
    private static string BuildVersion => VersionTag().Match(File.ReadAllText(Path.Combine(RepoRoot.Path, "Directory.Build.props"))).Groups[1].Value;

    [Fact]
    public async Task AssessJson_SnapshotWithAssessmentDate_CarriesEngineVersionAndAsOfFromIt()
    {
        var r = await Hepatica.Run("assess", Sample, "--format", "json", "--issued", Issued);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal(BuildVersion, doc.RootElement.GetProperty("engineVersion").GetString());
        Assert.Equal("2026-11-09", doc.RootElement.GetProperty("asOf").GetString());
        Assert.Equal("assessmentDate", doc.RootElement.GetProperty("asOfSource").GetString());
    }

    [Fact]
    public async Task AssessJson_FhirWithAsOf_AsOfIsTheFhirAsOf()
    {
        var r = await Hepatica.Run("assess", Cirrhosis, "--as-of", "2026-11-20T12:00:00Z", "--format", "json", "--issued", Issued);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal("2026-11-20T12:00:00Z", doc.RootElement.GetProperty("asOf").GetString());
        Assert.Equal("fhir-as-of", doc.RootElement.GetProperty("asOfSource").GetString());
    }

    [Fact]
    public async Task AssessJson_FhirWithoutAsOf_AsOfIsTheRunTimeAndSaysSo()
    {
        var r = await Hepatica.Run("assess", Cirrhosis, "--format", "json", "--issued", Issued);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal(Issued, doc.RootElement.GetProperty("asOf").GetString());
        Assert.Equal("run-time", doc.RootElement.GetProperty("asOfSource").GetString());
    }

    [Fact]
    public async Task AssessText_Header_NamesEngineVersionAndAsOfWithItsSource()
    {
        var r = await Hepatica.Run("assess", Sample);
        var header = r.Stdout.Split('\n')[1];
        Assert.Equal($"Hepatica {BuildVersion}; as of 2026-11-09 (the snapshot's assessmentDate)", header);
    }

    [Fact]
    public async Task AssessFhir_Provenance_SaysTheAsOfAndItsSource()
    {
        var r = await Hepatica.Run("assess", Cirrhosis, "--as-of", "2026-11-20T12:00:00Z", "--format", "fhir", "--issued", Issued);
        using var doc = JsonDocument.Parse(r.Stdout);
        var provenance = doc.RootElement.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("resource"))
            .Single(x => x.GetProperty("resourceType").GetString() == "Provenance");
        Assert.Equal("2026-11-20T12:00:00Z", provenance.GetProperty("occurredDateTime").GetString());
        var extension = provenance.GetProperty("extension")[0];
        Assert.Equal("https://hepatica.org/fhir/StructureDefinition/as-of-source", extension.GetProperty("url").GetString());
        Assert.Equal("fhir-as-of", extension.GetProperty("valueCode").GetString());
    }

    [Fact]
    public async Task Batch_EveryRecord_CarriesEngineVersionAndTheOneRunTime()
    {
        var input = "{\"id\":\"a\",\"labs\":{\"bilirubin\":{\"value\":2,\"unit\":\"mg/dL\"}}}\n{\"id\":\"b\",\"assessmentDate\":\"2026-10-01\"}\nnot json\n";
        var r = await Hepatica.RunWithInput(input, "batch", "-", "-", "--threads", "1", "--issued", Issued);
        var records = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(3, records.Count);
        Assert.All(records, x => Assert.Equal(BuildVersion, x.GetProperty("engineVersion").GetString()));
        Assert.Equal((Issued, "run-time"), (records[0].GetProperty("asOf").GetString(), records[0].GetProperty("asOfSource").GetString()));
        Assert.Equal(("2026-10-01", "assessmentDate"), (records[1].GetProperty("asOf").GetString(), records[1].GetProperty("asOfSource").GetString()));
        Assert.Equal((Issued, "run-time"), (records[2].GetProperty("asOf").GetString(), records[2].GetProperty("asOfSource").GetString()));
    }

    [Fact]
    public async Task Batch_RecordWithInputErrors_StatusIsInputErrorsNotOk()
    {
        var input = "{\"id\":\"good\",\"labs\":{\"bilirubin\":{\"value\":2,\"unit\":\"mg/dL\"}}}\n"
            + "{\"id\":\"bad-unit\",\"labs\":{\"bilirubin\":{\"value\":2,\"unit\":\"furlongs\"},\"inr\":{\"value\":1.5}}}\n"
            + "{\"id\":\"warned\",\"labs\":{\"bilirubin\":{\"value\":2,\"unit\":\"mg/dL\"}},\"unknownKey\":1}\n"
            + "not json\n";
        var r = await Hepatica.RunWithInput(input, "batch", "-", "-", "--threads", "1", "--issued", Issued);
        var records = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal("ok", records[0].GetProperty("status").GetString());
        Assert.Equal("input-errors", records[1].GetProperty("status").GetString());
        Assert.NotEqual(0, records[1].GetProperty("errors").GetArrayLength());
        Assert.Equal(0, records[2].GetProperty("errors").GetArrayLength());
        Assert.Equal("ok", records[2].GetProperty("status").GetString()); // warnings alone leave a record ok
        Assert.Equal("error", records[3].GetProperty("status").GetString());
    }

    [Fact]
    public async Task AssessJson_InputErrors_StatusIsInputErrors()
    {
        var r = await Hepatica.RunWithInput("{\"id\":\"x\",\"labs\":{\"bilirubin\":{\"value\":2,\"unit\":\"furlongs\"}}}", "assess", "-", "--format", "json");
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal("input-errors", doc.RootElement.GetProperty("status").GetString());
        Assert.Equal(2, r.ExitCode);
    }

    [GeneratedRegex("<Version>([^<]+)</Version>")]
    private static partial Regex VersionTag();
}
