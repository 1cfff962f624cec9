using Hepatica.Clinical;
using Hepatica.Fhir.Terminology;
using Hepatica.Fhir.Writing;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;

namespace Hepatica.Fhir.Tests;

/// <summary>The extension StructureDefinitions (ExtensionDefinitions): their shape, their snapshots over the R4 core, and their codes.</summary>
public sealed partial class ConformanceResourcesTests
{
    private static readonly string[] ExtensionUrls =
        [HepaticaSystems.AsOfSourceExtension, HepaticaSystems.GuidelineProfileExtension, HepaticaSystems.IssuePathExtension, HepaticaSystems.MissingInputExtension];

    public static TheoryData<string> Extensions => [.. ExtensionUrls];

    private static StructureDefinition Published(string url) =>
        ConformanceResources.All().Select(r => r.Resource).OfType<StructureDefinition>().Single(d => d.Url == url);

    [Fact]
    public void All_StructureDefinitions_AreTheFourExtensions()
    {
        var definitions = ConformanceResources.All().Select(r => r.Resource).OfType<StructureDefinition>();

        Assert.Equal(ExtensionUrls.Order(StringComparer.Ordinal), definitions.Select(d => d.Url).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(HepaticaSystems.AsOfSourceExtension, "Provenance", "code", "1")]
    [InlineData(HepaticaSystems.GuidelineProfileExtension, "Provenance", "code", "1")]
    [InlineData(HepaticaSystems.IssuePathExtension, "OperationOutcome.issue", "string", "1")]
    [InlineData(HepaticaSystems.MissingInputExtension, "OperationOutcome.issue", "string", "*")]
    public void Build_Extension_SimpleExtensionDifferential(string url, string context, string valueType, string max)
    {
        var d = Published(url);

        Assert.Equal("hepatica-" + url[(HepaticaSystems.Base.Length + "/StructureDefinition/".Length)..], d.Id);
        Assert.Equal((StructureDefinition.StructureDefinitionKind.ComplexType, "Extension", "http://hl7.org/fhir/StructureDefinition/Extension", StructureDefinition.TypeDerivationRule.Constraint, false),
            (d.Kind, d.Type, d.BaseDefinition, d.Derivation, d.Abstract));
        Assert.Equal((PublicationStatus.Active, true, FHIRVersion.N4_0_1), (d.Status, d.Experimental, d.FhirVersion));
        Assert.False(string.IsNullOrWhiteSpace(d.Name) || string.IsNullOrWhiteSpace(d.Title) || string.IsNullOrWhiteSpace(d.Description) || string.IsNullOrWhiteSpace(d.Publisher) || string.IsNullOrWhiteSpace(d.Version));
        var c = Assert.Single(d.Context);
        Assert.Equal((StructureDefinition.ExtensionContextType.Element, context), (c.Type, c.Expression));
        Assert.Null(d.Snapshot);
        var e = d.Differential!.Element.ToDictionary(x => x.Path!, StringComparer.Ordinal);
        Assert.Equal(["Extension", "Extension.extension", "Extension.url", "Extension.value[x]"], d.Differential.Element.Select(x => x.Path));
        Assert.Equal((0, max), (e["Extension"].Min, e["Extension"].Max));
        Assert.False(string.IsNullOrWhiteSpace(e["Extension"].Short) || string.IsNullOrWhiteSpace(e["Extension"].Definition));
        Assert.Equal("0", e["Extension.extension"].Max);
        Assert.Equal(url, Assert.IsType<FhirUri>(e["Extension.url"].Fixed).Value);
        Assert.Equal(1, e["Extension.value[x]"].Min);
        Assert.Equal(valueType, Assert.Single(e["Extension.value[x]"].Type).Code);
    }

    /// <summary>The differential is complete enough for Firely's SnapshotGenerator over the R4 core: no issue, the constraints carried into the snapshot.</summary>
    [Theory]
    [MemberData(nameof(Extensions))]
    public async Task Snapshot_Extension_GeneratedOverR4CoreWithoutIssues(string url)
    {
        var differential = Published(url);

        var (snapshotted, outcome) = await ProfileValidation.SnapshotAsync(differential);

        Assert.True(outcome is null || outcome.Issue.Count == 0, outcome is null ? "" : string.Join(Environment.NewLine, outcome.Issue.Select(i => $"{i.Severity} {i.Details?.Text ?? i.Diagnostics}")));
        Assert.NotNull(snapshotted.Snapshot);
        var e = snapshotted.Snapshot.Element;
        Assert.Equal(differential.Differential!.Element.Single(x => x.Path == "Extension").Max, e.Single(x => x.Path == "Extension").Max);
        Assert.Equal("0", e.Single(x => x.Path == "Extension.extension").Max);
        Assert.Equal(url, Assert.IsType<FhirUri>(e.Single(x => x.Path == "Extension.url").Fixed).Value);
        var value = e.Single(x => x.Path == "Extension.value[x]");
        Assert.Equal(1, value.Min);
        Assert.Equal(Assert.Single(differential.Differential!.Element.Single(x => x.Path == "Extension.value[x]").Type).Code, Assert.Single(value.Type).Code);
        Assert.Contains(e, x => x.Path == "Extension.id"); // inherited from the core: a real snapshot, not the differential copied
    }

    [Fact]
    public void AsOfSources_AreTheSourceNamesTheCoreWrites()
    {
        var snapshot = Json.SnapshotReader.Read(File.ReadAllBytes(Path.Combine(RepoRoot.Path, "samples", "demo-001.json"))).Snapshot!;
        var names = Enum.GetValues<AsOfSource>().Select(s => s switch
        {
            AsOfSource.AssessmentDate => Clinical.AsOf.For(snapshot, AsOf).SourceName,
            AsOfSource.FhirAsOf or AsOfSource.RunTime => Clinical.AsOf.AtInstant(AsOf, s).SourceName,
            _ => throw new ArgumentOutOfRangeException(nameof(s), s, "A new as-of source: list it in ExtensionDefinitions.AsOfSources."),
        });

        Assert.NotNull(snapshot.AssessmentDate);
        Assert.Equal(names.Order(StringComparer.Ordinal), ExtensionDefinitions.AsOfSources.Select(c => c.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void GuidelineProfiles_AreTheProfileIds() =>
        Assert.Equal(Enum.GetValues<GuidelineProfile>().Select(GuidelineProfiles.IdOf).Order(StringComparer.Ordinal), ExtensionDefinitions.GuidelineProfiles.Select(c => c.Code).Order(StringComparer.Ordinal));

    /// <summary>Each code the writer emits in a code-valued extension is one its StructureDefinition lists.</summary>
    [Fact]
    public void Writer_SamplesAndFixtures_EveryExtensionCodeIsListed()
    {
        var listed = ExtensionDefinitions.All.Where(e => e.Codes.Count > 0).ToDictionary(e => e.Url, e => e.Codes.Select(c => c.Code).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var written = new HashSet<(string Url, string Code)>();
        foreach (var bundle in Bundles())
        {
            foreach (var extension in bundle.Entry.Select(x => x.Resource).OfType<Provenance>().SelectMany(p => p.Extension))
            {
                written.Add((extension.Url!, Assert.IsType<Code>(extension.Value).Value!));
            }
        }

        Assert.All(written, w => Assert.Contains(w.Code, listed[w.Url]));
        Assert.Equal(listed.Keys.Order(StringComparer.Ordinal), written.Select(w => w.Url).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Build_StringExtensionWithCodes_Throws() =>
        Assert.Throws<ArgumentException>(() => ExtensionDefinitions.Build(new("u/x", "X", "X", "Provenance", "string", "1", "X", "X.", [new("a", "A", "A.")])));
}
