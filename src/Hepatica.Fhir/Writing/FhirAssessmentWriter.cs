using System.Text.Json;
using Hepatica.Clinical;
using Hepatica.Clinical.Scoring;
using Hepatica.Clinical.Serology;
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
public sealed record FhirWriteContext(DateTimeOffset Issued, DateTimeOffset? AsOf = null, string? PatientReference = null, IReadOnlyList<FhirSource>? Sources = null, bool AsOfGiven = true)
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

        var outcomeResource = Outcome(assessment);
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
            Entity = [.. scope.SourceReferences().Select(s => new Provenance.EntityComponent { Role = Provenance.ProvenanceEntityRole.Source, What = new ResourceReference(s) })],
        };
        scope.Add(provenance, "Provenance", "provenance", provenanceTarget: false);
        return scope.Bundle;
    }

    /// <summary>Input issues as an OperationOutcome (errors as <c>error</c>, warnings as <c>warning</c>), every issue kept.</summary>
    public static OperationOutcome ToOperationOutcome(IEnumerable<InputIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        var outcome = new OperationOutcome();
        foreach (var issue in issues)
        {
            var component = new OperationOutcome.IssueComponent
            {
                Severity = issue.Severity == IssueSeverity.Error ? OperationOutcome.IssueSeverity.Error : OperationOutcome.IssueSeverity.Warning,
                Code = issue.Severity == IssueSeverity.Error ? OperationOutcome.IssueType.Invalid : OperationOutcome.IssueType.Informational,
                Details = new CodeableConcept(HepaticaSystems.Issue, issue.Code, issue.Message),
                Diagnostics = issue.Message,
            };
            if (!string.IsNullOrWhiteSpace(issue.Path))
            {
                component.Expression = [issue.Path];
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
    private static OperationOutcome Outcome(Assessment assessment)
    {
        var outcome = ToOperationOutcome(assessment.Snapshot.Issues);
        foreach (var o in assessment.Outcomes)
        {
            if (o.Status is OutcomeStatus.Calculated or OutcomeStatus.Range)
            {
                continue;
            }

            var code = o.Status == OutcomeStatus.NotCalculable ? "not-calculable" : "not-applicable";
            var text = $"{o.Definition.Id} {o.Definition.Version} {code}: {o.Reason}";
            outcome.Issue.Add(Information(code, text, o.Status == OutcomeStatus.NotCalculable ? o.Missing : []));
        }

        foreach (var p in assessment.Transplant.Possible)
        {
            outcome.Issue.Add(Information("possible-transplant-signal", $"transplant: possible {p.Signal.Id}: {p.Signal.Reason}", p.SettledBy));
        }

        foreach (var (section, missing) in new[] { ("transplant", assessment.Transplant.Missing), ("immunity", assessment.Immunity.Missing), ("prevention", assessment.Prevention.Missing) })
        {
            if (missing.Count > 0)
            {
                outcome.Issue.Add(Information("missing-input", $"{section}: these inputs would decide further items: {string.Join(", ", missing)}", missing));
            }
        }

        return outcome;
    }

    private static OperationOutcome.IssueComponent Information(string code, string text, IReadOnlyList<string> paths) => new()
    {
        Severity = OperationOutcome.IssueSeverity.Information,
        Code = OperationOutcome.IssueType.Informational,
        Details = new CodeableConcept(HepaticaSystems.Issue, code, text),
        Diagnostics = text,
        Expression = [.. paths],
    };
}
