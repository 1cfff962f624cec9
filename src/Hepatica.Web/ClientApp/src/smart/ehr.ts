// The EHR context after a SMART launch: reads the patient's record from the EHR's FHIR server, shows which value came
// from which resource and date, lets the clinician confirm or correct, then assesses (clinician/session.ts).
// Filled in by issue 14 part 2.

/** Completes the authorization (fhirclient's ready()) and shows the EHR's values in host. */
export async function resume(host: HTMLElement): Promise<void> {
  host.replaceChildren();
}
