using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using Hl7.Fhir.Serialization;

namespace Hepatica.Cli.Tests;

/// <summary>
/// <c>hepatica bulk DIR OUT --output fhir</c> on the 10-patient Bulk sample (../shared/data/fhir-samples/
/// bulk-ndjson-10-patients), every line validated against the FHIR R4 core profiles (issue 16; the helper is
/// tests/Hepatica.Fhir.Tests/ProfileValidation.cs, linked, whose tests cover the writer's other inputs).
/// </summary>
public sealed class ProfileValidationTests : IDisposable
{
    private static readonly string Sample = Path.GetFullPath(Path.Combine(RepoRoot.Path, "..", "shared", "data", "fhir-samples", "bulk-ndjson-10-patients"));
    private readonly string work = Directory.CreateTempSubdirectory("hepatica-bulk-validate-").FullName;

    public void Dispose() => Directory.Delete(work, recursive: true);

    [Fact]
    public async Task Bulk_SampleAsFhir_NoProfileErrorsEveryExtensionResolved()
    {
        var lines = await BulkFhirLines();

        var errors = new List<(string Input, ProfileIssue Issue)>();
        var unresolved = new List<(string Input, ProfileIssue Issue)>();
        foreach (var (name, resource) in lines)
        {
            var issues = resource is Bundle bundle ? ProfileValidation.ValidateBundleAndEntries(bundle) : ProfileValidation.Validate(resource);
            errors.AddRange(issues.Where(i => i.IsError).Select(i => (name, i)));
            unresolved.AddRange(issues.Where(ProfileValidation.IsUnresolvedProfile).Select(i => (name, i)));
        }

        Assert.Equal(13, lines.Count); // one Bundle per Patient line: the run really wrote FHIR
        Assert.True(errors.Count == 0, $"{errors.Count} profile errors in bulk --output fhir:{Environment.NewLine}{ProfileValidation.Report(errors)}");
        Assert.True(unresolved.Count == 0, $"{unresolved.Count} extensions or profiles not resolved in bulk --output fhir (each needs a StructureDefinition in docs/fhir):{Environment.NewLine}{ProfileValidation.Report(unresolved)}");
    }

    [Fact]
    public async Task Systems_InBulkOutput_AreKnownOrPublished()
    {
        var published = OutputSystems.Published(Path.Combine(RepoRoot.Path, "docs", "fhir"));
        var output = Path.Combine(work, "out.ndjson");
        await RunBulk(output);

        var problems = new List<(string Key, string? Detail, string Input)>();
        foreach (var (line, i) in File.ReadAllLines(output).Select((l, i) => (l, i)).Where(x => x.l.Length > 0))
        {
            foreach (var found in OutputSystems.In(line))
            {
                if (OutputSystems.Problem(found, published) is { } problem)
                {
                    problems.Add((problem.Key, problem.Detail, $"out.ndjson:{i + 1}"));
                }
            }
        }

        Assert.True(problems.Count == 0, $"{problems.Count} uses of unpublished systems or unknown codes:{Environment.NewLine}{OutputSystems.Report(problems)}");
    }

    /// <summary>Each line of the run's output (a Bundle per patient, an OperationOutcome for one that could not be read), named by its line.</summary>
    private async Task<List<(string Name, Resource Resource)>> BulkFhirLines()
    {
        var output = Path.Combine(work, "out.ndjson");
        await RunBulk(output);
        return [.. File.ReadAllLines(output).Where(l => l.Length > 0).Select((l, i) => ($"out.ndjson:{i + 1}", FhirJsonDeserializer.DEFAULT.Deserialize<Resource>(l)))];
    }

    private static async Task RunBulk(string output)
    {
        var r = await Hepatica.Run("bulk", Sample, output, "--as-of", "2026-11-20", "--output", "fhir", "--issued", "2026-11-21T09:00:00Z", "--no-progress");
        Assert.Equal(0, r.ExitCode);
    }
}
