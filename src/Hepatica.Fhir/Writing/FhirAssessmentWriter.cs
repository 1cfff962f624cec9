using System.Text.Json;
using Hepatica.Clinical;
using Hepatica.Clinical.Scoring;
using Hepatica.Clinical.Serology;
using Hepatica.Fhir.Terminology;
using Hepatica.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace Hepatica.Fhir.Writing;

/// <summary>What the FHIR writer needs besides the assessment: when it was made, for whom, and from which resources.</summary>
/// <param name="Issued">The instant the assessment was made (Observation.issued, Provenance.recorded).</param>
/// <param name="AsOf">The instant the data was read as of (Observation.effective); defaults to <paramref name="Issued"/>.</param>
/// <param name="PatientReference">The subject, e.g. <c>Patient/123</c>; null when the input was a plain snapshot.</param>
/// <param name="Sources">Where each snapshot value came from (from <see cref="FhirSnapshotReader"/>), for derivedFrom; null for snapshot input.</param>
/// <param name="AsOfGiven">False when <paramref name="AsOf"/> is not the caller's but the run time (FHIR read without <c>--as-of</c>): the Bundle then says <c>run-time</c>.</param>
/// <param name="Inputs">How the input named its resources (<see cref="InputResources"/>): references to the inputs and issue locations; null for a snapshot.</param>
public sealed record FhirWriteContext(DateTimeOffset Issued, DateTimeOffset? AsOf = null, string? PatientReference = null, IReadOnlyList<FhirSource>? Sources = null, bool AsOfGiven = true, InputResources? Inputs = null)
{
    /// <summary>The as-of of the assessment and its source (docs/output.md): FHIR input's as-of, else the snapshot's assessmentDate, else <see cref="Issued"/>.</summary>
    public Hepatica.Clinical.AsOf BasisFor(PatientSnapshot snapshot) => AsOf is { } instant
        ? Hepatica.Clinical.AsOf.AtInstant(instant, AsOfGiven ? AsOfSource.FhirAsOf : AsOfSource.RunTime)
        : Hepatica.Clinical.AsOf.For(snapshot, Issued);
}

/// <summary>
/// Writes an assessment as one FHIR R4 Bundle (docs/fhir.md, "Writing"). The only place that knows the output profiles.
/// Stateless and thread-safe: each call fills its own <see cref="BundleScope"/>. The same assessment and context give
/// the same Bundle, byte for byte (entry ids are name-based uuids of patient, issued and content).
/// </summary>
public static class FhirAssessmentWriter
{
    private static readonly FhirJsonSerializer Serializer = new();
    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The assessment as a collection Bundle, in this order: the engine Device; for snapshot input a Bundle-local Patient
    /// standing for the subject; per calculated score an Observation (and a RiskAssessment when the score carries a
    /// prognosis); serology readings, tests to order, transplant referral, reactivation risk, immune advice, the
    /// vaccination plan; an OperationOutcome with the input issues and the scores not calculated, when there are any;
    /// last a Provenance naming the engine and the input resources. Components and bound notes come from the breakdown:
    /// an assessment made without steps (<c>Assessment.Of(snapshot, recordSteps: false)</c>) gives values without them.
    /// </summary>
    public static Bundle Write(Assessment assessment, FhirWriteContext context)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(context);
        var scope = new BundleScope(assessment, context);
        var basis = context.BasisFor(assessment.Snapshot);
        foreach (var outcome in assessment.Outcomes)
        {
            if (outcome.Result is { } result)
            {
                var observation = ScoreObservations.Write(result, scope);
                Prognoses.Write(result, observation, scope);
            }
            else if (outcome.Range is { } range)
            {
                // No prognosis for a range: a RiskAssessment from one end would state a guess as the patient's risk.
                ScoreObservations.WriteRange(outcome.Definition, range, scope);
            }
        }

        PlanResources.WriteSerology(assessment.Serology, scope);
        PlanResources.WriteTransplant(assessment.Transplant, scope);
        PlanResources.WriteImmunity(assessment.Immunity, scope, [SerologyPaths.HbsAg, SerologyPaths.AntiHbcTotal]);
        PlanResources.WritePrevention(assessment.Prevention, scope);

        var outcomeResource = Outcome(assessment, context.Inputs ?? (context.Sources is null ? InputResources.None : InputResources.Unparsed));
        if (outcomeResource.Issue.Count > 0)
        {
            scope.Add(outcomeResource, "OperationOutcome", "issues");
        }

        var provenance = new Provenance
        {
            Target = [.. scope.Targets.Select(t => new ResourceReference(t))],
            Recorded = context.Issued,
            // The as-of the assessment is for ("now" for the patient) and where it came from (docs/fhir.md, "Writing").
            Occurred = new FhirDateTime(basis.Text),
            Extension =
            [
                new Extension(HepaticaSystems.AsOfSourceExtension, new Code(basis.SourceName)),
                new Extension(HepaticaSystems.GuidelineProfileExtension, new Code(GuidelineProfiles.IdOf(assessment.Profile))),
            ],
            Activity = new CodeableConcept("http://terminology.hl7.org/CodeSystem/v3-DataOperation", "CREATE", "create", null),
            Agent =
            [
                new Provenance.AgentComponent
                {
                    Type = new CodeableConcept("http://terminology.hl7.org/CodeSystem/provenance-participant-type", "performer", "Performer", null),
                    Who = scope.Device,
                },
            ],
            // The input resources used, the Patient first (FHIR input), each named as the input named it.
            Entity = [.. scope.SourceReferences().Select(s => new Provenance.EntityComponent { Role = Provenance.ProvenanceEntityRole.Source, What = new ResourceReference(s) })],
        };
        scope.Add(provenance, "Provenance", "provenance", provenanceTarget: false);
        return scope.Bundle;
    }

    /// <summary>
    /// Input issues as an OperationOutcome, every issue kept (docs/fhir.md, "Issues"): errors <c>error</c>/<c>invalid</c>,
    /// warnings <c>warning</c>/<c>business-rule</c> (the input is valid FHIR; a reading rule of Hepatica flagged or set
    /// aside a value; R4's <c>informational</c> is for information-level issues). <c>expression</c> is FHIRPath into the
    /// input where the issue has a place in it (<see cref="InputResources.Expression"/>); the path Hepatica reports
    /// (a snapshot path, <c>Observation/{id}.valueQuantity.value</c>, an option such as <c>--as-of</c>) is the
    /// <see cref="HepaticaSystems.IssuePathExtension"/> extension, since most of those are not FHIRPath.
    /// </summary>
    /// <param name="issues">The issues.</param>
    /// <param name="inputs">How the input named its resources; null when unknown (only the SDK's <c>Bundle.…</c> paths become expressions).</param>
    public static OperationOutcome ToOperationOutcome(IEnumerable<InputIssue> issues, InputResources? inputs = null)
    {
        var outcome = Issues(issues, inputs);
        Narratives.Generate(outcome);
        return outcome;
    }

    private static OperationOutcome Issues(IEnumerable<InputIssue> issues, InputResources? inputs)
    {
        ArgumentNullException.ThrowIfNull(issues);
        inputs ??= InputResources.Unparsed;
        var outcome = new OperationOutcome();
        foreach (var issue in issues)
        {
            var component = new OperationOutcome.IssueComponent
            {
                Severity = issue.Severity == IssueSeverity.Error ? OperationOutcome.IssueSeverity.Error : OperationOutcome.IssueSeverity.Warning,
                Code = issue.Severity == IssueSeverity.Error ? OperationOutcome.IssueType.Invalid : OperationOutcome.IssueType.BusinessRule,
                Details = new CodeableConcept(HepaticaSystems.Issue, issue.Code, issue.Message),
                Diagnostics = issue.Message,
            };
            if (!string.IsNullOrWhiteSpace(issue.Path))
            {
                component.Extension.Add(new Extension(HepaticaSystems.IssuePathExtension, new FhirString(issue.Path)));
                if (inputs.Expression(issue.Path) is { } expression)
                {
                    component.Expression = [expression];
                }
            }

            outcome.Issue.Add(component);
        }

        return outcome;
    }

    /// <summary>Any resource as compact FHIR JSON.</summary>
    public static string ToJson(Resource resource) => Serializer.SerializeToString(resource);

    /// <summary>Any resource as FHIR JSON, indented when <paramref name="indented"/> (the command line's output); numbers keep their exact text.</summary>
    public static string ToJson(Resource resource, bool indented)
    {
        var compact = ToJson(resource);
        if (!indented)
        {
            return compact;
        }

        using var document = JsonDocument.Parse(compact);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(compact.Length * 2);
        using (var w = new Utf8JsonWriter(buffer, Indented))
        {
            document.WriteTo(w);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// The input issues, then one informational issue per score not calculated (with the missing inputs) or not
    /// applicable (with the reason), then the inputs that would decide further transplant, immunity or prevention items.
    /// </summary>
    private static OperationOutcome Outcome(Assessment assessment, InputResources inputs)
    {
        var outcome = Issues(assessment.Snapshot.Issues, inputs);
        foreach (var o in assessment.Outcomes)
        {
            if (o.Status is OutcomeStatus.Calculated or OutcomeStatus.Range)
            {
                continue;
            }

            var code = o.Status == OutcomeStatus.NotCalculable ? IssueConcepts.NotCalculable : IssueConcepts.NotApplicable;
            var text = $"{o.Definition.Id} {o.Definition.Version} {code}: {o.Reason}";
            outcome.Issue.Add(Information(code, text, o.Status == OutcomeStatus.NotCalculable ? o.Missing : [], inputs));
        }

        foreach (var p in assessment.Transplant.Possible)
        {
            outcome.Issue.Add(Information(IssueConcepts.PossibleTransplantSignal, $"transplant: possible {p.Signal.Id}: {p.Signal.Reason}", p.SettledBy, inputs));
        }

        foreach (var (section, missing) in new[] { ("transplant", assessment.Transplant.Missing), ("immunity", assessment.Immunity.Missing), ("prevention", assessment.Prevention.Missing) })
        {
            if (missing.Count > 0)
            {
                outcome.Issue.Add(Information(IssueConcepts.MissingInput, $"{section}: these inputs would decide further items: {string.Join(", ", missing)}", missing, inputs));
            }
        }

        return outcome;
    }

    /// <summary>
    /// An information issue about the inputs a result needs: each snapshot path as a
    /// <see cref="HepaticaSystems.MissingInputExtension"/> (a path in the snapshot contract, not FHIRPath into the input,
    /// which does not hold them). For FHIR input the text also names the codes the reader looks for.
    /// </summary>
    private static OperationOutcome.IssueComponent Information(string code, string text, IReadOnlyList<string> paths, InputResources inputs)
    {
        var component = new OperationOutcome.IssueComponent
        {
            Severity = OperationOutcome.IssueSeverity.Information,
            Code = OperationOutcome.IssueType.Informational,
            Details = new CodeableConcept(HepaticaSystems.Issue, code, text),
            Diagnostics = inputs.Kind == InputResources.InputKind.Snapshot ? text : text + FhirSupply(paths),
        };
        foreach (var path in paths)
        {
            component.Extension.Add(new Extension(HepaticaSystems.MissingInputExtension, new FhirString(path)));
        }

        return component;
    }

    /// <summary>For FHIR input: what an integrator would supply for each missing path (the codes the reader looks for).</summary>
    private static string FhirSupply(IReadOnlyList<string> paths)
    {
        var supply = paths.Select(p => (Path: p, Codes: FhirInputCodes.For(p))).Where(x => x.Codes is not null).Select(x => $"{x.Path}: {x.Codes}").ToList();
        return supply.Count == 0 ? "" : " To supply in FHIR: " + string.Join("; ", supply) + ".";
    }
}
