using Hepatica.Clinical.Serology;

namespace Hepatica.Clinical.Tests.Serology;

/// <summary>
/// CDC universal screening of adults, once: hepatitis B with the triple panel (Conners 2023: "all adults aged ≥ 18
/// years") and hepatitis C (Schillie 2020: "all adults aged ≥ 18 years"); due only when no result of that virus's
/// screening tests is in the record, never when the age is unknown.
/// </summary>
public sealed class HepatitisScreeningTests
{
    private static readonly SerologyResult Negative = SerologyResult.Of(QualitativeResult.Negative);

    private static PatientSnapshot Patient(decimal? age, SerologyPanel? serology = null) =>
        new() { AgeYears = age, Serology = serology ?? SerologyPanel.Empty };

    [Theory]
    [InlineData(18, true)]        // at the age: "aged ≥ 18" (both CDC recommendations)
    [InlineData(17.99, false)]    // just below
    [InlineData(80, true)]
    public void Evaluate_AdultAgeBoundary_DueFromEighteen(double age, bool due)
    {
        var result = HepatitisScreening.Evaluate(Patient((decimal)age));
        Assert.Equal(new ScreeningDue(due, due), result);
    }

    [Fact]
    public void Evaluate_AgeUnknown_NothingDue() => Assert.Equal(ScreeningDue.None, HepatitisScreening.Evaluate(Patient(null)));

    [Fact]
    public void Evaluate_AnyTriplePanelResult_HepatitisBNotDue()
    {
        Assert.False(HepatitisScreening.Evaluate(Patient(40m, new() { HbsAg = Negative })).HepatitisB);
        Assert.False(HepatitisScreening.Evaluate(Patient(40m, new() { AntiHbcTotal = Negative })).HepatitisB);
        Assert.False(HepatitisScreening.Evaluate(Patient(40m, new() { AntiHbs = Negative })).HepatitisB);
    }

    [Fact]
    public void Evaluate_AntiHcvOrHcvRna_HepatitisCNotDue()
    {
        Assert.Equal(new ScreeningDue(true, false), HepatitisScreening.Evaluate(Patient(40m, new() { AntiHcv = Negative })));
        Assert.Equal(new ScreeningDue(true, false), HepatitisScreening.Evaluate(Patient(40m, new() { HcvRna = Negative })));
    }

    [Fact]
    public void Sources_EachVirusDue_ItsCdcRecommendation()
    {
        Assert.Equal([HepatitisScreening.Cdc2023Hbv, HepatitisScreening.Cdc2020Hcv], new ScreeningDue(true, true).Sources);
        Assert.Equal([HepatitisScreening.Cdc2020Hcv], new ScreeningDue(false, true).Sources);
        Assert.Empty(ScreeningDue.None.Sources);
    }
}
