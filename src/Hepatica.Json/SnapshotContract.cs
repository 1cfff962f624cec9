using System.Text;
using System.Text.Json;
using Hepatica.Clinical.Findings;
using Hepatica.Clinical.Immunity;
using Hepatica.Clinical.Labs;
using Hepatica.Clinical.Prevention;
using Hepatica.Clinical.Scoring;
using Hepatica.Clinical.Serology;

namespace Hepatica.Json;

// The snapshot contract as data (docs/snapshot.md): every object is a table of its keys in documented order, each
// with its shape (for docs/schema/snapshot.schema.json), a one-line documentation, and how its value is read. The
// engine that walks a table is ContractObject<T> (Contract.cs); the value readers (numbers, dates, ranges, lab
// objects) are in SnapshotReader.cs. A new key is one row here, its docs/snapshot.md line and its tests.
// Tables are declared before the tables that hold them (static initialisers run in text order).
public static partial class SnapshotReader
{
    private static readonly Choices<Sex> SexChoices = new(("female", Sex.Female), ("male", Sex.Male));

    private static readonly Choices<Ascites> AscitesChoices = new(("none", Ascites.None), ("mild", Ascites.Mild), ("moderate-severe", Ascites.ModerateSevere));

    private static readonly Choices<AcuteLiverFailureCause> AlfCauseChoices = new(
        ("acetaminophen", AcuteLiverFailureCause.Acetaminophen), ("hepatitis-a", AcuteLiverFailureCause.HepatitisA), ("hepatitis-b", AcuteLiverFailureCause.HepatitisB),
        ("indeterminate", AcuteLiverFailureCause.Indeterminate), ("halothane", AcuteLiverFailureCause.Halothane), ("drug-reaction", AcuteLiverFailureCause.DrugReaction),
        ("wilson", AcuteLiverFailureCause.Wilson), ("autoimmune-hepatitis", AcuteLiverFailureCause.AutoimmuneHepatitis), ("other", AcuteLiverFailureCause.Other));

    private static readonly Choices<AihHistology> HistologyChoices = new(("typical", AihHistology.Typical), ("compatible", AihHistology.Compatible), ("atypical", AihHistology.Atypical));

    // RUCAM's spellings are its points tables' own (Rucam.cs: one row per selection with its points, words and spelling).
    private static readonly Choices<RucamTimeToOnset> TimeToOnsetChoices = Choices.Of(Clinical.Scores.Rucam.TimeToOnset.Rows);

    private static readonly Choices<RucamCourse> CourseChoices = Choices.Of(Clinical.Scores.Rucam.Courses);

    private static readonly Choices<RucamConcomitant> ConcomitantChoices = Choices.Of(Clinical.Scores.Rucam.Concomitant.Rows);

    private static readonly Choices<RucamAlternativeCauses> AlternativeCauseChoices = Choices.Of(Clinical.Scores.Rucam.AlternativeCauses.Rows);

    private static readonly Choices<RucamPreviousHepatotoxicity> PreviousChoices = Choices.Of(Clinical.Scores.Rucam.PreviousHepatotoxicity.Rows);

    private static readonly Choices<RucamReexposure> ReexposureChoices = Choices.Of(Clinical.Scores.Rucam.Reexposure.Rows);

    private static readonly Choices<QualitativeResult> ResultChoices = new(
        ("positive", QualitativeResult.Positive), ("negative", QualitativeResult.Negative), ("indeterminate", QualitativeResult.Indeterminate));

    private static readonly Choices<MedicationCodeSystem> CodeSystemChoices = new(("rxnorm", MedicationCodeSystem.RxNorm), ("atc", MedicationCodeSystem.Atc));

    private static readonly string MedicationClassesAccepted = "one of " + MedicationClasses.AcceptedIds;
    private static readonly string VaccinesAccepted = "one of " + VaccineCodes.AcceptedIds;

    /// <summary>A lab object <c>{"value", "unit", "date"}</c>, wherever it is (its path is its parent's).</summary>
    internal static readonly ContractObject<LabEntry> LabValue = new(null, "A lab value with its unit and, optionally, the date it was measured.",
        new("value", Shape.Number, "the number as reported, in unit",
            (ref Utf8JsonReader r, ref LabEntry e, in Site at) =>
            {
                e.ValueGiven = true;
                if (ReadLabNumber(ref r, at.Parent, at.Issues) is { } v)
                {
                    e.Value = v;
                }
                else
                {
                    e.Unusable = true;
                }
            }),
        new("unit", Shape.String, "the unit as reported (UCUM or a common spelling)",
            (ref Utf8JsonReader r, ref LabEntry e, in Site at) =>
            {
                if (r.TokenType == JsonTokenType.String)
                {
                    e.Unit = JsonInput.Echo(UnitText.Get(ref r)); // a unit longer than the echo bound is unknown anyway
                }
                else if (r.TokenType != JsonTokenType.Null)
                {
                    Issues.WrongType(ref r, at.Path, "a string (a UCUM unit such as \"mg/dL\")", at.Issues);
                    e.Unusable = true;
                }
            }),
        new("date", Shape.Date, "the date the value was measured (YYYY-MM-DD)",
            (ref Utf8JsonReader r, ref LabEntry e, in Site at) =>
            {
                e.DateGiven = true;
                e.Date = ReadDate(ref r, at.Path, at.Issues);
            }));

    internal static readonly ContractObject<SnapshotParts> Labs = new("labs", "Laboratory values, each a lab object; the canonical unit of each is the one its scores are published in.",
        Lab("bilirubin", BilirubinAnalyte.Units, "total bilirubin", (b, v, u, p, i) => b.Bilirubin = Bilirubin.TryRead(v, u, p, i, out var x) ? x : null,
            (s, d, p) => s.Series.Bilirubin.AddIf(s.Labs.Bilirubin, d, p)),
        Lab("creatinine", CreatinineAnalyte.Units, "serum creatinine", (b, v, u, p, i) => b.Creatinine = Creatinine.TryRead(v, u, p, i, out var x) ? x : null,
            (s, d, p) => s.Series.Creatinine.AddIf(s.Labs.Creatinine, d, p)),
        Lab("inr", InrAnalyte.Units, "INR", (b, v, u, p, i) => b.Inr = Inr.TryRead(v, u, p, i, out var x) ? x : null),
        Lab("sodium", SodiumAnalyte.Units, "serum sodium", (b, v, u, p, i) => b.Sodium = Sodium.TryRead(v, u, p, i, out var x) ? x : null),
        Lab("albumin", AlbuminAnalyte.Units, "serum albumin", (b, v, u, p, i) => b.Albumin = Albumin.TryRead(v, u, p, i, out var x) ? x : null,
            (s, d, p) => s.Series.Albumin.AddIf(s.Labs.Albumin, d, p)),
        Lab("platelets", PlateletsAnalyte.Units, "platelet count", (b, v, u, p, i) => b.Platelets = Platelets.TryRead(v, u, p, i, out var x) ? x : null),
        Lab("ast", AstAnalyte.Units, "AST activity", (b, v, u, p, i) => b.Ast = Ast.TryRead(v, u, p, i, out var x) ? x : null),
        Lab("alt", AltAnalyte.Units, "ALT activity", (b, v, u, p, i) => b.Alt = Alt.TryRead(v, u, p, i, out var x) ? x : null),
        Lab("alp", AlpAnalyte.Units, "ALP activity", (b, v, u, p, i) => b.Alp = Alp.TryRead(v, u, p, i, out var x) ? x : null),
        Lab("astUpperLimit", AstAnalyte.Units, "the reporting laboratory's upper limit of normal for AST", (b, v, u, p, i) => b.AstUpperLimit = Ast.TryRead(v, u, p, i, out var x) ? x : null),
        Lab("altUpperLimit", AltAnalyte.Units, "the reporting laboratory's upper limit of normal for ALT", (b, v, u, p, i) => b.AltUpperLimit = Alt.TryRead(v, u, p, i, out var x) ? x : null),
        Lab("alpUpperLimit", AlpAnalyte.Units, "the reporting laboratory's upper limit of normal for ALP", (b, v, u, p, i) => b.AlpUpperLimit = Alp.TryRead(v, u, p, i, out var x) ? x : null),
        Lab("wbc", WhiteCellsAnalyte.Units, "white blood cell count", (b, v, u, p, i) => b.Wbc = WhiteCells.TryRead(v, u, p, i, out var x) ? x : null),
        Lab("urea", UreaAnalyte.Units, "serum urea", (b, v, u, p, i) => b.Urea = Urea.TryRead(v, u, p, i, out var x) ? x : null),
        Lab("bun", UreaAnalyte.BunUnits, "blood urea nitrogen, read into urea (labs.urea wins when both are given)", (b, v, u, p, i) => b.Bun = Urea.TryReadBun(v, u, p, i, out var x) ? x : null),
        Lab("pt", ProthrombinTimeAnalyte.Units, "prothrombin time", (b, v, u, p, i) => b.Pt = ProthrombinTime.TryRead(v, u, p, i, out var x) ? x : null,
            (s, d, p) => s.Series.Pt.AddIf(s.Labs.Pt, d, p)),
        Lab("ptControl", ProthrombinTimeAnalyte.Units, "the laboratory's control prothrombin time", (b, v, u, p, i) => b.PtControl = ProthrombinTime.TryRead(v, u, p, i, out var x) ? x : null),
        Lab("arterialPh", ArterialPhAnalyte.Units, "arterial pH", (b, v, u, p, i) => b.ArterialPh = ArterialPh.TryRead(v, u, p, i, out var x) ? x : null),
        Lab("lactate", LactateAnalyte.Units, "blood lactate", (b, v, u, p, i) => b.Lactate = Lactate.TryRead(v, u, p, i, out var x) ? x : null),
        Lab("phosphate", PhosphateAnalyte.Units, "serum phosphate", (b, v, u, p, i) => b.Phosphate = Phosphate.TryRead(v, u, p, i, out var x) ? x : null),
        Lab("lymphocytes", LymphocytesAnalyte.Units, "absolute lymphocyte count", (b, v, u, p, i) => b.Lymphocytes = Lymphocytes.TryRead(v, u, p, i, out var x) ? x : null),
        Lab("neutrophils", NeutrophilsAnalyte.Units, "absolute neutrophil count", (b, v, u, p, i) => b.Neutrophils = Neutrophils.TryRead(v, u, p, i, out var x) ? x : null),
        Lab("ascitesProtein", AscitesProteinAnalyte.Units, "ascitic fluid total protein", (b, v, u, p, i) => b.AscitesProtein = AscitesProtein.TryRead(v, u, p, i, out var x) ? x : null),
        Lab("bilirubinUpperLimit", BilirubinAnalyte.Units, "the reporting laboratory's upper limit of normal for total bilirubin", (b, v, u, p, i) => b.BilirubinUpperLimit = Bilirubin.TryRead(v, u, p, i, out var x) ? x : null));

    internal static readonly ContractObject<SnapshotParts> Series = new("series", "Earlier dated values of the labs Hepatica keeps a series for, each an array of lab objects with their dates.",
        SeriesOf("bilirubin", BilirubinAnalyte.Units, (s, d, v, u, p, i) => { if (Bilirubin.TryRead(v, u, p, i, out var x)) { s.Bilirubin.Add((new(d, x.Value), p)); } }),
        SeriesOf("albumin", AlbuminAnalyte.Units, (s, d, v, u, p, i) => { if (Albumin.TryRead(v, u, p, i, out var x)) { s.Albumin.Add((new(d, x.Value), p)); } }),
        SeriesOf("creatinine", CreatinineAnalyte.Units, (s, d, v, u, p, i) => { if (Creatinine.TryRead(v, u, p, i, out var x)) { s.Creatinine.Add((new(d, x.Value), p)); } }),
        SeriesOf("pt", ProthrombinTimeAnalyte.Units, (s, d, v, u, p, i) => { if (ProthrombinTime.TryRead(v, u, p, i, out var x)) { s.Pt.Add((new(d, x.Value), p)); } }));

    internal static readonly ContractObject<ClinicalFindings> Findings = new("findings", "Bedside findings and history.",
        new("ascites", Shape.OneOf(AscitesChoices), "clinical ascites as graded for Child-Pugh: mild = slight, controlled with diuretics; moderate-severe = tense or refractory",
            (ref Utf8JsonReader r, ref ClinicalFindings f, in Site at) => f = f with { Ascites = AscitesChoices.Read(ref r, at.Path, at.Issues) }),
        new("encephalopathyGrade", Shape.Integer, "hepatic encephalopathy, West Haven grade 0-4",
            (ref Utf8JsonReader r, ref ClinicalFindings f, in Site at) => f = f with { Encephalopathy = ReadGrade(ref r, at.Path, at.Issues) }),
        Row<ClinicalFindings>.Flag("dialysisTwiceInPastWeek", "at least two dialysis treatments, or 24 hours of CVVHD, in the week before the creatinine (OPTN policy 9.1.D)", (f, v) => f with { DialysisTwiceInPastWeek = v }),
        Row<ClinicalFindings>.Flag("cholestaticLiverDisease", "PBC or PSC: selects Child-Pugh's cholestatic bilirubin bands", (f, v) => f with { CholestaticLiverDisease = v }),
        Row<ClinicalFindings>.Flag("fattyLiverDisease", "NAFLD/MASLD: selects the FIB-4 cut-offs validated in it", (f, v) => f with { FattyLiverDisease = v }),
        Row<ClinicalFindings>.Flag("cirrhosis", "cirrhosis established (clinically, by imaging or histology)", (f, v) => f with { Cirrhosis = v }),
        Row<ClinicalFindings>.Flag("varicealBleeding", "variceal (portal hypertensive) bleeding, a decompensating event", (f, v) => f with { VaricealBleeding = v }),
        new("meanArterialPressure", Shape.Number, "mean arterial pressure, mmHg, more than 0 to 300",
            (ref Utf8JsonReader r, ref ClinicalFindings f, in Site at) => f = f with { MeanArterialPressure = ReadInRange(ref r, at.Path, ClinicalFindings.MeanArterialPressureAbove, ClinicalFindings.MeanArterialPressureAtMost, "mmHg", at.Issues) }),
        Row<ClinicalFindings>.Flag("vasopressors", "vasopressors (or terlipressin) given to support the circulation", (f, v) => f with { Vasopressors = v }),
        new("pao2Fio2", Shape.Number, "PaO2 (mmHg) / FiO2, more than 0 to 800",
            (ref Utf8JsonReader r, ref ClinicalFindings f, in Site at) => f = f with { PaO2FiO2 = ReadInRange(ref r, at.Path, 0m, 800m, "mmHg", at.Issues) }),
        new("spo2Fio2", Shape.Number, "SpO2 (%) / FiO2, more than 0 to 500",
            (ref Utf8JsonReader r, ref ClinicalFindings f, in Site at) => f = f with { SpO2FiO2 = ReadInRange(ref r, at.Path, 0m, 500m, "(% / fraction)", at.Issues) }),
        Row<ClinicalFindings>.Flag("mechanicalVentilation", "mechanical ventilation", (f, v) => f with { MechanicalVentilation = v }),
        Row<ClinicalFindings>.Flag("ventilationForEncephalopathy", "ventilation to protect the airway in hepatic encephalopathy, not for respiratory failure", (f, v) => f with { VentilationForEncephalopathy = v }),
        Row<ClinicalFindings>.Flag("renalReplacementTherapy", "renal replacement therapy now", (f, v) => f with { RenalReplacementTherapy = v }),
        new("acuteLiverFailureCause", Shape.OneOf(AlfCauseChoices), "cause of acute liver failure, in the King's College groups",
            (ref Utf8JsonReader r, ref ClinicalFindings f, in Site at) => f = f with { AcuteLiverFailureCause = AlfCauseChoices.Read(ref r, at.Path, at.Issues) }),
        new("jaundiceToEncephalopathyDays", Shape.Number, "days from jaundice to encephalopathy, 0 to 3650",
            (ref Utf8JsonReader r, ref ClinicalFindings f, in Site at) => f = f with { JaundiceToEncephalopathyDays = ReadInRange(ref r, at.Path, 0m, 3650m, "days", at.Issues, lowerInclusive: true) }),
        Row<ClinicalFindings>.Flag("growthFailure", "height or weight below -2 SD for age (PELD)", (f, v) => f with { GrowthFailure = v }),
        Row<ClinicalFindings>.Flag("alcoholAssociatedHepatitis", "alcohol-associated hepatitis (clinical diagnosis or biopsy): the population of Maddrey, Lille, GAHS and ABIC", (f, v) => f with { AlcoholAssociatedHepatitis = v }),
        new("corticosteroidStartDate", Shape.Date, "day 0 of corticosteroids for alcohol-associated hepatitis (Lille model)",
            (ref Utf8JsonReader r, ref ClinicalFindings f, in Site at) => f = f with { CorticosteroidStartDate = ReadDate(ref r, at.Path, at.Issues) }),
        Row<ClinicalFindings>.Flag("diabetesOrImpairedFastingGlucose", "impaired fasting glucose or diabetes (NAFLD fibrosis score)", (f, v) => f with { DiabetesOrImpairedFastingGlucose = v }),
        Row<ClinicalFindings>.Flag("chronicLiverDisease", "chronic liver disease of any cause, with or without cirrhosis", (f, v) => f with { ChronicLiverDisease = v }),
        Row<ClinicalFindings>.Flag("acuteLiverFailure", "acute liver failure (INR >= 1.5 with encephalopathy, no prior cirrhosis, illness under 26 weeks)", (f, v) => f with { AcuteLiverFailure = v }),
        Row<ClinicalFindings>.Flag("intensiveCare", "cared for in intensive care now; mechanical ventilation or vasopressors imply it", (f, v) => f with { IntensiveCare = v }));

    internal static readonly ContractObject<SerologyTest> QualitativeTest = new(null, "A qualitative serology test: its result and, optionally, its date.", TestFields(quantitative: false));

    internal static readonly ContractObject<SerologyTest> QuantitativeTest = new(null, "A quantitative serology test: a result and/or a value with its unit, and optionally its date.", TestFields(quantitative: true));

    internal static readonly ContractObject<SerologyPanel> Serology = new("serology", "Viral hepatitis tests (keys are case-sensitive); interpretations in docs/serology.md.",
        Test("hbsag", "hepatitis B surface antigen", (p, t) => p with { HbsAg = t }),
        Test("antiHbcTotal", "total antibody to hepatitis B core antigen", (p, t) => p with { AntiHbcTotal = t }),
        Test("antiHbcIgm", "IgM anti-HBc", (p, t) => p with { AntiHbcIgm = t }),
        Test("antiHbs", "antibody to HBsAg; units " + SerologyUnits.AntiHbsAccepted, (p, t) => p with { AntiHbs = t }, "anti-HBs"),
        Test("hbeag", "HBe antigen", (p, t) => p with { HbeAg = t }),
        Test("antiHbe", "antibody to HBeAg", (p, t) => p with { AntiHbe = t }),
        Test("hbvDna", "HBV DNA; units " + SerologyUnits.ViralLoadAccepted, (p, t) => p with { HbvDna = t }, "HBV DNA"),
        Test("antiHcv", "antibody to hepatitis C virus", (p, t) => p with { AntiHcv = t }),
        Test("hcvRna", "HCV RNA; units " + SerologyUnits.ViralLoadAccepted, (p, t) => p with { HcvRna = t }, "HCV RNA"),
        Test("antiHavTotal", "total (or IgG) antibody to hepatitis A virus", (p, t) => p with { AntiHavTotal = t }),
        Test("antiHavIgm", "IgM anti-HAV", (p, t) => p with { AntiHavIgm = t }),
        Test("antiHdv", "antibody to hepatitis D virus", (p, t) => p with { AntiHdv = t }),
        Test("hdvRna", "HDV RNA; units " + SerologyUnits.ViralLoadAccepted, (p, t) => p with { HdvRna = t }, "HDV RNA"),
        Test("antiHevIgm", "IgM antibody to hepatitis E virus", (p, t) => p with { AntiHevIgm = t }),
        Test("antiHevIgg", "IgG antibody to hepatitis E virus", (p, t) => p with { AntiHevIgg = t }),
        Test("hevRna", "HEV RNA; units " + SerologyUnits.ViralLoadAccepted, (p, t) => p with { HevRna = t }, "HEV RNA"));

    internal static readonly ContractObject<MedicationCodeEntry> MedicationCodeObject = new(null, "A medication code: RxNorm ingredient RXCUI or ATC code.",
        new("system", Shape.OneOf(CodeSystemChoices), "the code system",
            (ref Utf8JsonReader r, ref MedicationCodeEntry c, in Site at) => c.Unusable |= (c.System = CodeSystemChoices.Read(ref r, at.Path, at.Issues)) is null),
        new("value", new Shape("string number"), "the code (a number is accepted and kept as text)",
            (ref Utf8JsonReader r, ref MedicationCodeEntry c, in Site at) => c.Unusable |= string.IsNullOrWhiteSpace(c.Value = ReadText(ref r, at.Path, "a string", at.Issues))));

    internal static readonly ContractObject<MedicationEntry> MedicationItem = new(null, "A medication taken or about to start (docs/medications.md).",
        new("class", new Shape("string", MedicationClasses.AcceptedIds.Split(", ")), "the drug class the HBV reactivation guidance distinguishes",
            (ref Utf8JsonReader r, ref MedicationEntry m, in Site at) =>
            {
                m.ClassGiven = true;
                m.Class = r.TokenType == JsonTokenType.String ? MedicationClasses.Parse(r.GetString()) : null;
                if (m.Class is null)
                {
                    Issues.Invalid<MedicationClass>(ref r, at.Path, MedicationClassesAccepted, at.Issues);
                }
            }),
        new("code", Shape.Of(MedicationCodeObject), "RxNorm or ATC code, mapped to a class by the table in docs/medications.md",
            (ref Utf8JsonReader r, ref MedicationEntry m, in Site at) => m.Code = ReadCode(ref r, at.Path, at.Issues)),
        new("name", Shape.String, "display only (when absent, the ingredient of a known code is used)",
            (ref Utf8JsonReader r, ref MedicationEntry m, in Site at) => m.Name = r.TokenType == JsonTokenType.String ? r.GetString() : WrongType<string>(ref r, at.Path, "a string", at.Issues)),
        new("prednisoneEquivalentMgPerDay", Shape.Number, "daily dose as prednisone equivalent (corticosteroids), more than 0 to 5000",
            (ref Utf8JsonReader r, ref MedicationEntry m, in Site at) => m.Dose = ReadInRange(ref r, at.Path, 0m, 5000m, "mg/day", at.Issues)),
        new("durationWeeks", Shape.Number, "planned or actual duration, more than 0 to 5200",
            (ref Utf8JsonReader r, ref MedicationEntry m, in Site at) => m.Weeks = ReadInRange(ref r, at.Path, 0m, 5200m, "weeks", at.Issues)),
        new("start", Shape.Date, "start date",
            (ref Utf8JsonReader r, ref MedicationEntry m, in Site at) => m.Start = ReadDate(ref r, at.Path, at.Issues)));

    internal static readonly ContractObject<VaccinationEntry> VaccinationItem = new(null, "A vaccine dose given (docs/prevention.md).",
        new("vaccine", new Shape("string", VaccineCodes.AcceptedIds.Split(", ")), "the vaccine",
            (ref Utf8JsonReader r, ref VaccinationEntry v, in Site at) =>
            {
                v.VaccineGiven = true;
                v.Vaccine = r.TokenType == JsonTokenType.String ? VaccineCodes.Parse(r.GetString()) : null;
                if (v.Vaccine is null)
                {
                    Issues.Invalid<Vaccine>(ref r, at.Path, VaccinesAccepted, at.Issues);
                }
            }),
        new("cvx", new Shape("string number"), "CDC CVX code, mapped by the table in docs/prevention.md (a number is accepted)",
            (ref Utf8JsonReader r, ref VaccinationEntry v, in Site at) => v.Cvx = ReadText(ref r, at.Path, "a string such as \"43\"", at.Issues)),
        new("date", Shape.Date, "the date the dose was given (required)",
            (ref Utf8JsonReader r, ref VaccinationEntry v, in Site at) =>
            {
                v.DateGiven = true;
                v.Date = ReadDate(ref r, at.Path, at.Issues);
            }));

    internal static readonly ContractObject<MedicalHistory> History = new("history", "History items for infection prophylaxis and vaccination.",
        Row<MedicalHistory>.Flag("priorSbp", "a previous episode of spontaneous bacterial peritonitis (secondary prophylaxis)", (h, v) => h with { PriorSbp = v }),
        Row<MedicalHistory>.Flag("giBleedingNow", "gastrointestinal bleeding now (ceftriaxone prophylaxis in cirrhosis)", (h, v) => h with { GiBleedingNow = v }),
        Row<MedicalHistory>.Flag("transplantRecipient", "liver (solid organ) transplant recipient: immunocompromised for vaccines", (h, v) => h with { TransplantRecipient = v }),
        Row<MedicalHistory>.Flag("alcoholRelatedLiverDisease", "the liver disease is alcohol-related (the alcohol point of the prevention plan)", (h, v) => h with { AlcoholRelatedLiverDisease = v }));

    internal static readonly ContractObject<AutoimmuneFindings> Autoimmune = new("autoimmune", "The autoimmune hepatitis work-up read by the IAIHG simplified criteria.",
        Titer("ana", "antinuclear antibody titer by indirect immunofluorescence", (a, t) => a with { AnaTiter = t }),
        Titer("sma", "smooth muscle antibody titer", (a, t) => a with { SmaTiter = t }),
        Titer("lkm", "liver-kidney microsomal antibody titer", (a, t) => a with { LkmTiter = t }),
        Row<AutoimmuneFindings>.Flag("slaLp", "antibody to soluble liver antigen / liver-pancreas positive", (a, v) => a with { SlaLpPositive = v }),
        new("igg", LabShape(ImmunoglobulinGAnalyte.Units), "serum IgG",
            (ref Utf8JsonReader r, ref AutoimmuneFindings a, in Site at) => a = a with { IgG = ReadIgG(ref r, at.Path, at.Issues) }),
        new("iggUpperLimit", LabShape(ImmunoglobulinGAnalyte.Units), "the laboratory's upper limit of normal for IgG",
            (ref Utf8JsonReader r, ref AutoimmuneFindings a, in Site at) => a = a with { IgGUpperLimit = ReadIgG(ref r, at.Path, at.Issues) }),
        new("histology", Shape.OneOf(HistologyChoices), "liver histology graded for AIH",
            (ref Utf8JsonReader r, ref AutoimmuneFindings a, in Site at) => a = a with { Histology = HistologyChoices.Read(ref r, at.Path, at.Issues) }),
        Row<AutoimmuneFindings>.Flag("viralHepatitisExcluded", "viral hepatitis excluded", (a, v) => a with { ViralHepatitisExcluded = v }));

    internal static readonly ContractObject<DrugInjuryFindings> Rucam = new("dili.rucam", "The clinician's RUCAM selections for one suspected drug (updated RUCAM, Danan 2016).",
        Row<DrugInjuryFindings>.Choice("timeToOnset", TimeToOnsetChoices, "time to onset from the start (or cessation) of the drug", (d, v) => d with { RucamTimeToOnset = v }),
        Row<DrugInjuryFindings>.Choice("courseAfterCessation", CourseChoices, "course of ALT (hepatocellular) or ALP (cholestatic/mixed) after cessation", (d, v) => d with { RucamCourse = v }),
        Row<DrugInjuryFindings>.Flag("alcohol", "current drinking above 2 drinks a day (women) or 3 (men)", (d, v) => d with { RucamAlcohol = v }),
        Row<DrugInjuryFindings>.Flag("pregnancy", "pregnancy (cholestatic/mixed form only)", (d, v) => d with { RucamPregnancy = v }),
        Row<DrugInjuryFindings>.Choice("concomitantDrugs", ConcomitantChoices, "concomitant drugs or herbs", (d, v) => d with { RucamConcomitant = v }),
        Row<DrugInjuryFindings>.Choice("alternativeCauses", AlternativeCauseChoices, "alternative causes ruled out", (d, v) => d with { RucamAlternativeCauses = v }),
        Row<DrugInjuryFindings>.Choice("previousHepatotoxicity", PreviousChoices, "previous information on the drug's hepatotoxicity", (d, v) => d with { RucamPreviousHepatotoxicity = v }),
        Row<DrugInjuryFindings>.Choice("reexposure", ReexposureChoices, "response to unintentional re-exposure", (d, v) => d with { RucamReexposure = v }));

    internal static readonly ContractObject<DrugInjuryFindings> Dili = new("dili", "Suspected drug-induced or immune-mediated liver injury.",
        Row<DrugInjuryFindings>.Flag("noOtherExplanation", "no other reason found for the combined aminotransferase and bilirubin rise (Hy's law)", (d, v) => d with { NoOtherExplanation = v }),
        Row<DrugInjuryFindings>.Flag("immuneCheckpointInhibitor", "treated with an immune checkpoint inhibitor (ici-hepatitis-grade applies only then)", (d, v) => d with { ImmuneCheckpointInhibitor = v }),
        new("rucam", Shape.Of(Rucam), "the clinician's RUCAM selections for one suspected drug",
            (ref Utf8JsonReader r, ref DrugInjuryFindings d, in Site at) => Rucam.Read(ref r, ref d, at.Path, at.Issues)));

    internal static readonly ContractObject<AlcoholFindings> AuditC = new("alcohol.auditC", "The AUDIT-C answers as points (Bush 1998), each an integer 0-4.",
        Answer("q1", "how often a drink containing alcohol", (a, p) => a with { AuditCQ1 = p }),
        Answer("q2", "drinks on a typical day", (a, p) => a with { AuditCQ2 = p }),
        Answer("q3", "six or more drinks on one occasion", (a, p) => a with { AuditCQ3 = p }));

    internal static readonly ContractObject<AlcoholFindings> Alcohol = new("alcohol", "Alcohol use.",
        new Field<AlcoholFindings>("auditC", Shape.Of(AuditC), "the AUDIT-C answers as points",
            (ref Utf8JsonReader r, ref AlcoholFindings a, in Site at) => AuditC.Read(ref r, ref a, at.Path, at.Issues)));

    /// <summary>The snapshot itself (the root of the contract).</summary>
    internal static readonly ContractObject<SnapshotParts> Top = new(string.Empty, "A patient snapshot: what is known about one patient at one time (docs/snapshot.md).",
        new("id", new Shape("string number"), "the caller's identifier, echoed in the result (a number is accepted and kept as text)",
            (ref Utf8JsonReader r, ref SnapshotParts s, in Site at) => s.Id = ReadText(ref r, at.Path, "a string", at.Issues)),
        new("sex", Shape.OneOf(SexChoices), "used by MELD 3.0",
            (ref Utf8JsonReader r, ref SnapshotParts s, in Site at) => s.Sex = SexChoices.Read(ref r, at.Path, at.Issues)),
        new("ageYears", Shape.Number, "age in years, 0-130, may be fractional",
            (ref Utf8JsonReader r, ref SnapshotParts s, in Site at) => s.Age = ReadAge(ref r, at.Path, at.Issues)),
        new("ageAtListingYears", Shape.Number, "age when listed for transplant (PELD's infant term), 0-130, not after ageYears",
            (ref Utf8JsonReader r, ref SnapshotParts s, in Site at) => s.AgeAtListing = ReadAge(ref r, at.Path, at.Issues)),
        new("labs", Shape.Of(Labs), "laboratory values",
            (ref Utf8JsonReader r, ref SnapshotParts s, in Site at) => s.Panel = Labs.Read(ref r, ref s, at.Path, at.Issues) ? s.Labs.Build(at.Issues) : LabPanel.Empty),
        Part("findings", Findings, "bedside findings and history", (s, f) => s.Findings = f, ClinicalFindings.Empty),
        new("series", Shape.Of(Series), "earlier dated lab values",
            (ref Utf8JsonReader r, ref SnapshotParts s, in Site at) => Series.Read(ref r, ref s, at.Path, at.Issues)),
        Part("serology", Serology, "viral hepatitis tests; interpretations in docs/serology.md", (s, p) => s.Serology = p, SerologyPanel.Empty),
        new("assessmentDate", Shape.Date, "the date the assessment is for: \"now\" for vaccine schedules (Hepatica has no clock)",
            (ref Utf8JsonReader r, ref SnapshotParts s, in Site at) => s.AssessmentDate = ReadDate(ref r, at.Path, at.Issues)),
        new("medications", Shape.ArrayOf(MedicationItem), "medications taken or about to start (docs/medications.md)",
            (ref Utf8JsonReader r, ref SnapshotParts s, in Site at) => ReadArray(ref r, at.Path, "medication", s.Medications, ReadMedication, at.Issues)),
        new("vaccinations", Shape.ArrayOf(VaccinationItem), "vaccine doses given (docs/prevention.md)",
            (ref Utf8JsonReader r, ref SnapshotParts s, in Site at) => ReadArray(ref r, at.Path, "vaccination", s.Vaccinations, ReadVaccination, at.Issues)),
        Part("history", History, "history items for infection prophylaxis and vaccination", (s, h) => s.History = h, MedicalHistory.Empty),
        new("bmi", Shape.Number, "body mass index, kg/m², more than 5 to 150 (NAFLD fibrosis score)",
            (ref Utf8JsonReader r, ref SnapshotParts s, in Site at) => s.Bmi = ReadInRange(ref r, at.Path, 5m, 150m, "kg/m²", at.Issues)),
        Part("autoimmune", Autoimmune, "autoimmune hepatitis work-up", (s, a) => s.Autoimmune = a, AutoimmuneFindings.Empty),
        Part("dili", Dili, "suspected drug-induced or immune-mediated liver injury", (s, d) => s.Dili = d, DrugInjuryFindings.Empty),
        Part("alcohol", Alcohol, "alcohol use (AUDIT-C)", (s, a) => s.Alcohol = a, AlcoholFindings.Empty));

    private delegate void LabSetter(LabPanelBuilder labs, decimal value, string? unit, string path, List<InputIssue> issues);

    private delegate void SeriesAdd(SeriesBuilder series, DateOnly date, decimal value, string? unit, string path, List<InputIssue> issues);

    /// <summary>The shape of a lab object whose units are those of <paramref name="units"/>.</summary>
    private static Shape LabShape<TUnit>(UnitTable<TUnit> units)
        where TUnit : struct, Enum =>
        new("object", Object: LabValue, Units: ([.. units.Specs.SelectMany(s => s.Spellings.Prepend(s.Ucum))], units.Unitless));

    /// <summary>A <c>labs</c> key: a lab object read into its analyte; a dated value of a lab that keeps a series also goes to its series.</summary>
    private static Field<SnapshotParts> Lab<TUnit>(string name, UnitTable<TUnit> units, string doc, LabSetter set, Action<SnapshotParts, DateOnly, string>? toSeries = null)
        where TUnit : struct, Enum =>
        new(name, LabShape(units), doc, (ref Utf8JsonReader r, ref SnapshotParts s, in Site at) =>
        {
            var path = at.Path;
            if (ReadLabValue(ref r, path, at.Issues, out var e))
            {
                set(s.Labs, e.Value, e.Unit, path, at.Issues);
                if (e.Date is { } d)
                {
                    toSeries?.Invoke(s, d, path);
                }
            }
        });

    /// <summary>A <c>series</c> key: an array of dated lab objects, validated as <c>labs</c> values are; the date is required.</summary>
    private static Field<SnapshotParts> SeriesOf<TUnit>(string name, UnitTable<TUnit> units, SeriesAdd add)
        where TUnit : struct, Enum =>
        new(name, LabShape(units) with { Type = "array", Array = true }, $"earlier dated {name} values", (ref Utf8JsonReader r, ref SnapshotParts s, in Site at) =>
        {
            if (r.TokenType != JsonTokenType.StartArray)
            {
                Issues.WrongType(ref r, at.Path, "an array of dated values", at.Issues);
                return;
            }

            var index = 0;
            while (r.Read() && r.TokenType != JsonTokenType.EndArray)
            {
                var item = $"{at.Path}[{index++}]";
                if (!ReadLabValue(ref r, item, at.Issues, out var e))
                {
                    continue;
                }

                if (e.Date is { } d)
                {
                    add(s.Series, d, e.Value, e.Unit, item, at.Issues);
                }
                else if (!e.DateGiven)
                {
                    at.Issues.Add(InputIssue.Error(IssueCodes.InvalidDate, item + ".date", $"{item} has no \"date\": a series value needs the date it was measured (YYYY-MM-DD)."));
                }
            }
        });

    /// <summary>A top-level key whose value is an object of its own table, read from its empty value.</summary>
    private static Field<SnapshotParts> Part<T>(string name, ContractObject<T> table, string doc, Action<SnapshotParts, T> set, T empty) =>
        new(name, Shape.Of(table), doc, (ref Utf8JsonReader r, ref SnapshotParts s, in Site at) =>
        {
            var value = empty;
            table.Read(ref r, ref value, at.Path, at.Issues);
            set(s, value);
        });

    /// <summary>Rows whose reader only sets one value of <typeparamref name="T"/>.</summary>
    private static class Row<T>
    {
        /// <summary>A boolean key.</summary>
        public static Field<T> Flag(string name, string doc, Func<T, bool?, T> set) =>
            new(name, Shape.Boolean, doc, (ref Utf8JsonReader r, ref T target, in Site at) => target = set(target, ReadBool(ref r, at.Path, at.Issues)));

        /// <summary>A key with a fixed set of strings.</summary>
        public static Field<T> Choice<TValue>(string name, Choices<TValue> choices, string doc, Func<T, TValue?, T> set)
            where TValue : struct =>
            new(name, Shape.OneOf(choices), doc, (ref Utf8JsonReader r, ref T target, in Site at) => target = set(target, choices.Read(ref r, at.Path, at.Issues)));
    }

    /// <summary>An autoantibody titer: "1:80", 80 or "negative".</summary>
    private static Field<AutoimmuneFindings> Titer(string name, string doc, Func<AutoimmuneFindings, int?, AutoimmuneFindings> set) =>
        new(name, new Shape("string integer"), doc + ": a titer \"1:80\", its reciprocal as an integer (80), or \"negative\" (0)",
            (ref Utf8JsonReader r, ref AutoimmuneFindings a, in Site at) => a = set(a, ReadTiter(ref r, at.Path, at.Issues)));

    /// <summary>An AUDIT-C answer, an integer 0-4.</summary>
    private static Field<AlcoholFindings> Answer(string name, string doc, Func<AlcoholFindings, int?, AlcoholFindings> set) =>
        new(name, Shape.Integer, doc + ", points 0-4", (ref Utf8JsonReader r, ref AlcoholFindings a, in Site at) => a = set(a, ReadAnswer(ref r, at.Path, at.Issues)));

    /// <summary>A <c>serology</c> key; <paramref name="quantity"/> names a quantitative test (it takes a value and unit).</summary>
    private static Field<SerologyPanel> Test(string name, string doc, Func<SerologyPanel, SerologyResult, SerologyPanel> set, string? quantity = null) =>
        new(name, Shape.Of(quantity is null ? QualitativeTest : QuantitativeTest), doc, (ref Utf8JsonReader r, ref SerologyPanel p, in Site at) =>
        {
            if (ReadSerologyTest(ref r, at.Path, quantity, name == "antiHbs", at.Issues) is { } test)
            {
                p = set(p, test);
            }
        });

    private static Field<SerologyTest>[] TestFields(bool quantitative) =>
    [
        new("result", Shape.OneOf(ResultChoices), "the qualitative result",
            (ref Utf8JsonReader r, ref SerologyTest t, in Site at) =>
            {
                t.ResultGiven = true;
                t.Unusable |= (t.Result = ResultChoices.Read(ref r, at.Path, at.Issues)) is null;
            }),
        new("value", Shape.Number, "the measured value, in unit", (ref Utf8JsonReader r, ref SerologyTest t, in Site at) =>
            {
                t.ValueGiven = true;
                t.Unusable |= (t.Number = ReadLabNumber(ref r, at.Parent, at.Issues)) is null;
            })
        { Listed = quantitative },
        new("unit", Shape.String, "the unit of value", (ref Utf8JsonReader r, ref SerologyTest t, in Site at) =>
            {
                if (r.TokenType == JsonTokenType.String)
                {
                    t.Unit = JsonInput.Echo(UnitText.Get(ref r)); // a unit longer than the echo bound is unknown anyway
                }
                else
                {
                    Issues.WrongType(ref r, at.Path, "a string (a UCUM unit such as \"[IU]/mL\")", at.Issues);
                    t.Unusable = true;
                }
            })
        { Listed = quantitative },
        new("date", Shape.Date, "the date of the test (YYYY-MM-DD)",
            (ref Utf8JsonReader r, ref SerologyTest t, in Site at) => t.Date = ReadDate(ref r, at.Path, at.Issues)),
    ];

    /// <summary>The text of a string, or of a number kept as text; else SNP002 and null.</summary>
    private static string? ReadText(ref Utf8JsonReader reader, string path, string expected, List<InputIssue> issues) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
        _ => WrongType<string>(ref reader, path, expected, issues),
    };
}

/// <summary>What a lab object held while it is read.</summary>
internal struct LabEntry
{
    public decimal Value;
    public string? Unit;
    public DateOnly? Date;
    public bool ValueGiven;
    public bool DateGiven;

    /// <summary>True when a part of it was unusable (or given twice): the value is not used.</summary>
    public bool Unusable;
}

/// <summary>What a serology test object held while it is read.</summary>
internal struct SerologyTest
{
    public QualitativeResult? Result;
    public decimal? Number;
    public string? Unit;
    public DateOnly? Date;
    public bool ValueGiven;
    public bool ResultGiven;
    public bool Unusable;
}

/// <summary>What a medication item held while it is read.</summary>
internal struct MedicationEntry
{
    public MedicationClass? Class;
    public MedicationCode? Code;
    public string? Name;
    public decimal? Dose;
    public decimal? Weeks;
    public DateOnly? Start;
    public bool ClassGiven;
}

/// <summary>What a medication code object held while it is read.</summary>
internal struct MedicationCodeEntry
{
    public MedicationCodeSystem? System;
    public string? Value;
    public bool Unusable;
}

/// <summary>What a vaccination item held while it is read.</summary>
internal struct VaccinationEntry
{
    public Vaccine? Vaccine;
    public string? Cvx;
    public DateOnly? Date;
    public bool VaccineGiven;
    public bool DateGiven;
}

/// <summary>The parts of a snapshot collected while its top-level object is read.</summary>
internal sealed class SnapshotParts
{
    public string? Id { get; set; }

    public Sex? Sex { get; set; }

    public decimal? Age { get; set; }

    public decimal? AgeAtListing { get; set; }

    public LabPanelBuilder Labs { get; } = new();

    public LabPanel Panel { get; set; } = LabPanel.Empty;

    public SeriesBuilder Series { get; } = new();

    public ClinicalFindings Findings { get; set; } = ClinicalFindings.Empty;

    public SerologyPanel Serology { get; set; } = SerologyPanel.Empty;

    public DateOnly? AssessmentDate { get; set; }

    public List<Medication> Medications { get; } = [];

    public List<Vaccination> Vaccinations { get; } = [];

    public MedicalHistory History { get; set; } = MedicalHistory.Empty;

    public decimal? Bmi { get; set; }

    public AutoimmuneFindings Autoimmune { get; set; } = AutoimmuneFindings.Empty;

    public DrugInjuryFindings Dili { get; set; } = DrugInjuryFindings.Empty;

    public AlcoholFindings Alcohol { get; set; } = AlcoholFindings.Empty;
}
