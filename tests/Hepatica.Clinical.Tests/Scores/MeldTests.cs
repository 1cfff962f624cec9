using Hepatica.Clinical.Scores;
using static Hepatica.Clinical.Tests.Scores.Cases;

namespace Hepatica.Clinical.Tests.Scores;

/// <summary>
/// MELD (OPTN policy 9.1.D before 2016): MELD(i) = 0.957 ln(Cr) + 0.378 ln(bili) + 1.120 ln(INR) + 0.643, floors 1.0,
/// creatinine cap 4.0 and 4.0 with dialysis, MELD(i) rounded to the tenth then × 10, maximum 40.
/// Hand computations use ln to 6+ places; "→ 2.5 → 25" means rounded to the tenth, then × 10.
/// </summary>
public sealed partial class MeldTests
{
    // bilirubin mg/dL, creatinine mg/dL, INR, dialysis, expected MELD, expected 10 × MELD(i) (unrounded), source
    [Theory]
    [InlineData("1.0", "2.0", "2.0", false, 21, "20.826667",
        "scores.md §1 DISAGREEMENT (GDL gives 31, formula 21); hand: 0.957 ln2 + 1.12 ln2 + 0.643 = 0.6634 + 0.7763 + 0.643 = 2.0827 → 2.1 → 21")]
    [InlineData("2.5", "1.2", "1.0", false, 12, "11.638396",
        "Kim 2021 Table 4 row 1 inputs (sas-macros meld.sas example); hand: 0.957 ln1.2 + 0.378 ln2.5 + 0.643 = 0.1745 + 0.3464 + 0.643 = 1.1638 → 1.2 → 12")]
    [InlineData("6.0", "1.5", "1.5", false, 22, "21.624361",
        "Kim 2021 Table 4 row 3 inputs (meld.sas); hand: 0.957 ln1.5 + 0.378 ln6 + 1.12 ln1.5 + 0.643 = 0.3880 + 0.6773 + 0.4541 + 0.643 = 2.1624 → 2.2 → 22")]
    [InlineData("12.0", "1.8", "2.2", false, 30, "30.278788",
        "Kim 2021 Table 4 row 6 inputs (meld.sas); hand: 0.5625 + 0.9393 + 0.8831 + 0.643 = 3.0279 → 3.0 → 30")]
    [InlineData("12.0", "2.8", "2.2", false, 35, "34.507127",
        "Kim 2021 Table 4 row 7 inputs (meld.sas); hand: 0.9853 + 0.9393 + 0.8831 + 0.643 = 3.4507 → 3.5 → 35")]
    [InlineData("12.0", "4.5", "0.9", false, 29, "29.089784",
        "Kim 2021 Table 4 row 9 inputs (meld.sas): Cr 4.5 capped to 4.0, INR 0.9 floored to 1.0; hand: 1.3267 + 0.9393 + 0 + 0.643 = 2.9090 → 2.9 → 29")]
    public void Calculate_PublishedRows_MatchSource(string bili, string cr, string inr, bool dialysis, int expected, string unrounded, string source)
    {
        var result = Meld.Calculate(MeldInputs(bili, cr, inr, dialysis));
        Equal(expected, result.Value, source);
        Near(unrounded, result.Unrounded, source);
    }

    [Fact]
    public void Calculate_TransplantrSiRow_MatchesPublishedUnrounded()
    {
        // transplantr tests/testthat/test_liver.R: meld(INR = 2.0, bili = 54, creat = 170, dialysis = 0) = 24.798 (µmol/L,
        // unrounded 10 × MELD(i)). OPTN rounding by hand: 54/17.1 = 3.1579, 170/88.4 = 1.9231;
        // 0.957 ln1.9231 + 0.378 ln3.1579 + 1.12 ln2 + 0.643 = 0.6258 + 0.4347 + 0.7763 + 0.643 = 2.4798 → 2.5 → 25.
        const string Source = "transplantr test_liver.R";
        var inputs = new Meld.Inputs(Bilirubin.FromMicromolesPerLiter(54m), Creatinine.FromMicromolesPerLiter(170m), Inr.FromRatio(2.0m), false);
        var result = Meld.Calculate(inputs);
        Near("24.797968", result.Unrounded, Source);
        Assert.Equal(24.798m, decimal.Round(result.Unrounded!.Value, 3));
        Equal(25m, result.Value, Source);
    }

    // Every floor, cap and substitution: at, just below and just above. Hand computation: MELD(i) in the source column.
    [Theory]
    [InlineData("1.0", "1.0", "1.0", false, 6, "6.43", "all ln terms 0: 0.643 → 0.6 → 6 (smallest MELD)")]
    [InlineData("0.9", "1.0", "1.0", false, 6, "6.43", "bilirubin 0.9 floored to 1.0 (OPTN 9.1.D): 0.643 → 6")]
    [InlineData("1.1", "1.0", "1.0", false, 7, "6.790272", "bilirubin 1.1: 0.378 ln1.1 = 0.0360; 0.6790 → 0.7 → 7")]
    [InlineData("1.0", "0.9", "1.0", false, 6, "6.43", "creatinine 0.9 floored to 1.0: 0.643 → 6")]
    [InlineData("1.0", "1.1", "1.0", false, 7, "7.342118", "creatinine 1.1: 0.957 ln1.1 = 0.0912; 0.7342 → 0.7 → 7")]
    [InlineData("1.0", "1.0", "0.9", false, 6, "6.43", "INR 0.9 floored to 1.0: 0.643 → 6")]
    [InlineData("1.0", "1.0", "1.1", false, 7, "7.497474", "INR 1.1: 1.12 ln1.1 = 0.1067; 0.7497 → 0.7 → 7")]
    [InlineData("1.0", "3.9", "1.0", false, 19, "19.454546", "creatinine 3.9 under the cap: 0.957 ln3.9 = 1.3025; 1.9455 → 1.9 → 19")]
    [InlineData("1.0", "4.0", "1.0", false, 20, "19.696837", "creatinine 4.0 at the cap: 0.957 ln4 = 1.3267; 1.9697 → 2.0 → 20")]
    [InlineData("1.0", "4.1", "1.0", false, 20, "19.696837", "creatinine 4.1 capped to 4.0 (OPTN 9.1.D): 20")]
    [InlineData("1.0", "8.0", "1.0", false, 20, "19.696837", "creatinine 8.0 capped to 4.0: 20")]
    [InlineData("1.0", "0.5", "1.0", true, 20, "19.696837", "dialysis with creatinine 0.5 → 4.0 (OPTN 9.1.D; MedCalc-Bench's if/elif gives 1.0, a known bug): 20")]
    [InlineData("1.0", "2.0", "1.0", true, 20, "19.696837", "dialysis with creatinine 2.0 → 4.0: 20")]
    [InlineData("1.0", "6.0", "1.0", true, 20, "19.696837", "dialysis with creatinine 6.0 → 4.0: 20")]
    [InlineData("1.0", "1.0073", "1.0", false, 6, "6.499607", "rounding to the tenth, below: 0.957 ln1.0073 = 0.006961; 0.649961 → 0.6 → 6")]
    [InlineData("1.0", "1.0074", "1.0", false, 7, "6.500557", "rounding to the tenth, above: 0.957 ln1.0074 = 0.007056; 0.650056 → 0.7 → 7")]
    [InlineData("1.0", "4.0", "5.6", false, 39, "38.991823", "below the cap: 1.9697 + 1.12 ln5.6 (1.9295) = 3.8992 → 3.9 → 39")]
    [InlineData("1.0", "4.0", "6.2", false, 40, "40.131789", "at the cap: 1.9697 + 1.12 ln6.2 (2.0435) = 4.0132 → 4.0 → 40")]
    [InlineData("1.0", "4.0", "6.8", false, 40, "41.166370", "above the cap: 4.1166 → 4.1 → 41 → maximum 40 (OPTN 9.1.D)")]
    [InlineData("40", "4.0", "5.0", false, 40, "51.666506", "far above the cap: 1.3267 + 0.378 ln40 (1.3944) + 1.12 ln5 (1.8026) + 0.643 = 5.1667 → 52 → 40")]
    public void Calculate_FloorsCapsAndDialysis_FollowOptnPolicy(string bili, string cr, string inr, bool dialysis, int expected, string unrounded, string source)
    {
        var result = Meld.Calculate(MeldInputs(bili, cr, inr, dialysis));
        Equal(expected, result.Value, source);
        Near(unrounded, result.Unrounded, source);
    }

    // Wiesner 2003 bands ≤ 9, 10-19, 20-29, 30-39, ≥ 40, at each edge. MELD(i) by hand in the source column.
    [Theory]
    [InlineData("1.0", "1.31", "1.0", 9, "≤ 9", "0.957 ln1.31 + 0.643 = 0.9014 → 0.9 → 9")]
    [InlineData("1.0", "1.45", "1.0", 10, "10-19", "0.957 ln1.45 + 0.643 = 0.9986 → 1.0 → 10")]
    [InlineData("1.0", "3.72", "1.0", 19, "10-19", "0.957 ln3.72 + 0.643 = 1.9002 → 1.9 → 19")]
    [InlineData("1.0", "4.0", "1.03", 20, "20-29", "1.9697 + 1.12 ln1.03 = 2.0028 → 2.0 → 20")]
    [InlineData("1.0", "4.0", "2.29", 29, "20-29", "1.9697 + 1.12 ln2.29 = 2.8977 → 2.9 → 29")]
    [InlineData("1.0", "4.0", "2.51", 30, "30-39", "1.9697 + 1.12 ln2.51 = 3.0004 → 3.0 → 30")]
    [InlineData("1.0", "4.0", "5.6", 39, "30-39", "1.9697 + 1.12 ln5.6 = 3.8992 → 3.9 → 39")]
    [InlineData("1.0", "4.0", "6.13", 40, "≥ 40", "1.9697 + 1.12 ln6.13 = 4.0005 → 4.0 → 40")]
    public void Calculate_BandEdges_CategoryFromWiesner2003(string bili, string cr, string inr, int expected, string bandPrefix, string source)
    {
        var result = Meld.Calculate(MeldInputs(bili, cr, inr, false));
        Equal(expected, result.Value, source);
        Assert.NotNull(result.Category);
        Assert.StartsWith(bandPrefix, result.Category, StringComparison.Ordinal);
    }
}
