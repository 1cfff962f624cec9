using FsCheck.Xunit;
using Hepatica.Clinical.Labs;
using Hepatica.Clinical.Scores;
using Hepatica.Clinical.Scoring;
using static Hepatica.Clinical.Tests.Scores.Cases;

namespace Hepatica.Clinical.Tests.Scores;

/// <summary>
/// ABIC (Dominguez 2008, Am J Gastroenterol 103:2747; formula and the cut-offs 6.71 and 9.0 as in its abstract):
/// 0.1 × age + 0.08 × bilirubin mg/dL + 0.3 × creatinine mg/dL + 0.8 × INR; low &lt; 6.71, intermediate 6.71 to &lt; 9.0,
/// high ≥ 9.0, banded on the unrounded value; reported to two decimals.
/// </summary>
public sealed class AbicTests
{
    // age, bilirubin, unit, creatinine, unit, INR, expected value, expected unrounded, band, source
    [Theory]
    [InlineData("50", "15", BilirubinUnit.MilligramPerDeciliter, "1.5", CreatinineUnit.MilligramPerDeciliter, "2.0", "8.25", "8.25", "intermediate risk",
        "cliot abic_alcoholic_hepatitis example inputs; hand: 5 + 1.2 + 0.45 + 1.6 = 8.25")]
    [InlineData("55", "1.375", BilirubinUnit.MilligramPerDeciliter, "1", CreatinineUnit.MilligramPerDeciliter, "1", "6.71", "6.71", "intermediate risk",
        "at 6.71: 5.5 + 0.11 + 0.3 + 0.8 = 6.71 (intermediate includes 6.71)")]
    [InlineData("55", "1.25", BilirubinUnit.MilligramPerDeciliter, "1", CreatinineUnit.MilligramPerDeciliter, "1", "6.70", "6.70", "low risk",
        "below 6.71: 5.5 + 0.1 + 0.3 + 0.8 = 6.70")]
    [InlineData("55", "1.365", BilirubinUnit.MilligramPerDeciliter, "1", CreatinineUnit.MilligramPerDeciliter, "1", "6.71", "6.7092", "low risk",
        "just below 6.71: 5.5 + 0.1092 + 0.3 + 0.8 = 6.7092, reported 6.71 but banded low on the unrounded value")]
    [InlineData("55", "1.5", BilirubinUnit.MilligramPerDeciliter, "1", CreatinineUnit.MilligramPerDeciliter, "1", "6.72", "6.72", "intermediate risk",
        "above 6.71: 5.5 + 0.12 + 0.3 + 0.8 = 6.72")]
    [InlineData("60", "13.75", BilirubinUnit.MilligramPerDeciliter, "1", CreatinineUnit.MilligramPerDeciliter, "2", "9.00", "9.00", "high risk",
        "at 9.0: 6 + 1.1 + 0.3 + 1.6 = 9.0 (high includes 9.0)")]
    [InlineData("60", "13.74", BilirubinUnit.MilligramPerDeciliter, "1", CreatinineUnit.MilligramPerDeciliter, "2", "9.00", "8.9992", "intermediate risk",
        "just below 9.0: 6 + 1.0992 + 0.3 + 1.6 = 8.9992, reported 9.00 but banded intermediate")]
    [InlineData("60", "13.76", BilirubinUnit.MilligramPerDeciliter, "1", CreatinineUnit.MilligramPerDeciliter, "2", "9.00", "9.0008", "high risk",
        "just above 9.0: 6 + 1.1008 + 0.3 + 1.6 = 9.0008")]
    [InlineData("45", "171", BilirubinUnit.MicromolePerLiter, "176.8", CreatinineUnit.MicromolePerLiter, "1.8", "7.34", "7.34", "intermediate risk",
        "units: 171 µmol/L = 10 mg/dL, 176.8 µmol/L = 2 mg/dL; hand: 4.5 + 0.8 + 0.6 + 1.44 = 7.34")]
    [InlineData("70", "20", BilirubinUnit.MilligramPerDeciliter, "3", CreatinineUnit.MilligramPerDeciliter, "3", "11.90", "11.9", "high risk",
        "hand: 7 + 1.6 + 0.9 + 2.4 = 11.9")]
    public void Calculate_Rows_MatchSource(string age, string bili, BilirubinUnit biliUnit, string cr, CreatinineUnit crUnit, string inr, string expected, string unrounded, string band, string source)
    {
        var result = Abic.Calculate(new Abic.Inputs(D(age), Bilirubin.From(D(bili), biliUnit), Creatinine.From(D(cr), crUnit), Inr.FromRatio(D(inr))));
        Equal(D(expected), result.Value, source);
        Near(unrounded, result.Unrounded, source);
        Assert.Equal(band, result.Category);
    }

    [Fact]
    public void Evaluate_EmptySnapshot_NamesEveryMissingInput()
    {
        var outcome = Abic.Evaluate(new PatientSnapshot());
        Assert.Equal(OutcomeStatus.NotCalculable, outcome.Status);
        Assert.Equal(["ageYears", "labs.bilirubin", "labs.creatinine", "labs.inr"], outcome.Missing);
    }

    [Fact]
    public void Evaluate_CompleteSnapshot_Calculates()
    {
        // Snapshot: age 55, bili 2.5, Cr 1.2, INR 1.5: 5.5 + 0.2 + 0.36 + 1.2 = 7.26, intermediate.
        var outcome = Abic.Evaluate(CompleteSnapshot());
        Assert.Equal(OutcomeStatus.Calculated, outcome.Status);
        Assert.Equal(7.26m, outcome.Result!.Value);
        Assert.Equal("intermediate risk", outcome.Result.Category);
    }

    [Property(Arbitrary = [typeof(ClinicalArbitraries)])]
    public bool Calculate_AnyPatient_EqualsSumOfTermSteps(Patient patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        var result = Abic.Evaluate(patient.ToSnapshot(false)).Result!;
        return result.Unrounded == result.Steps.Where(s => s.Kind == StepKind.Term).Sum(s => s.Value!.Value);
    }
}
