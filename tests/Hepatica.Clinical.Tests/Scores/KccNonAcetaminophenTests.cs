using Hepatica.Clinical.Findings;
using Hepatica.Clinical.Labs;
using Hepatica.Clinical.Scores;
using Hepatica.Clinical.Scoring;
using static Hepatica.Clinical.Tests.Scores.Cases;

namespace Hepatica.Clinical.Tests.Scores;

/// <summary>
/// King's College criteria, not acetaminophen (O'Grady 1989; the criteria as tabulated in the BSG acute liver failure
/// guidance in Gut and in World J Gastroenterol 1995;1:4 Table 6): INR &gt; 6.5 (PT &gt; 100 s) alone, or any three of
/// age &lt; 10 or &gt; 40; non-A non-B, halothane or idiosyncratic drug reaction; jaundice to encephalopathy &gt; 7 days;
/// INR &gt; 3.5 (PT &gt; 50 s); bilirubin &gt; 300 µmol/L.
/// </summary>
public sealed class KccNonAcetaminophenTests
{
    private static KccNonAcetaminophen.Inputs Inputs(AcuteLiverFailureCause? cause, string? inr, string? age, string? days, string? biliUmol, string? pt = null) => new(
        cause, inr is null ? null : Inr.FromRatio(D(inr)), pt is null ? null : ProthrombinTime.FromSeconds(D(pt)), age is null ? null : D(age),
        days is null ? null : D(days), biliUmol is null ? null : Bilirubin.FromMicromolesPerLiter(D(biliUmol)));

    // Base: hepatitis A (not an adverse aetiology), INR 2, age 30, 3 days, bilirubin 100 µmol/L: 0 of 5. Each row adds criteria.
    [Theory]
    [InlineData(AcuteLiverFailureCause.HepatitisA, "6.6", "30", "3", "100", 1, 1, "INR 6.6 > 6.5 meets the criteria on its own (it is also lesser criterion 4)")]
    [InlineData(AcuteLiverFailureCause.HepatitisA, "6.5", "30", "3", "100", 0, 1, "INR 6.5 is not above 6.5; it is lesser criterion 4 (> 3.5) only: 1 of 5")]
    [InlineData(AcuteLiverFailureCause.Indeterminate, "2", "41", "8", "100", 1, 3, "three lesser: non-A non-B, age 41, 8 days")]
    [InlineData(AcuteLiverFailureCause.Indeterminate, "2", "41", "7", "100", 0, 2, "jaundice exactly 7 days is not more than 7: two lesser")]
    [InlineData(AcuteLiverFailureCause.Halothane, "2", "9.9", "7.1", "100", 1, 3, "halothane, age 9.9 < 10, 7.1 days")]
    [InlineData(AcuteLiverFailureCause.DrugReaction, "2", "10", "8", "100", 0, 2, "age exactly 10 is not below 10")]
    [InlineData(AcuteLiverFailureCause.DrugReaction, "2", "40", "8", "100", 0, 2, "age exactly 40 is not above 40")]
    [InlineData(AcuteLiverFailureCause.DrugReaction, "2", "40.1", "8", "100", 1, 3, "age 40.1 > 40")]
    [InlineData(AcuteLiverFailureCause.HepatitisB, "3.51", "45", "8", "100", 1, 3, "INR 3.51 > 3.5, age 45, 8 days")]
    [InlineData(AcuteLiverFailureCause.HepatitisB, "3.5", "45", "8", "100", 0, 2, "INR exactly 3.5 is not above 3.5")]
    [InlineData(AcuteLiverFailureCause.HepatitisB, "2", "45", "8", "300.1", 1, 3, "bilirubin 300.1 µmol/L > 300, age 45, 8 days")]
    [InlineData(AcuteLiverFailureCause.HepatitisB, "2", "45", "8", "300", 0, 2, "bilirubin exactly 300 µmol/L is not above 300")]
    [InlineData(AcuteLiverFailureCause.Wilson, "4", "45", "8", "400", 1, 4, "Wilson is not an adverse aetiology in the criteria; four others met")]
    [InlineData(AcuteLiverFailureCause.AutoimmuneHepatitis, "2", "45", "8", "100", 0, 2, "autoimmune hepatitis is not an adverse aetiology")]
    [InlineData(AcuteLiverFailureCause.Other, "2", "45", "8", "100", 0, 2, "'other' is not an adverse aetiology")]
    public void Calculate_Rows_MatchOGrady1989(AcuteLiverFailureCause cause, string inr, string age, string days, string bili, int expected, int minor, string source)
    {
        var result = KccNonAcetaminophen.Calculate(Inputs(cause, inr, age, days, bili));
        Equal(expected, result.Value, source);
        Equal(minor, result.Extras[KccNonAcetaminophen.MinorMetExtra], source);
        Assert.Equal(expected == 1 ? "criteria met" : "criteria not met", result.Category);
    }

    [Theory]
    [InlineData("100", "30", 0, "PT exactly 100 s (no INR): not above 100; 50 < 100 is lesser criterion 4: 1 of 5")]
    [InlineData("101", "30", 1, "PT 101 s > 100 (no INR): met on its own")]
    [InlineData("50", "45", 0, "PT exactly 50 s is not above 50: age only")]
    [InlineData("51", "45", 0, "PT 51 s > 50 and age 45: two lesser")]
    public void Calculate_ProthrombinTimeWithoutInr_SameCutOffs(string pt, string age, int expected, string source) =>
        Equal(expected, KccNonAcetaminophen.Calculate(Inputs(AcuteLiverFailureCause.HepatitisA, null, age, "3", "100", pt)).Value, source);

    [Theory]
    [InlineData("17.5", 0, "17.5 mg/dL = 299.25 µmol/L (× 17.1): not above 300")]
    [InlineData("17.6", 1, "17.6 mg/dL = 300.96 µmol/L: above 300")]
    public void Calculate_BilirubinInMgDl_ComparedInMicromoles(string mgDl, int expected, string source)
    {
        var inputs = new KccNonAcetaminophen.Inputs(AcuteLiverFailureCause.HepatitisB, Inr.FromRatio(2m), null, 45m, 8m, Bilirubin.FromMilligramsPerDeciliter(D(mgDl)));
        Equal(expected, KccNonAcetaminophen.Calculate(inputs).Value, source);
    }

    [Fact]
    public void Calculate_AgeMissingButThreeOthersMet_Met()
    {
        var result = KccNonAcetaminophen.Calculate(Inputs(AcuteLiverFailureCause.Indeterminate, "4", null, "8", "100"));
        Assert.Equal(1m, result.Value);
        Assert.Contains(result.Steps, s => s.Label.StartsWith("1. age", StringComparison.Ordinal) && s.Detail.Contains("not determinable", StringComparison.Ordinal));
    }

    [Fact]
    public void Calculate_TwoMetOneUnknown_ThrowsAndEvaluateNamesIt()
    {
        Assert.Throws<ArgumentException>(() => KccNonAcetaminophen.Calculate(Inputs(AcuteLiverFailureCause.Indeterminate, "2", null, "8", "100")));
        var snapshot = new PatientSnapshot
        {
            Labs = new LabPanel { Inr = Inr.FromRatio(2m), Bilirubin = Bilirubin.FromMicromolesPerLiter(100m) },
            Findings = new ClinicalFindings { AcuteLiverFailureCause = AcuteLiverFailureCause.Indeterminate, JaundiceToEncephalopathyDays = 8m },
        };
        Assert.Equal(["ageYears"], KccNonAcetaminophen.Evaluate(snapshot).Missing);
    }

    [Fact]
    public void Calculate_NoCoagulationAndTwoUnknown_NotDecidedUntilInrGiven()
    {
        var snapshot = new PatientSnapshot
        {
            AgeYears = 45m,
            Findings = new ClinicalFindings { AcuteLiverFailureCause = AcuteLiverFailureCause.Other },
        };
        Assert.Equal(["labs.inr", "findings.jaundiceToEncephalopathyDays", "labs.bilirubin"], KccNonAcetaminophen.Evaluate(snapshot).Missing);
    }

    [Fact]
    public void Calculate_CauseUnknown_DecidedOnlyWhenTheAetiologyCannotMatter()
    {
        // INR 7 meets the criteria on its own; with INR 2, age 45 and 8 days (two met), the aetiology would decide.
        Assert.Equal(1m, KccNonAcetaminophen.Calculate(Inputs(null, "7", "30", "1", "100")).Value);
        Assert.Equal(0m, KccNonAcetaminophen.Calculate(Inputs(null, "2", "30", "1", "100")).Value);
        var ex = Assert.Throws<ArgumentException>(() => KccNonAcetaminophen.Calculate(Inputs(null, "2", "45", "8", "100")));
        Assert.Contains("findings.acuteLiverFailureCause", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_EmptySnapshot_NamesCauseAndEveryCriterion() =>
        Assert.Equal(
            ["findings.acuteLiverFailureCause", "labs.inr", "ageYears", "findings.jaundiceToEncephalopathyDays", "labs.bilirubin"],
            KccNonAcetaminophen.Evaluate(new PatientSnapshot()).Missing);

    [Fact]
    public void Evaluate_Acetaminophen_NotApplicable()
    {
        var snapshot = new PatientSnapshot { Findings = new ClinicalFindings { AcuteLiverFailureCause = AcuteLiverFailureCause.Acetaminophen } };
        Assert.Equal(OutcomeStatus.NotApplicable, KccNonAcetaminophen.Evaluate(snapshot).Status);
        Assert.Throws<ArgumentException>(() => KccNonAcetaminophen.Calculate(Inputs(AcuteLiverFailureCause.Acetaminophen, "7", "30", "1", "100")));
    }

    [Fact]
    public void Evaluate_CompleteSnapshot_NotMet()
    {
        // Hepatitis B, INR 1.5, age 55 (> 40), 3 days, bilirubin 2.5 mg/dL = 42.75 µmol/L: 1 of 5, INR not > 6.5.
        var outcome = KccNonAcetaminophen.Evaluate(Cases.CompleteSnapshot());
        Assert.Equal(0m, outcome.Result!.Value);
        Assert.Equal(1m, outcome.Result.Extras[KccNonAcetaminophen.MinorMetExtra]);
    }
}
