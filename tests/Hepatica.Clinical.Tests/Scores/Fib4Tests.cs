using Hepatica.Clinical.Scores;
using Hepatica.Clinical.Scoring;
using static Hepatica.Clinical.Tests.Scores.Cases;

namespace Hepatica.Clinical.Tests.Scores;

/// <summary>
/// FIB-4 (Sterling 2006): age × AST / (platelets × √ALT), two decimals half away from zero, band from the unrounded
/// value. Cut-offs: Sterling 2006 &lt; 1.45 / &gt; 3.25 (default); Shah 2009 NAFLD &lt; 1.30 / &gt; 2.67; McPherson 2017 NAFLD
/// aged ≥ 65 &lt; 2.0 / &gt; 2.67. Rows use ALT 100 (√ = 10) and platelets 100 so the value is an exact decimal:
/// FIB-4 = age × AST / 1000.
/// </summary>
public sealed class Fib4Tests
{
    private const string Low = "low risk (advanced fibrosis unlikely)";
    private const string Mid = "indeterminate";
    private const string High = "high risk (advanced fibrosis likely)";

    private static ScoreResult Calc(string age, string ast, string alt, string plt, bool? fatty) =>
        Fib4.Calculate(new Fib4.Inputs(D(age), Ast.FromUnitsPerLiter(D(ast)), Alt.FromUnitsPerLiter(D(alt)), Platelets.FromBillionsPerLiter(D(plt)), fatty));

    // age, AST, ALT, platelets, fatty liver, expected value, unrounded, band, source
    [Theory]
    [InlineData("50", "40", "30", "200", null, "1.83", "1.825742", Mid, "hand: 2000 / (200 × 5.477226) = 1.8257 → 1.83; Sterling: indeterminate")]
    [InlineData("50", "28.8", "100", "100", null, "1.44", "1.44", Low, "Sterling 1.45 edge, below: 1440/1000 = 1.44 < 1.45")]
    [InlineData("50", "29", "100", "100", null, "1.45", "1.45", Mid, "Sterling 1.45 edge, at: 1.45 is not < 1.45 → indeterminate")]
    [InlineData("50", "29.2", "100", "100", false, "1.46", "1.46", Mid, "Sterling 1.45 edge, above: 1.46 (not NAFLD)")]
    [InlineData("50", "65", "100", "100", null, "3.25", "3.25", Mid, "Sterling 3.25 edge, at: not > 3.25 → indeterminate")]
    [InlineData("50", "65.2", "100", "100", null, "3.26", "3.26", High, "Sterling 3.25 edge, above: 3.26 > 3.25")]
    [InlineData("50", "25.8", "100", "100", true, "1.29", "1.29", Low, "Shah 2009 (NAFLD < 65 y) 1.30 edge, below")]
    [InlineData("50", "26", "100", "100", true, "1.30", "1.3", Mid, "Shah 1.30 edge, at → indeterminate")]
    [InlineData("50", "53.4", "100", "100", true, "2.67", "2.67", Mid, "Shah 2.67 edge, at → indeterminate")]
    [InlineData("50", "53.6", "100", "100", true, "2.68", "2.68", High, "Shah 2.67 edge, above: 2.68 > 2.67")]
    [InlineData("80", "24.9", "100", "100", true, "1.99", "1.992", Low, "McPherson 2017 (NAFLD ≥ 65 y) 2.0 edge, below: 80 × 24.9 / 1000 = 1.992")]
    [InlineData("80", "25", "100", "100", true, "2.00", "2", Mid, "McPherson 2.0 edge, at → indeterminate")]
    [InlineData("80", "33.375", "100", "100", true, "2.67", "2.67", Mid, "McPherson 2.67 edge, at: 80 × 33.375 / 1000 = 2.67 → indeterminate")]
    [InlineData("80", "33.4", "100", "100", true, "2.67", "2.672", High, "McPherson 2.67 edge, above: 2.672 → reported 2.67 but high (band from unrounded)")]
    [InlineData("64.9", "30", "100", "100", true, "1.95", "1.947", Mid, "NAFLD aged 64.9: Shah cut-offs, 1.947 ≥ 1.30 → indeterminate")]
    [InlineData("65", "30", "100", "100", true, "1.95", "1.95", Low, "NAFLD aged 65: McPherson cut-offs, 1.95 < 2.0 → low")]
    [InlineData("65", "30", "100", "100", false, "1.95", "1.95", Mid, "aged 65, not NAFLD: Sterling cut-offs → indeterminate")]
    [InlineData("50", "28.9", "100", "100", null, "1.45", "1.445", Low,
        "exact midpoint 1.445: half away from zero → 1.45 (to-even gives 1.44); band from unrounded 1.445 < 1.45 → low")]
    public void Calculate_Rows_ValueAndBand(string age, string ast, string alt, string plt, bool? fatty, string expected, string unrounded, string band, string source)
    {
        var result = Calc(age, ast, alt, plt, fatty);
        Equal(D(expected), result.Value, source);
        Near(unrounded, result.Unrounded, source);
        Assert.Equal(band, result.Category);
    }

    // McPherson 2017 (Am J Gastroenterol 112:740, abstract): FIB-4 "performed poorly ... in those aged ≤35 years"; its
    // age groups are in completed years (≤ 35, 36-45, ...), so 35.99 years is in the ≤ 35 group and 36 is not.
    [Theory]
    [InlineData("18", true)]
    [InlineData("34.9", true)]
    [InlineData("35", true)]
    [InlineData("35.99", true)]
    [InlineData("36", false)]
    [InlineData("70", false)]
    public void Fib4_AgeWarning_At35AndUnder_McPherson2017(string age, bool warned)
    {
        var result = Calc(age, "30", "100", "100", null);
        if (warned)
        {
            var warning = Assert.Single(result.Warnings);
            Assert.Equal(IssueCodes.UnusualPatient, warning.Code);
            Assert.Equal(IssueSeverity.Warning, warning.Severity);
            Assert.Equal("ageYears", warning.Path);
        }
        else
        {
            Assert.Empty(result.Warnings);
        }
    }

    [Fact]
    public void Evaluate_EmptySnapshot_NamesEveryMissingInput()
    {
        var outcome = Fib4.Evaluate(new PatientSnapshot());
        Assert.Equal(OutcomeStatus.NotCalculable, outcome.Status);
        Assert.Equal(["ageYears", "labs.ast", "labs.alt", "labs.platelets"], outcome.Missing);
    }

    [Fact]
    public void Evaluate_FattyLiverNotStated_CalculatesWithSterlingCutOffs()
    {
        // Snapshot: 55 × 80 / (90 × √50) = 4400 / 636.396 = 6.9139 → 6.91, > 3.25.
        var complete = Cases.CompleteSnapshot();
        var outcome = Fib4.Evaluate(complete with { Findings = complete.Findings with { FattyLiverDisease = null } });
        Assert.Equal(OutcomeStatus.Calculated, outcome.Status);
        Assert.Equal(6.91m, outcome.Result!.Value);
        Assert.Equal(High, outcome.Result.Category);
    }
}
