using System.Text;
using Hepatica.Clinical;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Json.Tests;

/// <summary>
/// Hostile input never escapes the snapshot reader as an exception (issue 10): invalid surrogate escapes anywhere, a
/// byte order mark, numbers beyond any range, dates at the ends of the calendar, and floods of unknown keys, each a
/// coded issue with its path, and the answer bounded.
/// </summary>
public sealed class ReaderCrashTests
{
    private static readonly string Sample = File.ReadAllText(Path.Combine(RepoRoot.Path, "samples", "immune-001.json"));

    /// <summary>Every place a string is decoded or compared: values, property names (known and unknown, at every level), units, ids, enums, dates, codes.</summary>
    public static TheoryData<string> BadEscapes()
    {
        var data = new TheoryData<string>();
        foreach (var escape in new[] { "\\ud800", "\\udc00", "\\ud800x", "\\ud800\\u0041", "\\uDBFF\\uDBFF" })
        {
            data.Add("{\"id\": \"a" + escape + "\"}");
            data.Add("{\"" + escape + "\": 1}");
            data.Add("{\"sex\": \"" + escape + "\"}");
            data.Add("{\"labs\": {\"" + escape + "\": {\"value\": 1}}}");
            data.Add("{\"labs\": {\"bilirubin\": {\"value\": 1, \"unit\": \"mg" + escape + "\"}}}");
            data.Add("{\"labs\": {\"bilirubin\": {\"" + escape + "\": 1}}}");
            data.Add("{\"assessmentDate\": \"2026" + escape + "\"}");
            data.Add("{\"findings\": {\"ascites\": \"" + escape + "\"}}");
            data.Add("{\"medications\": [{\"name\": \"" + escape + "\", \"class\": \"corticosteroid\"}]}");
            data.Add("{\"vaccinations\": [{\"vaccine\": \"hepb\", \"cvx\": \"" + escape + "\", \"date\": \"2026-01-01\"}]}");
            data.Add("{\"serology\": {\"hbsag\": {\"result\": \"" + escape + "\"}}}");
            data.Add("{\"autoimmune\": {\"ana\": \"" + escape + "\"}}");
            data.Add("{\"id\": \"x\", \"id\": \"" + escape + "\"}");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BadEscapes))]
    public void Read_InvalidSurrogateEscape_IsMalformedJsonWithItsPosition(string json)
    {
        var result = SnapshotReader.Read(json);

        Assert.Null(result.Snapshot);
        var issue = Assert.Single(result.Issues);
        Assert.Equal(IssueCodes.MalformedJson, issue.Code);
        Assert.Contains("byte", issue.Message, StringComparison.Ordinal);
        Assert.Contains("surrogate", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ValidSurrogatePairsAndEscapedBackslashes_AreRead()
    {
        var result = SnapshotReader.Read("{\"id\": \"\\ud83d\\ude00 \\\\ud800\"}");

        Assert.Empty(result.Issues);
        Assert.Equal("\U0001F600 \\ud800", result.Snapshot!.Id);
    }

    [Fact]
    public void Read_Utf8ByteOrderMark_IsAcceptedAsMostJsonReadersDo()
    {
        var bytes = (byte[])[0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Sample)];

        var result = SnapshotReader.Read(bytes);

        Assert.Empty(result.Issues);
        Assert.Equal("immune-001", result.Snapshot!.Id);
    }

    public static TheoryData<string, string, string> HugeNumbers() => new()
    {
        { "{\"ageYears\": 123456789012345678901234567890123456789}", "ageYears", "0 to 130" },
        { "{\"ageAtListingYears\": -1e40}", "ageAtListingYears", "0 to 130" },
        { "{\"labs\": {\"bilirubin\": {\"value\": 1e40, \"unit\": \"mg/dL\"}}}", "labs.bilirubin.value", "out of range" },
        { "{\"series\": {\"bilirubin\": [{\"value\": 1e40, \"unit\": \"mg/dL\", \"date\": \"2026-01-01\"}]}}", "series.bilirubin[0].value", "out of range" },
        { "{\"findings\": {\"meanArterialPressure\": 1e40}}", "findings.meanArterialPressure", "at most 300" },
        { "{\"findings\": {\"encephalopathyGrade\": 1e40}}", "findings.encephalopathyGrade", "0 to 4" },
        { "{\"findings\": {\"jaundiceToEncephalopathyDays\": 123456789012345678901234567890123456789}}", "findings.jaundiceToEncephalopathyDays", "at most 3650" },
        { "{\"bmi\": 1e40}", "bmi", "at most 150" },
        { "{\"autoimmune\": {\"ana\": 123456789012345678901234567890123456789}}", "autoimmune.ana", "1:" },
        { "{\"alcohol\": {\"auditC\": {\"q1\": 1e40}}}", "alcohol.auditC.q1", "0 to 4" },
        { "{\"serology\": {\"antiHbs\": {\"value\": 1e40, \"unit\": \"mIU/mL\"}}}", "serology.antiHbs.value", "out of range" },
        { "{\"medications\": [{\"class\": \"corticosteroid\", \"prednisoneEquivalentMgPerDay\": 1e40}]}", "medications[0].prednisoneEquivalentMgPerDay", "at most 5000" },
    };

    [Theory]
    [MemberData(nameof(HugeNumbers))]
    public void Read_NumberBeyondAnyRange_SaysOutOfRangeWithTheAcceptedRange(string json, string path, string range)
    {
        var result = SnapshotReader.Read(json);

        var issue = Assert.Single(result.Issues, i => i.Path == path);
        Assert.Equal(IssueSeverity.Error, issue.Severity);
        Assert.DoesNotContain("found a number", issue.Message, StringComparison.Ordinal);
        Assert.Contains("out of range", issue.Message, StringComparison.Ordinal);
        Assert.Contains(range, issue.Message, StringComparison.Ordinal);
    }

    /// <summary>Every date the contract reads, at and beyond the ends of the calendar.</summary>
    public static TheoryData<string, string> ExtremeDates()
    {
        var data = new TheoryData<string, string>();
        foreach (var date in new[] { "9999-12-31", "9999-12-30", "0001-01-01", "1899-12-31", "2201-01-01" })
        {
            data.Add("{\"ageYears\": 50, \"assessmentDate\": \"" + date + "\", \"vaccinations\": [{\"vaccine\": \"hepb\", \"date\": \"2026-01-01\"}]}", "assessmentDate");
            data.Add("{\"ageYears\": 50, \"assessmentDate\": \"2026-11-20\", \"vaccinations\": [{\"vaccine\": \"hepb\", \"date\": \"" + date + "\"}]}", "vaccinations[0].date");
            data.Add("{\"ageYears\": 50, \"assessmentDate\": \"2026-11-20\", \"medications\": [{\"class\": \"corticosteroid\", \"start\": \"" + date + "\"}]}", "medications[0].start");
            data.Add("{\"ageYears\": 50, \"findings\": {\"corticosteroidStartDate\": \"" + date + "\"}}", "findings.corticosteroidStartDate");
            data.Add("{\"labs\": {\"bilirubin\": {\"value\": 2, \"unit\": \"mg/dL\", \"date\": \"" + date + "\"}}}", "labs.bilirubin.date");
            data.Add("{\"series\": {\"bilirubin\": [{\"value\": 2, \"unit\": \"mg/dL\", \"date\": \"" + date + "\"}]}}", "series.bilirubin[0].date");
            data.Add("{\"serology\": {\"hbsag\": {\"result\": \"positive\", \"date\": \"" + date + "\"}}}", "serology.hbsag.date");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ExtremeDates))]
    public void Read_DateOutsideTheAcceptedRange_IsDat001AndTheAssessmentRuns(string json, string path)
    {
        var result = SnapshotReader.Read(json);

        var issue = Assert.Single(result.Issues, i => i.Path == path);
        Assert.Equal(IssueCodes.InvalidDate, issue.Code);
        Assert.Contains("1900-01-01 to 2200-12-31", issue.Message, StringComparison.Ordinal);
        _ = Assessment.Of(result.Snapshot!); // never throws
    }

    [Theory]
    [InlineData("1900-01-01")]
    [InlineData("2200-12-31")]
    public void Read_DatesAtTheEndsOfTheAcceptedRange_AreUsedAndAssessed(string date)
    {
        var json = Sample.Replace("2026-11-20", date, StringComparison.Ordinal).Replace("2026-05-01", date, StringComparison.Ordinal)
            .Replace("\"2026-11-10\"", "\"" + date + "\"", StringComparison.Ordinal);
        var result = SnapshotReader.Read(json);

        Assert.DoesNotContain(result.Issues, i => i.Code == IssueCodes.InvalidDate);
        Assert.Equal(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), result.Snapshot!.AssessmentDate);
        _ = Assessment.Of(result.Snapshot); // never throws
    }

    [Theory]
    [InlineData("{\"id\": \"a\\")]
    [InlineData("\\")]
    [InlineData("{\"id\": \"\\u12")]
    public void Read_DocumentEndingInsideAnEscape_IsMalformedJson(string json)
    {
        // Found by the long fuzz run: the escape check itself read past the end.
        var issue = Assert.Single(SnapshotReader.Read(json).Issues);

        Assert.Equal(IssueCodes.MalformedJson, issue.Code);
    }

    [Fact]
    public void Read_EmptyUnknownKey_HasAPath()
    {
        // Found by the long fuzz run (21,834th case): an issue with an empty path.
        var issue = Assert.Single(SnapshotReader.Read("{\"\": 1}").Issues);

        Assert.Equal((IssueCodes.UnknownKey, "\"\""), (issue.Code, issue.Path));
    }

    [Fact]
    public void Read_ManyUnknownKeys_ReportsTheFirstFewAndHowManyMore()
    {
        var sb = new StringBuilder("{");
        for (var i = 0; i < 20_000; i++)
        {
            sb.Append("\"unknown").Append(i).Append("\": 1,");
        }

        sb.Append("\"id\": \"x\"}");
        var result = SnapshotReader.Read(sb.ToString());

        var unknown = result.Issues.Where(i => i.Code == IssueCodes.UnknownKey).ToList();
        Assert.Equal(SnapshotReader.MaxIssuesPerCode + 1, unknown.Count);
        Assert.Contains("19,975 more", unknown[^1].Message, StringComparison.Ordinal);
        Assert.Equal("x", result.Snapshot!.Id);
        Assert.True(result.Issues.Sum(i => i.Message.Length + i.Path.Length) < 20_000, "the answer stays small");
    }

    [Fact]
    public void Read_ManyIssuesOfEveryKind_EachKindIsCapped()
    {
        var sb = new StringBuilder("{\"series\": {\"bilirubin\": [");
        for (var i = 0; i < 1_000; i++)
        {
            sb.Append("{\"value\": \"x\", \"date\": \"no\"},");
        }

        sb.Append("{\"value\": 1, \"unit\": \"mg/dL\", \"date\": \"2026-01-01\"}]}, \"vaccinations\": [");
        for (var i = 0; i < 1_000; i++)
        {
            sb.Append("{\"date\": \"2026-01-01\"},");
        }

        sb.Append("{\"vaccine\": \"hepb\", \"date\": \"2026-01-01\"}]}");
        var result = SnapshotReader.Read(sb.ToString());

        foreach (var group in result.Issues.GroupBy(i => i.Code))
        {
            Assert.True(group.Count() <= SnapshotReader.MaxIssuesPerCode + 1, $"{group.Key}: {group.Count()} issues");
        }

        Assert.True(result.Issues.Count < 10 * (SnapshotReader.MaxIssuesPerCode + 1));
    }

    public static TheoryData<string, string> LongEchoes()
    {
        var longText = new string('k', 100_000);
        return new()
        {
            { "{\"" + longText + "\": 1}", IssueCodes.UnknownKey },
            { "{\"labs\": {\"" + longText + "\": 1}}", IssueCodes.UnknownKey },
            { "{\"id\": \"a\", \"" + "id" + "\": \"b\", \"sex\": \"" + longText + "\"}", IssueCodes.InvalidValue },
            { "{\"labs\": {\"bilirubin\": {\"value\": 1, \"unit\": \"" + longText + "\"}}}", IssueCodes.UnknownUnit },
            { "{\"labs\": {\"bilirubin\": {\"value\": \"" + longText + "\", \"unit\": \"mg/dL\"}}}", IssueCodes.NotANumber },
            { "{\"assessmentDate\": \"" + longText + "\"}", IssueCodes.InvalidDate },
            { "{\"ageYears\": 1" + new string('0', 10_000) + "}", IssueCodes.ImpossibleValue },
            { "{\"autoimmune\": {\"ana\": \"" + longText + "\"}}", IssueCodes.InvalidValue },
            { "{\"medications\": [{\"code\": {\"system\": \"atc\", \"value\": \"" + longText + "\"}}]}", IssueCodes.UnknownMedicationCode },
            { "{\"vaccinations\": [{\"cvx\": \"" + longText + "\", \"date\": \"2026-01-01\"}]}", IssueCodes.UnknownCvx },
            { "{\"dili\": {\"rucam\": {\"courseAfterCessation\": \"" + longText + "\"}}}", IssueCodes.InvalidValue },
        };
    }

    [Theory]
    [MemberData(nameof(LongEchoes))]
    public void Read_LongInputText_IsTruncatedInEveryMessageWithItsLength(string json, string code)
    {
        var result = SnapshotReader.Read(json);

        var issue = Assert.Single(result.Issues, i => i.Code == code);
        Assert.True(issue.Message.Length < 1_000, $"message of {issue.Message.Length} characters");
        Assert.True(issue.Path.Length < 300, $"path of {issue.Path.Length} characters");
        Assert.Contains("…", issue.Message, StringComparison.Ordinal);
        Assert.Matches("\\d+ characters|\\d+ digits", issue.Message);
    }
}
