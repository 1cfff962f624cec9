using Hepatica.Clinical.Course;
using Hepatica.Clinical.Findings;
using Hepatica.Clinical.Labs;
using Hepatica.Clinical.Scores;
using Hepatica.Clinical.Serology;

namespace Hepatica.Clinical.Tests.Course;

/// <summary>
/// <see cref="CoursePoint.Of"/>: scores read from the assessment's outcomes (never re-computed), labs in the units the
/// keys name, decompensation (D'Amico 2006: ascites, encephalopathy, variceal bleeding), organ failures from CLIF-C OF
/// (Moreau 2013), hepatitis B markers and immunosuppression from the serology and medications.
/// </summary>
public sealed class CoursePointTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);

    private static PatientSnapshot Cirrhotic(bool si = false) => new()
    {
        Sex = Sex.Female,
        AgeYears = 55m,
        Labs = new LabPanel
        {
            Bilirubin = si ? Lab<BilirubinAnalyte, BilirubinUnit>.FromMicromolesPerLiter(51.3m) : Lab<BilirubinAnalyte, BilirubinUnit>.FromMilligramsPerDeciliter(3.0m),
            Creatinine = si ? Lab<CreatinineAnalyte, CreatinineUnit>.FromMicromolesPerLiter(176.8m) : Lab<CreatinineAnalyte, CreatinineUnit>.FromMilligramsPerDeciliter(2.0m),
            Inr = Lab<InrAnalyte, InrUnit>.FromRatio(1.8m),
            Sodium = Lab<SodiumAnalyte, SodiumUnit>.FromMillimolesPerLiter(130m),
            Albumin = si ? Lab<AlbuminAnalyte, ProteinUnit>.FromGramsPerLiter(28m) : Lab<AlbuminAnalyte, ProteinUnit>.FromGramsPerDeciliter(2.8m),
            Alt = Lab<AltAnalyte, EnzymeActivityUnit>.FromUnitsPerLiter(45m),
        },
        Findings = new ClinicalFindings
        {
            Cirrhosis = true, CholestaticLiverDisease = false, Ascites = Ascites.Mild, Encephalopathy = EncephalopathyGrade.FromWestHaven(0), VaricealBleeding = false,
            DialysisTwiceInPastWeek = false, RenalReplacementTherapy = false, Vasopressors = false, MeanArterialPressure = 80m,
            MechanicalVentilation = false, PaO2FiO2 = 400m,
        },
    };

    private static CoursePoint Point(PatientSnapshot s) => CoursePoint.Of(s, Assessment.Of(s), At);

    [Fact]
    public void Of_Scores_AreTheAssessmentOutcomes()
    {
        var s = Cirrhotic();
        var a = Assessment.Of(s);
        var p = CoursePoint.Of(s, a, At);
        Assert.Equal(At, p.At);
        Assert.Equal(a.Outcome(Meld3.Definition)!.Result!.Value, p.Values[CourseValues.Meld3]);
        Assert.Equal(a.Outcome(MeldNa.Definition)!.Result!.Value, p.Values[CourseValues.MeldNa]);
        Assert.Equal(a.Outcome(ChildPugh.Definition)!.Result!.Value, p.Values[CourseValues.ChildPugh]);
        Assert.Equal(a.Outcome(AclfGrade.Definition)!.Result!.Value, p.Values[CourseValues.AclfGrade]);
        Assert.Equal($"scores.meld-3.0@{Meld3.Definition.Version}", p.Evidence[CourseValues.Meld3]);
    }

    [Fact]
    public void Of_SiUnits_ReadInTheKeysUnits()
    {
        // 51.3 µmol/L = 3.0 mg/dL (17.1), 176.8 µmol/L = 2.0 mg/dL (88.4), 28 g/L = 2.8 g/dL.
        var p = Point(Cirrhotic(si: true));
        Assert.Equal(3.0m, p.Values[CourseValues.Bilirubin]);
        Assert.Equal(2.0m, p.Values[CourseValues.Creatinine]);
        Assert.Equal(2.8m, p.Values[CourseValues.Albumin]);
        Assert.Equal(1.8m, p.Values[CourseValues.Inr]);
        Assert.Equal(130m, p.Values[CourseValues.Sodium]);
        Assert.Equal(45m, p.Values[CourseValues.Alt]);
        Assert.Equal(SnapshotKeys.Labs.Bilirubin, p.Evidence[CourseValues.Bilirubin]);
    }

    [Fact]
    public void Of_CreatinineTwo_KidneyFailsByClifCOf()
    {
        // Moreau 2013: kidney failure is creatinine ≥ 2.0 mg/dL.
        var p = Point(Cirrhotic());
        Assert.Contains(CourseFacts.OrganFailurePrefix + "kidney", p.Facts);
        Assert.DoesNotContain(CourseFacts.OrganFailurePrefix + "liver", p.Facts);
        Assert.Equal(1m, p.Values[CourseValues.OrganFailures]);
        var below = Cirrhotic() with { Labs = Cirrhotic().Labs with { Creatinine = Lab<CreatinineAnalyte, CreatinineUnit>.FromMilligramsPerDeciliter(1.9m) } };
        Assert.DoesNotContain(CourseFacts.OrganFailurePrefix + "kidney", Point(below).Facts);
        Assert.Equal(0m, Point(below).Values[CourseValues.OrganFailures]);
    }

    [Theory]
    [InlineData(Ascites.Mild, 0, false, CourseFacts.Decompensated)]
    [InlineData(Ascites.None, 1, false, CourseFacts.Decompensated)]
    [InlineData(Ascites.None, 0, true, CourseFacts.Decompensated)]
    [InlineData(Ascites.None, 0, false, CourseFacts.Compensated)]
    public void Of_Findings_DecompensatedOrCompensated(Ascites ascites, int grade, bool bleeding, string expected)
    {
        var s = new PatientSnapshot { Findings = new ClinicalFindings { Ascites = ascites, Encephalopathy = EncephalopathyGrade.FromWestHaven(grade), VaricealBleeding = bleeding } };
        var p = Point(s);
        Assert.Contains(expected, p.Facts);
        Assert.DoesNotContain(expected == CourseFacts.Compensated ? CourseFacts.Decompensated : CourseFacts.Compensated, p.Facts);
    }

    [Fact]
    public void Of_FindingsNotGiven_NeitherCompensatedNorDecompensated()
    {
        var p = Point(new PatientSnapshot { Findings = new ClinicalFindings { Ascites = Ascites.None } });
        Assert.DoesNotContain(CourseFacts.Decompensated, p.Facts);
        Assert.DoesNotContain(CourseFacts.Compensated, p.Facts);
        Assert.DoesNotContain(CourseValues.Meld3, p.Values.Keys);
        Assert.DoesNotContain(CourseValues.OrganFailures, p.Values.Keys);
    }

    [Fact]
    public void Of_RituximabWithoutSerology_BCellDepletingAndStatusUnknown()
    {
        var p = Point(new PatientSnapshot { Medications = [new Medication(MedicationClass.Other), new Medication(MedicationClass.BCellDepleting)] });
        Assert.Contains(CourseFacts.Immunosuppressed, p.Facts);
        Assert.Contains(CourseFacts.BCellDepleting, p.Facts);
        Assert.Contains(CourseFacts.HbvStatusUnknown, p.Facts);
        Assert.Equal("medications[1].class", p.Evidence[CourseFacts.BCellDepleting]);
        Assert.DoesNotContain(CourseFacts.Referred, p.Facts);
    }

    [Fact]
    public void Of_HcvAntiviralOnly_NotImmunosuppressed()
    {
        var p = Point(new PatientSnapshot { Medications = [new Medication(MedicationClass.HcvDirectActingAntiviral)] });
        Assert.DoesNotContain(CourseFacts.Immunosuppressed, p.Facts);
    }

    [Theory]
    [InlineData(QualitativeResult.Positive, null, CourseFacts.HbsAgPositive, false)]
    [InlineData(QualitativeResult.Negative, QualitativeResult.Negative, CourseFacts.HbsAgNegative, false)]
    [InlineData(QualitativeResult.Negative, null, CourseFacts.HbsAgNegative, true)] // anti-HBc not tested: status unknown (AGA 2015)
    public void Of_Serology_HbsAgAndStatus(QualitativeResult hbsAg, QualitativeResult? antiHbc, string expected, bool unknown)
    {
        var p = Point(new PatientSnapshot
        {
            Serology = new SerologyPanel { HbsAg = SerologyResult.Of(hbsAg), AntiHbcTotal = antiHbc is { } c ? SerologyResult.Of(c) : null },
        });
        Assert.Contains(expected, p.Facts);
        Assert.Equal(unknown, p.Facts.Contains(CourseFacts.HbvStatusUnknown));
    }

    [Fact]
    public void Of_HbvDna_ValueAndDetectable()
    {
        var p = Point(new PatientSnapshot { Serology = new SerologyPanel { HbvDna = SerologyResult.ViralLoad(2500m) } });
        Assert.Equal(2500m, p.Values[CourseValues.HbvDna]);
        Assert.Contains(CourseFacts.HbvDnaDetectable, p.Facts);
        var none = Point(new PatientSnapshot { Serology = new SerologyPanel { HbvDna = SerologyResult.Of(QualitativeResult.Negative) } });
        Assert.Contains(CourseFacts.HbvDnaUndetectable, none.Facts);
        Assert.DoesNotContain(CourseValues.HbvDna, none.Values.Keys);
    }

    private static PatientSnapshot Visit(decimal bilirubin, decimal creatinine, decimal inr, decimal sodium, Ascites ascites) => Cirrhotic() with
    {
        Labs = new LabPanel
        {
            Bilirubin = Lab<BilirubinAnalyte, BilirubinUnit>.FromMilligramsPerDeciliter(bilirubin),
            Creatinine = Lab<CreatinineAnalyte, CreatinineUnit>.FromMilligramsPerDeciliter(creatinine),
            Inr = Lab<InrAnalyte, InrUnit>.FromRatio(inr),
            Sodium = Lab<SodiumAnalyte, SodiumUnit>.FromMillimolesPerLiter(sodium),
            Albumin = Lab<AlbuminAnalyte, ProteinUnit>.FromGramsPerDeciliter(3.0m),
        },
        Findings = Cirrhotic().Findings with { Ascites = ascites },
    };

    [Fact]
    public void Of_TwoVisits_RulesReadTheAssessments()
    {
        // Day 0 compensated, creatinine 1.0; day 30 ascites and creatinine 2.5 mg/dL: more than twice the baseline
        // (ICA-ADQI 2015 stage 2), kidney failure from 2.0 mg/dL (Moreau 2013), a first decompensation (D'Amico 2006).
        var first = Visit(2.0m, 1.0m, 1.5m, 135m, Ascites.None);
        var second = Visit(4.0m, 2.5m, 2.0m, 128m, Ascites.Mild);
        var p0 = CoursePoint.Of(first, Assessment.Of(first), At);
        var p1 = CoursePoint.Of(second, Assessment.Of(second), At.AddDays(30));
        var report = CourseRules.Evaluate([p1, p0]);
        Assert.Contains(report.Alerts, a => a.RuleId == CourseRuleIds.CreatinineDoubling && a.EpisodeStart == p1.At);
        Assert.Contains(report.Alerts, a => a.RuleId == CourseRuleIds.NewOrganFailure && a.Text.Contains("kidney", StringComparison.Ordinal));
        Assert.Contains(report.Alerts, a => a.RuleId == CourseRuleIds.FirstDecompensation);
        var meld = Assert.Single(report.Facts, f => f.Kind == CourseRuleIds.Meld3Change30d);
        Assert.Contains($"to {p1.Values[CourseValues.Meld3]}", meld.Text, StringComparison.Ordinal);
        Assert.Equal(p1.Values[CourseValues.Meld3] - p0.Values[CourseValues.Meld3] >= 5m, report.Alerts.Any(a => a.RuleId == CourseRuleIds.Meld3Change30d));
    }
}
