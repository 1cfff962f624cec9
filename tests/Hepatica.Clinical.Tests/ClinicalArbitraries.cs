using FsCheck;
using FsCheck.Fluent;
using Hepatica.Clinical.Findings;
using Hepatica.Clinical.Labs;

namespace Hepatica.Clinical.Tests;

/// <summary>Which MELD input a monotonicity property raises.</summary>
public enum RaisedInput
{
    /// <summary>Total bilirubin.</summary>
    Bilirubin,

    /// <summary>INR.</summary>
    Inr,

    /// <summary>Serum creatinine.</summary>
    Creatinine,
}

/// <summary>
/// One realistic patient in canonical units (bilirubin 0.1-60 mg/dL, creatinine 0.2-15 mg/dL, INR 0.8-9, sodium 110-160,
/// albumin 1.0-6.0 g/dL), with every other input of the catalog (the critical-care and acute liver failure ones in
/// <see cref="Critical"/>).
/// </summary>
public sealed record Patient(
    decimal BilirubinMgDl, decimal CreatinineMgDl, decimal Inr, decimal Sodium, decimal AlbuminGdl, bool Dialysis,
    Sex Sex, decimal AgeYears, decimal Ast, decimal Alt, decimal AstUpperLimit, decimal Platelets,
    Ascites Ascites, int EncephalopathyGrade, bool Cholestatic, bool? FattyLiver, Critical Critical)
{
    /// <summary>Urea, mmol/L.</summary>
    public decimal UreaMmolL { get; init; } = 6m;

    /// <summary>Prothrombin time, s.</summary>
    public decimal PtSeconds { get; init; } = 18m;

    /// <summary>Control prothrombin time, s.</summary>
    public decimal PtControlSeconds { get; init; } = 12m;

    /// <summary>Bilirubin on day 7 of corticosteroids, mg/dL (day 0 is <see cref="BilirubinMgDl"/>).</summary>
    public decimal BilirubinDay7MgDl { get; init; } = 5m;

    /// <summary>The inputs of the causes scores (AIH, DILI, AUDIT-C, NAFLD fibrosis score).</summary>
    public Causes Causes { get; init; } = new(40m, 300m, 120m, 1.2m, 80, 0, 0, false, 20m, 16m, AihHistology.Typical, true, true, true, 2, 1, 0, 28m, false);

    /// <summary>The RUCAM selections (the course is taken from the scale of the form R selects).</summary>
    public RucamSelections Rucam { get; init; } = new(RucamTimeToOnset.Suggestive, RucamCourse.Decrease50Within30Days, RucamCourse.Decrease50Within180Days, false, false,
        RucamConcomitant.None, RucamAlternativeCauses.AllRuledOut, RucamPreviousHepatotoxicity.Labelled, RucamReexposure.NotDoneOrOther);

    /// <summary>True when R = (ALT / ULN) / (ALP / ULN) ≥ 5: the RUCAM hepatocellular form.</summary>
    public bool Hepatocellular => Alt / Causes.AltUpperLimit / (Causes.Alp / Causes.AlpUpperLimit) >= 5m;

    /// <summary>The corticosteroid start date (Lille day 0).</summary>
    public static readonly DateOnly SteroidStart = new(2026, 11, 1);

    /// <summary>The snapshot, with bilirubin and creatinine in µmol/L and albumin in g/L when <paramref name="si"/>.</summary>
    /// <remarks>µmol/L = mg/dL × 17.1 (or × 88.4) and g/L = g/dL × 10 are exact decimals, so both forms have the same canonical values.</remarks>
    public PatientSnapshot ToSnapshot(bool si) => new()
    {
        Sex = Sex,
        AgeYears = AgeYears,
        Labs = new LabPanel
        {
            Bilirubin = si ? Lab<BilirubinAnalyte, BilirubinUnit>.FromMicromolesPerLiter(BilirubinMgDl * 17.1m) : Lab<BilirubinAnalyte, BilirubinUnit>.FromMilligramsPerDeciliter(BilirubinMgDl),
            Creatinine = si ? Lab<CreatinineAnalyte, CreatinineUnit>.FromMicromolesPerLiter(CreatinineMgDl * 88.4m) : Lab<CreatinineAnalyte, CreatinineUnit>.FromMilligramsPerDeciliter(CreatinineMgDl),
            Inr = Lab<InrAnalyte, InrUnit>.FromRatio(Inr),
            Sodium = si ? Lab<SodiumAnalyte, SodiumUnit>.FromMilliequivalentsPerLiter(Sodium) : Lab<SodiumAnalyte, SodiumUnit>.FromMillimolesPerLiter(Sodium),
            Albumin = si ? Lab<AlbuminAnalyte, ProteinUnit>.FromGramsPerLiter(AlbuminGdl * 10m) : Lab<AlbuminAnalyte, ProteinUnit>.FromGramsPerDeciliter(AlbuminGdl),
            Platelets = si ? Lab<PlateletsAnalyte, CellCountUnit>.FromPerMicroliter(Platelets * 1000m) : Lab<PlateletsAnalyte, CellCountUnit>.FromBillionsPerLiter(Platelets),
            Ast = Lab<AstAnalyte, EnzymeActivityUnit>.FromUnitsPerLiter(Ast),
            Alt = Lab<AltAnalyte, EnzymeActivityUnit>.FromUnitsPerLiter(Alt),
            AstUpperLimit = Lab<AstAnalyte, EnzymeActivityUnit>.FromUnitsPerLiter(AstUpperLimit),
            AltUpperLimit = Lab<AltAnalyte, EnzymeActivityUnit>.FromUnitsPerLiter(Causes.AltUpperLimit),
            Alp = Lab<AlpAnalyte, EnzymeActivityUnit>.FromUnitsPerLiter(Causes.Alp),
            AlpUpperLimit = Lab<AlpAnalyte, EnzymeActivityUnit>.FromUnitsPerLiter(Causes.AlpUpperLimit),
            BilirubinUpperLimit = si ? Lab<BilirubinAnalyte, BilirubinUnit>.FromMicromolesPerLiter(Causes.BilirubinUpperLimitMgDl * 17.1m) : Lab<BilirubinAnalyte, BilirubinUnit>.FromMilligramsPerDeciliter(Causes.BilirubinUpperLimitMgDl),
            Wbc = si ? WhiteCells.FromPerMicroliter(Critical.Wbc * 1000m) : WhiteCells.FromBillionsPerLiter(Critical.Wbc),
            ArterialPh = Lab<ArterialPhAnalyte, ArterialPhUnit>.FromValue(Critical.ArterialPh),
            Lactate = Lab<LactateAnalyte, LactateUnit>.FromMillimolesPerLiter(Critical.Lactate),
            Urea = Lab<UreaAnalyte, UreaUnit>.FromMillimolesPerLiter(UreaMmolL),
            ProthrombinTime = Lab<ProthrombinTimeAnalyte, ProthrombinTimeUnit>.FromSeconds(PtSeconds),
            ProthrombinTimeControl = Lab<ProthrombinTimeAnalyte, ProthrombinTimeUnit>.FromSeconds(PtControlSeconds),
        },
        Findings = new ClinicalFindings
        {
            Ascites = Ascites,
            Encephalopathy = Clinical.Findings.EncephalopathyGrade.FromWestHaven(EncephalopathyGrade),
            DialysisTwiceInPastWeek = Dialysis,
            CholestaticLiverDisease = Cholestatic,
            FattyLiverDisease = FattyLiver,
            MeanArterialPressure = Critical.MeanArterialPressure,
            Vasopressors = Critical.Vasopressors,
            PaO2FiO2 = Critical.PaO2FiO2,
            SpO2FiO2 = Critical.SpO2FiO2,
            MechanicalVentilation = Critical.MechanicalVentilation,
            VentilationForEncephalopathy = Critical.VentilationForEncephalopathy,
            RenalReplacementTherapy = Critical.RenalReplacementTherapy,
            AcuteLiverFailureCause = Critical.Cause,
            JaundiceToEncephalopathyDays = Critical.JaundiceToEncephalopathyDays,
            CorticosteroidStartDate = SteroidStart,
            DiabetesOrImpairedFastingGlucose = Causes.Diabetes,
        },
        Bmi = Causes.Bmi,
        Autoimmune = new AutoimmuneFindings
        {
            AnaTiter = Causes.Ana, SmaTiter = Causes.Sma, LkmTiter = Causes.Lkm, SlaLpPositive = Causes.SlaLp,
            IgG = si ? ImmunoglobulinG.FromMilligramsPerDeciliter(Causes.IgGGramsPerLiter * 100m) : ImmunoglobulinG.FromGramsPerLiter(Causes.IgGGramsPerLiter),
            IgGUpperLimit = ImmunoglobulinG.FromGramsPerLiter(Causes.IgGUpperLimitGramsPerLiter),
            Histology = Causes.Histology, ViralHepatitisExcluded = Causes.ViralHepatitisExcluded,
        },
        Dili = new DrugInjuryFindings
        {
            NoOtherExplanation = Causes.NoOtherExplanation, ImmuneCheckpointInhibitor = Causes.ImmuneCheckpointInhibitor,
            RucamTimeToOnset = Rucam.TimeToOnset, RucamCourse = Hepatocellular ? Rucam.HepatocellularCourse : Rucam.CholestaticCourse,
            RucamAlcohol = Rucam.Alcohol, RucamPregnancy = Rucam.Pregnancy, RucamConcomitant = Rucam.Concomitant,
            RucamAlternativeCauses = Rucam.AlternativeCauses, RucamPreviousHepatotoxicity = Rucam.PreviousHepatotoxicity, RucamReexposure = Rucam.Reexposure,
        },
        Alcohol = new AlcoholFindings { AuditCQ1 = Causes.AuditCQ1, AuditCQ2 = Causes.AuditCQ2, AuditCQ3 = Causes.AuditCQ3 },
        Series = new LabSeries
        {
            Bilirubin =
            [
                new(SteroidStart, si ? Lab<BilirubinAnalyte, BilirubinUnit>.FromMicromolesPerLiter(BilirubinMgDl * 17.1m) : Lab<BilirubinAnalyte, BilirubinUnit>.FromMilligramsPerDeciliter(BilirubinMgDl)),
                new(SteroidStart.AddDays(7), si ? Lab<BilirubinAnalyte, BilirubinUnit>.FromMicromolesPerLiter(BilirubinDay7MgDl * 17.1m) : Lab<BilirubinAnalyte, BilirubinUnit>.FromMilligramsPerDeciliter(BilirubinDay7MgDl)),
            ],
            Albumin = [new(SteroidStart, si ? Lab<AlbuminAnalyte, ProteinUnit>.FromGramsPerLiter(AlbuminGdl * 10m) : Lab<AlbuminAnalyte, ProteinUnit>.FromGramsPerDeciliter(AlbuminGdl))],
            Creatinine = [new(SteroidStart, si ? Lab<CreatinineAnalyte, CreatinineUnit>.FromMicromolesPerLiter(CreatinineMgDl * 88.4m) : Lab<CreatinineAnalyte, CreatinineUnit>.FromMilligramsPerDeciliter(CreatinineMgDl))],
            ProthrombinTime = [new(SteroidStart, ProthrombinTime.FromSeconds(PtSeconds))],
        },
    };
}

/// <summary>
/// The critical-care and acute liver failure inputs of a <see cref="Patient"/>: WBC 1-60 × 10^9/L, arterial pH 6.9-7.6,
/// lactate 0.5-15 mmol/L, PT 10-150 s, MAP 40-120 mmHg, PaO2/FiO2 50-600 and/or SpO2/FiO2 80-500 (at least one given),
/// and any cause of acute liver failure.
/// </summary>
public sealed record Critical(
    decimal Wbc, decimal ArterialPh, decimal Lactate, decimal ProthrombinTimeSeconds, decimal MeanArterialPressure, bool Vasopressors,
    decimal? PaO2FiO2, decimal? SpO2FiO2, bool MechanicalVentilation, bool VentilationForEncephalopathy, bool RenalReplacementTherapy,
    AcuteLiverFailureCause Cause, decimal JaundiceToEncephalopathyDays);

/// <summary>
/// The inputs of the causes scores: ALT ULN 20-60, ALP 30-2000 and its ULN 80-150 U/L, bilirubin ULN 0.8-1.5 mg/dL,
/// titers 0/40/80/160/320, IgG 5-50 and its ULN 12-18 g/L, any histology, AUDIT-C answers 0-4, BMI 16-60 kg/m².
/// </summary>
public sealed record Causes(
    decimal AltUpperLimit, decimal Alp, decimal AlpUpperLimit, decimal BilirubinUpperLimitMgDl, int Ana, int Sma, int Lkm, bool SlaLp,
    decimal IgGGramsPerLiter, decimal IgGUpperLimitGramsPerLiter, AihHistology Histology, bool ViralHepatitisExcluded, bool NoOtherExplanation,
    bool ImmuneCheckpointInhibitor, int AuditCQ1, int AuditCQ2, int AuditCQ3, decimal Bmi, bool Diabetes);

/// <summary>RUCAM selections of a <see cref="Patient"/>, with a course on each scale.</summary>
public sealed record RucamSelections(
    RucamTimeToOnset TimeToOnset, RucamCourse HepatocellularCourse, RucamCourse CholestaticCourse, bool Alcohol, bool Pregnancy,
    RucamConcomitant Concomitant, RucamAlternativeCauses AlternativeCauses, RucamPreviousHepatotoxicity PreviousHepatotoxicity, RucamReexposure Reexposure);

/// <summary>A patient and one MELD input raised by <see cref="Delta"/> (in that input's canonical unit).</summary>
public sealed record Rise(Patient Patient, RaisedInput Input, decimal Delta)
{
    /// <summary>The same patient with the input raised.</summary>
    public Patient Raised => Input switch
    {
        RaisedInput.Bilirubin => Patient with { BilirubinMgDl = Patient.BilirubinMgDl + Delta },
        RaisedInput.Inr => Patient with { Inr = Patient.Inr + Delta },
        _ => Patient with { CreatinineMgDl = Patient.CreatinineMgDl + Delta },
    };
}

/// <summary>FsCheck generators for realistic clinical values (register with <c>[Property(Arbitrary = [typeof(ClinicalArbitraries)])]</c>).</summary>
public static class ClinicalArbitraries
{
    /// <summary>Decimals from <paramref name="lo"/> to <paramref name="hi"/> in steps of 1 / <paramref name="scale"/>.</summary>
    public static Gen<decimal> Steps(int lo, int hi, int scale) => Gen.Choose(lo, hi).Select(i => (decimal)i / scale);

    /// <summary>Realistic patients.</summary>
    public static Gen<Patient> PatientGen =>
        from bili in Steps(1, 600, 10)
        from cr in Steps(2, 150, 10)
        from inr in Steps(80, 900, 100)
        from na in Steps(1100, 1600, 10)
        from alb in Steps(10, 60, 10)
        from dialysis in Gen.Frequency((1, Gen.Constant(true)), (4, Gen.Constant(false)))
        from sex in Gen.Elements(Sex.Female, Sex.Male)
        from age in Steps(120, 950, 10)
        from ast in Steps(5, 2000, 1)
        from alt in Steps(5, 2000, 1)
        from uln in Steps(20, 60, 1)
        from plt in Steps(10, 900, 1)
        from ascites in Gen.Elements(Ascites.None, Ascites.Mild, Ascites.ModerateSevere)
        from he in Gen.Choose(0, 4)
        from cholestatic in Gen.Elements(true, false)
        from fatty in Gen.Elements<bool?>(true, false, null)
        from critical in CriticalGen
        from urea in Steps(10, 400, 10)
        from control in Steps(100, 140, 10)
        from prolongation in Steps(0, 400, 10)
        from bili7 in Steps(1, 600, 10)
        from causes in CausesGen
        from rucam in RucamGen
        select new Patient(bili, cr, inr, na, alb, dialysis, sex, age, ast, alt, uln, plt, ascites, he, cholestatic, fatty, critical)
        {
            UreaMmolL = urea, PtSeconds = control + prolongation, PtControlSeconds = control, BilirubinDay7MgDl = bili7, Causes = causes, Rucam = rucam,
        };

    /// <summary>Any RUCAM selections (an unrelated onset now and then).</summary>
    public static Gen<RucamSelections> RucamGen =>
        from onset in Gen.Frequency((1, Gen.Constant(RucamTimeToOnset.Unrelated)), (9, Gen.Elements(RucamTimeToOnset.Suggestive, RucamTimeToOnset.Compatible, RucamTimeToOnset.FromCessation)))
        from hepatocellular in Gen.Elements(RucamCourse.Decrease50Within8Days, RucamCourse.Decrease50Within30Days, RucamCourse.NoInformationOrContinued, RucamCourse.Decrease50After30Days, RucamCourse.DecreaseUnder50After30DaysOrRecurrent)
        from cholestatic in Gen.Elements(RucamCourse.Decrease50Within180Days, RucamCourse.DecreaseUnder50Within180Days, RucamCourse.NoInformationOrContinued, RucamCourse.PersistenceOrIncrease)
        from alcohol in Gen.Elements(true, false)
        from pregnancy in Gen.Elements(true, false)
        from concomitant in Gen.Elements(Enum.GetValues<RucamConcomitant>())
        from alternative in Gen.Elements(Enum.GetValues<RucamAlternativeCauses>())
        from previous in Gen.Elements(Enum.GetValues<RucamPreviousHepatotoxicity>())
        from reexposure in Gen.Elements(Enum.GetValues<RucamReexposure>())
        select new RucamSelections(onset, hepatocellular, cholestatic, alcohol, pregnancy, concomitant, alternative, previous, reexposure);

    /// <summary>Realistic inputs of the causes scores.</summary>
    public static Gen<Causes> CausesGen =>
        from altUln in Steps(20, 60, 1)
        from alp in Steps(30, 2000, 1)
        from alpUln in Steps(80, 150, 1)
        from biliUln in Steps(8, 15, 10)
        from ana in Gen.Elements(0, 40, 80, 160, 320)
        from sma in Gen.Elements(0, 40, 80)
        from lkm in Gen.Elements(0, 0, 0, 40)
        from sla in Gen.Frequency((1, Gen.Constant(true)), (5, Gen.Constant(false)))
        from igg in Steps(50, 500, 10)
        from iggUln in Steps(120, 180, 10)
        from histology in Gen.Elements(AihHistology.Atypical, AihHistology.Compatible, AihHistology.Typical)
        from viral in Gen.Elements(true, false)
        from other in Gen.Elements(true, false)
        from ici in Gen.Elements(true, false)
        from q1 in Gen.Choose(0, 4)
        from q2 in Gen.Choose(0, 4)
        from q3 in Gen.Choose(0, 4)
        from bmi in Steps(160, 600, 10)
        from diabetes in Gen.Elements(true, false)
        select new Causes(altUln, alp, alpUln, biliUln, ana, sma, lkm, sla, igg, iggUln, histology, viral, other, ici, q1, q2, q3, bmi, diabetes);

    /// <summary>Realistic critical-care and acute liver failure inputs.</summary>
    public static Gen<Critical> CriticalGen =>
        from wbc in Steps(10, 600, 10)
        from ph in Steps(690, 760, 100)
        from lactate in Steps(5, 150, 10)
        from pt in Steps(10, 150, 1)
        from map in Steps(40, 120, 1)
        from vasopressors in Gen.Frequency((1, Gen.Constant(true)), (3, Gen.Constant(false)))
        from pao2 in Steps(50, 600, 1)
        from spo2 in Steps(80, 500, 1)
        from ratios in Gen.Choose(0, 2)
        from ventilated in Gen.Frequency((1, Gen.Constant(true)), (3, Gen.Constant(false)))
        from forHe in Gen.Elements(true, false)
        from rrt in Gen.Frequency((1, Gen.Constant(true)), (4, Gen.Constant(false)))
        from cause in Gen.Elements(Enum.GetValues<AcuteLiverFailureCause>())
        from days in Steps(0, 300, 10)
        select new Critical(wbc, ph, lactate, pt, map, vasopressors, ratios != 2 ? pao2 : null, ratios != 1 ? spo2 : null, ventilated, forHe, rrt, cause, days);

    /// <summary>Arbitrary patients.</summary>
    public static Arbitrary<Patient> Patient() => PatientGen.ToArbitrary();

    /// <summary>Arbitrary rises of one MELD input, staying inside the realistic ranges.</summary>
    public static Arbitrary<Rise> Rise() =>
        (from p in PatientGen
         from input in Gen.Elements(RaisedInput.Bilirubin, RaisedInput.Inr, RaisedInput.Creatinine)
         from delta in input switch
         {
             RaisedInput.Bilirubin => Steps(1, 200, 10),
             RaisedInput.Inr => Steps(1, 300, 100),
             _ => Steps(1, 100, 10),
         }
         select new Rise(p, input, delta)).ToArbitrary();
}
