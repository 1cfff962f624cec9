using Hepatica.Clinical.Findings;
using Hepatica.Clinical.Scores;
using Hepatica.Clinical.Scoring;
using Hepatica.Clinical.Transplant;

namespace Hepatica.Clinical.Tests.Transplant;

/// <summary>
/// Transplant referral signals at both sides of each guideline threshold: MELD-Na/MELD 3.0 ≥ 15 in cirrhosis
/// (AASLD/AST 2013), a major complication of cirrhosis (EASL 2016), UKELD ≥ 49 (Barber 2011), King's College criteria met
/// (EASL 2017), ACLF grade 2-3 (EASL 2023).
/// </summary>
public sealed class TransplantSignalsTests
{
    private static ScoreOutcome Calculated(ScoreDefinition definition, decimal value) =>
        ScoreOutcome.Calculated(new ScoreResult(definition, value, null, null, [], []));

    private static ScoreOutcome Fake(string id, decimal value) =>
        Calculated(new ScoreDefinition(id, "1.0.0", id, 0m, null, "none", [], [TransplantSignals.Easl2016]), value);

    private static PatientSnapshot Patient(bool? cirrhosis, Ascites? ascites = null, int grade = 0, bool? bleeding = null) => new()
    {
        Findings = new ClinicalFindings { Cirrhosis = cirrhosis, Ascites = ascites, Encephalopathy = EncephalopathyGrade.FromWestHaven(grade), VaricealBleeding = bleeding },
    };

    [Theory]
    [InlineData("14", "14", false)]
    [InlineData("15", "10", true)]   // MELD 3.0 at the threshold
    [InlineData("10", "15", true)]   // MELD-Na at the threshold
    [InlineData("14", "40", true)]
    public void Meld_15_in_cirrhosis(string meld3, string meldNa, bool expected)
    {
        // Every complication stated absent: with some not given, a possible decompensation signal would name them.
        var section = TransplantSignals.Evaluate(Patient(true, Ascites.None, 0, false),
            [Calculated(Meld3.Definition, decimal.Parse(meld3, System.Globalization.CultureInfo.InvariantCulture)), Calculated(MeldNa.Definition, decimal.Parse(meldNa, System.Globalization.CultureInfo.InvariantCulture))]);
        Assert.Equal(expected, section.Signals.Any(s => s.Id == "meld-15-cirrhosis"));
        Assert.Empty(section.Missing);
        Assert.All(section.Signals, s => Assert.Equal(SignalUrgency.Refer, s.Urgency));
    }

    [Fact]
    public void Meld_15_without_cirrhosis_stated_asks_for_it_instead_of_guessing()
    {
        var outcomes = new[] { Calculated(Meld3.Definition, 20m) };
        var unknown = TransplantSignals.Evaluate(Patient(cirrhosis: null), outcomes);
        Assert.Empty(unknown.Signals);
        Assert.Equal(["findings.cirrhosis"], unknown.Missing);
        var none = TransplantSignals.Evaluate(Patient(cirrhosis: false), outcomes);
        Assert.Empty(none.Signals);
        Assert.Empty(none.Missing);
    }

    [Theory]
    [InlineData(Ascites.None, 0, false, false)]
    [InlineData(Ascites.Mild, 0, false, true)]
    [InlineData(Ascites.None, 1, false, true)]
    [InlineData(Ascites.None, 0, true, true)]
    public void A_first_major_complication_of_cirrhosis(Ascites ascites, int grade, bool bleeding, bool expected)
    {
        var section = TransplantSignals.Evaluate(Patient(true, ascites, grade, bleeding), []);
        Assert.Equal(expected, section.Signals.Any(s => s.Id == "decompensation" && s.Source == TransplantSignals.Easl2016));
    }

    [Theory]
    [InlineData("48", false)]
    [InlineData("49", true)]
    public void Ukeld_49(string ukeld, bool expected)
    {
        var section = TransplantSignals.Evaluate(Patient(true), [Calculated(Ukeld.Definition, decimal.Parse(ukeld, System.Globalization.CultureInfo.InvariantCulture))]);
        Assert.Equal(expected, section.Signals.Any(s => s.Id == "ukeld-49"));
    }

    [Theory]
    [InlineData("kcc-acetaminophen", "1", true)]
    [InlineData("kcc-acetaminophen", "0", false)]
    [InlineData("kcc-acetaminophen-lactate", "1", true)]
    [InlineData("kcc-non-acetaminophen", "1", true)]
    public void Kings_college_criteria_met_is_urgent_and_listed_first(string id, string value, bool expected)
    {
        var section = TransplantSignals.Evaluate(Patient(true, Ascites.Mild), [Fake(id, decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture))]);
        Assert.Equal(expected, section.Signals.Any(s => s.Id == "alf-kings-college"));
        if (expected)
        {
            Assert.Equal(SignalUrgency.Urgent, section.Signals[0].Urgency);
            Assert.Equal(TransplantSignals.Easl2017Alf, section.Signals[0].Source);
        }
    }

    [Theory]
    [InlineData("0", false)]
    [InlineData("1", false)]
    [InlineData("2", true)]
    [InlineData("3", true)]
    public void Aclf_grade_2_or_3_is_urgent(string grade, bool expected)
    {
        var section = TransplantSignals.Evaluate(Patient(null), [Fake("aclf-grade", decimal.Parse(grade, System.Globalization.CultureInfo.InvariantCulture))]);
        Assert.Equal(expected, section.Signals.Any(s => s.Id == "aclf-grade-2-3" && s.Urgency == SignalUrgency.Urgent));
    }

    [Fact]
    public void Every_signal_cites_a_guideline_and_is_worded_as_a_prompt()
    {
        var section = TransplantSignals.Evaluate(Patient(true, Ascites.ModerateSevere, 2, true),
            [Calculated(Meld3.Definition, 30m), Calculated(Ukeld.Definition, 60m), Fake("aclf-grade", 3m), Fake("kcc-non-acetaminophen", 1m)]);
        Assert.Equal(5, section.Signals.Count);
        Assert.All(section.Signals, s =>
        {
            Assert.InRange(s.Source.Year, 2011, 2030);
            Assert.Matches("(refer|assess|discuss|meets)", s.Reason);
        });
        Assert.Equal([SignalUrgency.Urgent, SignalUrgency.Urgent], section.Signals.Take(2).Select(s => s.Urgency));
    }

    [Fact]
    public void The_assessment_carries_the_section()
    {
        var snapshot = Tests.Scores.Cases.CompleteSnapshot() with { Findings = Tests.Scores.Cases.CompleteSnapshot().Findings with { Cirrhosis = true } };
        var assessment = Assessment.Of(snapshot);
        Assert.Contains(assessment.Transplant.Signals, s => s.Id == "decompensation"); // mild ascites and grade 1 encephalopathy in the complete snapshot
    }
}

/// <summary>The signals read from the real scores, end to end through <see cref="Assessment.Of"/>.</summary>
public sealed class TransplantSignalsEndToEndTests
{
    [Fact]
    public void Acetaminophen_acute_liver_failure_with_ph_below_7_30_is_urgent()
    {
        // O'Grady 1989: arterial pH < 7.30 after resuscitation meets the acetaminophen criteria on its own.
        var snapshot = new PatientSnapshot
        {
            AgeYears = 24m,
            Labs = new global::Hepatica.Clinical.Labs.LabPanel { ArterialPh = ArterialPh.FromValue(7.25m) },
            Findings = new ClinicalFindings { AcuteLiverFailureCause = AcuteLiverFailureCause.Acetaminophen },
        };
        var signal = Assert.Single(Assessment.Of(snapshot).Transplant.Signals);
        Assert.Equal("alf-kings-college", signal.Id);
        Assert.Equal(SignalUrgency.Urgent, signal.Urgency);
    }

    [Fact]
    public void Two_organ_failures_make_aclf_grade_2_and_an_urgent_signal()
    {
        // Moreau 2013: liver failure (bilirubin ≥ 12 mg/dL) and kidney failure (creatinine ≥ 2.0 mg/dL): two organ failures, grade 2.
        var snapshot = new PatientSnapshot
        {
            AgeYears = 50m,
            Labs = new global::Hepatica.Clinical.Labs.LabPanel
            {
                Bilirubin = Bilirubin.FromMilligramsPerDeciliter(13m),
                Creatinine = Creatinine.FromMilligramsPerDeciliter(2.5m),
                Inr = Inr.FromRatio(1.5m),
            },
            Findings = new ClinicalFindings
            {
                Encephalopathy = EncephalopathyGrade.FromWestHaven(0), RenalReplacementTherapy = false, Vasopressors = false,
                MeanArterialPressure = 80m, MechanicalVentilation = false, PaO2FiO2 = 400m, Cirrhosis = true,
            },
        };
        var assessment = Assessment.Of(snapshot);
        Assert.Equal(2m, assessment.Outcomes.Single(o => o.Definition.Id == "aclf-grade").Result!.Value);
        Assert.Equal("aclf-grade-2-3", assessment.Transplant.Signals[0].Id);
    }
}
