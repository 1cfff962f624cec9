using Hepatica.Clinical.Scores;
using Hepatica.Clinical.Scoring;
using static Hepatica.Clinical.Tests.Scores.Cases;

namespace Hepatica.Clinical.Tests.Scores;

/// <summary>
/// Results that a score's own formula gives from valid inputs but that make no clinical sense carry a warning
/// (<c>RES001</c>) instead of passing silently: a Maddrey DF below 0 (a PT shorter than the control by more than the
/// bilirubin: a swapped PT and control, or the wrong control), a CLIF-C ACLF outside the 0-100 the EF-CLIF calculator
/// gives (it is bounded, and says so), a CLIF-C AD below 0. Rows at, just below and just above 0 (and 100).
/// </summary>
public sealed class ImpossibleResultTests
{
    // PT, control, bilirubin mg/dL, warned, source (hand: 4.6 × (PT − control) + bilirubin)
    [Theory]
    [InlineData("10", "13", "1", true, "4.6 × (−3) + 1 = −12.8: below 0")]
    [InlineData("11.8", "12", "0.91", true, "4.6 × (−0.2) + 0.91 = −0.01: just below 0")]
    [InlineData("11.8", "12", "0.92", false, "4.6 × (−0.2) + 0.92 = 0: at 0, not below")]
    [InlineData("11.8", "12", "0.93", false, "4.6 × (−0.2) + 0.93 = 0.01: just above 0")]
    [InlineData("17", "12", "2.5", false, "4.6 × 5 + 2.5 = 25.5: an ordinary value")]
    public void MaddreyDf_BelowZero_WarnsOfPtBelowControl(string pt, string control, string bili, bool warned, string source)
    {
        var result = MaddreyDf.Calculate(new MaddreyDf.Inputs(ProthrombinTime.FromSeconds(D(pt)), ProthrombinTime.FromSeconds(D(control)), Bilirubin.FromMilligramsPerDeciliter(D(bili))));
        AssertWarned(result, warned, "labs.pt", source);
    }

    // organs, age, WBC, warned, source (hand, as in ClifCAclfTests)
    public static TheoryData<OrganInputs, string, string, bool, string> AclfRows => new()
    {
        { Organs(), "18", "0.1", true, "OF 6: 10 × (1.98 + 0.72 − 0.63 × 2.302585 − 2) = −7.5 → bounded to 0" },
        { Organs(), "18", "1", false, "OF 6: 10 × (1.98 + 0.72 − 2) = 7: inside 0-100" },
        { Organs(bili: "20", rrt: true, he: 4, inr: "3", vasopressors: true, map: null, ventilated: true, pao2: null), "100", "100", true, "OF 18: 108.4 → 108, bounded to 100" },
        { Organs(bili: "20", rrt: true, he: 4, inr: "3", vasopressors: true, map: null, ventilated: true, pao2: null), "70", "20", false, "OF 18: 10 × (5.94 + 2.8 + 0.63 × 2.995732 − 2) = 86.3: inside" },
    };

    [Theory]
    [MemberData(nameof(AclfRows))]
    public void ClifCAclf_OutsideZeroToHundred_WarnsWhenBounded(OrganInputs organs, string age, string wbc, bool warned, string source)
    {
        var result = ClifCAclf.Calculate(new ClifCAclf.Inputs(organs, D(age), WhiteCells.FromBillionsPerLiter(D(wbc))));
        AssertWarned(result, warned, "labs.wbc", source);
    }

    // age, creatinine, INR, WBC, sodium, warned, source (hand: 10 × (0.03 age + 0.66 ln Cr + 1.71 ln INR + 0.88 ln WBC − 0.05 Na + 8))
    [Theory]
    [InlineData("18", "0.3", "1", "0.5", "150", true, "0.54 − 0.7946 − 0.6100 − 7.5 + 8 = −0.3646 → −3.6: below 0")]
    [InlineData("18", "0.3", "1", "0.5", "143", true, "… − 7.15 + 8 = −0.0146 → −0.15: just below 0")]
    [InlineData("18", "0.3", "1", "0.5", "142", false, "… − 7.10 + 8 = 0.0354 → 0.35: just above 0")]
    public void ClifCAd_BelowZero_Warns(string age, string cr, string inr, string wbc, string na, bool warned, string source)
    {
        var result = ClifCAd.Calculate(new ClifCAd.Inputs(D(age), Creatinine.FromMilligramsPerDeciliter(D(cr)), Inr.FromRatio(D(inr)),
            WhiteCells.FromBillionsPerLiter(D(wbc)), Sodium.FromMillimolesPerLiter(D(na))));
        AssertWarned(result, warned, "labs.sodium", source);
    }

    private static void AssertWarned(ScoreResult result, bool warned, string path, string source)
    {
        var warning = result.Warnings.SingleOrDefault(w => w.Code == IssueCodes.ImplausibleResult);
        Assert.True(warned == (warning is not null), source);
        if (warning is not null)
        {
            Assert.Equal((IssueSeverity.Warning, path), (warning.Severity, warning.Path));
            Assert.Contains(result.Steps, s => s.Kind == StepKind.Note && s.Detail == warning.Message);
        }
    }
}
