using Hepatica.Clinical.Findings;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Json.Tests;

/// <summary>Reading medications, vaccinations, history, assessmentDate and the immune-side labs; every bad input reported.</summary>
public sealed class ImmuneInputsTests
{
    private static SnapshotReadResult Read(string json) => SnapshotReader.Read(json);

    [Fact]
    public void Read_full_immune_inputs()
    {
        var r = Read("""
            {"assessmentDate": "2026-11-20",
             "labs": {"lymphocytes": {"value": 600, "unit": "/uL"}, "neutrophils": {"value": 1.6, "unit": "10*9/L"}, "ascitesProtein": {"value": 11, "unit": "g/L"}},
             "history": {"priorSbp": true, "giBleedingNow": false, "transplantRecipient": false, "alcoholRelatedLiverDisease": true},
             "medications": [{"class": "corticosteroid", "code": {"system": "atc", "value": "h02ab06"}, "name": "prednisolone", "prednisoneEquivalentMgPerDay": 40, "durationWeeks": 4, "start": "2026-11-10"},
                             {"code": {"system": "rxnorm", "value": "121191"}}],
             "vaccinations": [{"vaccine": "hepb", "cvx": "43", "date": "2026-06-01"}, {"cvx": "189", "date": "2026-05-01"}]}
            """);
        Assert.Empty(r.Issues);
        var s = r.Snapshot!;
        Assert.Equal(new DateOnly(2026, 11, 20), s.AssessmentDate);
        Assert.Equal(0.6m, s.Labs.Lymphocytes!.Value.BillionsPerLiter);
        Assert.Equal(1.6m, s.Labs.Neutrophils!.Value.BillionsPerLiter);
        Assert.Equal(1.1m, s.Labs.AscitesProtein!.Value.GramsPerDeciliter);
        Assert.Equal(new MedicalHistory { PriorSbp = true, GiBleedingNow = false, TransplantRecipient = false, AlcoholRelatedLiverDisease = true }, s.History);
        Assert.Equal(MedicationClass.Corticosteroid, s.Medications[0].Class);
        Assert.Equal(40m, s.Medications[0].PrednisoneEquivalentMgPerDay);
        Assert.Equal(MedicationClass.BCellDepleting, s.Medications[1].Class);
        Assert.Equal("rituximab", s.Medications[1].Name);
        Assert.Equal([Vaccine.HepBCpg, Vaccine.HepB], s.Vaccinations.Select(v => v.Vaccine));
    }

    [Fact]
    public void Read_unknown_codes_warn_and_the_class_or_vaccine_given_is_used()
    {
        var r = Read("""
            {"medications": [{"class": "tnf-inhibitor", "code": {"system": "atc", "value": "X99ZZ99"}}],
             "vaccinations": [{"vaccine": "hepa", "cvx": "9999", "date": "2026-01-01"}]}
            """);
        Assert.Equal([(IssueCodes.UnknownMedicationCode, "medications[0].code"), (IssueCodes.UnknownCvx, "vaccinations[0].cvx")],
            r.Issues.Select(i => (i.Code, i.Path)));
        Assert.All(r.Issues, i => Assert.Equal(IssueSeverity.Warning, i.Severity));
        Assert.Contains("X99ZZ99", r.Issues[0].Message, StringComparison.Ordinal);
        Assert.Equal(MedicationClass.TnfInhibitor, r.Snapshot!.Medications.Single().Class);
        Assert.Equal(Vaccine.HepA, r.Snapshot.Vaccinations.Single().Vaccine);
    }

    [Fact]
    public void Read_class_and_code_disagreeing_warns_and_keeps_the_class()
    {
        var r = Read("""
            {"medications": [{"class": "tnf-inhibitor", "code": {"system": "atc", "value": "L01FA01"}}],
             "vaccinations": [{"vaccine": "hepa", "cvx": "43", "date": "2026-01-01"}]}
            """);
        Assert.Equal([IssueCodes.MedicationClassMismatch, IssueCodes.VaccineCvxMismatch], r.Issues.Select(i => i.Code));
        Assert.Contains("rituximab", r.Issues[0].Message, StringComparison.Ordinal);
        Assert.Equal(MedicationClass.TnfInhibitor, r.Snapshot!.Medications.Single().Class);
        Assert.Equal(Vaccine.HepA, r.Snapshot.Vaccinations.Single().Vaccine);
    }

    [Fact]
    public void Read_unidentifiable_items_are_errors_and_left_out()
    {
        var r = Read("""
            {"medications": [{"code": {"system": "rxnorm", "value": "1"}}, {"name": "x"}, {"class": "steroid"}],
             "vaccinations": [{"cvx": "1"}, {"vaccine": "bcg", "date": "2026-01-01"}]}
            """);
        Assert.Equal(
            [
                (IssueCodes.UnknownMedicationCode, "medications[0].code"),
                (IssueCodes.MedicationUnclassified, "medications[0]"),
                (IssueCodes.MedicationUnclassified, "medications[1]"),
                (IssueCodes.InvalidValue, "medications[2].class"),
                (IssueCodes.UnknownCvx, "vaccinations[0].cvx"),
                (IssueCodes.VaccineUnidentified, "vaccinations[0]"),
                (IssueCodes.InvalidDate, "vaccinations[0].date"),
                (IssueCodes.InvalidValue, "vaccinations[1].vaccine"),
            ],
            r.Issues.Select(i => (i.Code, i.Path)));
        Assert.Empty(r.Snapshot!.Medications);
        Assert.Empty(r.Snapshot.Vaccinations);
    }

    [Fact]
    public void Read_wrong_types_and_bad_values()
    {
        var r = Read("""
            {"assessmentDate": "20/11/2026", "medications": {}, "vaccinations": [{"vaccine": "hepb", "date": "2026-02-30"}],
             "history": {"priorSbp": "yes", "smoker": true},
             "labs": {"ascitesProtein": {"value": 15, "unit": "g/dL"}, "lymphocytes": {"value": 0, "unit": "10*9/L"}}}
            """);
        Assert.Equal(
            [
                (IssueCodes.InvalidDate, "assessmentDate"),
                (IssueCodes.WrongType, "medications"),
                (IssueCodes.InvalidDate, "vaccinations[0].date"),
                (IssueCodes.WrongType, "history.priorSbp"),
                (IssueCodes.UnknownKey, "history.smoker"),
                (IssueCodes.ImpossibleValue, "labs.ascitesProtein.value"),
                (IssueCodes.ImpossibleValue, "labs.lymphocytes.value"),
            ],
            r.Issues.Select(i => (i.Code, i.Path)));
        var s = r.Snapshot!;
        Assert.Null(s.AssessmentDate);
        Assert.Empty(s.Vaccinations);
        Assert.Null(s.History.PriorSbp);
        Assert.Null(s.Labs.AscitesProtein);
    }

    [Fact]
    public void Read_medication_numbers_out_of_range_are_errors()
    {
        var r = Read("""{"medications": [{"class": "corticosteroid", "prednisoneEquivalentMgPerDay": 0, "durationWeeks": -1, "start": 5}]}""");
        Assert.Equal(
            [
                (IssueCodes.InvalidValue, "medications[0].prednisoneEquivalentMgPerDay"),
                (IssueCodes.InvalidValue, "medications[0].durationWeeks"),
                (IssueCodes.WrongType, "medications[0].start"),
            ],
            r.Issues.Select(i => (i.Code, i.Path)));
        Assert.Equal(MedicationClass.Corticosteroid, r.Snapshot!.Medications.Single().Class);
    }
}
