namespace Hepatica.Fhir.Terminology;

/// <summary>
/// The ONE table of issue codes written as <c>OperationOutcome.issue.details</c> (system
/// <see cref="Writing.HepaticaSystems.Issue"/>): every stable input issue code of the engine and its hosts (the
/// <c>const string</c> fields <c>LAB001</c> ... <c>REC007</c> of <c>IssueCodes</c>, <c>FhirIssueCodes</c>,
/// <c>BulkIssueCodes</c>, <c>IngestIssueCodes</c>, <c>ApiIssueCodes</c>, <c>CdsIssueCodes</c>, <c>RecordIssueCodes</c>),
/// then the informational codes of the FHIR writer. The definition is the constant's documentation. Published as
/// docs/fhir/CodeSystem-hepatica-issue.json; a test (Hepatica.Cli.Tests, <c>IssueConceptsTests</c>) fails when a code
/// constant is missing here or a row names a code that no longer exists. Codes are never reused for another meaning.
/// </summary>
public static class IssueConcepts
{
    /// <summary>A score not calculated: its missing inputs are the issue's expression.</summary>
    public const string NotCalculable = "not-calculable";

    /// <summary>A score that does not apply to this patient (outside its population), with the reason.</summary>
    public const string NotApplicable = "not-applicable";

    /// <summary>A transplant signal some values of the missing inputs would raise.</summary>
    public const string PossibleTransplantSignal = "possible-transplant-signal";

    /// <summary>Inputs that, if given, would decide further transplant, immunity or prevention items.</summary>
    public const string MissingInput = "missing-input";

    /// <summary>Every input issue code (pattern <c>AAA000</c>), grouped by where it is defined.</summary>
    public static readonly IReadOnlyList<LocalConcept> InputIssues =
    [
        // LAB: Hepatica.Clinical
        new("LAB001", "Missing unit", "A lab value that needs a unit has none."),
        new("LAB002", "Unknown unit", "A unit that is not accepted for the analyte."),
        new("LAB003", "Not a number", "A lab value that is not a number."),
        new("LAB004", "Impossible value", "A physically impossible lab value."),
        new("LAB005", "Unusual value", "A possible but unusual lab value (warning)."),
        new("LAB006", "Missing value", "A lab value that is missing its value."),
        new("LAB007", "Implausible change", "A change between two of the patient's dated results that no physiology explains in that time (delta check): the later result is not used."),
        // SNP: Hepatica.Clinical
        new("SNP001", "Malformed JSON", "The document is not valid JSON."),
        new("SNP002", "Wrong type", "A field has the wrong JSON type."),
        new("SNP003", "Unknown key", "A key the contract does not know (warning)."),
        new("SNP004", "Invalid value", "A value outside its enumeration or range (for example ascites \"severe\")."),
        new("SNP005", "Empty input", "The input is empty."),
        new("SNP006", "Line too long", "A batch line longer than the accepted maximum."),
        new("SNP007", "Duplicate key", "A key given twice in one object."),
        // DAT: Hepatica.Clinical
        new("DAT001", "Invalid date", "A date that is not an ISO 8601 calendar date (YYYY-MM-DD), or a dated value without its date."),
        new("DAT002", "Duplicate date", "Two values of one lab on the same date: neither is used as that date's value."),
        // PAT: Hepatica.Clinical
        new("PAT001", "Unusual patient", "An unusual but possible patient value such as an age outside a score's validation (warning)."),
        new("PAT002", "Contradictory inputs", "Inputs that contradict each other; the score names the one it used and why (warning)."),
        // RES: Hepatica.Clinical
        new("RES001", "Implausible result", "A result the score's own formula gives from valid inputs but that makes no clinical sense (for example a Maddrey DF below 0, or a CLIF-C ACLF outside 0-100): reported with the result, which stands as the formula gives it or as bounded (warning)."),
        // MED: Hepatica.Clinical
        new("MED001", "Unknown medication code", "A medication code that is not in the code table (warning; the class, if given, is used)."),
        new("MED002", "Medication class mismatch", "A medication whose class and code disagree (warning; the given class is used)."),
        new("MED003", "Medication unclassified", "A medication with neither a class nor a known code: not used."),
        // VAC: Hepatica.Clinical
        new("VAC001", "Unknown CVX", "A CVX code that is not in the code table (warning; the vaccine, if given, is used)."),
        new("VAC002", "Vaccine CVX mismatch", "A vaccination whose vaccine and CVX code disagree (warning; the given vaccine is used)."),
        new("VAC003", "Vaccine unidentified", "A vaccination with neither a vaccine nor a known CVX code: not used."),
        // SER: Hepatica.Clinical
        new("SER001", "Result contradicts value", "A serology test whose result contradicts its own value (for example anti-HBs \"negative\" with 120 mIU/mL): the value is used (warning)."),
        new("SER002", "Serology shape", "A value given for a qualitative-only serology test, or a test with neither result nor value."),
        // FHR: Hepatica.Fhir
        new("FHR001", "Malformed JSON", "The input is not valid JSON (or is empty)."),
        new("FHR002", "Not a Bundle", "The input is JSON but not a FHIR Bundle (no or another resourceType, or not an object)."),
        new("FHR003", "Invalid FHIR", "The FHIR parser (Firely SDK) reported a problem; its own code (JSON1xx, PVAL1xx) is in the message."),
        new("FHR004", "Not one Patient", "The Bundle holds no Patient, or more than one."),
        new("FHR005", "Sex not usable", "The Patient's administrative gender is missing, other or unknown: sex not set (warning)."),
        new("FHR006", "Birth date not usable", "The Patient's birth date is missing, partial, or after the as-of date: age not set (warning)."),
        new("FHR007", "Duplicate resource", "The same resource (type and id) appears twice with identical content: used once (warning)."),
        new("FHR008", "Conflicting duplicate", "Two different resources share one type and id: neither is used."),
        new("FHR009", "As-of out of range", "The as-of instant is outside the accepted range of dates (1900-01-01 to 2200-12-31): nothing is read."),
        new("FHR010", "Unit does not fit code", "An Observation's unit is not one its LOINC code accepts (for example mg/dL on an INR code): not used."),
        new("FHR011", "No numeric value", "An Observation of a numeric analyte has no valueQuantity.value: not used."),
        new("FHR012", "Status ignored", "An Observation whose status is not final, amended or corrected (entered-in-error, cancelled, preliminary ...): ignored (warning)."),
        new("FHR013", "Outside window", "The latest value of an analyte is older than its look-back window: not used (warning)."),
        new("FHR014", "Conflicting values", "Two usable values of one analyte with the same effective time disagree: neither is used."),
        new("FHR015", "No subject", "A resource the reader would use has no subject: ignored (warning)."),
        new("FHR016", "Other patient", "A resource the reader would use is about another patient than the Bundle's Patient: ignored (warning)."),
        new("FHR017", "No effective time", "An Observation or Procedure with no usable effective/performed time: ignored (warning)."),
        new("FHR018", "Missing code", "An Observation, Condition or Procedure with no coded code (text only or absent): cannot be matched (warning)."),
        new("FHR019", "Value is bound", "A value given as a bound (comparator <, > ...) rather than a measurement: not used (warning)."),
        new("FHR020", "Grade not coded", "A Condition that implies a graded finding (ascites, encephalopathy) without its grade: the finding is not set (warning)."),
        new("FHR021", "Condition status ignored", "A Condition with no clinical status, or refuted / entered in error: ignored (warning)."),
        new("FHR022", "Acute liver failure causes disagree", "Acute liver failure with Conditions naming more than one cause (acetaminophen poisoning and acute viral hepatitis, or acute hepatitis A and B): findings.acuteLiverFailureCause is not set, since which one caused the failure cannot be told from codes (warning)."),
        new("FHR023", "As-of not accepted", "The as-of a host was given (--as-of, ?asOf=) is refused: not YYYY-MM-DD or an instant with its zone, outside 1900-01-01 to 2200-12-31, or given with a snapshot document, which carries its own assessmentDate (InputReader): nothing is read."),
        new("FHR024", "Analytes left out as too old", "One or more analytes were left out as older than their windows (FHR013): the warning names the newest date of each and the as-of that would assess the record as it stood then (warning)."),
        new("FHR030", "Immunization ignored", "An Immunization whose CVX code is not in the core's table, or not completed: ignored (warning)."),
        new("FHR040", "Serology result unreadable", "A serology Observation whose result is neither a known coded result, a mapped word, nor a quantity the test takes: not used."),
        new("FHR050", "Medication status ignored", "A MedicationStatement or MedicationRequest recorded in error, cancelled, not taken, of unknown status, do-not-perform, or an option only: not used (warning)."),
        new("FHR051", "Medication code unknown", "Medication resources whose codes are not in the core's RxNorm/ATC table (or uncoded): counted in one warning, not used."),
        new("FHR052", "Medication ended", "A completed or stopped medication that ended before its look-back window, or at an unknown time: not used (warning)."),
        new("FHR053", "Medication reference unresolved", "A medicationReference that is neither contained nor in the Bundle: not used (warning)."),
        new("FHR054", "Medication codes disagree", "A medication whose codes name drugs of different classes: not used (warning)."),
        new("FHR060", "Upper limit ambiguous", "An Observation with several normal reference ranges whose upper limits differ: no upper limit of normal set (warning)."),
        // BLK: Hepatica.Fhir
        new("BLK001", "Malformed line", "The line is not a JSON object (syntax error, truncated or empty line)."),
        new("BLK002", "No resource type", "The JSON object has no resourceType string."),
        new("BLK003", "No patient", "The resource names no patient (subject/patient is not Patient/<id>), or a Patient has no id."),
        new("BLK004", "Orphan resource", "The resource refers to a patient for whom the export holds no (readable) Patient resource."),
        new("BLK005", "Invalid resource", "The resource is not readable as FHIR R4 (the SDK's issues follow, with their own codes)."),
        new("BLK006", "Line too long", "The line is longer than the batch accepts."),
        new("BLK007", "Duplicate patient", "The export holds more than one Patient resource with this id."),
        // ING: Hepatica.Store
        new("ING001", "Snapshot without id", "Error: a snapshot has no id, so it cannot be kept for a patient."),
        new("ING002", "Resource without id", "Error: a FHIR resource has no id: it has no identity to store or supersede by."),
        new("ING003", "No patient", "Warning: resources that name no patient (an Organization, a Practitioner): not kept."),
        new("ING004", "Notification without content", "Information (severity warning: the core has no information level): a Subscription handshake, heartbeat or status query, nothing to store; the web host answers it."),
        new("ING005", "Full resource required", "Error: an event notification without full-resource content (id-only or empty): nothing is fetched."),
        new("ING006", "Notification unreadable", "Error: a Subscription notification Bundle whose status Parameters are unreadable (no or unknown type)."),
        new("ING007", "Nothing to store", "Error: the input holds nothing that can be stored (an empty Bundle)."),
        // API: Hepatica.Web
        new("API001", "Body too large", "The request body is larger than the host accepts (ApiOptions.MaxRequestBodyBytes) (413)."),
        new("API002", "Unsupported media type", "The request's Content-Type is neither application/json nor application/fhir+json (415)."),
        new("API003", "Invalid parameter", "A query parameter is not valid (400); an invalid asOf is the reader's own FHR023, as in the CLI."),
        new("API004", "Not acceptable", "The Accept header allows neither application/json nor application/fhir+json (406)."),
        new("API005", "Unknown score", "No score has this id (404)."),
        new("API006", "Body unreadable", "The request body could not be read: too slow (408), a malformed chunk or cut short (400) ..."),
        new("API007", "Unknown receipt", "No saved assessment (receipt) has this id: never saved, expired, or erased with the patient (404)."),
        // CDS: Hepatica.Web
        new("CDS001", "Not JSON", "The body is not JSON (including bytes that are not UTF-8, or an escape that is not text)."),
        new("CDS002", "Invalid request", "A member of the request is missing or not of its type (the body, hook, context, prefetch, selections ...)."),
        new("CDS003", "Wrong hook", "The request's hook is not the service's."),
        new("CDS004", "Unreadable resource", "A FHIR resource in the request (a prefetch value, the draft orders) is not readable (Firely's message)."),
        new("CDS005", "Invalid feedback", "A feedback body is not valid (cds-fb-1 to cds-fb-3)."),
        new("CDS006", "Prefetch unavailable", "A prefetch key neither prefetched nor fetchable from fhirServer (412): the message says why."),
        // REC: Hepatica.Web
        new("REC001", "Unknown patient", "The store holds no such patient (404)."),
        new("REC002", "Unknown alert", "No alert has this id (404)."),
        new("REC003", "Erase disabled", "Erasing a patient is off on this host (Hepatica:Record:AllowErase, 403)."),
        new("REC004", "Not a resource", "The body declared FHIR JSON but is not a FHIR resource (no resourceType) (422)."),
        new("REC005", "Unavailable", "The record cannot be reached (the database is down, or its schema is newer than this host) (503)."),
        new("REC006", "Unknown assessment", "The patient has no timeline entry as of this instant (404)."),
        new("REC007", "One patient only", "A stateless timeline (POST /api/timeline) was sent more than one patient (422)."),
    ];

    /// <summary>The informational codes the FHIR writer adds for scores and sections (not input problems).</summary>
    public static readonly IReadOnlyList<LocalConcept> Outcomes =
    [
        new(NotCalculable, "Not calculable", "A score could not be calculated: an input it needs is missing or unusable. The issue's expression lists the missing inputs; nothing was guessed."),
        new(NotApplicable, "Not applicable", "A score does not apply to this patient (for example outside the population it was validated in); the text says why."),
        new(PossibleTransplantSignal, "Possible transplant signal", "A transplant referral signal that some values of the missing inputs would raise and others would not: not raised; the expression lists the inputs that would settle it."),
        new(MissingInput, "Missing input", "Inputs that, if given, would decide further transplant, immunity or prevention items; the expression lists them."),
    ];

    /// <summary>The whole code system: input issues, then the writer's informational codes.</summary>
    public static IReadOnlyList<LocalConcept> All { get; } = [.. InputIssues, .. Outcomes];
}
