using System.Text;
using Hepatica.Clinical;
using Hepatica.Clinical.Scoring;
using Hepatica.Fhir.Bulk;

namespace Hepatica.Fhir.Tests;

/// <summary>
/// Hostile input never escapes the FHIR readers as an exception (issue 10): lone surrogate escapes in the Bundle reader,
/// its FHIR detection, both Bulk passes; a byte order mark; as-of instants and resource dates at the ends of the
/// calendar; lines cut where pass 1 used to stop reading.
/// </summary>
public sealed class ReaderCrashTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 11, 20, 23, 59, 59, TimeSpan.Zero);

    private static readonly string Fixture = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "immunosuppressed-rituximab.json"));

    public static TheoryData<string> BadEscapes()
    {
        var data = new TheoryData<string>();
        foreach (var escape in new[] { "\\ud800", "\\udc00", "\\ud800x", "\\ud800\\u0041" })
        {
            data.Add(Bundles.With("{\"resourceType\":\"Condition\",\"id\":\"c" + escape + "\",\"subject\":{\"reference\":\"Patient/p1\"}}"));
            data.Add(Bundles.With("{\"resourceType\":\"Observation\",\"id\":\"o1\",\"status\":\"final\",\"code\":{\"text\":\"" + escape + "\"}}"));
            data.Add("{\"resourceType\":\"Bundle\",\"" + escape + "\":1}");
            data.Add("{\"" + escape + "\":1,\"resourceType\":\"Bundle\"}");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BadEscapes))]
    public void Read_InvalidSurrogateEscape_IsMalformedJsonWithItsPosition(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);

        _ = FhirSnapshotReader.LooksLikeFhir(bytes); // never throws
        var result = FhirSnapshotReader.Read(bytes, AsOf);

        Assert.Null(result.Snapshot);
        var issue = Assert.Single(result.Issues);
        Assert.Equal(FhirIssueCodes.MalformedJson, issue.Code);
        Assert.Contains("surrogate", issue.Message, StringComparison.Ordinal);
        Assert.Contains("byte", issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"resourceType\":\"Observation\",\"id\":\"o1\",\"status\":\"final\",\"code\":{\"\":1}}")]
    [InlineData("{\"resourceType\":\"Patient\",\"id\":\"p2\",\"\":1}")]
    public void Read_EmptyPropertyName_IsACodedIssueNotTheSdksIndexOutOfRange(string resource)
    {
        // Found by the long fuzz run: Firely 6.8.0 throws IndexOutOfRangeException on an empty property name.
        var result = FhirSnapshotReader.Read(Bundles.With(resource), AsOf);
        var issues = new List<InputIssue>();

        Assert.Contains(result.Issues, i => i.Severity == IssueSeverity.Error);
        Assert.Null(BulkPatientReader.Parse(Encoding.UTF8.GetBytes(resource), issues));
        Assert.NotEmpty(issues);
    }

    [Fact]
    public void Read_Utf8ByteOrderMark_IsAcceptedAndDetectedAsFhir()
    {
        var bytes = (byte[])[0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Fixture)];

        Assert.True(FhirSnapshotReader.LooksLikeFhir(bytes));
        var result = FhirSnapshotReader.Read(bytes, AsOf);

        Assert.NotNull(result.Snapshot);
        Assert.DoesNotContain(result.Issues, i => i.Code is FhirIssueCodes.MalformedJson or FhirIssueCodes.InvalidFhir);
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("9999-12-30")]
    [InlineData("0001-01-01")]
    [InlineData("1899-12-31")]
    [InlineData("2201-01-01")]
    [InlineData("9999-12-31T23:59:59Z")]
    [InlineData("0001-01-01T00:00:00+14:00")]
    public void AsOfText_OutsideTheAcceptedRange_IsRefused(string text)
    {
        Assert.False(AsOfText.TryParse(text, TimeProvider.System, out _));
        Assert.Contains("1900-01-01 to 2200-12-31", AsOfText.Accepted, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1900-01-01")]
    [InlineData("2200-12-31")]
    public void AsOfText_AtTheEndsOfTheAcceptedRange_IsReadAndAssessed(string text)
    {
        Assert.True(AsOfText.TryParse(text, TimeProvider.System, out var asOf));
        var result = FhirSnapshotReader.Read(Fixture, asOf);

        _ = Assessment.Of(result.Snapshot!); // never throws
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(9999, 12, 31)]
    [InlineData(1899, 12, 31)]
    public void Read_AsOfOutsideTheAcceptedRange_IsACodedErrorNotAnException(int year, int month, int day)
    {
        var result = FhirSnapshotReader.Read(Fixture, new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero));

        Assert.Null(result.Snapshot);
        Assert.Contains(result.Issues, i => i.Code == FhirIssueCodes.AsOfOutOfRange && i.Message.Contains("1900-01-01 to 2200-12-31", StringComparison.Ordinal));
    }

    /// <summary>Every dated FHIR element the reader uses, at the ends of the calendar.</summary>
    public static TheoryData<string> ExtremeResourceDates()
    {
        var data = new TheoryData<string>();
        foreach (var date in new[] { "0001-01-01", "9999-12-31", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "9999-12-31T23:59:59-12:00", "0001-01-01T00:00:00+14:00" })
        {
            var day = date[..10];
            data.Add(Bundles.With(Bundles.Obs("o1", "1975-2", 2m, "mg/dL", date)));
            data.Add(Bundles.With(Bundles.Obs("o1", "2160-0", 1.2m, "mg/dL", date), "{\"resourceType\":\"Procedure\",\"id\":\"d1\",\"status\":\"completed\",\"subject\":{\"reference\":\"Patient/p1\"},\"code\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"265764009\"}]},\"performedDateTime\":\"" + date + "\"}"));
            data.Add(Bundles.With("{\"resourceType\":\"Immunization\",\"id\":\"i1\",\"status\":\"completed\",\"patient\":{\"reference\":\"Patient/p1\"},\"vaccineCode\":{\"coding\":[{\"system\":\"http://hl7.org/fhir/sid/cvx\",\"code\":\"43\"}]},\"occurrenceDateTime\":\"" + date + "\"}"));
            data.Add(Bundles.With("{\"resourceType\":\"MedicationStatement\",\"id\":\"m1\",\"status\":\"active\",\"subject\":{\"reference\":\"Patient/p1\"},\"medicationCodeableConcept\":{\"coding\":[{\"system\":\"http://www.whocc.no/atc\",\"code\":\"L01FA01\"}]},\"effectivePeriod\":{\"start\":\"" + date + "\"}}"));
            data.Add(Bundles.With("{\"resourceType\":\"MedicationStatement\",\"id\":\"m1\",\"status\":\"completed\",\"subject\":{\"reference\":\"Patient/p1\"},\"medicationCodeableConcept\":{\"coding\":[{\"system\":\"http://www.whocc.no/atc\",\"code\":\"L01FA01\"}]},\"effectivePeriod\":{\"start\":\"2000-01-01\",\"end\":\"" + date + "\"}}"));
            data.Add(Bundles.With("{\"resourceType\":\"Condition\",\"id\":\"c1\",\"subject\":{\"reference\":\"Patient/p1\"},\"code\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"19943007\"}]},\"onsetDateTime\":\"" + date + "\",\"recordedDate\":\"" + date + "\"}"));
            data.Add(Bundles.With().Replace("1970-01-01", day, StringComparison.Ordinal));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ExtremeResourceDates))]
    public void Read_ResourceDatesAtTheEndsOfTheCalendar_AreReadAndAssessedWithoutException(string json)
    {
        var result = FhirSnapshotReader.Read(json, AsOf);

        if (result.Snapshot is null)
        {
            Assert.Contains(result.Issues, i => i.Severity == IssueSeverity.Error); // the SDK refused the date: a coded issue
        }
        else
        {
            _ = Assessment.Of(result.Snapshot); // never throws
        }
    }

    [Fact]
    public void Read_BirthDateMakingTheAgeImpossible_IsNotUsed()
    {
        var result = FhirSnapshotReader.Read(Bundles.With().Replace("1970-01-01", "0001-01-01", StringComparison.Ordinal), AsOf);

        Assert.Null(result.Snapshot!.AgeYears);
        Assert.Contains(result.Issues, i => i.Code == FhirIssueCodes.BirthDateNotUsable && i.Message.Contains("130", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("1e40")]
    [InlineData("123456789012345678901234567890123456789")]
    public void Read_ValueQuantityBeyondAnyRange_IsACodedIssueThatSaysSo(string value)
    {
        var json = Bundles.With(Bundles.Obs("o1", "1975-2", 2m, "mg/dL", "2026-11-01").Replace("\"value\":2", "\"value\":" + value, StringComparison.Ordinal));

        var result = FhirSnapshotReader.Read(json, AsOf);

        Assert.Null(result.Snapshot?.Labs.Bilirubin);
        var issue = Assert.Single(result.Issues, i => i.Severity == IssueSeverity.Error);
        Assert.Contains("out of range", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ManyIssuesOfOneCode_AreCappedWithACount()
    {
        var observations = Enumerable.Range(0, 500).Select(i => Bundles.Obs("o" + i, "1975-2", 2m, "furlong", "2026-11-01")).ToArray();

        var result = FhirSnapshotReader.Read(Bundles.With(observations), AsOf);

        foreach (var group in result.Issues.GroupBy(i => i.Code))
        {
            Assert.True(group.Count() <= Hepatica.Json.JsonInput.MaxIssuesPerCode + 1, $"{group.Key}: {group.Count()}");
        }

        Assert.Contains(result.Issues, i => i.Message.Contains("more FHR010 issues left out", StringComparison.Ordinal));
    }

    public static TheoryData<string> BadLines()
    {
        var data = new TheoryData<string>();
        foreach (var escape in new[] { "\\ud800", "\\udc00", "\\ud800x" })
        {
            data.Add("{\"resourceType\":\"Patient\",\"id\":\"p" + escape + "\"}");
            data.Add("{\"resourceType\":\"Patient\",\"id\":\"p1\",\"name\":[{\"text\":\"" + escape + "\"}]}");
            data.Add("{\"resourceType\":\"Observation\",\"subject\":{\"reference\":\"Patient/" + escape + "\"},\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"1975-2\"}]}}");
            data.Add("{\"resourceType\":\"Observation\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"" + escape + "\"}]},\"subject\":{\"reference\":\"Patient/a\"}}");
            data.Add("{\"resourceType\":\"" + escape + "\",\"subject\":{\"reference\":\"Patient/a\"}}");
            data.Add("{\"" + escape + "\":1,\"resourceType\":\"Condition\",\"subject\":{\"reference\":\"Patient/a\"}}");
            data.Add("{\"resourceType\":\"Encounter\",\"subject\":{\"reference\":\"Patient/a\"},\"reasonCode\":[{\"text\":\"" + escape + "\"}]}");
            data.Add("{\"resourceType\":\"Observation\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"8867-4\"}]},\"subject\":{\"reference\":\"Patient/a\"},\"note\":[{\"text\":\"" + escape + "\"}]}");
        }

        // Cut inside the part pass 1 used to skip unread: every malformed line is an error record, read or not.
        data.Add("""{"resourceType":"Observation","code":{"coding":[{"system":"http://loinc.org","code":"8867-4"}]},"subject":{"reference":"Patient/a"},"valueQuantity":{"value":72,"un""");
        data.Add("""{"resourceType":"Encounter","subject":{"reference":"Patient/a"},"period":{"start":"2026-""");
        data.Add("""{"resourceType":"Claim","broken":""");
        data.Add("""{"resourceType":"Patient","id":"p1","gender":"male","birthDate":"19""");
        data.Add("""{"resourceType":"Condition","subject":{"reference":"Patient/a"},"code":{"text":"x"}} trailing""");
        data.Add("""{"resourceType":"Encounter","subject":{"reference":"Patient/a"}}}""");
        return data;
    }

    [Theory]
    [MemberData(nameof(BadLines))]
    public void Scan_MalformedLineWhereverItBreaks_IsMalformed(string line)
    {
        var scanner = new BulkLineScanner();

        Assert.Equal(BulkLineKind.Malformed, scanner.Scan(Encoding.UTF8.GetBytes(line)));
        Assert.StartsWith("Malformed JSON", scanner.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_ByteOrderMarkOnTheFirstLine_IsSkipped()
    {
        var scanner = new BulkLineScanner();

        Assert.Equal(BulkLineKind.Used, scanner.Scan([0xEF, 0xBB, 0xBF, .. """{"resourceType":"Patient","id":"p1"}"""u8]));
        Assert.Equal("p1", Encoding.UTF8.GetString(scanner.PatientId));
    }

    [Theory]
    [MemberData(nameof(BadLines))]
    public void ParseFilterAndParse_MalformedLine_KeepItAndGiveACodedIssue(string line)
    {
        var bytes = Encoding.UTF8.GetBytes(line);

        var keep = ParseFilter.Select([bytes], AsOf, out _);
        var issues = new List<InputIssue>();
        var resource = BulkPatientReader.Parse(bytes, issues);

        Assert.True(keep[0] || resource is null);
        if (resource is null)
        {
            Assert.NotEmpty(issues);
            Assert.All(issues, i => Assert.Equal(IssueSeverity.Error, i.Severity));
        }
    }

    [Fact]
    public void Parse_LoneSurrogate_IsMalformedLine()
    {
        var issues = new List<InputIssue>();

        Assert.Null(BulkPatientReader.Parse("""{"resourceType":"Patient","id":"p1","name":[{"text":"\ud800"}]}"""u8, issues));
        var issue = Assert.Single(issues);
        Assert.Equal(BulkIssueCodes.MalformedLine, issue.Code);
        Assert.Contains("surrogate", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ByteOrderMark_IsSkipped()
    {
        var issues = new List<InputIssue>();

        Assert.NotNull(BulkPatientReader.Parse([0xEF, 0xBB, 0xBF, .. """{"resourceType":"Patient","id":"p1"}"""u8], issues));
        Assert.Empty(issues);
    }
}
