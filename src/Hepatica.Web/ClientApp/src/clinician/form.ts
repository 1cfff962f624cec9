// The patient form, drawn from the snapshot schema: every input of the contract, grouped as a clinician thinks.
// Empty means absent: nothing is pre-filled, booleans are three-state (unknown / yes / no), and a lab's unit choice
// holds exactly the spellings the reader accepts. The form holds no clinical logic: it writes a snapshot, the API reads it.
import { h } from "../shared/dom";
import { labelOfKey, type SchemaNode, snapshotSchema } from "./schema";

type Json = unknown;

/** One piece of the form: reads its part of the snapshot (undefined when empty) and writes it back. */
interface Part {
  element: HTMLElement;
  read(): Json | undefined;
  write(value: Json | undefined): void;
}

/** The form as the page uses it. */
export interface PatientForm {
  element: HTMLFormElement;
  /** The snapshot the form holds (only what was given). */
  read(): Record<string, Json>;
  /** Fills the form from a snapshot; false when it holds keys the form cannot show (then nothing is filled). */
  fill(snapshot: Record<string, Json>): boolean;
  /** The control for a snapshot path (or its nearest parent), opening collapsed sections; undefined when none. */
  control(path: string): HTMLElement | undefined;
  /** Marks the controls of the given paths as pointed at by an issue (and clears the previous marks). */
  mark(paths: string[]): void;
  /** Called when a lab's unit is switched (the page asks the API again). */
  onUnitChange?: () => void;
}

const groups: { title: string; keys: string[]; collapsed?: boolean }[] = [
  { title: "About the patient", keys: ["id", "sex", "ageYears", "ageAtListingYears", "assessmentDate", "bmi"] },
  { title: "Labs", keys: ["labs", "series"] },
  { title: "Findings", keys: ["findings"] },
  { title: "History", keys: ["history"] },
  { title: "Serology", keys: ["serology"] },
  { title: "Medications", keys: ["medications"] },
  { title: "Vaccinations", keys: ["vaccinations"] },
  { title: "Alcohol", keys: ["alcohol"], collapsed: true },
  { title: "Drug-induced liver injury", keys: ["dili"], collapsed: true },
  { title: "Autoimmune hepatitis", keys: ["autoimmune"], collapsed: true },
];

/** The unit a lab starts on: the host's unit side (SI or US), from the reader's spellings. Not patient data. */
function defaultUnit(units: string[], side: "si" | "us", key: string): string {
  const us = (u: string) => /dL|uL|µL|mm3/.test(u);
  if (side === "us" && key !== "labs.lactate") return units.find(us) ?? units[0] ?? "";
  return units.find((u) => !us(u)) ?? units[0] ?? "";
}

function idOf(path: string): string {
  return "f-" + path.replace(/[.[\]]+/g, "-").replace(/-$/, "");
}

function isLab(node: SchemaNode): boolean {
  return node.properties?.value?.type === "number" && node.properties.unit?.enum !== undefined;
}

function isSerology(node: SchemaNode): boolean {
  return node.properties?.result?.enum !== undefined;
}

function types(node: SchemaNode): string[] {
  return node.type === undefined ? [] : Array.isArray(node.type) ? node.type : [node.type];
}

function empty(value: Json | undefined): boolean {
  if (value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === "object" && value !== null) return Object.keys(value).length === 0;
  return false;
}

/** Builds the form: side is the host's default unit side. */
export function buildForm(side: "si" | "us"): PatientForm {
  const controls = new Map<string, HTMLElement>();
  let marked: HTMLElement[] = [];
  const form = h("form", { class: "patient-form", novalidate: true, "aria-labelledby": "form-heading" }) as HTMLFormElement;
  const api: PatientForm = {
    element: form,
    read: () => (top.read() as Record<string, Json> | undefined) ?? {},
    fill(snapshot) {
      if (!fits(snapshotSchema, snapshot)) return false;
      top.write(snapshot);
      return true;
    },
    control(path) {
      let p = path;
      for (;;) {
        const found = controls.get(p);
        if (found !== undefined) {
          for (let d = found.closest("details"); d !== null; d = d.parentElement?.closest("details") ?? null) d.open = true;
          return found;
        }
        const cut = Math.max(p.lastIndexOf("."), p.lastIndexOf("["));
        if (cut <= 0) return undefined;
        p = p.slice(0, cut);
        // A lab's own path points at its value.
        const value = controls.get(p + ".value");
        if (value !== undefined) return api.control(p + ".value");
      }
    },
    mark(paths) {
      for (const m of marked) {
        m.removeAttribute("aria-invalid");
        m.closest(".field")?.classList.remove("has-issue");
      }
      marked = [];
      for (const path of paths) {
        const control = controls.get(path) ?? controls.get(path + ".value") ?? api.control(path);
        if (control === undefined) continue;
        control.setAttribute("aria-invalid", "true");
        control.closest(".field")?.classList.add("has-issue");
        marked.push(control);
      }
    },
  };

  // ---- leaves ----
  function hint(node: SchemaNode, path: string): HTMLElement {
    return h("span", { class: "hint", id: idOf(path) + "-hint" }, node.description ?? "", " ", h("code", { class: "path" }, path));
  }

  function leaf(path: string, key: string, node: SchemaNode, label = labelOfKey(key), hidden = false): Part {
    const id = idOf(path);
    const t = types(node);
    let control: HTMLInputElement | HTMLSelectElement;
    let read: () => Json | undefined;
    let write: (v: Json | undefined) => void;
    if (node.enum !== undefined) {
      const select = h("select", { id, name: path }, h("option", { value: "" }, "not given"), node.enum.map((v) => h("option", { value: String(v) }, String(v))));
      control = select;
      read = () => (select.value === "" ? undefined : node.enum!.find((v) => String(v) === select.value));
      write = (v) => (select.value = v === undefined ? "" : String(v));
    } else if (t.includes("boolean")) {
      const select = h("select", { id, name: path }, h("option", { value: "" }, "unknown"), h("option", { value: "true" }, "yes"), h("option", { value: "false" }, "no"));
      control = select;
      read = () => (select.value === "" ? undefined : select.value === "true");
      write = (v) => (select.value = v === undefined ? "" : String(v));
    } else if (t.length === 1 && (t[0] === "number" || t[0] === "integer")) {
      const input = h("input", { id, name: path, type: "number", step: t[0] === "integer" ? "1" : "any", inputmode: "decimal" });
      control = input;
      read = () => (input.value.trim() === "" ? undefined : Number(input.value));
      write = (v) => (input.value = v === undefined ? "" : String(v));
    } else if (node.format === "date") {
      const input = h("input", { id, name: path, type: "date" });
      control = input;
      read = () => (input.value === "" ? undefined : input.value);
      write = (v) => (input.value = v === undefined ? "" : String(v));
    } else {
      const input = h("input", { id, name: path, type: "text", autocomplete: "off" });
      control = input;
      // A titer may be "1:80" or its reciprocal 80 (schema: string or integer): a bare integer goes as a number.
      read = () => {
        const text = input.value.trim();
        if (text === "") return undefined;
        return t.includes("integer") && /^\d+$/.test(text) ? Number(text) : text;
      };
      write = (v) => (input.value = v === undefined ? "" : String(v));
    }
    controls.set(path, control);
    const help = hint(node, path);
    control.setAttribute("aria-describedby", help.id);
    const element = h("div", { class: "field" }, h("label", { for: id, class: hidden ? "visually-hidden" : null }, label), control, hidden ? null : help);
    if (hidden) element.appendChild(h("span", { class: "visually-hidden", id: help.id }, help.textContent ?? ""));
    return { element, read, write };
  }

  // ---- a lab: value, unit, date ----
  function lab(path: string, key: string, node: SchemaNode): Part {
    const label = labelOfKey(key);
    const units = (node.properties!.unit!.enum ?? []).map(String);
    const unitRequired = node.required?.includes("unit") ?? false;
    const value = leaf(path + ".value", key + ".value", node.properties!.value!, label);
    const valueInput = value.element.querySelector("input")!;
    valueInput.setAttribute("aria-describedby", idOf(path) + "-hint");
    const unitId = idOf(path + ".unit");
    const unit = h("select", { id: unitId, name: path + ".unit" }, unitRequired ? null : h("option", { value: "" }, "no unit"), units.map((u) => h("option", { value: u }, u)));
    const start = unitRequired ? defaultUnit(units, side, key) : "";
    unit.value = start;
    unit.addEventListener("change", () => api.onUnitChange?.());
    controls.set(path + ".unit", unit);
    const dateNode = node.properties!.date;
    const date = dateNode !== undefined ? leaf(path + ".date", key + ".date", dateNode, `${label} date`, true) : undefined;
    const element = h("div", { class: "field lab" },
      h("label", { for: valueInput.id }, label),
      valueInput,
      h("label", { for: unitId, class: "visually-hidden" }, `${label} unit`),
      unit,
      date?.element ?? null,
      h("span", { class: "hint", id: idOf(path) + "-hint" }, node.description ?? "", " ", h("code", { class: "path" }, path)));
    return {
      element,
      read() {
        const v = value.read();
        if (v === undefined) return undefined;
        const out: Record<string, Json> = { value: v };
        if (unit.value !== "") out.unit = unit.value;
        const d = date?.read();
        if (d !== undefined) out.date = d;
        return out;
      },
      write(v) {
        const o = (v ?? {}) as Record<string, Json>;
        value.write(o.value);
        unit.value = o.unit === undefined ? start : String(o.unit);
        // A spelling the list does not hold (another case, spaces): add it, as given, rather than lose it.
        if (o.unit !== undefined && unit.value !== String(o.unit)) {
          unit.appendChild(h("option", { value: String(o.unit) }, String(o.unit)));
          unit.value = String(o.unit);
        }
        date?.write(o.date);
      },
    };
  }

  // ---- objects, arrays ----
  function object(path: string, key: string, node: SchemaNode, legend: string | null): Part {
    const parts = new Map<string, Part>();
    const body = h("div", { class: "fields" });
    for (const [name, child] of Object.entries(node.properties ?? {})) {
      const p = path === "" ? name : `${path}.${name}`;
      const k = key === "" ? name : `${key}.${name}`;
      const part = any(p, k, child);
      parts.set(name, part);
      body.appendChild(part.element);
    }
    const element = legend === null ? body : h("fieldset", { class: "group" }, h("legend", null, legend), body);
    return {
      element,
      read() {
        const out: Record<string, Json> = {};
        for (const [name, part] of parts) {
          const v = part.read();
          if (!empty(v)) out[name] = v;
        }
        return empty(out) ? undefined : out;
      },
      write(v) {
        const o = (v ?? {}) as Record<string, Json>;
        for (const [name, part] of parts) part.write(o[name]);
      },
    };
  }

  function array(path: string, key: string, node: SchemaNode): Part {
    const item = node.items ?? {};
    const label = labelOfKey(key);
    const rows: Part[] = [];
    const list = h("div", { class: "rows" });
    const add = h("button", { type: "button", class: "add no-print" }, `Add ${label.toLowerCase()}`);
    const element = h("div", { class: "repeat" }, list, add);
    function render(values: Json[]): void {
      for (const key of [...controls.keys()]) if (key.startsWith(path + "[")) controls.delete(key);
      list.replaceChildren();
      rows.length = 0;
      values.forEach((value, i) => {
        const rowPath = `${path}[${i}]`;
        const part = isLab(item) ? lab(rowPath, key, item) : object(rowPath, key, item, null);
        const remove = h("button", { type: "button", class: "remove no-print", "aria-label": `Remove ${label.toLowerCase()} ${i + 1}` }, "Remove");
        remove.addEventListener("click", () => {
          const kept = rows.map((r) => r.read() ?? {}).filter((_, j) => j !== i);
          render(kept);
          add.focus();
        });
        list.appendChild(h("fieldset", { class: "row" }, h("legend", null, `${label} ${i + 1}`), part.element, remove));
        part.write(value);
        rows.push(part);
      });
    }
    add.addEventListener("click", () => {
      render([...rows.map((r) => r.read() ?? {}), {}]);
      (list.lastElementChild?.querySelector("input, select") as HTMLElement | null)?.focus();
    });
    return {
      element,
      read() {
        const values = rows.map((r) => r.read()).filter((v) => !empty(v));
        return values.length === 0 ? undefined : values;
      },
      write(v) {
        render(Array.isArray(v) ? v : []);
      },
    };
  }

  function series(path: string, key: string, node: SchemaNode): Part {
    // Earlier dated values, one repeatable list per lab, collapsed: most visits have none.
    const inner = object(path, key, node, null);
    const details = h("details", { class: "section" }, h("summary", null, "Earlier values (dated series)"), inner.element);
    return { element: details, read: inner.read, write: inner.write };
  }

  function any(path: string, key: string, node: SchemaNode): Part {
    if (key === "series") return series(path, key, node);
    if (isLab(node)) return lab(path, key, node);
    if (node.items !== undefined) {
      const part = array(path, key, node);
      if (path.split(".").length === 1) return part;
      const wrap = h("fieldset", { class: "group" }, h("legend", null, labelOfKey(key)), part.element);
      return { element: wrap, read: part.read, write: part.write };
    }
    if (node.properties !== undefined) return object(path, key, node, path.split(".").length === 1 && groups.some((g) => g.keys.includes(path)) ? null : labelOfKey(key));
    return leaf(path, key, node);
  }

  // ---- the groups ----
  const topParts = new Map<string, Part>();
  const properties = snapshotSchema.properties ?? {};
  const placed = new Set(groups.flatMap((g) => g.keys));
  const other = Object.keys(properties).filter((k) => !placed.has(k));
  const allGroups = other.length > 0 ? [...groups, { title: "Other", keys: other, collapsed: true }] : groups;
  for (const group of allGroups) {
    const keys = group.keys.filter((k) => properties[k] !== undefined);
    if (keys.length === 0) continue;
    const headingId = "g-" + group.title.toLowerCase().replace(/[^a-z]+/g, "-");
    const body = h("div", { class: "group-body" });
    for (const k of keys) {
      const part = any(k, k, properties[k]!);
      topParts.set(k, part);
      body.appendChild(part.element);
    }
    if (group.collapsed) {
      form.appendChild(h("details", { class: "section", "data-group": group.title }, h("summary", null, h("h3", { id: headingId }, group.title)), body));
    } else {
      form.appendChild(h("section", { class: "section", "aria-labelledby": headingId, "data-group": group.title }, h("h3", { id: headingId }, group.title), body));
    }
  }
  const top: Part = {
    element: form,
    read() {
      const out: Record<string, Json> = {};
      for (const [name, part] of topParts) {
        const v = part.read();
        if (!empty(v)) out[name] = v;
      }
      return out;
    },
    write(v) {
      const o = (v ?? {}) as Record<string, Json>;
      for (const [name, part] of topParts) part.write(o[name]);
    },
  };
  return api;
}

/** True when the form can show every key and value of the snapshot (so filling it loses nothing). */
function fits(node: SchemaNode | undefined, value: Json): boolean {
  if (node === undefined) return false;
  if (Array.isArray(value)) return node.items !== undefined && value.every((v) => fits(node.items, v));
  if (typeof value === "object" && value !== null) {
    if (node.properties === undefined) return false;
    return Object.entries(value).every(([k, v]) => fits(node.properties![k], v));
  }
  if (node.enum !== undefined) return node.enum.includes(value as string | number);
  const t = types(node);
  if (typeof value === "number") return t.includes("number") || t.includes("integer") || t.includes("string");
  if (typeof value === "boolean") return t.includes("boolean");
  if (typeof value === "string") return t.includes("string");
  return false;
}
