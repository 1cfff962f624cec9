// Trend plots (MELD 3.0, MELD-Na, Child-Pugh, bilirubin, INR, creatinine, sodium, albumin) with the score's bands and
// alert markers (issue 14 part 1). Every value, category, alert and fact comes from the timeline the API gives (the
// record's, or POST /api/timeline's for the values given); the page only draws it. The bands are the published cut-offs,
// each with its source in the plot's caption.
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import "./trends.css";
import { getJson, postJson, ApiError, type Schemas } from "../shared/api";
import { h, replace } from "../shared/dom";

/** Where the course comes from: the longitudinal record, or the dated values of the input itself (not stored). */
export type TrendSource =
  | { kind: "record"; patientId: string }
  | { kind: "input"; body: string; contentType: string };

type Timeline = Schemas["TimelineBody"];
type Entry = Schemas["TimelineEntryBody"];
type Alert = Schemas["AlertCandidate"];
type Fact = Schemas["TrendFact"];

/** A band behind a line: [from, to) in the plot's unit, its label, and the source of the cut-offs. */
interface Band { from: number; to: number; label: string }

interface Measure {
  key: string; // the course point's value key (CourseValues)
  title: string;
  unit: string; // the unit the course point gives the value in (CourseValues' docs)
  scoreId?: string; // the assessment's score whose category each point shows
  rules: string[]; // the course rules whose alerts and facts are marked on this plot
  bands: (categories: string[]) => Band[];
  source: string;
  lowIsWorse?: boolean; // shades darken downward (sodium, albumin)
}

const BandShades = ["band-0", "band-1", "band-2", "band-3", "band-4"];

/** MELD bands as the engine's categories give them ("≤ 9 (…)", "10-19 (…)", "≥ 40 (…)"). */
function meldBands(categories: string[]): Band[] {
  const bands = new Map<string, Band>();
  for (const c of categories) {
    let m: RegExpMatchArray | null;
    if ((m = c.match(/^≤\s*(\d+)/))) bands.set(c, { from: 6, to: Number(m[1]) + 1, label: c });
    else if ((m = c.match(/^(\d+)-(\d+)/))) bands.set(c, { from: Number(m[1]), to: Number(m[2]) + 1, label: c });
    else if ((m = c.match(/^≥\s*(\d+)/))) bands.set(c, { from: Number(m[1]), to: 41, label: c });
  }
  return [...bands.values()].sort((a, b) => a.from - b.from);
}

const fixed = (bands: Band[]) => () => bands;

const Measures: Measure[] = [
  { key: "meld3", title: "MELD 3.0", unit: "points", scoreId: "meld-3.0", rules: ["meld3-30d-change", "meld-not-referred"], bands: meldBands,
    source: "Bands: the engine's MELD categories (Wiesner 2003, 3-month mortality), which it gives for MELD." },
  { key: "meldNa", title: "MELD-Na", unit: "points", scoreId: "meld-na", rules: ["meldna-30d-change"], bands: meldBands,
    source: "Bands: the engine's MELD categories (Wiesner 2003, 3-month mortality)." },
  { key: "childPugh", title: "Child-Pugh", unit: "points", scoreId: "child-pugh", rules: ["first-decompensation"],
    bands: fixed([{ from: 5, to: 7, label: "Class A (5-6)" }, { from: 7, to: 10, label: "Class B (7-9)" }, { from: 10, to: 16, label: "Class C (10-15)" }]),
    source: "Bands: Child-Pugh classes A 5-6, B 7-9, C 10-15 (Pugh 1973)." },
  { key: "bilirubin", title: "Bilirubin", unit: "mg/dL", rules: ["bilirubin-doubling"],
    bands: fixed([{ from: 0, to: 2, label: "< 2 mg/dL (1 point)" }, { from: 2, to: 3, label: "2-3 mg/dL (2 points)" }, { from: 3, to: Infinity, label: "> 3 mg/dL (3 points)" }]),
    source: "Bands: Child-Pugh's bilirubin cut-offs 2 and 3 mg/dL (Pugh 1973)." },
  { key: "inr", title: "INR", unit: "INR", rules: [],
    bands: fixed([{ from: 0, to: 1.7, label: "< 1.7 (1 point)" }, { from: 1.7, to: 2.3, label: "1.7-2.3 (2 points)" }, { from: 2.3, to: Infinity, label: "> 2.3 (3 points)" }]),
    source: "Bands: the INR cut-offs 1.7 and 2.3 the engine's Child-Pugh uses (MDCalc INR bands; Pugh 1973 banded prothrombin time, not INR)." },
  { key: "creatinine", title: "Creatinine", unit: "mg/dL", rules: ["creatinine-doubling"],
    bands: fixed([{ from: 0, to: 1, label: "< 1.0 mg/dL (MELD floor)" }, { from: 1, to: 4, label: "1.0-4.0 mg/dL" }, { from: 4, to: Infinity, label: "≥ 4.0 mg/dL (MELD cap)" }]),
    source: "Bands: MELD's creatinine floor 1.0 and cap 4.0 mg/dL (OPTN MELD policy)." },
  { key: "sodium", title: "Sodium", unit: "mmol/L", rules: [], lowIsWorse: true,
    bands: fixed([{ from: 0, to: 125, label: "< 125 mmol/L (MELD-Na floor)" }, { from: 125, to: 137, label: "125-137 mmol/L" }, { from: 137, to: Infinity, label: "> 137 mmol/L (MELD-Na cap)" }]),
    source: "Bands: MELD-Na's sodium bounds 125 and 137 mmol/L (OPTN 2016)." },
  { key: "albumin", title: "Albumin", unit: "g/dL", rules: [], lowIsWorse: true,
    bands: fixed([{ from: 0, to: 2.8, label: "< 2.8 g/dL (< 28 g/L, 3 points)" }, { from: 2.8, to: 3.5, label: "2.8-3.5 g/dL (28-35 g/L, 2 points)" }, { from: 3.5, to: Infinity, label: "> 3.5 g/dL (> 35 g/L, 1 point)" }]),
    source: "Bands: Child-Pugh's albumin cut-offs 35 and 28 g/L (Pugh 1973)." },
];

let plotCount = 0;

/** Draws the trends of a patient into host; resolves when drawn (or says in host why there is nothing to draw). */
export async function showTrends(host: HTMLElement, source: TrendSource): Promise<void> {
  replace(host, h("p", { class: "trends-status" }, "Loading the course…"));
  let timeline: Timeline;
  let alerts: Alert[];
  try {
    if (source.kind === "record") {
      const id = encodeURIComponent(source.patientId);
      timeline = await getJson<Timeline>(`/api/record/patients/${id}/timeline?assessments=true`);
      const page = await getJson<Schemas["AlertPage"]>(`/api/record/patients/${id}/alerts?state=all`);
      alerts = page.alerts.map((a) => a.candidate);
    } else {
      timeline = await postJson<Timeline>("/api/timeline?assessments=true", source.body, source.contentType);
      alerts = timeline.report.alerts;
    }
  } catch (e) {
    const text = e instanceof ApiError && e.status === 404 ? "The record holds no such patient." : `The course could not be read: ${e instanceof Error ? e.message : String(e)}.`;
    replace(host, h("p", { class: "trends-status", role: "alert" }, text));
    return;
  }

  const entries = timeline.entries;
  const detail = h("section", { class: "trends-detail", "aria-live": "polite", "aria-labelledby": "trends-detail-heading" },
    h("h3", { id: "trends-detail-heading" }, "Selected point"),
    h("p", null, "Select a point on a plot, or its row in the table, to see the inputs of that instant."));
  const plots: HTMLElement[] = [];
  const said: string[] = [];
  for (const measure of Measures) {
    const points = entries.filter((e) => typeof e.course.values[measure.key] === "number");
    if (points.length < 2) {
      said.push(`${measure.title}: ${points.length === 0 ? "no values" : "one instant only"}`);
      continue;
    }
    plots.push(plot(measure, points, alerts, timeline.report.facts, source, detail));
  }

  if (plots.length === 0) {
    replace(host, h("p", { class: "trends-status" },
      entries.length < 2 ? "Nothing to plot: the course has one instant only (trends need values at two instants or more)." : "Nothing to plot: no score or lab was known at two instants or more."));
    return;
  }

  replace(host,
    h("div", { class: "trends-plots" }, plots),
    said.length > 0 ? h("p", { class: "trends-missing" }, "Not plotted (fewer than two values): ", said.join("; "), ".") : null,
    detail);
}

function plot(measure: Measure, points: Entry[], alerts: Alert[], facts: Fact[], source: TrendSource, detail: HTMLElement): HTMLElement {
  const n = ++plotCount;
  const xs = points.map((e) => Date.parse(e.asOf) / 1000);
  const ys = points.map((e) => e.course.values[measure.key]!);
  const categories = points.map((e) => category(measure, e));
  // MELD 3.0 and MELD-Na carry no category of their own: their bands are the engine's MELD categories (Wiesner 2003).
  const bandCategories = measure.scoreId?.startsWith("meld") ? points.flatMap((e) => ["meld", "meld-na", "meld-3.0"].map((id) => scoreCategory(e, id))) : categories;
  const bands = measure.bands(bandCategories.filter((c) => c.length > 0));
  const shadeOf = (i: number) => (measure.lowIsWorse ? bands.length - 1 - i : i) % 5;
  const marks = alerts.filter((a) => measure.rules.includes(a.ruleId));
  const marked = facts.filter((f) => measure.rules.includes(f.kind));
  const markAt = [...marks.map((a) => a.latestAt), ...marked.map((f) => f.at)].map((t) => Date.parse(t) / 1000);

  const select = (i: number) => showPoint(detail, measure, points[i]!, categories[i] ?? "", source);
  const chart = h("div", { class: "trends-chart", role: "img", "aria-label": `${measure.title} over time, ${points.length} values, in ${measure.unit}; the table below lists them.` });
  const figure = h("figure", { class: "trends-plot", "aria-labelledby": `trends-title-${n}` },
    h("h3", { id: `trends-title-${n}` }, `${measure.title} (${measure.unit})`),
    chart,
    h("figcaption", null,
      legend(bands, shadeOf),
      marks.length + marked.length > 0
        ? h("ul", { class: "trends-alerts", "aria-label": `${measure.title}: alerts and course facts` },
            marks.map((a) => h("li", null, h("span", { class: "mark-alert", "aria-hidden": "true" }, "▲ "), `Alert (${a.severity}) ${day(a.latestAt)}: ${a.text} (${a.source.key})`)),
            marked.map((f) => h("li", null, h("span", { class: "mark-fact", "aria-hidden": "true" }, "◆ "), `Course fact ${day(f.at)}: ${f.text}`)))
        : h("p", null, "No alert or course fact on this measure."),
      h("p", { class: "trends-source" }, measure.source)),
    table(measure, points, categories, select));

  const shade = (u: uPlot) => {
    const ctx = u.ctx;
    const { left, top, width, height } = u.bbox;
    bands.forEach((b, i) => {
      const y0 = u.valToPos(Math.min(b.to, u.scales.y?.max ?? b.to), "y", true);
      const y1 = u.valToPos(Math.max(b.from, u.scales.y?.min ?? b.from), "y", true);
      if (y1 <= y0) return;
      ctx.fillStyle = ["#e8f3e8", "#fdf3d8", "#fbe3d0", "#f6d4d4", "#ecd2ec"][shadeOf(i)]!;
      ctx.fillRect(left, Math.max(top, y0), width, Math.min(top + height, y1) - Math.max(top, y0));
    });
  };
  const markers = (u: uPlot) => {
    const ctx = u.ctx;
    ctx.fillStyle = "#a4161a";
    for (const t of markAt) {
      const i = nearest(xs, t);
      const x = u.valToPos(xs[i]!, "x", true);
      const y = u.valToPos(ys[i]!, "y", true);
      ctx.beginPath();
      ctx.moveTo(x, y - 14);
      ctx.lineTo(x - 7, y - 26);
      ctx.lineTo(x + 7, y - 26);
      ctx.closePath();
      ctx.fill();
    }
  };
  const lo = Math.min(...ys, ...bands.filter((b) => Number.isFinite(b.from)).map((b) => b.from).filter((v) => v > 0).slice(0, 1));
  const hi = Math.max(...ys);
  const u = new uPlot({
    width: 460, height: 220,
    scales: { x: { time: true }, y: { range: [Math.max(0, lo - (hi - lo) * 0.15 - 0.5), hi + (hi - lo) * 0.25 + 1] } },
    axes: [{}, { label: measure.unit, size: 60 }],
    legend: { show: false },
    cursor: { drag: { x: false, y: false } },
    series: [{}, { label: measure.title, stroke: "#1d3557", width: 2, points: { show: true, size: 8, fill: "#1d3557" } }],
    hooks: { drawClear: [shade], draw: [markers] },
  }, [xs, ys], chart);
  u.over.addEventListener("click", () => {
    const i = u.cursor.idx;
    if (i !== null && i !== undefined) select(i);
  });
  return figure;
}

function legend(bands: Band[], shadeOf: (i: number) => number): HTMLElement {
  return h("ul", { class: "trends-legend", "aria-label": "Bands, bottom to top" },
    bands.map((b, i) => h("li", null, h("span", { class: `swatch ${BandShades[shadeOf(i)]}`, "aria-hidden": "true" }), b.label)));
}

function table(measure: Measure, points: Entry[], categories: string[], select: (i: number) => void): HTMLElement {
  return h("details", { class: "trends-table" },
    h("summary", null, `${measure.title}: table of the ${points.length} values`),
    h("table", null,
      h("caption", null, `${measure.title} (${measure.unit}) by date`),
      h("thead", null, h("tr", null, h("th", { scope: "col" }, "Date"), h("th", { scope: "col" }, `Value (${measure.unit})`), h("th", { scope: "col" }, "Category"), h("th", { scope: "col" }, "Inputs"))),
      h("tbody", null, points.map((e, i) => h("tr", null,
        h("th", { scope: "row" }, day(e.asOf)),
        h("td", null, String(e.course.values[measure.key])),
        h("td", null, categories[i] || "—"),
        h("td", null, h("button", { type: "button", onclick: () => select(i) }, `Show inputs of ${day(e.asOf)}`)))))));
}

function showPoint(detail: HTMLElement, measure: Measure, entry: Entry, cat: string, source: TrendSource): void {
  const link = source.kind === "record"
    ? h("a", { href: `/api/record/patients/${encodeURIComponent(source.patientId)}/assessments/${encodeURIComponent(entry.asOf)}`, target: "_blank", rel: "noopener" }, "Open this assessment (JSON, as stored: its SHA-256 is the receipt's)")
    : null;
  replace(detail,
    h("h3", { id: "trends-detail-heading" }, `${measure.title} as of ${entry.asOf.replace("T", " ").replace("Z", " UTC")}`),
    h("p", null, `Value: ${entry.course.values[measure.key]} ${measure.unit}`, cat ? `; category: ${cat}` : ""),
    entry.inputs.length > 0
      ? h("table", null,
          h("caption", null, "The inputs of this instant"),
          h("thead", null, h("tr", null, ["Input", "Measured", "Age (days)", "Window (days)", "Stale"].map((t) => h("th", { scope: "col" }, t)))),
          h("tbody", null, entry.inputs.map((i) => h("tr", null,
            h("th", { scope: "row" }, i.path),
            h("td", null, i.time ? day(i.time) : "—"),
            h("td", null, i.ageDays ?? "—"),
            h("td", null, i.windowDays ?? "—"),
            h("td", null, i.stale ? "yes: older than its window" : "no")))))
      : h("p", null, "A snapshot: its values are dated by its assessment date (and its series)."),
    h("h4", null, "Values the course rules read at this instant"),
    h("ul", null, Object.entries(entry.course.values).map(([k, v]) => h("li", null, `${k}: ${v}`, entry.course.evidence[k] ? ` (from ${entry.course.evidence[k]})` : ""))),
    h("p", null, `Receipt: engine ${entry.receipt.engineVersion}, profile ${entry.receipt.profile}, arrivals ${entry.receipt.arrivalIds.join(", ")}, output SHA-256 ${entry.receipt.outputSha256.slice(0, 16)}…`),
    link);
}

function category(measure: Measure, entry: Entry): string {
  if (measure.scoreId) {
    return scoreCategory(entry, measure.scoreId);
  }
  const v = entry.course.values[measure.key] ?? NaN;
  return measure.bands([]).find((b) => v >= b.from && v < b.to)?.label ?? "";
}

function scoreCategory(entry: Entry, id: string): string {
  const scores = (entry.assessment as { scores?: { id: string; category?: string | null }[] } | undefined)?.scores ?? [];
  return scores.find((s) => s.id === id)?.category ?? "";
}

function nearest(xs: number[], t: number): number {
  let best = 0;
  xs.forEach((x, i) => { if (Math.abs(x - t) < Math.abs(xs[best]! - t)) best = i; });
  return best;
}

function day(iso: string): string {
  return iso.slice(0, 10);
}
