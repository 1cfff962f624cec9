// The EHR context after a SMART launch (docs/web.md, "Inside the EHR"): completes the authorization, reads the
// patient's record from the EHR's FHIR server, asks Hepatica's API which value came from which resource and date,
// shows that with each value's age, lets the clinician correct a value (the change is listed, never silent), then
// assesses through the clinician page. Optional write-back of the results as Observation + Provenance (off by default).
import FHIR from "fhirclient";
import { appConfig, postJson } from "../shared/api";
import { h, replace } from "../shared/dom";
import { assess, type EhrContext } from "../clinician/session";
import "./ehr.css";

type Obj = Record<string, unknown>;
type SmartClient = Awaited<ReturnType<typeof FHIR.oauth2.ready>>;

/** The resource types the FHIR reader uses (src/Hepatica.Fhir), read by patient search. */
const searched = ["Observation", "Condition", "MedicationRequest", "MedicationStatement", "Immunization", "Procedure"];

async function readRecord(client: SmartClient): Promise<Obj> {
  const patient = (await client.patient.read()) as Obj;
  const entry: Obj[] = [{ fullUrl: `${client.state.serverUrl.replace(/\/$/, "")}/Patient/${String(patient.id)}`, resource: patient }];
  for (const type of searched) {
    // Every page (pageLimit 0), the resources alone (flat); a type the EHR does not offer is left out, not fatal.
    let found: Obj[] = [];
    try {
      found = (await client.request(`${type}?patient=${encodeURIComponent(client.patient.id!)}&_count=200`, { pageLimit: 0, flat: true })) as Obj[];
    } catch {
      found = [];
    }
    for (const resource of found) entry.push({ fullUrl: `${client.state.serverUrl.replace(/\/$/, "")}/${type}/${String(resource.id)}`, resource });
  }
  return { resourceType: "Bundle", type: "collection", entry };
}

function ageInDays(date: string | undefined, asOf: string): string {
  if (!date) return "no date";
  const days = Math.floor((Date.parse(asOf.length === 10 ? asOf + "T23:59:59Z" : asOf) - Date.parse(date)) / 86_400_000);
  return Number.isFinite(days) ? `${days} day${days === 1 ? "" : "s"}` : "no date";
}

/** Sets a corrected number on the resource a source row came from (Observation.valueQuantity.value). */
function applyCorrection(bundle: Obj, reference: string, value: number): boolean {
  const [type, id] = reference.split("/");
  for (const e of (bundle.entry as Obj[]) ?? []) {
    const r = e.resource as Obj;
    if (r.resourceType === type && r.id === id && typeof r.valueQuantity === "object" && r.valueQuantity !== null) {
      (r.valueQuantity as Obj).value = value;
      return true;
    }
  }
  return false;
}

/** Completes the authorization (fhirclient's ready()) and shows the EHR's values in host. */
export async function resume(host: HTMLElement): Promise<void> {
  replace(host, h("p", { role: "status" }, "Reading the patient's record from the EHR…"));
  const client = await FHIR.oauth2.ready();
  const config = await appConfig();
  const bundle = await readRecord(client);
  const original = JSON.stringify(bundle);
  const read = await postJson<Obj>("/api/assess?explain=true", JSON.stringify(bundle), "application/fhir+json");
  const sources = ((read.sources as Obj[] | undefined) ?? []);
  const warnings = ((read.warnings as Obj[] | undefined) ?? []);
  const asOf = String(read.asOf ?? new Date().toISOString());
  const context: EhrContext = { fhirServer: client.state.serverUrl, patientId: client.patient.id!, corrections: [] };
  const changes = h("ul", { class: "corrections", "aria-live": "polite" });
  const rows = sources.map((s, i) => {
    const path = String(s.path);
    // "reported" is the value and unit as the resource gave them ("3.2 mg/dL"), or a medication's status.
    const reportedText = String(s.reported ?? "");
    const parsed = /^(-?\d+(?:\.\d+)?)\s*(.*)$/.exec(reportedText);
    const reported = { value: parsed ? Number(parsed[1]) : undefined, unit: parsed?.[2] ?? "" };
    const warning = warnings.filter((w) => String(w.path).startsWith(path)).map((w) => `${String(w.code)}: ${String(w.message)}`).join(" ");
    const numeric = typeof reported.value === "number" && String(s.resource).startsWith("Observation/");
    const input = numeric ? h("input", { type: "number", step: "any", id: `correct-${i}`, "aria-label": `Corrected value for ${path}` }) : null;
    const apply = numeric ? h("button", { type: "button", class: "correct" }, "Correct") : null;
    apply?.addEventListener("click", () => {
      const value = Number(input!.value);
      if (input!.value.trim() === "" || !Number.isFinite(value)) return;
      if (!applyCorrection(bundle, String(s.resource), value)) return;
      const change = { path, label: path, from: reportedText, to: `${value} ${String(reported.unit ?? "")}`.trim(), resource: String(s.resource) };
      context.corrections = [...context.corrections.filter((c) => c.resource !== change.resource), change];
      replace(changes, context.corrections.map((c) => h("li", null, `${c.path}: ${c.from} → ${c.to} (${c.resource}), corrected by the clinician`)));
    });
    return h("tr", null,
      h("td", null, h("code", null, path)),
      h("td", null, reportedText),
      h("td", null, String(s.resource ?? "")),
      h("td", null, String(s.date ?? "")),
      h("td", null, ageInDays(s.date as string | undefined, asOf), warning ? h("span", { class: "stale" }, " ", warning) : null),
      h("td", null, input, apply));
  });
  const assessButton = h("button", { type: "button", class: "primary", id: "ehr-assess" }, "Assess with these values");
  assessButton.addEventListener("click", () => {
    void assess({ body: JSON.stringify(bundle), contentType: "application/fhir+json", label: `EHR: Patient/${context.patientId}`, ehr: context });
  });
  const writeBack = config.smart.writeBack ? h("button", { type: "button", id: "ehr-write-back" }, "Write the results to the EHR") : null;
  const written = h("p", { class: "written", role: "status" });
  writeBack?.addEventListener("click", async () => {
    try {
      const results = await postJson<Obj>("/api/assess", JSON.stringify(bundle), "application/fhir+json", "application/fhir+json");
      const entries = ((results.entry as Obj[] | undefined) ?? []).map((e) => ({
        fullUrl: e.fullUrl, resource: e.resource, request: { method: "POST", url: String((e.resource as Obj).resourceType) },
      }));
      const response = (await client.request({ url: "", method: "POST", body: JSON.stringify({ resourceType: "Bundle", type: "transaction", entry: entries }), headers: { "Content-Type": "application/fhir+json" } })) as Obj;
      const locations = ((response.entry as Obj[] | undefined) ?? []).map((e) => String(((e.response ?? {}) as Obj).location ?? ""));
      replace(written, `Written to the EHR: ${locations.join(", ")}`);
    } catch (e) {
      replace(written, `The EHR refused the write: ${e instanceof Error ? e.message : String(e)}`);
    }
  });
  replace(host,
    h("h2", null, `From the EHR: Patient/${context.patientId}`),
    h("p", { class: "muted" }, `Read from ${context.fhirServer}. Each value below is what Hepatica's FHIR reader took, from which resource and date, and its age on ${asOf}. Correct a value if it is wrong: the change is listed and goes into this assessment only; the EHR is not changed.`),
    h("table", { class: "sources" },
      h("caption", null, "Values read from the EHR"),
      h("thead", null, h("tr", null, ["Input", "Value as reported", "Resource", "Date", "Age", "Correct"].map((c) => h("th", { scope: "col" }, c)))),
      h("tbody", null, rows)),
    sources.length === 0 ? h("p", null, "The EHR's record gave no value Hepatica reads.") : null,
    h("h3", null, "Corrections"), changes,
    h("p", null, assessButton, " ", writeBack, " ", h("button", { type: "button", id: "ehr-reset", onClick: () => { Object.assign(bundle, JSON.parse(original) as Obj); context.corrections = []; replace(changes); host.querySelectorAll<HTMLInputElement>("table.sources input").forEach((i) => (i.value = "")); } }, "Undo corrections")),
    written);
}
