// An icon array: 100 people in a 10 x 10 grid, the first `filled` of them filled in, as an SVG with a text
// alternative (role="img" and a <title>), so a screen reader says the same number the picture shows.
const Svg = "http://www.w3.org/2000/svg";

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>): SVGElementTagNameMap[K] {
  const element = document.createElementNS(Svg, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  return element;
}

/** 100 people, `filled` (0-100) of them filled in; `label` says it in words. */
export function iconArray(filled: number, label: string): SVGSVGElement {
  const size = 24;
  const root = svg("svg", { viewBox: `0 0 ${size * 10} ${size * 10}`, role: "img", class: "icon-array", "aria-labelledby": "icon-array-title" });
  const title = svg("title", { id: "icon-array-title" });
  title.textContent = label;
  root.append(title);
  for (let i = 0; i < 100; i++) {
    const x = (i % 10) * size;
    const y = Math.floor(i / 10) * size;
    const person = svg("g", { class: i < filled ? "person alive" : "person dead", transform: `translate(${x} ${y})` });
    person.append(svg("circle", { cx: 12, cy: 6, r: 4 }), svg("path", { d: "M5 22 v-6 a7 7 0 0 1 14 0 v6 z" }));
    root.append(person);
  }
  return root;
}
