using FsCheck;
using FsCheck.Fluent;
using Hepatica.Clinical.Labs;
using Hepatica.Clinical.Scores;
using Hepatica.Clinical.Scoring;
using static Hepatica.Clinical.Tests.Scores.Cases;

namespace Hepatica.Clinical.Tests.Scores;

/// <summary>
/// UKELD (Barber 2011), Kim's MELD-Na (Kim 2008) and PELD (McDiarmid 2002). Expected values are hand computations of the
/// published formulas (double precision, 6 decimals), written next to each row.
/// </summary>
public sealed class AllocationVariantsTests
{
    private const decimal Tolerance = 0.00001m;

    private static void Close(string expected, decimal? actual) =>
        Assert.True(actual is { } a && Math.Abs(a - D(expected)) <= Tolerance, $"expected {expected}, got {actual}");

    // INR, creatinine µmol/L, bilirubin µmol/L, sodium, expected, unrounded, threshold band
    [Theory]
    [InlineData("1.8", "150", "35.91", "131", "59", "59.175012", "at or above")] // the demo patient: 5.395 ln 1.8 + 1.485 ln 150 + 3.13 ln 35.91 − 81.565 ln 131 + 435
    [InlineData("1.0", "80", "20", "140", "48", "47.818887", "below")]           // 0 + 6.507208 + 9.376642 − 403.064963 + 435
    [InlineData("1.2", "90", "9.7", "137", "48", "48.479352", "below")]          // just below the 48.5 rounding midpoint: reported 48, below 49
    [InlineData("1.2", "90", "9.8", "137", "49", "48.511455", "at or above")]    // just above it: reported 49, at the listing threshold
    [InlineData("2.5", "200", "300", "125", "72", "71.842819", "at or above")]
    [InlineData("1.0", "60", "5", "145", "40", "40.190355", "below")]
    public void Ukeld_rows(string inr, string cr, string bili, string na, string expected, string unrounded, string band)
    {
        var result = Ukeld.Calculate(new Ukeld.Inputs(Inr.FromRatio(D(inr)), Creatinine.FromMicromolesPerLiter(D(cr)),
            Bilirubin.FromMicromolesPerLiter(D(bili)), Sodium.FromMillimolesPerLiter(D(na))));
        Equal(D(expected), result.Value, "Barber 2011, hand computation");
        Close(unrounded, result.Unrounded);
        Assert.StartsWith(band, result.Category, StringComparison.Ordinal);
    }

    [Fact]
    public void Ukeld_gives_the_same_result_in_mg_per_dl()
    {
        var si = Ukeld.Calculate(new Ukeld.Inputs(Inr.FromRatio(1.8m), Creatinine.FromMicromolesPerLiter(150m), Bilirubin.FromMicromolesPerLiter(35.91m), Sodium.FromMillimolesPerLiter(131m)));
        var us = Ukeld.Calculate(new Ukeld.Inputs(Inr.FromRatio(1.8m), Creatinine.FromMilligramsPerDeciliter(150m / 88.4m), Bilirubin.FromMilligramsPerDeciliter(2.1m), Sodium.FromMillimolesPerLiter(131m)));
        Assert.Equal(si.Value, us.Value);
        Assert.True(Math.Abs(si.Unrounded!.Value - us.Unrounded!.Value) < 0.000001m);
    }

    [Fact]
    public void Ukeld_is_not_for_children_and_names_missing_inputs()
    {
        Assert.Equal(OutcomeStatus.NotApplicable, Ukeld.Evaluate(new PatientSnapshot { AgeYears = 16m }).Status);
        var outcome = Ukeld.Evaluate(new PatientSnapshot { AgeYears = 50m, Labs = new LabPanel { Inr = Inr.FromRatio(1.1m) } });
        Assert.Equal(["labs.creatinine", "labs.bilirubin", "labs.sodium"], outcome.Missing);
    }

    // bilirubin, creatinine, INR (mg/dL), sodium, expected MELD-Na; MELD from the OPTN steps
    [Theory]
    [InlineData("2.1", "1.696833", "1.8", "131", "25", "25.275")]  // MELD 21: 21 − 131 − 0.025 × 21 × 9 + 140 = 25.275
    [InlineData("1", "2.2", "1", "130", "21", "20.5")]             // MELD 14 (MELD(i) 1.39754 → 1.4): 14 + 10 − 3.5 = 20.5, half away from zero → 21 (banker's would give 20)
    [InlineData("1", "1", "1", "125", "19", "18.75")]              // MELD 6: 6 + 15 − 2.25 = 18.75
    [InlineData("1", "1", "1", "110", "19", "18.75")]              // sodium below 125 is bounded to 125
    [InlineData("1", "1", "1", "145", "6", "6")]                   // sodium above 140 is bounded to 140: no change
    [InlineData("40", "4", "8", "125", "40", "40")]                // MELD 40: 40 + 15 − 15 = 40
    [InlineData("1", "1.2", "1", "136", "11", "11.2")]             // MELD 8 (0.957 ln 1.2 + 0.643 = 0.81748 → 0.8): applied below MELD 11 too: 8 + 4 − 0.8 = 11.2
    public void Meld_na_kim_2008_rows(string bili, string cr, string inr, string na, string expected, string unrounded)
    {
        var meld = Meld.Calculate(MeldInputs(bili, cr, inr, false)).Value;
        var hand = meld - Math.Clamp(D(na), 125m, 140m) - (0.025m * meld * (140m - Math.Clamp(D(na), 125m, 140m))) + 140m;
        var result = MeldNaKim2008.Calculate(new MeldNaKim2008.Inputs(MeldInputs(bili, cr, inr, false), Sodium.FromMillimolesPerLiter(D(na))));
        Assert.Equal(hand, result.Unrounded);
        Equal(D(expected), result.Value, "Kim 2008, hand computation");
        Equal(D(unrounded), result.Unrounded!.Value, "Kim 2008, hand computation");
    }

    [Fact]
    public void Meld_na_kim_2008_stays_within_6_to_40_and_never_below_meld_at_low_sodium()
    {
        var gen = from b in Gen.Choose(10, 400) from c in Gen.Choose(5, 60) from i in Gen.Choose(10, 60) from na in Gen.Choose(110, 150)
                  select (b / 10m, c / 10m, i / 10m, (decimal)na);
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var inputs = new Meld.Inputs(Bilirubin.FromMilligramsPerDeciliter(t.Item1), Creatinine.FromMilligramsPerDeciliter(t.Item2), Inr.FromRatio(t.Item3), false);
            var meld = Meld.Calculate(inputs).Value;
            var kim = MeldNaKim2008.Calculate(new MeldNaKim2008.Inputs(inputs, Sodium.FromMillimolesPerLiter(t.Item4))).Value;
            Assert.InRange(kim, 6m, 40m);
            Assert.True(kim >= meld, $"MELD-Na {kim} < MELD {meld}: with MELD ≤ 40, (140 − Na)(1 − 0.025 MELD) ≥ 0");
        }).QuickCheckThrowOnFailure();
    }

    // bilirubin, INR, albumin (g/dL), age, age at listing, growth failure, expected, unrounded
    [Theory]
    [InlineData("3.1", "2", "2.5", "2", null, true, "19", "18.677556")]    // transplantr's example inputs: 10 × (0.480 ln 3.1 + 1.857 ln 2 − 0.687 ln 2.5 + 0.667)
    [InlineData("5", "2", "3", "0.5", null, true, "24", "24.079579")]      // infant and growth failure
    [InlineData("5", "2", "3", "1.5", "0.8", true, "24", "24.079579")]     // listed before 1, now under 2: the infant term stays
    [InlineData("5", "2", "3", "2.5", "0.8", true, "20", "19.719579")]     // listed before 1, now over 2: the term is gone (24.079579 − 4.36)
    [InlineData("0.5", "0.9", "4", "5", null, false, "-10", "-9.523842")]   // bilirubin and INR below 1 set to 1; −6.87 ln 4
    [InlineData("10", "3", "2", "0.3", null, false, "31", "31.051718")]
    [InlineData("1", "1", "2", "6", null, false, "-5", "-4.761921")]        // negative values round half away from zero
    public void Peld_rows(string bili, string inr, string alb, string age, string? listed, bool growth, string expected, string unrounded)
    {
        var result = Peld.Calculate(new Peld.Inputs(D(age), listed is null ? null : D(listed), Bilirubin.FromMilligramsPerDeciliter(D(bili)),
            Inr.FromRatio(D(inr)), Albumin.FromGramsPerDeciliter(D(alb)), growth));
        Equal(D(expected), result.Value, "McDiarmid 2002, hand computation");
        Close(unrounded, result.Unrounded);
    }

    [Fact]
    public void Peld_is_for_children_under_12_and_names_missing_inputs()
    {
        Assert.Equal(OutcomeStatus.NotApplicable, Peld.Evaluate(new PatientSnapshot { AgeYears = 12m }).Status);
        var outcome = Peld.Evaluate(new PatientSnapshot { AgeYears = 11.9m, Labs = new LabPanel { Inr = Inr.FromRatio(1.1m) } });
        Assert.Equal(OutcomeStatus.NotCalculable, outcome.Status);
        Assert.Equal(["labs.bilirubin", "labs.albumin", "findings.growthFailure"], outcome.Missing);
        Assert.Equal(["ageYears", "labs.bilirubin", "labs.inr", "labs.albumin", "findings.growthFailure"], Peld.Evaluate(new PatientSnapshot()).Missing);
    }

    [Fact]
    public void Peld_rises_with_bilirubin_and_inr()
    {
        var gen = from b in Gen.Choose(1, 400) from i in Gen.Choose(10, 80) from d in Gen.Choose(1, 50) select (b / 10m, i / 10m, d / 10m);
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            Peld.Inputs Make(decimal bili, decimal inr) => new(5m, null, Bilirubin.FromMilligramsPerDeciliter(bili), Inr.FromRatio(inr), Albumin.FromGramsPerDeciliter(3m), false);
            var baseline = Peld.Calculate(Make(t.Item1, t.Item2)).Unrounded!.Value;
            Assert.True(Peld.Calculate(Make(t.Item1 + t.Item3, t.Item2)).Unrounded >= baseline);
            Assert.True(Peld.Calculate(Make(t.Item1, t.Item2 + t.Item3)).Unrounded >= baseline);
        }).QuickCheckThrowOnFailure();
    }
}
