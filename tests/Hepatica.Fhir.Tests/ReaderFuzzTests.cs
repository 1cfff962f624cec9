using System.Text;
using System.Text.Json.Nodes;
using FsCheck.Fluent;
using Hepatica.Clinical;
using Hepatica.Clinical.Scoring;
using Hepatica.Fhir.Bulk;

namespace Hepatica.Fhir.Tests;

/// <summary>
/// The FHIR readers under hostile input (issue 10): mutated fixture Bundles and NDJSON lines, and documents built from
/// FHIR's own element names, give coded issues, never an exception, in the Bundle reader, its detection and both Bulk passes.
/// </summary>
public sealed class ReaderFuzzTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 11, 20, 23, 59, 59, TimeSpan.Zero);

    private static readonly string[] Keys =
    [
        "resourceType", "id", "type", "entry", "resource", "fullUrl", "status", "code", "coding", "system", "display", "subject", "reference",
        "patient", "effectiveDateTime", "effectivePeriod", "start", "end", "valueQuantity", "value", "unit", "gender", "birthDate",
        "occurrenceDateTime", "vaccineCode", "medicationCodeableConcept", "clinicalStatus", "onsetDateTime", "performedDateTime", "referenceRange", "high",
    ];

    private static readonly byte[][] Bundles = [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures"), "*.json").Select(File.ReadAllBytes)];

    /// <summary>Each entry of the fixtures as one NDJSON line (a Bulk Data export line).</summary>
    private static readonly byte[][] Lines =
    [
        .. Bundles.SelectMany(b => JsonNode.Parse(b)!["entry"]!.AsArray().Select(e => Encoding.UTF8.GetBytes(e!["resource"]!.ToJsonString()))).Take(200),
    ];

    [Fact]
    public void Read_HostileBundles_GiveCodedIssuesNeverAnException() =>
        Fuzz.Check(400, Gen.OneOf(JsonMutations.Mutated(Bundles), JsonMutations.FromKeys(Keys)), bytes =>
        {
            _ = FhirSnapshotReader.LooksLikeFhir(bytes);
            var result = FhirSnapshotReader.Read(bytes, AsOf);

            Assert.All(result.Issues, i => Assert.True(Fuzz.IsCode(i.Code) && i.Path.Length > 0, i.ToString()));
            Assert.All(result.Issues.GroupBy(i => i.Code), g => Assert.True(g.Count() <= Hepatica.Json.JsonInput.MaxIssuesPerCode + 1, g.Key));
            if (result.Snapshot is null)
            {
                Assert.Contains(result.Issues, i => i.Severity == IssueSeverity.Error);
            }
            else
            {
                _ = Assessment.Of(result.Snapshot);
            }
        });

    [Fact]
    public void Bulk_HostileLines_GiveCodedIssuesNeverAnException() =>
        Fuzz.Check(1_000, Gen.OneOf(JsonMutations.Mutated(Lines), JsonMutations.FromKeys(Keys)), line =>
        {
            var scanner = new BulkLineScanner();
            var kind = scanner.Scan(line);
            if (kind is BulkLineKind.Malformed or BulkLineKind.NoResourceType or BulkLineKind.NoPatient)
            {
                Assert.False(string.IsNullOrEmpty(scanner.Problem));
            }

            _ = ParseFilter.Select([line], AsOf, out _);
            var issues = new List<InputIssue>();
            if (BulkPatientReader.Parse(line, issues) is { } resource)
            {
                _ = BulkPatientReader.Read([resource], AsOf);
            }
            else
            {
                Assert.NotEmpty(issues);
            }
        });
}
