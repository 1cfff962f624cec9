using FsCheck.Xunit;
using Hepatica.Clinical.Findings;
using Hepatica.Clinical.Scores;
using Hepatica.Clinical.Scoring;
using static Hepatica.Clinical.Tests.Scores.Cases;

namespace Hepatica.Clinical.Tests.Scores;

/// <summary>
/// IAIHG simplified criteria (Hennes 2008, Hepatology 48:169, Table 4 as reproduced in PMC3530748 Table 2 and BMC Health
/// Serv Res 13:161 Table 1): ANA or SMA ≥ 1:40 1, ≥ 1:80 2; LKM ≥ 1:40 2; SLA/LP positive 2; at most 2 points for all
/// autoantibodies; IgG &gt; ULN 1, &gt; 1.10 × ULN 2; histology compatible 1, typical 2; absence of viral hepatitis 2; ≥ 6
/// probable, ≥ 7 definite. The base patient scores 0: all autoantibodies negative, IgG 16 = ULN 16 g/L, atypical
/// histology, viral hepatitis not excluded. Every expected total is added by hand from the table.
/// </summary>
public sealed class AihSimplifiedTests
{
    private static AihSimplified.Inputs Base(int? ana = 0, int? sma = 0, int? lkm = 0, bool? sla = false, string igg = "16", AihHistology histology = AihHistology.Atypical, bool viral = false) =>
        new(ana, sma, lkm, sla, ImmunoglobulinG.FromGramsPerLiter(D(igg)), ImmunoglobulinG.FromGramsPerLiter(16m), histology, viral);

    [Theory]
    [InlineData(39, 0, 0, false, 0, "ANA 1:39 (below 1:40): 0")]
    [InlineData(40, 0, 0, false, 1, "ANA at 1:40: 1")]
    [InlineData(79, 0, 0, false, 1, "ANA 1:79 (below 1:80): 1")]
    [InlineData(80, 0, 0, false, 2, "ANA at 1:80: 2")]
    [InlineData(0, 40, 0, false, 1, "SMA at 1:40: 1")]
    [InlineData(0, 80, 0, false, 2, "SMA at 1:80: 2")]
    [InlineData(40, 40, 0, false, 1, "ANA and SMA both 1:40: one item (\"ANA or SMA\"), 1")]
    [InlineData(0, 0, 39, false, 0, "LKM 1:39: 0")]
    [InlineData(0, 0, 40, false, 2, "LKM at 1:40: 2")]
    [InlineData(0, 0, 0, true, 2, "SLA/LP positive: 2")]
    [InlineData(40, 0, 40, false, 2, "cap: ANA 1:40 (1) + LKM (2) = 3, at most 2")]
    [InlineData(40, 0, 0, true, 2, "cap: ANA 1:40 (1) + SLA (2) = 3, at most 2")]
    [InlineData(80, 80, 40, true, 2, "cap: 2 + 2 + 2 = 6, at most 2 (GDL would add them)")]
    public void Calculate_Autoantibodies_PointsAndCap(int ana, int sma, int lkm, bool sla, int expected, string source)
    {
        var result = AihSimplified.Calculate(Base(ana, sma, lkm, sla));
        Equal(expected, result.Value, source);
        Assert.Equal(expected, result.Steps.Single(s => s.Label == "autoantibodies").Value);
    }

    [Fact]
    public void Calculate_CapFires_BreakdownSaysSo()
    {
        var result = AihSimplified.Calculate(Base(40, 0, 40));
        var step = result.Steps.Single(s => s.Label == "autoantibodies");
        Assert.Contains("sum 3 is above the cap", step.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("16", 0, "IgG at the ULN (16 / 16 = 1): 0 (> ULN needed)")]
    [InlineData("16.1", 1, "IgG just above the ULN: 1")]
    [InlineData("17.6", 1, "IgG at 1.10 × ULN (17.6 / 16 = 1.1): 1 (> 1.10 needed for 2)")]
    [InlineData("17.61", 2, "IgG just above 1.10 × ULN: 2")]
    [InlineData("30", 2, "IgG far above: 2")]
    public void Calculate_IgG_Points(string igg, int expected, string source) =>
        Equal(expected, AihSimplified.Calculate(Base(igg: igg)).Value, source);

    [Theory]
    [InlineData(AihHistology.Atypical, 0)]
    [InlineData(AihHistology.Compatible, 1)]
    [InlineData(AihHistology.Typical, 2)]
    public void Calculate_Histology_Points(AihHistology histology, int expected) =>
        Equal(expected, AihSimplified.Calculate(Base(histology: histology)).Value, "Hennes 2008: compatible 1, typical 2");

    [Fact]
    public void Calculate_ViralHepatitisExcluded_TwoPoints() =>
        Equal(2, AihSimplified.Calculate(Base(viral: true)).Value, "Hennes 2008: absence of viral hepatitis 2");

    [Theory]
    [InlineData(40, "17", AihHistology.Compatible, 5, "below the probable AIH threshold", "1 + 1 + 1 + 2 = 5")]
    [InlineData(80, "17", AihHistology.Compatible, 6, "probable AIH", "2 + 1 + 1 + 2 = 6")]
    [InlineData(80, "17", AihHistology.Typical, 7, "definite AIH", "2 + 1 + 2 + 2 = 7")]
    [InlineData(80, "20", AihHistology.Typical, 8, "definite AIH", "2 + 2 + 2 + 2 = 8, the maximum")]
    public void Calculate_Totals_Diagnosis(int ana, string igg, AihHistology histology, int expected, string category, string source)
    {
        var result = AihSimplified.Calculate(Base(ana: ana, igg: igg, histology: histology, viral: true));
        Equal(expected, result.Value, source);
        Assert.Equal(category, result.Category);
    }

    [Fact]
    public void Calculate_PublishedCase_Probable()
    {
        // Case report, BMC Gastroenterol 2022 (doi 10.1186/s12876-022-02133-z), Table 1: ANA ≥ 1:80 2, IgG > 1.1 × ULN 2, typical histology 2,
        // viral hepatitis present (chronic hepatitis B) 0: total 6, probable.
        var result = AihSimplified.Calculate(Base(ana: 80, igg: "25", histology: AihHistology.Typical, viral: false));
        Equal(6, result.Value, "published case: 2 + 2 + 2 + 0");
        Assert.Equal("probable AIH", result.Category);
    }

    [Fact]
    public void Calculate_IgGInMgPerDl_SamePoints()
    {
        // 1761 mg/dL = 17.61 g/L against a ULN of 16 g/L: > 1.10 × ULN, 2 points.
        var inputs = Base() with { IgG = ImmunoglobulinG.FromMilligramsPerDeciliter(1761m) };
        Equal(2, AihSimplified.Calculate(inputs).Value, "17.61 g/L / 16 = 1.1006");
    }

    [Fact]
    public void Evaluate_Empty_NamesEveryInput()
    {
        var outcome = AihSimplified.Evaluate(new PatientSnapshot());
        Assert.Equal(OutcomeStatus.NotCalculable, outcome.Status);
        Assert.Equal(
            ["autoimmune.ana", "autoimmune.sma", "autoimmune.lkm", "autoimmune.slaLp", "autoimmune.igg", "autoimmune.iggUpperLimit", "autoimmune.histology", "autoimmune.viralHepatitisExcluded"],
            outcome.Missing);
    }

    [Fact]
    public void Evaluate_CapReachedWithUntestedAntibodies_Calculates()
    {
        // ANA 1:80 already gives the 2 autoantibody points: SMA, LKM and SLA/LP cannot change the total.
        var outcome = AihSimplified.Evaluate(Snapshot(new AutoimmuneFindings { AnaTiter = 80 }));
        Assert.Equal(OutcomeStatus.Calculated, outcome.Status);
        Equal(8, outcome.Result!.Value, "2 + IgG 20/16 2 + typical 2 + viral 2");
    }

    [Fact]
    public void Evaluate_BelowCapWithUntestedAntibodies_NamesThem()
    {
        var outcome = AihSimplified.Evaluate(Snapshot(new AutoimmuneFindings { AnaTiter = 40 }));
        Assert.Equal(["autoimmune.sma", "autoimmune.lkm", "autoimmune.slaLp"], outcome.Missing);
    }

    private static PatientSnapshot Snapshot(AutoimmuneFindings antibodies) => new()
    {
        Autoimmune = antibodies with
        {
            IgG = ImmunoglobulinG.FromGramsPerLiter(20m), IgGUpperLimit = ImmunoglobulinG.FromGramsPerLiter(16m),
            Histology = AihHistology.Typical, ViralHepatitisExcluded = true,
        },
    };

    // Any titers and SLA/LP: the autoantibody item never exceeds 2, and adding an antibody never lowers it.
    [Property]
    public bool Calculate_AnyAntibodies_CappedAtTwoAndMonotone(byte ana, byte sma, byte lkm, bool sla)
    {
        decimal Antibodies(AihSimplified.Inputs inputs) => AihSimplified.Calculate(inputs).Steps.Single(s => s.Label == "autoantibodies").Value!.Value;
        var points = Antibodies(Base(ana, sma, lkm, sla));
        return points is >= 0m and <= 2m && Antibodies(Base(ana, sma, lkm, true)) >= points && Antibodies(Base(ana, sma, 40, sla)) >= points;
    }
}
