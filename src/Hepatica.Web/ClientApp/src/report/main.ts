// The patient report (/report.html): a separate document for the patient, in plain words, printable to PDF.
// Every number, category and engine text comes from the API's assessment; every word the page itself writes comes
// from texts/<lang>.json (a translation is a new file there, no code). The page holds no clinical logic: it picks
// which of its texts to show by the ids and categories the API gives.
//
// Data: report.html#receipt=<id> loads GET /api/receipts/{id}; without a receipt the page reads an assessment
// handed over in sessionStorage under "hepatica.report" (the assessment JSON, or an object holding it as `assessment`,
// put there by a page of the same origin). Patient data never goes into the URL.
import "../shared/base.css";
import "./report.css";
import { ApiError, getJson, type Schemas } from "../shared/api";
import { h, replace } from "../shared/dom";
import english from "./texts/en.json";
import { iconArray } from "./icons";

type Texts = typeof english;
type Assessed = Schemas["Assessment.assessed"];
type Score = Assessed["scores"][number];

/** The sessionStorage key under which a page of this origin hands an assessment to the report. */
export const HandOverKey = "hepatica.report";

const texts: Texts = english;
const root = document.getElementById("report")!;

/** Fills {name} placeholders of a text. */
function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}

/** A date of the API (YYYY-MM-DD or an instant) as the patient reads it, in the text's language, in UTC. */
function longDate(iso: string): string {
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return new Intl.DateTimeFormat(texts.lang, { dateStyle: "long", timeZone: "UTC" }).format(date);
}

async function load(): Promise<Assessed | undefined> {
  const receipt = new URLSearchParams(location.hash.slice(1)).get("receipt");
  if (receipt !== null && /^[0-9a-f]{32}$/.test(receipt)) {
    const stored = await getJson<Schemas["ReceiptBody"]>(`/api/receipts/${receipt}`);
    return assessedOrUndefined(stored.assessment);
  }

  const handed = sessionStorage.getItem(HandOverKey);
  if (handed === null) return undefined;
  const parsed = JSON.parse(handed) as { assessment?: Schemas["Assessment"] } | Schemas["Assessment"];
  return assessedOrUndefined("assessment" in parsed && parsed.assessment !== undefined ? parsed.assessment : (parsed as Schemas["Assessment"]));
}

function assessedOrUndefined(assessment: Schemas["Assessment"]): Assessed | undefined {
  return "scores" in assessment ? (assessment as Assessed) : undefined;
}

function calculated(assessment: Assessed, id: string): Score | undefined {
  return assessment.scores.find((s) => s.id === id && s.status === "calculated");
}

function section(id: string, heading: string, ...children: (Node | Node[] | null)[]): HTMLElement {
  return h("section", { class: "report-section", "aria-labelledby": id }, h("h2", { id }, heading), ...children);
}

function measured(assessment: Assessed): HTMLElement | null {
  const items: HTMLElement[] = [];
  // A score marked allocationOnly (the MELD family) is shown only when it is the one the API names as the allocation
  // score of the assessment's profile, so the patient reads one MELD, the one their transplant team uses.
  const scoreTexts = texts.scores as Record<string, { name: string; allocationOnly?: boolean; about?: string; categories?: Record<string, string> }>;
  for (const [id, text] of Object.entries(scoreTexts)) {
    const score = calculated(assessment, id) as (Score & { value?: number; category?: string | null }) | undefined;
    if (score === undefined || (text.allocationOnly === true && assessment.allocationScore.id !== id)) continue;
    const category = score.category ?? "";
    const meaning = text.categories?.[category] ?? text.about;
    if (meaning === undefined) continue;
    items.push(h("li", { "data-score": id }, h("h3", null, fill(text.name, { value: score.value ?? "", category })), h("p", null, meaning)));
  }

  const meld3 = calculated(assessment, "meld-3.0") as (Score & { extras?: Record<string, number> }) | undefined;
  const survival = meld3?.extras?.["survival90Day"];
  const risk = survival === undefined ? null : riskFigure(survival);
  if (items.length === 0 && risk === null) return null;
  return section("measured", texts.sections.measured, h("p", null, texts.sections.measuredIntro), h("ul", { class: "scores" }, items), risk);
}

/** The 90-day survival of MELD 3.0 as 100 people, with the same number in words. */
function riskFigure(survival: number): HTMLElement {
  const alive = Math.round(survival * 100);
  const dead = 100 - alive;
  const words = fill(texts.risk.words, { alive, dead });
  return h(
    "figure",
    { class: "risk", "data-survival": String(survival) },
    h("h3", null, texts.risk.heading),
    iconArray(alive, fill(texts.risk.figure, { alive, dead })),
    h("figcaption", null, h("p", { class: "risk-words" }, words), h("p", null, texts.risk.note),
      h("ul", { class: "legend" },
        h("li", null, h("span", { class: "swatch alive", "aria-hidden": "true" }), ` ${texts.risk.legendAlive}: ${alive}`),
        h("li", null, h("span", { class: "swatch dead", "aria-hidden": "true" }), ` ${texts.risk.legendDead}: ${dead}`))),
  );
}

function hepatitis(assessment: Assessed): HTMLElement | null {
  const lines = assessment.serology.interpretations.map((i) => (i as { patient?: string }).patient).filter((p): p is string => p !== undefined && p.length > 0);
  if (lines.length === 0) return null;
  return section("hepatitis", texts.sections.hepatitis, h("ul", null, lines.map((l) => h("li", null, l))));
}

type Recommendation = Assessed["prevention"]["recommendations"][number] & { patient?: string; dueOn?: string };

function statusLabel(r: Recommendation): string {
  if (r.status === "due-on" && r.dueOn) return fill(texts.status["due-on"], { date: longDate(r.dueOn) });
  if (r.status === "complete" && r.dueOn) return fill(texts.status.completeNext, { date: longDate(r.dueOn) });
  return (texts.status as Record<string, string>)[r.status] ?? r.status;
}

function plan(assessment: Assessed): HTMLElement {
  const recommendations = assessment.prevention.recommendations as Recommendation[];
  const vaccines = recommendations.filter((r) => r.id !== "alcohol" && r.patient);
  const alcohol = recommendations.filter((r) => r.id === "alcohol" && r.patient);
  const vaccineList = vaccines.length === 0
    ? h("p", null, texts.sections.vaccinesNone)
    : h("ul", { class: "vaccines" }, vaccines.map((r) =>
        h("li", { "data-recommendation": r.id, "data-status": r.status, "data-due-on": r.dueOn ?? null },
          h("strong", { class: `status status-${r.status}` }, statusLabel(r)), " ", r.patient!)));
  const reactivation = assessment.immunity.reactivation;
  return section("plan", texts.sections.plan,
    h("h3", null, texts.sections.vaccines), vaccineList,
    h("h3", null, texts.sections.alcohol),
    alcohol.length === 0 ? h("p", null, texts.sections.alcoholDefault) : alcohol.map((r) => h("p", { "data-recommendation": r.id }, r.patient!)),
    reactivation.length === 0 ? null : [
      h("h3", null, texts.sections.medicines),
      h("ul", { class: "medicines" }, reactivation.map((r) => h("li", { "data-medication": r.medication }, fill(texts.medicine.protect, { medication: r.medication })))),
    ]);
}

function questions(assessment: Assessed): HTMLElement {
  const q = texts.questions;
  const list: string[] = [];
  const due = assessment.prevention.recommendations.some((r) => r.status === "due-now" && r.id !== "alcohol");
  if (assessment.transplant.signals.length > 0) list.push(q.transplant);
  if (calculated(assessment, "meld-3.0") || calculated(assessment, "meld")) list.push(q.meld);
  if (calculated(assessment, "child-pugh")) list.push(q.childPugh);
  const fib4 = calculated(assessment, "fib-4");
  if (fib4 !== undefined) list.push(q.fibrosis);
  if (due) list.push(q.vaccinesDue);
  if (assessment.serology.interpretations.length > 0) list.push(q.hepatitis);
  if (assessment.immunity.reactivation.length > 0) list.push(q.reactivation);
  if (assessment.prevention.recommendations.some((r) => r.id === "alcohol")) list.push(q.alcohol);
  list.push(q.always);
  return section("questions", texts.sections.questions, h("ul", { class: "questions" }, list.map((t) => h("li", null, t))));
}

/** The glossary: each term the report uses, explained once (a term is listed when the report's text names it). */
function glossary(report: HTMLElement): HTMLElement {
  const said = (report.textContent ?? "").toLowerCase();
  const used = texts.glossary.filter((g) => new RegExp(`\\b${g.term.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`).test(said));
  return section("glossary", texts.sections.glossary,
    h("dl", { class: "glossary" }, used.flatMap((g) => [h("dt", null, g.term), h("dd", null, g.text)])));
}

function render(assessment: Assessed): void {
  const header = h("header", { class: "report-header" },
    h("h1", null, texts.page.title),
    h("p", null, texts.page.intro),
    h("p", { class: "report-date" }, fill(texts.page.date, { date: longDate(assessment.asOf) })),
    h("p", { class: "not-care" }, h("strong", null, texts.page.notCare)),
    h("button", { type: "button", class: "primary no-print", onclick: () => window.print() }, texts.page.print));
  const body = h("div", null, header, measured(assessment), hepatitis(assessment), plan(assessment), questions(assessment));
  body.append(glossary(body));
  replace(root, body);
}

async function start(): Promise<void> {
  document.documentElement.lang = texts.lang;
  document.title = texts.page.title;
  replace(root, h("p", { role: "status" }, texts.page.loading));
  try {
    const assessment = await load();
    if (assessment === undefined) replace(root, h("h1", null, texts.page.title), h("p", null, texts.page.none));
    else render(assessment);
  } catch (error) {
    // A failed request is said on the page; anything else is a bug of the page, logged by its kind only (never the data).
    if (!(error instanceof ApiError)) console.error("report: could not render", error instanceof Error ? error.name : typeof error);
    replace(root, h("h1", null, texts.page.title), h("p", { role: "alert" }, texts.page.failed));
  }
}

void start();
