// The results as a clinician reads them, all from the API's assessment JSON (docs/output.md): problems first, then
// each score (value, category, range with the question that settles it, applicability, role, prognosis, citations,
// the breakdown on demand), transplant signals, serology, the immune side, the prevention plan, what is missing.
// No clinical logic here: every number, category and sentence is the API's.
import { h } from "../shared/dom";
import { pathInWords } from "./schema";

type Obj = Record<string, unknown>;
const arr = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);
const str = (v: unknown): string => (v === undefined || v === null ? "" : String(v));

/** What the results need from the page: score names, and a way to jump to a form field. */
export interface ResultContext {
  names: Map<string, string>;
  /** Focuses the form control of a snapshot path; false when the form has none (FHIR input). */
  focusField(path: string): boolean;
}

/** A citation by its key (linked when it has a URL); the full reference as the link's title and in the breakdown. */
function citation(c: unknown): Node {
  if (typeof c === "string") return h("span", { class: "cite" }, c);
  const o = c as Obj;
  const url = str(o.url);
  return h("span", { class: "cite" }, url.startsWith("https://") ? h("a", { href: url, rel: "noreferrer", target: "_blank", title: str(o.reference) }, str(o.key)) : str(o.key));
}

function references(score: Obj): Node | null {
  const list = arr(score.citations).filter((c) => typeof c === "object" && c !== null && c.reference);
  return list.length === 0 ? null : h("ul", { class: "references" }, list.map((c) => h("li", null, h("strong", null, str(c.key)), " ", str(c.reference))));
}

function pathList(paths: unknown, ctx: ResultContext): Node {
  return h("ul", { class: "paths" }, arr(paths).map((p) => {
    const path = String(p);
    const button = h("button", { type: "button", class: "link no-print" }, "go to field");
    button.addEventListener("click", () => {
      if (!ctx.focusField(path)) button.replaceWith(h("span", { class: "muted" }, "(not in the form: give it in the input)"));
    });
    return h("li", null, pathInWords(path), " ", h("code", { class: "path" }, path), " ", button);
  }));
}

function issues(assessment: Obj, ctx: ResultContext): Node | null {
  const list = [...arr(assessment.errors), ...arr(assessment.warnings)];
  if (list.length === 0) return null;
  return h("section", { class: "issues", "aria-labelledby": "issues-heading" },
    h("h3", { id: "issues-heading" }, `Check first: ${list.length} issue${list.length === 1 ? "" : "s"} in the input`),
    h("ul", null, list.map((i) => {
      const path = str(i.path);
      const jump = h("button", { type: "button", class: "link no-print" }, "go to field");
      jump.addEventListener("click", () => { if (!ctx.focusField(path)) jump.remove(); });
      return h("li", { class: `issue ${str(i.severity)}` },
        h("strong", null, `${str(i.severity) === "error" ? "Error" : "Warning"} ${str(i.code)}`), " ",
        h("code", { class: "path" }, path), " ", str(i.message), " ", jump);
    })));
}

function steps(score: Obj): Node | null {
  const list = arr(score.steps);
  if (list.length === 0) return null;
  return h("details", { class: "breakdown" }, h("summary", null, "Breakdown: every step"),
    references(score),
    h("table", null,
      h("thead", null, h("tr", null, h("th", { scope: "col" }, "Step"), h("th", { scope: "col" }, "What"), h("th", { scope: "col" }, "Value"), h("th", { scope: "col" }, "Rule and source"))),
      h("tbody", null, list.map((s) => h("tr", null, h("td", null, str(s.kind)), h("td", null, str(s.label)), h("td", { class: "num" }, str(s.value)), h("td", null, str(s.detail)))))));
}

function valueText(score: Obj): string {
  switch (score.status) {
    case "calculated": return str(score.value);
    case "range": return `${str(score.minimum)}–${str(score.maximum)}`;
    case "not-calculable": return "not calculable";
    case "not-applicable": return "not applicable";
    default: return str(score.status);
  }
}

function scoreCard(score: Obj, ctx: ResultContext, allocation: string | undefined): HTMLElement {
  const id = str(score.id);
  const status = str(score.status);
  const extras = (score.extras ?? {}) as Obj;
  const survival = typeof extras.survival90Day === "number" ? extras.survival90Day : undefined;
  const category = status === "range"
    ? (score.minimumCategory !== undefined ? `${str(score.minimumCategory)} to ${str(score.maximumCategory)}` : "")
    : str(score.category);
  return h("article", { class: `score ${status}${id === allocation ? " allocation" : ""}`, "data-score": id, "aria-labelledby": `s-${id}` },
    h("h4", { id: `s-${id}` }, ctx.names.get(id) ?? id, id === allocation ? h("span", { class: "badge" }, "allocation score") : null),
    h("p", { class: "value" }, h("span", { class: "number" }, valueText(score)), category ? h("span", { class: "category" }, category) : null),
    score.roleText ? h("p", { class: "role" }, str(score.roleText)) : null,
    survival !== undefined ? h("p", { class: "prognosis" }, `90-day survival ${(survival * 100).toFixed(1)}% (the score's published estimate)`) : null,
    status === "range" ? h("div", { class: "range" },
      h("p", null, str(score.text)),
      h("p", null, h("strong", null, "Settle it: "), "give"), pathList(score.settledBy, ctx)) : null,
    status === "not-applicable" ? h("p", { class: "reason" }, "Not for this patient: ", str(score.reason)) : null,
    status === "not-calculable" ? h("div", { class: "missing" }, h("p", null, "Missing:"), pathList(score.missing, ctx)) : null,
    arr(score.warnings).length > 0 ? h("ul", { class: "score-warnings" }, arr(score.warnings).map((w) => h("li", null, `${str(w.code)} ${str(w.message)}`))) : null,
    steps(score),
    arr(score.citations).length > 0 ? h("p", { class: "citations" }, "Source: ", arr(score.citations).map(citation).flatMap((c, i) => (i === 0 ? [c] : ["; ", c]))) : null);
}

function section(title: string, id: string, ...children: (Node | null)[]): HTMLElement {
  return h("section", { class: "result-section", "aria-labelledby": id }, h("h3", { id }, title), children);
}

function missingOf(assessment: Obj, key: string, ctx: ResultContext): Node | null {
  const part = (assessment[key] ?? {}) as Obj;
  return arr(part.missing).length > 0 ? h("div", { class: "missing" }, h("p", null, "Would decide more:"), pathList(part.missing, ctx)) : null;
}

function serologyList(serology: Obj): Node {
  const list = arr(serology.interpretations);
  if (list.length === 0) return h("p", null, "No serology given.");
  return h("ul", null, list.map((i) => {
    const next = arr(i.nextTests).map((t) => h("li", null, "Next: ", typeof t === "string" ? t : `${str(t.test)} — ${str(t.reason)}`));
    return h("li", null, h("strong", null, str(i.topic)), ": ", str(i.clinician), next.length > 0 ? h("ul", null, next) : null);
  }));
}

/** Renders an assessment. */
export function renderResults(assessment: Obj, ctx: ResultContext): HTMLElement {
  const scores = arr(assessment.scores);
  const allocation = str(((assessment.allocationScore ?? {}) as Obj).id) || undefined;
  const shown = scores.filter((s) => s.status === "calculated" || s.status === "range");
  const other = scores.filter((s) => s.status !== "calculated" && s.status !== "range");
  const transplant = (assessment.transplant ?? {}) as Obj;
  const serology = (assessment.serology ?? {}) as Obj;
  const immunity = (assessment.immunity ?? {}) as Obj;
  const prevention = (assessment.prevention ?? {}) as Obj;
  const signals = [...arr(transplant.signals), ...arr(transplant.possible)];
  return h("div", { class: "results" },
    h("p", { class: "run" }, `As of ${str(assessment.asOf)} (${str(assessment.asOfSource)}), profile ${str(assessment.profile)}, engine ${str(assessment.engineVersion)}`,
      assessment.id ? `, patient ${str(assessment.id)}` : ""),
    issues(assessment, ctx),
    arr(assessment.conflicts).length > 0 ? section("Conflicting interpretations", "r-conflicts", h("ul", null, arr(assessment.conflicts).map((c) => h("li", null, str(c.text))))) : null,
    section("Scores", "r-scores", h("div", { class: "score-grid" }, shown.map((s) => scoreCard(s, ctx, allocation)))),
    section("Transplant referral", "r-transplant",
      signals.length === 0 ? h("p", null, "No referral signal from these inputs.") : h("ul", null, signals.map((s) => h("li", { class: `signal ${str(s.urgency)}` },
        h("strong", null, str(s.urgency) === "urgent" ? "Urgent: " : "Refer: "), str(s.reason), " ", citation(s.source)))),
      missingOf(assessment, "transplant", ctx)),
    section("Viral hepatitis serology", "r-serology", serologyList(serology)),
    section("The immune side", "r-immunity",
      h("p", null, "Hepatitis B status: ", str(immunity.hbvSerostatus) || "not known"),
      [...arr(immunity.reactivation), ...arr(immunity.sbpProphylaxis), ...arr(immunity.observations)].length === 0 ? h("p", null, "No reactivation risk, SBP prophylaxis indication or low count from these inputs.")
        : h("ul", null, [...arr(immunity.reactivation), ...arr(immunity.sbpProphylaxis), ...arr(immunity.observations)].map((r) => h("li", null, str(r.text), " ", h("span", { class: "cite" }, str(r.source))))),
      missingOf(assessment, "immunity", ctx)),
    section("Prevention plan", "r-prevention",
      h("table", { class: "plan" },
        h("thead", null, h("tr", null, h("th", { scope: "col" }, "Item"), h("th", { scope: "col" }, "Status"), h("th", { scope: "col" }, "Due"), h("th", { scope: "col" }, "For the clinician"))),
        h("tbody", null, arr(prevention.recommendations).map((r) => h("tr", null, h("td", null, str(r.id)), h("td", null, str(r.status)), h("td", null, str(r.dueOn)), h("td", null, str(r.clinician), " ", h("span", { class: "cite" }, str(r.source))))))),
      missingOf(assessment, "prevention", ctx)),
    other.length > 0 ? section("Not calculated", "r-other", h("div", { class: "score-grid compact" }, other.map((s) => scoreCard(s, ctx, allocation)))) : null);
}
