using System.Text.Json;
using Hl7.Fhir.Model;
using static Hepatica.Fhir.Bulk.FastJson;

namespace Hepatica.Fhir.Bulk;

/// <summary>
/// The fast readers of the other resource types a Bulk export mostly holds (decision 0007): a Patient (id, gender,
/// birthDate), a Condition (id, clinicalStatus, verificationStatus, severity, code, subject, onset and abatement as
/// dateTime or Period, recordedDate), an Immunization (id, status, vaccineCode, patient, occurrenceDateTime) and a
/// Procedure (id, status, code, subject, performedDateTime or performedPeriod), the
/// elements <see cref="FhirSnapshotReader"/> and <see cref="ReadInstants"/> use, validated as R4 defines them; every
/// other R4 element skipped unread, except implicitRules and modifierExtension (they change what a resource means)
/// and the choice types the reader does not read (onsetAge, occurrenceString ...), which send the line to Firely, as
/// does anything else these readers do not read. <see cref="TryParse"/> chooses the reader by the type pass 1 saw.
/// </summary>
public static class FastResourceParsers
{
    /// <summary>The resource of <paramref name="line"/> if a fast reader reads it; null when the line must be parsed by Firely.</summary>
    /// <param name="line">One NDJSON line.</param>
    /// <param name="type">The resourceType pass 1 saw on the line (the reader checks it again).</param>
    public static Resource? TryParse(ReadOnlySpan<byte> line, string? type) => type switch
    {
        "Observation" => FastObservationParser.TryParse(line),
        "Patient" => Guarded<Patient>(line, ReadPatient),
        "Condition" => Guarded<Condition>(line, ReadCondition),
        "Immunization" => Guarded<Immunization>(line, ReadImmunization),
        "Procedure" => Guarded<Procedure>(line, ReadProcedure),
        _ => null,
    };

    /// <summary>The fast reader of <paramref name="type"/> over a reader on the resource's first token, or null for a type no fast reader reads.</summary>
    internal static Reading<Resource>? ReaderOf(string? type) => type switch
    {
        "Observation" => (ref Utf8JsonReader r) => FastObservationParser.ReadObservation(ref r),
        "Patient" => (ref Utf8JsonReader r) => ReadPatient(ref r),
        "Condition" => (ref Utf8JsonReader r) => ReadCondition(ref r),
        "Immunization" => (ref Utf8JsonReader r) => ReadImmunization(ref r),
        "Procedure" => (ref Utf8JsonReader r) => ReadProcedure(ref r),
        _ => null,
    };

    private static readonly Dictionary<string, int> PatientElements = Index(
        "resourceType", "id", "meta", "implicitRules", "language", "text", "contained", "extension", "modifierExtension", "identifier",
        "active", "name", "telecom", "gender", "birthDate", "deceasedBoolean", "deceasedDateTime", "address", "maritalStatus",
        "multipleBirthBoolean", "multipleBirthInteger", "photo", "contact", "communication", "generalPractitioner", "managingOrganization", "link");

    private static readonly HashSet<string> PatientSkipped = new(StringComparer.Ordinal)
    {
        "meta", "language", "text", "contained", "extension", "identifier", "active", "name", "telecom", "deceasedBoolean", "deceasedDateTime",
        "address", "maritalStatus", "multipleBirthBoolean", "multipleBirthInteger", "photo", "contact", "communication", "generalPractitioner",
        "managingOrganization", "link",
    };

    private static readonly Dictionary<string, int> ConditionElements = Index(
        "resourceType", "id", "meta", "implicitRules", "language", "text", "contained", "extension", "modifierExtension", "identifier",
        "clinicalStatus", "verificationStatus", "category", "severity", "code", "bodySite", "subject", "encounter",
        "onsetDateTime", "onsetAge", "onsetPeriod", "onsetRange", "onsetString",
        "abatementDateTime", "abatementAge", "abatementPeriod", "abatementRange", "abatementString",
        "recordedDate", "recorder", "asserter", "stage", "evidence", "note");

    private static readonly HashSet<string> ConditionSkipped = new(StringComparer.Ordinal)
    {
        "meta", "language", "text", "contained", "extension", "identifier", "category", "bodySite", "encounter", "recorder", "asserter", "stage", "evidence", "note",
    };

    private static readonly Dictionary<string, int> ImmunizationElements = Index(
        "resourceType", "id", "meta", "implicitRules", "language", "text", "contained", "extension", "modifierExtension", "identifier",
        "status", "statusReason", "vaccineCode", "patient", "encounter", "occurrenceDateTime", "occurrenceString", "recorded",
        "primarySource", "reportOrigin", "location", "manufacturer", "lotNumber", "expirationDate", "site", "route", "doseQuantity",
        "performer", "note", "reasonCode", "reasonReference", "isSubpotent", "subpotentReason", "education", "programEligibility",
        "fundingSource", "reaction", "protocolApplied");

    private static readonly HashSet<string> ImmunizationSkipped = new(StringComparer.Ordinal)
    {
        "meta", "language", "text", "contained", "extension", "identifier", "statusReason", "encounter", "recorded", "primarySource",
        "reportOrigin", "location", "manufacturer", "lotNumber", "expirationDate", "site", "route", "doseQuantity", "performer", "note",
        "reasonCode", "reasonReference", "isSubpotent", "subpotentReason", "education", "programEligibility", "fundingSource", "reaction",
        "protocolApplied",
    };

    private static readonly Dictionary<string, int> ProcedureElements = Index(
        "resourceType", "id", "meta", "implicitRules", "language", "text", "contained", "extension", "modifierExtension", "identifier",
        "instantiatesCanonical", "instantiatesUri", "basedOn", "partOf", "status", "statusReason", "category", "code", "subject", "encounter",
        "performedDateTime", "performedPeriod", "performedString", "performedAge", "performedRange", "recorder", "asserter", "performer",
        "location", "reasonCode", "reasonReference", "bodySite", "outcome", "report", "complication", "complicationDetail", "followUp", "note",
        "focalDevice", "usedReference", "usedCode");

    private static readonly HashSet<string> ProcedureSkipped = new(StringComparer.Ordinal)
    {
        "meta", "language", "text", "contained", "extension", "identifier", "instantiatesCanonical", "instantiatesUri", "basedOn", "partOf",
        "statusReason", "category", "encounter", "recorder", "asserter", "performer", "location", "reasonCode", "reasonReference", "bodySite",
        "outcome", "report", "complication", "complicationDetail", "followUp", "note", "focalDevice", "usedReference", "usedCode",
    };

    private static Procedure ReadProcedure(ref Utf8JsonReader r)
    {
        var p = ReadResource<Procedure>(ref r, "Procedure", ProcedureElements, ProcedureSkipped, ProcedureMember);

        // R4: status and subject are 1..1.
        return p.Status is not null && p.Subject is not null ? p : throw new Fallback();
    }

    private static bool ProcedureMember(ref Utf8JsonReader r, Procedure p, string name)
    {
        switch (name)
        {
            case "status":
                p.Status = String(ref r) switch
                {
                    "preparation" => EventStatus.Preparation,
                    "in-progress" => EventStatus.InProgress,
                    "not-done" => EventStatus.NotDone,
                    "on-hold" => EventStatus.OnHold,
                    "stopped" => EventStatus.Stopped,
                    "completed" => EventStatus.Completed,
                    "entered-in-error" => EventStatus.EnteredInError,
                    "unknown" => EventStatus.Unknown,
                    _ => throw new Fallback(),
                };
                return true;
            case "code":
                p.Code = Concept(ref r);
                return true;
            case "subject":
                p.Subject = Reference(ref r);
                return true;
            case "performedDateTime":
                p.Performed = FastJson.DateTime(ref r);
                return true;
            case "performedPeriod":
                p.Performed = Period(ref r);
                return true;
            default:
                return false;
        }
    }

    private static Patient ReadPatient(ref Utf8JsonReader r) => ReadResource<Patient>(ref r, "Patient", PatientElements, PatientSkipped, PatientMember);

    private static bool PatientMember(ref Utf8JsonReader r, Patient p, string name)
    {
        switch (name)
        {
            case "gender":
                p.Gender = String(ref r) switch
                {
                    "male" => AdministrativeGender.Male,
                    "female" => AdministrativeGender.Female,
                    "other" => AdministrativeGender.Other,
                    "unknown" => AdministrativeGender.Unknown,
                    _ => throw new Fallback(),
                };
                return true;
            case "birthDate":
                p.BirthDateElement = Date(ref r);
                return true;
            default:
                return false;
        }
    }

    private static Condition ReadCondition(ref Utf8JsonReader r)
    {
        var c = ReadResource<Condition>(ref r, "Condition", ConditionElements, ConditionSkipped, ConditionMember);

        // Condition.subject is 1..1 in R4.
        return c.Subject is not null ? c : throw new Fallback();
    }

    private static bool ConditionMember(ref Utf8JsonReader r, Condition c, string name)
    {
        switch (name)
        {
            case "clinicalStatus":
                c.ClinicalStatus = Concept(ref r);
                return true;
            case "verificationStatus":
                c.VerificationStatus = Concept(ref r);
                return true;
            case "severity":
                c.Severity = Concept(ref r);
                return true;
            case "code":
                c.Code = Concept(ref r);
                return true;
            case "subject":
                c.Subject = Reference(ref r);
                return true;
            case "onsetDateTime":
                c.Onset = FastJson.DateTime(ref r);
                return true;
            case "onsetPeriod":
                c.Onset = Period(ref r);
                return true;
            case "abatementDateTime":
                c.Abatement = FastJson.DateTime(ref r);
                return true;
            case "abatementPeriod":
                c.Abatement = Period(ref r);
                return true;
            case "recordedDate":
                c.RecordedDateElement = FastJson.DateTime(ref r);
                return true;
            default:
                return false;
        }
    }

    private static Immunization ReadImmunization(ref Utf8JsonReader r)
    {
        var i = ReadResource<Immunization>(ref r, "Immunization", ImmunizationElements, ImmunizationSkipped, ImmunizationMember);

        // R4: status, vaccineCode, patient and occurrence[x] are 1..1.
        return i.Status is not null && i.VaccineCode is not null && i.Patient is not null && i.Occurrence is not null ? i : throw new Fallback();
    }

    private static bool ImmunizationMember(ref Utf8JsonReader r, Immunization i, string name)
    {
        switch (name)
        {
            case "status":
                i.Status = String(ref r) switch
                {
                    "completed" => Immunization.ImmunizationStatusCodes.Completed,
                    "entered-in-error" => Immunization.ImmunizationStatusCodes.EnteredInError,
                    "not-done" => Immunization.ImmunizationStatusCodes.NotDone,
                    _ => throw new Fallback(),
                };
                return true;
            case "vaccineCode":
                i.VaccineCode = Concept(ref r);
                return true;
            case "patient":
                i.Patient = Reference(ref r);
                return true;
            case "occurrenceDateTime":
                i.Occurrence = FastJson.DateTime(ref r);
                return true;
            default:
                return false;
        }
    }
}
