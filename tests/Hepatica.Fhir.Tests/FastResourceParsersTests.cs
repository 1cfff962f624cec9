using System.Text;
using Hepatica.Clinical.Scoring;
using Hepatica.Fhir.Bulk;

namespace Hepatica.Fhir.Tests;

/// <summary>
/// The fast Patient, Condition, Immunization and Procedure readers against Firely (decision 0007), as
/// <see cref="FastObservationParserTests"/> checks the Observation reader: every such resource in the data, and
/// thousands of mutated ones, read as Firely reads them or left to Firely; never looser in what they read.
/// </summary>
public sealed class FastResourceParsersTests
{
    [Theory]
    [InlineData("Patient")]
    [InlineData("Condition")]
    [InlineData("Immunization")]
    [InlineData("Procedure")]
    public void EveryResourceInTheData_ReadAsFirelyReadsIt(string type)
    {
        var lines = FastObservationParserTests.Lines(type);

        var fast = lines.Count(l => FastObservationParserTests.AgreesWithFirely(l, type));

        Assert.True(lines.Count >= 15, $"{lines.Count} {type} resources found");
        Assert.True(fast >= lines.Count * 95 / 100, $"the fast reader read {fast} of {lines.Count} {type} resources itself; the rest went to Firely");
    }

    [Theory]
    [InlineData("Patient")]
    [InlineData("Condition")]
    [InlineData("Immunization")]
    [InlineData("Procedure")]
    public void Mutated_NeverLooserAndTheSameWhenBothRead(string type)
    {
        var seeds = FastObservationParserTests.Lines(type).Where((_, i) => i % 7 == 0).Take(60).ToList();

        Fuzz.Check(2_000, JsonMutations.Mutated(seeds), line => FastObservationParserTests.AgreesWithFirely(line, type));
    }

    [Theory]
    [InlineData("""{"resourceType":"Patient","id":"p1","gender":"female","birthDate":"1960-02-30"}""")]
    [InlineData("""{"resourceType":"Patient","id":"p1","gender":"woman","birthDate":"1960-02-03"}""")]
    [InlineData("""{"resourceType":"Patient","id":"p1","birthDate":"1960-02-03","modifierExtension":[{"url":"http://x","valueBoolean":true}]}""")]
    [InlineData("""{"resourceType":"Condition","id":"c1","code":{"coding":[{"system":"http://snomed.info/sct","code":"19943007"}]}}""")]
    [InlineData("""{"resourceType":"Condition","id":"c1","subject":{"reference":"Patient/p1"},"onsetAge":{"value":40}}""")]
    [InlineData("""{"resourceType":"Immunization","id":"i1","status":"done","vaccineCode":{"coding":[{"system":"http://hl7.org/fhir/sid/cvx","code":"08"}]},"patient":{"reference":"Patient/p1"},"occurrenceDateTime":"2020-01-01"}""")]
    [InlineData("""{"resourceType":"Immunization","id":"i1","status":"completed","vaccineCode":{"coding":[{"system":"http://hl7.org/fhir/sid/cvx","code":"08"}]},"patient":{"reference":"Patient/p1"},"occurrenceString":"childhood"}""")]
    [InlineData("""{"resourceType":"Immunization","id":"i1","status":"completed","vaccineCode":{"coding":[{"system":"http://hl7.org/fhir/sid/cvx","code":"08"}]},"patient":{"reference":"Patient/p1"}}""")]
    [InlineData("""{"resourceType":"Procedure","id":"x","status":"done","subject":{"reference":"Patient/p1"}}""")]
    [InlineData("""{"resourceType":"Procedure","id":"x","status":"completed","subject":{"reference":"Patient/p1"},"performedString":"last week"}""")]
    public void DeliberateFault_OrWhatTheReaderDoesNotRead_FirelyDecides(string json)
    {
        var line = Encoding.UTF8.GetBytes(json);
        var type = json[17..json.IndexOf('"', 17)];

        Assert.Null(FastResourceParsers.TryParse(line, type));
        var issues = new List<InputIssue>();
        _ = BulkPatientReader.Parse(line, issues, type); // Firely decides, with its own issues when invalid
    }

    [Fact]
    public void ValidSmallResources_ReadFast()
    {
        (string Type, string Json)[] cases =
        [
            ("Patient", """{"resourceType":"Patient","id":"p1","gender":"female","birthDate":"1960-02-03","name":[{"family":"Doe"}]}"""),
            ("Condition", """{"resourceType":"Condition","id":"c1","clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"active"}]},"code":{"coding":[{"system":"http://snomed.info/sct","code":"19943007"}]},"subject":{"reference":"Patient/p1"},"onsetDateTime":"2019-06-27T08:00:00-05:00"}"""),
            ("Immunization", """{"resourceType":"Immunization","id":"i1","status":"completed","vaccineCode":{"coding":[{"system":"http://hl7.org/fhir/sid/cvx","code":"08"}]},"patient":{"reference":"Patient/p1"},"occurrenceDateTime":"2020-01-01","primarySource":true}"""),
        ];

        Assert.All(cases, c => Assert.True(FastObservationParserTests.AgreesWithFirely(Encoding.UTF8.GetBytes(c.Json), c.Type), c.Type));
    }
}
