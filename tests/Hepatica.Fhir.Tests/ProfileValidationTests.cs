using Hepatica.Clinical;
using Hepatica.Fhir.Writing;
using Hl7.Fhir.Model;

namespace Hepatica.Fhir.Tests;

/// <summary>
/// Every FHIR output the writer makes, validated against the FHIR R4 core profiles with Firely's validator (issue 16,
/// "FHIR that other systems accept"; ProfileValidation.cs) with Hepatica's published extension StructureDefinitions: the
/// FHIR fixtures, the snapshot samples and the 15 Synthea bundles (the Bulk sample's output: Hepatica.Cli.Tests), each
/// without errors and with every extension resolved. Plus the controls that show the validator does find errors
/// (including a wrong extension value, cardinality or context), and which code systems the output names.
/// </summary>
public sealed class ProfileValidationTests
{
    /// <summary>One written output: what it came from and the Bundle.</summary>
    internal sealed record Output(string Name, Bundle Bundle);

    public static TheoryData<string> Fixtures() =>
        Rows(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures"), "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal));

    /// <summary>
    /// Each samples/*.json snapshot, and each line of samples/batch-sample.jsonl (<c>batch-sample.jsonl:3</c>) that reads
    /// as a snapshot (line 6, <c>broken-006</c>, is broken on purpose: it writes no Bundle).
    /// </summary>
    public static TheoryData<string> Samples()
    {
        var folder = Path.Combine(RepoRoot.Path, "samples");
        var files = Directory.GetFiles(folder, "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal);
        var lines = File.ReadAllLines(Path.Combine(folder, "batch-sample.jsonl")).Select((l, i) => $"batch-sample.jsonl:{i + 1}");
        return Rows(files.Concat(lines).Where(name => Json.SnapshotReader.Read(SampleJson(name)).Snapshot is not null));
    }

    private static TheoryData<string> Rows(IEnumerable<string> names)
    {
        var rows = new TheoryData<string>();
        foreach (var name in names)
        {
            rows.Add(name);
        }

        return rows;
    }

    public static TheoryData<string> Synthea() => FhirSnapshotReaderTests.SyntheaBundles();

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Write_FhirFixture_NoProfileErrorsEveryExtensionResolved(string fixture) => AssertNoErrorsAllResolved(Fixture(fixture));

    [Theory]
    [MemberData(nameof(Samples))]
    public void Write_SnapshotSample_NoProfileErrorsEveryExtensionResolved(string sample) => AssertNoErrorsAllResolved(Sample(sample));

    [Theory]
    [MemberData(nameof(Synthea))]
    public void Write_SyntheaBundleAsOfNewestLab_NoProfileErrorsEveryExtensionResolved(string file) => AssertNoErrorsAllResolved(SyntheaOutput(file));

    [Fact]
    public void Validate_ObservationWithoutStatus_CardinalityError()
    {
        var observation = new Observation
        {
            Code = new CodeableConcept("http://loinc.org", "1975-2"),
            Subject = new ResourceReference("Patient/p1"),
            Value = new Quantity(1.1m, "mg/dL"),
        };

        var errors = ProfileValidation.Validate(observation).Where(i => i.IsError).ToList();

        Assert.Contains(errors, e => e.Location.StartsWith("Observation", StringComparison.Ordinal) && e.Message.Contains("status", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_RiskAssessmentWithoutSubject_CardinalityError()
    {
        var risk = new RiskAssessment { Status = ObservationStatus.Final };

        var errors = ProfileValidation.Validate(risk).Where(i => i.IsError).ToList();

        Assert.Contains(errors, e => e.Message.Contains("subject", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_RiskAssessmentProbabilityOver100_Ras2ConstraintError()
    {
        var risk = new RiskAssessment
        {
            Status = ObservationStatus.Final,
            Subject = new ResourceReference("Patient/p1"),
            Prediction = [new RiskAssessment.PredictionComponent { Probability = new FhirDecimal(150m) }],
        };

        var errors = ProfileValidation.Validate(risk).Where(i => i.IsError).ToList();

        var ras2 = Assert.Single(errors, e => e.Key == "ras-2");
        Assert.Equal("RiskAssessment", ras2.ResourceType);
        Assert.Contains("prediction", ras2.Location, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_LocalAndSnomedCodesInNonRequiredBindings_NoError()
    {
        // What no terminology server means (ProfileValidation's remarks): codes the zip cannot check are not errors.
        const string local = "https://hepatica.org/fhir/CodeSystem/observation-category";
        var observation = new Observation
        {
            Status = ObservationStatus.Final,
            Code = new CodeableConcept("http://loinc.org", "1975-2"),
            Subject = new ResourceReference("Patient/p1"),
            Category = [new CodeableConcept(local, "clinical-score")], // preferred binding
            Interpretation = [new CodeableConcept(local, "high")], // extensible binding
            Method = new CodeableConcept("http://snomed.info/sct", "702659008"), // example binding
        };

        Assert.DoesNotContain(ProfileValidation.Validate(observation), i => i.IsError);
    }

    [Fact]
    public void Validate_LocalCodeInRequiredBinding_CodeInvalidError()
    {
        var condition = new Condition
        {
            Subject = new ResourceReference("Patient/p1"),
            Code = new CodeableConcept("http://snomed.info/sct", "19943007"),
            ClinicalStatus = new CodeableConcept("https://hepatica.org/fhir/CodeSystem/probe", "active"),
        };

        var error = Assert.Single(ProfileValidation.Validate(condition), i => i.IsError);

        Assert.Equal("6007 codeinvalid", error.Key);
        Assert.Equal("Condition.clinicalStatus[0]", error.Location);
    }

    /// <summary>An OperationOutcome with one issue carrying <paramref name="extensions"/>, otherwise valid.</summary>
    private static OperationOutcome IssueWith(params Extension[] extensions) => new()
    {
        Issue =
        [
            new OperationOutcome.IssueComponent
            {
                Severity = OperationOutcome.IssueSeverity.Error,
                Code = OperationOutcome.IssueType.Invalid,
                Diagnostics = "probe",
                Extension = [.. extensions],
            },
        ],
    };

    [Fact]
    public void Validate_IssuePathAsString_NoIssue() =>
        Assert.Empty(ProfileValidation.Validate(IssueWith(new Extension(HepaticaSystems.IssuePathExtension, new FhirString("labs.inr")))));

    [Fact]
    public void Validate_IssuePathAsInteger_ErrorOnTheValue()
    {
        var issues = ProfileValidation.Validate(IssueWith(new Extension(HepaticaSystems.IssuePathExtension, new Integer(3))));

        Assert.Contains(issues, i => i.IsError && i.Location.StartsWith("OperationOutcome.issue[0].extension[0]", StringComparison.Ordinal));
        Assert.DoesNotContain(issues, ProfileValidation.IsUnresolvedProfile);
    }

    [Fact]
    public void Validate_IssuePathTwice_CardinalityError() =>
        Assert.Contains(ProfileValidation.Validate(IssueWith(new Extension(HepaticaSystems.IssuePathExtension, new FhirString("labs.inr")), new Extension(HepaticaSystems.IssuePathExtension, new FhirString("labs.bilirubin")))), i => i.IsError);

    [Fact]
    public void Validate_MissingInputRepeated_NoIssue() =>
        Assert.Empty(ProfileValidation.Validate(IssueWith(new Extension(HepaticaSystems.MissingInputExtension, new FhirString("labs.inr")), new Extension(HepaticaSystems.MissingInputExtension, new FhirString("labs.bilirubin")))));

    [Fact]
    public void Validate_IssuePathOnProvenance_ContextError()
    {
        var provenance = new Provenance
        {
            Target = [new ResourceReference("Patient/p1")],
            Recorded = FhirAssessmentWriterTests.Issued,
            Agent = [new Provenance.AgentComponent { Who = new ResourceReference("Device/d1") }],
            Extension = [new Extension(HepaticaSystems.IssuePathExtension, new FhirString("labs.inr"))],
        };

        var error = Assert.Single(ProfileValidation.Validate(provenance), i => i.IsError);

        Assert.Equal("Provenance.extension[0]", error.Location);
        Assert.Contains("context", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The control for the outputs' check: an extension with no published StructureDefinition is what IsUnresolvedProfile finds.</summary>
    [Fact]
    public void Validate_UnpublishedExtension_UnresolvedWarning()
    {
        var issue = Assert.Single(ProfileValidation.Validate(IssueWith(new Extension(HepaticaSystems.Base + "/StructureDefinition/probe", new FhirString("x")))));

        Assert.True(ProfileValidation.IsUnresolvedProfile(issue), issue.ToString());
        Assert.False(issue.IsError);
        Assert.Equal("OperationOutcome.issue[0].extension[0]", issue.Location);
    }

    [Fact]
    public void ValidateBundleAndEntries_WrittenBundleWithAnEntryBroken_ErrorNamesTheEntry()
    {
        var bundle = Sample("demo-001.json").Bundle;
        var observation = bundle.Entry.Select(e => e.Resource).OfType<Observation>().First();
        observation.Status = null;

        var errors = ProfileValidation.ValidateBundleAndEntries(bundle).Where(i => i.IsError).ToList();

        Assert.Contains(errors, e => e.ResourceType == "Observation" && e.Message.Contains("status", StringComparison.Ordinal));
    }

    [Fact]
    public void Systems_InOutput_AreKnownOrPublished()
    {
        var published = OutputSystems.Published(Path.Combine(RepoRoot.Path, "docs", "fhir"));
        var outputs = AllOutputs();

        var problems = new List<(string Key, string? Detail, string Input)>();
        foreach (var output in outputs)
        {
            foreach (var found in OutputSystems.In(FhirAssessmentWriter.ToJson(output.Bundle)))
            {
                if (OutputSystems.Problem(found, published) is { } problem)
                {
                    problems.Add((problem.Key, problem.Detail, output.Name));
                }
            }
        }

        Assert.True(problems.Count == 0, $"{problems.Count} uses of unpublished systems or unknown codes:{Environment.NewLine}{OutputSystems.Report(problems)}");
    }

    /// <summary>Every output the theories above validate.</summary>
    internal static IEnumerable<Output> AllOutputs() =>
        Fixtures().Select(r => Fixture(r.Data)).Concat(Samples().Select(r => Sample(r.Data))).Concat(Synthea().Select(r => SyntheaOutput(r.Data)));

    private static void AssertNoErrorsAllResolved(Output output)
    {
        var issues = ProfileValidation.ValidateBundleAndEntries(output.Bundle);
        var errors = issues.Where(i => i.IsError).Select(i => (output.Name, i)).ToList();
        var unresolved = issues.Where(ProfileValidation.IsUnresolvedProfile).Select(i => (output.Name, i)).ToList();

        Assert.True(errors.Count == 0, $"{errors.Count} profile errors in the FHIR written for {output.Name}:{Environment.NewLine}{ProfileValidation.Report(errors)}");
        Assert.True(unresolved.Count == 0, $"{unresolved.Count} extensions or profiles the validator could not resolve in the FHIR written for {output.Name} (each needs a StructureDefinition in docs/fhir):{Environment.NewLine}{ProfileValidation.Report(unresolved)}");

        // The validator does not parse OperationOutcome.issue.expression: every one must be the simple FHIRPath R4 allows
        // (element names, indexes, the child accessor) and compile; informational is for information-level issues only.
        var compiler = new Hl7.FhirPath.FhirPathCompiler();
        foreach (var issue in output.Bundle.Entry.Select(e => e.Resource).OfType<OperationOutcome>().SelectMany(o => o.Issue))
        {
            foreach (var expression in issue.Expression)
            {
                Assert.Matches(@"^[A-Z][A-Za-z]*(\[[0-9]+\])?(\.[a-z][A-Za-z0-9]*(\[[0-9]+\])?)*$", expression);
                compiler.Compile(expression);
            }

            Assert.Equal(issue.Severity == OperationOutcome.IssueSeverity.Information, issue.Code == OperationOutcome.IssueType.Informational);
        }
    }

    private static Output Fixture(string name) => new(name, FhirAssessmentWriterTests.Write(name).Bundle);

    private static Output Sample(string name)
    {
        var snapshot = Json.SnapshotReader.Read(SampleJson(name)).Snapshot!;
        return new(name, FhirAssessmentWriter.Write(Assessment.Of(snapshot), new FhirWriteContext(FhirAssessmentWriterTests.Issued)));
    }

    private static DateTimeOffset NewestLab(byte[] bundle)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(bundle);
        return doc.RootElement.GetProperty("entry").EnumerateArray()
            .Select(e => e.GetProperty("resource"))
            .Where(r => r.GetProperty("resourceType").GetString() == "Observation" && r.TryGetProperty("effectiveDateTime", out _)
                && r.TryGetProperty("category", out var categories)
                && categories.EnumerateArray().Any(c => c.TryGetProperty("coding", out var codings) && codings.EnumerateArray().Any(x => x.TryGetProperty("code", out var code) && code.GetString() == "laboratory")))
            .Max(r => DateTimeOffset.Parse(r.GetProperty("effectiveDateTime").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string SampleJson(string name)
    {
        var folder = Path.Combine(RepoRoot.Path, "samples");
        return name.Split(':') is [var file, var line]
            ? File.ReadAllLines(Path.Combine(folder, file))[int.Parse(line, System.Globalization.CultureInfo.InvariantCulture) - 1]
            : File.ReadAllText(Path.Combine(folder, name));
    }

    /// <summary>
    /// A Synthea bundle as of a minute after its newest laboratory Observation: its latest labs in their windows, so it
    /// gives the scores those labs allow (as of 2026 none is in its window and the output has no score at all).
    /// </summary>
    private static Output SyntheaOutput(string file)
    {
        var bytes = File.ReadAllBytes(RepoRoot.SharedData("fhir-samples", "synthea-r4-bundles", file));
        var asOf = NewestLab(bytes).AddMinutes(1);
        var read = FhirSnapshotReader.Read(bytes, asOf);
        var assessment = Assessment.Of(read.Snapshot!);
        return new(file, FhirAssessmentWriter.Write(assessment, new FhirWriteContext(FhirAssessmentWriterTests.Issued, asOf, read.Resources.ReferenceTo("Patient", read.Snapshot!.Id!), read.Sources, Inputs: read.Resources)));
    }
}
