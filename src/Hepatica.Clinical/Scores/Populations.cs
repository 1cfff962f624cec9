using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Scores;

/// <summary>
/// The context questions and population gates shared by several scores, with the sources of the gates that no single
/// score's citation covers. Each score declares its own <see cref="Population"/> in its definition, beside its citations
/// (docs/scores.md, "Who a score is for"). This class refers to no score class, so score definitions may use it freely.
/// </summary>
public static class Populations
{
    /// <summary>EASL 2017 clinical practice guidelines on acute liver failure (King's College and Clichy criteria; emergency listing).</summary>
    public static readonly Citation Easl2017Alf = new(
        "EASL 2017 ALF",
        "European Association for the Study of the Liver. EASL Clinical Practical Guidelines on the management of acute (fulminant) liver failure. J Hepatol 2017;66(5):1047-1081.",
        2017, "https://doi.org/10.1016/j.jhep.2016.12.003");

    /// <summary>OPTN policy 9.1.A (adult status 1A) and 9.1.B (pediatric status 1A): fulminant (acute) liver failure is listed by status, not by MELD or PELD.</summary>
    public static readonly Citation OptnStatus1A = new(
        "OPTN policy 9.1.A-B",
        "Organ Procurement and Transplantation Network. Policies, section 9.1.A Adult Status 1A Requirements and 9.1.B Pediatric Status 1A Requirements: candidates with fulminant (acute) liver failure are registered as status 1A, ahead of and apart from MELD and PELD ranking.",
        2023, "https://optn.transplant.hrsa.gov/policies-bylaws/policies/");

    /// <summary>OPTN policy 9.1: candidates aged 12 or more are ranked by MELD, candidates under 12 by PELD.</summary>
    public static readonly Citation OptnPolicy91Age = new(
        "OPTN policy 9.1",
        "Organ Procurement and Transplantation Network. Policies, section 9.1 Status and Score Assignments: candidates aged 12 or older receive a MELD score, candidates less than 12 years old a PELD score.",
        2023, "https://optn.transplant.hrsa.gov/policies-bylaws/policies/");

    /// <summary>NHSBT liver selection policy POL195: super-urgent listing for acute liver failure; elective listing for chronic liver disease by UKELD.</summary>
    public static readonly Citation NhsbtPol195 = new(
        "NHSBT POL195",
        "NHS Blood and Transplant. POL195: Liver Transplantation: Selection Criteria and Recipient Registration. Acute liver failure is registered super-urgent by its own criteria; UKELD (49 or more) is the criterion for elective registration with chronic liver disease. Version current in 2024 (not pinned).",
        2024, "https://www.odt.nhs.uk/transplantation/tools-policies-and-guidance/policies-and-guidance/");

    /// <summary>ACG 2017 (Kwo 2017): aminotransferases above 15 times the upper limit are a "severe" elevation, the pattern of acute hepatocellular injury.</summary>
    public static readonly Citation Kwo2017 = new(
        "Kwo 2017",
        "Kwo PY, Cohen SM, Lim JK. ACG Clinical Guideline: Evaluation of Abnormal Liver Chemistries. Am J Gastroenterol 2017;112(1):18-35.",
        2017, "https://doi.org/10.1038/ajg.2016.517");

    /// <summary>EASL 2021 clinical practice guidelines on non-invasive tests: fibrosis tests stage chronic liver disease; acute hepatitis confounds them.</summary>
    public static readonly Citation Easl2021Nit = new(
        "EASL 2021 NIT",
        "European Association for the Study of the Liver (Berzigotti A, Tsochatzis E, Boursier J, et al.). EASL Clinical Practice Guidelines on non-invasive tests for evaluation of liver disease severity and prognosis - 2021 update. J Hepatol 2021;75(3):659-689.",
        2021, "https://doi.org/10.1016/j.jhep.2021.05.025");

    /// <summary>Acute liver failure (<see cref="PatientContext.AcuteLiverFailure"/>).</summary>
    public static readonly ContextQuestion AcuteLiverFailure = new("acute liver failure", SnapshotKeys.Findings.AcuteLiverFailure, PatientContext.AcuteLiverFailure)
    {
        WhenTrue = "acute liver failure (findings.acuteLiverFailure or findings.acuteLiverFailureCause)",
        WhenFalse = "no acute liver failure (findings.acuteLiverFailure false, or cirrhosis without a stated acute liver failure)",
    };

    /// <summary>Cirrhosis (<see cref="PatientContext.Cirrhosis"/>).</summary>
    public static readonly ContextQuestion Cirrhosis = new("cirrhosis", SnapshotKeys.Findings.Cirrhosis, PatientContext.Cirrhosis);

    /// <summary>Chronic liver disease (<see cref="PatientContext.ChronicLiverDisease"/>).</summary>
    public static readonly ContextQuestion ChronicLiverDisease = new("chronic liver disease", SnapshotKeys.Findings.ChronicLiverDisease, PatientContext.ChronicLiverDisease);

    /// <summary>Acute hepatitis, ALT or AST above 15 × its upper limit (<see cref="PatientContext.AcuteHepatitis"/>).</summary>
    public static readonly ContextQuestion AcuteHepatitis = new("acute hepatitis", "labs.altUpperLimit or labs.astUpperLimit, with the ALT or AST", PatientContext.AcuteHepatitis)
    {
        WhenTrue = "ALT or AST above 15 × its upper limit (labs.alt, labs.ast): acute hepatitis by Kwo 2017's threshold",
        WhenFalse = "ALT and AST at most 15 × their upper limits (labs.alt, labs.ast): no acute hepatitis by Kwo 2017's threshold",
    };

    /// <summary>Alcohol-associated hepatitis (<see cref="PatientContext.AlcoholAssociatedHepatitis"/>).</summary>
    public static readonly ContextQuestion AlcoholAssociatedHepatitis = new(
        "alcohol-associated hepatitis", SnapshotKeys.Findings.AlcoholAssociatedHepatitis, PatientContext.AlcoholAssociatedHepatitis);

    /// <summary>Fatty liver disease (<see cref="PatientContext.FattyLiverDisease"/>).</summary>
    public static readonly ContextQuestion FattyLiverDisease = new("fatty liver disease (NAFLD/MASLD)", SnapshotKeys.Findings.FattyLiverDisease, PatientContext.FattyLiverDisease);

    /// <summary>A child under 12 (<see cref="PatientContext.ChildUnder12"/>).</summary>
    public static readonly ContextQuestion ChildUnder12 = new("age under 12", SnapshotKeys.AgeYears, PatientContext.ChildUnder12)
    {
        Negation = "age 12 or more", WhenTrue = "age under 12 (ageYears)", WhenFalse = "age 12 or more (ageYears)",
    };

    /// <summary>An adult, 18 or more (<see cref="PatientContext.Adult"/>).</summary>
    public static readonly ContextQuestion Adult = new("age 18 or more", SnapshotKeys.AgeYears, PatientContext.Adult)
    {
        Negation = "age under 18", WhenTrue = "age 18 or more (ageYears)", WhenFalse = "age under 18 (ageYears)",
    };

    /// <summary>Treatment with an immune checkpoint inhibitor (<see cref="PatientContext.ImmuneCheckpointInhibitor"/>).</summary>
    public static readonly ContextQuestion ImmuneCheckpointInhibitor = new(
        "immune checkpoint inhibitor treatment", SnapshotKeys.Dili.ImmuneCheckpointInhibitor, PatientContext.ImmuneCheckpointInhibitor);

    /// <summary>A drug suspected of liver injury (<see cref="PatientContext.SuspectedDrugInjury"/>).</summary>
    public static readonly ContextQuestion SuspectedDrugInjury = new("a suspected drug-induced liver injury", "dili (RUCAM items)", PatientContext.SuspectedDrugInjury);

    /// <summary>MELD family: candidates aged 12 or more (OPTN policy 9.1); under 12 PELD applies.</summary>
    public static readonly PopulationGate NotUnder12 = new(ChildUnder12, false, "for candidates aged 12 or more; PELD applies under 12", OptnPolicy91Age);

    /// <summary>PELD: candidates under 12 (OPTN policy 9.1); from 12 MELD applies.</summary>
    public static readonly PopulationGate Under12 = new(ChildUnder12, true, "for candidates under 12; MELD applies from 12", OptnPolicy91Age);

    /// <summary>MELD family, UKELD, PELD: not in acute liver failure, which is listed by its own rules (the source given).</summary>
    /// <param name="source">OPTN status 1A for MELD and PELD, NHSBT POL195 for UKELD.</param>
    public static PopulationGate NotAcuteLiverFailure(Citation source) => new(AcuteLiverFailure, false,
        "for chronic liver disease, not acute liver failure, where the King's College criteria and urgent listing apply", source);

    /// <summary>MELD family: chronic liver disease (the cohorts of the derivation source given).</summary>
    /// <param name="source">The derivation paper.</param>
    public static PopulationGate ChronicLiverDiseaseRequired(Citation source) => new(ChronicLiverDisease, true,
        "for chronic liver disease, the disease of the cohorts it was derived and validated in", source);

    /// <summary>Child-Pugh, UKELD, the CLIF-C scores: cirrhosis (the cohorts of the source given).</summary>
    /// <param name="source">The derivation paper.</param>
    /// <param name="rule">The rule in words, starting with "for".</param>
    public static PopulationGate CirrhosisRequired(Citation source, string rule) => new(Cirrhosis, true, rule, source);

    /// <summary>Fibrosis scores: not once cirrhosis is established (there is no fibrosis left to stage; EASL 2021 NIT).</summary>
    public static readonly PopulationGate NotEstablishedCirrhosis = new(Cirrhosis, false,
        "for staging fibrosis in chronic liver disease, not once cirrhosis is established", Easl2021Nit);

    /// <summary>
    /// Fibrosis scores: not in acute hepatitis, whose inflammation the scores read as fibrosis (EASL 2021 NIT); acute
    /// hepatitis is read as ALT or AST above 15 × its upper limit (Kwo 2017, <see cref="PatientContext.AcuteHepatitisTimesUpperLimit"/>).
    /// </summary>
    public static readonly PopulationGate NotAcuteHepatitis = new(AcuteHepatitis, false,
        "for chronic liver disease, not acute hepatitis, whose inflammation the score would read as fibrosis", Easl2021Nit);

    /// <summary>Maddrey, Lille, GAHS, ABIC: alcohol-associated hepatitis (the cohorts of the source given).</summary>
    /// <param name="source">The derivation paper.</param>
    public static PopulationGate AlcoholAssociatedHepatitisRequired(Citation source) => new(AlcoholAssociatedHepatitis, true,
        "for alcohol-associated hepatitis only, the disease it was derived and validated in", source);

    /// <summary>The King's College criteria: acute liver failure (O'Grady 1989).</summary>
    public static readonly PopulationGate AcuteLiverFailureRequired = new(AcuteLiverFailure, true,
        "for acute liver failure only, the patients the criteria were derived in", Sources.OGrady1989);
}
