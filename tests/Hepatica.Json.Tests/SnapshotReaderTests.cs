using Hepatica.Clinical.Findings;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Json.Tests;

/// <summary>The input contract of docs/snapshot.md: every issue code, its path, and what is kept or dropped.</summary>
public sealed class SnapshotReaderTests
{
    private static SnapshotReadResult Read(string json) => SnapshotReader.Read(json);

    private static string Lab(string lab, string value, string unit) =>
        "{\"labs\": {\"" + lab + "\": {\"value\": " + value + ", \"unit\": \"" + unit + "\"}}}";

    private static InputIssue Single(SnapshotReadResult result, string code)
    {
        var matching = result.Issues.Where(i => i.Code == code).ToList();
        Assert.True(matching.Count == 1, $"expected one {code}, got: {string.Join(" | ", result.Issues)}");
        return matching[0];
    }

    [Fact]
    public void The_bundled_sample_reads_cleanly_with_every_value_in_canonical_units()
    {
        var json = File.ReadAllText(Path.Combine(RepoRoot.Path, "samples", "demo-001.json"));
        var result = Read(json);

        Assert.Empty(result.Issues);
        var s = result.Snapshot!;
        Assert.Equal("demo-001", s.Id);
        Assert.Equal(Sex.Female, s.Sex);
        Assert.Equal(54m, s.AgeYears);
        Assert.Equal(2.1m, s.Labs.Bilirubin!.Value.MilligramsPerDeciliter);
        // 150 µmol/L / 88.4 (µmol/L per mg/dL) = 1.696833 mg/dL
        Assert.Equal(1.6968m, decimal.Round(s.Labs.Creatinine!.Value.MilligramsPerDeciliter, 4, MidpointRounding.AwayFromZero));
        Assert.Equal(150m, s.Labs.Creatinine!.Value.MicromolesPerLiter);
        Assert.Equal(1.8m, s.Labs.Inr!.Value.Ratio);
        Assert.Equal(131m, s.Labs.Sodium!.Value.MillimolesPerLiter);
        Assert.Equal(2.8m, s.Labs.Albumin!.Value.GramsPerDeciliter);
        Assert.Equal(95m, s.Labs.Platelets!.Value.BillionsPerLiter);
        Assert.Equal(88m, s.Labs.Ast!.Value.UnitsPerLiter);
        Assert.Equal(40m, s.Labs.AstUpperLimit!.Value.UnitsPerLiter);
        Assert.Equal(Ascites.None, s.Findings.Ascites);
        Assert.False(s.Findings.DialysisTwiceInPastWeek);
        Assert.False(s.Findings.CholestaticLiverDisease);
    }

    [Fact]
    public void An_empty_document_is_SNP005_and_gives_no_snapshot()
    {
        foreach (var text in new[] { "", "   ", "\n\t" })
        {
            var result = Read(text);
            Assert.Null(result.Snapshot);
            Assert.Equal(IssueCodes.EmptyInput, Assert.Single(result.Issues).Code);
        }
    }

    [Theory]
    [InlineData("{\"id\": \"a\",")]
    [InlineData("{\"id\": }")]
    [InlineData("{'id': 'a'}")]
    [InlineData("{\"id\": \"a\"} {\"id\": \"b\"}")]
    [InlineData("{\"labs\": {\"inr\": {\"value\": 1.2} // comment\n}}")]
    public void Malformed_json_is_SNP001_with_a_position_and_gives_no_snapshot(string json)
    {
        var result = Read(json);
        Assert.Null(result.Snapshot);
        var issue = Assert.Single(result.Issues);
        Assert.Equal(IssueCodes.MalformedJson, issue.Code);
        Assert.Equal(IssueSeverity.Error, issue.Severity);
        Assert.Contains("byte", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_that_are_not_UTF8_are_SNP001_at_the_first_bad_byte_not_an_exception()
    {
        // A lone 0xBA inside a key: the reader would throw InvalidOperationException when decoding it.
        byte[] json = [.. "{\"id\": \"a\", \"x"u8, 0xBA, .. "y\": 1}"u8];

        var result = SnapshotReader.Read(json);

        Assert.Null(result.Snapshot);
        var issue = Assert.Single(result.Issues);
        Assert.Equal(IssueCodes.MalformedJson, issue.Code);
        Assert.Contains("byte 15", issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("\"snapshot\"")]
    [InlineData("null")]
    public void A_top_level_value_that_is_not_an_object_is_SNP002(string json)
    {
        var result = Read(json);
        Assert.Null(result.Snapshot);
        Assert.Equal(IssueCodes.WrongType, Assert.Single(result.Issues).Code);
    }

    [Fact]
    public void Labs_that_are_not_an_object_are_SNP002_and_the_rest_is_still_read()
    {
        var result = Read("""{"id": "x", "labs": [1, 2], "ageYears": 40}""");
        Assert.Equal("labs", Single(result, IssueCodes.WrongType).Path);
        Assert.Equal(40m, result.Snapshot!.AgeYears);
        Assert.Null(result.Snapshot.Labs.Bilirubin);
    }

    [Fact]
    public void A_lab_without_a_unit_is_LAB001_but_INR_needs_none()
    {
        var result = Read("""{"labs": {"bilirubin": {"value": 2.1}, "inr": {"value": 1.4}}}""");
        var issue = Single(result, IssueCodes.MissingUnit);
        Assert.Equal(IssueSeverity.Error, issue.Severity);
        Assert.StartsWith("labs.bilirubin", issue.Path, StringComparison.Ordinal);
        Assert.Null(result.Snapshot!.Labs.Bilirubin);
        Assert.Equal(1.4m, result.Snapshot.Labs.Inr!.Value.Ratio);
    }

    [Fact]
    public void An_unknown_unit_is_LAB002_and_the_message_names_the_accepted_units()
    {
        var result = Read("""{"labs": {"albumin": {"value": 3.1, "unit": "mg/dL"}}}""");
        var issue = Single(result, IssueCodes.UnknownUnit);
        Assert.Equal("labs.albumin.unit", issue.Path);
        Assert.Contains("g/dL", issue.Message, StringComparison.Ordinal);
        Assert.Contains("g/L", issue.Message, StringComparison.Ordinal);
        Assert.Null(result.Snapshot!.Labs.Albumin);
    }

    [Theory]
    [InlineData("\"2.1\"")]
    [InlineData("true")]
    [InlineData("null")]
    [InlineData("{}")]
    public void A_value_that_is_not_a_json_number_is_LAB003(string value)
    {
        var result = Read(Lab("bilirubin", value, "mg/dL"));
        Assert.Equal(IssueCodes.NotANumber, Single(result, IssueCodes.NotANumber).Code);
        Assert.Null(result.Snapshot!.Labs.Bilirubin);
    }

    [Theory]
    [InlineData("bilirubin", "0", "mg/dL")]
    [InlineData("bilirubin", "-1", "mg/dL")]
    [InlineData("bilirubin", "171", "mg/dL")] // µmol/L entered as mg/dL
    [InlineData("creatinine", "150", "mg/dL")]
    [InlineData("albumin", "35", "g/dL")]     // g/L entered as g/dL
    [InlineData("sodium", "80", "mmol/L")]
    [InlineData("sodium", "201", "mmol/L")]
    [InlineData("inr", "0", "1")]
    [InlineData("inr", "31", "1")]
    [InlineData("platelets", "150000", "10*9/L")] // per µL entered as 10^9/L
    public void An_impossible_value_is_LAB004_and_is_not_used(string lab, string value, string unit)
    {
        var result = Read(Lab(lab, value, unit));
        var issue = Single(result, IssueCodes.ImpossibleValue);
        Assert.Equal(IssueSeverity.Error, issue.Severity);
        Assert.StartsWith($"labs.{lab}", issue.Path, StringComparison.Ordinal);
        var labs = result.Snapshot!.Labs;
        Assert.True(labs.Bilirubin is null && labs.Creatinine is null && labs.Albumin is null && labs.Sodium is null && labs.Inr is null && labs.Platelets is null);
    }

    [Theory]
    [InlineData("bilirubin", "60", "mg/dL")]
    [InlineData("creatinine", "0.1", "mg/dL")]
    [InlineData("sodium", "110", "mmol/L")]
    [InlineData("inr", "12", "1")]
    [InlineData("platelets", "5", "10*9/L")]
    public void An_unusual_but_possible_value_is_a_LAB005_warning_and_is_used(string lab, string value, string unit)
    {
        var result = Read(Lab(lab, value, unit));
        var issue = Single(result, IssueCodes.UnusualValue);
        Assert.Equal(IssueSeverity.Warning, issue.Severity);
        Assert.DoesNotContain(result.Issues, i => i.Severity == IssueSeverity.Error);
        var labs = result.Snapshot!.Labs;
        Assert.True(labs.Bilirubin is not null || labs.Creatinine is not null || labs.Sodium is not null || labs.Inr is not null || labs.Platelets is not null);
    }

    [Fact]
    public void A_lab_object_without_a_value_is_LAB006()
    {
        var result = Read("""{"labs": {"sodium": {"unit": "mmol/L"}}}""");
        Assert.Equal("labs.sodium.value", Single(result, IssueCodes.MissingValue).Path);
        Assert.Null(result.Snapshot!.Labs.Sodium);
    }

    [Fact]
    public void Unknown_keys_are_SNP003_warnings_that_list_the_known_keys_and_are_skipped_whole()
    {
        var result = Read("""{"id": "u", "weight": {"value": 70, "nested": [1, {"a": 2}]}, "labs": {"ggt": {"value": 40, "unit": "U/L"}, "inr": {"value": 1.1}}, "findings": {"varices": true}}""");
        var unknown = result.Issues.Where(i => i.Code == IssueCodes.UnknownKey).ToList();
        Assert.Equal(3, unknown.Count);
        Assert.All(unknown, i => Assert.Equal(IssueSeverity.Warning, i.Severity));
        Assert.Contains(unknown, i => i.Path == "weight" && i.Message.Contains("ageYears", StringComparison.Ordinal));
        Assert.Contains(unknown, i => i.Path == "labs.ggt" && i.Message.Contains("bilirubin", StringComparison.Ordinal));
        Assert.Contains(unknown, i => i.Path == "findings.varices" && i.Message.Contains("ascites", StringComparison.Ordinal));
        Assert.Equal(1.1m, result.Snapshot!.Labs.Inr!.Value.Ratio);
    }

    [Fact]
    public void Keys_are_case_sensitive()
    {
        var result = Read("""{"Bilirubin": 1, "labs": {"Bilirubin": {"value": 2, "unit": "mg/dL"}}}""");
        Assert.Equal(2, result.Issues.Count(i => i.Code == IssueCodes.UnknownKey));
        Assert.Null(result.Snapshot!.Labs.Bilirubin);
    }

    [Theory]
    [InlineData("\"ascites\": \"severe\"", "findings.ascites")]
    [InlineData("\"encephalopathyGrade\": 5", "findings.encephalopathyGrade")]
    [InlineData("\"encephalopathyGrade\": 1.5", "findings.encephalopathyGrade")]
    [InlineData("\"encephalopathyGrade\": -1", "findings.encephalopathyGrade")]
    public void A_finding_outside_its_enumeration_or_range_is_SNP004(string finding, string path)
    {
        var result = Read("{\"findings\": {" + finding + "}}");
        Assert.Equal(path, Single(result, IssueCodes.InvalidValue).Path);
    }

    [Fact]
    public void A_sex_outside_its_enumeration_is_SNP004()
    {
        var result = Read("""{"sex": "F"}""");
        Assert.Equal("sex", Single(result, IssueCodes.InvalidValue).Path);
        Assert.Null(result.Snapshot!.Sex);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("131")]
    public void An_impossible_age_is_LAB004_on_ageYears(string age)
    {
        var result = Read("{\"ageYears\": " + age + "}");
        Assert.Equal("ageYears", Single(result, IssueCodes.ImpossibleValue).Path);
        Assert.Null(result.Snapshot!.AgeYears);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("130")]
    [InlineData("54.5")]
    public void Ages_from_0_to_130_are_accepted(string age)
    {
        var result = Read("{\"ageYears\": " + age + "}");
        Assert.Empty(result.Issues);
        Assert.Equal(decimal.Parse(age, System.Globalization.CultureInfo.InvariantCulture), result.Snapshot!.AgeYears);
    }

    [Fact]
    public void A_boolean_finding_given_as_a_string_is_SNP002()
    {
        var result = Read("""{"findings": {"dialysisTwiceInPastWeek": "yes"}}""");
        Assert.Equal("findings.dialysisTwiceInPastWeek", Single(result, IssueCodes.WrongType).Path);
        Assert.Null(result.Snapshot!.Findings.DialysisTwiceInPastWeek);
    }

    [Fact]
    public void A_key_given_twice_is_SNP007_and_the_first_value_is_used()
    {
        var result = Read("""{"labs": {"bilirubin": {"value": 2.1, "unit": "mg/dL"}, "bilirubin": {"value": 9, "unit": "mg/dL"}}, "ageYears": 40, "ageYears": 80}""");
        var duplicates = result.Issues.Where(i => i.Code == IssueCodes.DuplicateKey).ToList();
        Assert.Equal(2, duplicates.Count);
        Assert.All(duplicates, i => Assert.Equal(IssueSeverity.Error, i.Severity));
        Assert.Contains(duplicates, i => i.Path == "labs.bilirubin");
        Assert.Contains(duplicates, i => i.Path == "ageYears");
        Assert.Equal(2.1m, result.Snapshot!.Labs.Bilirubin!.Value.MilligramsPerDeciliter);
        Assert.Equal(40m, result.Snapshot.AgeYears);
    }

    [Fact]
    public void Every_problem_is_reported_not_only_the_first_in_document_order()
    {
        var result = Read("""
            {"sex": "x", "labs": {"bilirubin": {"value": 2.1}, "creatinine": {"value": 1, "unit": "mmol/L"}, "albumin": {"value": "3"}, "inr": {"value": 0}},
             "findings": {"ascites": "lots"}}
            """);
        Assert.Equal(
            [IssueCodes.InvalidValue, IssueCodes.MissingUnit, IssueCodes.UnknownUnit, IssueCodes.NotANumber, IssueCodes.ImpossibleValue, IssueCodes.InvalidValue],
            result.Issues.Select(i => i.Code).ToArray());
        Assert.NotNull(result.Snapshot);
    }

    [Theory]
    [InlineData("umol/L")]
    [InlineData("µmol/L")]
    [InlineData("μmol/L")]
    [InlineData("UMOL/L")]
    [InlineData(" umol / L ")]
    [InlineData("micromol/L")]
    public void Unit_spellings_are_matched_ignoring_case_spaces_and_the_micro_sign(string unit)
    {
        var result = Read(Lab("bilirubin", "34.2", unit));
        Assert.Empty(result.Issues);
        // 34.2 µmol/L / 17.1 = 2.0 mg/dL (Bilirubin.MicromolesPerLiterPerMilligramPerDeciliter).
        Assert.Equal(2.0m, result.Snapshot!.Labs.Bilirubin!.Value.MilligramsPerDeciliter);
    }

    [Theory]
    [InlineData("10*9/L", "150", 150)]
    [InlineData("10^9/L", "150", 150)]
    [InlineData("x10^9/L", "150", 150)]
    [InlineData("/nL", "150", 150)]
    [InlineData("10*3/uL", "150", 150)]
    [InlineData("K/uL", "150", 150)]
    [InlineData("/uL", "150000", 150)]
    public void Platelet_units_all_land_on_10_9_per_litre(string unit, string value, int expected)
    {
        var result = Read(Lab("platelets", value, unit));
        Assert.Empty(result.Issues);
        Assert.Equal(expected, result.Snapshot!.Labs.Platelets!.Value.BillionsPerLiter);
    }

    [Theory]
    [InlineData("U/L")]
    [InlineData("IU/L")]
    [InlineData("[IU]/L")] // the UCUM spelling FHIR laboratories send
    public void Enzyme_units_accept_the_ucum_international_unit(string unit)
    {
        var result = Read(Lab("ast", "88", unit));
        Assert.Empty(result.Issues);
        Assert.Equal(88m, result.Snapshot!.Labs.Ast!.Value.UnitsPerLiter);
    }

    [Fact]
    public void A_numeric_id_is_kept_as_its_text()
    {
        Assert.Equal("00123", Read("""{"id": "00123"}""").Snapshot!.Id);
        Assert.Equal("123", Read("""{"id": 123}""").Snapshot!.Id);
    }

    [Fact]
    public void Unicode_escapes_in_keys_still_match()
    {
        var result = Read("""{"\u0069d": "esc", "labs": {"in\u0072": {"value": 1.3}}}""");
        Assert.Empty(result.Issues);
        Assert.Equal("esc", result.Snapshot!.Id);
        Assert.Equal(1.3m, result.Snapshot.Labs.Inr!.Value.Ratio);
    }

    [Fact]
    public void The_reader_never_throws_on_truncations_of_a_valid_document()
    {
        var json = File.ReadAllText(Path.Combine(RepoRoot.Path, "samples", "demo-001.json")).TrimEnd();
        for (var n = 0; n < json.Length; n++)
        {
            var result = Read(json[..n]);
            Assert.Null(result.Snapshot);
            Assert.Single(result.Issues);
        }
    }
}
