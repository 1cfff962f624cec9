namespace Hepatica.Cli.Tests;

/// <summary>Issue 11 section 5, interpretation wording in the text report: criteria as met / not met, one prognosis wording.</summary>
public sealed class InterpretationTests
{
    private static string ScoreLine(string report, string name) =>
        report.Split('\n').Single(l => l.StartsWith("  " + name + "  ", StringComparison.Ordinal));

    [Fact]
    public async Task Text_CriteriaMet_ReadsMetWithTheCriteriaThatMetNeverOne()
    {
        var r = await Hepatica.Run("assess", "samples/alf-acetaminophen.json");
        var line = ScoreLine(r.Stdout, "King's College criteria (acetaminophen)");
        Assert.Matches(@"\s met   criteria met: arterial pH < 7\.30; INR > 6\.5 or PT > 100 s; creatinine > 300 µmol/L; encephalopathy grade 3-4$", line);
        Assert.DoesNotMatch(@"\s1\s", line);
    }

    [Fact]
    public async Task Text_CriteriaNotMet_ReadsNotMetAndNamesThePartThatMet()
    {
        var snapshot = "{\"id\":\"hy\",\"labs\":{\"alt\":{\"value\":400,\"unit\":\"U/L\"},\"altUpperLimit\":{\"value\":40,\"unit\":\"U/L\"},"
            + "\"bilirubin\":{\"value\":1.0,\"unit\":\"mg/dL\"},\"bilirubinUpperLimit\":{\"value\":1.2,\"unit\":\"mg/dL\"}}}";
        var r = await Hepatica.RunWithInput(snapshot, "assess", "-");
        var line = ScoreLine(r.Stdout, "Hy's law");
        Assert.Matches(@"not met   not a Hy's law case; only these met: ALT or AST ≥ 3 × ULN$", line);
        Assert.DoesNotMatch(@"\s0\s", line);
    }

    [Fact]
    public async Task Text_Prognoses_OneWordingMortalityThroughout()
    {
        // demo-001: MELD 3.0 26, Kim 2021 90-day survival 0.8545, so 90-day mortality 14.6% (half away from zero);
        // the MELD line beside it gives Wiesner 2003's 3-month mortality: one word for both.
        var r = await Hepatica.Run("assess", "samples/demo-001.json");
        Assert.EndsWith("90-day mortality 14.6%", ScoreLine(r.Stdout, "MELD 3.0"), StringComparison.Ordinal);
        Assert.Contains("3-month mortality", ScoreLine(r.Stdout, "MELD (OPTN, before 2016)"), StringComparison.Ordinal);
        var scores = r.Stdout[r.Stdout.IndexOf("\nScores\n", StringComparison.Ordinal)..r.Stdout.IndexOf("\nSources\n", StringComparison.Ordinal)];
        Assert.DoesNotContain("survival", scores, StringComparison.OrdinalIgnoreCase); // the citations' titles aside

    }

    [Fact]
    public async Task Conflicts_DefiniteAihWithHighlyProbableDili_OneLineNamingBothInTextAndJson()
    {
        // samples/causes-008.json: simplified AIH 8 (definite, >= 7) and RUCAM 9 (highly probable, >= 9).
        var text = (await Hepatica.Run("assess", "samples/causes-008.json")).Stdout;
        Assert.Contains("Conflicting interpretations\n  Conflict: simplified AIH criteria 8 (definite AIH) and RUCAM 9 (highly probable DILI)", text, StringComparison.Ordinal);
        using var json = System.Text.Json.JsonDocument.Parse((await Hepatica.Run("assess", "samples/causes-008.json", "--format", "json")).Stdout);
        var conflicts = json.RootElement.GetProperty("conflicts").EnumerateArray().ToList();
        Assert.Equal(["aih-simplified", "rucam"], conflicts[0].GetProperty("results").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("aih-definite-dili-highly-probable", conflicts[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Conflicts_HysLawMetWithAnotherExplanation_NamesBoth()
    {
        using var json = System.Text.Json.JsonDocument.Parse((await Hepatica.Run("assess", "samples/causes-008.json", "--format", "json")).Stdout);
        var note = json.RootElement.GetProperty("conflicts").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "hys-law-other-explanation");
        Assert.Equal(["hys-law", "aih-simplified"], note.GetProperty("results").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("Hy's law is met", note.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Conflicts_NoneThere_NoKeyAndNoSection()
    {
        var r = await Hepatica.Run("assess", "samples/demo-001.json", "--format", "json");
        using var json = System.Text.Json.JsonDocument.Parse(r.Stdout);
        Assert.False(json.RootElement.TryGetProperty("conflicts", out _));
        Assert.DoesNotContain("Conflicting interpretations", (await Hepatica.Run("assess", "samples/demo-001.json")).Stdout, StringComparison.Ordinal);
    }
}
