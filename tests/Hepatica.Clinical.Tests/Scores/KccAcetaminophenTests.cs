using Hepatica.Clinical.Findings;
using Hepatica.Clinical.Labs;
using Hepatica.Clinical.Scores;
using Hepatica.Clinical.Scoring;
using static Hepatica.Clinical.Tests.Scores.Cases;

namespace Hepatica.Clinical.Tests.Scores;

/// <summary>
/// King's College criteria, acetaminophen (O'Grady 1989, Gastroenterology 97:439; abstract on PubMed 2490426): arterial
/// pH &lt; 7.30, or all of INR &gt; 6.5 (PT &gt; 100 s), creatinine &gt; 300 µmol/L and encephalopathy grade 3-4. Lactate variant:
/// Bernal 2002 (Lancet 359:558): lactate &gt; 3.0 mmol/L after fluid resuscitation (the early &gt; 3.5 needs a time we do not have).
/// </summary>
public sealed class KccAcetaminophenTests
{
    private static KccAcetaminophen.Inputs Inputs(string? ph, string? inr, string? pt, string? crUmol, int? he) => new(
        ph is null ? null : ArterialPh.FromValue(D(ph)), inr is null ? null : Inr.FromRatio(D(inr)), pt is null ? null : ProthrombinTime.FromSeconds(D(pt)),
        crUmol is null ? null : Creatinine.FromMicromolesPerLiter(D(crUmol)), he is null ? null : EncephalopathyGrade.FromWestHaven(he.Value));

    private static PatientSnapshot Snapshot(AcuteLiverFailureCause? cause, string? ph, string? inr, string? crUmol, int? he, string? lactate = null) => new()
    {
        Labs = new LabPanel
        {
            ArterialPh = ph is null ? null : ArterialPh.FromValue(D(ph)),
            Inr = inr is null ? null : Inr.FromRatio(D(inr)),
            Creatinine = crUmol is null ? null : Creatinine.FromMicromolesPerLiter(D(crUmol)),
            Lactate = lactate is null ? null : Lactate.FromMillimolesPerLiter(D(lactate)),
        },
        Findings = new ClinicalFindings { AcuteLiverFailureCause = cause, Encephalopathy = he is null ? null : EncephalopathyGrade.FromWestHaven(he.Value) },
    };

    // pH, INR, PT s, creatinine µmol/L, HE grade, expected (1 met / 0 not met), why (O'Grady 1989 cut-offs)
    [Theory]
    [InlineData("7.29", "1.5", null, "80", 1, 1, "pH just below 7.30: met on its own")]
    [InlineData("7.30", "1.5", null, "80", 1, 0, "pH exactly 7.30 is not below 7.30; second arm not met")]
    [InlineData("7.31", "1.5", null, "80", 1, 0, "pH just above 7.30")]
    [InlineData("7.35", "6.6", null, "301", 3, 1, "second arm: INR 6.6 > 6.5, creatinine 301 > 300, grade 3")]
    [InlineData("7.35", "6.5", null, "301", 3, 0, "INR exactly 6.5 is not above 6.5")]
    [InlineData("7.35", "6.51", null, "301", 4, 1, "INR just above 6.5; grade 4")]
    [InlineData("7.35", "6.6", null, "300", 3, 0, "creatinine exactly 300 µmol/L is not above 300")]
    [InlineData("7.35", "6.6", null, "300.1", 3, 1, "creatinine just above 300 µmol/L")]
    [InlineData("7.35", "6.6", null, "301", 2, 0, "encephalopathy grade 2 is not 3-4")]
    [InlineData("7.35", null, "100", "301", 3, 0, "PT exactly 100 s is not above 100 (no INR)")]
    [InlineData("7.35", null, "101", "301", 3, 1, "PT 101 s > 100 (no INR)")]
    [InlineData("7.35", "5.0", "120", "301", 3, 1, "INR 5 not above 6.5 but PT 120 s is: either one meets the coagulation criterion")]
    public void Calculate_Rows_MatchOGrady1989(string? ph, string? inr, string? pt, string? cr, int he, int expected, string source)
    {
        var result = KccAcetaminophen.Calculate(Inputs(ph, inr, pt, cr, he));
        Equal(expected, result.Value, source);
        Assert.Equal(expected == 1 ? "criteria met" : "criteria not met", result.Category);
    }

    [Theory]
    [InlineData("3.4", 1, "3.4 mg/dL = 300.56 µmol/L (× 88.4) > 300: met")]
    [InlineData("3.39", 0, "3.39 mg/dL = 299.676 µmol/L: not met (the paper's unit is µmol/L; a 3.4 mg/dL cut-off would agree here)")]
    public void Calculate_CreatinineInMgDl_ComparedInMicromoles(string crMgDl, int expected, string source)
    {
        var inputs = new KccAcetaminophen.Inputs(ArterialPh.FromValue(7.4m), Inr.FromRatio(7m), null, Creatinine.FromMilligramsPerDeciliter(D(crMgDl)), EncephalopathyGrade.FromWestHaven(3));
        Equal(expected, KccAcetaminophen.Calculate(inputs).Value, source);
    }

    [Fact]
    public void Evaluate_PhAloneWithEverythingElseMissing_MetAndSaysSo()
    {
        var outcome = KccAcetaminophen.Evaluate(Snapshot(AcuteLiverFailureCause.Acetaminophen, "7.20", null, null, null));
        Assert.Equal(OutcomeStatus.Calculated, outcome.Status);
        Assert.Equal(1m, outcome.Result!.Value);
        Assert.Contains(outcome.Result.Steps, s => s.Label == "pH alone" && s.Detail.Contains("cannot change that", StringComparison.Ordinal));
        Assert.Contains(outcome.Result.Steps, s => s.Label == "creatinine > 300 µmol/L" && s.Detail.Contains("labs.creatinine missing: not determinable", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_PhMissingButSecondArmMet_Met()
    {
        var outcome = KccAcetaminophen.Evaluate(Snapshot(AcuteLiverFailureCause.Acetaminophen, null, "7", "350", 3));
        Assert.Equal(1m, outcome.Result!.Value);
    }

    [Fact]
    public void Evaluate_PhMissingSecondArmNotMet_NamesPh()
    {
        var outcome = KccAcetaminophen.Evaluate(Snapshot(AcuteLiverFailureCause.Acetaminophen, null, "7", "350", 2));
        Assert.Equal(OutcomeStatus.NotCalculable, outcome.Status);
        Assert.Equal(["labs.arterialPh"], outcome.Missing);
    }

    [Fact]
    public void Evaluate_PhNormalSecondArmIncomplete_NamesTheMissingInputsOfTheSecondArm()
    {
        var outcome = KccAcetaminophen.Evaluate(Snapshot(AcuteLiverFailureCause.Acetaminophen, "7.40", null, null, 3));
        Assert.Equal(["labs.inr", "labs.creatinine"], outcome.Missing);
    }

    [Fact]
    public void Evaluate_EmptySnapshot_NamesCauseAndEveryCriterion()
    {
        var outcome = KccAcetaminophen.Evaluate(new PatientSnapshot());
        Assert.Equal(OutcomeStatus.NotCalculable, outcome.Status);
        Assert.Equal(["findings.acuteLiverFailureCause", "labs.arterialPh", "labs.inr", "labs.creatinine", "findings.encephalopathyGrade"], outcome.Missing);
    }

    [Fact]
    public void Evaluate_CauseNotGivenEvenWithPhMet_NotCalculable()
    {
        var outcome = KccAcetaminophen.Evaluate(Snapshot(null, "7.10", null, null, null));
        Assert.Equal(["findings.acuteLiverFailureCause"], outcome.Missing);
    }

    [Theory]
    [InlineData(AcuteLiverFailureCause.HepatitisA)]
    [InlineData(AcuteLiverFailureCause.Indeterminate)]
    [InlineData(AcuteLiverFailureCause.Other)]
    public void Evaluate_OtherCause_NotApplicable(AcuteLiverFailureCause cause)
    {
        Assert.Equal(OutcomeStatus.NotApplicable, KccAcetaminophen.Evaluate(Snapshot(cause, "7.10", null, null, null)).Status);
        Assert.Equal(OutcomeStatus.NotApplicable, KccAcetaminophenLactate.Evaluate(Snapshot(cause, "7.10", null, null, null)).Status);
    }

    [Fact]
    public void Calculate_Undecidable_Throws() =>
        Assert.Throws<ArgumentException>(() => KccAcetaminophen.Calculate(Inputs(null, null, null, null, null)));

    // lactate mmol/L with the original criteria not met (pH 7.40, INR 2, creatinine 100, grade 1), expected, why (Bernal 2002)
    [Theory]
    [InlineData("3.0", 0, "exactly 3.0 is not above the post-resuscitation cut-off")]
    [InlineData("3.01", 1, "just above 3.0")]
    [InlineData("3.2", 1, "3.2: met with the post-resuscitation cut-off (an early sample would need > 3.5; timing is not an input)")]
    [InlineData("2.99", 0, "just below 3.0")]
    public void LactateVariant_LactateAroundCutOff_MatchesBernal2002(string lactate, int expected, string source)
    {
        var original = Inputs("7.40", "2", null, "100", 1);
        var result = KccAcetaminophenLactate.Calculate(new KccAcetaminophenLactate.Inputs(original, Lactate.FromMillimolesPerLiter(D(lactate))));
        Equal(expected, result.Value, source);
    }

    [Fact]
    public void LactateVariant_OriginalMetLactateNormal_Met()
    {
        var result = KccAcetaminophenLactate.Calculate(new KccAcetaminophenLactate.Inputs(Inputs("7.25", null, null, null, null), Lactate.FromMillimolesPerLiter(1.0m)));
        Assert.Equal(1m, result.Value);
    }

    [Fact]
    public void LactateVariant_LactateAloneWithEverythingElseMissing_Met()
    {
        var outcome = KccAcetaminophenLactate.Evaluate(Snapshot(AcuteLiverFailureCause.Acetaminophen, null, null, null, null, "4.0"));
        Assert.Equal(1m, outcome.Result!.Value);
        Assert.Contains(outcome.Result.Steps, s => s.Label == "lactate alone");
    }

    [Fact]
    public void LactateVariant_OriginalNotMetLactateMissing_NamesLactate()
    {
        var outcome = KccAcetaminophenLactate.Evaluate(Snapshot(AcuteLiverFailureCause.Acetaminophen, "7.40", "2", "100", 1));
        Assert.Equal(["labs.lactate"], outcome.Missing);
        Assert.Equal(0m, KccAcetaminophen.Evaluate(Snapshot(AcuteLiverFailureCause.Acetaminophen, "7.40", "2", "100", 1)).Result!.Value);
    }

    [Fact]
    public void LactateVariant_EmptySnapshot_NamesEveryInput()
    {
        var outcome = KccAcetaminophenLactate.Evaluate(new PatientSnapshot());
        Assert.Equal(["findings.acuteLiverFailureCause", "labs.arterialPh", "labs.inr", "labs.creatinine", "findings.encephalopathyGrade", "labs.lactate"], outcome.Missing);
    }
}
