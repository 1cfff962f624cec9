using Hepatica.Clinical.Findings;
using Hepatica.Clinical.Scores;
using static Hepatica.Clinical.Tests.Scores.Cases;

namespace Hepatica.Clinical.Tests.Scores;

/// <summary>
/// MELD 3.0 (Kim 2021; OPTN policy 9.1.D since 2023-07-13):
/// 1.33 (female, or any sex aged 12-17) + 4.56 ln(bili) + 0.82 (137 − Na) − 0.24 (137 − Na) ln(bili) + 9.09 ln(INR)
/// + 11.14 ln(Cr) + 1.85 (3.5 − Alb) − 1.83 (3.5 − Alb) ln(Cr) + 6; floors 1.0, Cr cap 3.0 (3.0 with dialysis), Na 125-137,
/// Alb 1.5-3.5; rounded to the integer, half away from zero; OPTN maximum 40.
/// </summary>
public sealed partial class Meld3Tests
{
    // sex, age, bilirubin, sodium, INR, creatinine, albumin, dialysis, expected, unrounded, source
    [Theory]
    [InlineData(Sex.Male, "20", "2.5", "131", "1.0", "1.2", "3.8", false, 16, "15.809889",
        "Kim 2021 Table 4 row 1 inputs (meld.sas): Alb 3.8 → 3.5; 4.56 ln2.5 (4.1783) + 4.92 − 0.24×6×ln2.5 (1.3195) + 11.14 ln1.2 (2.0311) + 0 + 6 = 15.8099 → 16")]
    [InlineData(Sex.Female, "20", "2.5", "131", "1.0", "1.2", "3.8", false, 17, "17.139889",
        "Kim 2021 Table 4 row 2 inputs (meld.sas): row 1 + 1.33 = 17.1399 → 17")]
    [InlineData(Sex.Male, "20", "6.0", "131", "1.5", "1.5", "3.5", false, 25, "24.712849",
        "Kim 2021 Table 4 row 3 inputs (meld.sas): 8.1704 + 4.92 − 2.5801 + 3.6857 + 4.5168 + 0 + 6 = 24.7128 → 25")]
    [InlineData(Sex.Male, "20", "6.0", "131", "1.5", "1.5", "2.2", false, 26, "26.153247",
        "Kim 2021 Table 4 row 4 inputs (meld.sas): row 3 + 1.85×1.3 (2.405) − 1.83×1.3×ln1.5 (0.9646) = 26.1532 → 26")]
    [InlineData(Sex.Female, "20", "6.0", "131", "1.5", "1.5", "2.2", false, 27, "27.483247",
        "Kim 2021 Table 4 row 5 inputs (meld.sas): row 4 + 1.33 = 27.4832 → 27")]
    [InlineData(Sex.Male, "20", "12.0", "128", "2.2", "1.8", "2.0", false, 34, "34.220322",
        "Kim 2021 Table 4 row 6 inputs (meld.sas): 11.3312 + 7.38 − 5.3674 + 7.1670 + 6.5479 + 2.775 − 1.6141 + 6 = 34.2203 → 34")]
    [InlineData(Sex.Male, "20", "12.0", "128", "2.2", "2.8", "2.0", false, 38, "37.929508",
        "Kim 2021 Table 4 row 7 inputs (meld.sas): Cr 2.8: 11.14 ln2.8 (11.4700) − 1.83×1.5×ln2.8 (2.8263); total 37.9295 → 38")]
    [InlineData(Sex.Female, "20", "12.0", "128", "2.2", "2.8", "2.0", false, 39, "39.259508",
        "Kim 2021 Table 4 row 8 inputs (meld.sas): row 7 + 1.33 = 39.2595 → 39")]
    [InlineData(Sex.Female, "20", "12.0", "120", "0.9", "4.5", "3.5", false, 34, "33.583184",
        "Kim 2021 Table 4 row 9 inputs (meld.sas): Na → 125, INR → 1.0, Cr → 3.0; 1.33 + 11.3312 + 9.84 − 7.1568 + 0 + 12.2385 + 0 + 6 = 33.5832 → 34")]
    [InlineData(Sex.Male, "20", "12.0", "120", "0.9", "4.5", "3.5", false, 32, "32.253184",
        "Kim 2021 Table 4 row 11 inputs (meld.sas): row 9 − 1.33 = 32.2532 → 32")]
    [InlineData(Sex.Male, "15", "12.0", "120", "0.9", "4.5", "3.5", false, 34, "33.583184",
        "Kim 2021 Table 4 row 12 inputs with age 15 instead of 10 (under 12 is PELD): aged 12-17 the 1.33 term applies to a male (OPTN; meld.sas 7.33 − 1.33·(age ≥ 18)) → 33.5832 → 34")]
    public void Calculate_PublishedRows_MatchSource(Sex sex, string age, string bili, string na, string inr, string cr, string alb, bool dialysis, int expected, string unrounded, string source)
    {
        var result = Meld3.Calculate(Meld3Inputs(sex, age, bili, na, inr, cr, alb, dialysis));
        Equal(expected, result.Value, source);
        Near(unrounded, result.Unrounded, source);
    }

    // Base row: male, 40 y, bili 1, Na 137, INR 1, Cr 1, Alb 3.5 → every term 0, MELD 3.0 = 6.
    [Theory]
    [InlineData(Sex.Male, "40", "1.0", "137", "1.0", "1.0", "3.5", false, 6, "6", "every term 0: constant 6")]
    [InlineData(Sex.Male, "40", "1.0", "137", "1.0", "0.9", "3.5", false, 6, "6", "creatinine 0.9 floored to 1.0 → 6")]
    [InlineData(Sex.Male, "40", "1.0", "137", "1.0", "1.1", "3.5", false, 7, "7.061755", "creatinine 1.1: 11.14 ln1.1 = 1.0618 → 7.0618 → 7")]
    [InlineData(Sex.Male, "40", "1.0", "137", "1.0", "2.9", "3.5", false, 18, "17.860878", "creatinine 2.9 under the 3.0 cap: 11.14 ln2.9 = 11.8609 → 17.8609 → 18")]
    [InlineData(Sex.Male, "40", "1.0", "137", "1.0", "3.0", "3.5", false, 18, "18.238541", "creatinine 3.0 at the cap: 11.14 ln3 = 12.2385 → 18.2385 → 18")]
    [InlineData(Sex.Male, "40", "1.0", "137", "1.0", "3.1", "3.5", false, 18, "18.238541", "creatinine 3.1 capped to 3.0 (OPTN 2023; not 4.0 as in MELD) → 18.2385")]
    [InlineData(Sex.Male, "40", "1.0", "137", "1.0", "5.0", "3.5", false, 18, "18.238541", "creatinine 5.0 capped to 3.0 → 18.2385")]
    [InlineData(Sex.Male, "40", "1.0", "137", "1.0", "0.5", "3.5", true, 18, "18.238541", "dialysis with creatinine 0.5 → 3.0 (OPTN 2023) → 18.2385")]
    [InlineData(Sex.Male, "40", "1.0", "137", "1.0", "2.0", "2.5", true, 18, "18.078080", "dialysis with creatinine 2.0 → 3.0, Alb 2.5: 12.2385 + 1.85 − 1.83 ln3 (2.0105) + 6 = 18.0781 → 18")]
    [InlineData(Sex.Male, "40", "1.0", "137", "1.0", "2.0", "1.4", false, 15, "14.884741", "albumin 1.4 raised to 1.5 (Kim 2021): 7.7217 + 3.7 − 1.83×2×ln2 (2.5369) + 6 = 14.8847 → 15")]
    [InlineData(Sex.Male, "40", "1.0", "137", "1.0", "2.0", "1.5", false, 15, "14.884741", "albumin 1.5 at the floor → 14.8847 → 15")]
    [InlineData(Sex.Male, "40", "1.0", "137", "1.0", "2.0", "1.6", false, 15, "14.826587", "albumin 1.6: 7.7217 + 3.515 − 2.4101 + 6 = 14.8266 → 15")]
    [InlineData(Sex.Male, "40", "1.0", "137", "1.0", "2.0", "3.4", false, 14, "13.779814", "albumin 3.4: 7.7217 + 0.185 − 0.1268 + 6 = 13.7798 → 14")]
    [InlineData(Sex.Male, "40", "1.0", "137", "1.0", "2.0", "3.5", false, 14, "13.721660", "albumin 3.5 at the cap: 7.7217 + 6 = 13.7217 → 14")]
    [InlineData(Sex.Male, "40", "1.0", "137", "1.0", "2.0", "3.6", false, 14, "13.721660", "albumin 3.6 lowered to 3.5 (Kim 2021) → 13.7217")]
    [InlineData(Sex.Male, "40", "2.0", "124", "1.0", "1.0", "3.5", false, 17, "17.004487", "sodium 124 raised to 125: 4.56 ln2 (3.1603) + 9.84 − 0.24×12×ln2 (1.9963) + 6 = 17.0045 → 17")]
    [InlineData(Sex.Male, "40", "2.0", "125", "1.0", "1.0", "3.5", false, 17, "17.004487", "sodium 125 at the floor → 17.0045 → 17")]
    [InlineData(Sex.Male, "40", "2.0", "126", "1.0", "1.0", "3.5", false, 16, "16.350843", "sodium 126: 3.1603 + 9.02 − 1.8299 + 6 = 16.3508 → 16")]
    [InlineData(Sex.Male, "40", "2.0", "136", "1.0", "1.0", "3.5", false, 10, "9.814396", "sodium 136: 3.1603 + 0.82 − 0.1664 + 6 = 9.8144 → 10")]
    [InlineData(Sex.Male, "40", "2.0", "137", "1.0", "1.0", "3.5", false, 9, "9.160751", "sodium 137 at the cap: 3.1603 + 6 = 9.1608 → 9")]
    [InlineData(Sex.Male, "40", "2.0", "138", "1.0", "1.0", "3.5", false, 9, "9.160751", "sodium 138 lowered to 137 → 9.1608 → 9")]
    [InlineData(Sex.Male, "40", "0.9", "137", "1.0", "1.0", "3.5", false, 6, "6", "bilirubin 0.9 floored to 1.0 → 6")]
    [InlineData(Sex.Male, "40", "1.1", "137", "1.0", "1.0", "3.5", false, 6, "6.434614", "bilirubin 1.1: 4.56 ln1.1 = 0.4346 → 6.4346 → 6")]
    [InlineData(Sex.Male, "40", "1.0", "137", "0.9", "1.0", "3.5", false, 6, "6", "INR 0.9 floored to 1.0 → 6")]
    [InlineData(Sex.Male, "40", "1.0", "137", "1.1", "1.0", "3.5", false, 7, "6.866370", "INR 1.1: 9.09 ln1.1 = 0.8664 → 6.8664 → 7")]
    public void Calculate_FloorsClampsAndDialysis_FollowKimAndOptn(Sex sex, string age, string bili, string na, string inr, string cr, string alb, bool dialysis, int expected, string unrounded, string source)
    {
        var result = Meld3.Calculate(Meld3Inputs(sex, age, bili, na, inr, cr, alb, dialysis));
        Equal(expected, result.Value, source);
        Near(unrounded, result.Unrounded, source);
    }

    // Exact decimal midpoints (all ln terms 0): the sum lands on .5 exactly; half away from zero rounds up,
    // banker's rounding would give the even integer below.
    [Theory]
    [InlineData(Sex.Male, "40", "126", "2.7", 17, "16.5", "0.82×11 (9.02) + 1.85×0.8 (1.48) + 6 = 16.5 → 17 (to-even: 16)")]
    [InlineData(Sex.Female, "40", "125", "1.7", 21, "20.5", "1.33 + 0.82×12 (9.84) + 1.85×1.8 (3.33) + 6 = 20.5 → 21 (to-even: 20)")]
    [InlineData(Sex.Female, "40", "132.5", "2.7", 13, "12.5", "1.33 + 0.82×4.5 (3.69) + 1.85×0.8 (1.48) + 6 = 12.5 → 13 (to-even: 12)")]
    public void Calculate_ExactHalf_RoundsHalfUp(Sex sex, string age, string na, string alb, int expected, string unrounded, string source)
    {
        var result = Meld3.Calculate(Meld3Inputs(sex, age, "1.0", na, "1.0", "1.0", alb, false));
        Assert.Equal(D(unrounded), result.Unrounded);
        Equal(expected, result.Value, source);
    }

    // Age rule (OPTN 2023; meld.sas): aged 12-17 the 1.33 term applies whatever the sex; from 18 only to women.
    // Row: Na 126, Alb 2.7, other labs 1 → 16.5 without the term, 17.83 with it.
    [Theory]
    [InlineData(Sex.Male, "12", 18, "17.83", "male aged 12: 1.33 + 16.5 = 17.83 → 18")]
    [InlineData(Sex.Male, "17.9", 18, "17.83", "male aged 17.9: still 12-17 → 17.83 → 18")]
    [InlineData(Sex.Male, "18", 17, "16.5", "male aged 18: no term → 16.5 → 17")]
    [InlineData(Sex.Male, "40", 17, "16.5", "male adult: no term → 16.5 → 17")]
    [InlineData(Sex.Female, "12", 18, "17.83", "female aged 12: the term once (not twice) → 17.83 → 18")]
    [InlineData(Sex.Female, "40", 18, "17.83", "female adult: 1.33 + 16.5 = 17.83 → 18")]
    public void Calculate_AgeAndSex_FemaleTermRule(Sex sex, string age, int expected, string unrounded, string source)
    {
        var result = Meld3.Calculate(Meld3Inputs(sex, age, "1.0", "126", "1.0", "1.0", "2.7", false));
        Assert.Equal(D(unrounded), result.Unrounded);
        Equal(expected, result.Value, source);
    }

    // OPTN cap of 40; Kim 2021 sets no maximum, so the rounded uncapped value is kept in Extras["uncapped"].
    // Base: male, Na 137, Alb 3.5, Cr 3.0, INR 4.0 → 12.2385 + 9.09 ln4 (12.6014) + 6 = 30.8400; bilirubin varies.
    [Theory]
    [InlineData(Sex.Male, "6", "137", "4.0", "3.0", "3.5", 39, 39, "39.010380", "+ 4.56 ln6 (8.1704) = 39.0104 → 39")]
    [InlineData(Sex.Male, "7", "137", "4.0", "3.0", "3.5", 40, 40, "39.713307", "+ 4.56 ln7 (8.8733) = 39.7133 → 40")]
    [InlineData(Sex.Male, "9", "137", "4.0", "3.0", "3.5", 40, 41, "40.859301", "+ 4.56 ln9 (10.0193) = 40.8593 → 41 → OPTN maximum 40")]
    [InlineData(Sex.Female, "30", "125", "4.0", "3.0", "1.5", 40, 47, "47.403047",
        "1.33 + 4.56 ln30 (15.5094) + 9.84 − 0.24×12×ln30 (9.7954) + 12.6014 + 12.2385 + 3.7 − 1.83×2×ln3 (4.0209) + 6 = 47.4030 → 47 → 40")]
    public void Calculate_AboveForty_CapsAndKeepsUncapped(Sex sex, string bili, string na, string inr, string cr, string alb, int expected, int uncapped, string unrounded, string source)
    {
        var result = Meld3.Calculate(Meld3Inputs(sex, "40", bili, na, inr, cr, alb, false));
        Equal(expected, result.Value, source);
        Near(unrounded, result.Unrounded, source);
        Equal(uncapped, result.Extras[Meld3.UncappedExtra], source);
    }

    // Kim 2021: 90-day survival = 0.946 ^ exp(0.17698 × MELD 3.0 − 3.56), hand-computed to 4 decimals.
    [Theory]
    [InlineData(6, "0.9954", "0.946 ^ exp(1.06188 − 3.56) = 0.946 ^ 0.08222 = 0.99545")]
    [InlineData(20, "0.9471", "0.946 ^ exp(3.5396 − 3.56) = 0.946 ^ 0.97980 = 0.94706")]
    [InlineData(40, "0.1535", "0.946 ^ exp(7.0792 − 3.56) = 0.946 ^ 33.76 = 0.15351")]
    public void Survival90Day_KimFormula_MatchesHandComputation(int meld3, string expected, string source) =>
        Equal(D(expected), Meld3.Survival90Day(meld3), source);

    [Fact]
    public void Calculate_AboveForty_SurvivalUsesUncappedScore()
    {
        // Rounded uncapped 47 (row above); 0.946 ^ exp(0.17698 × 47 − 3.56) = 0.946 ^ 41.27 = 0.00155 → 0.0016.
        var result = Meld3.Calculate(Meld3Inputs(Sex.Female, "40", "30", "125", "4.0", "3.0", "1.5", false));
        Assert.Equal(0.0016m, result.Extras[Meld3.Survival90DayExtra]);
    }
}
