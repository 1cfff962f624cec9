using Hepatica.Clinical.Labs;
using Hepatica.Clinical.Scores;
using Hepatica.Clinical.Scoring;
using static Hepatica.Clinical.Tests.Scores.Cases;

namespace Hepatica.Clinical.Tests.Scores;

/// <summary>
/// ALBI (Johnson 2015): 0.66 log10(bilirubin µmol/L) − 0.085 albumin (g/L); grade 1 ≤ −2.60, grade 2 &gt; −2.60 and ≤ −1.39,
/// grade 3 &gt; −1.39; the grade is taken from the unrounded value, the value is reported to two decimals.
/// </summary>
public sealed class AlbiTests
{
    // bilirubin, unit, albumin, unit, expected value, expected unrounded, grade, source
    [Theory]
    [InlineData("32", BilirubinUnit.MicromolePerLiter, "28", AlbuminUnit.GramPerLiter, "-1.39", "-1.386601", "grade 3",
        "GDL gdl2/ALBI_albumin_bilirubin_score.v1.test.yml: -1.39, grade 3; hand: 0.66 × 1.50515 − 2.38 = −1.3866 (> −1.39: grade 3; with −0.0852 it would be −1.3922, grade 2)")]
    [InlineData("31", BilirubinUnit.MicromolePerLiter, "28", AlbuminUnit.GramPerLiter, "-1.40", "-1.395701", "grade 2",
        "GDL ALBI test: -1.40, grade 2; hand: 0.66 × 1.49136 − 2.38 = −1.3957")]
    [InlineData("1", BilirubinUnit.MilligramPerDeciliter, "40", AlbuminUnit.GramPerLiter, "-2.59", "-2.586223", "grade 2",
        "GDL ALBI test (bilirubin 1 mg/dL = 17.1 µmol/L): -2.59, grade 2; hand: 0.66 × 1.23300 − 3.4 = −2.5862")]
    [InlineData("15", BilirubinUnit.MicromolePerLiter, "40", AlbuminUnit.GramPerLiter, "-2.62", "-2.623780", "grade 1",
        "GDL ALBI test: -2.62, grade 1; hand: 0.66 × 1.17609 − 3.4 = −2.6238")]
    [InlineData("10", BilirubinUnit.MicromolePerLiter, "38.35", AlbuminUnit.GramPerLiter, "-2.60", "-2.599750", "grade 2",
        "edge −2.60, just above: 0.66 − 3.25975 = −2.59975 → reported −2.60 but graded 2 (unrounded > −2.60)")]
    [InlineData("10", BilirubinUnit.MicromolePerLiter, "38.36", AlbuminUnit.GramPerLiter, "-2.60", "-2.600600", "grade 1",
        "edge −2.60, just below: 0.66 − 3.2606 = −2.6006 → grade 1")]
    [InlineData("10", BilirubinUnit.MicromolePerLiter, "24.11", AlbuminUnit.GramPerLiter, "-1.39", "-1.389350", "grade 3",
        "edge −1.39, just above: 0.66 − 2.04935 = −1.38935 → reported −1.39 but graded 3")]
    [InlineData("10", BilirubinUnit.MicromolePerLiter, "24.12", AlbuminUnit.GramPerLiter, "-1.39", "-1.390200", "grade 2",
        "edge −1.39, just below: 0.66 − 2.0502 = −1.3902 → grade 2")]
    [InlineData("2", BilirubinUnit.MilligramPerDeciliter, "3.5", AlbuminUnit.GramPerDeciliter, "-1.96", "-1.962543",
        "grade 2", "units: 2 mg/dL = 34.2 µmol/L, 3.5 g/dL = 35 g/L; hand: 0.66 × 1.53403 − 2.975 = −1.9625")]
    [InlineData("100", BilirubinUnit.MicromolePerLiter, "20", AlbuminUnit.GramPerLiter, "-0.38", "-0.38", "grade 3",
        "hand: 0.66 × 2 − 1.7 = −0.38")]
    public void Calculate_Rows_MatchSource(string bili, BilirubinUnit biliUnit, string alb, AlbuminUnit albUnit, string expected, string unrounded, string grade, string source)
    {
        var result = Albi.Calculate(new Albi.Inputs(Bilirubin.From(D(bili), biliUnit), Albumin.From(D(alb), albUnit)));
        Equal(D(expected), result.Value, source);
        Near(unrounded, result.Unrounded, source);
        Assert.Equal(grade, result.Category);
    }

    [Fact]
    public void Evaluate_EmptySnapshot_NamesEveryMissingInput()
    {
        var outcome = Albi.Evaluate(new PatientSnapshot());
        Assert.Equal(OutcomeStatus.NotCalculable, outcome.Status);
        Assert.Equal(["labs.bilirubin", "labs.albumin"], outcome.Missing);
    }

    [Fact]
    public void Evaluate_CompleteSnapshot_Calculates()
    {
        // Snapshot: bili 2.5 mg/dL = 42.75 µmol/L, alb 30 g/L: 0.66 × 1.63094 − 2.55 = −1.4736 → −1.47, grade 2.
        var outcome = Albi.Evaluate(Cases.CompleteSnapshot());
        Assert.Equal(OutcomeStatus.Calculated, outcome.Status);
        Assert.Equal(-1.47m, outcome.Result!.Value);
        Assert.Equal("grade 2", outcome.Result.Category);
    }
}
