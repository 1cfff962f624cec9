using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hepatica.Clinical;
using Hepatica.Clinical.Transplant;
using Hepatica.Fhir.Terminology;
using Hepatica.Fhir.Writing;
using Hl7.Fhir.Model;

namespace Hepatica.Fhir.Tests;

/// <summary>
/// docs/fhir holds every conformance resource as the code generates it (decision 0008), each local code the writer can
/// emit is a concept of its CodeSystem, and the tables agree with the ids the core writes. Regenerate with
/// <c>hepatica fhir-terminology --out docs/fhir --force</c>.
/// </summary>
public sealed partial class ConformanceResourcesTests
{
    private static readonly string Folder = Path.Combine(RepoRoot.Path, "docs", "fhir");
    private static readonly DateTimeOffset AsOf = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> FileNames => [.. ConformanceResources.All().Select(r => r.FileName)];

    [Theory]
    [MemberData(nameof(FileNames))]
    public void Committed_EqualsGenerated_RegenerateWithFhirTerminology(string fileName)
    {
        var resource = ConformanceResources.All().Single(r => r.FileName == fileName).Resource;
        var path = Path.Combine(Folder, fileName);

        Assert.True(File.Exists(path), $"{path} is missing: run hepatica fhir-terminology --out docs/fhir");
        Assert.Equal(FhirAssessmentWriter.ToJson(resource, indented: true) + "\n", File.ReadAllText(path).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Folder_HoldsNoResourceTheCodeNoLongerGenerates()
    {
        var committed = Directory.GetFiles(Folder, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(ConformanceResources.All().Select(r => r.FileName).Order(StringComparer.Ordinal), committed);
    }

    [Fact]
    public void All_EveryLocalSystemPublished_ValidAndComplete()
    {
        var resources = ConformanceResources.All().Select(r => r.Resource).ToList();
        var systems = resources.OfType<CodeSystem>().ToList();

        Assert.Equal(
            new[] { HepaticaSystems.Scores, HepaticaSystems.ObservationCategory, HepaticaSystems.ScoreComponent, HepaticaSystems.Serology, HepaticaSystems.Issue, HepaticaSystems.Recommendation }.Order(StringComparer.Ordinal),
            systems.Select(s => s.Url).Order(StringComparer.Ordinal));
        Assert.All(resources, r => Assert.Empty(FhirAssessmentWriterTests.Validate(r)));
        Assert.All(ConformanceResources.All(), p => Assert.Equal($"{p.Resource.TypeName}-{p.Resource.Id}.json", p.FileName));
        Assert.All(systems, s =>
        {
            Assert.StartsWith(HepaticaSystems.Base + "/CodeSystem/", s.Url, StringComparison.Ordinal);
            Assert.Equal("hepatica-" + s.Url![(HepaticaSystems.Base.Length + "/CodeSystem/".Length)..], s.Id);
            Assert.Equal(PublicationStatus.Active, s.Status);
            Assert.True(s.Experimental);
            Assert.True(s.CaseSensitive);
            Assert.Equal(CodeSystemContentMode.Complete, s.Content);
            Assert.False(string.IsNullOrWhiteSpace(s.Name) || string.IsNullOrWhiteSpace(s.Title) || string.IsNullOrWhiteSpace(s.Description) || string.IsNullOrWhiteSpace(s.Publisher));
            Assert.Equal(s.Concept.Count, s.Count);
            Assert.Equal(s.Concept.Count, s.Concept.Select(c => c.Code).Distinct(StringComparer.Ordinal).Count());
            Assert.All(s.Concept, c => Assert.False(string.IsNullOrWhiteSpace(c.Display) || string.IsNullOrWhiteSpace(c.Definition), $"{s.Id} {c.Code}"));
        });
        var naming = Assert.Single(resources.OfType<NamingSystem>());
        Assert.Equal(HepaticaSystems.SnapshotIdentifier, Assert.Single(naming.UniqueId).Value);
    }

    [Fact]
    public void Build_DuplicateCode_Throws() =>
        Assert.Throws<ArgumentException>(() => ConformanceResources.Build("x", "u", "X", "X", "X", [new("a", "A", "A."), new("a", "B", "B.")]));

    /// <summary>
    /// Every written Coding under the Hepatica base is a concept of its published CodeSystem; every identifier system is
    /// the NamingSystem's; every extension URL under the base is a published StructureDefinition's.
    /// </summary>
    [Fact]
    public void Writer_SamplesAndFixtures_EveryLocalCodeIsPublished()
    {
        var published = ConformanceResources.All().Select(r => r.Resource).OfType<CodeSystem>()
            .ToDictionary(s => s.Url!, s => s.Concept.Select(c => c.Code!).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var written = new HashSet<(string System, string Code)>();
        var identifiers = new HashSet<string>(StringComparer.Ordinal);
        var urls = new HashSet<string>(StringComparer.Ordinal);
        foreach (var bundle in Bundles())
        {
            using var doc = JsonDocument.Parse(FhirAssessmentWriter.ToJson(bundle));
            Collect(doc.RootElement, written, identifiers, urls);
        }

        var unknown = written.Where(w => !published.TryGetValue(w.System, out var codes) || !codes.Contains(w.Code)).Select(w => $"{w.System}|{w.Code}").Order(StringComparer.Ordinal).ToList();
        Assert.Empty(unknown);
        Assert.Equal([HepaticaSystems.SnapshotIdentifier], identifiers);
        // Every extension under the Hepatica base has a published StructureDefinition, and every published one is used.
        var extensions = ConformanceResources.All().Select(r => r.Resource).OfType<StructureDefinition>().Select(d => d.Url!);
        Assert.Equal(extensions.Order(StringComparer.Ordinal), urls.Order(StringComparer.Ordinal));
        // The walk saw every system (a broken walk would pass the checks above by seeing nothing).
        Assert.Equal(published.Keys.Order(StringComparer.Ordinal), written.Select(w => w.System).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void SerologyConcepts_Categories_AreTheIdsTheInterpretersWrite()
    {
        var source = string.Concat(Directory.GetFiles(RepoRoot.File("src", "Hepatica.Clinical", "Serology"), "Hepatitis*.cs").Select(File.ReadAllText));
        var literals = SerologyCategory().Matches(source).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(literals.Order(StringComparer.Ordinal), SerologyConcepts.Categories.Select(c => c.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void SerologyConcepts_Topics_AreTheCoresTopicConstants()
    {
        var topics = typeof(Assessment).Assembly.GetTypes()
            .Where(t => t.Namespace == "Hepatica.Clinical.Serology" && t.IsAbstract && t.IsSealed)
            .Select(t => t.GetField("Topic", BindingFlags.Public | BindingFlags.Static))
            .Where(f => f is { IsLiteral: true })
            .Select(f => (string)f!.GetRawConstantValue()!);

        Assert.Equal(topics.Order(StringComparer.Ordinal), SerologyConcepts.Topics.Select(c => c.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void RecommendationConcepts_Prevention_AreTheIdsThePlanWrites()
    {
        var source = string.Concat(Directory.GetFiles(RepoRoot.File("src", "Hepatica.Clinical", "Prevention"), "PreventionPlan*.cs").Select(File.ReadAllText));
        var ids = PreventionId().Matches(source).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(ids.Order(StringComparer.Ordinal), RecommendationConcepts.Prevention.Select(c => c.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void RecommendationConcepts_Transplant_AreTheSignalConstants()
    {
        var constants = typeof(TransplantSignal).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!);

        Assert.Equal(constants.Order(StringComparer.Ordinal), RecommendationConcepts.Transplant.Select(c => c.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void RecommendationConcepts_All_UniqueAcrossSections() =>
        Assert.Equal(RecommendationConcepts.All.Count, RecommendationConcepts.All.Select(c => c.Code).Distinct(StringComparer.Ordinal).Count());

    /// <summary>A category literal: <c>"hbv-..."</c>, <c>"hav-..."</c> ... (the topics are <c>hepatitis-x</c>, not matched).</summary>
    [GeneratedRegex("\"(h[a-e]v-[a-z0-9-]+)\"")]
    private static partial Regex SerologyCategory();

    /// <summary>The id of a plan item: <c>new("id", RecommendationStatus...</c>, <c>FromSeries("id", ...</c>, <c>const string Id = "id"</c>.</summary>
    [GeneratedRegex("""(?:new\("|FromSeries\("|const string Id = ")([a-z0-9-]+)"(?:, RecommendationStatus|,|;)""")]
    private static partial Regex PreventionId();

    /// <summary>The writer's output for every sample snapshot, every batch-sample line and every FHIR fixture (US and UK profile).</summary>
    private static IEnumerable<Bundle> Bundles()
    {
        var samples = Path.Combine(RepoRoot.Path, "samples");
        var snapshots = Directory.GetFiles(samples, "*.json").Select(File.ReadAllBytes)
            .Concat(File.ReadAllLines(Path.Combine(samples, "batch-sample.jsonl")).Where(l => l.Length > 0).Select(System.Text.Encoding.UTF8.GetBytes));
        foreach (var bytes in snapshots)
        {
            if (Json.SnapshotReader.Read(bytes).Snapshot is { } snapshot)
            {
                foreach (var profile in new[] { GuidelineProfile.Us, GuidelineProfile.Uk })
                {
                    yield return FhirAssessmentWriter.Write(Assessment.Of(snapshot, profile), new FhirWriteContext(FhirAssessmentWriterTests.Issued));
                }
            }
        }

        foreach (var fixture in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures"), "*.json"))
        {
            var read = FhirSnapshotReader.Read(File.ReadAllBytes(fixture), AsOf);
            if (read.Snapshot is { } snapshot)
            {
                yield return FhirAssessmentWriter.Write(Assessment.Of(snapshot), new FhirWriteContext(FhirAssessmentWriterTests.Issued, AsOf, "Patient/" + snapshot.Id, read.Sources));
            }
        }
    }

    private static void Collect(JsonElement e, HashSet<(string, string)> codings, HashSet<string> identifiers, HashSet<string> urls)
    {
        if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray())
            {
                Collect(item, codings, identifiers, urls);
            }

            return;
        }

        if (e.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (e.TryGetProperty("system", out var system) && system.GetString() is { } s && s.StartsWith(HepaticaSystems.Base, StringComparison.Ordinal))
        {
            if (e.TryGetProperty("code", out var code))
            {
                codings.Add((s, code.GetString()!));
            }
            else if (e.TryGetProperty("value", out _))
            {
                identifiers.Add(s);
            }
        }

        if (e.TryGetProperty("url", out var url) && url.ValueKind == JsonValueKind.String && url.GetString()!.StartsWith(HepaticaSystems.Base, StringComparison.Ordinal))
        {
            urls.Add(url.GetString()!);
        }

        foreach (var p in e.EnumerateObject())
        {
            Collect(p.Value, codings, identifiers, urls);
        }
    }
}
