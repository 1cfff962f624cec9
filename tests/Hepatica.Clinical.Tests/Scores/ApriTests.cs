using Hepatica.Clinical.Scores;
using Hepatica.Clinical.Scoring;
using static Hepatica.Clinical.Tests.Scores.Cases;

namespace Hepatica.Clinical.Tests.Scores;

/// <summary>
/// APRI (Wai 2003): (AST / AST ULN) × 100 / platelets (10^9/L), two decimals half away from zero; bands (WHO 2014 as the
/// code documents): ≤ 0.5, ≤ 1.0, ≤ 1.5, ≤ 2.0, &gt; 2.0 on the unrounded value.
/// </summary>
public sealed class ApriTests
{
    private const string B1 = "significant fibrosis and cirrhosis unlikely";
    private const string B2 = "cirrhosis unlikely; significant fibrosis indeterminate";
    private const string B3 = "indeterminate";
    private const string B4 = "significant fibrosis likely; cirrhosis indeterminate";
    private const string B5 = "cirrhosis likely";

    private static ScoreResult Calc(string ast, string uln, string plt) =>
        Apri.Calculate(new Apri.Inputs(Ast.FromUnitsPerLiter(D(ast)), Ast.FromUnitsPerLiter(D(uln)), Platelets.FromBillionsPerLiter(D(plt))));

    // Published values (the GDL interpretation uses other cut-offs, Lin 2011, so only its values are taken).
    [Theory]
    [InlineData("38", "40", "150", "0.63", "transplantr tests/testthat/test_liver.R: apri(38, 150, ast_uln = 40) = 0.63; hand 0.95 × 100 / 150 = 0.6333")]
    [InlineData("160", "40", "75", "5.33", "transplantr test_liver.R: apri(160, 75) = 5.33 with its default ULN 40 (given explicitly here); hand 400 / 75 = 5.3333")]
    [InlineData("55", "40", "200", "0.69", "GDL gdl2/APRI_AST_to_platelet_ratio_index.v1.test.yml: 0.69; hand 137.5 / 200 = 0.6875 → 0.69")]
    [InlineData("55", "40", "196", "0.70", "GDL APRI test: 0.70; hand 137.5 / 196 = 0.70153")]
    [InlineData("60", "40", "152", "0.99", "GDL APRI test: 0.99; hand 150 / 152 = 0.98684")]
    [InlineData("61", "40", "152", "1.00", "GDL APRI test: 1.00; hand 152.5 / 152 = 1.00329")]
    [InlineData("75", "40", "94", "1.99", "GDL APRI test: 1.99; hand 187.5 / 94 = 1.99468")]
    [InlineData("100", "40", "125", "2.00", "GDL APRI test: 2.00; hand 250 / 125 = 2")]
    public void Calculate_PublishedRows_MatchSource(string ast, string uln, string plt, string expected, string source) =>
        Equal(D(expected), Calc(ast, uln, plt).Value, source);

    // ULN 40, platelets 100: APRI = AST / 40 exactly.
    [Theory]
    [InlineData("19.96", "0.50", "0.499", B1, "0.5 edge, below")]
    [InlineData("20", "0.50", "0.5", B1, "0.5 edge, at: ≤ 0.5 rules out (Wai 2003)")]
    [InlineData("20.04", "0.50", "0.501", B2, "0.5 edge, above: reported 0.50, banded from 0.501")]
    [InlineData("39.96", "1.00", "0.999", B2, "1.0 edge, below")]
    [InlineData("40", "1.00", "1", B2, "1.0 edge, at: ≤ 1.0 rules out cirrhosis")]
    [InlineData("40.04", "1.00", "1.001", B3, "1.0 edge, above")]
    [InlineData("59.96", "1.50", "1.499", B3, "1.5 edge, below")]
    [InlineData("60", "1.50", "1.5", B3, "1.5 edge, at: WHO 2014 reading (> 1.5 rules in); scores.md lists Wai's ≥ 1.5 (doubt reported)")]
    [InlineData("60.04", "1.50", "1.501", B4, "1.5 edge, above")]
    [InlineData("79.96", "2.00", "1.999", B4, "2.0 edge, below")]
    [InlineData("80", "2.00", "2", B4, "2.0 edge, at: WHO 2014 > 2.0 rules in cirrhosis")]
    [InlineData("80.04", "2.00", "2.001", B5, "2.0 edge, above")]
    [InlineData("20.2", "0.51", "0.505", B2, "exact midpoint 0.505: half away from zero → 0.51 (to-even gives 0.50)")]
    [InlineData("20.6", "0.52", "0.515", B2, "exact midpoint 0.515 → 0.52")]
    public void Calculate_BandEdgesAndMidpoints_ValueAndBand(string ast, string expected, string unrounded, string band, string source)
    {
        var result = Calc(ast, "40", "100");
        Equal(D(expected), result.Value, source);
        Assert.Equal(D(unrounded), result.Unrounded);
        Assert.Equal(band, result.Category);
    }

    [Fact]
    public void Evaluate_EmptySnapshot_NamesEveryMissingInput()
    {
        var outcome = Apri.Evaluate(new PatientSnapshot());
        Assert.Equal(OutcomeStatus.NotCalculable, outcome.Status);
        Assert.Equal(["labs.ast", "labs.astUpperLimit", "labs.platelets"], outcome.Missing);
    }

    [Fact]
    public void Evaluate_NoUpperLimit_NeverAssumed()
    {
        var complete = Cases.CompleteSnapshot();
        var outcome = Apri.Evaluate(complete with { Labs = complete.Labs with { AstUpperLimit = null } });
        Assert.Equal(OutcomeStatus.NotCalculable, outcome.Status);
        Assert.Equal(["labs.astUpperLimit"], outcome.Missing);
    }
}
