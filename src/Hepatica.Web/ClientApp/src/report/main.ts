// The patient report (/report.html): a separate document for the patient. Filled in by issue 14 part 3.
import "../shared/base.css";
import { h, replace } from "../shared/dom";

replace(document.getElementById("report")!, h("p", null, "Loading…"));
