using Hepatica.Clinical.Scores;
using Hepatica.Clinical.Scoring;
using static Hepatica.Clinical.Tests.Scores.Cases;

namespace Hepatica.Clinical.Tests.Scores;

/// <summary>
/// Age rules of McPherson 2017 (Am J Gastroenterol 112:740, abstract) for the NAFLD fibrosis score: it "performed poorly
/// ... in those aged ≤35 years" (a warning; age groups in completed years), and from 65 a new lower cut-off of 0.12
/// replaces −1.455 ("NFS 0.12, sensitivity 80%"; specificity 70%); the upper cut-off 0.676 is unchanged.
/// Rows with ALT 99 make 0.99 × AST/ALT = AST / 100 exactly: BMI 30, no diabetes, platelets 200, albumin 4.0.
/// </summary>
public sealed partial class NafldFibrosisScoreTests
{
    // age, AST, unrounded, category, hand computation
    [Theory]
    [InlineData("65", "180", "0.11", "low (advanced fibrosis unlikely, F0-F2)", "-1.675 + 2.405 + 2.82 + 1.80 - 2.6 - 2.64 = 0.11: below 0.12 at 65 (McPherson 2017)")]
    [InlineData("65", "181", "0.12", "indeterminate", "= 0.12: at the age-65 cut-off, indeterminate (as Angulo's -1.455 itself)")]
    [InlineData("65", "182", "0.13", "indeterminate", "= 0.13: just above")]
    [InlineData("64.99", "180", "0.10963", "indeterminate", "age 64.99 (0.037 × 64.99 = 2.40463): under 65, Angulo's -1.455 applies")]
    [InlineData("64", "10", "-1.627", "low (advanced fibrosis unlikely, F0-F2)", "age 64: 2.368; -1.675 + 2.368 + 2.82 + 0.10 - 2.6 - 2.64 = -1.627 < -1.455")]
    [InlineData("80", "181", "0.675", "indeterminate", "age 80 (2.96): 0.675, just below the unchanged upper cut-off 0.676")]
    [InlineData("80", "182", "0.685", "high (advanced fibrosis likely, F3-F4)", "age 80: 0.685 > 0.676")]
    public void Nfs_FromAge65_UsesMcPherson2017LowerCutOff(string age, string ast, string expected, string category, string source)
    {
        var result = Calc(age, ast);
        Near(expected, result.Unrounded, source);
        Assert.Equal(category, result.Category);
    }

    [Theory]
    [InlineData("18", true)]
    [InlineData("35", true)]
    [InlineData("35.99", true)]
    [InlineData("36", false)]
    [InlineData("65", false)]
    public void Nfs_AgeWarning_At35AndUnder_McPherson2017(string age, bool warned)
    {
        var result = Calc(age, "40");
        var warning = result.Warnings.SingleOrDefault(w => w.Code == IssueCodes.UnusualPatient);
        Assert.Equal(warned, warning is not null);
        if (warning is not null)
        {
            Assert.Equal(("ageYears", IssueSeverity.Warning), (warning.Path, warning.Severity));
            Assert.Contains("McPherson 2017", warning.Message, StringComparison.Ordinal);
        }
    }

    private static ScoreResult Calc(string age, string ast) =>
        NafldFibrosisScore.Calculate(new(D(age), 30m, false, Ast.FromUnitsPerLiter(D(ast)), Alt.FromUnitsPerLiter(99m), Platelets.FromBillionsPerLiter(200m), Albumin.FromGramsPerDeciliter(4.0m)));
}
