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
}
