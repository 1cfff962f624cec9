using System.Globalization;

namespace Hepatica.Json;

/// <summary>
/// Where one snapshot value came from: the FHIR resource, its effective date and the code that matched. Kept beside
/// the snapshot (the core stays free of FHIR), shown by <c>hepatica assess --explain</c> and written as the assessment
/// JSON's <c>sources</c> (docs/output.md) by <see cref="AssessmentWriter"/>, which is why it lives here and not in the FHIR reader.
/// </summary>
/// <param name="Path">The snapshot path the resource fed, for example <c>labs.bilirubin</c>, <c>findings.cirrhosis</c>,
/// <c>findings.dialysisTwiceInPastWeek</c>, <c>conditions.chronicHepatitisB</c>, <c>vaccinations</c>, <c>medications[0]</c>, <c>labs.altUpperLimit</c>.</param>
/// <param name="ResourceType">Observation, Condition, Procedure, Immunization, MedicationStatement, MedicationRequest or Patient.</param>
/// <param name="Id">The resource id (null when the resource had none).</param>
/// <param name="Date">The effective (performed, onset, occurrence) time, when the resource gives one.</param>
/// <param name="System">The code system of the matching coding.</param>
/// <param name="Code">The matching code.</param>
/// <param name="Reported">The value and unit as the resource gave them (labs), whether a drug is current or planned with its status (medications), else null.</param>
public sealed record FhirSource(string Path, string ResourceType, string? Id, DateTimeOffset? Date, string System, string Code, string? Reported = null)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{Path} <- {ResourceType}/{Id ?? "(no id)"}{(Date is { } d ? " " + d.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture) : "")} {CodeSystemName(System)} {Code}{(Reported is null ? "" : " = " + Reported)}";

    private static string CodeSystemName(string system) => system switch
    {
        "http://loinc.org" => "LOINC",
        "http://snomed.info/sct" => "SNOMED",
        "http://hl7.org/fhir/sid/icd-10-cm" => "ICD-10-CM",
        "http://www.ama-assn.org/go/cpt" => "CPT",
        "http://hl7.org/fhir/sid/cvx" => "CVX",
        "http://www.nlm.nih.gov/research/umls/rxnorm" => "RxNorm",
        "http://www.whocc.no/atc" => "ATC",
        _ => system,
    };
}
