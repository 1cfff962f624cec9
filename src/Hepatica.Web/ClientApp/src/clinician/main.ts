// The clinician page (/): enter a patient by form, or load or paste a snapshot, FHIR Bundle or CDS Hooks request;
// the results as a clinician reads them; the trends; a receipt link (#receipt=ID, never patient data in the URL); print.
import "../shared/base.css";
import "./clinician.css";
import { ApiError, appConfig, getJson, postJson } from "../shared/api";
import { h, replace } from "../shared/dom";
import { showTrends } from "../trends/trends";
import { buildForm, type PatientForm } from "./form";
import { renderResults } from "./results";
import { setAssess, type AssessInput } from "./session";

type Obj = Record<string, unknown>;

const app = document.getElementById("app")!;
const ehr = document.getElementById("ehr");
const names = new Map<string, string>();
let form: PatientForm;
let last: AssessInput | undefined;

const status = h("p", { class: "status", role: "status" });
const results = h("div", { id: "results", tabindex: "-1" });
const trends = h("section", { id: "trends", class: "trends", "aria-label": "Trends over time" });
const links = h("p", { class: "links no-print" });
const profile = h("select", { id: "profile", name: "profile" }, h("option", { value: "" }, "host default"), h("option", { value: "us" }, "US (OPTN, AASLD, ACIP)"), h("option", { value: "uk" }, "UK (NHSBT, UKELD)"));
const save = h("input", { type: "checkbox", id: "save-record", name: "save-record" });
const paste = h("textarea", { id: "paste", name: "paste", rows: 8, spellcheck: "false", "aria-describedby": "paste-hint" });
const file = h("input", { type: "file", id: "file", name: "file", accept: ".json,application/json,application/fhir+json" });
const asOf = h("input", { type: "date", id: "as-of", name: "as-of", "aria-describedby": "as-of-hint" });

/** Which kind of document a text is, and the body to send for it. */
function classify(text: string): { body: string; contentType: AssessInput["contentType"]; kind: string } {
  const json = JSON.parse(text) as Obj;
  if (typeof json.hook === "string" && typeof json.prefetch === "object" && json.prefetch !== null) {
    // A CDS Hooks request: its prefetch resources as one collection Bundle (searchset Bundles flattened).
    const entry: Obj[] = [];
    for (const value of Object.values(json.prefetch as Obj)) {
      const r = value as Obj | null;
      if (r === null || typeof r !== "object") continue;
      if (r.resourceType === "Bundle") for (const e of (r.entry as Obj[] | undefined) ?? []) { if (e.resource) entry.push({ fullUrl: e.fullUrl, resource: e.resource }); }
      else entry.push({ resource: r });
    }
    return { body: JSON.stringify({ resourceType: "Bundle", type: "collection", entry }), contentType: "application/fhir+json", kind: "CDS Hooks request (prefetch)" };
  }
  if (typeof json.resourceType === "string") {
    const body = json.resourceType === "Bundle" ? text : JSON.stringify({ resourceType: "Bundle", type: "collection", entry: [{ resource: json }] });
    return { body, contentType: "application/fhir+json", kind: `FHIR ${String(json.resourceType)}` };
  }
  return { body: text, contentType: "application/json", kind: "snapshot" };
}

function focusField(path: string): boolean {
  const control = form.control(path);
  if (control === undefined || last?.contentType !== "application/json" || last.label !== "form") return false;
  control.scrollIntoView({ block: "center" });
  control.focus();
  return true;
}

function issuePaths(problemOrAssessment: unknown): string[] {
  const o = (problemOrAssessment ?? {}) as Obj;
  const list = [...((o.issues as Obj[] | undefined) ?? []), ...((o.errors as Obj[] | undefined) ?? []), ...((o.warnings as Obj[] | undefined) ?? [])];
  return list.map((i) => String(i.path ?? "")).filter((p) => p.length > 0);
}

function showProblem(error: unknown): void {
  if (error instanceof ApiError) {
    const problem = (error.problem ?? {}) as Obj;
    const list = (problem.issues as Obj[] | undefined) ?? [];
    replace(results, h("section", { class: "issues", "aria-labelledby": "problem-heading" },
      h("h3", { id: "problem-heading" }, `Not assessed: ${String(problem.title ?? error.message)}`),
      problem.detail ? h("p", null, String(problem.detail)) : null,
      h("ul", null, list.map((i) => {
        const path = String(i.path ?? "");
        const jump = h("button", { type: "button", class: "link no-print" }, "go to field");
        jump.addEventListener("click", () => { if (!focusField(path)) jump.remove(); });
        return h("li", { class: `issue ${String(i.severity)}` }, h("strong", null, `${String(i.severity) === "error" ? "Error" : "Warning"} ${String(i.code)}`), " ",
          h("code", { class: "path" }, path), " ", String(i.message), " ", jump);
      }))));
    if (last?.label === "form") form.mark(issuePaths(problem));
  } else {
    replace(results, h("p", { class: "issue error" }, `Not assessed: ${error instanceof Error ? error.message : String(error)}`));
  }
  status.textContent = "Not assessed: see the issues below.";
  results.focus();
}

async function show(assessment: Obj, receipt: string, input: AssessInput): Promise<void> {
  history.replaceState(null, "", `#receipt=${receipt}`);
  replace(results, renderResults(assessment, { names, focusField }));
  if (input.label === "form") form.mark(issuePaths(assessment));
  replace(links,
    h("a", { href: `/#receipt=${receipt}`, id: "receipt-link" }, "Link to this assessment"), " · ",
    h("a", { href: `/report.html#receipt=${receipt}`, id: "report-link", target: "_blank", rel: "noopener" }, "Patient report"), " · ",
    h("button", { type: "button", id: "print" , onClick: () => window.print() }, "Print"));
  status.textContent = `Assessed (${input.label}).`;
  results.focus();
  // The course: from the record when the patient is there, else from the dated values of FHIR input. A snapshot is one
  // instant (its series feed the scores that read them), so it has no course of its own to plot.
  if (input.recordPatientId === undefined && input.contentType !== "application/fhir+json") {
    trends.replaceChildren();
    return;
  }
  const source = input.recordPatientId !== undefined ? { kind: "record" as const, patientId: input.recordPatientId } : { kind: "input" as const, body: input.body, contentType: input.contentType };
  try {
    await showTrends(trends, source);
  } catch (e) {
    replace(trends, h("p", { class: "muted" }, `Trends not shown: ${e instanceof Error ? e.message : String(e)}`));
  }
}

async function assess(input: AssessInput): Promise<void> {
  last = input;
  status.textContent = "Assessing…";
  const query = new URLSearchParams();
  if (input.asOf) query.set("asOf", input.asOf);
  if (profile.value) query.set("profile", profile.value);
  try {
    if (save.checked) {
      const stored = await postJson<Obj>("/api/record", input.body, input.contentType);
      const patients = (stored.patients as Obj[] | undefined) ?? [];
      const first = patients[0]?.patientId ?? patients[0]?.id;
      if (typeof first === "string") input = { ...input, recordPatientId: first };
    }
    const receipt = await postJson<{ id: string; assessment: Obj }>(`/api/receipts${query.size > 0 ? "?" + query.toString() : ""}`, input.body, input.contentType);
    await show(receipt.assessment, receipt.id, input);
  } catch (e) {
    showProblem(e);
  }
}

async function reopen(id: string): Promise<void> {
  status.textContent = "Opening the saved assessment…";
  try {
    const saved = await getJson<{ id: string; contentType: AssessInput["contentType"]; asOf: string | null; profile: string | null; input: string; assessment: Obj }>(`/api/receipts/${encodeURIComponent(id)}`);
    let label = "saved input";
    if (saved.contentType === "application/json" && form.fill(JSON.parse(saved.input) as Obj)) label = "form";
    else paste.value = saved.input;
    if (saved.asOf) asOf.value = saved.asOf.slice(0, 10);
    if (saved.profile) profile.value = saved.profile;
    const input: AssessInput = { body: saved.input, contentType: saved.contentType, label, asOf: saved.asOf ?? undefined };
    last = input;
    await show(saved.assessment, saved.id, input);
    status.textContent = `Saved assessment of ${new Date(String((saved as Obj).createdAt)).toISOString().slice(0, 16).replace("T", " ")} UTC, engine ${String((saved as Obj).engineVersion)}.`;
  } catch (e) {
    showProblem(e);
  }
}

function fromText(text: string, label: string): void {
  let kind;
  try {
    kind = classify(text);
  } catch (e) {
    showProblem(new Error(`${label} is not JSON: ${e instanceof Error ? e.message : String(e)}`));
    return;
  }
  void assess({ body: kind.body, contentType: kind.contentType, label: `${label}, ${kind.kind}`, asOf: kind.contentType === "application/fhir+json" && asOf.value ? asOf.value : undefined });
}

async function start(): Promise<void> {
  const config = await appConfig();
  const catalog = await getJson<{ id: string; name: string }[]>("/api/scores");
  for (const s of catalog) names.set(s.id, s.name);
  form = buildForm(config.units);
  form.element.addEventListener("submit", (event) => {
    event.preventDefault();
    void assess({ body: JSON.stringify(form.read()), contentType: "application/json", label: "form" });
  });
  form.onUnitChange = () => {
    if (last?.label === "form") void assess({ body: JSON.stringify(form.read()), contentType: "application/json", label: "form" });
  };
  form.element.appendChild(h("div", { class: "actions no-print" },
    h("button", { type: "submit", class: "primary", id: "assess" }, "Assess"),
    h("button", { type: "reset", id: "clear", onClick: () => { setTimeout(() => form.fill({}), 0); } }, "Clear")));
  file.addEventListener("change", async () => {
    const chosen = file.files?.[0];
    if (chosen) fromText(await chosen.text(), chosen.name);
  });
  const pasteButton = h("button", { type: "button", id: "assess-paste", onClick: () => fromText(paste.value, "pasted") }, "Assess pasted input");

  replace(app,
    h("div", { class: "layout" },
      h("div", { class: "input-column no-print" },
        h("h2", { id: "form-heading" }, "Patient"),
        h("p", { class: "muted" }, `Enter what the patient has: empty fields are sent as absent, never assumed. Units start on ${config.units === "us" ? "US" : "SI"} units; each lab has its own unit choice.`),
        h("div", { class: "options" },
          h("label", { for: "profile" }, "Guideline profile"), profile,
          h("label", { for: "save-record", class: "inline" }, save, " Save to the record (trends from the record)")),
        form.element,
        h("details", { class: "section", id: "load" },
          h("summary", null, h("h3", null, "Load or paste a file")),
          h("p", { class: "muted" }, "A snapshot (docs/snapshot.md), a FHIR R4 Bundle, or a CDS Hooks request with prefetch."),
          h("div", { class: "field" }, h("label", { for: "file" }, "File"), file),
          h("div", { class: "field" }, h("label", { for: "as-of" }, "FHIR: assess as of"), asOf, h("span", { class: "hint", id: "as-of-hint" }, "End of that day, UTC; empty means now. Not used for a snapshot, which gives its own assessment date.")),
          h("div", { class: "field" }, h("label", { for: "paste" }, "Paste JSON"), paste, h("span", { class: "hint", id: "paste-hint" }, "The kind is read from resourceType or hook.")),
          pasteButton)),
      h("div", { class: "result-column" },
        h("h2", null, "Results"),
        status, links, results, trends)));
  const receipt = /^#receipt=([0-9a-f]{32})$/.exec(location.hash)?.[1];
  if (receipt !== undefined) await reopen(receipt);
}

setAssess(assess);
const ready = start().catch((e: unknown) => replace(app, h("p", { class: "issue error" }, `The page could not start: ${e instanceof Error ? e.message : String(e)}`)));

// Back from the EHR's authorization server (SMART App Launch): the EHR context takes over (src/smart/ehr.ts).
const query = new URLSearchParams(location.search);
if (query.has("state") && (query.has("code") || query.has("error"))) {
  void ready.then(() => import("../smart/ehr")).then((m) => m.resume(ehr ?? app));
}
