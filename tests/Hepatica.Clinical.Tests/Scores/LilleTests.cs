using FsCheck.Xunit;
using Hepatica.Clinical.Findings;
using Hepatica.Clinical.Labs;
using Hepatica.Clinical.Scores;
using Hepatica.Clinical.Scoring;
using static Hepatica.Clinical.Tests.Scores.Cases;

namespace Hepatica.Clinical.Tests.Scores;

/// <summary>
/// Lille model (Louvet 2007, Hepatology 45:1348; coefficients as reproduced by GlobalRPh, medicalalgorithms.com,
/// QxMD and the review table PMC6448617, which all give the bilirubin change as day 0 − day 7):
/// R = 3.19 − 0.101 age + 0.147 albumin g/L + 0.0165 (bili d0 − bili d7) µmol/L − 0.206 [Cr &gt; 1.3 mg/dL]
/// − 0.0065 bili d0 µmol/L − 0.0096 PT s; Lille = 1 / (1 + e^R); ≥ 0.45 non-responder, banded unrounded; three decimals.
/// Expected values are hand-computed (R exactly, then 1 / (1 + e^R) to 6 decimals).
/// </summary>
public sealed class LilleTests
{
    private static readonly DateOnly Start = new(2026, 11, 1);

    /// <summary>Hand-computed rows: inputs (bilirubin in µmol/L), the reported value, the unrounded value to 6 decimals, the band, and the computation.</summary>
    public static TheoryData<Row> Rows =>
    [
        new Row(Age: 50m, AlbuminGramsPerLiter: 25m, BilirubinDay0: 300m, BilirubinDay7: 200m, CreatinineMgDl: 1.0m, ProthrombinSeconds: 20m, Expected: 0.210m, Unrounded: 0.210320m, Band: "responder", Source: "R = 3.19 − 5.05 + 3.675 + 1.65 − 0 − 1.95 − 0.192 = 1.323; 1/(1+e^1.323) = 0.210320 (with day 7 − day 0 it would be 0.878: a falling bilirubin must lower the score)"),
        new Row(Age: 50m, AlbuminGramsPerLiter: 25m, BilirubinDay0: 300m, BilirubinDay7: 300m, CreatinineMgDl: 1.0m, ProthrombinSeconds: 20m, Expected: 0.581m, Unrounded: 0.581029m, Band: "non-responder", Source: "no change: R = −0.327; 1/(1+e^−0.327) = 0.581029"),
        new Row(Age: 50m, AlbuminGramsPerLiter: 25m, BilirubinDay0: 300m, BilirubinDay7: 400m, CreatinineMgDl: 1.0m, ProthrombinSeconds: 20m, Expected: 0.878m, Unrounded: 0.878361m, Band: "non-responder", Source: "bilirubin rises 100: R = −1.977 → 0.878361"),
        new Row(Age: 50m, AlbuminGramsPerLiter: 25m, BilirubinDay0: 300m, BilirubinDay7: 200m, CreatinineMgDl: 1.31m, ProthrombinSeconds: 20m, Expected: 0.247m, Unrounded: 0.246568m, Band: "responder", Source: "creatinine 1.31 > 1.3: renal insufficiency, R = 1.323 − 0.206 = 1.117 → 0.246568"),
        new Row(Age: 50m, AlbuminGramsPerLiter: 25m, BilirubinDay0: 300m, BilirubinDay7: 200m, CreatinineMgDl: 1.3m, ProthrombinSeconds: 20m, Expected: 0.210m, Unrounded: 0.210320m, Band: "responder", Source: "creatinine at 1.3 is not > 1.3: no renal term, as row 1"),
        new Row(Age: 50m, AlbuminGramsPerLiter: 25m, BilirubinDay0: 300m, BilirubinDay7: 268m, CreatinineMgDl: 1.0m, ProthrombinSeconds: 20m, Expected: 0.450m, Unrounded: 0.449918m, Band: "responder", Source: "just below 0.45: R = 0.201 → 0.449918, reported 0.450 but banded responder (0.45 exactly needs R = ln(11/9), irrational)"),
        new Row(Age: 50m, AlbuminGramsPerLiter: 25m, BilirubinDay0: 300m, BilirubinDay7: 268.1m, CreatinineMgDl: 1.0m, ProthrombinSeconds: 20m, Expected: 0.450m, Unrounded: 0.450327m, Band: "non-responder", Source: "just above 0.45: R = 0.19935 → 0.450327"),
        new Row(Age: 45m, AlbuminGramsPerLiter: 30m, BilirubinDay0: 171m, BilirubinDay7: 85.5m, CreatinineMgDl: 0.9m, ProthrombinSeconds: 16m, Expected: 0.039m, Unrounded: 0.039141m, Band: "responder", Source: "R = 3.19 − 4.545 + 4.41 + 1.41075 − 1.1115 − 0.1536 = 3.20065 → 0.039141"),
        new Row(Age: 60m, AlbuminGramsPerLiter: 22m, BilirubinDay0: 513m, BilirubinDay7: 513m, CreatinineMgDl: 2.0m, ProthrombinSeconds: 25m, Expected: 0.968m, Unrounded: 0.968216m, Band: "non-responder", Source: "R = 3.19 − 6.06 + 3.234 − 0.206 − 3.3345 − 0.24 = −3.4165 → 0.968216"),
    ];

    [Theory]
    [MemberData(nameof(Rows))]
    public void Evaluate_Rows_MatchHandComputation(Row row)
    {
        var result = Lille.Evaluate(Snapshot(row.Age, row.AlbuminGramsPerLiter, row.BilirubinDay0, row.BilirubinDay7, row.CreatinineMgDl, row.ProthrombinSeconds)).Result!;
        Equal(row.Expected, result.Value, row.Source);
        Near(row.Unrounded, result.Unrounded, row.Source);
        Assert.Equal(row.Band, result.Category);
    }

    /// <summary>One row of <see cref="Rows"/>: bilirubin in µmol/L, creatinine in mg/dL, prothrombin time in seconds.</summary>
    public sealed record Row(
        decimal Age, decimal AlbuminGramsPerLiter, decimal BilirubinDay0, decimal BilirubinDay7, decimal CreatinineMgDl, decimal ProthrombinSeconds,
        decimal Expected, decimal Unrounded, string Band, string Source);

    [Fact]
    public void Evaluate_CompleteSnapshot_Calculates()
    {
        // Age 55, albumin 30 g/L, bilirubin 42.75 → 34.2 µmol/L, Cr 1.2, PT 17:
        // R = 3.19 − 5.555 + 4.41 + 0.141075 − 0 − 0.277875 − 0.1632 = 1.745; 1/(1+e^1.745) = 0.148679.
        var result = Lille.Evaluate(CompleteSnapshot()).Result!;
        Assert.Equal(0.149m, result.Value);
        Assert.Equal("responder", result.Category);
    }

    [Fact]
    public void Evaluate_Steps_NameTheDatesUsed()
    {
        var result = Lille.Evaluate(Snapshot(50m, 25m, 300m, 200m, 1m, 20m)).Result!;
        Assert.Contains(result.Steps, s => s.Label == "bilirubin day 0" && s.Detail.Contains("2026-11-01", StringComparison.Ordinal));
        Assert.Contains(result.Steps, s => s.Label == "bilirubin day 7" && s.Detail.Contains("2026-11-08", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_UnitsOfTheSeries_DoNotChangeTheResult()
    {
        // 300 µmol/L = 17.543859... mg/dL is not exact, so use 342 µmol/L = 20 mg/dL and 171 µmol/L = 10 mg/dL.
        var si = Lille.Evaluate(Snapshot(50m, 25m, 342m, 171m, 1m, 20m)).Result!;
        var conventional = Lille.Evaluate(Snapshot(50m, 25m, 342m, 171m, 1m, 20m) with
        {
            Series = Snapshot(50m, 25m, 342m, 171m, 1m, 20m).Series with
            {
                Bilirubin = [new(Start, Bilirubin.FromMilligramsPerDeciliter(20m)), new(Start.AddDays(7), Bilirubin.FromMilligramsPerDeciliter(10m))],
                Albumin = [new(Start, Albumin.FromGramsPerDeciliter(2.5m))],
            },
        }).Result!;
        Assert.Equal(si.Unrounded, conventional.Unrounded);
    }

    [Theory]
    [InlineData("115", "0.247", "115 µmol/L = 1.3009 mg/dL > 1.3: renal insufficiency (R 1.117, as the 1.31 row)")]
    [InlineData("114.9", "0.210", "114.9 µmol/L = 1.2998 mg/dL ≤ 1.3: no renal term (R 1.323)")]
    public void Evaluate_CreatinineInMicromoles_ComparedInMgDl(string micromoles, string expected, string source)
    {
        var snapshot = Snapshot(50m, 25m, 300m, 200m, 1m, 20m);
        snapshot = snapshot with { Series = snapshot.Series with { Creatinine = [new(Start, Creatinine.FromMicromolesPerLiter(D(micromoles)))] } };
        Equal(D(expected), Lille.Evaluate(snapshot).Result!.Value, source);
    }

    [Fact]
    public void Evaluate_EmptySnapshot_NamesEveryMissingInput()
    {
        var outcome = Lille.Evaluate(new PatientSnapshot());
        Assert.Equal(OutcomeStatus.NotCalculable, outcome.Status);
        Assert.Equal(["ageYears", "findings.corticosteroidStartDate", "series.albumin[day 0]", "series.creatinine[day 0]", "series.pt[day 0]",
            "series.bilirubin[day 0]", "series.bilirubin[day 7]"], outcome.Missing);
    }

    [Theory]
    [InlineData(6, "day 6 only: not day 7")]
    [InlineData(8, "day 8 only: not day 7 (no tolerance)")]
    public void Evaluate_NoBilirubinOnDay7_NamesIt(int day, string why)
    {
        var snapshot = Snapshot(50m, 25m, 300m, 200m, 1m, 20m);
        snapshot = snapshot with { Series = snapshot.Series with { Bilirubin = [new(Start, Bilirubin.FromMicromolesPerLiter(300m)), new(Start.AddDays(day), Bilirubin.FromMicromolesPerLiter(200m))] } };
        Assert.True(Lille.Evaluate(snapshot).Missing.SequenceEqual(["series.bilirubin[day 7]"]), why);
    }

    [Fact]
    public void Evaluate_Day0ValuesOnAnotherDate_NamesThem()
    {
        var snapshot = Snapshot(50m, 25m, 300m, 200m, 1m, 20m);
        snapshot = snapshot with
        {
            Series = snapshot.Series with
            {
                Albumin = [new(Start.AddDays(-1), Albumin.FromGramsPerLiter(25m))],
                ProthrombinTime = [new(Start.AddDays(7), ProthrombinTime.FromSeconds(20m))],
            },
        };
        Assert.Equal(["series.albumin[day 0]", "series.pt[day 0]"], Lille.Evaluate(snapshot).Missing);
    }

    [Fact]
    public void Series_ValuesOutOfOrder_AreSortedAndFound()
    {
        var series = new LabSeries { Bilirubin = [new(Start.AddDays(7), Bilirubin.FromMicromolesPerLiter(200m)), new(Start, Bilirubin.FromMicromolesPerLiter(300m))] };
        Assert.Equal(Start, series.Bilirubin[0].Date);
        Assert.Equal(300m, LabSeries.On(series.Bilirubin, Start)!.Value.MicromolesPerLiter);
    }

    [Fact]
    public void Series_TwoValuesOnOneDate_IsABug()
    {
        Assert.Throws<ArgumentException>(() => new LabSeries { Bilirubin = [new(Start, Bilirubin.FromMicromolesPerLiter(200m)), new(Start, Bilirubin.FromMicromolesPerLiter(300m))] });
    }

    [Property(Arbitrary = [typeof(ClinicalArbitraries)])]
    public bool Evaluate_AnyPatient_StrictlyBetween0And1AndNonDecreasingInDay7Bilirubin(Patient patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        var before = Lille.Evaluate(patient.ToSnapshot(false)).Result!;
        var after = Lille.Evaluate((patient with { BilirubinDay7MgDl = patient.BilirubinDay7MgDl + 1m }).ToSnapshot(false)).Result!;
        return before.Unrounded is > 0m and < 1m && after.Unrounded >= before.Unrounded && after.Value >= before.Value;
    }

    private static PatientSnapshot Snapshot(decimal age, decimal albGl, decimal bili0, decimal bili7, decimal crMgDl, decimal ptSeconds) => new()
    {
        AgeYears = age,
        Findings = new ClinicalFindings { CorticosteroidStartDate = Start },
        Series = new LabSeries
        {
            Bilirubin = [new(Start.AddDays(7), Bilirubin.FromMicromolesPerLiter(bili7)), new(Start, Bilirubin.FromMicromolesPerLiter(bili0))],
            Albumin = [new(Start, Albumin.FromGramsPerLiter(albGl))],
            Creatinine = [new(Start, Creatinine.FromMilligramsPerDeciliter(crMgDl))],
            ProthrombinTime = [new(Start, ProthrombinTime.FromSeconds(ptSeconds))],
        },
    };
}
