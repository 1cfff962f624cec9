// The trends page (/trends.html#patient=<id>): one patient's course from the record, for the clinic's worklists.
// The patient's record id in the fragment is an id, not patient data (no name, no value).
import "../shared/base.css";
import { h, replace } from "../shared/dom";
import { showTrends } from "./trends";

async function show(): Promise<void> {
  const host = document.getElementById("trends")!;
  const id = new URLSearchParams(location.hash.slice(1)).get("patient");
  if (!id) {
    replace(host, h("p", null, "No patient given: open this page as trends.html#patient=<record id>, e.g. from a worklist."));
    return;
  }
  replace(host, h("h2", null, `Patient ${id}`), h("div", { id: "trends-body" }));
  await showTrends(document.getElementById("trends-body")!, { kind: "record", patientId: id });
}

window.addEventListener("hashchange", () => void show());
void show();
