using Hepatica.Fhir;

namespace Hepatica.Web.CdsHooks;

/// <summary>
/// The services of the discovery document, with the prefetch each one needs. Keys match the resource type so a CDS
/// client that prefetches by type fills them; anything missing is fetched from <c>fhirServer</c> (PrefetchResolver).
/// </summary>
internal static class CdsServices
{
    public const string PatientViewId = "hepatica-patient-view";
    public const string OrderSelectId = "hepatica-order-select";

    /// <summary>HBsAg and anti-HBc total, the LOINC codes the FHIR reader accepts (src/Hepatica.Fhir/SerologyCodes.cs).</summary>
    private const string HbvScreeningCodes = "http://loinc.org|5196-1,http://loinc.org|5195-3,http://loinc.org|75410-1,http://loinc.org|13952-7,http://loinc.org|16933-4";

    public static readonly CdsService PatientView = new(
        "patient-view", PatientViewId, "Hepatica: liver failure and its immune side",
        "Transplant referral signals, ACLF and acute liver failure criteria, severe alcohol-associated hepatitis, hepatitis B reactivation risk with a planned immunosuppressant, missing hepatitis serology, vaccines due and SBP prophylaxis, from the patient's record.",
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Patient"] = "Patient/{{context.patientId}}",
            ["Condition"] = "Condition?patient={{context.patientId}}",
            // Only the Observations the FHIR reader uses (src/Hepatica.Fhir/ObservationCodes.cs), newest first: a long
            // record holds thousands of vital signs and survey answers that would only be fetched, parsed and dropped.
            ["Observation"] = "Observation?patient={{context.patientId}}&code=" + ObservationCodes.SearchTokens + "&_sort=-date&_count=500",
            ["Procedure"] = "Procedure?patient={{context.patientId}}",
            ["Immunization"] = "Immunization?patient={{context.patientId}}",
            ["MedicationRequest"] = "MedicationRequest?patient={{context.patientId}}&status=active,draft",
        });

    public static readonly CdsService OrderSelect = new(
        "order-select", OrderSelectId, "Hepatica: hepatitis B reactivation with a new immunosuppressant",
        "When a draft medication order starts an immunosuppressive or anticancer drug, the hepatitis B reactivation risk (AGA 2015, AASLD 2018), or the serology needed to judge it.",
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Patient"] = "Patient/{{context.patientId}}",
            ["Observation"] = "Observation?patient={{context.patientId}}&code=" + HbvScreeningCodes,
        });

    public static readonly IReadOnlyList<CdsService> All = [PatientView, OrderSelect];

    public static CdsService? Find(string id) => All.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.Ordinal));
}
