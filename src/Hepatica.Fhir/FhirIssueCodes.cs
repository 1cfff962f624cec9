namespace Hepatica.Fhir;

/// <summary>
/// The stable issue codes of the FHIR reader (docs/fhir.md). Lab values found in FHIR are still checked by the core
/// lab types, so their unit and plausibility problems keep the core's <c>LAB</c> codes. Codes are never reused.
/// </summary>
public static class FhirIssueCodes
{
    /// <summary>The input is not valid JSON (or is empty).</summary>
    public const string MalformedJson = "FHR001";

    /// <summary>The input is JSON but not a FHIR Bundle (no or another <c>resourceType</c>, or not an object).</summary>
    public const string NotABundle = "FHR002";

    /// <summary>The FHIR parser (Firely SDK) reported a problem; its own code (JSON1xx, PVAL1xx) is in the message.</summary>
    public const string InvalidFhir = "FHR003";

    /// <summary>The Bundle holds no Patient, or more than one.</summary>
    public const string PatientCount = "FHR004";

    /// <summary>The Patient's administrative gender is missing, <c>other</c> or <c>unknown</c>: sex not set (warning).</summary>
    public const string SexNotUsable = "FHR005";

    /// <summary>The Patient's birth date is missing, partial, or after the as-of date: age not set (warning).</summary>
    public const string BirthDateNotUsable = "FHR006";

    /// <summary>The same resource (type and id) appears twice with identical content: used once (warning).</summary>
    public const string DuplicateResource = "FHR007";

    /// <summary>Two different resources share one type and id: neither is used.</summary>
    public const string ConflictingDuplicate = "FHR008";

    /// <summary>The as-of instant is outside the accepted range of dates (1900-01-01 to 2200-12-31): nothing is read.</summary>
    public const string AsOfOutOfRange = "FHR009";

    /// <summary>An Observation's unit is not one its LOINC code accepts (for example mg/dL on an INR code): not used.</summary>
    public const string UnitDoesNotFitCode = "FHR010";

    /// <summary>An Observation of a numeric analyte has no <c>valueQuantity.value</c>: not used.</summary>
    public const string NoNumericValue = "FHR011";

    /// <summary>An Observation whose status is not final, amended or corrected (entered-in-error, cancelled, preliminary ...): ignored (warning).</summary>
    public const string StatusIgnored = "FHR012";

    /// <summary>The latest value of an analyte is older than its look-back window: not used (warning).</summary>
    public const string OutsideWindow = "FHR013";

    /// <summary>Two usable values of one analyte with the same effective time disagree: neither is used.</summary>
    public const string ConflictingValues = "FHR014";

    /// <summary>A resource the reader would use has no subject: ignored (warning).</summary>
    public const string NoSubject = "FHR015";

    /// <summary>A resource the reader would use is about another patient than the Bundle's Patient: ignored (warning).</summary>
    public const string OtherPatient = "FHR016";

    /// <summary>An Observation or Procedure with no usable effective/performed time: ignored (warning).</summary>
    public const string NoEffectiveTime = "FHR017";

    /// <summary>An Observation, Condition or Procedure with no coded <c>code</c> (text only or absent): cannot be matched (warning).</summary>
    public const string MissingCode = "FHR018";

    /// <summary>A value given as a bound (<c>comparator</c> &lt;, &gt; ...) rather than a measurement: not used (warning).</summary>
    public const string ValueIsBound = "FHR019";

    /// <summary>A Condition that implies a graded finding (ascites, encephalopathy) without its grade: the finding is not set (warning).</summary>
    public const string GradeNotCoded = "FHR020";

    /// <summary>A Condition with no clinical status, or refuted / entered in error: ignored (warning).</summary>
    public const string ConditionStatusIgnored = "FHR021";

    /// <summary>
    /// Acute liver failure with Conditions naming more than one cause (acetaminophen poisoning and acute viral hepatitis, or
    /// acute hepatitis A and B): <c>findings.acuteLiverFailureCause</c> is not set, since which one caused the failure
    /// cannot be told from codes (warning).
    /// </summary>
    public const string AcuteLiverFailureCausesDisagree = "FHR022";

    /// <summary>
    /// The as-of a host was given (<c>--as-of</c>, <c>?asOf=</c>) is refused: not YYYY-MM-DD or an instant with its zone,
    /// outside 1900-01-01 to 2200-12-31, or given with a snapshot document, which carries its own <c>assessmentDate</c>
    /// (<see cref="InputReader"/>): nothing is read.
    /// </summary>
    public const string AsOfNotAccepted = "FHR023";

    /// <summary>
    /// One or more analytes were left out as older than their windows (each also <see cref="OutsideWindow"/>): once per read,
    /// naming the newest date of each (UTC) and the as-of that would assess the record as it stood on the newest of them
    /// (<c>--as-of YYYY-MM-DD</c>, <c>?asOf=YYYY-MM-DD</c>; <see cref="FhirReadResult.SuggestedAsOf"/>) (warning).
    /// </summary>
    public const string StaleAnalytes = "FHR024";

    /// <summary>A serology Observation whose result is neither a known coded result, a mapped word, nor a quantity the test takes: not used.</summary>
    public const string SerologyResultUnreadable = "FHR040";

    /// <summary>A MedicationStatement or MedicationRequest recorded in error, cancelled, not taken, of unknown status, do-not-perform, or an option only: not used (warning).</summary>
    public const string MedicationStatusIgnored = "FHR050";

    /// <summary>Medication resources whose codes are not in the core's RxNorm/ATC table (or uncoded): counted in one warning, not used.</summary>
    public const string MedicationCodeUnknown = "FHR051";

    /// <summary>A completed or stopped medication that ended before its look-back window, or at an unknown time: not used (warning).</summary>
    public const string MedicationEnded = "FHR052";

    /// <summary>A <c>medicationReference</c> that is neither contained nor in the Bundle: not used (warning).</summary>
    public const string MedicationReferenceUnresolved = "FHR053";

    /// <summary>A medication whose codes name drugs of different classes: not used (warning).</summary>
    public const string MedicationCodesDisagree = "FHR054";

    /// <summary>An Observation with several normal reference ranges whose upper limits differ: no upper limit of normal set (warning).</summary>
    public const string UpperLimitAmbiguous = "FHR060";

    /// <summary>An Immunization whose CVX code is not in the core's table, or not completed: ignored (warning).</summary>
    public const string ImmunizationIgnored = "FHR030";
}
