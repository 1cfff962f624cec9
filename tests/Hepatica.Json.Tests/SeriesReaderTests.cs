using Hepatica.Clinical.Scoring;

namespace Hepatica.Json.Tests;

/// <summary>Dated values: <c>labs.X.date</c>, the top-level <c>series</c> and <c>findings.corticosteroidStartDate</c> (docs/snapshot.md).</summary>
public sealed class SeriesReaderTests
{
    private static readonly DateOnly Day0 = new(2026, 11, 1);

    /// <summary>A Lille-ready document: day 0 values in the series, day 7 bilirubin as the dated current lab.</summary>
    private const string Lille = """
        {"ageYears": 50,
         "labs": {"bilirubin": {"value": 200, "unit": "umol/L", "date": "2026-11-08"}},
         "series": {
           "bilirubin":  [{"date": "2026-11-01", "value": 300, "unit": "umol/L"}],
           "albumin":    [{"date": "2026-11-01", "value": 25, "unit": "g/L"}],
           "creatinine": [{"date": "2026-11-01", "value": 88.4, "unit": "umol/L"}],
           "pt":         [{"date": "2026-11-01", "value": 20, "unit": "s"}]},
         "findings": {"corticosteroidStartDate": "2026-11-01"}}
        """;

    [Fact]
    public void Series_and_dated_lab_are_read_and_Lille_uses_them()
    {
        var result = SnapshotReader.Read(Lille);
        Assert.Empty(result.Issues);
        var snapshot = result.Snapshot!;
        Assert.Equal(Day0, snapshot.Findings.CorticosteroidStartDate);
        Assert.Equal([Day0, Day0.AddDays(7)], snapshot.Series.Bilirubin.Select(d => d.Date));
        Assert.Equal(200m, snapshot.Labs.Bilirubin!.Value.MicromolesPerLiter);

        // Louvet 2007, hand: R = 3.19 − 5.05 + 3.675 + 0.0165 × 100 − 0 − 1.95 − 0.192 = 1.323; 1/(1+e^1.323) = 0.2103.
        var lille = Clinical.Scores.Lille.Evaluate(snapshot).Result!;
        Assert.Equal(0.210m, lille.Value);
        Assert.Contains(lille.Steps, s => s.Label == "bilirubin day 7" && s.Detail.Contains("2026-11-08", StringComparison.Ordinal));
    }

    [Fact]
    public void Series_out_of_date_order_is_sorted()
    {
        var result = SnapshotReader.Read("""{"series": {"bilirubin": [{"date": "2026-11-08", "value": 2, "unit": "mg/dL"}, {"date": "2026-11-01", "value": 3, "unit": "mg/dL"}]}}""");
        Assert.Empty(result.Issues);
        Assert.Equal([Day0, Day0.AddDays(7)], result.Snapshot!.Series.Bilirubin.Select(d => d.Date));
        Assert.Equal(3m, result.Snapshot.Series.Bilirubin[0].Value.MilligramsPerDeciliter);
    }

    [Theory]
    [InlineData("2026-11-31", "labs.bilirubin.date")]
    [InlineData("01/11/2026", "labs.bilirubin.date")]
    [InlineData("2026-11-01T08:00", "labs.bilirubin.date")]
    [InlineData("", "labs.bilirubin.date")]
    public void An_invalid_date_on_a_lab_is_DAT001_and_the_value_is_still_used(string date, string path)
    {
        var result = SnapshotReader.Read("{\"labs\": {\"bilirubin\": {\"value\": 2, \"unit\": \"mg/dL\", \"date\": \"" + date + "\"}}}");
        var issue = Assert.Single(result.Issues);
        Assert.Equal((IssueCodes.InvalidDate, IssueSeverity.Error, path), (issue.Code, issue.Severity, issue.Path));
        Assert.Equal(2m, result.Snapshot!.Labs.Bilirubin!.Value.MilligramsPerDeciliter);
        Assert.Empty(result.Snapshot.Series.Bilirubin);
    }

    [Fact]
    public void A_date_that_is_not_a_string_is_SNP002()
    {
        var result = SnapshotReader.Read("""{"findings": {"corticosteroidStartDate": 20261101}}""");
        var issue = Assert.Single(result.Issues);
        Assert.Equal((IssueCodes.WrongType, "findings.corticosteroidStartDate"), (issue.Code, issue.Path));
        Assert.Null(result.Snapshot!.Findings.CorticosteroidStartDate);
    }

    [Fact]
    public void An_invalid_start_date_is_DAT001_and_Lille_names_it_missing()
    {
        var result = SnapshotReader.Read(Lille.Replace("\"corticosteroidStartDate\": \"2026-11-01\"", "\"corticosteroidStartDate\": \"2026-13-01\"", StringComparison.Ordinal));
        Assert.Equal((IssueCodes.InvalidDate, "findings.corticosteroidStartDate"), (result.Issues.Single().Code, result.Issues.Single().Path));
        Assert.Contains("findings.corticosteroidStartDate", Clinical.Scores.Lille.Evaluate(result.Snapshot!).Missing);
    }

    [Fact]
    public void A_series_value_without_a_date_is_DAT001_and_not_kept()
    {
        var result = SnapshotReader.Read("""{"series": {"bilirubin": [{"value": 3, "unit": "mg/dL"}]}}""");
        var issue = Assert.Single(result.Issues);
        Assert.Equal((IssueCodes.InvalidDate, "series.bilirubin[0].date"), (issue.Code, issue.Path));
        Assert.Empty(result.Snapshot!.Series.Bilirubin);
    }

    [Fact]
    public void Series_values_are_validated_like_labs_with_their_own_paths()
    {
        var result = SnapshotReader.Read("""
            {"series": {"bilirubin": [{"date": "2026-11-01", "value": 300, "unit": "mg/dL"}, {"date": "2026-11-02", "value": 3}, {"date": "2026-11-03", "value": "3", "unit": "mg/dL"}, {"date": "2026-11-04", "value": 3, "unit": "mg/dL"}]}}
            """);
        Assert.Equal(
            [(IssueCodes.ImpossibleValue, "series.bilirubin[0].value"), (IssueCodes.MissingUnit, "series.bilirubin[1].unit"), (IssueCodes.NotANumber, "series.bilirubin[2].value")],
            result.Issues.Select(i => (i.Code, i.Path)));
        Assert.Equal([new DateOnly(2026, 11, 4)], result.Snapshot!.Series.Bilirubin.Select(d => d.Date));
    }

    [Fact]
    public void Two_values_on_the_same_date_are_DAT002_and_neither_is_used()
    {
        // The dated current bilirubin and a series value share 2026-11-08: Lille cannot tell which is day 7.
        var json = Lille.Replace("""[{"date": "2026-11-01", "value": 300, "unit": "umol/L"}]""",
            """[{"date": "2026-11-01", "value": 300, "unit": "umol/L"}, {"date": "2026-11-08", "value": 210, "unit": "umol/L"}]""", StringComparison.Ordinal);
        var result = SnapshotReader.Read(json);
        var issue = Assert.Single(result.Issues);
        Assert.Equal((IssueCodes.DuplicateDate, IssueSeverity.Error), (issue.Code, issue.Severity));
        Assert.Contains("labs.bilirubin", issue.Message, StringComparison.Ordinal);
        Assert.Contains("series.bilirubin[1]", issue.Message, StringComparison.Ordinal);
        Assert.Equal([Day0], result.Snapshot!.Series.Bilirubin.Select(d => d.Date));
        Assert.Equal(200m, result.Snapshot.Labs.Bilirubin!.Value.MicromolesPerLiter);
        Assert.Equal(["series.bilirubin[day 7]"], Clinical.Scores.Lille.Evaluate(result.Snapshot).Missing);
    }

    [Fact]
    public void A_lab_without_a_series_is_SNP003_and_a_series_must_be_an_array()
    {
        var result = SnapshotReader.Read("""{"series": {"inr": [], "ggt": [], "albumin": {"date": "2026-11-01", "value": 25, "unit": "g/L"}}}""");
        Assert.Equal(
            [(IssueCodes.UnknownKey, IssueSeverity.Warning, "series.inr"), (IssueCodes.UnknownKey, IssueSeverity.Warning, "series.ggt"), (IssueCodes.WrongType, IssueSeverity.Error, "series.albumin")],
            result.Issues.Select(i => (i.Code, i.Severity, i.Path)));
    }

    [Fact]
    public void No_day7_value_names_it()
    {
        var result = SnapshotReader.Read(Lille.Replace("\"2026-11-08\"", "\"2026-11-09\"", StringComparison.Ordinal));
        Assert.Empty(result.Issues);
        Assert.Equal(["series.bilirubin[day 7]"], Clinical.Scores.Lille.Evaluate(result.Snapshot!).Missing);
    }

    [Fact]
    public void A_date_on_a_lab_without_a_series_is_read_and_checked()
    {
        var ok = SnapshotReader.Read("""{"labs": {"inr": {"value": 1.5, "date": "2026-11-01"}}}""");
        Assert.Empty(ok.Issues);
        Assert.Equal(1.5m, ok.Snapshot!.Labs.Inr!.Value.Ratio);
        var bad = SnapshotReader.Read("""{"labs": {"inr": {"value": 1.5, "date": "yesterday"}}}""");
        Assert.Equal((IssueCodes.InvalidDate, "labs.inr.date"), (bad.Issues.Single().Code, bad.Issues.Single().Path));
    }
}
