using Hepatica.Clinical.Course;
using static Hepatica.Clinical.Tests.Course.CoursePoints;

namespace Hepatica.Clinical.Tests.Course;

/// <summary>
/// The course rules at both sides of each published cut-off: ΔMELD ≥ 5 in 30 days (Merion 2003), doubling against a
/// 3-month baseline (ICA-ADQI 2015 stage 2 = &gt; 2- to 3-fold, stage 3 &gt; 3-fold), first decompensation (D'Amico 2006),
/// new organ failure and ACLF grade (Moreau 2013), MELD ≥ 15 not referred (AASLD/AST 2013), hepatitis B status unknown
/// before anti-CD20 therapy (AGA 2015; CDC 2023; ASCO 2020).
/// </summary>
public sealed partial class CourseRulesTests
{
    [Theory]
    [InlineData(18, 22, false)] // +4
    [InlineData(18, 23, true)]  // +5: Merion 2003, a rise of 5 or more in 30 days
    [InlineData(18, 30, true)]
    [InlineData(24, 18, false)] // a fall
    public void Evaluate_Meld3RiseIn30Days_AlertsFromFive(int before, int after, bool alerts)
    {
        var report = Evaluate(Meld3(0, before), Meld3(30, after));
        Assert.Equal(alerts, AlertsOf(report, CourseRuleIds.Meld3Change30d).Length == 1);
        var fact = Assert.Single(FactsOf(report, CourseRuleIds.Meld3Change30d));
        Assert.Equal(Day(30), fact.At);
        Assert.Equal(Day(0), fact.Since);
        Assert.Equal("Merion 2003", fact.Source.Key);
    }

    [Theory]
    [InlineData(22.9, false)] // reference more than 7 days short of 30
    [InlineData(23, true)]
    [InlineData(37, true)]
    [InlineData(37.1, false)]
    public void Evaluate_Meld3Reference_WithinSevenDaysOfThirty(double days, bool found)
    {
        var report = Evaluate(Meld3(0, 15), Meld3(days, 25));
        Assert.Equal(found, FactsOf(report, CourseRuleIds.Meld3Change30d).Length == 1);
        Assert.Equal(found, AlertsOf(report, CourseRuleIds.Meld3Change30d).Length == 1);
    }

    [Fact]
    public void Evaluate_Meld3SeveralEarlier_ReferenceNearestThirtyDays()
    {
        // Day 27 (3 days off) is nearer to 30 days before day 57 than day 33 (6 days off) or day 0 (27 days off).
        var report = Evaluate(Meld3(0, 10), Meld3(33, 20), Meld3(27, 16), Meld3(57, 21));
        var fact = FactsOf(report, CourseRuleIds.Meld3Change30d).Single();
        Assert.Equal(Day(27), fact.Since);
        Assert.Contains("rose from 16 to 21 (+5)", fact.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_MeldNa_OwnFactAndAlert()
    {
        var report = Evaluate(Value(0, CourseValues.MeldNa, 20m), Value(30, CourseValues.MeldNa, 26m));
        Assert.Single(FactsOf(report, CourseRuleIds.MeldNaChange30d));
        Assert.Single(AlertsOf(report, CourseRuleIds.MeldNaChange30d));
        Assert.Empty(AlertsOf(report, CourseRuleIds.Meld3Change30d));
    }

    [Theory]
    [InlineData("1.0", "2.0", false)]  // exactly twice: ICA-ADQI 2015 stage 1 ("≥ 1.5-fold to 2-fold")
    [InlineData("1.0", "2.01", true)]  // ICA-ADQI 2015 stage 2: "> 2-fold to 3-fold"
    [InlineData("0.8", "1.6", false)]
    [InlineData("0.8", "1.61", true)]  // creatinine is not floored
    public void Evaluate_CreatinineAgainstBaseline_MoreThanTwice(string baseline, string now, bool doubled)
    {
        var report = Evaluate(Value(0, CourseValues.Creatinine, decimal.Parse(baseline, System.Globalization.CultureInfo.InvariantCulture)),
            Value(10, CourseValues.Creatinine, decimal.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(doubled, AlertsOf(report, CourseRuleIds.CreatinineDoubling).Length == 1);
        Assert.Equal(doubled, FactsOf(report, CourseRuleIds.CreatinineDoubling).Length == 1);
    }

    [Theory]
    [InlineData("3.0", AlertSeverity.Warning)]   // 3 × baseline is still stage 2 ("> 2-fold to 3-fold")
    [InlineData("3.01", AlertSeverity.Critical)] // "> 3-fold": stage 3
    public void Evaluate_CreatinineAboveThreeTimes_Critical(string now, AlertSeverity severity)
    {
        var report = Evaluate(Value(0, CourseValues.Creatinine, 1.0m), Value(5, CourseValues.Creatinine, decimal.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(severity, AlertsOf(report, CourseRuleIds.CreatinineDoubling).Single().Severity);
    }

    [Theory]
    [InlineData(90, true)]  // within the previous 3 months (ICA-ADQI 2015)
    [InlineData(91, false)]
    public void Evaluate_CreatinineBaseline_WithinNinetyDays(int days, bool doubled)
    {
        var report = Evaluate(Value(0, CourseValues.Creatinine, 1.0m), Value(days, CourseValues.Creatinine, 2.2m));
        Assert.Equal(doubled, AlertsOf(report, CourseRuleIds.CreatinineDoubling).Length == 1);
    }

    [Fact]
    public void Evaluate_CreatinineStepwiseRise_MeasuredFromTheLowest()
    {
        var report = Evaluate(Value(0, CourseValues.Creatinine, 1.0m), Value(10, CourseValues.Creatinine, 1.5m), Value(20, CourseValues.Creatinine, 2.1m));
        var alert = AlertsOf(report, CourseRuleIds.CreatinineDoubling).Single();
        Assert.Equal(Day(20), alert.EpisodeStart);
        Assert.Equal(Day(0), FactsOf(report, CourseRuleIds.CreatinineDoubling).Single().Since);
    }

    [Theory]
    [InlineData("0.4", "0.8", false)] // within the MELD floor of 1.0 mg/dL (Kamath 2001): not a doubling
    [InlineData("0.5", "1.9", false)] // read as 1.0 to 1.9
    [InlineData("0.5", "2.0", true)]
    [InlineData("3.0", "6.0", true)]
    [InlineData("3.0", "5.9", false)]
    public void Evaluate_Bilirubin_DoublingOnFlooredValues(string baseline, string now, bool doubled)
    {
        var report = Evaluate(Value(0, CourseValues.Bilirubin, decimal.Parse(baseline, System.Globalization.CultureInfo.InvariantCulture)),
            Value(14, CourseValues.Bilirubin, decimal.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(doubled, AlertsOf(report, CourseRuleIds.BilirubinDoubling).Length == 1);
    }

    [Fact]
    public void Evaluate_CompensatedThenDecompensated_FirstDecompensation()
    {
        var report = Evaluate(P(0, null, CourseFacts.Compensated), P(40, null, CourseFacts.Decompensated), P(50, null, CourseFacts.Decompensated));
        var fact = Assert.Single(FactsOf(report, CourseRuleIds.FirstDecompensation));
        Assert.Equal(Day(40), fact.At);
        Assert.Equal(Day(0), fact.Since);
        var alert = Assert.Single(AlertsOf(report, CourseRuleIds.FirstDecompensation));
        Assert.Equal(Day(40), alert.EpisodeStart);
        Assert.Equal(Day(50), alert.LatestAt);
    }

    [Fact]
    public void Evaluate_DecompensatedFromTheStart_NoFirstDecompensation()
    {
        Assert.Empty(FactsOf(Evaluate(P(0, null, CourseFacts.Decompensated), P(10, null, CourseFacts.Compensated), P(20, null, CourseFacts.Decompensated)), CourseRuleIds.FirstDecompensation));
        // Unknown (findings not given) before: not known to be the first.
        Assert.Empty(Evaluate(P(0), P(10, null, CourseFacts.Decompensated)).Alerts);
    }

    [Fact]
    public void Evaluate_RecompensatedThenDecompensatedAgain_NotFirstAgain()
    {
        var report = Evaluate(P(0, null, CourseFacts.Compensated), P(10, null, CourseFacts.Decompensated), P(20, null, CourseFacts.Compensated), P(30, null, CourseFacts.Decompensated));
        Assert.Empty(AlertsOf(report, CourseRuleIds.FirstDecompensation));
        Assert.Equal(Day(10), Assert.Single(FactsOf(report, CourseRuleIds.FirstDecompensation)).At);
    }

    private static CoursePoint Organs(double day, params string[] failing) =>
        P(day, [(CourseValues.OrganFailures, failing.Length)], [.. failing.Select(f => CourseFacts.OrganFailurePrefix + f)]);

    [Fact]
    public void Evaluate_KidneyFailsAfterNone_NewOrganFailureCritical()
    {
        var report = Evaluate(Organs(0), Organs(3, "kidney"), Organs(5, "kidney"));
        var alert = Assert.Single(AlertsOf(report, CourseRuleIds.NewOrganFailure));
        Assert.Equal(AlertSeverity.Critical, alert.Severity);
        Assert.Equal(Day(3), alert.EpisodeStart);
        Assert.Equal(Day(5), alert.LatestAt);
        Assert.Contains("kidney", Assert.Single(FactsOf(report, CourseRuleIds.NewOrganFailure)).Text, StringComparison.Ordinal);
        // The kidney recovers: the episode has ended (no alert), the fact stays.
        var recovered = Evaluate(Organs(0), Organs(3, "kidney"), Organs(5, "kidney"), Organs(9));
        Assert.Empty(AlertsOf(recovered, CourseRuleIds.NewOrganFailure));
        Assert.Single(FactsOf(recovered, CourseRuleIds.NewOrganFailure));
    }

    [Fact]
    public void Evaluate_FailingFromTheFirstAssessment_NotNew()
    {
        Assert.Empty(AlertsOf(Evaluate(Organs(0, "liver"), Organs(3, "liver")), CourseRuleIds.NewOrganFailure));
        // Organs not assessed in between neither end nor start anything.
        var report = Evaluate(Organs(0), P(1), Organs(2, "brain"), P(3), Organs(4, "brain"));
        Assert.Equal(Day(4), Assert.Single(AlertsOf(report, CourseRuleIds.NewOrganFailure)).LatestAt);
    }

    [Theory]
    [InlineData(0, 1, true, AlertSeverity.Warning)]
    [InlineData(1, 2, true, AlertSeverity.Critical)] // grade 2-3: urgent (EASL 2023)
    [InlineData(2, 1, false, AlertSeverity.Info)]   // a fall: a fact, no alert
    public void Evaluate_AclfGradeChange_FactAndAlertOnRise(int before, int after, bool alerts, AlertSeverity severity)
    {
        var report = Evaluate(Value(0, CourseValues.AclfGrade, before), Value(2, CourseValues.AclfGrade, after));
        Assert.Single(FactsOf(report, CourseRuleIds.AclfGradeChange));
        var found = AlertsOf(report, CourseRuleIds.AclfGradeChange);
        Assert.Equal(alerts, found.Length == 1);
        if (alerts)
        {
            Assert.Equal(severity, found[0].Severity);
        }
    }

    [Fact]
    public void Evaluate_AclfGradeUnchanged_NoFact()
    {
        Assert.Empty(Evaluate(Value(0, CourseValues.AclfGrade, 1m), Value(2, CourseValues.AclfGrade, 1m)).Facts);
    }

    [Theory]
    [InlineData(14, false)]
    [InlineData(15, true)] // AASLD/AST 2013: refer at MELD 15 or more
    public void Evaluate_Meld3NotReferred_FromFifteen(int meld, bool alerts)
    {
        var alert = AlertsOf(Evaluate(Meld3(0, meld)), CourseRuleIds.MeldNotReferred);
        Assert.Equal(alerts, alert.Length == 1);
        Assert.All(alert, a => Assert.Equal(AlertSeverity.Info, a.Severity));
    }

    [Fact]
    public void Evaluate_Meld3Referred_NoWorklistAlert()
    {
        Assert.Empty(AlertsOf(Evaluate(Meld3(0, 20, CourseFacts.Referred)), CourseRuleIds.MeldNotReferred));
    }

    [Theory]
    [InlineData(true, true, true)]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    public void Evaluate_BCellDepletingWithStatusUnknown_WorklistAlert(bool bCell, bool unknown, bool alerts)
    {
        var facts = new List<string> { CourseFacts.Immunosuppressed };
        if (bCell)
        {
            facts.Add(CourseFacts.BCellDepleting);
        }

        if (unknown)
        {
            facts.Add(CourseFacts.HbvStatusUnknown);
        }

        Assert.Equal(alerts, AlertsOf(Evaluate(P(0, null, [.. facts])), CourseRuleIds.HbvUnknownBeforeBCellDepletion).Length == 1);
    }

    [Fact]
    public void Evaluate_NoMeld_NoRecertification()
    {
        // OPTN policy 9.2's intervals and lab ages were not found as policy text: never invented (docs/course.md).
        Assert.Null(Evaluate(Meld3(0, 30)).Recertification);
    }

    [Fact]
    public void Evaluate_ConditionEndsAndReturns_NewEpisode()
    {
        var ended = Evaluate(Meld3(0, 16), Meld3(10, 12));
        Assert.Empty(AlertsOf(ended, CourseRuleIds.MeldNotReferred));
        var report = Evaluate(Meld3(0, 16), Meld3(10, 12), Meld3(20, 17), Meld3(25, 18));
        var alert = Assert.Single(AlertsOf(report, CourseRuleIds.MeldNotReferred));
        Assert.Equal((Day(20), Day(25)), (alert.EpisodeStart, alert.LatestAt));
        var first = Assert.Single(AlertsOf(Evaluate(Meld3(0, 16)), CourseRuleIds.MeldNotReferred));
        Assert.NotEqual(first.EpisodeStart, alert.EpisodeStart);
    }

    [Fact]
    public void Evaluate_PointWithoutTheValue_NeitherEndsNorExtends()
    {
        var with = Evaluate(Meld3(0, 16), P(5, [(CourseValues.Alt, 40m)]), Meld3(10, 17));
        var alert = Assert.Single(AlertsOf(with, CourseRuleIds.MeldNotReferred));
        Assert.Equal(Day(10), alert.LatestAt);
        Assert.Equal(alert.EvidenceKey, Assert.Single(AlertsOf(Evaluate(Meld3(0, 16), Meld3(10, 17)), CourseRuleIds.MeldNotReferred)).EvidenceKey);
    }

    [Fact]
    public void Evaluate_EvidenceKey_Sha256Hex()
    {
        var key = AlertsOf(Evaluate(Meld3(0, 16)), CourseRuleIds.MeldNotReferred).Single().EvidenceKey;
        Assert.Matches("^[0-9a-f]{64}$", key);
    }

    [Fact]
    public void Evaluate_NullPoints_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => CourseRules.Evaluate(null!));
    }

    [Fact]
    public void Evaluate_SameValueAnotherScale_SameEvidenceKey()
    {
        // 1.5 and 1.50 are the same creatinine: the key reads values without trailing zeros.
        var a = AlertsOf(Evaluate(Value(0, CourseValues.Creatinine, 0.5m), Value(5, CourseValues.Creatinine, 1.5m)), CourseRuleIds.CreatinineDoubling).Single();
        var b = AlertsOf(Evaluate(Value(0, CourseValues.Creatinine, 0.50m), Value(5, CourseValues.Creatinine, 1.50m)), CourseRuleIds.CreatinineDoubling).Single();
        Assert.Equal(a.EvidenceKey, b.EvidenceKey);
        Assert.Contains("1.5 mg/dL", a.Text, StringComparison.Ordinal);
    }
}
