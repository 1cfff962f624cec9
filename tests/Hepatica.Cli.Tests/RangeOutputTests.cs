using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hepatica.Cli.Tests;

/// <summary>
/// Issue 11 section 2, a range instead of a blank, as the real CLI prints it: text, JSON, compact batch records.
/// demo-001 without its dialysis finding: MELD 3.0 26 without dialysis, 32 with (Kim 2021 formula by hand; the
/// substitution of creatinine 3.0 with dialysis is OPTN policy 9.1.D), never "not calculated".
/// </summary>
public sealed class RangeOutputTests : IDisposable
{
    private readonly string work = Directory.CreateTempSubdirectory("hepatica-range-test-").FullName;

    public void Dispose() => Directory.Delete(work, recursive: true);

    private static string Demo001Without(params string[] findings)
    {
        var node = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoRoot.Path, "samples", "demo-001.json")))!;
        foreach (var f in findings)
        {
            node["findings"]!.AsObject().Remove(f);
        }

        return node.ToJsonString();
    }

    private static string ScoreLine(string report, string name) =>
        report.Split('\n').Single(l => l.StartsWith("  " + name + "  ", StringComparison.Ordinal));

    [Fact]
    public async Task Text_MissingDialysis_OneLineWithRangeAlternativesAndWhatSettlesIt()
    {
        var r = await Hepatica.RunWithInput(Demo001Without("dialysisTwiceInPastWeek"), "assess", "-");
        Assert.Equal(0, r.ExitCode);
        Assert.Matches(@"\s26-32   26 without dialysis, 32 with dialysis; give findings\.dialysisTwiceInPastWeek$", ScoreLine(r.Stdout, "MELD 3.0"));
        var notCalculated = r.Stdout[r.Stdout.IndexOf("\nNot calculated\n", StringComparison.Ordinal)..r.Stdout.IndexOf("\nSources\n", StringComparison.Ordinal)];
        Assert.DoesNotContain("MELD 3.0", notCalculated, StringComparison.Ordinal);
        // Every value of the range is ≥ 15 in cirrhosis (AASLD/AST 2013): the signal is raised, with the range.
        Assert.Contains("refer   Cirrhosis with MELD 3.0 26-32 (≥ 15): refer for transplant evaluation.", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_MissingFindingThatDoesNotMatter_TheValueSayingSo()
    {
        // Bilirubin 2.1 mg/dL scores 2 in the usual Child-Pugh bands but 1 in the cholestatic ones (Pugh 1973): it matters;
        // with bilirubin 1.5 both give 1, so the finding does not.
        var node = JsonNode.Parse(Demo001Without("cholestaticLiverDisease"))!;
        node["labs"]!["bilirubin"]!["value"] = 1.5m;
        var r = await Hepatica.RunWithInput(node.ToJsonString(), "assess", "-");
        Assert.EndsWith("class B; findings.cholestaticLiverDisease not given: did not matter", ScoreLine(r.Stdout, "Child-Turcotte-Pugh"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_Range_StatusMinimumMaximumSettledByAndAlternatives()
    {
        var r = await Hepatica.RunWithInput(Demo001Without("dialysisTwiceInPastWeek"), "assess", "-", "--format", "json");
        using var json = JsonDocument.Parse(r.Stdout);
        var meld3 = json.RootElement.GetProperty("scores").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "meld-3.0");
        Assert.Equal("range", meld3.GetProperty("status").GetString());
        Assert.Equal(26m, meld3.GetProperty("minimum").GetDecimal());
        Assert.Equal(32m, meld3.GetProperty("maximum").GetDecimal());
        Assert.Equal(["findings.dialysisTwiceInPastWeek"], meld3.GetProperty("settledBy").EnumerateArray().Select(e => e.GetString()));
        var alternatives = meld3.GetProperty("alternatives").EnumerateArray().ToList();
        Assert.False(alternatives[0].GetProperty("assume").GetProperty("findings.dialysisTwiceInPastWeek").GetBoolean());
        Assert.Equal(26m, alternatives[0].GetProperty("value").GetDecimal());
        Assert.True(alternatives[1].GetProperty("assume").GetProperty("findings.dialysisTwiceInPastWeek").GetBoolean());
        Assert.Equal(32m, alternatives[1].GetProperty("value").GetDecimal());
        Assert.Equal("26-32: 26 without dialysis, 32 with dialysis; give findings.dialysisTwiceInPastWeek", meld3.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Batch_CompactRecord_CarriesTheRangeAndWhatSettlesIt()
    {
        var input = Path.Combine(work, "in.jsonl");
        var output = Path.Combine(work, "out.jsonl");
        await File.WriteAllTextAsync(input, Demo001Without("dialysisTwiceInPastWeek") + "\n", TestContext.Current.CancellationToken);
        var r = await Hepatica.Run("batch", input, output, "--no-progress");
        Assert.Equal(0, r.ExitCode);
        using var json = JsonDocument.Parse(File.ReadAllLines(output)[0]);
        var meld3 = json.RootElement.GetProperty("scores").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "meld-3.0");
        Assert.Equal("range", meld3.GetProperty("status").GetString());
        Assert.Equal(26m, meld3.GetProperty("minimum").GetDecimal());
        Assert.Equal(32m, meld3.GetProperty("maximum").GetDecimal());
        Assert.Equal(["findings.dialysisTwiceInPastWeek"], meld3.GetProperty("settledBy").EnumerateArray().Select(e => e.GetString()));
        Assert.False(meld3.TryGetProperty("alternatives", out _));
        Assert.DoesNotContain("meld-3.0", json.RootElement.TryGetProperty("notCalculable", out var nc) ? nc.EnumerateArray().Select(e => e.GetString()) : []);
    }

    [Fact]
    public async Task Text_RangeCrossingTheReferralThreshold_PossibleSignalNamingWhatSettlesIt()
    {
        // Bilirubin, INR, creatinine 1.0, Na 137, albumin 3.5, male: MELD 3.0 6 (Kim 2021); with dialysis creatinine 3.0
        // adds 11.14 ln 3 = 12.24: 18. MELD-Na (OPTN 2016: creatinine 4.0 with dialysis): 0.957 ln 4 + 0.643 = 1.970,
        // to the tenth 2.0, × 10 = 20; the higher of the two is named. 6-20 crosses AASLD/AST 2013's 15: possible, not raised.
        const string snapshot = "{\"id\":\"cross\",\"sex\":\"male\",\"ageYears\":50,\"labs\":{\"bilirubin\":{\"value\":1,\"unit\":\"mg/dL\"},"
            + "\"creatinine\":{\"value\":1,\"unit\":\"mg/dL\"},\"inr\":{\"value\":1},\"sodium\":{\"value\":137,\"unit\":\"mmol/L\"},\"albumin\":{\"value\":3.5,\"unit\":\"g/dL\"}},"
            + "\"findings\":{\"cirrhosis\":true,\"ascites\":\"none\",\"encephalopathyGrade\":0,\"varicealBleeding\":false}}";
        var r = await Hepatica.RunWithInput(snapshot, "assess", "-");
        Assert.Matches(@"\s6-18   6 without dialysis, 18 with dialysis; give findings\.dialysisTwiceInPastWeek$", ScoreLine(r.Stdout, "MELD 3.0"));
        Assert.DoesNotContain("refer   Cirrhosis with MELD", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("  possible Cirrhosis with MELD-Na (OPTN, 2016) 6-20 (≥ 15): refer for transplant evaluation. Give findings.dialysisTwiceInPastWeek to decide.", r.Stdout, StringComparison.Ordinal);
    }
}
