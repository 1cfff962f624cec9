using System.Text.RegularExpressions;
using Hepatica.Clinical.Findings;
using Hepatica.Clinical.Immunity;
using Hepatica.Clinical.Prevention;
using Hepatica.Clinical.Scores;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Tests.Prevention;

/// <summary>
/// The prevention plan uses what the snapshot says (issue 11 s.4): corticosteroids of unknown dose or duration give a
/// live-vaccine caution that names the assumption (CDC General Best Practices, altered immunocompetence: ≥ 20 mg/day
/// prednisone for ≥ 14 days); immunosuppressive therapy with HBV serology unknown prompts screening (AASLD 2018; AGA 2015);
/// acute liver failure, ACLF grade 2-3 or intensive care defer routine vaccines (ACIP General Best Practices 2023:
/// moderate or severe acute illness is a precaution); hepatitis B texts follow the serology (CDC 2023, Conners).
/// </summary>
public sealed partial class PreventionContextTests
{
    private static readonly DateOnly Today = new(2026, 11, 20);

    private static readonly string[] AlwaysDue = ["hepatitis-b", "influenza", "tdap-td"];

    private static readonly string[] RoutineIds = ["hepatitis-a", "hepatitis-b", "pneumococcal", "influenza", "zoster", "tdap-td"];

    private static PatientSnapshot Patient(ClinicalFindings? findings = null, Medication[]? meds = null, decimal age = 55m) => new()
    {
        AgeYears = age,
        AssessmentDate = Today,
        Findings = findings ?? new ClinicalFindings { Cirrhosis = true },
        Medications = meds ?? [],
    };

    private static PreventionSection Plan(PatientSnapshot p, HepatitisMarkers? markers = null, params ScoreOutcome[] outcomes) =>
        PreventionPlan.Evaluate(p, outcomes, markers ?? HepatitisMarkers.Unknown);

    private static Recommendation? Item(PreventionSection plan, string id) => plan.Items.FirstOrDefault(i => i.Id == id);

    private static Medication Steroid(decimal? dose, decimal? weeks) =>
        new(MedicationClass.Corticosteroid) { Name = "prednisolone", PrednisoneEquivalentMgPerDay = dose, DurationWeeks = weeks };

    private static decimal? D(string? s) => s is null ? null : decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    // CDC General Best Practices (altered immunocompetence): live vaccines are contraindicated at >= 20 mg/day for >= 14 days.
    // An unknown dose or duration cannot rule that out, so the caution stands and names the assumption; a known part below
    // the threshold rules it out whatever the other part.
    [Theory]
    [InlineData(null, null, true, true)]
    [InlineData(null, "2", true, true)]
    [InlineData(null, "1.9", false, false)]
    [InlineData("20", null, true, true)]
    [InlineData("19.9", null, false, false)]
    [InlineData("20", "2", true, false)]
    public void LiveVaccines_CorticosteroidDoseOrDurationUnknown_CautionNamesTheAssumption(string? dose, string? weeks, bool caution, bool assumed)
    {
        var item = Item(Plan(Patient(meds: [Steroid(D(dose), D(weeks))])), "live-vaccines");
        Assert.Equal(caution, item is { Status: RecommendationStatus.Caution });
        if (assumed)
        {
            Assert.Contains("assumed ≥ 20 mg/day prednisone equivalent for ≥ 14 days until known", item!.Clinician, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void LiveVaccines_CorticosteroidDoseUnknown_AsksForTheDose()
    {
        var plan = Plan(Patient(meds: [Steroid(null, 4m)]));
        Assert.Contains("medications[0].prednisoneEquivalentMgPerDay", plan.Missing);
    }

    // demo-001 records its corticosteroids only as findings.corticosteroidStartDate (Lille day 0): that says the patient
    // is on them, dose and duration unknown, so the same caution and screening apply.
    [Fact]
    public void LiveVaccinesAndScreening_CorticosteroidStartDateOnly_TreatedAsACorticosteroidOfUnknownDose()
    {
        var plan = Plan(Patient(new ClinicalFindings { Cirrhosis = true, CorticosteroidStartDate = Today.AddDays(-7) }));
        Assert.Contains("corticosteroids started on 2026-11-13 (corticosteroid; dose and duration not given", Item(plan, "live-vaccines")!.Clinician, StringComparison.Ordinal);
        Assert.NotNull(Item(plan, "hepatitis-b-screening"));
        var listed = Plan(Patient(new ClinicalFindings { Cirrhosis = true, CorticosteroidStartDate = Today }, [Steroid(10m, 4m)]));
        Assert.Null(Item(listed, "live-vaccines")); // the listed course (10 mg/day) decides: below 20 mg/day
    }

    // AASLD 2018: screen HBsAg and anti-HBc before immunosuppressive or cytotoxic therapy; anti-HBs decides vaccination.
    [Theory]
    [InlineData(MedicationClass.Corticosteroid, true)]
    [InlineData(MedicationClass.TnfInhibitor, true)]
    [InlineData(MedicationClass.BCellDepleting, true)]
    [InlineData(MedicationClass.HcvDirectActingAntiviral, true)]
    [InlineData(MedicationClass.Other, false)]
    public void HepatitisBScreening_ImmunosuppressiveTherapyWithSerologyUnknown_Prompted(MedicationClass c, bool expected)
    {
        var item = Item(Plan(Patient(meds: [new Medication(c)])), "hepatitis-b-screening");
        Assert.Equal(expected, item is { Status: RecommendationStatus.DueNow });
        if (expected)
        {
            Assert.Contains("HBsAg, anti-HBc (total), anti-HBs", item!.Clinician, StringComparison.Ordinal);
            Assert.Equal(HbvReactivation.Aasld2018, item.Source);
        }
    }

    [Fact]
    public void HepatitisBScreening_SerostatusKnown_NotPrompted()
    {
        var meds = new[] { Steroid(40m, 8m) };
        Assert.Null(Item(Plan(Patient(meds: meds), new HepatitisMarkers { HbsAg = false, AntiHbc = false }), "hepatitis-b-screening"));
        var partial = Item(Plan(Patient(meds: meds), new HepatitisMarkers { HbsAg = false, AntiHbsPositive = true }), "hepatitis-b-screening");
        Assert.Contains("test anti-HBc (total) (not given)", partial!.Clinician, StringComparison.Ordinal);
    }

    // ACIP General Best Practices 2023 (Contraindications and Precautions): moderate or severe acute illness is a
    // precaution to every vaccine; vaccinate after recovery.
    public static TheoryData<string, ClinicalFindings, decimal?> AcuteIllnesses => new()
    {
        { "acute liver failure", new ClinicalFindings { AcuteLiverFailure = true }, null },
        { "acute liver failure", new ClinicalFindings { AcuteLiverFailureCause = AcuteLiverFailureCause.Acetaminophen }, null },
        { "intensive care", new ClinicalFindings { Cirrhosis = true, IntensiveCare = true }, null },
        { "intensive care", new ClinicalFindings { Cirrhosis = true, MechanicalVentilation = true }, null },
        { "ACLF grade 2", new ClinicalFindings { Cirrhosis = true }, 2m },
        { "ACLF grade 3", new ClinicalFindings { Cirrhosis = true }, 3m },
    };

    [Theory]
    [MemberData(nameof(AcuteIllnesses))]
    public void RoutineVaccines_SevereAcuteIllness_AfterRecoveryNotDueNow(string reason, ClinicalFindings findings, decimal? aclf)
    {
        var outcomes = aclf is { } g ? new[] { ScoreOutcome.Calculated(new ScoreResult(AclfGrade.Definition, g, null, null, [], [])) } : [];
        var plan = Plan(Patient(findings), null, outcomes);
        Assert.DoesNotContain(plan.Items, i => i.Status == RecommendationStatus.DueNow && i.Id is not ("hepatitis-b-screening" or "alcohol"));
        Assert.All(AlwaysDue, id => Assert.NotNull(Item(plan, id)));
        foreach (var id in RoutineIds.Where(id => Item(plan, id) is not null))
        {
            var item = Item(plan, id);
            Assert.True(item is { Status: RecommendationStatus.AfterRecovery }, id);
            Assert.StartsWith($"After recovery, not now: {reason} is a moderate or severe acute illness", item!.Clinician, StringComparison.Ordinal);
            Assert.DoesNotMatch(NowWord(), item.Clinician["After recovery, not now".Length..]);
            Assert.DoesNotMatch(NowWord(), item.Patient);
            Assert.Contains("when you are well again", item.Patient, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    public void RoutineVaccines_AclfBelowGrade2_StillDueNow(int grade)
    {
        var outcomes = new[] { ScoreOutcome.Calculated(new ScoreResult(AclfGrade.Definition, grade, null, null, [], [])) };
        var plan = Plan(Patient(), null, outcomes);
        Assert.Equal(RecommendationStatus.DueNow, Item(plan, "tdap-td")!.Status);
        Assert.DoesNotContain(plan.Items, i => i.Status == RecommendationStatus.AfterRecovery);
    }

    [Fact]
    public void RoutineVaccines_AcuteIllnessUnknownOrFalse_StillDueNow()
    {
        var plan = Plan(Patient(new ClinicalFindings { Cirrhosis = true, AcuteLiverFailure = false, IntensiveCare = false }));
        Assert.Equal(RecommendationStatus.DueNow, Item(plan, "influenza")!.Status);
    }

    [GeneratedRegex(@"\bnow\b")]
    private static partial Regex NowWord();
}
