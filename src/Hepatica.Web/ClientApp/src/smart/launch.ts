// SMART App Launch 2.x (docs/web.md, "Inside the EHR"): the EHR opens /launch.html?iss=<FHIR base>&launch=<token> (EHR
// launch), or a user opens /launch.html?iss=<FHIR base> (standalone launch, asking launch/patient). fhirclient runs the
// authorization code flow with PKCE (S256, required) and comes back to the clinician page (/), where src/smart/ehr.ts
// takes over. The client id and scopes are the host's settings (Hepatica:Pages:Smart).
import "../shared/base.css";
import FHIR from "fhirclient";
import { appConfig } from "../shared/api";
import { h, replace } from "../shared/dom";

const host = document.getElementById("launch")!;

async function launch(): Promise<void> {
  const query = new URLSearchParams(location.search);
  if (!query.has("iss") && !query.has("fhirServiceUrl")) {
    replace(host, h("h1", null, "Hepatica: SMART launch"), h("p", null, "Open this page from the EHR (it adds iss and launch), or add ?iss=<the FHIR server's base URL> for a standalone launch."));
    return;
  }
  const { smart } = await appConfig();
  await FHIR.oauth2.authorize({
    clientId: smart.clientId,
    scope: smart.scope,
    redirectUri: "/",
    pkceMode: "required",
  });
}

launch().catch((e: unknown) => replace(host, h("h1", null, "The EHR launch failed"), h("p", { role: "alert" }, e instanceof Error ? e.message : String(e))));
