namespace Hepatica.Fhir.Writing;

/// <summary>
/// The URLs of Hepatica's own code systems and of the few external ones the writer uses (docs/fhir.md, "Writing").
/// Every local system lives under <see cref="Base"/> (decision 0008) and is published under docs/fhir, generated from the
/// code (<c>hepatica fhir-terminology --out docs/fhir</c>). The local score code is always written. LOINC codes reported
/// for some scores (MELD, MELD-Na, FIB-4, APRI, AUDIT-C, a Child-Pugh panel) are being verified against a LOINC release
/// (issue 16); a verified one is added beside the local code, never instead of it.
/// </summary>
public static class HepaticaSystems
{
    /// <summary>The canonical base of every Hepatica conformance resource (decision 0008): CodeSystems at <c>{Base}/CodeSystem/{id}</c>.</summary>
    public const string Base = "https://hepatica.org/fhir";

    /// <summary>One code per score, code = score id (docs/fhir/CodeSystem-hepatica-scores.json, generated from the catalog).</summary>
    public const string Scores = Base + "/CodeSystem/scores";

    /// <summary>The local Observation category <c>clinical-score</c> (beside HL7 <c>survey</c>), and <c>serology-interpretation</c>.</summary>
    public const string ObservationCategory = Base + "/CodeSystem/observation-category";

    /// <summary>What an Observation component carries: <c>term</c>, <c>points</c>, <c>category</c>, <c>unrounded</c>, <c>extra</c>, <c>alternative</c>.</summary>
    public const string ScoreComponent = Base + "/CodeSystem/score-component";

    /// <summary>Serology topics (<c>hepatitis-b</c>, ...) and categories (<c>hbv-immune-vaccination</c>, ...) of docs/serology.md.</summary>
    public const string Serology = Base + "/CodeSystem/serology";

    /// <summary>Issue codes (LAB, SNP, FHR, ... and <c>not-calculable</c>, <c>not-applicable</c>) in OperationOutcome details.</summary>
    public const string Issue = Base + "/CodeSystem/issue";

    /// <summary>Recommendation and signal ids (prevention plan, transplant signals, immune signals, reactivation rows).</summary>
    public const string Recommendation = Base + "/CodeSystem/recommendation";

    /// <summary>The identifier system of a snapshot's own id on the Patient that stands for it (published as a NamingSystem).</summary>
    public const string SnapshotIdentifier = Base + "/snapshot-id";

    /// <summary>HL7 Observation category (<c>survey</c>).</summary>
    public const string Hl7ObservationCategory = "http://terminology.hl7.org/CodeSystem/observation-category";

    /// <summary>UCUM.</summary>
    public const string Ucum = "http://unitsofmeasure.org";

    /// <summary>LOINC (only 30980-7 "Date vaccine due" is written).</summary>
    public const string Loinc = "http://loinc.org";

    /// <summary>CDC CVX vaccine codes.</summary>
    public const string Cvx = "http://hl7.org/fhir/sid/cvx";

    /// <summary>HL7 immunization recommendation status (due, overdue, immune, contraindicated, complete).</summary>
    public const string ForecastStatus = "http://terminology.hl7.org/CodeSystem/immunization-recommendation-status";

    /// <summary>Provenance extension: where the as-of (Provenance.occurredDateTime) came from, <c>assessmentDate</c>, <c>fhir-as-of</c> or <c>run-time</c>.</summary>
    public const string AsOfSourceExtension = Base + "/StructureDefinition/as-of-source";

    /// <summary>Provenance extension: the guideline profile the assessment followed, <c>us</c> or <c>uk</c> (docs/transplant.md, "Guideline profiles").</summary>
    public const string GuidelineProfileExtension = Base + "/StructureDefinition/guideline-profile";

    /// <summary>OperationOutcome issue extension (string): the path Hepatica reports the issue at (a snapshot path, <c>Observation/{id}.valueQuantity.value</c>, an option such as <c>--as-of</c>); <c>expression</c> holds FHIRPath only.</summary>
    public const string IssuePathExtension = Base + "/StructureDefinition/issue-path";

    /// <summary>OperationOutcome issue extension (string, repeated): a snapshot path a result needs and the input did not give.</summary>
    public const string MissingInputExtension = Base + "/StructureDefinition/missing-input";

    /// <summary>The engine's version (<see cref="Hepatica.Clinical.Engine.Version"/>, one place for every output).</summary>
    public static string EngineVersion => Hepatica.Clinical.Engine.Version;
}
