using FsCheck.Xunit;
using Hepatica.Clinical.Labs;
using Hepatica.Clinical.Scores;
using Hepatica.Clinical.Scoring;
using static Hepatica.Clinical.Tests.Scores.Cases;

namespace Hepatica.Clinical.Tests.Scores;

/// <summary>
/// Modified Maddrey discriminant function (Carithers 1989): 4.6 × (PT − control PT, s) + bilirubin mg/dL; severe ≥ 32,
/// banded on the unrounded value; reported to one decimal, half away from zero.
/// </summary>
public sealed class MaddreyDfTests
{
    // PT, control, bilirubin, unit, expected value, expected unrounded, band, source
    [Theory]
    [InlineData("22", "12", "10", BilirubinUnit.MilligramPerDeciliter, "56.0", "56", "severe",
        "cliot maddreys_discriminant_function example 1: 4.6 × (22 − 12) + 10 = 56")]
    [InlineData("14", "12", "5", BilirubinUnit.MilligramPerDeciliter, "14.2", "14.2", "not severe",
        "cliot example 2 inputs; hand: 4.6 × 2 + 5 = 14.2")]
    [InlineData("17", "12", "9", BilirubinUnit.MilligramPerDeciliter, "32.0", "32", "severe", "at 32: 4.6 × 5 + 9 = 32 (severe includes 32)")]
    [InlineData("17", "12", "8.9", BilirubinUnit.MilligramPerDeciliter, "31.9", "31.9", "not severe", "below 32: 23 + 8.9 = 31.9")]
    [InlineData("17", "12", "8.99", BilirubinUnit.MilligramPerDeciliter, "32.0", "31.99", "not severe",
        "just below 32: 23 + 8.99 = 31.99, reported 32.0 but banded on the unrounded value")]
    [InlineData("17", "12", "9.01", BilirubinUnit.MilligramPerDeciliter, "32.0", "32.01", "severe", "just above 32: 23 + 9.01 = 32.01")]
    [InlineData("20", "13", "171", BilirubinUnit.MicromolePerLiter, "42.2", "42.2", "severe", "units: 171 µmol/L = 10 mg/dL; 4.6 × 7 + 10 = 42.2")]
    [InlineData("11", "12", "1", BilirubinUnit.MilligramPerDeciliter, "-3.6", "-3.6", "not severe",
        "PT shorter than control: 4.6 × (−1) + 1 = −3.6 (no floor in the formula)")]
    [InlineData("12.35", "12", "1.04", BilirubinUnit.MilligramPerDeciliter, "2.7", "2.65", "not severe",
        "rounding: 4.6 × 0.35 + 1.04 = 2.65 → 2.7 half away from zero (banker's rounding would give 2.6)")]
    public void Calculate_Rows_MatchSource(string pt, string control, string bili, BilirubinUnit unit, string expected, string unrounded, string band, string source)
    {
        var result = MaddreyDf.Calculate(new MaddreyDf.Inputs(ProthrombinTime.FromSeconds(D(pt)), ProthrombinTime.FromSeconds(D(control)), Bilirubin.From(D(bili), unit)));
        Equal(D(expected), result.Value, source);
        Near(unrounded, result.Unrounded, source);
        Assert.Equal(band, result.Category);
    }

    [Fact]
    public void Evaluate_EmptySnapshot_NamesEveryMissingInput()
    {
        var outcome = MaddreyDf.Evaluate(new PatientSnapshot());
        Assert.Equal(OutcomeStatus.NotCalculable, outcome.Status);
        Assert.Equal(["labs.pt", "labs.ptControl", "labs.bilirubin"], outcome.Missing);
    }

    [Fact]
    public void Evaluate_OnlyControlMissing_NamesIt()
    {
        var snapshot = CompleteSnapshot() with { Labs = CompleteSnapshot().Labs with { ProthrombinTimeControl = null } };
        Assert.Equal(["labs.ptControl"], MaddreyDf.Evaluate(snapshot).Missing);
    }

    [Fact]
    public void Evaluate_CompleteSnapshot_Calculates()
    {
        // Snapshot: PT 17 s, control 12 s, bilirubin 2.5 mg/dL: 4.6 × 5 + 2.5 = 25.5, not severe.
        var outcome = MaddreyDf.Evaluate(CompleteSnapshot());
        Assert.Equal(25.5m, outcome.Result!.Value);
        Assert.Equal("not severe", outcome.Result.Category);
    }

    [Property(Arbitrary = [typeof(ClinicalArbitraries)])]
    public bool Evaluate_LongerPt_NeverLowersDf(Patient patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        var before = MaddreyDf.Evaluate(patient.ToSnapshot(false)).Result!;
        var after = MaddreyDf.Evaluate((patient with { PtSeconds = patient.PtSeconds + 1m }).ToSnapshot(false)).Result!;
        return after.Unrounded - before.Unrounded == 4.6m;
    }
}
