using System.Text;
using FsCheck.Fluent;
using Hepatica.Fhir.Bulk;

namespace Hepatica.Fhir.Tests;

/// <summary>
/// Pass 1 works out what the filter decides on (<see cref="LineFacts"/>) while it scans a line: wherever the scanner
/// says it knows them, they must be exactly what <see cref="ParseFilter"/> finds reading the line itself.
/// </summary>
public sealed partial class ParseFilterTests
{
    private static readonly string[] TypesRead = ["Patient", "Observation", "Condition", "Procedure", "Immunization", "MedicationStatement", "MedicationRequest"];

    private static readonly List<byte[]> DataLines = [.. TypesRead.SelectMany(FastObservationParserTests.Lines)];

    [Fact]
    public void Facts_EveryResourceInTheData_KnownAndTheSameAsReadingTheLine()
    {
        var used = 0;
        var known = 0;
        foreach (var line in DataLines)
        {
            if (FactsAgree(line) is { } isKnown)
            {
                used++;
                known += isKnown ? 1 : 0;
            }
        }

        Assert.True(used >= 500, $"{used} used lines in the data");
        Assert.True(known >= used * 99 / 100, $"pass 1 knew the facts of {known} of {used} used lines");
    }

    [Fact]
    public void Facts_MutatedLines_TheSameAsReadingTheLineWheneverKnown() =>
        Fuzz.Check(6_000, Gen.OneOf(JsonMutations.Mutated(DataLines.Where((_, i) => i % 5 == 0).ToList()), JsonMutations.FromKeys(FuzzKeys)), line => FactsAgree(line));

    [Theory]
    [InlineData("""{"resourceType":"Observation","id":"o1","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"1975-2"}]},"subject":{"reference":"Patient/p"},"effectiveDateTime":"2026-11-01T08:00:00Z"}""")]
    [InlineData("""{"resourceType":"Observation","resourceType":"Condition","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"1975-2"}]},"subject":{"reference":"Patient/p"}}""")]
    [InlineData("""{"resourceType":"Condition","subject":{"reference":"Patient/p"},"resourceType":"Observation","code":{"coding":[{"system":"http://loinc.org","code":"1975-2"}]}}""")]
    [InlineData("""{"resourceType":"Immunization","id":{"status":"completed"},"patient":{"reference":"Patient/p"}}""")]
    [InlineData("""{"resourceType":"Immunization","patient":{"reference":"Patient/p"},"id":{"status":"completed"},"vaccineCode":{"coding":[{"system":"http://hl7.org/fhir/sid/cvx","code":"62"}]}}""")]
    [InlineData("""{"resourceType":"Immunization","patient":{"reference":"Patient/p"},"status":{"a":"completed"},"vaccineCode":{"coding":[{"system":"http://hl7.org/fhir/sid/cvx","code":"62"}]}}""")]
    [InlineData("""{"resourceType":"Immunization","patient":{"reference":"Patient/p"},"status":"completed","vaccineCode":"62","id":"late"}""")]
    [InlineData("""{"resourceType":"Immunization","patient":{"reference":"Patient/p"},"status":"completed","vaccineCode":{"coding":["62",{"system":"http://hl7.org/fhir/sid/cvx","code":"62"}]},"id":"i"}""")]
    [InlineData("""{"resourceType":"Condition","code":"x","subject":{"reference":"Patient/p"},"id":"c"}""")]
    [InlineData("""{"resourceType":"Condition","subject":{"reference":"Patient/p"},"code":{"coding":[{"system":{"a":1},"code":"19943007"}]},"id":"c"}""")]
    [InlineData("""{"resourceType":"Condition","subject":{"reference":{"a":"Patient/p"}},"id":"c","code":{"coding":[]}}""")]
    [InlineData("""{"resourceType":"Condition","subject":{"reference":"Patient/p"},"id":"c\u0031","code":{"coding":[]}}""")]
    [InlineData("""{"resourceType":"Condition","subject":{"reference":"Patient/p"},"\u0069d":"c1","code":{"coding":[]}}""")]
    [InlineData("""{"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"1975-2"}]},"subject":{"reference":"Patient/p"},"\u0065ffectivePeriod":{"start":"2026-11-01"},"effectiveDateTime":"2026-11-01T08:00:00Z"}""")]
    [InlineData("""{"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"1975-2"}]},"subject":{"reference":"Patient/p"},"_effectiveDateTime":{"id":"x"},"effectiveDateTime":"2026-11-01T08:00:00+02:00"}""")]
    [InlineData("""{"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"1975-2"}]},"subject":{"reference":"Patient/p"},"effectiveDateTime":{"x":"2026-11-01T08:00:00Z"},"id":"o"}""")]
    [InlineData("""{"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"1975-2"}]},"subject":{"reference":"Patient/p"},"effectiveDateTime":"2026-11-01T08:00:00Z","status":"preliminary"}""")]
    [InlineData("""{"resourceType":"Patient","id":"p","id":"q","gender":"female"}""")]
    [InlineData("""{"resourceType":"Patient","id":"p","resourceType":"Observation","code":{"coding":[{"system":"http://loinc.org","code":"1975-2"}]}}""")]
    [InlineData("""{"resourceType":"Procedure","subject":{"reference":"Patient/p"},"resourceType":5,"id":"x"}""")]
    [InlineData("""{"resourceType":"Procedure","subject":{"reference":"Patient/p"},"resourceType":{"id":"y"},"id":"x"}""")]
    [InlineData("\uFEFF{\"resourceType\":\"Condition\",\"id\":\"c\",\"subject\":{\"reference\":\"Patient/p\"}}")]
    public void Facts_EdgeCases_TheSameAsReadingTheLineWheneverKnown(string json) => FactsAgree(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Select_WithPassOneFacts_TheSameAsReadingEveryLine()
    {
        var lines = new[]
        {
            Obs("final", "1975-2", "2026-11-01T08:00:00Z"),
            Obs("final", "1975-2", "2026-11-19T08:00:00-05:00"),
            Obs("final", "14631-6", "2026-11-19T13:00:00Z"),
            Obs("final", "1975-2", "2026-11-25T08:00:00Z"),
            Obs("preliminary", "1975-2", "2026-10-01T08:00:00Z"),
            Obs("final", "1975-2", "2026-10-01"),
            Condition("59621000"),
            Condition("444814009"),
            Immunization("completed", "62"),
            Immunization("completed", "43"),
            """{"resourceType":"Patient","id":"p"}""",
        }.Select(l => (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(l)).ToList();
        var scanner = new BulkLineScanner();
        var facts = lines.Select(l => scanner.Scan(l.Span) == BulkLineKind.Used ? scanner.Facts : default).ToList();

        var keep = ParseFilter.Select(lines, facts, AsOf, out var types);

        Assert.All(facts, f => Assert.True(f.IsKnown));
        Assert.Equal(ParseFilter.Select(lines, AsOf, out var typesRead), keep);
        Assert.Equal(typesRead, types);
    }

    private static readonly string[] FuzzKeys =
    [
        "resourceType", "id", "status", "code", "coding", "system", "subject", "reference", "patient", "effectiveDateTime", "effectivePeriod",
        "_effectiveDateTime", "vaccineCode", "clinicalStatus", "onsetDateTime", "Observation", "Condition", "Immunization", "Patient", "final",
        "completed", "http://loinc.org", "1975-2", "http://hl7.org/fhir/sid/cvx", "62",
    ];

    /// <summary>Null when the scanner does not keep the line; else whether it knew the facts (which must then agree with the filter's own reading).</summary>
    private static bool? FactsAgree(byte[] line)
    {
        var scanner = new BulkLineScanner();
        if (scanner.Scan(line) != BulkLineKind.Used)
        {
            Assert.False(scanner.Facts.IsKnown);
            return null;
        }

        if (!scanner.Facts.IsKnown)
        {
            return false;
        }

        var fromPassOne = scanner.Facts.Expand(line);
        var read = ParseFilter.Classify(line);
        Assert.Equal(read.Verdict, fromPassOne.Verdict);
        Assert.Equal(read.Type, fromPassOne.Type);
        Assert.Equal(read.Id, fromPassOne.Id);
        Assert.Same(read.Rule, fromPassOne.Rule);
        Assert.Equal(read.Time, fromPassOne.Time);
        Assert.True(LineFacts.ReadFrom(Roundtrip(scanner.Facts)) == scanner.Facts);
        return true;
    }

    private static byte[] Roundtrip(LineFacts facts)
    {
        var bytes = new byte[LineFacts.Size];
        facts.WriteTo(bytes);
        return bytes;
    }
}
