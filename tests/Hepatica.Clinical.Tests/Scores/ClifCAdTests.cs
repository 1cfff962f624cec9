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
    private static ClifCAd.Inputs Inputs(decimal age, decimal cr, decimal inr, decimal wbc, decimal na) => new(
        age, Creatinine.FromMilligramsPerDeciliter(cr), Inr.FromRatio(inr), WhiteCells.FromBillionsPerLiter(wbc), Sodium.FromMillimolesPerLiter(na));

    /// <summary>Rows hand-computed from Jalan 2015: inputs, the reported value, the unrounded value, the risk group, and the computation.</summary>
    public static TheoryData<Row> Rows =>
    [
        new Row(Age: 55m, CreatinineMgDl: 1.2m, Inr: 1.5m, WhiteCells: 6m, Sodium: 131m, Expected: 55, Unrounded: 54.904259m, Risk: "intermediate risk", Source: "10 × (1.65 + 0.66 × 0.182322 + 1.71 × 0.405465 + 0.88 × 1.791759 − 6.55 + 8) = 10 × 5.490426"),
        new Row(Age: 62m, CreatinineMgDl: 2.4m, Inr: 1.9m, WhiteCells: 11m, Sodium: 128m, Expected: 72, Unrounded: 72.455274m, Risk: "high risk", Source: "10 × (1.86 + 0.66 × 0.875469 + 1.71 × 0.641854 + 0.88 × 2.397895 − 6.4 + 8) = 10 × 7.245527"),
        new Row(Age: 48m, CreatinineMgDl: 0.8m, Inr: 1.2m, WhiteCells: 4.5m, Sodium: 138m, Expected: 40, Unrounded: 40.280832m, Risk: "low risk", Source: "10 × (1.44 − 0.66 × 0.223144 + 1.71 × 0.182322 + 0.88 × 1.504077 − 6.9 + 8) = 10 × 4.028083"),
        new Row(Age: 100m, CreatinineMgDl: 1m, Inr: 1m, WhiteCells: 1m, Sodium: 130m, Expected: 45, Unrounded: 45m, Risk: "low risk", Source: "30 − 65 + 80 = 45: at the low edge"),
        new Row(Age: 99m, CreatinineMgDl: 1m, Inr: 1m, WhiteCells: 1m, Sodium: 129m, Expected: 45, Unrounded: 45.2m, Risk: "low risk", Source: "29.7 − 64.5 + 80 = 45.2 → 45"),
        new Row(Age: 100m, CreatinineMgDl: 1m, Inr: 1m, WhiteCells: 1m, Sodium: 129m, Expected: 46, Unrounded: 45.5m, Risk: "intermediate risk", Source: "30 − 64.5 + 80 = 45.5 exactly → 46 (half away from zero)"),
        new Row(Age: 99m, CreatinineMgDl: 1m, Inr: 1m, WhiteCells: 1m, Sodium: 101m, Expected: 59, Unrounded: 59.2m, Risk: "intermediate risk", Source: "29.7 − 50.5 + 80 = 59.2 → 59"),
        new Row(Age: 100m, CreatinineMgDl: 1m, Inr: 1m, WhiteCells: 1m, Sodium: 102m, Expected: 59, Unrounded: 59m, Risk: "intermediate risk", Source: "30 − 51 + 80 = 59: top of intermediate"),
        new Row(Age: 100m, CreatinineMgDl: 1m, Inr: 1m, WhiteCells: 1m, Sodium: 101m, Expected: 60, Unrounded: 59.5m, Risk: "high risk", Source: "30 − 50.5 + 80 = 59.5 exactly → 60"),
        new Row(Age: 100m, CreatinineMgDl: 1m, Inr: 1m, WhiteCells: 1m, Sodium: 100m, Expected: 60, Unrounded: 60m, Risk: "high risk", Source: "30 − 50 + 80 = 60: at the high edge"),
    ];

    [Theory]
    [MemberData(nameof(Rows))]
    public void Calculate_Rows_HandComputedFromJalan2015(Row row)
    {
        var result = ClifCAd.Calculate(Inputs(row.Age, row.CreatinineMgDl, row.Inr, row.WhiteCells, row.Sodium));
        Equal(row.Expected, result.Value, row.Source);
        Near(row.Unrounded, result.Unrounded, row.Source);
        Assert.Equal(row.Risk, result.Category);
    }

    /// <summary>One row of <see cref="Rows"/>: creatinine in mg/dL, white cells in 10^9/L, sodium in mmol/L.</summary>
    public sealed record Row(decimal Age, decimal CreatinineMgDl, decimal Inr, decimal WhiteCells, decimal Sodium, int Expected, decimal Unrounded, string Risk, string Source);

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
