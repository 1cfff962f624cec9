using Hepatica.Clinical.Findings;
using Hepatica.Clinical.Labs;
using Hepatica.Clinical.Scores;
using Hepatica.Clinical.Scoring;
using static Hepatica.Clinical.Tests.Scores.Cases;

namespace Hepatica.Clinical.Tests.Scores;

/// <summary>
/// Hy's law (FDA 2009 guidance, as quoted in its reproductions): ALT or AST 3-fold or greater above the ULN, total
/// bilirubin &gt; 2 × ULN, no initial cholestasis (ALP &lt; 2 × ULN as usually applied), no other explanation. ULN: ALT and
/// AST 40 U/L, bilirubin 1.0 mg/dL, ALP 100 U/L. The base case meets every component: ALT 400 (10 × ULN), AST 40, bilirubin
/// 3.0 (3 × ULN), ALP 150 (1.5 × ULN), no other explanation.
/// </summary>
public sealed class HysLawTests
{
    private static HysLaw.Inputs Base(string alt = "400", string ast = "40", string bili = "3.0", string alp = "150", bool? other = true) =>
        new(Alt.FromUnitsPerLiter(D(alt)), Alt.FromUnitsPerLiter(40m), Ast.FromUnitsPerLiter(D(ast)), Ast.FromUnitsPerLiter(40m),
            Bilirubin.FromMilligramsPerDeciliter(D(bili)), Bilirubin.FromMilligramsPerDeciliter(1.0m), Alp.FromUnitsPerLiter(D(alp)), Alp.FromUnitsPerLiter(100m), other);

    [Theory]
    [InlineData("400", "40", "3.0", "150", true, 1, "base case: every component met")]
    [InlineData("120", "40", "3.0", "150", true, 1, "ALT at 3 × ULN: met (3-fold or greater)")]
    [InlineData("119.6", "40", "3.0", "150", true, 0, "ALT 2.99 × ULN, AST 1 × ULN: not met")]
    [InlineData("40", "120", "3.0", "150", true, 1, "AST at 3 × ULN with normal ALT: met (ALT or AST)")]
    [InlineData("400", "40", "2.0", "150", true, 0, "bilirubin at 2 × ULN: not met (> 2 needed)")]
    [InlineData("400", "40", "2.01", "150", true, 1, "bilirubin 2.01 × ULN: met")]
    [InlineData("400", "40", "3.0", "200", true, 0, "ALP at 2 × ULN: initial cholestasis, not met")]
    [InlineData("400", "40", "3.0", "199", true, 1, "ALP 1.99 × ULN: met")]
    [InlineData("400", "40", "3.0", "150", false, 0, "another explanation found: not met")]
    public void Calculate_Rows_EveryComponent(string alt, string ast, string bili, string alp, bool noOther, int expected, string source)
    {
        var result = HysLaw.Calculate(Base(alt, ast, bili, alp, noOther));
        Equal(expected, result.Value, source);
        Assert.Equal(expected == 1 ? "Hy's law case (potential for severe DILI)" : "not a Hy's law case", result.Category);
    }

    [Fact]
    public void Evaluate_Empty_NamesEveryInput() =>
        Assert.Equal(
            ["labs.alt", "labs.altUpperLimit", "labs.ast", "labs.astUpperLimit", "labs.bilirubin", "labs.bilirubinUpperLimit", "labs.alp", "labs.alpUpperLimit", "dili.noOtherExplanation"],
            HysLaw.Evaluate(new PatientSnapshot()).Missing);

    [Fact]
    public void Evaluate_OneComponentNotMet_DecidesWithoutTheRest()
    {
        // Bilirubin 1.5 × ULN is not > 2 × ULN: not a Hy's law case whatever ALP and the explanation are.
        var snapshot = new PatientSnapshot
        {
            Labs = new LabPanel { Bilirubin = Bilirubin.FromMilligramsPerDeciliter(1.5m), BilirubinUpperLimit = Bilirubin.FromMilligramsPerDeciliter(1.0m) },
        };
        var outcome = HysLaw.Evaluate(snapshot);
        Assert.Equal(OutcomeStatus.Calculated, outcome.Status);
        Assert.Equal(0m, outcome.Result!.Value);
    }

    [Fact]
    public void Evaluate_AltMeetsWithoutAst_DoesNotNeedAst()
    {
        var outcome = HysLaw.Evaluate(Snapshot(ast: false));
        Assert.Equal(OutcomeStatus.Calculated, outcome.Status);
        Assert.Equal(1m, outcome.Result!.Value);
    }

    [Fact]
    public void Evaluate_AltBelowAndAstMissing_NamesAst()
    {
        var snapshot = Snapshot(ast: false);
        snapshot = snapshot with { Labs = snapshot.Labs with { Alt = Alt.FromUnitsPerLiter(80m) } };
        Assert.Equal(["labs.ast", "labs.astUpperLimit"], HysLaw.Evaluate(snapshot).Missing);
    }

    private static PatientSnapshot Snapshot(bool ast) => new()
    {
        Labs = new LabPanel
        {
            Alt = Alt.FromUnitsPerLiter(400m), AltUpperLimit = Alt.FromUnitsPerLiter(40m),
            Ast = ast ? Ast.FromUnitsPerLiter(40m) : null, AstUpperLimit = ast ? Ast.FromUnitsPerLiter(40m) : null,
            Bilirubin = Bilirubin.FromMicromolesPerLiter(51.3m), BilirubinUpperLimit = Bilirubin.FromMicromolesPerLiter(17.1m),
            Alp = Alp.FromUnitsPerLiter(150m), AlpUpperLimit = Alp.FromUnitsPerLiter(100m),
        },
        Dili = new DrugInjuryFindings { NoOtherExplanation = true },
    };
}
