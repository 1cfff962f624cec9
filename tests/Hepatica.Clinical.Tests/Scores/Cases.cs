using System.Globalization;
using Hepatica.Clinical.Findings;
using Hepatica.Clinical.Labs;
using Hepatica.Clinical.Scores;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Tests.Scores;

/// <summary>
/// Builders shared by the score tables. Table rows give numbers as strings so that every value is an exact
/// decimal (an InlineData double such as 1.1 is not).
/// </summary>
internal static class Cases
{
    /// <summary>Absolute tolerance for an unrounded value written to 6 decimals in a table row.</summary>
    public const decimal UnroundedTolerance = 0.000005m;

    /// <summary>The scores every adult with cirrhosis' usual inputs gets (the others are for children, acute liver failure, ACLF, alcohol-associated hepatitis).</summary>
    public static readonly IReadOnlySet<string> AdultCirrhosisScores = new HashSet<string>(StringComparer.Ordinal)
    {
        "meld", "meld-na", "meld-3.0", "child-pugh", "albi", "fib-4", "apri", "ukeld", "meld-na-kim-2008",
    };

    public static decimal D(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

    public static Meld.Inputs MeldInputs(string bilirubinMgDl, string creatinineMgDl, string inr, bool dialysis) =>
        new(Bilirubin.FromMilligramsPerDeciliter(D(bilirubinMgDl)), Creatinine.FromMilligramsPerDeciliter(D(creatinineMgDl)), Inr.FromRatio(D(inr)), dialysis);

    public static Meld3.Inputs Meld3Inputs(Sex sex, string age, string bilirubin, string sodium, string inr, string creatinine, string albumin, bool dialysis) =>
        new(sex, D(age), Bilirubin.FromMilligramsPerDeciliter(D(bilirubin)), Creatinine.FromMilligramsPerDeciliter(D(creatinine)), Inr.FromRatio(D(inr)),
            Sodium.FromMillimolesPerLiter(D(sodium)), Albumin.FromGramsPerDeciliter(D(albumin)), dialysis);

    /// <summary>
    /// EASL-CLIF organ inputs; the defaults score 1 point in every organ with no organ failure (bilirubin 1, creatinine 1,
    /// no RRT, no encephalopathy, INR 1, no vasopressors, MAP 80, not ventilated, PaO2/FiO2 400): CLIF-C OF 6, no ACLF.
    /// </summary>
    public static OrganInputs Organs(
        string bili = "1", string cr = "1", bool rrt = false, int he = 0, string inr = "1", bool vasopressors = false, string? map = "80",
        bool ventilated = false, bool forHe = false, string? pao2 = "400", string? spo2 = null) =>
        new(Bilirubin.FromMilligramsPerDeciliter(D(bili)), Creatinine.FromMilligramsPerDeciliter(D(cr)), rrt, EncephalopathyGrade.FromWestHaven(he),
            Inr.FromRatio(D(inr)), vasopressors, map is null ? null : D(map), ventilated, forHe, pao2 is null ? null : D(pao2), spo2 is null ? null : D(spo2));

    /// <summary>
    /// A snapshot that has every input of every catalog score: a typical decompensated cirrhotic on the ward, without
    /// organ failure (no ACLF), with an acute liver failure cause (hepatitis B) so that the King's College criteria can be
    /// asked for.
    /// </summary>
    public static PatientSnapshot CompleteSnapshot() => new()
    {
        Sex = Sex.Male,
        AgeYears = 55m,
        Labs = new LabPanel
        {
            Bilirubin = Bilirubin.FromMilligramsPerDeciliter(2.5m),
            Creatinine = Creatinine.FromMilligramsPerDeciliter(1.2m),
            Inr = Inr.FromRatio(1.5m),
            Sodium = Sodium.FromMillimolesPerLiter(131m),
            Albumin = Albumin.FromGramsPerDeciliter(3.0m),
            Platelets = Platelets.FromBillionsPerLiter(90m),
            Ast = Ast.FromUnitsPerLiter(80m),
            Alt = Alt.FromUnitsPerLiter(50m),
            AstUpperLimit = Ast.FromUnitsPerLiter(40m),
            AltUpperLimit = Alt.FromUnitsPerLiter(40m),
            Alp = Alp.FromUnitsPerLiter(150m),
            AlpUpperLimit = Alp.FromUnitsPerLiter(120m),
            BilirubinUpperLimit = Bilirubin.FromMilligramsPerDeciliter(1.2m),
            Wbc = WhiteCells.FromBillionsPerLiter(6m),
            ArterialPh = ArterialPh.FromValue(7.40m),
            Lactate = Lactate.FromMillimolesPerLiter(1.5m),
            Urea = Urea.FromMillimolesPerLiter(6m),
            ProthrombinTime = ProthrombinTime.FromSeconds(17m),
            ProthrombinTimeControl = ProthrombinTime.FromSeconds(12m),
        },
        Findings = new ClinicalFindings
        {
            Ascites = Ascites.Mild,
            Encephalopathy = EncephalopathyGrade.FromWestHaven(1),
            DialysisTwiceInPastWeek = false,
            CholestaticLiverDisease = false,
            FattyLiverDisease = false,
            MeanArterialPressure = 78m,
            Vasopressors = false,
            SpO2FiO2 = 467m,
            MechanicalVentilation = false,
            RenalReplacementTherapy = false,
            AcuteLiverFailureCause = AcuteLiverFailureCause.HepatitisB,
            JaundiceToEncephalopathyDays = 3m,
            CorticosteroidStartDate = new DateOnly(2026, 11, 1),
            DiabetesOrImpairedFastingGlucose = false,
        },
        Bmi = 27m,
        Autoimmune = new AutoimmuneFindings
        {
            AnaTiter = 40, SmaTiter = 0, LkmTiter = 0, SlaLpPositive = false,
            IgG = ImmunoglobulinG.FromGramsPerLiter(17m), IgGUpperLimit = ImmunoglobulinG.FromGramsPerLiter(16m),
            Histology = AihHistology.Compatible, ViralHepatitisExcluded = false,
        },
        Dili = new DrugInjuryFindings
        {
            NoOtherExplanation = false, ImmuneCheckpointInhibitor = true,
            // R = (50/40) / (150/120) = 1: the cholestatic or mixed form of RUCAM.
            RucamTimeToOnset = RucamTimeToOnset.Suggestive, RucamCourse = RucamCourse.Decrease50Within180Days, RucamAlcohol = false, RucamPregnancy = false,
            RucamConcomitant = RucamConcomitant.None, RucamAlternativeCauses = RucamAlternativeCauses.GroupOneRuledOut,
            RucamPreviousHepatotoxicity = RucamPreviousHepatotoxicity.Unknown, RucamReexposure = RucamReexposure.NotDoneOrOther,
        },
        Alcohol = new AlcoholFindings { AuditCQ1 = 2, AuditCQ2 = 1, AuditCQ3 = 1 },
        Series = new LabSeries
        {
            Bilirubin = [new(new DateOnly(2026, 11, 1), Bilirubin.FromMilligramsPerDeciliter(2.5m)), new(new DateOnly(2026, 11, 8), Bilirubin.FromMilligramsPerDeciliter(2.0m))],
            Albumin = [new(new DateOnly(2026, 11, 1), Albumin.FromGramsPerDeciliter(3.0m))],
            Creatinine = [new(new DateOnly(2026, 11, 1), Creatinine.FromMilligramsPerDeciliter(1.2m))],
            ProthrombinTime = [new(new DateOnly(2026, 11, 1), ProthrombinTime.FromSeconds(17m))],
        },
    };

    /// <summary>Asserts a value with the row's source in the failure message.</summary>
    public static void Equal(decimal expected, decimal actual, string source) =>
        Assert.True(expected == actual, $"expected {expected}, got {actual} ({source})");

    /// <summary>Asserts an unrounded value to the tolerance of a 6-decimal hand computation.</summary>
    public static void Near(string expected, decimal? actual, string source)
    {
        Assert.NotNull(actual);
        var e = D(expected);
        Assert.True(Math.Abs(e - actual.Value) <= UnroundedTolerance, $"expected {e} ± {UnroundedTolerance}, got {actual} ({source})");
    }

    /// <summary>Asserts an unrounded value to the tolerance of a 6-decimal hand computation.</summary>
    public static void Near(decimal expected, decimal? actual, string source) => Near(expected.ToString(CultureInfo.InvariantCulture), actual, source);

    /// <summary>The value of the last rounding, cap or bound step: the number the breakdown says was reported.</summary>
    public static decimal? LastReportedStep(ScoreResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Steps.LastOrDefault(s => s.Kind is StepKind.Rounding or StepKind.Cap or StepKind.Bound)?.Value;
    }
}
