using System.Globalization;
using Hepatica.Fhir.Writing;
using Hl7.Fhir.Model;

namespace Hepatica.Fhir.Terminology;

/// <summary>One simple extension the writer emits: where it goes, its one value type, how often, and what it means.</summary>
/// <param name="Url">The extension's canonical URL (a <see cref="HepaticaSystems"/> constant under <c>{Base}/StructureDefinition/</c>).</param>
/// <param name="Name">A computer-friendly name (<c>HepaticaAsOfSource</c>).</param>
/// <param name="Title">A human-friendly title.</param>
/// <param name="Context">The element it extends (FHIRPath of an element: <c>Provenance</c>, <c>OperationOutcome.issue</c>).</param>
/// <param name="ValueType">The FHIR type of <c>value[x]</c> (<c>code</c>, <c>string</c>).</param>
/// <param name="Max">How many may stand on one element: <c>1</c> or <c>*</c>.</param>
/// <param name="Summary">One line, for tables (ElementDefinition.short).</param>
/// <param name="Definition">What the value means.</param>
/// <param name="Codes">For a code value: every code the writer can emit (listed in the definition; no binding yet).</param>
public sealed record ExtensionDefinition(string Url, string Name, string Title, string Context, string ValueType, string Max, string Summary, string Definition, IReadOnlyList<LocalConcept> Codes)
{
    /// <summary>The resource id and file name part: <c>hepatica-{last URL segment}</c>, as for the CodeSystems.</summary>
    public string Id => "hepatica-" + Url[(Url.LastIndexOf('/') + 1)..];
}

/// <summary>
/// The StructureDefinitions of the four extensions the writer emits (docs/fhir.md, "Codes written"): simple extensions
/// (one value, no nested extensions), each with its context. Published as a DIFFERENTIAL only: a snapshot needs the R4
/// core Extension definition, which lives in the specification package the tests load (tests/Hepatica.Fhir.Tests/
/// ProfileValidation.cs generates the snapshot there), and the product does not carry that 30 MB package. A code-valued
/// extension lists its codes in the definition text rather than binding a ValueSet: two or three codes, read by people;
/// the tests check the lists against the codes the core writes.
/// </summary>
public static class ExtensionDefinitions
{
    /// <summary>The version of the four StructureDefinitions: bump it when one changes (a code added, a context, a cardinality).</summary>
    public const string Version = "1.0.0";

    /// <summary>The R4 core Extension definition every one of them constrains.</summary>
    public const string ExtensionBase = "http://hl7.org/fhir/StructureDefinition/Extension";

    /// <summary>Where Provenance.occurredDateTime (the as-of) came from, as <c>asOfSource</c> in docs/output.md.</summary>
    public static readonly IReadOnlyList<LocalConcept> AsOfSources =
    [
        new("fhir-as-of", "FHIR as-of", "FHIR input read as of an instant the caller gave (--as-of, the API's asOf)."),
        new("assessmentDate", "Snapshot assessment date", "The snapshot's assessmentDate (a date, no time of day)."),
        new("run-time", "Run time", "Neither was given: the instant of the run (--issued or the clock), never presented as the patient's data. FHIR input without --as-of is read as of the run time and says run-time."),
    ];

    /// <summary>The guideline profiles (docs/transplant.md, "Guideline profiles").</summary>
    public static readonly IReadOnlyList<LocalConcept> GuidelineProfiles =
    [
        new("us", "United States", "OPTN allocation policy, AASLD guidance, ACIP vaccines (the default)."),
        new("uk", "United Kingdom", "UKELD and the NHSBT liver selection policy."),
    ];

    /// <summary>The four extensions, in the order docs/fhir.md names them.</summary>
    public static readonly IReadOnlyList<ExtensionDefinition> All =
    [
        new(HepaticaSystems.AsOfSourceExtension, "HepaticaAsOfSource", "Hepatica as-of source", "Provenance", "code", "1",
            "Where the as-of (occurredDateTime) came from",
            "Where Provenance.occurredDateTime, the as-of the assessment is for (\"now\" for the patient), came from; the same value as asOfSource in Hepatica's JSON output (docs/output.md).",
            AsOfSources),
        new(HepaticaSystems.GuidelineProfileExtension, "HepaticaGuidelineProfile", "Hepatica guideline profile", "Provenance", "code", "1",
            "The guideline profile the assessment followed",
            "The guideline profile the assessment followed, chosen by the caller (--profile, the API's profile): it decides which score is presented as the allocation or listing score and which transplant referral signals are shown; every score is still computed (docs/transplant.md, \"Guideline profiles\").",
            GuidelineProfiles),
        new(HepaticaSystems.IssuePathExtension, "HepaticaIssuePath", "Hepatica issue path", "OperationOutcome.issue", "string", "1",
            "The path Hepatica reports the issue at",
            "The path Hepatica reports the issue at, as the path of its JSON output: a snapshot path (labs.inr), a place in a FHIR input (Observation/{id}.valueQuantity.value, which names the resource in Bulk output), or an option (--as-of). Most are not FHIRPath; issue.expression holds FHIRPath into the input only, when the issue has a place in it.",
            []),
        new(HepaticaSystems.MissingInputExtension, "HepaticaMissingInput", "Hepatica missing input", "OperationOutcome.issue", "string", "*",
            "A snapshot path a result needs and the input did not give",
            "A path in Hepatica's snapshot contract (labs.inr, findings.ascites; not FHIRPath) that a result needs and the input did not give: one per path on a not-calculable, possible-transplant-signal or missing-input issue. For FHIR input, issue.diagnostics says what an integrator would supply.",
            []),
    ];

    /// <summary>The StructureDefinition of <paramref name="extension"/>: differential only (the class remarks say why).</summary>
    public static StructureDefinition Build(ExtensionDefinition extension)
    {
        ArgumentNullException.ThrowIfNull(extension);
        if (extension.ValueType != "code" && extension.Codes.Count > 0)
        {
            throw new ArgumentException($"{extension.Url}: only a code value lists codes.", nameof(extension));
        }

        var definition = extension.Codes.Count == 0 ? extension.Definition
            : extension.Definition + " Codes (case-sensitive):" + string.Concat(extension.Codes.Select(c => string.Create(CultureInfo.InvariantCulture, $"\n- `{c.Code}`: {c.Display}. {c.Definition}")));
        var value = new ElementDefinition("Extension.value[x]")
        {
            ElementId = "Extension.value[x]",
            Min = 1,
            Type = [new ElementDefinition.TypeRefComponent { Code = extension.ValueType }],
        };
        return new StructureDefinition
        {
            Id = extension.Id,
            Url = extension.Url,
            Version = Version,
            Name = extension.Name,
            Title = extension.Title,
            Status = PublicationStatus.Active,
            Experimental = true,
            Publisher = ConformanceResources.Publisher,
            Description = definition,
            FhirVersion = FHIRVersion.N4_0_1,
            Kind = StructureDefinition.StructureDefinitionKind.ComplexType,
            Abstract = false,
            Context = [new StructureDefinition.ContextComponent { Type = StructureDefinition.ExtensionContextType.Element, Expression = extension.Context }],
            Type = "Extension",
            BaseDefinition = ExtensionBase,
            Derivation = StructureDefinition.TypeDerivationRule.Constraint,
            Differential = new StructureDefinition.DifferentialComponent
            {
                Element =
                [
                    new ElementDefinition("Extension") { ElementId = "Extension", Short = extension.Summary, Definition = definition, Min = 0, Max = extension.Max },
                    new ElementDefinition("Extension.extension") { ElementId = "Extension.extension", Max = "0" },
                    new ElementDefinition("Extension.url") { ElementId = "Extension.url", Fixed = new FhirUri(extension.Url) },
                    value,
                ],
            },
        };
    }
}
