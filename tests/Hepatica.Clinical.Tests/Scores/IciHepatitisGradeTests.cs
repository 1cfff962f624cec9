using Hepatica.Clinical.Findings;
using Hepatica.Clinical.Scores;
using Hepatica.Clinical.Scoring;
using static Hepatica.Clinical.Tests.Scores.Cases;

namespace Hepatica.Clinical.Tests.Scores;

/// <summary>
/// CTCAE v5.0 grades (ALT/AST increased: &gt; ULN-3, &gt; 3-5, &gt; 5-20, &gt; 20 × ULN; blood bilirubin increased: &gt; ULN-1.5,
/// &gt; 1.5-3, &gt; 3-10, &gt; 10 × ULN; normal baseline) and the ASCO 2021 hepatitis management by grade. ULN: ALT and AST
/// 40 U/L, bilirubin 1.0 mg/dL; the base values (ALT 40, AST 40, bilirubin 1.0) are grade 0.
/// </summary>
public sealed class IciHepatitisGradeTests
{
    [Theory]
    [InlineData("40", "40", "1.0", 0, "all at the ULN: grade 0")]
    [InlineData("41", "40", "1.0", 1, "ALT above the ULN: grade 1")]
    [InlineData("120", "40", "1.0", 1, "ALT at 3 × ULN: grade 1 (> 3 for grade 2)")]
    [InlineData("121", "40", "1.0", 2, "ALT above 3 × ULN: grade 2")]
    [InlineData("200", "40", "1.0", 2, "ALT at 5 × ULN: grade 2")]
    [InlineData("201", "40", "1.0", 3, "ALT above 5 × ULN: grade 3")]
    [InlineData("800", "40", "1.0", 3, "ALT at 20 × ULN: grade 3")]
    [InlineData("801", "40", "1.0", 4, "ALT above 20 × ULN: grade 4")]
    [InlineData("40", "201", "1.0", 3, "AST above 5 × ULN: grade 3")]
    [InlineData("40", "40", "1.5", 1, "bilirubin at 1.5 × ULN: grade 1")]
    [InlineData("40", "40", "1.51", 2, "bilirubin above 1.5 × ULN: grade 2")]
    [InlineData("40", "40", "3.0", 2, "bilirubin at 3 × ULN: grade 2")]
    [InlineData("40", "40", "3.01", 3, "bilirubin above 3 × ULN: grade 3")]
    [InlineData("40", "40", "10", 3, "bilirubin at 10 × ULN: grade 3")]
    [InlineData("40", "40", "10.1", 4, "bilirubin above 10 × ULN: grade 4")]
    [InlineData("100", "40", "4.0", 3, "ALT grade 1 and bilirubin grade 3: the higher, 3")]
    public void Calculate_Rows_HighestCtcaeGrade(string alt, string ast, string bili, int expected, string source)
    {
        var result = IciHepatitisGrade.Calculate(new(
            Alt.FromUnitsPerLiter(D(alt)), Alt.FromUnitsPerLiter(40m), Ast.FromUnitsPerLiter(D(ast)), Ast.FromUnitsPerLiter(40m),
            Bilirubin.FromMilligramsPerDeciliter(D(bili)), Bilirubin.FromMilligramsPerDeciliter(1.0m)));
        Equal(expected, result.Value, source);
        Assert.StartsWith($"grade {expected}:", result.Category, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, "continue ICI")]
    [InlineData(2, "hold ICI")]
    [InlineData(3, "permanently discontinue ICI")]
    [InlineData(4, "methylprednisolone 2 mg/kg/day")]
    public void Management_EachGrade_AsAsco2021(int grade, string expected) =>
        Assert.Contains(expected, Bands.Find(IciHepatitisGrade.Management, grade).Label, StringComparison.Ordinal);

    [Fact]
    public void Evaluate_NoCheckpointInhibitor_NotApplicable() =>
        Assert.Equal(OutcomeStatus.NotApplicable, IciHepatitisGrade.Evaluate(new PatientSnapshot { Dili = new DrugInjuryFindings { ImmuneCheckpointInhibitor = false } }).Status);

    [Fact]
    public void Evaluate_Empty_NamesEveryInput() =>
        Assert.Equal(
            ["dili.immuneCheckpointInhibitor", "labs.alt", "labs.altUpperLimit", "labs.ast", "labs.astUpperLimit", "labs.bilirubin", "labs.bilirubinUpperLimit"],
            IciHepatitisGrade.Evaluate(new PatientSnapshot()).Missing);
}
