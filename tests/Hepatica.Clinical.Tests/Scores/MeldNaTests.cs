using Hepatica.Clinical.Scores;
using static Hepatica.Clinical.Tests.Scores.Cases;

namespace Hepatica.Clinical.Tests.Scores;

/// <summary>
/// MELD-Na (OPTN policy notice 2015-11-01): M = 10 × MELD(i) rounded to the tenth (as MELD); if M &gt; 11,
/// M + 1.32 (137 − Na) − 0.033 M (137 − Na) with Na bounded 125-137; rounded to the integer; maximum 40.
/// Hand computations: "M" is the rounded 10 × MELD(i), d = 137 − Na after the clamp.
/// </summary>
public sealed partial class MeldNaTests
{
    // bilirubin, creatinine, INR, sodium, dialysis, expected MELD-Na, expected unrounded, source
    [Theory]
    [InlineData("2.0", "2.0", "1.0", "120", false, 26, "25.504",
        "scores.md §2 DISAGREEMENT example (OPTN 26, GDL 25): MELD(i) = 1.335 ln2 + 0.643 = 1.5684 → 1.6, M 16; Na 120 → 125, d 12: 16 + 15.84 − 6.336 = 25.504 → 26")]
    [InlineData("2.5", "1.2", "1.0", "131", false, 18, "17.544",
        "Kim 2021 Table 4 row 1 inputs (meld.sas): M 12 (see MeldTests), d 6: 12 + 7.92 − 2.376 = 17.544 → 18")]
    [InlineData("6.0", "1.5", "1.5", "131", false, 26, "25.564",
        "Kim 2021 Table 4 row 3 inputs (meld.sas): M 22, d 6: 22 + 7.92 − 4.356 = 25.564 → 26")]
    [InlineData("12.0", "1.8", "2.2", "128", false, 33, "32.970",
        "Kim 2021 Table 4 row 6 inputs (meld.sas): M 30, d 9: 30 + 11.88 − 8.91 = 32.97 → 33")]
    [InlineData("12.0", "2.8", "2.2", "128", false, 36, "36.485",
        "Kim 2021 Table 4 row 7 inputs (meld.sas): M 35, d 9: 35 + 11.88 − 10.395 = 36.485 → 36")]
    [InlineData("12.0", "4.5", "0.9", "120", false, 33, "33.356",
        "Kim 2021 Table 4 row 9 inputs (meld.sas): M 29, Na 120 → 125, d 12: 29 + 15.84 − 11.484 = 33.356 → 33")]
    public void Calculate_PublishedRows_MatchSource(string bili, string cr, string inr, string na, bool dialysis, int expected, string unrounded, string source)
    {
        var result = MeldNa.Calculate(new MeldNa.Inputs(MeldInputs(bili, cr, inr, dialysis), Sodium.FromMillimolesPerLiter(D(na))));
        Equal(expected, result.Value, source);
        Near(unrounded, result.Unrounded, source);
    }

    [Theory]
    [InlineData("1.0", "1.6", "1.0", "125", false, 11, "11",
        "sodium step only when M > 11 (OPTN): 0.957 ln1.6 + 0.643 = 1.0928 → 1.1, M 11: no step, 11 (sas-macros default meldNaAlways=1 would give 11 + 15.84 − 4.356 = 22.484 → 22)")]
    [InlineData("1.0", "1.8", "1.0", "125", false, 23, "23.088",
        "M 12 (0.957 ln1.8 + 0.643 = 1.2055 → 1.2): step applies, d 12: 12 + 15.84 − 4.752 = 23.088 → 23")]
    [InlineData("1.0", "1.8", "1.0", "137", false, 12, "12", "M 12 with Na 137: d 0 → 12")]
    [InlineData("1.0", "1.0", "1.0", "125", false, 6, "6", "M 6 (0.643 → 0.6): no sodium step even at Na 125 → 6")]
    [InlineData("1.0", "4.0", "1.0", "124", false, 28, "27.92", "M 20 (Cr 4.0), Na 124 → 125 (OPTN clamp), d 12: 20 + 15.84 − 7.92 = 27.92 → 28")]
    [InlineData("1.0", "4.0", "1.0", "125", false, 28, "27.92", "M 20, Na 125, d 12: 27.92 → 28")]
    [InlineData("1.0", "4.0", "1.0", "126", false, 27, "27.26", "M 20, Na 126, d 11: 20 + 14.52 − 7.26 = 27.26 → 27")]
    [InlineData("1.0", "4.0", "1.0", "136", false, 21, "20.66", "M 20, Na 136, d 1: 20 + 1.32 − 0.66 = 20.66 → 21")]
    [InlineData("1.0", "4.0", "1.0", "137", false, 20, "20", "M 20, Na 137, d 0 → 20")]
    [InlineData("1.0", "4.0", "1.0", "138", false, 20, "20", "M 20, Na 138 → 137 (OPTN clamp), d 0 → 20")]
    [InlineData("1.0", "0.5", "1.0", "137", true, 20, "20", "dialysis with creatinine 0.5 → 4.0 (OPTN; MedCalc-Bench meldna.py gives 1.0, bug): M 20 → 20")]
    [InlineData("1.0", "0.5", "1.0", "130", true, 25, "24.62", "dialysis with creatinine 0.5 → 4.0: M 20, d 7: 20 + 9.24 − 4.62 = 24.62 → 25")]
    [InlineData("1.0", "5.0", "1.0", "130", false, 25, "24.62", "creatinine 5.0 capped to 4.0 without dialysis (nobra omits the cap: bug): M 20, d 7 → 24.62 → 25")]
    [InlineData("1.0", "4.0", "6.2", "125", false, 40, "40", "M 40 (4.0132 → 4.0): 40 + 15.84 − 0.033 × 40 × 12 (15.84) = 40 exactly")]
    [InlineData("40", "4.0", "5.0", "125", false, 40, "47.248", "M 52: 52 + 15.84 − 20.592 = 47.248 → 47 → maximum 40")]
    public void Calculate_ThresholdClampsAndCap_FollowOptnPolicy(string bili, string cr, string inr, string na, bool dialysis, int expected, string unrounded, string source)
    {
        var result = MeldNa.Calculate(new MeldNa.Inputs(MeldInputs(bili, cr, inr, dialysis), Sodium.FromMillimolesPerLiter(D(na))));
        Equal(expected, result.Value, source);
        Near(unrounded, result.Unrounded, source);
    }

    // The sodium step is exact decimal arithmetic. An exact .5 cannot occur: with integer M and d in [0, 12],
    // 0.033 (40 − M) d would have to be an odd multiple of 0.5, which needs 33 | the odd factor, i.e. a step ≥ 16.5,
    // but the step is at most 0.924 × 12 = 11.09. So the rows closest to .5 on each side are tested instead.
    [Theory]
    [InlineData("2.0", "2.0", "1.0", "125", 26, "25.504", "M 16, d 12: 16 + 15.84 − 6.336 = 25.504 → 26 (just above .5)")]
    [InlineData("1.0", "4.0", "1.6", "136", 25, "25.495", "M 25 (1.9697 + 1.12 ln1.6 = 2.4961 → 2.5), d 1: 25 + 1.32 − 0.825 = 25.495 → 25 (just below .5)")]
    [InlineData("1.0", "4.0", "1.12", "133", 24, "23.508", "M 21 (1.9697 + 1.12 ln1.12 = 2.0966 → 2.1), d 4: 21 + 5.28 − 2.772 = 23.508 → 24")]
    [InlineData("1.0", "4.0", "3.9", "134", 35, "35.495", "M 35 (1.9697 + 1.12 ln3.9 = 3.4940 → 3.5), d 3: 35 + 3.96 − 3.465 = 35.495 → 35")]
    public void Calculate_NearHalf_RoundsToNearest(string bili, string cr, string inr, string na, int expected, string unrounded, string source)
    {
        var result = MeldNa.Calculate(new MeldNa.Inputs(MeldInputs(bili, cr, inr, false), Sodium.FromMillimolesPerLiter(D(na))));
        Equal(expected, result.Value, source);
        Assert.Equal(D(unrounded), result.Unrounded);
    }
}
