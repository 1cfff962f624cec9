namespace Hepatica.Clinical;

/// <summary>
/// The snapshot paths the core names (in "missing" lists, issue paths, score inputs), written once: the snapshot
/// contract's tables (src/Hepatica.Json/SnapshotContract.cs) define the keys, and a test checks that every constant
/// here is a path of those tables, so renaming a key there breaks a test instead of leaving a stale name here.
/// </summary>
public static class SnapshotKeys
{
    /// <summary><c>ageAtListingYears</c></summary>
    public const string AgeAtListingYears = "ageAtListingYears";

    /// <summary><c>ageYears</c></summary>
    public const string AgeYears = "ageYears";

    /// <summary><c>assessmentDate</c></summary>
    public const string AssessmentDate = "assessmentDate";

    /// <summary><c>bmi</c></summary>
    public const string Bmi = "bmi";

    /// <summary><c>sex</c></summary>
    public const string Sex = "sex";

    /// <summary>The keys under <c>alcohol</c>.</summary>
    public static class Alcohol
    {
        /// <summary>The keys under <c>auditC</c>.</summary>
        public static class AuditC
        {
            /// <summary><c>alcohol.auditC.q1</c></summary>
            public const string Q1 = "alcohol.auditC.q1";

            /// <summary><c>alcohol.auditC.q2</c></summary>
            public const string Q2 = "alcohol.auditC.q2";

            /// <summary><c>alcohol.auditC.q3</c></summary>
            public const string Q3 = "alcohol.auditC.q3";
        }
    }

    /// <summary>The keys under <c>autoimmune</c>.</summary>
    public static class Autoimmune
    {
        /// <summary><c>autoimmune.ana</c></summary>
        public const string Ana = "autoimmune.ana";

        /// <summary><c>autoimmune.histology</c></summary>
        public const string Histology = "autoimmune.histology";

        /// <summary><c>autoimmune.igg</c></summary>
        public const string Igg = "autoimmune.igg";

        /// <summary><c>autoimmune.iggUpperLimit</c></summary>
        public const string IggUpperLimit = "autoimmune.iggUpperLimit";

        /// <summary><c>autoimmune.lkm</c></summary>
        public const string Lkm = "autoimmune.lkm";

        /// <summary><c>autoimmune.slaLp</c></summary>
        public const string SlaLp = "autoimmune.slaLp";

        /// <summary><c>autoimmune.sma</c></summary>
        public const string Sma = "autoimmune.sma";

        /// <summary><c>autoimmune.viralHepatitisExcluded</c></summary>
        public const string ViralHepatitisExcluded = "autoimmune.viralHepatitisExcluded";
    }

    /// <summary>The keys under <c>dili</c>.</summary>
    public static class Dili
    {
        /// <summary><c>dili.immuneCheckpointInhibitor</c></summary>
        public const string ImmuneCheckpointInhibitor = "dili.immuneCheckpointInhibitor";

        /// <summary><c>dili.noOtherExplanation</c></summary>
        public const string NoOtherExplanation = "dili.noOtherExplanation";

        /// <summary>The keys under <c>rucam</c>.</summary>
        public static class Rucam
        {
            /// <summary><c>dili.rucam.alcohol</c></summary>
            public const string Alcohol = "dili.rucam.alcohol";

            /// <summary><c>dili.rucam.alternativeCauses</c></summary>
            public const string AlternativeCauses = "dili.rucam.alternativeCauses";

            /// <summary><c>dili.rucam.concomitantDrugs</c></summary>
            public const string ConcomitantDrugs = "dili.rucam.concomitantDrugs";

            /// <summary><c>dili.rucam.courseAfterCessation</c></summary>
            public const string CourseAfterCessation = "dili.rucam.courseAfterCessation";

            /// <summary><c>dili.rucam.pregnancy</c></summary>
            public const string Pregnancy = "dili.rucam.pregnancy";

            /// <summary><c>dili.rucam.previousHepatotoxicity</c></summary>
            public const string PreviousHepatotoxicity = "dili.rucam.previousHepatotoxicity";

            /// <summary><c>dili.rucam.reexposure</c></summary>
            public const string Reexposure = "dili.rucam.reexposure";

            /// <summary><c>dili.rucam.timeToOnset</c></summary>
            public const string TimeToOnset = "dili.rucam.timeToOnset";
        }
    }

    /// <summary>The keys under <c>findings</c>.</summary>
    public static class Findings
    {
        /// <summary><c>findings.acuteLiverFailure</c></summary>
        public const string AcuteLiverFailure = "findings.acuteLiverFailure";

        /// <summary><c>findings.acuteLiverFailureCause</c></summary>
        public const string AcuteLiverFailureCause = "findings.acuteLiverFailureCause";

        /// <summary><c>findings.alcoholAssociatedHepatitis</c></summary>
        public const string AlcoholAssociatedHepatitis = "findings.alcoholAssociatedHepatitis";

        /// <summary><c>findings.ascites</c></summary>
        public const string Ascites = "findings.ascites";

        /// <summary><c>findings.cholestaticLiverDisease</c></summary>
        public const string CholestaticLiverDisease = "findings.cholestaticLiverDisease";

        /// <summary><c>findings.chronicLiverDisease</c></summary>
        public const string ChronicLiverDisease = "findings.chronicLiverDisease";

        /// <summary><c>findings.cirrhosis</c></summary>
        public const string Cirrhosis = "findings.cirrhosis";

        /// <summary><c>findings.corticosteroidStartDate</c></summary>
        public const string CorticosteroidStartDate = "findings.corticosteroidStartDate";

        /// <summary><c>findings.diabetesOrImpairedFastingGlucose</c></summary>
        public const string DiabetesOrImpairedFastingGlucose = "findings.diabetesOrImpairedFastingGlucose";

        /// <summary><c>findings.dialysisTwiceInPastWeek</c></summary>
        public const string DialysisTwiceInPastWeek = "findings.dialysisTwiceInPastWeek";

        /// <summary><c>findings.encephalopathyGrade</c></summary>
        public const string EncephalopathyGrade = "findings.encephalopathyGrade";

        /// <summary><c>findings.fattyLiverDisease</c></summary>
        public const string FattyLiverDisease = "findings.fattyLiverDisease";

        /// <summary><c>findings.growthFailure</c></summary>
        public const string GrowthFailure = "findings.growthFailure";

        /// <summary><c>findings.jaundiceToEncephalopathyDays</c></summary>
        public const string JaundiceToEncephalopathyDays = "findings.jaundiceToEncephalopathyDays";

        /// <summary><c>findings.meanArterialPressure</c></summary>
        public const string MeanArterialPressure = "findings.meanArterialPressure";

        /// <summary><c>findings.mechanicalVentilation</c></summary>
        public const string MechanicalVentilation = "findings.mechanicalVentilation";

        /// <summary><c>findings.pao2Fio2</c></summary>
        public const string Pao2Fio2 = "findings.pao2Fio2";

        /// <summary><c>findings.renalReplacementTherapy</c></summary>
        public const string RenalReplacementTherapy = "findings.renalReplacementTherapy";

        /// <summary><c>findings.spo2Fio2</c></summary>
        public const string Spo2Fio2 = "findings.spo2Fio2";

        /// <summary><c>findings.varicealBleeding</c></summary>
        public const string VaricealBleeding = "findings.varicealBleeding";

        /// <summary><c>findings.vasopressors</c></summary>
        public const string Vasopressors = "findings.vasopressors";

        /// <summary><c>findings.ventilationForEncephalopathy</c></summary>
        public const string VentilationForEncephalopathy = "findings.ventilationForEncephalopathy";
    }

    /// <summary>The keys under <c>labs</c>.</summary>
    public static class Labs
    {
        /// <summary><c>labs.albumin</c></summary>
        public const string Albumin = "labs.albumin";

        /// <summary><c>labs.alp</c></summary>
        public const string Alp = "labs.alp";

        /// <summary><c>labs.alpUpperLimit</c></summary>
        public const string AlpUpperLimit = "labs.alpUpperLimit";

        /// <summary><c>labs.alt</c></summary>
        public const string Alt = "labs.alt";

        /// <summary><c>labs.altUpperLimit</c></summary>
        public const string AltUpperLimit = "labs.altUpperLimit";

        /// <summary><c>labs.arterialPh</c></summary>
        public const string ArterialPh = "labs.arterialPh";

        /// <summary><c>labs.ast</c></summary>
        public const string Ast = "labs.ast";

        /// <summary><c>labs.astUpperLimit</c></summary>
        public const string AstUpperLimit = "labs.astUpperLimit";

        /// <summary><c>labs.bilirubin</c></summary>
        public const string Bilirubin = "labs.bilirubin";

        /// <summary><c>labs.bilirubinUpperLimit</c></summary>
        public const string BilirubinUpperLimit = "labs.bilirubinUpperLimit";

        /// <summary><c>labs.bun</c></summary>
        public const string Bun = "labs.bun";

        /// <summary><c>labs.creatinine</c></summary>
        public const string Creatinine = "labs.creatinine";

        /// <summary><c>labs.inr</c></summary>
        public const string Inr = "labs.inr";

        /// <summary><c>labs.lactate</c></summary>
        public const string Lactate = "labs.lactate";

        /// <summary><c>labs.lymphocytes</c></summary>
        public const string Lymphocytes = "labs.lymphocytes";

        /// <summary><c>labs.neutrophils</c></summary>
        public const string Neutrophils = "labs.neutrophils";

        /// <summary><c>labs.phosphate</c></summary>
        public const string Phosphate = "labs.phosphate";

        /// <summary><c>labs.platelets</c></summary>
        public const string Platelets = "labs.platelets";

        /// <summary><c>labs.pt</c></summary>
        public const string Pt = "labs.pt";

        /// <summary><c>labs.ptControl</c></summary>
        public const string PtControl = "labs.ptControl";

        /// <summary><c>labs.sodium</c></summary>
        public const string Sodium = "labs.sodium";

        /// <summary><c>labs.urea</c></summary>
        public const string Urea = "labs.urea";

        /// <summary><c>labs.wbc</c></summary>
        public const string Wbc = "labs.wbc";
    }

    /// <summary>The keys under <c>serology</c>.</summary>
    public static class Serology
    {
        /// <summary><c>serology.antiHavIgm</c></summary>
        public const string AntiHavIgm = "serology.antiHavIgm";

        /// <summary><c>serology.antiHavTotal</c></summary>
        public const string AntiHavTotal = "serology.antiHavTotal";

        /// <summary><c>serology.antiHbcIgm</c></summary>
        public const string AntiHbcIgm = "serology.antiHbcIgm";

        /// <summary><c>serology.antiHbcTotal</c></summary>
        public const string AntiHbcTotal = "serology.antiHbcTotal";

        /// <summary><c>serology.antiHbe</c></summary>
        public const string AntiHbe = "serology.antiHbe";

        /// <summary><c>serology.antiHbs</c></summary>
        public const string AntiHbs = "serology.antiHbs";

        /// <summary><c>serology.antiHcv</c></summary>
        public const string AntiHcv = "serology.antiHcv";

        /// <summary><c>serology.antiHdv</c></summary>
        public const string AntiHdv = "serology.antiHdv";

        /// <summary><c>serology.antiHevIgg</c></summary>
        public const string AntiHevIgg = "serology.antiHevIgg";

        /// <summary><c>serology.antiHevIgm</c></summary>
        public const string AntiHevIgm = "serology.antiHevIgm";

        /// <summary><c>serology.hbeag</c></summary>
        public const string Hbeag = "serology.hbeag";

        /// <summary><c>serology.hbsag</c></summary>
        public const string Hbsag = "serology.hbsag";

        /// <summary><c>serology.hbvDna</c></summary>
        public const string HbvDna = "serology.hbvDna";

        /// <summary><c>serology.hcvRna</c></summary>
        public const string HcvRna = "serology.hcvRna";

        /// <summary><c>serology.hdvRna</c></summary>
        public const string HdvRna = "serology.hdvRna";

        /// <summary><c>serology.hevRna</c></summary>
        public const string HevRna = "serology.hevRna";
    }
}
