using Hepatica.Clinical.Course;
using static Hepatica.Clinical.Tests.Course.CoursePoints;

namespace Hepatica.Clinical.Tests.Course;

/// <summary>
/// HBV reactivation and ALT flare under immunosuppression, by the AASLD 2018 definitions (Terrault 2018): HBsAg-positive
/// patients, HBV DNA ≥ 2 log10 above a measured baseline, ≥ 1,000 IU/mL after an undetectable baseline, ≥ 10,000 IU/mL
/// without a baseline; HBsAg-negative patients, HBV DNA detectable or HBsAg reappearing; flare, ALT ≥ 3 × baseline and
/// &gt; 100 U/L. Critical under B-cell depleting therapy.
/// </summary>
public sealed partial class CourseRulesTests
{
    private const string Is = CourseFacts.Immunosuppressed, BCell = CourseFacts.BCellDepleting;

    private static CoursePoint Dna(double day, decimal iuPerMl, params string[] facts) =>
        P(day, [(CourseValues.HbvDna, iuPerMl)], [.. facts, iuPerMl > 0m ? CourseFacts.HbvDnaDetectable : CourseFacts.HbvDnaUndetectable]);

    [Fact]
    public void Evaluate_HbsAgTurnsPositiveOnRituximab_CriticalReactivation()
    {
        var report = Evaluate(P(0, null, CourseFacts.HbsAgNegative), P(30, null, CourseFacts.HbsAgNegative, Is, BCell), P(90, null, CourseFacts.HbsAgPositive, Is, BCell));
        var alert = Assert.Single(AlertsOf(report, CourseRuleIds.HbvReactivation));
        Assert.Equal(AlertSeverity.Critical, alert.Severity);
        Assert.Equal(Day(90), alert.EpisodeStart);
        Assert.Equal("AASLD 2018 HBV", alert.Source.Key);
        Assert.Single(FactsOf(report, CourseRuleIds.HbvReactivation));
    }

    [Fact]
    public void Evaluate_HbsAgPositiveBeforeTherapy_NotReverseSeroconversion()
    {
        // Positive at baseline: reactivation is judged on HBV DNA, not on the HBsAg that was already there.
        var report = Evaluate(P(0, null, CourseFacts.HbsAgPositive), P(30, null, CourseFacts.HbsAgPositive, Is));
        Assert.Empty(AlertsOf(report, CourseRuleIds.HbvReactivation));
    }

    [Fact]
    public void Evaluate_HbsAgTurnsPositiveWithoutTherapy_NoAlert()
    {
        Assert.Empty(AlertsOf(Evaluate(P(0, null, CourseFacts.HbsAgNegative), P(30, null, CourseFacts.HbsAgPositive)), CourseRuleIds.HbvReactivation));
    }

    [Theory]
    [InlineData(9_999, false)]
    [InlineData(10_000, true)] // 2 log10 above a baseline of 100 IU/mL
    public void Evaluate_HbsAgPositiveDnaRise_TwoLogFromBaseline(int now, bool reactivation)
    {
        var report = Evaluate(Dna(0, 100m, CourseFacts.HbsAgPositive), Dna(60, now, CourseFacts.HbsAgPositive, Is));
        Assert.Equal(reactivation, AlertsOf(report, CourseRuleIds.HbvReactivation).Length == 1);
    }

    [Theory]
    [InlineData(999, false)]
    [InlineData(1_000, true)] // ≥ 3 log10 after an undetectable baseline
    public void Evaluate_HbsAgPositiveUndetectableBaseline_ThreeLog(int now, bool reactivation)
    {
        var report = Evaluate(Dna(0, 0m, CourseFacts.HbsAgPositive), Dna(60, now, CourseFacts.HbsAgPositive, Is));
        Assert.Equal(reactivation, AlertsOf(report, CourseRuleIds.HbvReactivation).Length == 1);
    }

    [Theory]
    [InlineData(9_999, false)]
    [InlineData(10_000, true)] // ≥ 4 log10 when no baseline is known
    public void Evaluate_HbsAgPositiveNoBaseline_FourLog(int now, bool reactivation)
    {
        var report = Evaluate(P(0, null, CourseFacts.HbsAgPositive), Dna(60, now, CourseFacts.HbsAgPositive, Is));
        Assert.Equal(reactivation, AlertsOf(report, CourseRuleIds.HbvReactivation).Length == 1);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(20, true)] // HBsAg-negative: HBV DNA detectable is reactivation
    public void Evaluate_HbsAgNegativeDna_Detectable(int now, bool reactivation)
    {
        var report = Evaluate(P(0, null, CourseFacts.HbsAgNegative), Dna(60, now, CourseFacts.HbsAgNegative, Is));
        var alerts = AlertsOf(report, CourseRuleIds.HbvReactivation);
        Assert.Equal(reactivation, alerts.Length == 1);
        Assert.All(alerts, a => Assert.Equal(AlertSeverity.Warning, a.Severity));
    }

    [Theory]
    [InlineData(30, 90, false)]   // 3 × baseline but not above 100 U/L
    [InlineData(40, 119, false)]  // above 100 but under 3 × baseline
    [InlineData(40, 120, true)]   // AASLD 2018: ≥ 3 × baseline and > 100 U/L
    [InlineData(20, 100, false)]
    [InlineData(20, 101, true)]
    public void Evaluate_AltFlare_ThreeTimesBaselineAndAboveHundred(int baseline, int now, bool flare)
    {
        var report = Evaluate(Value(0, CourseValues.Alt, baseline), Value(30, CourseValues.Alt, now, Is));
        Assert.Equal(flare, AlertsOf(report, CourseRuleIds.AltFlare).Length == 1);
    }

    [Fact]
    public void Evaluate_AltFlareWithoutBaseline_NotCalled()
    {
        Assert.Empty(AlertsOf(Evaluate(Value(30, CourseValues.Alt, 500m, Is)), CourseRuleIds.AltFlare));
    }

    [Fact]
    public void Evaluate_AltFlareOnRituximab_Critical()
    {
        var report = Evaluate(Value(0, CourseValues.Alt, 30m), Value(30, CourseValues.Alt, 200m, Is, BCell));
        Assert.Equal(AlertSeverity.Critical, Assert.Single(AlertsOf(report, CourseRuleIds.AltFlare)).Severity);
    }

    [Fact]
    public void Evaluate_HbsAgOnlyBetweenDnaResults_EpisodeContinues()
    {
        var report = Evaluate(Dna(0, 0m, CourseFacts.HbsAgPositive), Dna(60, 50_000m, CourseFacts.HbsAgPositive, Is), P(70, null, CourseFacts.HbsAgPositive, Is), Dna(80, 80_000m, Is));
        var alert = Assert.Single(AlertsOf(report, CourseRuleIds.HbvReactivation));
        Assert.Equal((Day(60), Day(80)), (alert.EpisodeStart, alert.LatestAt));
    }

    [Fact]
    public void Evaluate_DnaFallsUnderThreshold_EpisodeEndsAndANewOneStarts()
    {
        Assert.Empty(AlertsOf(Evaluate(Dna(0, 0m, CourseFacts.HbsAgPositive), Dna(60, 50_000m, Is), Dna(90, 0m, Is)), CourseRuleIds.HbvReactivation));
        var report = Evaluate(Dna(0, 0m, CourseFacts.HbsAgPositive), Dna(60, 50_000m, Is), Dna(90, 0m, Is), Dna(120, 5_000m, Is));
        Assert.Equal(Day(120), Assert.Single(AlertsOf(report, CourseRuleIds.HbvReactivation)).EpisodeStart);
        Assert.Equal([Day(60), Day(120)], FactsOf(report, CourseRuleIds.HbvReactivation).Select(f => f.At));
    }
}
