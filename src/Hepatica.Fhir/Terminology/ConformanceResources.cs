using Hepatica.Fhir.Writing;
using Hl7.Fhir.Model;

namespace Hepatica.Fhir.Terminology;

/// <summary>One conformance resource and the file it is published as under docs/fhir.</summary>
/// <param name="FileName">The file name, <c>{resourceType}-{id}.json</c>.</param>
/// <param name="Resource">The resource.</param>
public sealed record PublishedResource(string FileName, Resource Resource);

/// <summary>
/// Every conformance resource Hepatica publishes (decision 0008; docs/fhir.md, "Codes written"): one CodeSystem per
/// local code system, generated from the tables the writer uses, a NamingSystem for the snapshot-id identifier
/// system, and a StructureDefinition per extension the writer emits (<see cref="ExtensionDefinitions"/>). Written by <c>hepatica fhir-terminology --out docs/fhir</c>; tests fail when a committed file differs.
/// Each CodeSystem carries its own version (not the engine's): bump it when a concept is added, changed or retired.
/// </summary>
public static class ConformanceResources
{
    /// <summary>Who publishes the resources.</summary>
    public const string Publisher = "Hepatica contributors";

    /// <summary>The version of the observation-category, score-component, serology, issue and recommendation code systems.</summary>
    public const string CodeSystemVersion = "1.0.0";

    /// <summary>The date the NamingSystem was last changed (NamingSystem.date is required in R4).</summary>
    public const string NamingSystemDate = "2026-12-03";

    /// <summary>The local Observation categories.</summary>
    public static readonly IReadOnlyList<LocalConcept> ObservationCategories =
    [
        new("clinical-score", "Clinical score", "An Observation whose value is a clinical score Hepatica computed (written beside the HL7 category survey); its code is from the Hepatica score CodeSystem."),
        new("serology-interpretation", "Serology interpretation", "An Observation whose value is Hepatica's reading of viral hepatitis serology; code and value are from the Hepatica serology CodeSystem."),
    ];

    /// <summary>What a score Observation's components carry (ScoreObservations).</summary>
    public static readonly IReadOnlyList<LocalConcept> ScoreComponents =
    [
        new("term", "Term", "One additive term of the score's formula, a step of the breakdown, in {score}; the component's text names it."),
        new("points", "Points", "The points one input contributes to a points-based score, a step of the breakdown; the component's text names the input."),
        new("category", "Category", "The interpretation band, class or grade of the result, as text."),
        new("unrounded", "Unrounded value", "The value before rounding and before any floor, cap or bound was applied, in {score}."),
        new("extra", "Extra value", "A further number the score reports beside its value (for example a sub-score); the component's text names it."),
        new("alternative", "Alternative result", "For a ranged score (preliminary, inputs missing): the result under one combination of values of the missing findings; the component's text names the values assumed."),
    ];

    /// <summary>The resources, in the order they are listed in docs/fhir.md.</summary>
    public static IReadOnlyList<PublishedResource> All() =>
    [
        new("CodeSystem-hepatica-scores.json", ScoreCodeSystem.Build()),
        new("CodeSystem-hepatica-observation-category.json", Build("hepatica-observation-category", HepaticaSystems.ObservationCategory, "HepaticaObservationCategory", "Hepatica Observation categories",
            "Observation categories Hepatica writes beside the HL7 ones: a computed clinical score, a serology interpretation.", ObservationCategories)),
        new("CodeSystem-hepatica-score-component.json", Build("hepatica-score-component", HepaticaSystems.ScoreComponent, "HepaticaScoreComponent", "Hepatica score Observation components",
            "What each component of a Hepatica score Observation carries: a term or points of the breakdown, the category, the unrounded value, an extra value, or one alternative of a ranged score.", ScoreComponents)),
        new("CodeSystem-hepatica-serology.json", Build("hepatica-serology", HepaticaSystems.Serology, "HepaticaSerology", "Hepatica viral hepatitis serology readings",
            "The topics (Observation.code) and categories (Observation.valueCodeableConcept) of Hepatica's serology interpretations (docs/serology.md). Generated from the serology table of the FHIR adapter, checked against the interpreters of the clinical core.", SerologyConcepts.All)),
        new("CodeSystem-hepatica-issue.json", Build("hepatica-issue", HepaticaSystems.Issue, "HepaticaIssue", "Hepatica issue codes",
            "The codes of OperationOutcome.issue.details: every stable input issue code (LAB, SNP, DAT, PAT, RES, MED, VAC, SER, FHR, BLK, ING, API, CDS, REC) and the informational codes of the FHIR writer (not-calculable, not-applicable, possible-transplant-signal, missing-input). Codes are never reused for another meaning. Generated from the issue table, checked against every issue code constant.", IssueConcepts.All)),
        new("CodeSystem-hepatica-recommendation.json", Build("hepatica-recommendation", HepaticaSystems.Recommendation, "HepaticaRecommendation", "Hepatica recommendations and signals",
            "The stable ids of Hepatica's prevention plan items, transplant referral signals, immune signals and hepatitis B reactivation rows (docs/prevention.md, docs/transplant.md, docs/immunity.md). Generated from the clinical core's lists where it keeps them.", RecommendationConcepts.All)),
        new("NamingSystem-hepatica-snapshot-id.json", SnapshotIdentifier()),
        .. ExtensionDefinitions.All.Select(e => new PublishedResource($"StructureDefinition-{e.Id}.json", ExtensionDefinitions.Build(e))),
    ];

    /// <summary>A complete, case-sensitive CodeSystem of <paramref name="concepts"/> (the codes must be unique).</summary>
    public static CodeSystem Build(string id, string url, string name, string title, string description, IReadOnlyList<LocalConcept> concepts)
    {
        ArgumentNullException.ThrowIfNull(concepts);
        var duplicate = concepts.GroupBy(c => c.Code, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"{id}: the code {duplicate.Key} is listed {duplicate.Count()} times.", nameof(concepts));
        }

        var system = new CodeSystem
        {
            Id = id,
            Url = url,
            Version = CodeSystemVersion,
            Name = name,
            Title = title,
            Status = PublicationStatus.Active,
            Experimental = true,
            Publisher = Publisher,
            Description = description,
            CaseSensitive = true,
            Content = CodeSystemContentMode.Complete,
            Count = concepts.Count,
        };
        foreach (var c in concepts)
        {
            system.Concept.Add(new CodeSystem.ConceptDefinitionComponent { Code = c.Code, Display = c.Display, Definition = c.Definition });
        }

        return system;
    }

    /// <summary>The NamingSystem of <see cref="HepaticaSystems.SnapshotIdentifier"/>: a snapshot's own id on the Patient that stands for it.</summary>
    public static NamingSystem SnapshotIdentifier() => new()
    {
        Id = "hepatica-snapshot-id",
        Name = "HepaticaSnapshotId",
        Status = PublicationStatus.Active,
        Kind = NamingSystem.NamingSystemType.Identifier,
        Date = NamingSystemDate,
        Publisher = Publisher,
        Responsible = "Hepatica",
        Description = "The id a Hepatica snapshot (docs/snapshot.md) carries, written as Patient.identifier on the local Patient that stands for the snapshot when the input was a snapshot rather than FHIR. Assigned by whoever produced the snapshot; unique only within that producer's data.",
        Usage = "Patient.identifier.system on the Patient of a Bundle Hepatica wrote from snapshot input.",
        UniqueId =
        [
            new NamingSystem.UniqueIdComponent { Type = NamingSystem.NamingSystemIdentifierType.Uri, Value = HepaticaSystems.SnapshotIdentifier, Preferred = true },
        ],
    };
}
