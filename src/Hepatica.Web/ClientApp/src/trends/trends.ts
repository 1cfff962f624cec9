// Trend plots (MELD 3.0, MELD-Na, Child-Pugh, bilirubin, INR, creatinine, sodium, albumin) with the score's bands and
// alert markers. Filled in by issue 14 part 1 (trends).

/** Where the course comes from: the longitudinal record, or the dated values of the input itself (not stored). */
export type TrendSource =
  | { kind: "record"; patientId: string }
  | { kind: "input"; body: string; contentType: string };

/** Draws the trends of a patient into host; resolves when drawn (or says in host why there is nothing to draw). */
export async function showTrends(host: HTMLElement, source: TrendSource): Promise<void> {
  void source;
  host.replaceChildren();
}
