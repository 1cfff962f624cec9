using System.Globalization;
using System.Text;
using System.Text.Json;
using Hepatica.Clinical;
using Hepatica.Clinical.Scoring;
using Hepatica.Clinical.Serology;

namespace Hepatica.Json.Tests;

/// <summary>The <c>serology</c> object of the snapshot: every key, units, dates, and every way it can be wrong.</summary>
public sealed class SerologyReaderTests
{
    private static SnapshotReadResult Read(string serology) => SnapshotReader.Read("{\"serology\": " + serology + "}");

    private static SnapshotReadResult Test(string key, string body) => Read("{\"" + key + "\": " + body + "}");

    [Theory]
    [InlineData("hbsag")]
    [InlineData("antiHbcTotal")]
    [InlineData("antiHbcIgm")]
    [InlineData("antiHbs")]
    [InlineData("hbeag")]
    [InlineData("antiHbe")]
    [InlineData("hbvDna")]
    [InlineData("antiHcv")]
    [InlineData("hcvRna")]
    [InlineData("antiHavTotal")]
    [InlineData("antiHavIgm")]
    [InlineData("antiHdv")]
    [InlineData("hdvRna")]
    [InlineData("antiHevIgm")]
    [InlineData("antiHevIgg")]
    [InlineData("hevRna")]
    public void Each_key_reads_a_result_and_a_date(string key)
    {
        var result = Test(key, "{\"result\": \"positive\", \"date\": \"2026-11-02\"}");
        Assert.Empty(result.Issues);
        var p = result.Snapshot!.Serology;
        var test = key switch
        {
            "hbsag" => p.HbsAg, "antiHbcTotal" => p.AntiHbcTotal, "antiHbcIgm" => p.AntiHbcIgm, "antiHbs" => p.AntiHbs,
            "hbeag" => p.HbeAg, "antiHbe" => p.AntiHbe, "hbvDna" => p.HbvDna, "antiHcv" => p.AntiHcv, "hcvRna" => p.HcvRna,
            "antiHavTotal" => p.AntiHavTotal, "antiHavIgm" => p.AntiHavIgm, "antiHdv" => p.AntiHdv, "hdvRna" => p.HdvRna,
            "antiHevIgm" => p.AntiHevIgm, "antiHevIgg" => p.AntiHevIgg, _ => p.HevRna,
        };
        Assert.NotNull(test);
        Assert.Equal(QualitativeResult.Positive, test.Result);
        Assert.Equal(new DateOnly(2026, 11, 2), test.Date);
    }

    [Theory]
    [InlineData("negative", QualitativeResult.Negative)]
    [InlineData("indeterminate", QualitativeResult.Indeterminate)]
    public void Results_read_case_sensitive_words(string word, QualitativeResult expected) =>
        Assert.Equal(expected, Test("hbsag", "{\"result\": \"" + word + "\"}").Snapshot!.Serology.HbsAg!.Result);

    [Theory]
    [InlineData("antiHbs", "120", "mIU/mL", "120", QualitativeResult.Positive)]
    [InlineData("antiHbs", "9.9", "IU/L", "9.9", QualitativeResult.Negative)]
    [InlineData("hbvDna", "25000", "IU/mL", "25000", QualitativeResult.Positive)]
    [InlineData("hbvDna", "4.3", "log IU/mL", "19953", QualitativeResult.Positive)]
    [InlineData("hbvDna", "0", "IU/mL", "0", QualitativeResult.Negative)]
    [InlineData("hcvRna", "6.1", "log10 IU/mL", "1258925", QualitativeResult.Positive)]
    [InlineData("hdvRna", "1500", "[IU]/mL", "1500", QualitativeResult.Positive)]
    [InlineData("hevRna", "800", "IU/mL", "800", QualitativeResult.Positive)]
    public void Quantitative_keys_read_into_their_canonical_unit(string key, string value, string unit, string canonical, QualitativeResult expected)
    {
        var result = Test(key, "{\"value\": " + value + ", \"unit\": \"" + unit + "\"}");
        Assert.Empty(result.Issues);
        var p = result.Snapshot!.Serology;
        var test = key switch { "antiHbs" => p.AntiHbs, "hbvDna" => p.HbvDna, "hcvRna" => p.HcvRna, "hdvRna" => p.HdvRna, _ => p.HevRna };
        Assert.Equal(decimal.Parse(canonical, CultureInfo.InvariantCulture), test!.Value);
        Assert.Equal(decimal.Parse(value, CultureInfo.InvariantCulture), test.ReportedValue);
        Assert.Equal(unit, test.ReportedUnit);
        Assert.Equal(expected, test.Result);
    }

    [Theory]
    [InlineData("hbvDna", "{\"value\": 5000, \"unit\": \"copies/mL\"}", IssueCodes.UnknownUnit, "serology.hbvDna.unit")]
    [InlineData("hbvDna", "{\"value\": 5000}", IssueCodes.MissingUnit, "serology.hbvDna.unit")]
    [InlineData("antiHbs", "{\"value\": 50, \"unit\": \"IU/mL\"}", IssueCodes.UnknownUnit, "serology.antiHbs.unit")]
    [InlineData("hbvDna", "{\"value\": -3, \"unit\": \"IU/mL\"}", IssueCodes.ImpossibleValue, "serology.hbvDna.value")]
    [InlineData("hbvDna", "{\"value\": \"high\", \"unit\": \"IU/mL\"}", IssueCodes.NotANumber, "serology.hbvDna.value")]
    [InlineData("hbsag", "{\"result\": \"Positive\"}", IssueCodes.InvalidValue, "serology.hbsag.result")]
    [InlineData("hbsag", "{\"result\": true}", IssueCodes.WrongType, "serology.hbsag.result")]
    [InlineData("hbsag", "\"positive\"", IssueCodes.WrongType, "serology.hbsag")]
    [InlineData("hbsag", "{\"value\": 1, \"unit\": \"IU/mL\"}", IssueCodes.SerologyShape, "serology.hbsag.value")]
    [InlineData("hbsag", "{\"date\": \"2026-11-02\"}", IssueCodes.SerologyShape, "serology.hbsag")]
    [InlineData("hbsag", "{\"result\": \"positive\", \"date\": \"02/11/2026\"}", IssueCodes.InvalidDate, "serology.hbsag.date")]
    public void Bad_inputs_are_coded_issues(string key, string body, string code, string path)
    {
        var result = Test(key, body);
        Assert.Contains(result.Issues, i => i.Code == code && i.Path == path);
    }

    [Fact]
    public void Unusable_tests_are_left_out()
    {
        var p = Read("{\"hbvDna\": {\"value\": 5000, \"unit\": \"copies/mL\"}, \"hbsag\": {\"result\": \"maybe\"}}").Snapshot!.Serology;
        Assert.Null(p.HbvDna);
        Assert.Null(p.HbsAg);
    }

    [Fact]
    public void Copies_message_names_the_accepted_units()
    {
        var issue = Assert.Single(Test("hbvDna", "{\"value\": 5000, \"unit\": \"copies/mL\"}").Issues);
        Assert.Contains("IU/mL", issue.Message, StringComparison.Ordinal);
        Assert.Contains("log IU/mL", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_result_that_contradicts_its_value_is_ser001_and_the_value_wins()
    {
        var result = Test("antiHbs", "{\"result\": \"negative\", \"value\": 120, \"unit\": \"mIU/mL\"}");
        var issue = Assert.Single(result.Issues);
        Assert.Equal(IssueCodes.ResultContradictsValue, issue.Code);
        Assert.Equal(IssueSeverity.Warning, issue.Severity);
        Assert.Equal(QualitativeResult.Positive, result.Snapshot!.Serology.AntiHbs!.Result);
    }

    [Fact]
    public void Unknown_and_repeated_keys_are_reported()
    {
        var result = Read("{\"hbsAg\": {\"result\": \"positive\"}, \"antiHcv\": {\"result\": \"negative\"}, \"antiHcv\": {\"result\": \"positive\"}}");
        Assert.Contains(result.Issues, i => i.Code == IssueCodes.UnknownKey && i.Path == "serology.hbsAg");
        Assert.Contains(result.Issues, i => i.Code == IssueCodes.DuplicateKey && i.Path == "serology.antiHcv");
        Assert.Equal(QualitativeResult.Negative, result.Snapshot!.Serology.AntiHcv!.Result);
    }

    [Fact]
    public void No_serology_is_an_empty_panel()
    {
        var snapshot = SnapshotReader.Read("{\"id\": \"x\"}").Snapshot!;
        Assert.True(snapshot.Serology.IsEmpty);
        Assert.Same(SerologyPanel.Empty, new PatientSnapshot().Serology);
    }

    [Fact]
    public void Serology_must_be_an_object() =>
        Assert.Contains(Read("[]").Issues, i => i.Code == IssueCodes.WrongType && i.Path == "serology");

    [Theory]
    [InlineData(Detail.Compact, false)]
    [InlineData(Detail.Full, true)]
    public void The_writer_emits_the_serology_section(Detail detail, bool patientText)
    {
        var snapshot = Read("{\"hbsag\": {\"result\": \"negative\"}, \"antiHbcTotal\": {\"result\": \"negative\"}, \"antiHbs\": {\"value\": 45, \"unit\": \"mIU/mL\"}}").Snapshot!;
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            AssessmentWriter.Write(w, Assessment.Of(snapshot), detail, AsOf.For(snapshot, AssessmentWriterTests.RunTime));
        }

        using var doc = JsonDocument.Parse(Encoding.UTF8.GetString(buffer.WrittenSpan));
        var first = doc.RootElement.GetProperty("serology").GetProperty("interpretations")[0];
        Assert.Equal("hepatitis-b", first.GetProperty("topic").GetString());
        Assert.Equal("hbv-immune-vaccination", first.GetProperty("category").GetString());
        Assert.Equal(patientText, first.TryGetProperty("patient", out _));
        Assert.Equal(3, first.GetProperty("inputs").GetArrayLength());
        Assert.Equal(0, first.GetProperty("nextTests").GetArrayLength());
        var citation = first.GetProperty("citations")[0];
        Assert.Equal(detail == Detail.Full ? JsonValueKind.Object : JsonValueKind.String, citation.ValueKind);
    }
}
