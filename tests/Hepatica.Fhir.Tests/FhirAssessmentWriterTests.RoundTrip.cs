using Hepatica.Fhir.Writing;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Validation;

namespace Hepatica.Fhir.Tests;

/// <summary>The output parses back with Firely's strict deserializer and passes its model validation (cardinality, required elements, invariants).</summary>
public sealed partial class FhirAssessmentWriterTests
{
    [Theory]
    [MemberData(nameof(Cases))]
    public void RoundTrip_StrictDeserializer_NoIssuesAndSameJson(string name)
    {
        var json = FhirAssessmentWriter.ToJson(Write(name).Bundle);

        var parsed = FhirJsonDeserializer.STRICT.Deserialize<Bundle>(json); // throws DeserializationFailedException with every issue

        Assert.Equal(json, FhirAssessmentWriter.ToJson(parsed));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void RoundTrip_ModelValidation_NoIssues(string name)
    {
        var bundle = Write(name).Bundle;

        var issues = Validate(bundle);

        Assert.Empty(issues);
    }

    [Fact]
    public void RoundTrip_AsOfEndOfDay_EffectiveIsTheAsOfAsStatedAndParsesStrictly()
    {
        // --as-of 2026-11-20 is read at the last tick of that day (23:59:59.9999999Z), but effective states the as-of as
        // every output states it (whole seconds, docs/output.md), not a made-up sub-second precision (issue 16).
        var asOf = new DateTimeOffset(new DateOnly(2026, 11, 20).ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero);
        var read = FhirSnapshotReader.Read(File.ReadAllBytes(RepoRoot.Fixture("cirrhosis-ascites-dialysis.json")), asOf);
        var bundle = FhirAssessmentWriter.Write(Clinical.Assessment.Of(read.Snapshot!), new FhirWriteContext(Issued, asOf, "Patient/cirrhosis-1", read.Sources));

        var parsed = FhirJsonDeserializer.STRICT.Deserialize<Bundle>(FhirAssessmentWriter.ToJson(bundle));

        var effective = All<Observation>(parsed).First().Effective as FhirDateTime;
        Assert.Equal("2026-11-20T23:59:59Z", effective!.Value);
        Assert.Equal(Assert.Single(All<Provenance>(parsed)).Occurred!.ToString(), effective.Value);
        Assert.Empty(Validate(parsed));
    }

    [Fact]
    public void ModelValidation_RiskAssessmentWithoutSubject_IsReported()
    {
        // The control: the validation used above does catch a missing required element.
        Assert.NotEmpty(Validate(new RiskAssessment { Status = ObservationStatus.Final }));
    }

    [Fact]
    public void ToOperationOutcome_EveryIssueKept_ParsesStrictly()
    {
        var read = FhirSnapshotReader.Read("{\"resourceType\":\"Bundle\",\"type\":\"banana\",\"entry\":[{\"resource\":{\"resourceType\":\"Observation\",\"status\":\"bogus\"}}]}"u8.ToArray(), Issued);
        Assert.True(read.Issues.Count >= 2);

        var outcome = FhirAssessmentWriter.ToOperationOutcome(read.Issues);
        var parsed = FhirJsonDeserializer.STRICT.Deserialize<OperationOutcome>(FhirAssessmentWriter.ToJson(outcome));

        Assert.Equal(read.Issues.Select(i => (i.Code, i.Message)), parsed.Issue.Select(i => (i.Details!.Coding[0].Code!, i.Diagnostics!)));
        Assert.All(parsed.Issue, i => Assert.Equal(OperationOutcome.IssueSeverity.Error, i.Severity));
        Assert.Empty(Validate(outcome));
    }

    /// <summary>Firely's POCO validation (the attributes: cardinality, required elements, primitive formats; and the invariants the model implements), recursively.</summary>
    internal static List<string> Validate(Base poco) =>
        [.. poco.Validate(ModelInfo.ModelInspector, NarrativeValidationKind.FhirXhtml, validateRecursively: true).Select(e => e.Message)];
}
