// The one way the clinician page assesses: every source (the form, a loaded or pasted file, the EHR through SMART,
// a receipt link) ends in assess(), which posts to the API, keeps the receipt id in the URL's fragment (never patient
// data in the URL), and renders the results and the trends. Implemented by the clinician page (issue 14 part 1).

/** Where the values came from, when an EHR launched the app (SMART): shown beside the results. */
export interface EhrContext {
  /** The EHR's FHIR base URL. */
  fhirServer: string;
  /** The patient's FHIR id at the EHR. */
  patientId: string;
  /** Values the clinician corrected before the assessment: what, from what, to what (shown, never silent). */
  corrections: { path: string; label: string; from: string; to: string; resource?: string }[];
}

/** One assessment request, whatever its source. */
export interface AssessInput {
  /** The body: a snapshot (application/json) or a FHIR R4 Bundle (application/fhir+json). */
  body: string;
  contentType: "application/json" | "application/fhir+json";
  /** What the clinician sees as the source ("form", "demo-001.json", "EHR: Patient/123"). */
  label: string;
  /** FHIR input only: the as-of instant (YYYY-MM-DD or an ISO instant); default now. */
  asOf?: string;
  /** The patient's id in the longitudinal record, when known: the trends come from the record. */
  recordPatientId?: string;
  /** Set when an EHR launched the app. */
  ehr?: EhrContext;
}

type Assess = (input: AssessInput) => Promise<void>;
let handler: Assess | undefined;

/** The clinician page registers its implementation at start. */
export function setAssess(implementation: Assess): void {
  handler = implementation;
}

/** Assess and show: the clinician page's results and trends. */
export function assess(input: AssessInput): Promise<void> {
  if (handler === undefined) throw new Error("the clinician page has not started");
  return handler(input);
}
