using Hepatica.Clinical.Scoring;
using Hepatica.Fhir.Writing;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace Hepatica.Fhir.Tests;

/// <summary>docs/fhir/CodeSystem-hepatica-scores.json is the catalog: adding or changing a score without regenerating it fails here.</summary>
public sealed class ScoreCodeSystemTests
{
    private static readonly string Committed = Path.Combine(RepoRoot.Path, "docs", "fhir", "CodeSystem-hepatica-scores.json");

    [Fact]
    public void Committed_EqualsTheCatalog_RegenerateWithHepaticaScoresFormatFhir()
    {
        var committed = FhirJsonDeserializer.STRICT.Deserialize<CodeSystem>(File.ReadAllText(Committed));

        Assert.Equal(ScoreCatalog.All.Select(e => (e.Definition.Id, e.Definition.Name, e.Definition.Version)),
            committed.Concept.Select(c => (c.Code!, c.Display!, ((FhirString)c.Property.Single(p => p.Code == "version").Value).Value!)));
        Assert.Equal(FhirAssessmentWriter.ToJson(ScoreCodeSystem.Build()), FhirAssessmentWriter.ToJson(committed));
    }

    [Fact]
    public void Build_UrlIsTheOneScoreObservationsUse_CountMatches()
    {
        var system = ScoreCodeSystem.Build();

        Assert.Equal(HepaticaSystems.Scores, system.Url);
        Assert.Equal(ScoreCatalog.All.Count, system.Count);
        Assert.Equal(system.Concept.Count, system.Concept.Select(c => c.Code).Distinct().Count());
        Assert.Empty(FhirAssessmentWriterTests.Validate(system));
    }
}
