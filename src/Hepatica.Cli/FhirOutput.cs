using Hepatica.Clinical;
using Hepatica.Clinical.Scoring;
using Hepatica.Fhir.Writing;

namespace Hepatica.Cli;

/// <summary>
/// <c>--format fhir</c>: the assessment as a FHIR R4 Bundle, unreadable input as an OperationOutcome with every issue,
/// and <c>scores --format fhir</c> as the Hepatica score CodeSystem (docs/fhir.md, "Writing").
/// </summary>
internal static class FhirOutput
{
    /// <summary>
    /// Writes the Bundle. FHIR input: the subject is <c>Patient/{id}</c> and derivedFrom names the input Observations.
    /// Snapshot input has neither: the Bundle carries a local Patient standing for the snapshot, and no derivedFrom.
    /// </summary>
    public static void WriteBundle(Assessment assessment, FhirWriteContext context) =>
        Console.Out.WriteLine(FhirAssessmentWriter.ToJson(FhirAssessmentWriter.Write(assessment, context), indented: true));

    /// <summary>Every issue of an unreadable input as one OperationOutcome on standard output.</summary>
    public static void WriteUnreadable(IReadOnlyList<InputIssue> issues, Hepatica.Fhir.InputResources resources) =>
        Console.Out.WriteLine(FhirAssessmentWriter.ToJson(FhirAssessmentWriter.ToOperationOutcome(issues, resources), indented: true));

    /// <summary>The score CodeSystem (committed as docs/fhir/CodeSystem-hepatica-scores.json).</summary>
    public static void WriteCodeSystem() =>
        Console.Out.WriteLine(FhirAssessmentWriter.ToJson(ScoreCodeSystem.Build(), indented: true));
}
