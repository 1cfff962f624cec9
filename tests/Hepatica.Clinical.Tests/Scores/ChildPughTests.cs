using Hepatica.Clinical.Findings;
using Hepatica.Clinical.Labs;
using Hepatica.Clinical.Scores;
using Hepatica.Clinical.Scoring;
using static Hepatica.Clinical.Tests.Scores.Cases;

namespace Hepatica.Clinical.Tests.Scores;

/// <summary>
/// Child-Turcotte-Pugh (Pugh 1973; MDCalc INR bands): bilirubin &lt; 2 / 2-3 / &gt; 3 mg/dL (cholestatic &lt; 4 / 4-10 / &gt; 10),
/// albumin &gt; 3.5 / 2.8-3.5 / &lt; 2.8 g/dL, INR &lt; 1.7 / 1.7-2.3 / &gt; 2.3, ascites none / mild / moderate-severe,
/// encephalopathy none / grade 1-2 / grade 3-4; middle bands inclusive at both ends; class A 5-6, B 7-9, C 10-15.
/// </summary>
public sealed class ChildPughTests
{
    private static ChildPugh.Inputs Inputs(string bili, BilirubinUnit biliUnit, string alb, AlbuminUnit albUnit, string inr, Ascites ascites, int he, bool cholestatic) =>
        new(Bilirubin.From(D(bili), biliUnit), Albumin.From(D(alb), albUnit), Inr.FromRatio(D(inr)), ascites, EncephalopathyGrade.FromWestHaven(he), cholestatic);

    // Base row: bili 1.0, albumin 4.0, INR 1.0, no ascites, no HE → 1+1+1+1+1 = 5. Each row moves one item.
    [Theory]
    [InlineData("1.0", BilirubinUnit.MilligramPerDeciliter, false, 5, "1 point: < 2 mg/dL")]
    [InlineData("1.99", BilirubinUnit.MilligramPerDeciliter, false, 5, "just below 2 mg/dL: 1 point")]
    [InlineData("2.0", BilirubinUnit.MilligramPerDeciliter, false, 6, "exactly 2 mg/dL: 2 points (middle band inclusive, MDCalc/MedCalc-Bench)")]
    [InlineData("3.0", BilirubinUnit.MilligramPerDeciliter, false, 6, "exactly 3 mg/dL: 2 points (inclusive)")]
    [InlineData("3.01", BilirubinUnit.MilligramPerDeciliter, false, 7, "just above 3 mg/dL: 3 points")]
    [InlineData("34.1", BilirubinUnit.MicromolePerLiter, false, 5, "34.1 µmol/L = 1.994 mg/dL: 1 point")]
    [InlineData("34.2", BilirubinUnit.MicromolePerLiter, false, 6, "34.2 µmol/L = exactly 2 mg/dL (÷ 17.1): 2 points")]
    [InlineData("51.3", BilirubinUnit.MicromolePerLiter, false, 6, "51.3 µmol/L = exactly 3 mg/dL: 2 points")]
    [InlineData("51.4", BilirubinUnit.MicromolePerLiter, false, 7, "51.4 µmol/L = 3.006 mg/dL: 3 points")]
    [InlineData("3.99", BilirubinUnit.MilligramPerDeciliter, true, 5, "cholestatic (PBC/PSC) bands: 3.99 < 4: 1 point")]
    [InlineData("4.0", BilirubinUnit.MilligramPerDeciliter, true, 6, "cholestatic: exactly 4: 2 points")]
    [InlineData("10.0", BilirubinUnit.MilligramPerDeciliter, true, 6, "cholestatic: exactly 10: 2 points")]
    [InlineData("10.01", BilirubinUnit.MilligramPerDeciliter, true, 7, "cholestatic: above 10: 3 points")]
    [InlineData("4.0", BilirubinUnit.MilligramPerDeciliter, false, 7, "not cholestatic: 4 > 3: 3 points")]
    public void Calculate_BilirubinBandEdges_PointsPerPugh1973(string bili, BilirubinUnit unit, bool cholestatic, int expected, string source) =>
        Equal(expected, ChildPugh.Calculate(Inputs(bili, unit, "4.0", AlbuminUnit.GramPerDeciliter, "1.0", Ascites.None, 0, cholestatic)).Value, source);

    [Theory]
    [InlineData("3.51", AlbuminUnit.GramPerDeciliter, 5, "> 3.5 g/dL: 1 point")]
    [InlineData("3.5", AlbuminUnit.GramPerDeciliter, 6, "exactly 3.5: 2 points (inclusive)")]
    [InlineData("2.8", AlbuminUnit.GramPerDeciliter, 6, "exactly 2.8: 2 points (inclusive)")]
    [InlineData("2.79", AlbuminUnit.GramPerDeciliter, 7, "< 2.8: 3 points")]
    [InlineData("35.1", AlbuminUnit.GramPerLiter, 5, "35.1 g/L = 3.51 g/dL: 1 point")]
    [InlineData("35", AlbuminUnit.GramPerLiter, 6, "35 g/L = 3.5 g/dL: 2 points")]
    [InlineData("28", AlbuminUnit.GramPerLiter, 6, "28 g/L = 2.8 g/dL: 2 points")]
    [InlineData("27.9", AlbuminUnit.GramPerLiter, 7, "27.9 g/L = 2.79 g/dL: 3 points")]
    public void Calculate_AlbuminBandEdges_PointsPerPugh1973(string alb, AlbuminUnit unit, int expected, string source) =>
        Equal(expected, ChildPugh.Calculate(Inputs("1.0", BilirubinUnit.MilligramPerDeciliter, alb, unit, "1.0", Ascites.None, 0, false)).Value, source);

    [Theory]
    [InlineData("1.69", 5, "< 1.7: 1 point")]
    [InlineData("1.7", 6, "exactly 1.7: 2 points (inclusive)")]
    [InlineData("2.3", 6, "exactly 2.3: 2 points (inclusive; GDL's 2.2 is a known disagreement)")]
    [InlineData("2.31", 7, "> 2.3: 3 points")]
    public void Calculate_InrBandEdges_PointsPerMdCalc(string inr, int expected, string source) =>
        Equal(expected, ChildPugh.Calculate(Inputs("1.0", BilirubinUnit.MilligramPerDeciliter, "4.0", AlbuminUnit.GramPerDeciliter, inr, Ascites.None, 0, false)).Value, source);

    [Theory]
    [InlineData(Ascites.None, 0, 5, "no ascites 1, no HE 1")]
    [InlineData(Ascites.Mild, 0, 6, "mild (slight) ascites: 2")]
    [InlineData(Ascites.ModerateSevere, 0, 7, "moderate-severe ascites: 3")]
    [InlineData(Ascites.None, 1, 6, "HE grade 1: 2")]
    [InlineData(Ascites.None, 2, 6, "HE grade 2: 2")]
    [InlineData(Ascites.None, 3, 7, "HE grade 3: 3")]
    [InlineData(Ascites.None, 4, 7, "HE grade 4: 3")]
    public void Calculate_AscitesAndEncephalopathy_PointsPerPugh1973(Ascites ascites, int he, int expected, string source) =>
        Equal(expected, ChildPugh.Calculate(Inputs("1.0", BilirubinUnit.MilligramPerDeciliter, "4.0", AlbuminUnit.GramPerDeciliter, "1.0", ascites, he, false)).Value, source);

    // Class edges: A 5-6, B 7-9, C 10-15 (Pugh 1973).
    [Theory]
    [InlineData("1.0", "4.0", "1.0", Ascites.None, 0, 5, "A", "1+1+1+1+1 = 5 (minimum)")]
    [InlineData("2.0", "4.0", "1.0", Ascites.None, 0, 6, "A", "2+1+1+1+1 = 6: top of A")]
    [InlineData("2.0", "3.5", "1.0", Ascites.None, 0, 7, "B", "2+2+1+1+1 = 7: bottom of B")]
    [InlineData("2.0", "3.5", "1.7", Ascites.Mild, 1, 10, "C", "2+2+2+2+2 = 10: bottom of C")]
    [InlineData("2.0", "3.5", "1.7", Ascites.Mild, 0, 9, "B", "2+2+2+2+1 = 9: top of B")]
    [InlineData("3.2", "2.6", "2.0", Ascites.Mild, 2, 12, "C",
        "lakshay321123/medx __tests__/child_pugh.test.ts: bili 3.2, alb 2.6, INR 2.0, mild ascites, mild HE → 12, class C (3+3+2+2+2)")]
    [InlineData("5.0", "2.0", "3.0", Ascites.ModerateSevere, 4, 15, "C", "3+3+3+3+3 = 15 (maximum)")]
    public void Calculate_ClassEdges_ClassPerPugh1973(string bili, string alb, string inr, Ascites ascites, int he, int expected, string klass, string source)
    {
        var result = ChildPugh.Calculate(Inputs(bili, BilirubinUnit.MilligramPerDeciliter, alb, AlbuminUnit.GramPerDeciliter, inr, ascites, he, false));
        Equal(expected, result.Value, source);
        Assert.Equal(klass, result.Category);
    }

    [Fact]
    public void Calculate_AnyRow_LastSumEqualsValue()
    {
        var result = ChildPugh.Calculate(Inputs("3.2", BilirubinUnit.MilligramPerDeciliter, "2.6", AlbuminUnit.GramPerDeciliter, "2.0", Ascites.Mild, 2, false));
        Assert.Equal(result.Value, result.Steps.Last(s => s.Kind == StepKind.Sum).Value);
        Assert.Equal(5, result.Steps.Count(s => s.Kind == StepKind.Points));
    }

    [Fact]
    public void Evaluate_EmptySnapshot_NamesEveryMissingInput()
    {
        var outcome = ChildPugh.Evaluate(new PatientSnapshot());
        Assert.Equal(OutcomeStatus.NotCalculable, outcome.Status);
        Assert.Equal(
            ["labs.bilirubin", "labs.albumin", "labs.inr", "findings.ascites", "findings.encephalopathyGrade", "findings.cholestaticLiverDisease"],
            outcome.Missing);
    }

    [Fact]
    public void Evaluate_CompleteSnapshot_Calculates()
    {
        // Snapshot: bili 2.5 (2), alb 3.0 (2), INR 1.5 (1), mild ascites (2), HE grade 1 (2) = 9, class B.
        var outcome = ChildPugh.Evaluate(Cases.CompleteSnapshot());
        Assert.Equal(OutcomeStatus.Calculated, outcome.Status);
        Assert.Equal(9m, outcome.Result!.Value);
        Assert.Equal("B", outcome.Result.Category);
    }
}
