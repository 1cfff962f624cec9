// The clinician page (/): the form, the results, the trends. Filled in by issue 14 part 1.
import "../shared/base.css";
import { h, replace } from "../shared/dom";

replace(document.getElementById("app")!, h("p", null, "Loading…"));

// Back from the EHR's authorization server (SMART App Launch): the EHR context takes over (src/smart/ehr.ts).
const query = new URLSearchParams(location.search);
if (query.has("state") && (query.has("code") || query.has("error"))) {
  void import("../smart/ehr").then((m) => m.resume(document.getElementById("ehr") ?? document.getElementById("app")!));
}
