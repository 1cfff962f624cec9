using System.Text.Json;

namespace Hepatica.Cli.Tests;

/// <summary>
/// Issue 11 s.1 and s.5 in the CLI: who a score is for, shown in the `scores` catalog and in every output of `assess`;
/// the text report's "Not calculated" lists only the scores relevant to the patient's context.
/// </summary>
public sealed class ApplicabilityCliTests
{
    private const string FourLabs = "{\"id\":\"four-labs\",\"sex\":\"female\",\"ageYears\":60,\"labs\":{\"bilirubin\":{\"value\":2.0,\"unit\":\"mg/dL\"},"
        + "\"creatinine\":{\"value\":1.1,\"unit\":\"mg/dL\"},\"inr\":{\"value\":1.4},\"sodium\":{\"value\":134,\"unit\":\"mmol/L\"}}}";

    private static string Section(string report, string title)
    {
        var start = report.IndexOf("\n" + title + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, title + " not found");
        var end = report.IndexOf("\n\n", start + 1, StringComparison.Ordinal);
        return report[(start + title.Length + 2)..end];
    }

    // OPTN policy 9.1.A and NHSBT POL195: acute liver failure is listed by its own rules; the bundled sample showed MELD 40
    // and UKELD "at or above the UK listing threshold".
    [Fact]
    public async Task Assess_AcuteLiverFailureSample_NoAllocationScoreAndTheReasonWithItsSource()
    {
        var r = await Hepatica.Run("assess", "samples/alf-acetaminophen.json");
        var scores = Section(r.Stdout, "Scores");
        Assert.DoesNotContain("MELD", scores, StringComparison.Ordinal);
        Assert.DoesNotContain("UKELD", scores, StringComparison.Ordinal);
        var notCalculated = Section(r.Stdout, "Not calculated");
        Assert.Contains("MELD (OPTN, before 2016), MELD-Na (OPTN, 2016), MELD 3.0, MELD-Na (Kim 2008, research): for chronic liver disease, not acute liver failure", notCalculated, StringComparison.Ordinal);
        Assert.Contains("UKELD: for chronic liver disease, not acute liver failure, where the King's College criteria and urgent listing apply (NHSBT POL195)", notCalculated, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssessJson_AcuteLiverFailureSample_NotApplicableWithReasonSource()
    {
        var r = await Hepatica.Run("assess", "samples/alf-acetaminophen.json", "--format", "json");
        using var json = JsonDocument.Parse(r.Stdout);
        var meld3 = json.RootElement.GetProperty("scores").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "meld-3.0");
        Assert.Equal("not-applicable", meld3.GetProperty("status").GetString());
        Assert.Equal("OPTN policy 9.1.A-B", meld3.GetProperty("reasonSource").GetProperty("key").GetString());
    }

    // Barber 2011 (elective registrants with end-stage chronic liver disease): the non-cirrhotic hepatitis B sample showed
    // UKELD 49 "at or above the UK listing threshold".
    [Fact]
    public async Task Assess_NonCirrhoticHepatitisB_NoUkeldListingThreshold()
    {
        var r = await Hepatica.Run("assess", "samples/hbv-chronic.json");
        Assert.DoesNotContain("UK listing threshold", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("UKELD: for end-stage chronic liver disease (cirrhosis)", Section(r.Stdout, "Not calculated"), StringComparison.Ordinal);
    }

    // EASL 2021 NIT: no fibrosis staging once cirrhosis is established; demo-001 records cirrhosis and showed APRI "cirrhosis likely".
    [Fact]
    public async Task Assess_CirrhosisRecorded_NoFibrosisScoreSaysCirrhosisLikely()
    {
        var r = await Hepatica.Run("assess", "samples/demo-001.json");
        Assert.DoesNotContain("cirrhosis likely", Section(r.Stdout, "Scores"), StringComparison.Ordinal);
        Assert.Contains("FIB-4 index, APRI (AST to platelet ratio index), NAFLD fibrosis score: for staging fibrosis in chronic liver disease, not once cirrhosis is established (EASL 2021 NIT)",
            Section(r.Stdout, "Not calculated"), StringComparison.Ordinal);
    }

    // Kwo 2017: ALT above 15 × ULN; causes-008 has ALT 620 U/L with ULN 40 (15.5 ×).
    [Fact]
    public async Task Assess_AcuteHepatitisSample_FibrosisScoresNotApplicable()
    {
        var r = await Hepatica.Run("assess", "samples/causes-008.json");
        Assert.DoesNotContain("FIB-4", Section(r.Stdout, "Scores"), StringComparison.Ordinal);
        Assert.Contains("acute hepatitis by Kwo 2017's threshold", Section(r.Stdout, "Not calculated"), StringComparison.Ordinal);
    }

    // docs/output.md "Not calculated": only the scores relevant to the context are listed in full; the rest on one line.
    [Fact]
    public async Task Assess_FourLabs_NotCalculatedListsOnlyRelevantScoresAndTheRestOnOneLine()
    {
        var r = await Hepatica.RunWithInput(FourLabs, "assess", "-");
        var listed = Section(r.Stdout, "Not calculated").Split('\n').Select(l => l.Trim()[..l.Trim().IndexOf(':', StringComparison.Ordinal)]).ToList();
        // MELD, MELD-Na and MELD-Na (Kim 2008) are not here: without the dialysis finding they are ranges (issue 11 s.2).
        Assert.Equal(["MELD 3.0", "Child-Turcotte-Pugh", "ALBI grade", "AUDIT-C"], listed);
        var also = Section(r.Stdout, "Also not calculated (for a setting this snapshot does not record)");
        Assert.Single(also.Split('\n'));
        Assert.Contains("for acute liver failure: King's College criteria (acetaminophen)", also, StringComparison.Ordinal);
        Assert.Contains("for age under 12: PELD", also, StringComparison.Ordinal);
        Assert.Contains("for cirrhosis: CLIF-C OF (organ failure) score", also, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assess_FourLabs_AssumptionWarningsNameTheSettlingInput()
    {
        var r = await Hepatica.RunWithInput(FourLabs, "assess", "-");
        Assert.Contains("warning: assumed no acute liver failure, which the snapshot does not state: UKELD is for chronic liver disease", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("give findings.acuteLiverFailure", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("assumed cirrhosis, which the snapshot does not state", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scores_Catalog_EveryScoreShowsItsPopulation()
    {
        var r = await Hepatica.Run("scores");
        var blocks = r.Stdout.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.All(blocks, b => Assert.Contains("\n    population: ", b, StringComparison.Ordinal));
        Assert.Contains("      not applicable when acute liver failure (OPTN policy 9.1.A-B); unknown: assumed no acute liver failure, settled by findings.acuteLiverFailure", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScoresJson_EveryScoreHasPopulationWithGates()
    {
        var r = await Hepatica.Run("scores", "--format", "json");
        using var json = JsonDocument.Parse(r.Stdout);
        var all = json.RootElement.EnumerateArray().ToList();
        Assert.All(all, s => Assert.False(string.IsNullOrEmpty(s.GetProperty("population").GetProperty("description").GetString())));
        var ukeld = all.Single(s => s.GetProperty("id").GetString() == "ukeld").GetProperty("population");
        var gates = ukeld.GetProperty("gates").EnumerateArray().ToList();
        Assert.Equal(["age 18 or more", "acute liver failure", "cirrhosis"], gates.Select(g => g.GetProperty("question").GetString()));
        Assert.Equal([true, false, true], gates.Select(g => g.GetProperty("requires").GetBoolean()));
        Assert.Equal("findings.cirrhosis", gates[2].GetProperty("settledBy").GetString());
    }
}
