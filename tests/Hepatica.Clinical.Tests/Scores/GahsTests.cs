using FsCheck.Xunit;
using Hepatica.Clinical.Labs;
using Hepatica.Clinical.Scores;
using Hepatica.Clinical.Scoring;
using static Hepatica.Clinical.Tests.Scores.Cases;

namespace Hepatica.Clinical.Tests.Scores;

/// <summary>
/// Glasgow alcoholic hepatitis score (Forrest 2005, Gut 54:1174; table as reproduced in Forrest 2007, Gut 56:1743,
/// Table 1): age &lt; 50 / ≥ 50; WBC &lt; 15 / ≥ 15 × 10^9/L; urea &lt; 5 / ≥ 5 mmol/L; PT ratio or INR &lt; 1.5 / 1.5-2.0 /
/// &gt; 2.0; bilirubin &lt; 125 / 125-250 / &gt; 250 µmol/L; total 5-12, ≥ 9 poor prognosis. Every row is hand-computed from
/// the table; the base patient (age 40, WBC 10, urea 4, INR 1.2, bilirubin 100 µmol/L) scores 1 on every item (5).
/// </summary>
public sealed class GahsTests
{
    // age, WBC, urea mmol/L, INR, bilirubin µmol/L, expected total, category, source
    [Theory]
    [InlineData("40", "10", "4", "1.2", "100", 5, "not poor prognosis", "base patient: 1 + 1 + 1 + 1 + 1")]
    [InlineData("49.9", "10", "4", "1.2", "100", 5, "not poor prognosis", "age just below 50: 1 point")]
    [InlineData("50", "10", "4", "1.2", "100", 6, "not poor prognosis", "age at 50: 2 points")]
    [InlineData("50.1", "10", "4", "1.2", "100", 6, "not poor prognosis", "age above 50: 2 points")]
    [InlineData("40", "14.9", "4", "1.2", "100", 5, "not poor prognosis", "WBC just below 15: 1 point")]
    [InlineData("40", "15", "4", "1.2", "100", 6, "not poor prognosis", "WBC at 15: 2 points")]
    [InlineData("40", "15.1", "4", "1.2", "100", 6, "not poor prognosis", "WBC above 15: 2 points")]
    [InlineData("40", "10", "4.9", "1.2", "100", 5, "not poor prognosis", "urea just below 5: 1 point")]
    [InlineData("40", "10", "5", "1.2", "100", 6, "not poor prognosis", "urea at 5: 2 points")]
    [InlineData("40", "10", "5.1", "1.2", "100", 6, "not poor prognosis", "urea above 5: 2 points")]
    [InlineData("40", "10", "4", "1.49", "100", 5, "not poor prognosis", "INR just below 1.5: 1 point")]
    [InlineData("40", "10", "4", "1.5", "100", 6, "not poor prognosis", "INR at 1.5: 2 points")]
    [InlineData("40", "10", "4", "1.51", "100", 6, "not poor prognosis", "INR above 1.5: 2 points")]
    [InlineData("40", "10", "4", "2.0", "100", 6, "not poor prognosis", "INR at 2.0: 2 points (1.5-2.0 includes 2.0)")]
    [InlineData("40", "10", "4", "2.01", "100", 7, "not poor prognosis", "INR above 2.0: 3 points")]
    [InlineData("40", "10", "4", "1.2", "124.9", 5, "not poor prognosis", "bilirubin just below 125: 1 point")]
    [InlineData("40", "10", "4", "1.2", "125", 6, "not poor prognosis", "bilirubin at 125: 2 points")]
    [InlineData("40", "10", "4", "1.2", "125.1", 6, "not poor prognosis", "bilirubin above 125: 2 points")]
    [InlineData("40", "10", "4", "1.2", "250", 6, "not poor prognosis", "bilirubin at 250: 2 points (125-250 includes 250)")]
    [InlineData("40", "10", "4", "1.2", "250.1", 7, "not poor prognosis", "bilirubin above 250: 3 points")]
    [InlineData("55", "16", "6", "1.2", "100", 8, "not poor prognosis", "total 8, just below 9: 2 + 2 + 2 + 1 + 1")]
    [InlineData("55", "16", "6", "1.6", "100", 9, "poor prognosis", "total 9: 2 + 2 + 2 + 2 + 1 (poor includes 9)")]
    [InlineData("55", "16", "6", "1.6", "130", 10, "poor prognosis", "total 10, above 9: 2 + 2 + 2 + 2 + 2")]
    [InlineData("60", "20", "10", "2.5", "300", 12, "poor prognosis", "maximum: 2 + 2 + 2 + 3 + 3")]
    public void Evaluate_Rows_MatchTable(string age, string wbc, string urea, string inr, string bili, int expected, string category, string source)
    {
        var snapshot = new PatientSnapshot
        {
            AgeYears = D(age),
            Labs = new LabPanel
            {
                Wbc = WhiteCells.FromBillionsPerLiter(D(wbc)), Urea = Urea.FromMillimolesPerLiter(D(urea)),
                Inr = Inr.FromRatio(D(inr)), Bilirubin = Bilirubin.FromMicromolesPerLiter(D(bili)),
            },
        };
        var result = Gahs.Evaluate(snapshot).Result!;
        Equal(expected, result.Value, source);
        Assert.Equal(category, result.Category);
    }

    [Theory]
    [InlineData("24", "12", 6, "PT ratio 24 / 12 = 2.0: 2 points (base total 5 + 1)")]
    [InlineData("24.1", "12", 7, "PT ratio 24.1 / 12 = 2.0083: 3 points")]
    [InlineData("17.9", "12", 5, "PT ratio 17.9 / 12 = 1.4917: 1 point")]
    public void Evaluate_NoInr_UsesPtRatio(string pt, string control, int expected, string source)
    {
        var result = Gahs.Evaluate(Base() with { Labs = Base().Labs with { Inr = null, ProthrombinTime = ProthrombinTime.FromSeconds(D(pt)), ProthrombinTimeControl = ProthrombinTime.FromSeconds(D(control)) } }).Result!;
        Equal(expected, result.Value, source);
        Assert.Contains(result.Steps, s => s.Kind == StepKind.Points && s.Label.StartsWith("PT ratio", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_InrAndPtGiven_UsesInr()
    {
        // INR 1.2 (1 point) wins over PT ratio 30 / 12 = 2.5 (which would give 3).
        var result = Gahs.Evaluate(Base() with { Labs = Base().Labs with { ProthrombinTime = ProthrombinTime.FromSeconds(30m), ProthrombinTimeControl = ProthrombinTime.FromSeconds(12m) } }).Result!;
        Assert.Equal(5m, result.Value);
        Assert.Contains(result.Steps, s => s.Label == "INR");
    }

    [Theory]
    [InlineData("7.30", 5, "7.30 mg/dL = 124.83 µmol/L: 1 point")]
    [InlineData("7.31", 6, "7.31 mg/dL = 125.001 µmol/L: 2 points")]
    public void Evaluate_BilirubinInMgDl_BandedInMicromoles(string mgDl, int expected, string source)
    {
        var result = Gahs.Evaluate(Base() with { Labs = Base().Labs with { Bilirubin = Bilirubin.FromMilligramsPerDeciliter(D(mgDl)) } }).Result!;
        Equal(expected, result.Value, source);
    }

    [Theory]
    [InlineData("14", 5, "BUN 14 mg/dL = 14 / 2.801 = 4.998 mmol/L urea: 1 point (GDL treats 14 as 5 mmol/L)")]
    [InlineData("14.1", 6, "BUN 14.1 mg/dL = 5.034 mmol/L: 2 points")]
    public void Evaluate_UreaFromBun_BandedInMillimoles(string bun, int expected, string source)
    {
        var result = Gahs.Evaluate(Base() with { Labs = Base().Labs with { Urea = Urea.FromMilligramsNitrogenPerDeciliter(D(bun)) } }).Result!;
        Equal(expected, result.Value, source);
    }

    [Fact]
    public void Evaluate_EmptySnapshot_NamesEveryMissingInput()
    {
        var outcome = Gahs.Evaluate(new PatientSnapshot());
        Assert.Equal(OutcomeStatus.NotCalculable, outcome.Status);
        Assert.Equal(["ageYears", "labs.wbc", "labs.urea", "labs.inr", "labs.bilirubin"], outcome.Missing);
    }

    [Fact]
    public void Evaluate_NoInrAndNoControl_NamesInr()
    {
        var outcome = Gahs.Evaluate(Base() with { Labs = Base().Labs with { Inr = null, ProthrombinTime = ProthrombinTime.FromSeconds(20m) } });
        Assert.Equal(["labs.inr"], outcome.Missing);
    }

    [Fact]
    public void Evaluate_CompleteSnapshot_Calculates()
    {
        // Snapshot: age 55 (2), WBC 6 (1), urea 6 (2), INR 1.5 (2), bilirubin 2.5 mg/dL = 42.75 µmol/L (1): 8.
        var outcome = Gahs.Evaluate(CompleteSnapshot());
        Assert.Equal(8m, outcome.Result!.Value);
        Assert.Equal("not poor prognosis", outcome.Result.Category);
    }

    [Property(Arbitrary = [typeof(ClinicalArbitraries)])]
    public bool Evaluate_AnyPatient_TotalIsSumOfPointsWithinRange(Patient patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        var result = Gahs.Evaluate(patient.ToSnapshot(false)).Result!;
        var points = result.Steps.Where(s => s.Kind == StepKind.Points).Select(s => s.Value!.Value).ToList();
        return points.Count == 5 && points.All(p => p is 1m or 2m or 3m) && result.Value == points.Sum() && result.Value is >= 5m and <= 12m
            && result.Category == (result.Value >= 9m ? "poor prognosis" : "not poor prognosis");
    }

    private static PatientSnapshot Base() => new()
    {
        AgeYears = 40m,
        Labs = new LabPanel
        {
            Wbc = WhiteCells.FromBillionsPerLiter(10m), Urea = Urea.FromMillimolesPerLiter(4m),
            Inr = Inr.FromRatio(1.2m), Bilirubin = Bilirubin.FromMicromolesPerLiter(100m),
        },
    };
}
