using Hepatica.Clinical;
using Hepatica.Clinical.Scoring;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace Hepatica.Fhir.Writing;

/// <summary>What the FHIR writer needs besides the assessment: when it was made, for whom, and from which resources.</summary>
/// <param name="Issued">The instant the assessment was made (Observation.issued, Provenance.recorded).</param>
/// <param name="AsOf">The instant the data was read as of (Observation.effective); defaults to <paramref name="Issued"/>.</param>
/// <param name="PatientReference">The subject, e.g. <c>Patient/123</c>; null when the input was a plain snapshot.</param>
/// <param name="Sources">Where each snapshot value came from (from <see cref="FhirSnapshotReader"/>), for derivedFrom; null for snapshot input.</param>
public sealed record FhirWriteContext(DateTimeOffset Issued, DateTimeOffset? AsOf = null, string? PatientReference = null, IReadOnlyList<FhirSource>? Sources = null);

/// <summary>Writes an assessment as one FHIR R4 Bundle (docs/fhir.md, "Writing"). The only place that knows the output profiles.</summary>
public static class FhirAssessmentWriter
{
    private static readonly FhirJsonSerializer Serializer = new();

    /// <summary>The assessment as a collection Bundle.</summary>
    public static Bundle Write(Assessment assessment, FhirWriteContext context)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(context);
        return new Bundle { Type = Bundle.BundleType.Collection, Timestamp = context.Issued };
    }

    /// <summary>Input issues as an OperationOutcome (errors as <c>error</c>, warnings as <c>warning</c>), every issue kept.</summary>
    public static OperationOutcome ToOperationOutcome(IEnumerable<InputIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        var outcome = new OperationOutcome();
        foreach (var issue in issues)
        {
            outcome.Issue.Add(new OperationOutcome.IssueComponent
            {
                Severity = issue.Severity == IssueSeverity.Error ? OperationOutcome.IssueSeverity.Error : OperationOutcome.IssueSeverity.Warning,
                Code = issue.Severity == IssueSeverity.Error ? OperationOutcome.IssueType.Invalid : OperationOutcome.IssueType.Informational,
                Details = new CodeableConcept("https://hepatica.example.org/fhir/CodeSystem/issue", issue.Code, issue.Message),
                Diagnostics = issue.Message,
                Expression = [issue.Path],
            });
        }
        return outcome;
    }

    /// <summary>Any resource as compact FHIR JSON.</summary>
    public static string ToJson(Resource resource) => Serializer.SerializeToString(resource);
}
