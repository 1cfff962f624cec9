using Hepatica.Clinical.Findings;
using Hepatica.Clinical.Labs;
using Hepatica.Clinical.Scores;
using Hepatica.Clinical.Scoring;
using static Hepatica.Clinical.Tests.Scores.Cases;

namespace Hepatica.Clinical.Tests.Scores;

/// <summary>
/// Updated RUCAM (Danan and Teschke 2016, Int J Mol Sci 17:14), point values as reproduced in the updated hepatocellular
/// and cholestatic/mixed tables of PMC6233541 (BMC Infect Dis 2018), PMC6969320 and explorationpub 100184 (items 1-4) and
/// in PMC6144106 and PMC6887447 (items 5-7; see docs/scores.md for what is unverified). The base hepatocellular case
/// scores 0 on every item but time to onset (compatible, +1): total 1.
/// </summary>
public sealed class RucamTests
{
    private static Rucam.Inputs Hepatocellular(
        RucamTimeToOnset onset = RucamTimeToOnset.Compatible, RucamCourse course = RucamCourse.NoInformationOrContinued, bool alcohol = false, string age = "40",
        RucamConcomitant concomitant = RucamConcomitant.None, RucamAlternativeCauses alternative = RucamAlternativeCauses.GroupOneFiveOrSixRuledOut,
        RucamPreviousHepatotoxicity previous = RucamPreviousHepatotoxicity.Unknown, RucamReexposure reexposure = RucamReexposure.NotDoneOrOther) =>
        new(true, onset, course, alcohol, D(age), false, concomitant, alternative, previous, reexposure);

    [Theory]
    [InlineData(RucamTimeToOnset.Suggestive, 2)]
    [InlineData(RucamTimeToOnset.Compatible, 1)]
    [InlineData(RucamTimeToOnset.FromCessation, 1)]
    public void Item1_TimeToOnset(RucamTimeToOnset onset, int expected) =>
        Equal(expected, Rucam.Calculate(Hepatocellular(onset: onset)).Value, "5-90 d +2; < 5 or > 90 d +1; from cessation +1");

    [Theory]
    [InlineData(RucamCourse.Decrease50Within8Days, 4)]
    [InlineData(RucamCourse.Decrease50Within30Days, 3)]
    [InlineData(RucamCourse.NoInformationOrContinued, 1)]
    [InlineData(RucamCourse.Decrease50After30Days, 1)]
    [InlineData(RucamCourse.DecreaseUnder50After30DaysOrRecurrent, -1)]
    public void Item2_AltCourse_Hepatocellular(RucamCourse course, int expected) =>
        Equal(expected, Rucam.Calculate(Hepatocellular(course: course)).Value, "base 1 + course: +3, +2, 0, 0, −2");

    [Theory]
    [InlineData(RucamCourse.Decrease50Within180Days, 3)]
    [InlineData(RucamCourse.DecreaseUnder50Within180Days, 2)]
    [InlineData(RucamCourse.NoInformationOrContinued, 1)]
    [InlineData(RucamCourse.PersistenceOrIncrease, 1)]
    public void Item2_AlpCourse_Cholestatic(RucamCourse course, int expected) =>
        Equal(expected, Rucam.Calculate(Hepatocellular(course: course) with { Hepatocellular = false }).Value, "base 1 + course: +2, +1, 0, 0");

    [Fact]
    public void Item2_CourseOfTheOtherForm_Throws() =>
        Assert.Throws<ArgumentException>(() => Rucam.Calculate(Hepatocellular(course: RucamCourse.Decrease50Within180Days)));

    [Theory]
    [InlineData(false, "54.9", false, false, 1, "no alcohol, age below 55")]
    [InlineData(false, "55", false, false, 2, "age at 55: +1")]
    [InlineData(true, "40", false, false, 2, "alcohol above the limit: +1")]
    [InlineData(true, "60", false, false, 3, "alcohol and age: +2")]
    [InlineData(false, "40", true, false, 1, "pregnancy is not counted in the hepatocellular form")]
    [InlineData(false, "40", true, true, 2, "pregnancy +1 in the cholestatic or mixed form")]
    public void Item3_RiskFactors(bool alcohol, string age, bool pregnancy, bool cholestatic, int expected, string source)
    {
        var inputs = Hepatocellular(alcohol: alcohol, age: age) with { Pregnancy = pregnancy, Hepatocellular = !cholestatic };
        Equal(expected, Rucam.Calculate(inputs).Value, source);
    }

    [Theory]
    [InlineData(RucamConcomitant.None, 1)]
    [InlineData(RucamConcomitant.IncompatibleTiming, 1)]
    [InlineData(RucamConcomitant.CompatibleTiming, 0)]
    [InlineData(RucamConcomitant.KnownHepatotoxinCompatibleTiming, -1)]
    [InlineData(RucamConcomitant.EvidenceOfRole, -2)]
    public void Item4_Concomitant(RucamConcomitant concomitant, int expected) =>
        Equal(expected, Rucam.Calculate(Hepatocellular(concomitant: concomitant)).Value, "base 1 + 0, 0, −1, −2, −3");

    [Theory]
    [InlineData(RucamAlternativeCauses.AllRuledOut, 3)]
    [InlineData(RucamAlternativeCauses.GroupOneRuledOut, 2)]
    [InlineData(RucamAlternativeCauses.GroupOneFiveOrSixRuledOut, 1)]
    [InlineData(RucamAlternativeCauses.GroupOneFewerThanFiveRuledOut, -1)]
    [InlineData(RucamAlternativeCauses.AlternativeHighlyProbable, -2)]
    public void Item5_AlternativeCauses(RucamAlternativeCauses alternative, int expected) =>
        Equal(expected, Rucam.Calculate(Hepatocellular(alternative: alternative)).Value, "base 1 + 2, 1, 0, −2, −3");

    [Theory]
    [InlineData(RucamPreviousHepatotoxicity.Labelled, 3)]
    [InlineData(RucamPreviousHepatotoxicity.PublishedUnlabelled, 2)]
    [InlineData(RucamPreviousHepatotoxicity.Unknown, 1)]
    public void Item6_PreviousHepatotoxicity(RucamPreviousHepatotoxicity previous, int expected) =>
        Equal(expected, Rucam.Calculate(Hepatocellular(previous: previous)).Value, "base 1 + 2, 1, 0");

    [Theory]
    [InlineData(RucamReexposure.PositiveDrugAlone, 4)]
    [InlineData(RucamReexposure.PositiveWithFirstDrugs, 2)]
    [InlineData(RucamReexposure.Negative, -1)]
    [InlineData(RucamReexposure.NotDoneOrOther, 1)]
    public void Item7_Reexposure(RucamReexposure reexposure, int expected) =>
        Equal(expected, Rucam.Calculate(Hepatocellular(reexposure: reexposure)).Value, "base 1 + 3, 1, −2, 0");

    [Fact]
    public void Calculate_PublishedCase_BmjCaseRep_Possible()
    {
        // PMC6887447 (BMJ Case Rep), Table 3: onset > 90 d +1, ALT course not available 0, age > 55 +1, no concomitant drug 0,
        // groups I and II ruled out +2, previous hepatotoxicity unknown 0, no re-exposure 0: total 4, possible.
        var result = Rucam.Calculate(Hepatocellular(age: "60", alternative: RucamAlternativeCauses.AllRuledOut));
        Equal(4, result.Value, "1 + 0 + 1 + 0 + 2 + 0 + 0");
        Assert.Equal("possible", result.Category);
    }

    [Fact]
    public void Calculate_PublishedCase_Pmc6144106_Probable()
    {
        // PMC6144106, Table 3: onset < 5 or > 90 d +1, ALT ≥ 50% within 30 d +2, no alcohol 0, age ≥ 55 +1, concomitant
        // drug with incompatible timing 0, all causes ruled out +2, published but unlabelled +1, re-exposure 0: total 7.
        var result = Rucam.Calculate(Hepatocellular(
            course: RucamCourse.Decrease50Within30Days, age: "56", concomitant: RucamConcomitant.IncompatibleTiming,
            alternative: RucamAlternativeCauses.AllRuledOut, previous: RucamPreviousHepatotoxicity.PublishedUnlabelled));
        Equal(7, result.Value, "1 + 2 + 0 + 1 + 0 + 2 + 1 + 0");
        Assert.Equal("probable", result.Category);
    }

    [Theory]
    [InlineData(RucamAlternativeCauses.GroupOneFiveOrSixRuledOut, RucamConcomitant.CompatibleTiming, 0, "excluded", "1 + 0 − 1 = 0")]
    [InlineData(RucamAlternativeCauses.GroupOneFiveOrSixRuledOut, RucamConcomitant.None, 1, "unlikely", "1")]
    [InlineData(RucamAlternativeCauses.GroupOneRuledOut, RucamConcomitant.None, 2, "unlikely", "1 + 1")]
    [InlineData(RucamAlternativeCauses.AllRuledOut, RucamConcomitant.None, 3, "possible", "1 + 2")]
    public void Calculate_LowCutOffs_Causality(RucamAlternativeCauses alternative, RucamConcomitant concomitant, int expected, string category, string source)
    {
        var result = Rucam.Calculate(Hepatocellular(alternative: alternative, concomitant: concomitant));
        Equal(expected, result.Value, source);
        Assert.Equal(category, result.Category);
    }

    [Theory]
    [InlineData(5, "possible")]
    [InlineData(6, "probable")]
    [InlineData(8, "probable")]
    [InlineData(9, "highly probable")]
    [InlineData(-9, "excluded")]
    [InlineData(14, "highly probable")]
    public void Causality_Bands_AtEachCutOff(int total, string category) =>
        Assert.Equal(category, Bands.Find(Rucam.Causality, total).Label);

    [Fact]
    public void Calculate_Maximum_Fourteen() =>
        Equal(14, Rucam.Calculate(Hepatocellular(
            RucamTimeToOnset.Suggestive, RucamCourse.Decrease50Within8Days, true, "70", RucamConcomitant.None, RucamAlternativeCauses.AllRuledOut,
            RucamPreviousHepatotoxicity.Labelled, RucamReexposure.PositiveDrugAlone)).Value, "2 + 3 + 1 + 1 + 0 + 2 + 2 + 3");

    [Fact]
    public void Evaluate_FormFromR_CourseOnTheWrongScaleIsNamed()
    {
        // R = (400/40) / (100/100) = 10: hepatocellular; an ALP course is not on its scale.
        var snapshot = Snapshot("400", RucamCourse.Decrease50Within180Days);
        var outcome = Rucam.Evaluate(snapshot);
        Assert.Equal(["dili.rucam.courseAfterCessation (an ALT course is needed: the form is hepatocellular, R ≥ 5)"], outcome.Missing);
    }

    [Fact]
    public void Evaluate_CholestaticForm_NeedsPregnancy()
    {
        // R = (80/40) / (100/100) = 2: cholestatic or mixed; pregnancy is then an item.
        var snapshot = Snapshot("80", RucamCourse.Decrease50Within180Days);
        Assert.Equal(["dili.rucam.pregnancy"], Rucam.Evaluate(snapshot).Missing);
        var outcome = Rucam.Evaluate(snapshot with { Dili = snapshot.Dili with { RucamPregnancy = false } });
        Equal(5, outcome.Result!.Value, "suggestive 2 + ALP ≥ 50% within 180 d 2 + age 60 1");
    }

    [Fact]
    public void Evaluate_UnrelatedOnset_NotApplicable() =>
        Assert.Equal(OutcomeStatus.NotApplicable, Rucam.Evaluate(new PatientSnapshot { Dili = new DrugInjuryFindings { RucamTimeToOnset = RucamTimeToOnset.Unrelated } }).Status);

    [Fact]
    public void Evaluate_Empty_NamesEveryInput() =>
        Assert.Equal(
            ["labs.alt", "labs.altUpperLimit", "labs.alp", "labs.alpUpperLimit", "dili.rucam.timeToOnset", "dili.rucam.courseAfterCessation", "dili.rucam.alcohol",
             "ageYears", "dili.rucam.concomitantDrugs", "dili.rucam.alternativeCauses", "dili.rucam.previousHepatotoxicity", "dili.rucam.reexposure"],
            Rucam.Evaluate(new PatientSnapshot()).Missing);

    private static PatientSnapshot Snapshot(string alt, RucamCourse course) => new()
    {
        AgeYears = 60m,
        Labs = new LabPanel { Alt = Alt.FromUnitsPerLiter(D(alt)), AltUpperLimit = Alt.FromUnitsPerLiter(40m), Alp = Alp.FromUnitsPerLiter(100m), AlpUpperLimit = Alp.FromUnitsPerLiter(100m) },
        Dili = new DrugInjuryFindings
        {
            RucamTimeToOnset = RucamTimeToOnset.Suggestive, RucamCourse = course, RucamAlcohol = false, RucamConcomitant = RucamConcomitant.None,
            RucamAlternativeCauses = RucamAlternativeCauses.GroupOneFiveOrSixRuledOut, RucamPreviousHepatotoxicity = RucamPreviousHepatotoxicity.Unknown,
            RucamReexposure = RucamReexposure.NotDoneOrOther,
        },
    };
}
