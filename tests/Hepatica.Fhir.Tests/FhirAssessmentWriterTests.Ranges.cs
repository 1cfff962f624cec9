// Firely POCO members are all nullable; a null here fails the assertion that reads it.
#nullable disable warnings

using System.Text.Json.Nodes;
using Hepatica.Fhir.Writing;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace Hepatica.Fhir.Tests;

/// <summary>
/// Issue 11 s.2 in FHIR output (docs/fhir.md): a ranged score is an Observation with status preliminary and a
/// valueRange (FHIR R4 Observation.value[x] allows Range), one component per alternative; no RiskAssessment from one
/// end; not listed as not calculated; a possible transplant signal is an OperationOutcome information issue naming
/// what settles it, never a ServiceRequest.
/// </summary>
public sealed partial class FhirAssessmentWriterTests
{
    private static Bundle WriteWithout(string sample, string finding)
    {
        var node = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoRoot.Path, "samples", sample)))!;
        node["findings"]!.AsObject().Remove(finding);
        var snapshot = Json.SnapshotReader.Read(System.Text.Encoding.UTF8.GetBytes(node.ToJsonString())).Snapshot!;
        var bundle = FhirAssessmentWriter.Write(Clinical.Assessment.Of(snapshot), new FhirWriteContext(Issued));
        return FhirJsonDeserializer.STRICT.Deserialize<Bundle>(FhirAssessmentWriter.ToJson(bundle));
    }

    // demo-001 without its dialysis finding: MELD 3.0 26 without dialysis, 32 with (Kim 2021; OPTN policy 9.1.D).
    [Fact]
    public void Write_Range_PreliminaryObservationWithValueRangeAndAlternatives()
    {
        var bundle = WriteWithout("demo-001.json", "dialysisTwiceInPastWeek");
        var o = All<Observation>(bundle).Single(x => x.Code.Coding[0].Code == "meld-3.0");
        Assert.Equal(ObservationStatus.Preliminary, o.Status);
        var range = Assert.IsType<Hl7.Fhir.Model.Range>(o.Value);
        Assert.Equal((26m, 32m), (range.Low.Value!.Value, range.High.Value!.Value));
        Assert.Equal(("{score}", "http://unitsofmeasure.org"), (range.Low.Code, range.Low.System));
        var alternatives = o.Component.Where(c => c.Code.Coding[0].Code == "alternative").ToList();
        Assert.Equal(["without dialysis", "with dialysis"], alternatives.Select(c => c.Code.Text));
        Assert.Equal([26m, 32m], alternatives.Select(c => ((Quantity)c.Value).Value!.Value));
        Assert.Contains(o.Note, n => n.Text == "Settled by: findings.dialysisTwiceInPastWeek");
        Assert.DoesNotContain(All<RiskAssessment>(bundle), r => r.Code?.Coding.FirstOrDefault()?.Code == "meld-3.0" || r.Basis.Any(b => b.Reference?.Contains("meld-3.0", StringComparison.Ordinal) == true));
        var outcome = Assert.Single(All<OperationOutcome>(bundle));
        Assert.DoesNotContain(outcome.Issue, i => i.Diagnostics.StartsWith("meld-3.0 ", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_CirrhosisNotGiven_PossibleSignalAsInformationNamingIt()
    {
        var bundle = WriteWithout("demo-001.json", "cirrhosis");
        Assert.DoesNotContain(All<ServiceRequest>(bundle), r => r.ReasonCode.Any(c => c.Coding.FirstOrDefault()?.Code == "meld-15-cirrhosis"));
        var issue = Assert.Single(Assert.Single(All<OperationOutcome>(bundle)).Issue, i => i.Details.Coding[0].Code == "possible-transplant-signal" && i.Diagnostics.Contains("meld-15-cirrhosis", StringComparison.Ordinal));
        Assert.Empty(issue.Expression); // a snapshot path is not FHIRPath: it is the missing-input extension
        Assert.Equal(["findings.cirrhosis"], issue.Extension.Where(e => e.Url == HepaticaSystems.MissingInputExtension).Select(e => ((FhirString)e.Value).Value));
    }
}
