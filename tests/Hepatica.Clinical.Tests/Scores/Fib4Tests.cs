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

    /// <summary>Rows at, below and above every cut-off of each source: inputs, the reported value, the unrounded value, the band, and why.</summary>
    public static TheoryData<Row> Rows =>
    [
        new Row(Age: 50m, Ast: 40m, Alt: 30m, Platelets: 200m, FattyLiver: null, Expected: 1.83m, Unrounded: 1.825742m, Band: Mid, Source: "hand: 2000 / (200 × 5.477226) = 1.8257 → 1.83; Sterling: indeterminate"),
        new Row(Age: 50m, Ast: 28.8m, Alt: 100m, Platelets: 100m, FattyLiver: null, Expected: 1.44m, Unrounded: 1.44m, Band: Low, Source: "Sterling 1.45 edge, below: 1440/1000 = 1.44 < 1.45"),
        new Row(Age: 50m, Ast: 29m, Alt: 100m, Platelets: 100m, FattyLiver: null, Expected: 1.45m, Unrounded: 1.45m, Band: Mid, Source: "Sterling 1.45 edge, at: 1.45 is not < 1.45 → indeterminate"),
        new Row(Age: 50m, Ast: 29.2m, Alt: 100m, Platelets: 100m, FattyLiver: false, Expected: 1.46m, Unrounded: 1.46m, Band: Mid, Source: "Sterling 1.45 edge, above: 1.46 (not NAFLD)"),
        new Row(Age: 50m, Ast: 65m, Alt: 100m, Platelets: 100m, FattyLiver: null, Expected: 3.25m, Unrounded: 3.25m, Band: Mid, Source: "Sterling 3.25 edge, at: not > 3.25 → indeterminate"),
        new Row(Age: 50m, Ast: 65.2m, Alt: 100m, Platelets: 100m, FattyLiver: null, Expected: 3.26m, Unrounded: 3.26m, Band: High, Source: "Sterling 3.25 edge, above: 3.26 > 3.25"),
        new Row(Age: 50m, Ast: 25.8m, Alt: 100m, Platelets: 100m, FattyLiver: true, Expected: 1.29m, Unrounded: 1.29m, Band: Low, Source: "Shah 2009 (NAFLD < 65 y) 1.30 edge, below"),
        new Row(Age: 50m, Ast: 26m, Alt: 100m, Platelets: 100m, FattyLiver: true, Expected: 1.30m, Unrounded: 1.3m, Band: Mid, Source: "Shah 1.30 edge, at → indeterminate"),
        new Row(Age: 50m, Ast: 53.4m, Alt: 100m, Platelets: 100m, FattyLiver: true, Expected: 2.67m, Unrounded: 2.67m, Band: Mid, Source: "Shah 2.67 edge, at → indeterminate"),
        new Row(Age: 50m, Ast: 53.6m, Alt: 100m, Platelets: 100m, FattyLiver: true, Expected: 2.68m, Unrounded: 2.68m, Band: High, Source: "Shah 2.67 edge, above: 2.68 > 2.67"),
        new Row(Age: 80m, Ast: 24.9m, Alt: 100m, Platelets: 100m, FattyLiver: true, Expected: 1.99m, Unrounded: 1.992m, Band: Low, Source: "McPherson 2017 (NAFLD ≥ 65 y) 2.0 edge, below: 80 × 24.9 / 1000 = 1.992"),
        new Row(Age: 80m, Ast: 25m, Alt: 100m, Platelets: 100m, FattyLiver: true, Expected: 2.00m, Unrounded: 2m, Band: Mid, Source: "McPherson 2.0 edge, at → indeterminate"),
        new Row(Age: 80m, Ast: 33.375m, Alt: 100m, Platelets: 100m, FattyLiver: true, Expected: 2.67m, Unrounded: 2.67m, Band: Mid, Source: "McPherson 2.67 edge, at: 80 × 33.375 / 1000 = 2.67 → indeterminate"),
        new Row(Age: 80m, Ast: 33.4m, Alt: 100m, Platelets: 100m, FattyLiver: true, Expected: 2.67m, Unrounded: 2.672m, Band: High, Source: "McPherson 2.67 edge, above: 2.672 → reported 2.67 but high (band from unrounded)"),
        new Row(Age: 64.9m, Ast: 30m, Alt: 100m, Platelets: 100m, FattyLiver: true, Expected: 1.95m, Unrounded: 1.947m, Band: Mid, Source: "NAFLD aged 64.9: Shah cut-offs, 1.947 ≥ 1.30 → indeterminate"),
        new Row(Age: 65m, Ast: 30m, Alt: 100m, Platelets: 100m, FattyLiver: true, Expected: 1.95m, Unrounded: 1.95m, Band: Low, Source: "NAFLD aged 65: McPherson cut-offs, 1.95 < 2.0 → low"),
        new Row(Age: 65m, Ast: 30m, Alt: 100m, Platelets: 100m, FattyLiver: false, Expected: 1.95m, Unrounded: 1.95m, Band: Mid, Source: "aged 65, not NAFLD: Sterling cut-offs → indeterminate"),
        new Row(Age: 50m, Ast: 28.9m, Alt: 100m, Platelets: 100m, FattyLiver: null, Expected: 1.45m, Unrounded: 1.445m, Band: Low, Source: "exact midpoint 1.445: half away from zero → 1.45 (to-even gives 1.44); band from unrounded 1.445 < 1.45 → low"),
    ];

    [Theory]
    [MemberData(nameof(Rows))]
    public void Calculate_Rows_ValueAndBand(Row row)
    {
        var result = Fib4.Calculate(new Fib4.Inputs(row.Age, Ast.FromUnitsPerLiter(row.Ast), Alt.FromUnitsPerLiter(row.Alt), Platelets.FromBillionsPerLiter(row.Platelets), row.FattyLiver));
        Equal(row.Expected, result.Value, row.Source);
        Near(row.Unrounded, result.Unrounded, row.Source);
        Assert.Equal(row.Band, result.Category);
    }

    /// <summary>One row of <see cref="Rows"/>: AST and ALT in U/L, platelets in 10^9/L, fatty liver as the snapshot gives it (null: not recorded).</summary>
    public sealed record Row(decimal Age, decimal Ast, decimal Alt, decimal Platelets, bool? FattyLiver, decimal Expected, decimal Unrounded, string Band, string Source);

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
