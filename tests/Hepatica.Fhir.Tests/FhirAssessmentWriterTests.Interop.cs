using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using Hepatica.Clinical;
using Hepatica.Fhir.Bulk;
using Hepatica.Fhir.Writing;
using Hl7.FhirPath;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace Hepatica.Fhir.Tests;

/// <summary>
/// What a receiving system needs of the output (issue 16): references that name the inputs as the input did (Bundle
/// fullUrl rules, Bulk Type/id), issue expressions that are FHIRPath into the input, warnings not coded as
/// information, a generated narrative on every resource, one referral however many signals, the plan as of the as-of.
/// </summary>
public sealed partial class FhirAssessmentWriterTests
{
    private static readonly string SyntheaDir = RepoRoot.SharedData("fhir-samples", "synthea-r4-bundles");

    /// <summary>A Synthea transaction Bundle (urn:uuid fullUrls), read as of just after its last Observation, written as the hosts write it.</summary>
    private static (Bundle Input, Bundle Output, FhirReadResult Read) Synthea(string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(SyntheaDir, file));
        var input = FhirJsonDeserializer.DEFAULT.Deserialize<Bundle>(System.Text.Encoding.UTF8.GetString(bytes));
        var asOf = input.Entry.Select(e => e.Resource).OfType<Observation>().Select(o => (o.Effective as FhirDateTime)?.ToDateTimeOffset(TimeSpan.Zero)).Max()!.Value.AddMinutes(1);
        var read = FhirSnapshotReader.Read(bytes, asOf);
        var id = read.Snapshot!.Id!;
        var output = FhirAssessmentWriter.Write(Assessment.Of(read.Snapshot), new FhirWriteContext(Issued, asOf, read.Resources.ReferenceTo("Patient", id), read.Sources, Inputs: read.Resources));
        return (input, output, read);
    }

    public static TheoryData<string> SyntheaFiles() => [.. Directory.GetFiles(SyntheaDir, "*.json").Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).Take(5)];

    [Theory]
    [MemberData(nameof(SyntheaFiles))]
    public void References_TransactionInput_NameTheInputsByTheirFullUrl(string file)
    {
        var (input, output, _) = Synthea(file);
        Assert.Equal(Bundle.BundleType.Transaction, input.Type);
        var patientEntry = input.Entry.Single(e => e.Resource is Patient);
        Assert.StartsWith("urn:uuid:", patientEntry.FullUrl!, StringComparison.Ordinal);
        var inputUrls = input.Entry.Select(e => e.FullUrl).ToHashSet(StringComparer.Ordinal);
        var outputUrls = output.Entry.Select(e => e.FullUrl).ToHashSet(StringComparer.Ordinal);

        // Every reference in the output resolves to an entry of the output or of the input: none names an id no server kept.
        foreach (var reference in References(output))
        {
            Assert.True(outputUrls.Contains(reference) || inputUrls.Contains(reference), $"{file}: {reference} resolves in neither Bundle");
        }

        Assert.All(output.Entry.Select(e => e.Resource).OfType<Observation>(), o => Assert.Equal(patientEntry.FullUrl, o.Subject!.Reference));
        var provenance = output.Entry.Select(e => e.Resource).OfType<Provenance>().Single();
        Assert.Equal(patientEntry.FullUrl, provenance.Entity[0].What.Reference); // the Patient is an input too
        Assert.All(provenance.Entity, e => Assert.Contains(e.What.Reference, inputUrls));
    }

    [Fact]
    public void References_BulkInput_AreTypeSlashIdOfTheExportingServer()
    {
        var lines = File.ReadAllLines(RepoRoot.SharedData("fhir-samples", "bulk-ndjson-10-patients", "Patient.000.ndjson"));
        var patient = FhirJsonDeserializer.DEFAULT.Deserialize<Patient>(lines[0]);
        var observation = new Observation
        {
            Id = "bulk-inr-1",
            Status = ObservationStatus.Final,
            Code = new CodeableConcept("http://loinc.org", "6301-6"),
            Subject = new ResourceReference("Patient/" + patient.Id),
            Effective = new FhirDateTime("2026-11-20T08:00:00Z"),
            Value = new Quantity { Value = 1.5m, System = "http://unitsofmeasure.org", Code = "mg/dL", Unit = "mg/dL" },
        };
        var read = BulkPatientReader.Read([patient, observation], new DateTimeOffset(2026, 11, 21, 0, 0, 0, TimeSpan.Zero));
        var output = FhirAssessmentWriter.Write(Assessment.Of(read.Snapshot!), new FhirWriteContext(Issued, null, read.Resources.ReferenceTo("Patient", patient.Id!), read.Sources, Inputs: read.Resources));

        var provenance = output.Entry.Select(e => e.Resource).OfType<Provenance>().Single();
        Assert.Equal(["Patient/" + patient.Id], provenance.Entity.Select(e => e.What.Reference)); // the INR was not used
        Assert.All(References(output).Where(r => !r.StartsWith("urn:uuid:", StringComparison.Ordinal)), r => Assert.Equal("Patient/" + patient.Id, r));
        // The INR is in mg/dL (FHR010): the issue points into the resource itself, which is its own document in NDJSON.
        var issue = Issues(output).Single(i => i.Details!.Coding[0].Code == FhirIssueCodes.UnitDoesNotFitCode);
        Assert.Equal(["Observation.valueQuantity.code"], issue.Expression);
        Assert.Equal("Observation/bulk-inr-1.valueQuantity.code", PathOf(issue));
    }

    [Fact]
    public void Expression_FhirBundleInput_PointsIntoTheInputEntry()
    {
        // An INR reported in mg/dL (FHR010), in the entry the test finds by itself in the input.
        var json = JsonSerializer.Serialize(new
        {
            resourceType = "Bundle",
            type = "collection",
            entry = new object[]
            {
                new { fullUrl = "urn:uuid:7f1c0d1e-0000-4000-8000-000000000001", resource = new { resourceType = "Patient", id = "p1", gender = "female", birthDate = "1970-01-01" } },
                new { fullUrl = "urn:uuid:7f1c0d1e-0000-4000-8000-000000000002", resource = new { resourceType = "Observation", id = "bili", status = "final", code = new { coding = new[] { new { system = "http://loinc.org", code = "1975-2" } } }, subject = new { reference = "urn:uuid:7f1c0d1e-0000-4000-8000-000000000001" }, effectiveDateTime = "2026-11-20T08:00:00Z", valueQuantity = new { value = 2.0, system = "http://unitsofmeasure.org", code = "mg/dL" } } },
                new { fullUrl = "urn:uuid:7f1c0d1e-0000-4000-8000-000000000003", resource = new { resourceType = "Observation", id = "inr", status = "final", code = new { coding = new[] { new { system = "http://loinc.org", code = "6301-6" } } }, subject = new { reference = "urn:uuid:7f1c0d1e-0000-4000-8000-000000000001" }, effectiveDateTime = "2026-11-20T08:00:00Z", valueQuantity = new { value = 1.5, system = "http://unitsofmeasure.org", code = "mg/dL" } } },
            },
        });
        var read = InputReader.Read(System.Text.Encoding.UTF8.GetBytes(json), "2026-11-21", new FixedClock(Issued), "--as-of");
        var output = FhirAssessmentWriter.Write(Assessment.Of(read.Snapshot!), read.WriteContext);

        var issue = Issues(output).Single(i => i.Details!.Coding[0].Code == FhirIssueCodes.UnitDoesNotFitCode);
        Assert.Equal(["Bundle.entry[2].resource.valueQuantity.code"], issue.Expression);
        Assert.Equal(OperationOutcome.IssueType.Invalid, issue.Code);
        var provenance = output.Entry.Select(e => e.Resource).OfType<Provenance>().Single();
        Assert.Equal(["urn:uuid:7f1c0d1e-0000-4000-8000-000000000001", "urn:uuid:7f1c0d1e-0000-4000-8000-000000000002"], provenance.Entity.Select(e => e.What.Reference));

        // MELD is not calculable without the INR: the issue names the path (extension) and what an integrator supplies.
        var meld = Issues(output).Single(i => i.Details!.Coding[0].Code == "not-calculable" && i.Diagnostics!.StartsWith("meld ", StringComparison.Ordinal));
        Assert.Contains("labs.inr", meld.Extension.Where(e => e.Url == HepaticaSystems.MissingInputExtension).Select(e => ((FhirString)e.Value!).Value!));
        Assert.Empty(meld.Expression);
        Assert.Contains("labs.inr: " + FhirInputCodes.For("labs.inr"), meld.Diagnostics, StringComparison.Ordinal);
        Assert.Contains("6301-6", meld.Diagnostics, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Expression_EveryIssue_IsSimpleFhirPathOrAbsent(string name)
    {
        var c = Write(name);
        var compiler = new FhirPathCompiler();
        foreach (var issue in Issues(c.Bundle))
        {
            foreach (var expression in issue.Expression)
            {
                Assert.Matches(@"^(Bundle\.entry\[[0-9]+\]\.resource|[A-Z][A-Za-z]+)(\.[a-z][A-Za-z0-9]*(\[[0-9]+\])?)*$", expression);
                compiler.Compile(expression); // throws when it is not FHIRPath
            }

            if (c.Input is null)
            {
                Assert.Empty(issue.Expression); // snapshot paths are never written as FHIRPath
            }

            Assert.NotEqual(issue.Severity == OperationOutcome.IssueSeverity.Information, issue.Code != OperationOutcome.IssueType.Informational);
        }
    }

    [Fact]
    public void Issues_SnapshotWarning_BusinessRuleWithItsPathInTheExtension()
    {
        // A key the contract does not know is a warning (SNP003, docs/snapshot.md) at that key's path.
        var snapshot = Json.SnapshotReader.Read("{\"id\":\"w1\",\"assessmentDate\":\"2026-11-20\",\"labs\":{\"bilirubn\":{\"value\":1,\"unit\":\"mg/dL\"}}}"u8).Snapshot!;
        var warning = snapshot.Issues.First(i => i.Severity == Clinical.Scoring.IssueSeverity.Warning);
        var output = FhirAssessmentWriter.Write(Assessment.Of(snapshot), new FhirWriteContext(Issued));

        var issue = Issues(output).First(i => i.Details!.Coding[0].Code == warning.Code);
        Assert.Equal((OperationOutcome.IssueSeverity.Warning, OperationOutcome.IssueType.BusinessRule), (issue.Severity!.Value, issue.Code!.Value));
        Assert.Empty(issue.Expression);
        Assert.Equal(warning.Path, PathOf(issue));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Narrative_EveryResource_GeneratedXhtmlThatSaysItsValue(string name)
    {
        var c = Write(name);
        foreach (var entry in c.Bundle.Entry)
        {
            var resource = Assert.IsAssignableFrom<DomainResource>(entry.Resource);
            Assert.Equal(Narrative.NarrativeStatus.Generated, resource.Text!.Status);
            var div = XElement.Parse(resource.Text.Div!);
            Assert.Equal(XName.Get("div", "http://www.w3.org/1999/xhtml"), div.Name);
            Assert.False(string.IsNullOrWhiteSpace(div.Value));
            Assert.All(div.Descendants(), e => Assert.Equal("p", e.Name.LocalName));
            if (resource is Observation { Value: Quantity q })
            {
                Assert.Contains(q.Value!.Value.ToString(CultureInfo.InvariantCulture), div.Value, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Narrative_MarkupInInput_IsEscaped()
    {
        var snapshot = new PatientSnapshot { Id = "<script>alert(1)</script>" };
        var output = FhirAssessmentWriter.Write(Assessment.Of(snapshot), new FhirWriteContext(Issued));
        var patient = output.Entry.Select(e => e.Resource).OfType<Patient>().Single();

        Assert.DoesNotContain("<script", patient.Text!.Div!, StringComparison.Ordinal);
        Assert.Contains("<script>alert(1)</script>", XElement.Parse(patient.Text.Div!).Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Transplant_TwoSignals_OneReferralWithBothReasons()
    {
        // samples/immune-001.json: MELD 3.0 >= 15 with cirrhosis and decompensation both call for referral.
        var c = Write("immune-001.json");
        var signals = c.Assessment.Transplant.Signals;
        Assert.True(signals.Count >= 2);

        var referral = Assert.Single(All<ServiceRequest>(c.Bundle), r => r.Code?.Coding.FirstOrDefault()?.Code == "transplant-referral");
        Assert.Equal(signals.Select(s => s.Id), referral.ReasonCode.Select(r => r.Coding[0].Code));
        Assert.Equal((RequestStatus.Draft, RequestIntent.Proposal), (referral.Status!.Value, referral.Intent!.Value));
        Assert.All(All<CommunicationRequest>(c.Bundle), r => Assert.Equal(RequestStatus.Draft, r.Status)); // proposals alike
    }

    [Fact]
    public void Prevention_RecommendationDate_IsTheAsOf()
    {
        var c = Write("cirrhosis-ascites-dialysis.json");
        var plan = Assert.Single(All<ImmunizationRecommendation>(c.Bundle));
        var provenance = Assert.Single(All<Provenance>(c.Bundle));

        Assert.Equal(provenance.Occurred!.ToString(), plan.DateElement!.Value);
        Assert.NotEqual(Issued, plan.DateElement.ToDateTimeOffset(TimeSpan.Zero));
    }

    [Fact]
    public void Code_AuditC_CarriesTheVerifiedLoincBesideTheLocalCode()
    {
        // LOINC 75626-2 "Total score [AUDIT-C]" (loinc.org/75626-2, checked for issue 16); no other score has a verified code.
        var c = Write("causes-008.json");
        var scores = All<Observation>(c.Bundle).Where(o => o.Code!.Coding[0].System == Scores).ToList();
        var audit = Assert.Single(scores, o => o.Code!.Coding[0].Code == "audit-c");

        Assert.Equal([(Scores, "audit-c"), ("http://loinc.org", "75626-2")], audit.Code!.Coding.Select(x => (x.System, x.Code)));
        Assert.All(scores.Where(o => o != audit), o => Assert.Single(o.Code!.Coding));
    }

    private static IEnumerable<OperationOutcome.IssueComponent> Issues(Bundle bundle) =>
        bundle.Entry.Select(e => e.Resource).OfType<OperationOutcome>().SelectMany(o => o.Issue);

    private static string? PathOf(OperationOutcome.IssueComponent issue) =>
        (issue.Extension.SingleOrDefault(e => e.Url == HepaticaSystems.IssuePathExtension)?.Value as FhirString)?.Value;

    /// <summary>Every <c>reference</c> string of the Bundle's JSON (any depth).</summary>
    private static List<string> References(Bundle bundle)
    {
        var found = new List<string>();
        using var doc = JsonDocument.Parse(FhirAssessmentWriter.ToJson(bundle));
        Walk(doc.RootElement);
        return found;

        void Walk(JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in e.EnumerateObject())
                {
                    if (p.Name == "reference" && p.Value.ValueKind == JsonValueKind.String)
                    {
                        found.Add(p.Value.GetString()!);
                    }

                    Walk(p.Value);
                }
            }
            else if (e.ValueKind == JsonValueKind.Array)
            {
                foreach (var x in e.EnumerateArray())
                {
                    Walk(x);
                }
            }
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
