using Hepatica.Clinical.Scores;
using static Hepatica.Clinical.Tests.Scores.Cases;

namespace Hepatica.Clinical.Tests.Scores;

/// <summary>
/// R ratio (Bénichou 1990; EASL DILI 2019): R = (ALT / ULN) / (ALP / ULN); ≥ 5 hepatocellular, ≤ 2 cholestatic, between
/// mixed; nR (Robles-Diaz 2014) uses the higher of ALT / ULN and AST / ULN. ULN ALT 40, AST 40, ALP 100 U/L throughout;
/// every expected ratio is computed by hand in the row.
/// </summary>
public sealed class DiliPatternTests
{
    [Theory]
    [InlineData("200", "100", "5", "hepatocellular", "(200/40) / (100/100) = 5: at the cut-off")]
    [InlineData("199.6", "100", "4.99", "mixed", "199.6/40 = 4.99: just below 5")]
    [InlineData("200.4", "100", "5.01", "hepatocellular", "200.4/40 = 5.01")]
    [InlineData("80", "100", "2", "cholestatic", "80/40 = 2: at the cut-off (≤ 2)")]
    [InlineData("80.4", "100", "2.01", "mixed", "80.4/40 = 2.01")]
    [InlineData("79.6", "100", "1.99", "cholestatic", "79.6/40 = 1.99")]
    [InlineData("400", "300", "3.333333", "mixed", "(400/40) / (300/100) = 10/3")]
    public void RRatio_Rows_PatternByCutOff(string alt, string alp, string expected, string pattern, string source)
    {
        var result = DiliRRatio.Calculate(new(Alt.FromUnitsPerLiter(D(alt)), Alt.FromUnitsPerLiter(40m), Alp.FromUnitsPerLiter(D(alp)), Alp.FromUnitsPerLiter(100m)));
        Near(expected, result.Unrounded, source);
        Assert.Equal(pattern, result.Category);
    }

    [Fact]
    public void RRatio_Rounding_TwoDecimals() =>
        Assert.Equal(3.33m, DiliRRatio.Calculate(new(Alt.FromUnitsPerLiter(400m), Alt.FromUnitsPerLiter(40m), Alp.FromUnitsPerLiter(300m), Alp.FromUnitsPerLiter(100m))).Value);

    [Theory]
    [InlineData("100", "300", "7.5", "hepatocellular", "AST 300/40 = 7.5 > ALT 100/40 = 2.5: nR 7.5 (R would be 2.5, mixed)")]
    [InlineData("300", "100", "7.5", "hepatocellular", "ALT 7.5 > AST 2.5")]
    [InlineData("60", "80", "2", "cholestatic", "AST 80/40 = 2, ALT 1.5: nR 2, at the cut-off")]
    public void NewR_Rows_HigherAminotransferase(string alt, string ast, string expected, string pattern, string source)
    {
        var result = DiliNewR.Calculate(new(
            Alt.FromUnitsPerLiter(D(alt)), Alt.FromUnitsPerLiter(40m), Ast.FromUnitsPerLiter(D(ast)), Ast.FromUnitsPerLiter(40m), Alp.FromUnitsPerLiter(100m), Alp.FromUnitsPerLiter(100m)));
        Near(expected, result.Unrounded, source);
        Assert.Equal(pattern, result.Category);
    }

    [Fact]
    public void Evaluate_Empty_NamesEveryInput()
    {
        Assert.Equal(["labs.alt", "labs.altUpperLimit", "labs.alp", "labs.alpUpperLimit"], DiliRRatio.Evaluate(new PatientSnapshot()).Missing);
        Assert.Equal(["labs.alt", "labs.altUpperLimit", "labs.ast", "labs.astUpperLimit", "labs.alp", "labs.alpUpperLimit"], DiliNewR.Evaluate(new PatientSnapshot()).Missing);
    }
}
