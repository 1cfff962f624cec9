using Hepatica.Clinical.Serology;

namespace Hepatica.Clinical.Tests.Serology;

/// <summary>
/// Hepatitis C (CDC 2013 result table; CDC 2020), A (ACIP 2020), D (EASL 2017 HBV; EASL 2023 HDV) and E (EASL 2018)
/// rows, their contradictions and the tests asked for, and the section's order and emptiness.
/// </summary>
public sealed class OtherVirusesTests
{
    private static SerologyResult? R(string? code) => code switch
    {
        "+" => SerologyResult.Of(QualitativeResult.Positive),
        "-" => SerologyResult.Of(QualitativeResult.Negative),
        "?" => SerologyResult.Of(QualitativeResult.Indeterminate),
        _ => null,
    };

    [Theory]
    // anti-HCV, HCV RNA -> category (CDC 2013 table)
    [InlineData("+", "+", "hcv-current-infection")]
    [InlineData("-", "+", "hcv-current-infection")]       // seronegative early acute or immunosuppressed: RNA decides
    [InlineData(null, "+", "hcv-current-infection")]
    [InlineData("+", "-", "hcv-past-or-false-positive")]
    [InlineData("+", null, "hcv-rna-needed")]
    [InlineData("+", "?", "hcv-rna-needed")]
    [InlineData("-", null, "hcv-no-infection")]
    [InlineData("-", "-", "hcv-no-infection")]
    [InlineData(null, "-", "hcv-no-current-infection")]
    [InlineData("?", null, "hcv-incomplete")]
    [InlineData(null, null, "hcv-not-tested")]
    public void HepatitisC_rows(string? antibody, string? rna, string expected) =>
        Assert.Equal(expected, HepatitisC.Interpret(new SerologyPanel { AntiHcv = R(antibody), HcvRna = R(rna) }).Category);

    [Fact]
    public void HepatitisC_reactive_antibody_without_rna_orders_hcv_rna()
    {
        var reading = HepatitisC.Interpret(new SerologyPanel { AntiHcv = R("+") });
        Assert.Equal(["HCV RNA (NAT): current versus past infection"], reading.NextTests);
        Assert.Contains(SerologySources.Cdc2020Hcv, reading.Sources);
    }

    [Fact]
    public void HepatitisC_quantified_rna_is_shown()
    {
        var reading = HepatitisC.Interpret(new SerologyPanel { AntiHcv = R("+"), HcvRna = SerologyResult.ViralLoad(1_250_000m) });
        Assert.Contains("1250000 IU/mL", reading.Clinician, StringComparison.Ordinal);
    }

    [Theory]
    // total anti-HAV, IgM anti-HAV -> category
    [InlineData("+", "+", "hav-acute")]
    [InlineData(null, "+", "hav-acute")]
    [InlineData("+", "-", "hav-immune")]
    [InlineData("+", null, "hav-immune")]
    [InlineData("-", "-", "hav-susceptible")]
    [InlineData("-", null, "hav-susceptible")]
    [InlineData("-", "+", "hav-contradictory")]
    [InlineData(null, "-", "hav-not-acute-immunity-unknown")]
    [InlineData("?", null, "hav-incomplete")]
    [InlineData(null, null, "hav-not-tested")]
    public void HepatitisA_rows(string? total, string? igm, string expected) =>
        Assert.Equal(expected, HepatitisA.Interpret(new SerologyPanel { AntiHavTotal = R(total), AntiHavIgm = R(igm) }).Category);

    [Theory]
    // HBsAg, anti-HDV, HDV RNA -> category (null: not read)
    [InlineData("+", null, null, "hdv-not-tested")]
    [InlineData("+", "-", null, "hdv-no-infection")]
    [InlineData("+", "+", null, "hdv-rna-needed")]
    [InlineData("+", "+", "+", "hdv-active")]
    [InlineData("+", "+", "-", "hdv-resolved-or-controlled")]
    [InlineData("+", null, "+", "hdv-active")]
    [InlineData("-", "+", null, null)]                   // HDV needs HBsAg: not read without it
    [InlineData(null, null, null, null)]
    [InlineData("-", null, "+", "hdv-contradictory")]
    public void HepatitisD_rows_only_with_hbsag(string? hbsag, string? antibody, string? rna, string? expected) =>
        Assert.Equal(expected, HepatitisD.Interpret(new SerologyPanel { HbsAg = R(hbsag), AntiHdv = R(antibody), HdvRna = R(rna) })?.Category);

    [Fact]
    public void HepatitisD_hbsag_positive_orders_anti_hdv_once()
    {
        var reading = HepatitisD.Interpret(new SerologyPanel { HbsAg = R("+") })!;
        Assert.StartsWith("anti-HDV", reading.NextTests[0], StringComparison.Ordinal);
        Assert.Contains(SerologySources.Easl2017Hbv, reading.Sources);
    }

    [Theory]
    // IgM anti-HEV, IgG anti-HEV, HEV RNA -> category (null: not tested)
    [InlineData(null, null, null, null)]
    [InlineData("+", null, "+", "hev-current-infection")]
    [InlineData("-", "-", "+", "hev-current-infection")]
    [InlineData("+", "+", null, "hev-acute-or-recent")]
    [InlineData("+", null, "-", "hev-acute-or-recent")]
    [InlineData("-", "+", null, "hev-past-infection")]
    [InlineData("-", "-", "-", "hev-no-evidence")]
    [InlineData("-", null, null, "hev-no-evidence")]
    [InlineData("?", null, null, "hev-incomplete")]
    public void HepatitisE_rows(string? igm, string? igg, string? rna, string? expected) =>
        Assert.Equal(expected, HepatitisE.Interpret(new SerologyPanel { AntiHevIgm = R(igm), AntiHevIgg = R(igg), HevRna = R(rna) })?.Category);

    [Fact]
    public void HepatitisE_igm_without_rna_orders_hev_rna() =>
        Assert.StartsWith("HEV RNA", HepatitisE.Interpret(new SerologyPanel { AntiHevIgm = R("+") })!.NextTests[0], StringComparison.Ordinal);

    [Fact]
    public void Evaluate_is_empty_without_serology() =>
        Assert.Empty(ViralHepatitis.Evaluate(new PatientSnapshot()).Interpretations);

    [Fact]
    public void Evaluate_lists_b_c_a_untested_and_skips_d_e()
    {
        var section = ViralHepatitis.Evaluate(new PatientSnapshot { Serology = new SerologyPanel { AntiHcv = R("+") } });
        Assert.Equal(["hbv-not-tested", "hcv-rna-needed", "hav-not-tested"], section.Interpretations.Select(i => i.Category));
    }

    [Fact]
    public void Evaluate_orders_b_phase_d_c_a_e()
    {
        var panel = new SerologyPanel
        {
            HbsAg = R("+"), AntiHbcTotal = R("+"), AntiHbcIgm = R("-"), AntiHbs = R("-"),
            AntiHcv = R("-"), AntiHavTotal = R("+"), AntiHevIgg = R("+"),
        };
        var section = ViralHepatitis.Evaluate(new PatientSnapshot { Serology = panel });
        Assert.Equal([HepatitisB.Topic, HepatitisBPhase.Topic, HepatitisD.Topic, HepatitisC.Topic, HepatitisA.Topic, HepatitisE.Topic],
            section.Interpretations.Select(i => i.Topic));
        Assert.All(section.Interpretations, i =>
        {
            Assert.NotEmpty(i.Sources);
            Assert.All(i.Sources, c => Assert.InRange(c.Year, 2013, 2023));
            Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", i.Category);
        });
    }
}
