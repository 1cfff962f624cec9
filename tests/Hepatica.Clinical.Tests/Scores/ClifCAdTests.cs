using Hepatica.Clinical.Scores;
using Hepatica.Clinical.Scoring;
using static Hepatica.Clinical.Tests.Scores.Cases;

namespace Hepatica.Clinical.Tests.Scores;

/// <summary>
/// CLIF-C AD (Jalan 2015, J Hepatol 62:831; formula as on the EF-CLIF calculator page):
/// 10 × (0.03 × age + 0.66 × ln(Cr) + 1.71 × ln(INR) + 0.88 × ln(WBC) − 0.05 × Na + 8), integer half away from zero;
/// ≤ 45 low, 46-59 intermediate, ≥ 60 high. Edge rows use creatinine, INR and WBC of 1 (ln 1 = 0), so the value is
/// exactly 0.3 × age − 0.5 × Na + 80.
/// </summary>
public sealed class ClifCAdTests
{
    private static ClifCAd.Inputs Inputs(string age, string cr, string inr, string wbc, string na) => new(
        D(age), Creatinine.FromMilligramsPerDeciliter(D(cr)), Inr.FromRatio(D(inr)), WhiteCells.FromBillionsPerLiter(D(wbc)), Sodium.FromMillimolesPerLiter(D(na)));

    [Theory]
    [InlineData("55", "1.2", "1.5", "6", "131", 55, "54.904259", "intermediate risk",
        "10 × (1.65 + 0.66 × 0.182322 + 1.71 × 0.405465 + 0.88 × 1.791759 − 6.55 + 8) = 10 × 5.490426")]
    [InlineData("62", "2.4", "1.9", "11", "128", 72, "72.455274", "high risk",
        "10 × (1.86 + 0.66 × 0.875469 + 1.71 × 0.641854 + 0.88 × 2.397895 − 6.4 + 8) = 10 × 7.245527")]
    [InlineData("48", "0.8", "1.2", "4.5", "138", 40, "40.280832", "low risk",
        "10 × (1.44 − 0.66 × 0.223144 + 1.71 × 0.182322 + 0.88 × 1.504077 − 6.9 + 8) = 10 × 4.028083")]
    [InlineData("100", "1", "1", "1", "130", 45, "45", "low risk", "30 − 65 + 80 = 45: at the low edge")]
    [InlineData("99", "1", "1", "1", "129", 45, "45.2", "low risk", "29.7 − 64.5 + 80 = 45.2 → 45")]
    [InlineData("100", "1", "1", "1", "129", 46, "45.5", "intermediate risk", "30 − 64.5 + 80 = 45.5 exactly → 46 (half away from zero)")]
    [InlineData("99", "1", "1", "1", "101", 59, "59.2", "intermediate risk", "29.7 − 50.5 + 80 = 59.2 → 59")]
    [InlineData("100", "1", "1", "1", "102", 59, "59", "intermediate risk", "30 − 51 + 80 = 59: top of intermediate")]
    [InlineData("100", "1", "1", "1", "101", 60, "59.5", "high risk", "30 − 50.5 + 80 = 59.5 exactly → 60")]
    [InlineData("100", "1", "1", "1", "100", 60, "60", "high risk", "30 − 50 + 80 = 60: at the high edge")]
    public void Calculate_Rows_HandComputedFromJalan2015(string age, string cr, string inr, string wbc, string na, int expected, string unrounded, string risk, string source)
    {
        var result = ClifCAd.Calculate(Inputs(age, cr, inr, wbc, na));
        Equal(expected, result.Value, source);
        Near(unrounded, result.Unrounded, source);
        Assert.Equal(risk, result.Category);
    }

    [Fact]
    public void Evaluate_CompleteSnapshot_NoAclfCalculated()
    {
        // Same inputs as the first row: 54.904 → 55, intermediate.
        var outcome = ClifCAd.Evaluate(Cases.CompleteSnapshot());
        Assert.Equal(55m, outcome.Result!.Value);
        Assert.Equal("intermediate risk", outcome.Result.Category);
    }

    [Fact]
    public void Evaluate_Aclf_NotApplicable()
    {
        var complete = Cases.CompleteSnapshot();
        var outcome = ClifCAd.Evaluate(complete with { Labs = complete.Labs with { Creatinine = Creatinine.FromMilligramsPerDeciliter(2.2m) } });
        Assert.Equal(OutcomeStatus.NotApplicable, outcome.Status);
        Assert.Contains("ACLF grade 1", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_WbcMissing_NamesIt()
    {
        var complete = Cases.CompleteSnapshot();
        Assert.Equal(["labs.wbc"], ClifCAd.Evaluate(complete with { Labs = complete.Labs with { Wbc = null } }).Missing);
    }

    [Fact]
    public void Evaluate_EmptySnapshot_NamesFormulaInputsThenThoseThatRuleOutAclf() =>
        Assert.Equal(
            ["ageYears", "labs.creatinine", "labs.inr", "labs.wbc", "labs.sodium", "labs.bilirubin", "findings.renalReplacementTherapy", "findings.encephalopathyGrade",
                "findings.vasopressors", "findings.mechanicalVentilation", "findings.pao2Fio2"],
            ClifCAd.Evaluate(new PatientSnapshot()).Missing);
}
