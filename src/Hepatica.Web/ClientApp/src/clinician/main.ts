// The clinician page (/): the form, the results, the trends. Filled in by issue 14 part 1.
import "../shared/base.css";
import { h, replace } from "../shared/dom";

replace(document.getElementById("app")!, h("p", null, "Loading…"));
