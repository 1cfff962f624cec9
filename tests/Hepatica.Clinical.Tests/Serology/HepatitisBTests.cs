using Hepatica.Clinical.Serology;

namespace Hepatica.Clinical.Tests.Serology;

/// <summary>
/// Every row of the CDC/ACIP hepatitis B interpretation table (Schillie 2018, reproduced as Table 5 of the CDC STI
/// treatment guidelines 2021; "+"/"-" per row), the anti-HBs 10 mIU/mL threshold (ACIP 2018), contradictory panels,
/// and the tests asked for when the CDC 2023 triple panel is incomplete.
/// </summary>
public sealed class HepatitisBTests
{
    private static SerologyResult? R(string? code) => code switch
    {
        "+" => SerologyResult.Of(QualitativeResult.Positive),
        "-" => SerologyResult.Of(QualitativeResult.Negative),
        "?" => SerologyResult.Of(QualitativeResult.Indeterminate),
        _ => null,
    };

    private static SerologyPanel Panel(string? hbsag, string? total, string? igm, string? antiHbs) =>
        new() { HbsAg = R(hbsag), AntiHbcTotal = R(total), AntiHbcIgm = R(igm), AntiHbs = R(antiHbs) };

    [Theory]
    // HBsAg, total anti-HBc, IgM anti-HBc, anti-HBs -> CDC/ACIP table row
    [InlineData("-", "-", "-", "-", "hbv-susceptible")]                        // never infected
    [InlineData("+", "-", "-", "-", "hbv-early-acute-or-post-vaccination")]    // early acute; transient (≤ 18 days) after vaccination
    [InlineData("+", "+", "+", "-", "hbv-acute")]                              // acute infection
    [InlineData("-", "+", "+", "-", "hbv-acute-resolving")]                    // acute resolving infection
    [InlineData("-", "+", "-", "+", "hbv-immune-natural-infection")]           // recovered from past infection and immune
    [InlineData("+", "+", "-", "-", "hbv-chronic")]                            // chronic infection
    [InlineData("-", "+", "-", "-", "hbv-isolated-anti-hbc")]                  // past, low-level chronic, false positive, passive transfer
    [InlineData("-", "-", "-", "+", "hbv-immune-vaccination")]                 // immune if > 10 mIU/mL after vaccination; HBIG
    public void Interpret_each_cdc_table_row_gives_its_category(string s, string c, string m, string a, string expected)
    {
        var reading = HepatitisB.Interpret(Panel(s, c, m, a));
        Assert.Equal(expected, reading.Category);
        Assert.Contains(SerologySources.Acip2018, reading.Sources);
        Assert.False(string.IsNullOrWhiteSpace(reading.Patient));
        Assert.Equal(4, reading.Inputs.Count);
    }

    [Theory]
    // The simplified CDC table (HBsAg, anti-HBc, anti-HBs, without IgM) reads the same where IgM is not needed.
    [InlineData("-", "-", null, "-", "hbv-susceptible")]
    [InlineData("-", "-", null, "+", "hbv-immune-vaccination")]
    [InlineData("-", "+", null, "+", "hbv-immune-natural-infection")]
    [InlineData("-", "+", null, "-", "hbv-isolated-anti-hbc")]
    [InlineData("+", "+", null, "-", "hbv-infected-acute-or-chronic")]
    [InlineData("-", "+", "+", "+", "hbv-acute-resolving")]
    public void Interpret_without_igm_reads_the_triple_panel(string s, string c, string? m, string a, string expected) =>
        Assert.Equal(expected, HepatitisB.Interpret(Panel(s, c, m, a)).Category);

    [Fact]
    public void Interpret_isolated_anti_hbc_without_igm_asks_for_igm_and_dna()
    {
        var reading = HepatitisB.Interpret(Panel("-", "+", null, "-"));
        Assert.Contains("IgM anti-HBc", reading.NextTests[0], StringComparison.Ordinal);
        Assert.Contains("HBV DNA", reading.NextTests[0], StringComparison.Ordinal);
        Assert.Contains("false-positive anti-HBc", reading.Clinician, StringComparison.Ordinal);
        Assert.Contains("low-level chronic infection", reading.Clinician, StringComparison.Ordinal);
        Assert.Contains("resolving acute infection", reading.Clinician, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("9.99", "hbv-susceptible")]
    [InlineData("10", "hbv-immune-vaccination")]    // ACIP 2018: ≥ 10 mIU/mL is protective
    [InlineData("10.01", "hbv-immune-vaccination")]
    public void Interpret_anti_hbs_titer_is_protective_from_10(string titer, string expected)
    {
        var panel = Panel("-", "-", null, null) with { AntiHbs = SerologyResult.AntiHbsTiter(decimal.Parse(titer, System.Globalization.CultureInfo.InvariantCulture)) };
        Assert.Equal(expected, HepatitisB.Interpret(panel).Category);
    }

    [Theory]
    [InlineData("+", "+", "-", "+", "HBsAg positive with anti-HBs")]
    [InlineData("-", "-", "+", "-", "IgM anti-HBc positive with total anti-HBc negative")]
    [InlineData("+", "-", "+", "-", "IgM anti-HBc positive with total anti-HBc negative")]
    public void Interpret_contradictory_panels_are_reported_not_forced_into_a_row(string s, string c, string m, string a, string reason)
    {
        var reading = HepatitisB.Interpret(Panel(s, c, m, a));
        Assert.Equal("hbv-contradictory", reading.Category);
        Assert.True(reading.IsContradictory);
        Assert.Contains(reason, reading.Clinician, StringComparison.Ordinal);
        Assert.NotEmpty(reading.NextTests);
    }

    [Fact]
    public void Interpret_hbeag_positive_with_hbsag_negative_is_contradictory()
    {
        var panel = Panel("-", "+", "-", "-") with { HbeAg = R("+") };
        Assert.Contains("HBeAg positive with HBsAg negative", HepatitisB.Interpret(panel).Clinician, StringComparison.Ordinal);
    }

    [Fact]
    public void Interpret_hbv_dna_without_hbsag_or_anti_hbc_is_contradictory()
    {
        var panel = Panel("-", "-", null, "-") with { HbvDna = SerologyResult.ViralLoad(500m) };
        Assert.Equal("hbv-contradictory", HepatitisB.Interpret(panel).Category);
    }

    [Fact]
    public void Interpret_high_anti_hbs_titer_with_hbsag_is_contradictory()
    {
        var panel = Panel("+", "+", "-", null) with { AntiHbs = SerologyResult.AntiHbsTiter(850m) };
        var reading = HepatitisB.Interpret(panel);
        Assert.Equal("hbv-contradictory", reading.Category);
        Assert.Contains("850 mIU/mL", reading.Clinician, StringComparison.Ordinal);
    }

    [Fact]
    public void Interpret_nothing_tested_asks_for_the_cdc_2023_triple_panel()
    {
        var reading = HepatitisB.Interpret(SerologyPanel.Empty with { AntiHcv = R("-") });
        Assert.Equal("hbv-not-tested", reading.Category);
        Assert.Equal(["HBsAg, anti-HBs and total anti-HBc: CDC 2023 triple panel"], reading.NextTests);
        Assert.Contains(SerologySources.Cdc2023Hbv, reading.Sources);
    }

    [Fact]
    public void Interpret_incomplete_triple_panel_names_each_missing_test()
    {
        var reading = HepatitisB.Interpret(Panel("-", null, null, null));
        Assert.Equal("hbv-incomplete", reading.Category);
        Assert.Equal(2, reading.NextTests.Count);
        Assert.StartsWith("total anti-HBc", reading.NextTests[0], StringComparison.Ordinal);
        Assert.StartsWith("anti-HBs", reading.NextTests[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Interpret_indeterminate_result_asks_to_repeat_it()
    {
        var reading = HepatitisB.Interpret(Panel("?", "-", null, "-"));
        Assert.Equal("hbv-incomplete", reading.Category);
        Assert.StartsWith("repeat HBsAg", reading.NextTests[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Interpret_hbsag_positive_without_anti_hbc_asks_for_total_and_igm()
    {
        var reading = HepatitisB.Interpret(Panel("+", null, null, "-"));
        Assert.Equal("hbv-hbsag-positive-incomplete", reading.Category);
        Assert.Contains(reading.NextTests, n => n.StartsWith("total anti-HBc", StringComparison.Ordinal));
        Assert.Contains(reading.NextTests, n => n.StartsWith("IgM anti-HBc", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("-", "-", null, null, "hbv-not-infected-immunity-unknown", "anti-HBs")]
    [InlineData("-", "+", null, null, "hbv-past-or-current-exposure-incomplete", "anti-HBs")]
    [InlineData("+", "+", null, "-", "hbv-infected-acute-or-chronic", "IgM anti-HBc")]
    public void Interpret_partial_panels_name_the_next_test(string s, string c, string? m, string? a, string expected, string next)
    {
        var reading = HepatitisB.Interpret(Panel(s, c, m, a));
        Assert.Equal(expected, reading.Category);
        Assert.StartsWith(next, reading.NextTests[0], StringComparison.Ordinal);
    }
}
