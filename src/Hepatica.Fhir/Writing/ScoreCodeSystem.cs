using Hepatica.Clinical.Scoring;
using Hl7.Fhir.Model;

namespace Hepatica.Fhir.Writing;

/// <summary>
/// The Hepatica score CodeSystem (<see cref="HepaticaSystems.Scores"/>), generated from <see cref="ScoreCatalog"/>: one
/// concept per score, code = score id, display = name, the definition its rounding and sources, and the implementation
/// version as a property. Committed as docs/fhir/CodeSystem-hepatica-scores.json; a test fails when the catalog changes
/// without regenerating it (<c>hepatica scores --format fhir &gt; docs/fhir/CodeSystem-hepatica-scores.json</c>).
/// </summary>
public static class ScoreCodeSystem
{
    /// <summary>The CodeSystem for the given catalog entries (the whole catalog by default).</summary>
    public static CodeSystem Build(IReadOnlyList<Hepatica.Clinical.Scoring.CatalogEntry>? entries = null)
    {
        var system = new CodeSystem
        {
            Id = "hepatica-scores",
            Url = HepaticaSystems.Scores,
            Name = "HepaticaScores",
            Title = "Hepatica clinical scores",
            Status = PublicationStatus.Active,
            Experimental = true,
            Publisher = "Hepatica contributors",
            Description = "The scores Hepatica computes, one code per score (code = the stable score id), always written. Where a LOINC code is verified against LOINC's own record it is written as a further coding (AUDIT-C: 75626-2); LOINC codes reported for MELD, MELD-Na, FIB-4 and APRI were not verified and are not used (docs/fhir.md, \"LOINC for scores\"). Generated from the score catalog.",
            CaseSensitive = true,
            Content = CodeSystemContentMode.Complete,
            Property =
            [
                new CodeSystem.PropertyComponent { Code = "version", Description = "The version of Hepatica's implementation of the score (bumped on any clinical change).", Type = CodeSystem.PropertyType.String },
            ],
        };
        foreach (var entry in entries ?? ScoreCatalog.All)
        {
            var def = entry.Definition;
            system.Concept.Add(new CodeSystem.ConceptDefinitionComponent
            {
                Code = def.Id,
                Display = def.Name,
                Definition = $"{def.Name}. Rounding: {def.Rounding}. Sources: {string.Join("; ", def.Citations.Select(c => c.Key))}.",
                Property = [new CodeSystem.ConceptPropertyComponent { Code = "version", Value = new FhirString(def.Version) }],
            });
        }

        system.Count = system.Concept.Count;
        return system;
    }
}
