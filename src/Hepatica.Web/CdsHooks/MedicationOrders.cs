using Hepatica.Clinical.Findings;
using Hepatica.Clinical.Immunity;
using Hl7.Fhir.Model;
using Medication = Hepatica.Clinical.Findings.Medication;

namespace Hepatica.Web.CdsHooks;

/// <summary>
/// order-select's draft MedicationRequests (context.draftOrders, not part of the prefetch) as the core's
/// <see cref="Medication"/>, by RxNorm or ATC code through <see cref="MedicationClasses"/>. Prefetched medications
/// (patient-view) are read by the FHIR reader (docs/fhir.md, medications). A code the table does not know is
/// <see cref="MedicationClass.Other"/>; dose and duration are not read, so a corticosteroid's reactivation row is
/// reported as undecided rather than guessed.
/// </summary>
internal static class MedicationOrders
{
    private const string RxNorm = "http://www.nlm.nih.gov/research/umls/rxnorm";
    private const string Atc = "http://www.whocc.no/atc";

    /// <summary>The medications of the requests that are active or draft (planned), in order.</summary>
    public static IReadOnlyList<Medication> Read(IEnumerable<MedicationRequest> requests)
    {
        var list = new List<Medication>();
        foreach (var r in requests)
        {
            if (r.Status is MedicationRequest.MedicationrequestStatus.Active or MedicationRequest.MedicationrequestStatus.Draft
                && Of(r) is { } m)
            {
                list.Add(m);
            }
        }

        return list;
    }

    /// <summary>The medication a request names, or null when it names none by code.</summary>
    public static Medication? Of(MedicationRequest request)
    {
        if (request.Medication is not CodeableConcept concept)
        {
            return null;
        }

        Medication? other = null;
        foreach (var c in concept.Coding)
        {
            MedicationCodeSystem? system = c.System switch
            {
                RxNorm => MedicationCodeSystem.RxNorm,
                Atc => MedicationCodeSystem.Atc,
                _ => null,
            };
            if (system is not { } s || string.IsNullOrWhiteSpace(c.Code))
            {
                continue;
            }

            var code = new MedicationCode(s, c.Code);
            if (MedicationClasses.Find(code) is { } entry)
            {
                return new Medication(entry.Class) { Code = code, Name = entry.Ingredient };
            }

            other ??= new Medication(MedicationClass.Other) { Code = code, Name = c.Display ?? concept.Text };
        }

        return other;
    }
}
