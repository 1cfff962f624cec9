using Hepatica.Clinical.Scoring;

namespace Hepatica.Json.Tests;

/// <summary>
/// Delta checks against the patient's own dated values (issue 11 s.3, docs/snapshot.md "Delta checks"): a change
/// beyond the analyte's rule within its window is LAB007, naming both results and dates and the likely mix-up, and
/// the later result is not used. Rules (src/Hepatica.Clinical/Labs/Analytes.cs): bilirubin falls by at most 10x
/// within 7 days (Weiss 1983); creatinine changes by at most 10x within 7 days (Waikar 2009); albumin by at most
/// 2.5x within 14 days (Peters 1996).
/// </summary>
public sealed class DeltaCheckReaderTests
{
    private static string Doc(string lab, string current, string date, string earlier) =>
        "{\"ageYears\": 50, \"labs\": {\"" + lab + "\": {" + current + ", \"date\": \"" + date + "\"}}, "
        + "\"series\": {\"" + lab + "\": [{\"date\": \"2026-01-01\", " + earlier + "}]}}";

    [Fact]
    public void Read_BilirubinFallByUnitFactor_Lab007NamingMixUpAndNotUsed()
    {
        // Issue 11's case: 2.1 "umol/L" (0.12 mg/dL) a week after 2.9 mg/dL, a fall by 2.9 / (2.1 / 17.1) = 23.6.
        var result = SnapshotReader.Read(Doc("bilirubin", "\"value\": 2.1, \"unit\": \"umol/L\"", "2026-01-08", "\"value\": 2.9, \"unit\": \"mg/dL\""));
        var issue = Assert.Single(result.Issues, i => i.Code == IssueCodes.ImplausibleChange);
        Assert.Equal(IssueSeverity.Error, issue.Severity);
        Assert.Equal("labs.bilirubin", issue.Path); // the current value is the one not used
        Assert.Contains("2.1 umol/L (0.12 mg/dL) on 2026-01-08, 7 days after 2.9 mg/dL on 2026-01-01: a fall by a factor of 24", issue.Message, StringComparison.Ordinal);
        Assert.Contains("most likely 2.1 mg/dL entered with unit umol/L", issue.Message, StringComparison.Ordinal);
        Assert.Null(result.Snapshot!.Labs.Bilirubin);
        Assert.Single(result.Snapshot.Series.Bilirubin);
    }

    [Theory]
    // Bilirubin: fall factor 10 is allowed, just above is not; the window is 7 days (8 days: no rule).
    [InlineData("bilirubin", "\"value\": 0.3, \"unit\": \"mg/dL\"", "2026-01-08", "\"value\": 3, \"unit\": \"mg/dL\"", false)]  // factor 10, at the rule
    [InlineData("bilirubin", "\"value\": 0.29, \"unit\": \"mg/dL\"", "2026-01-08", "\"value\": 3, \"unit\": \"mg/dL\"", true)]  // factor 10.3
    [InlineData("bilirubin", "\"value\": 0.31, \"unit\": \"mg/dL\"", "2026-01-08", "\"value\": 3, \"unit\": \"mg/dL\"", false)] // factor 9.7
    [InlineData("bilirubin", "\"value\": 0.29, \"unit\": \"mg/dL\"", "2026-01-09", "\"value\": 3, \"unit\": \"mg/dL\"", false)] // 8 days: outside the window
    [InlineData("bilirubin", "\"value\": 30, \"unit\": \"mg/dL\"", "2026-01-02", "\"value\": 1, \"unit\": \"mg/dL\"", false)]   // rises: no rule
    // Creatinine: 10x either way within 7 days.
    [InlineData("creatinine", "\"value\": 10, \"unit\": \"mg/dL\"", "2026-01-08", "\"value\": 1, \"unit\": \"mg/dL\"", false)]  // rise factor 10
    [InlineData("creatinine", "\"value\": 10.1, \"unit\": \"mg/dL\"", "2026-01-08", "\"value\": 1, \"unit\": \"mg/dL\"", true)] // rise factor 10.1
    [InlineData("creatinine", "\"value\": 9.9, \"unit\": \"umol/L\"", "2026-01-02", "\"value\": 1.2, \"unit\": \"mg/dL\"", true)] // 0.112 mg/dL: fall 10.7
    // Albumin: 2.5x either way within 14 days.
    [InlineData("albumin", "\"value\": 1.6, \"unit\": \"g/dL\"", "2026-01-15", "\"value\": 4, \"unit\": \"g/dL\"", false)] // fall factor 2.5
    [InlineData("albumin", "\"value\": 1.5, \"unit\": \"g/dL\"", "2026-01-15", "\"value\": 4, \"unit\": \"g/dL\"", true)]  // fall factor 2.67
    [InlineData("albumin", "\"value\": 1.5, \"unit\": \"g/dL\"", "2026-01-16", "\"value\": 4, \"unit\": \"g/dL\"", false)] // 15 days
    public void Read_ChangeAtRuleEdges_Lab007OnlyBeyondRule(string lab, string current, string date, string earlier, bool expected)
    {
        var result = SnapshotReader.Read(Doc(lab, current, date, earlier));
        Assert.Equal(expected, result.Issues.Any(i => i.Code == IssueCodes.ImplausibleChange));
    }

    [Fact]
    public void Read_CreatinineFallReadAsOtherUnitPlausible_NamesMixUp()
    {
        // 15 "umol/L" (0.17 mg/dL) 3 days after 1.9 mg/dL: a fall by 11.2 (> 10); read as 15 mg/dL it is a rise by 7.9
        // (<= 10) inside the limits, so the message names mg/dL as the likely unit.
        var result = SnapshotReader.Read(Doc("creatinine", "\"value\": 15, \"unit\": \"umol/L\"", "2026-01-04", "\"value\": 1.9, \"unit\": \"mg/dL\""));
        var issue = Assert.Single(result.Issues, i => i.Code == IssueCodes.ImplausibleChange);
        Assert.Contains("most likely 15 mg/dL entered with unit umol/L", issue.Message, StringComparison.Ordinal);
        Assert.Null(result.Snapshot!.Labs.Creatinine);
    }
}
