using FsCheck.Xunit;
using Hepatica.Clinical.Scores;
using static Hepatica.Clinical.Tests.Scores.Cases;

namespace Hepatica.Clinical.Tests.Scores;

/// <summary>
/// NAFLD fibrosis score (Angulo 2007, Hepatology 45:846): −1.675 + 0.037 age + 0.094 BMI + 1.13 IFG/diabetes + 0.99 AST/ALT
/// − 0.013 platelets − 0.66 albumin (g/dL); &lt; −1.455 low, &gt; 0.676 high. Each expected value is the sum of the terms
/// written in the row, computed by hand.
/// </summary>
public sealed partial class NafldFibrosisScoreTests
{
    // age, BMI, diabetes, AST, ALT, platelets, albumin g/dL, unrounded, category, hand computation
    [Theory]
    [InlineData("41", "24.5", false, "40", "40", "150", "4.0", "-1.455", "indeterminate", "-1.675 + 1.517 + 2.303 + 0 + 0.99 - 1.95 - 2.64: at the lower cut-off")]
    [InlineData("41", "24.4", false, "40", "40", "150", "4.0", "-1.4644", "low (advanced fibrosis unlikely, F0-F2)", "BMI 0.1 lower: -1.455 - 0.0094")]
    [InlineData("41", "24.6", false, "40", "40", "150", "4.0", "-1.4456", "indeterminate", "BMI 0.1 higher: -1.455 + 0.0094")]
    [InlineData("49", "32", true, "40", "40", "150", "4.0", "0.676", "indeterminate", "-1.675 + 1.813 + 3.008 + 1.13 + 0.99 - 1.95 - 2.64: at the upper cut-off")]
    [InlineData("49", "31.9", true, "40", "40", "150", "4.0", "0.6666", "indeterminate", "BMI 0.1 lower: 0.676 - 0.0094")]
    [InlineData("49", "32.1", true, "40", "40", "150", "4.0", "0.6854", "high (advanced fibrosis likely, F3-F4)", "BMI 0.1 higher: 0.676 + 0.0094")]
    [InlineData("40", "25", false, "20", "40", "250", "4.5", "-3.57", "low (advanced fibrosis unlikely, F0-F2)", "-1.675 + 1.48 + 2.35 + 0 + 0.495 - 3.25 - 2.97")]
    [InlineData("50", "30", true, "40", "40", "200", "4.0", "-0.125", "indeterminate", "-1.675 + 1.85 + 2.82 + 1.13 + 0.99 - 2.6 - 2.64")]
    [InlineData("65", "35", true, "60", "40", "120", "3.5", "2.765", "high (advanced fibrosis likely, F3-F4)", "-1.675 + 2.405 + 3.29 + 1.13 + 1.485 - 1.56 - 2.31")]
    public void Calculate_Rows_MatchHandComputation(string age, string bmi, bool diabetes, string ast, string alt, string plt, string alb, string expected, string category, string source)
    {
        var result = NafldFibrosisScore.Calculate(new(D(age), D(bmi), diabetes, Ast.FromUnitsPerLiter(D(ast)), Alt.FromUnitsPerLiter(D(alt)), Platelets.FromBillionsPerLiter(D(plt)), Albumin.FromGramsPerDeciliter(D(alb))));
        Near(expected, result.Unrounded, source);
        Assert.Equal(category, result.Category);
    }

    [Fact]
    public void Calculate_Rounding_ThreeDecimalsHalfAwayFromZero()
    {
        // -1.4644 -> -1.464; -1.4456 -> -1.446 (hand computations above).
        var low = NafldFibrosisScore.Calculate(new(41m, 24.4m, false, Ast.FromUnitsPerLiter(40m), Alt.FromUnitsPerLiter(40m), Platelets.FromBillionsPerLiter(150m), Albumin.FromGramsPerDeciliter(4.0m)));
        Assert.Equal(-1.464m, low.Value);
        var mid = NafldFibrosisScore.Calculate(new(41m, 24.6m, false, Ast.FromUnitsPerLiter(40m), Alt.FromUnitsPerLiter(40m), Platelets.FromBillionsPerLiter(150m), Albumin.FromGramsPerDeciliter(4.0m)));
        Assert.Equal(-1.446m, mid.Value);
    }

    [Fact]
    public void Evaluate_Empty_NamesEveryInput() =>
        Assert.Equal(
            ["ageYears", "bmi", "findings.diabetesOrImpairedFastingGlucose", "labs.ast", "labs.alt", "labs.platelets", "labs.albumin"],
            NafldFibrosisScore.Evaluate(new PatientSnapshot()).Missing);

    [Property(Arbitrary = [typeof(ClinicalArbitraries)])]
    public bool Calculate_HigherBmi_NeverLower(Patient patient, byte extra)
    {
        ArgumentNullException.ThrowIfNull(patient);
        var snapshot = patient.ToSnapshot(false);
        var higher = snapshot with { Bmi = snapshot.Bmi + extra };
        return NafldFibrosisScore.Evaluate(higher).Result!.Unrounded >= NafldFibrosisScore.Evaluate(snapshot).Result!.Unrounded;
    }
}
