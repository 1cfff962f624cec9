using System.Text;
using Hepatica.Fhir.Bulk;

namespace Hepatica.Fhir.Tests;

/// <summary>Pass 1 of a Bulk Data batch: the patient and the keep/drop decision for one line, without a FHIR parse.</summary>
public sealed class BulkLineScannerTests
{
    [Theory]
    [InlineData("""{"resourceType":"Patient","id":"p-1","gender":"male"}""", "Patient", "p-1")]
    [InlineData("""{"id":"p-2","resourceType":"Patient"}""", "Patient", "p-2")]
    [InlineData("""{"resourceType":"Condition","subject":{"reference":"Patient/abc"},"code":{}}""", "Condition", "abc")]
    [InlineData("""{"resourceType":"Immunization","patient":{"reference":"https://ehr.example/fhir/Patient/x9"}}""", "Immunization", "x9")]
    [InlineData("""{"subject":{"reference":"Patient/o1"},"resourceType":"Observation","code":{"coding":[{"system":"http://loinc.org","code":"1975-2"}]}}""", "Observation", "o1")]
    [InlineData("""{"resourceType":"Observation","code":{"coding":[{"system":"http://loinc.org","code":"8867-4"},{"system":"http://loinc.org","code":"777-3"}]},"subject":{"reference":"Patient/o2"}}""", "Observation", "o2")]
    [InlineData("""{"resourceType":"Observation","code":{"text":"no coding"},"subject":{"reference":"Patient/o3"}}""", "Observation", "o3")]
    [InlineData("""{"resourceType":"Observation","subject":{"reference":"Patient/o4"}}""", "Observation", "o4")]
    public void Scan_UsedResource_FindsItsPatient(string line, string type, string patient)
    {
        var scanner = new BulkLineScanner();

        Assert.Equal(BulkLineKind.Used, scanner.Scan(Encoding.UTF8.GetBytes(line)));
        Assert.Equal(type, scanner.ResourceType);
        Assert.Equal(patient, Encoding.UTF8.GetString(scanner.PatientId));
    }

    [Theory]
    [InlineData("""{"resourceType":"Encounter","subject":{"reference":"Patient/a"}}""", BulkLineKind.TypeNotRead)]
    [InlineData("""{"resourceType":"Claim","broken":""", BulkLineKind.Malformed)] // decided early, but the broken tail is still an error (issue 10)
    [InlineData("""{"resourceType":"Observation","code":{"coding":[{"system":"http://loinc.org","code":"8867-4"}]},"subject":{"reference":"Patient/a"}}""", BulkLineKind.ObservationNotRead)]
    [InlineData("""{"resourceType":"Observation","code":{"coding":[{"system":"http://snomed.info/sct","code":"1975-2"}]},"subject":{"reference":"Patient/a"}}""", BulkLineKind.ObservationNotRead)]
    [InlineData("""{"resourceType":"Observation","code":{"coding":[{"sys""", BulkLineKind.Malformed)]
    [InlineData("", BulkLineKind.Malformed)]
    [InlineData("[1,2]", BulkLineKind.Malformed)]
    [InlineData("""{"id":"x"}""", BulkLineKind.NoResourceType)]
    [InlineData("""{"resourceType":"Patient"}""", BulkLineKind.NoPatient)]
    [InlineData("""{"resourceType":"Condition","subject":{"reference":"Group/g1"}}""", BulkLineKind.NoPatient)]
    [InlineData("""{"resourceType":"Condition","subject":{"reference":"urn:uuid:1234"}}""", BulkLineKind.NoPatient)]
    [InlineData("""{"resourceType":"Condition"}""", BulkLineKind.NoPatient)]
    public void Scan_LineNotUsed_SaysWhy(string line, BulkLineKind expected)
    {
        var scanner = new BulkLineScanner();

        Assert.Equal(expected, scanner.Scan(Encoding.UTF8.GetBytes(line)));
        Assert.Equal(expected is BulkLineKind.TypeNotRead or BulkLineKind.ObservationNotRead, scanner.Problem is null);
    }

    [Fact]
    public void Scan_EveryLoincCodeOfTheTables_IsKept()
    {
        var scanner = new BulkLineScanner();
        var codes = LabCodes.Rules.SelectMany(r => r.Codes.Select(c => c.Loinc)).Concat(SerologyCodes.Rules.SelectMany(r => r.Codes)).ToList();

        Assert.NotEmpty(codes);
        Assert.All(codes, code => Assert.Equal(BulkLineKind.Used, scanner.Scan(Encoding.UTF8.GetBytes(
            $$$"""{"resourceType":"Observation","code":{"coding":[{"system":"http://loinc.org","code":"{{{code}}}"}]},"subject":{"reference":"Patient/p"}}"""))));
    }
}
