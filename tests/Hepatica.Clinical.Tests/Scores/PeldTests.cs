using Hepatica.Clinical.Scores;
using static Hepatica.Clinical.Tests.Scores.Cases;

namespace Hepatica.Clinical.Tests.Scores;

/// <summary>
/// PELD input rules of the OPTN PELD calculator documentation (as reproduced by WikiDoc, "Pediatric end-stage liver
/// disease"): "Laboratory values less than 1.0 are set to 1.0 for the purposes of the PELD score calculation" (albumin
/// included), and values "will then round ... to the tenths decimal place ... prior to calculating the PELD score"
/// (its example: an INR of 1.82 is used as 1.8). Base row: age 5, no growth failure; PELD = 10 × (0.480 ln bili +
/// 1.857 ln INR − 0.687 ln albumin), hand-computed.
/// </summary>
public sealed class PeldTests
{
    // bilirubin, INR, albumin, expected, unrounded, source
    [Theory]
    [InlineData("1", "1", "0.5", 0, "0", "albumin 0.5 set to 1.0: −0.687 ln 1 = 0 (before: +4.7619 → 5)")]
    [InlineData("1", "1", "0.9", 0, "0", "albumin 0.9 set to 1.0 → 0 (before: +0.7238 → 1)")]
    [InlineData("1", "1", "0.94", 0, "0", "albumin 0.94 → 0.9 (tenths) → 1.0 (floor) → 0")]
    [InlineData("1", "1", "0.95", 0, "0", "albumin 0.95 → 1.0 (tenths, half away from zero) → 0")]
    [InlineData("1", "1", "1.0", 0, "0", "albumin 1.0 at the floor → 0")]
    [InlineData("1", "1", "1.1", -1, "-0.654781", "albumin 1.1 just above the floor: −6.87 ln 1.1 = −0.6548 → −1")]
    [InlineData("0.5", "0.9", "1", 0, "0", "bilirubin 0.5 and INR 0.9 set to 1.0 → 0")]
    public void Peld_LabValuesBelowOne_AreSetToOne(string bili, string inr, string alb, int expected, string unrounded, string source) =>
        Check(bili, inr, alb, expected, unrounded, source);

    [Theory]
    [InlineData("1", "1.82", "1", 11, "10.915198", "OPTN's example: INR 1.82 used as 1.8: 18.57 ln 1.8 = 10.9152 → 11 (before: 11.1204)")]
    [InlineData("1", "1.849", "1", 11, "10.915198", "INR 1.849 → 1.8 (just below the midpoint)")]
    [InlineData("1", "1.85", "1", 12, "11.919227", "INR 1.85 → 1.9 (midpoint, half away from zero): 18.57 ln 1.9 = 11.9192 → 12")]
    [InlineData("1.24", "1", "1", 1, "0.875143", "bilirubin 1.24 → 1.2: 4.80 ln 1.2 = 0.8751 → 1")]
    [InlineData("1.25", "1", "1", 1, "1.259348", "bilirubin 1.25 → 1.3: 4.80 ln 1.3 = 1.2593 → 1")]
    [InlineData("3.14", "2", "2.46", 12, "12.007556", "bilirubin 3.14 → 3.1, albumin 2.46 → 2.5: transplantr's example row without growth failure, 12.0076 → 12")]
    public void Peld_LabValues_AreRoundedToTenthsBeforeScoring(string bili, string inr, string alb, int expected, string unrounded, string source) =>
        Check(bili, inr, alb, expected, unrounded, source);

    [Fact]
    public void Peld_AlbuminFloor_IsAStep()
    {
        var result = Peld.Calculate(new Peld.Inputs(5m, null, Bilirubin.FromMilligramsPerDeciliter(1m), Inr.FromRatio(1m), Albumin.FromGramsPerDeciliter(0.8m), false));
        Assert.Contains(result.Steps, s => s.Label == "albumin" && s.Value == 1.0m && s.Detail.Contains("OPTN", StringComparison.Ordinal));
    }

    private static void Check(string bili, string inr, string alb, int expected, string unrounded, string source)
    {
        var result = Peld.Calculate(new Peld.Inputs(5m, null, Bilirubin.FromMilligramsPerDeciliter(D(bili)), Inr.FromRatio(D(inr)), Albumin.FromGramsPerDeciliter(D(alb)), false));
        Equal(expected, result.Value, source);
        Near(unrounded, result.Unrounded, source);
    }
}
