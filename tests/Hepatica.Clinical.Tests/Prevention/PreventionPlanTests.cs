using Hepatica.Clinical.Findings;
using Hepatica.Clinical.Immunity;
using Hepatica.Clinical.Prevention;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Tests.Prevention;

/// <summary>
/// The prevention plan against ACIP: age boundaries 19 and 50 (pneumococcal and RZV for everyone from 50; RZV from 19 when
/// immunocompromised), hepatitis A and B in chronic liver disease, post-vaccination anti-HBs when immunocompromised, yearly
/// influenza, Tdap/Td every 10 years, live vaccines under immunosuppression, and the alcohol point.
/// </summary>
public sealed class PreventionPlanTests
{
    private static readonly DateOnly Today = new(2026, 11, 20);

    private static PatientSnapshot Patient(decimal age, bool? cirrhosis = true, Vaccination[]? doses = null, MedicalHistory? history = null, Medication[]? meds = null) => new()
    {
        AgeYears = age,
        AssessmentDate = Today,
        Findings = new ClinicalFindings { Cirrhosis = cirrhosis },
        Vaccinations = doses ?? [],
        History = history ?? MedicalHistory.Empty,
        Medications = meds ?? [],
    };

    private static PreventionSection Plan(PatientSnapshot p, HepatitisMarkers? markers = null, params ScoreOutcome[] outcomes) =>
        PreventionPlan.Evaluate(p, outcomes, markers ?? HepatitisMarkers.Unknown);

    private static Recommendation? Item(PreventionSection plan, string id) => plan.Items.FirstOrDefault(i => i.Id == id);

    [Fact]
    public void Every_item_has_a_source_and_both_texts()
    {
        var plan = Plan(Patient(55m, history: new MedicalHistory { TransplantRecipient = true, AlcoholRelatedLiverDisease = true }));
        Assert.Equal(["hepatitis-a", "hepatitis-b", "pneumococcal", "influenza", "zoster", "tdap-td", "live-vaccines", "alcohol"], plan.Items.Select(i => i.Id));
        Assert.All(plan.Items, i =>
        {
            Assert.NotNull(i.Source);
            Assert.False(string.IsNullOrWhiteSpace(i.Clinician));
            Assert.False(string.IsNullOrWhiteSpace(i.Patient));
        });
    }

    [Theory]
    [InlineData("18.9", false)]
    [InlineData("19", true)]
    public void Age_19_starts_the_adult_plan(string age, bool adult)
    {
        var plan = Plan(Patient(D(age)));
        Assert.Equal(adult, Item(plan, "adult-schedule") is null);
        Assert.Equal(adult, Item(plan, "hepatitis-b") is not null);
    }

    [Theory]
    [InlineData("49.9", false, false)]
    [InlineData("50", false, true)]
    [InlineData("49.9", true, true)]
    public void Pneumococcal_for_everyone_from_50_and_19_49_with_chronic_liver_disease(string age, bool liverDisease, bool expected)
    {
        var plan = Plan(Patient(D(age), cirrhosis: liverDisease ? true : null));
        Assert.Equal(expected, Item(plan, "pneumococcal") is not null);
    }

    [Theory]
    [InlineData("49.9", false, false)]
    [InlineData("50", false, true)]
    [InlineData("19", true, true)]
    public void Zoster_from_50_or_from_19_when_immunocompromised(string age, bool transplant, bool expected)
    {
        var plan = Plan(Patient(D(age), history: new MedicalHistory { TransplantRecipient = transplant }));
        Assert.Equal(expected, Item(plan, "zoster") is not null);
    }

    [Fact]
    public void Pneumococcal_pcv20_complete_pcv15_then_ppsv23_one_year_later()
    {
        Assert.Equal(RecommendationStatus.Complete, Item(Plan(Patient(60m, doses: [new(Vaccine.Pcv20, new(2025, 1, 1))])), "pneumococcal")!.Status);
        var pcv15 = Item(Plan(Patient(60m, doses: [new(Vaccine.Pcv15, new(2026, 3, 1))])), "pneumococcal")!;
        Assert.Equal(RecommendationStatus.DueOn, pcv15.Status);
        Assert.Equal(new DateOnly(2027, 3, 1), pcv15.DueOn);
        var immunocompromised = Item(Plan(Patient(60m, doses: [new(Vaccine.Pcv15, new(2026, 10, 1))], history: new MedicalHistory { TransplantRecipient = true })), "pneumococcal")!;
        Assert.Equal(new DateOnly(2026, 11, 26), immunocompromised.DueOn);
        Assert.Equal(RecommendationStatus.Complete, Item(Plan(Patient(60m, doses: [new(Vaccine.Pcv15, new(2025, 1, 1)), new(Vaccine.Ppsv23, new(2026, 1, 5))])), "pneumococcal")!.Status);
    }

    [Fact]
    public void Hepatitis_B_series_due_on_then_complete_then_interrupted()
    {
        var due = Item(Plan(Patient(40m, doses: [new(Vaccine.HepB, new(2026, 10, 1)), new(Vaccine.HepB, new(2026, 11, 1))])), "hepatitis-b")!;
        Assert.Equal(RecommendationStatus.DueOn, due.Status);
        Assert.Equal(new DateOnly(2027, 4, 1), due.DueOn);
        var complete = Item(Plan(Patient(40m, doses: [new(Vaccine.HepBCpg, new(2026, 1, 1)), new(Vaccine.HepBCpg, new(2026, 2, 1))])), "hepatitis-b")!;
        Assert.Equal(RecommendationStatus.Complete, complete.Status);
        var interrupted = Item(Plan(Patient(40m, doses: [new(Vaccine.HepB, new(2024, 1, 1))])), "hepatitis-b")!;
        Assert.Equal(RecommendationStatus.DueNow, interrupted.Status);
        Assert.Contains("no restart", interrupted.Clinician, StringComparison.Ordinal);
    }

    [Fact]
    public void Hepatitis_B_dose_too_early_is_named_and_repeated()
    {
        var item = Item(Plan(Patient(40m, doses: [new(Vaccine.HepB, new(2026, 11, 1)), new(Vaccine.HepB, new(2026, 11, 10))])), "hepatitis-b")!;
        Assert.Equal(RecommendationStatus.DueOn, item.Status);
        Assert.Equal(new DateOnly(2026, 12, 8), item.DueOn);
        Assert.Contains("2026-11-10", item.Clinician, StringComparison.Ordinal);
        Assert.Contains("do not count", item.Clinician, StringComparison.Ordinal);
    }

    [Fact]
    public void Hepatitis_B_serology_decides_before_doses()
    {
        Assert.Equal(RecommendationStatus.NotRecommended, Item(Plan(Patient(40m), new HepatitisMarkers { HbsAg = true }), "hepatitis-b")!.Status);
        Assert.Equal(RecommendationStatus.NotRecommended, Item(Plan(Patient(40m), new HepatitisMarkers { HbsAg = false, AntiHbc = true }), "hepatitis-b")!.Status);
        Assert.Equal(RecommendationStatus.Complete, Item(Plan(Patient(40m), new HepatitisMarkers { AntiHbsMilliIuPerMl = 10m }), "hepatitis-b")!.Status);
        Assert.Equal(RecommendationStatus.DueNow, Item(Plan(Patient(40m), new HepatitisMarkers { AntiHbsMilliIuPerMl = 9.9m }), "hepatitis-b")!.Status);
        Assert.Equal(RecommendationStatus.Complete, Item(Plan(Patient(40m), new HepatitisMarkers { AntiHavIgG = true }), "hepatitis-a")!.Status);
    }

    [Theory]
    [InlineData("59.9", true)]
    [InlineData("60", false)]
    public void Hepatitis_B_universal_to_59_then_needs_liver_disease(string age, bool recommended)
    {
        var plan = Plan(Patient(D(age), cirrhosis: null));
        Assert.Equal(recommended, Item(plan, "hepatitis-b") is not null);
        Assert.Contains("findings.chronicLiverDisease", plan.Missing);
    }

    [Fact]
    public void Chronic_liver_disease_stated_false_settles_the_liver_indications_without_asking()
    {
        // ACIP: hepatitis A for chronic liver disease; hepatitis B universal to 59, then for risk (chronic liver disease);
        // pneumococcal from 50, or 19-49 with chronic liver disease.
        var none = Patient(60m, cirrhosis: false) with { Findings = new ClinicalFindings { Cirrhosis = false, ChronicLiverDisease = false } };
        var plan = Plan(none);
        Assert.DoesNotContain("findings.chronicLiverDisease", plan.Missing);
        Assert.Null(Item(plan, "hepatitis-a"));
        Assert.Null(Item(plan, "hepatitis-b"));
        Assert.NotNull(Item(plan, "pneumococcal")); // indicated by age 60 alone
        var young = Plan(Patient(40m, cirrhosis: false) with { Findings = new ClinicalFindings { ChronicLiverDisease = false } });
        Assert.Null(Item(young, "pneumococcal"));
        Assert.DoesNotContain("findings.chronicLiverDisease", young.Missing);
    }

    [Fact]
    public void Chronic_liver_disease_without_cirrhosis_is_an_indication()
    {
        var plan = Plan(Patient(40m, cirrhosis: false) with { Findings = new ClinicalFindings { Cirrhosis = false, ChronicLiverDisease = true } });
        Assert.Equal(RecommendationStatus.DueNow, Item(plan, "hepatitis-a")!.Status);
        Assert.NotNull(Item(plan, "pneumococcal"));
        Assert.Empty(plan.Missing);
    }

    [Fact]
    public void Anti_HBs_test_after_the_series_when_immunocompromised()
    {
        var doses = new Vaccination[] { new(Vaccine.HepBCpg, new(2026, 10, 1)), new(Vaccine.HepBCpg, new(2026, 11, 1)) };
        var test = Item(Plan(Patient(40m, doses: doses, history: new MedicalHistory { TransplantRecipient = true })), "hepatitis-b-anti-hbs-test")!;
        Assert.Equal(RecommendationStatus.DueOn, test.Status);
        Assert.Equal(new DateOnly(2026, 12, 1), test.DueOn);
        Assert.Null(Item(Plan(Patient(40m, doses: doses)), "hepatitis-b-anti-hbs-test"));
    }

    [Theory]
    [InlineData("2026-07-01", RecommendationStatus.Complete)]
    [InlineData("2026-06-30", RecommendationStatus.DueNow)]
    public void Influenza_once_per_season_from_July(string date, RecommendationStatus expected)
    {
        var plan = Plan(Patient(40m, doses: [new(Vaccine.Influenza, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture))]));
        Assert.Equal(expected, Item(plan, "influenza")!.Status);
    }

    [Fact]
    public void Tdap_once_then_Td_every_10_years()
    {
        Assert.Equal(RecommendationStatus.DueNow, Item(Plan(Patient(40m, doses: [new(Vaccine.Td, new(2020, 1, 1))])), "tdap-td")!.Status);
        Assert.Equal(RecommendationStatus.Complete, Item(Plan(Patient(40m, doses: [new(Vaccine.Tdap, new(2016, 11, 21))])), "tdap-td")!.Status);
        Assert.Equal(RecommendationStatus.DueNow, Item(Plan(Patient(40m, doses: [new(Vaccine.Tdap, new(2016, 11, 20))])), "tdap-td")!.Status);
    }

    [Theory]
    [InlineData("20", "2", true)]
    [InlineData("19.9", "4", false)]
    [InlineData("40", "1.9", false)]
    public void Live_vaccine_caution_under_steroids_of_20_mg_for_2_weeks(string dose, string weeks, bool caution)
    {
        var meds = new[] { new Medication(MedicationClass.Corticosteroid) { PrednisoneEquivalentMgPerDay = D(dose), DurationWeeks = D(weeks) } };
        Assert.Equal(caution, Item(Plan(Patient(40m, meds: meds)), "live-vaccines") is { Status: RecommendationStatus.Caution });
    }

    [Fact]
    public void Live_vaccine_caution_after_transplant()
    {
        Assert.NotNull(Item(Plan(Patient(40m, history: new MedicalHistory { TransplantRecipient = true })), "live-vaccines"));
        Assert.Null(Item(Plan(Patient(40m)), "live-vaccines"));
    }

    [Theory]
    [InlineData(Sex.Male, "4", true)]
    [InlineData(Sex.Male, "3", false)]
    [InlineData(Sex.Female, "3", true)]
    [InlineData(Sex.Female, "2", false)]
    public void Alcohol_when_AUDIT_C_is_positive(Sex sex, string score, bool expected)
    {
        var audit = ScoreOutcome.Calculated(new ScoreResult(
            new ScoreDefinition("audit-c", "1.0.0", "AUDIT-C", 0m, 12m, "none", [], [PreventionPlan.Aasld2019Alcohol]), D(score), null, null, [], []));
        var plan = Plan(Patient(40m) with { Sex = sex }, null, audit);
        Assert.Equal(expected, Item(plan, "alcohol") is not null);
    }

    [Fact]
    public void Without_an_assessment_date_no_schedule_is_guessed()
    {
        var plan = Plan(Patient(40m) with { AssessmentDate = null });
        Assert.Equal(["assessmentDate"], plan.Missing);
        Assert.Empty(plan.Items);
    }

    private static decimal D(string s) => decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
}
