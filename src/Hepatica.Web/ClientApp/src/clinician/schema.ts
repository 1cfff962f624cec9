// The snapshot contract as the form reads it: docs/schema/snapshot.schema.json, generated from the reader's own tables,
// bundled into the page. The form is drawn from it, so an input added to the reader appears here without page code;
// this file only adds words a clinician reads faster than the schema's descriptions.
import schemaJson from "../../../../../docs/schema/snapshot.schema.json";

/** The part of JSON Schema the snapshot schema uses. */
export interface SchemaNode {
  description?: string;
  type?: string | string[];
  enum?: (string | number)[];
  format?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  required?: string[];
}

export const snapshotSchema = schemaJson as unknown as SchemaNode;

/** Short labels for the keys whose schema description is long; every other key is labelled from its description. */
const shortLabels: Record<string, string> = {
  id: "Patient id",
  sex: "Sex",
  ageYears: "Age (years)",
  ageAtListingYears: "Age at listing (years)",
  assessmentDate: "Assessment date",
  bmi: "BMI (kg/m²)",
  "labs.bilirubin": "Bilirubin",
  "labs.creatinine": "Creatinine",
  "labs.inr": "INR",
  "labs.sodium": "Sodium",
  "labs.albumin": "Albumin",
  "labs.platelets": "Platelets",
  "labs.ast": "AST",
  "labs.alt": "ALT",
  "labs.alp": "ALP",
  "labs.astUpperLimit": "AST upper limit of normal",
  "labs.altUpperLimit": "ALT upper limit of normal",
  "labs.alpUpperLimit": "ALP upper limit of normal",
  "labs.bilirubinUpperLimit": "Bilirubin upper limit of normal",
  "labs.wbc": "White cells",
  "labs.urea": "Urea",
  "labs.bun": "BUN (urea nitrogen)",
  "labs.pt": "Prothrombin time",
  "labs.ptControl": "Control prothrombin time",
  "labs.arterialPh": "Arterial pH",
  "labs.lactate": "Lactate",
  "labs.phosphate": "Phosphate",
  "labs.lymphocytes": "Lymphocytes",
  "labs.neutrophils": "Neutrophils",
  "labs.ascitesProtein": "Ascitic fluid protein",
  "findings.ascites": "Ascites",
  "findings.encephalopathyGrade": "Encephalopathy (West Haven grade 0-4)",
  "findings.dialysisTwiceInPastWeek": "Dialysis twice in the past week",
  "findings.cholestaticLiverDisease": "Cholestatic liver disease (PBC or PSC)",
  "findings.fattyLiverDisease": "Fatty liver disease (NAFLD/MASLD)",
  "findings.cirrhosis": "Cirrhosis",
  "findings.varicealBleeding": "Variceal bleeding",
  "findings.meanArterialPressure": "Mean arterial pressure (mmHg)",
  "findings.vasopressors": "Vasopressors",
  "findings.pao2Fio2": "PaO2/FiO2",
  "findings.spo2Fio2": "SpO2/FiO2",
  "findings.mechanicalVentilation": "Mechanical ventilation",
  "findings.ventilationForEncephalopathy": "Ventilation for encephalopathy (airway protection)",
  "findings.renalReplacementTherapy": "Renal replacement therapy now",
  "findings.acuteLiverFailureCause": "Cause of acute liver failure",
  "findings.jaundiceToEncephalopathyDays": "Days from jaundice to encephalopathy",
  "findings.growthFailure": "Growth failure (PELD)",
  "findings.alcoholAssociatedHepatitis": "Alcohol-associated hepatitis",
  "findings.corticosteroidStartDate": "Corticosteroid start date (Lille day 0)",
  "findings.diabetesOrImpairedFastingGlucose": "Diabetes or impaired fasting glucose",
  "findings.chronicLiverDisease": "Chronic liver disease",
  "findings.acuteLiverFailure": "Acute liver failure",
  "findings.intensiveCare": "Intensive care now",
  "history.priorSbp": "Previous SBP",
  "history.giBleedingNow": "GI bleeding now",
  "history.transplantRecipient": "Liver transplant recipient",
  "history.alcoholRelatedLiverDisease": "Alcohol-related liver disease",
  "autoimmune.ana": "ANA titer",
  "autoimmune.sma": "SMA titer",
  "autoimmune.lkm": "LKM titer",
  "autoimmune.slaLp": "Anti-SLA/LP",
  "autoimmune.igg": "IgG",
  "autoimmune.iggUpperLimit": "IgG upper limit of normal",
  "autoimmune.histology": "Histology",
  "autoimmune.viralHepatitisExcluded": "Viral hepatitis excluded",
  "dili.noOtherExplanation": "No other explanation (Hy's law)",
  "dili.immuneCheckpointInhibitor": "Immune checkpoint inhibitor",
  "alcohol.auditC": "AUDIT-C",
  "alcohol.auditC.q1": "AUDIT-C 1: how often (points 0-4)",
  "alcohol.auditC.q2": "AUDIT-C 2: drinks on a typical day (points 0-4)",
  "alcohol.auditC.q3": "AUDIT-C 3: six or more on one occasion (points 0-4)",
  "serology.hbsag": "HBsAg",
  "serology.antiHbcTotal": "Anti-HBc (total)",
  "serology.antiHbcIgm": "Anti-HBc IgM",
  "serology.antiHbs": "Anti-HBs",
  "serology.hbeag": "HBeAg",
  "serology.antiHbe": "Anti-HBe",
  "serology.hbvDna": "HBV DNA",
  "serology.antiHcv": "Anti-HCV",
  "serology.hcvRna": "HCV RNA",
  "serology.antiHavTotal": "Anti-HAV (total)",
  "serology.antiHavIgm": "Anti-HAV IgM",
  "serology.antiHdv": "Anti-HDV",
  "serology.hdvRna": "HDV RNA",
  "serology.antiHevIgm": "Anti-HEV IgM",
  "serology.antiHevIgg": "Anti-HEV IgG",
  "serology.hevRna": "HEV RNA",
  "medications.class": "Drug class",
  "medications.code": "Code",
  "medications.code.system": "Code system",
  "medications.code.value": "Code",
  "medications.name": "Name",
  "medications.prednisoneEquivalentMgPerDay": "Prednisone equivalent (mg/day)",
  "medications.durationWeeks": "Duration (weeks)",
  "medications.start": "Start date",
  "vaccinations.vaccine": "Vaccine",
  "vaccinations.cvx": "CVX code",
  "vaccinations.date": "Date given",
  labs: "Labs",
  findings: "Findings",
  history: "History",
  serology: "Serology",
  medications: "Medication",
  vaccinations: "Vaccination",
  series: "Earlier values",
  autoimmune: "Autoimmune hepatitis",
  dili: "Drug-induced liver injury",
  "dili.rucam": "RUCAM",
  alcohol: "Alcohol",
};

/** The schema node at a dotted path without indexes ("labs.bilirubin", "medications.class"). */
export function nodeAt(key: string): SchemaNode | undefined {
  let node: SchemaNode | undefined = snapshotSchema;
  for (const part of key.split(".")) {
    if (node === undefined) return undefined;
    if (node.items !== undefined) node = node.items;
    node = node.properties?.[part];
  }
  return node;
}

function capitalise(text: string): string {
  return text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1);
}

/** The words for a key without indexes: the short label, else the schema's description up to its first clause. */
export function labelOfKey(key: string): string {
  const known = shortLabels[key];
  if (known !== undefined) return known;
  const description = nodeAt(key)?.description;
  const last = key.split(".").at(-1) ?? key;
  if (description === undefined) return last;
  const clause = description.split(/[:;(]/)[0]!.trim();
  return capitalise(clause.length > 0 ? clause : description);
}

const silentGroups = new Set(["labs", "findings", "history", "serology"]);
const trailing = new Set(["value", "unit", "date", "result"]);

/** A snapshot path in words: "labs.creatinine.unit" is "Creatinine unit", "medications[0].durationWeeks" "Medication 1: Duration (weeks)". */
export function pathInWords(path: string): string {
  const words: string[] = [];
  let key = "";
  for (const part of path.split(".")) {
    const match = /^([^[\]]+)((?:\[\d+\])*)$/.exec(part);
    const name = match?.[1] ?? part;
    const indexes = [...(match?.[2] ?? "").matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]) + 1);
    const first = key.length === 0;
    key = first ? name : `${key}.${name}`;
    if (indexes.length > 0) words.push(`${labelOfKey(key)} ${indexes.join(".")}`);
    else if (first && silentGroups.has(name) && path.includes(".")) continue;
    else if (!first && trailing.has(name) && words.length > 0) words[words.length - 1] += ` ${name}`;
    else words.push(labelOfKey(key));
  }
  return words.length > 0 ? words.join(": ") : path;
}
