using System.Globalization;
using Hepatica.Clinical.Labs;
using Hepatica.Clinical.Serology;

namespace Hepatica.Clinical.Tests.Serology;

/// <summary>
/// EASL 2017 phases of chronic HBV infection (J Hepatol 2017;67:370, Figure 1) at each threshold, both sides: HBV DNA
/// 10^7 IU/mL (HBeAg-positive chronic infection), 10^4 (HBeAg-positive chronic hepatitis), 2,000 (HBeAg-negative
/// infection and hepatitis) and 20,000 (HBeAg-negative infection with normal ALT), ALT against its ULN.
/// </summary>
public sealed class HepatitisBPhaseTests
{
    private static readonly SerologyPanel Chronic = new()
    {
        HbsAg = SerologyResult.Of(QualitativeResult.Positive),
        AntiHbcTotal = SerologyResult.Of(QualitativeResult.Positive),
        AntiHbcIgm = SerologyResult.Of(QualitativeResult.Negative),
        AntiHbs = SerologyResult.Of(QualitativeResult.Negative),
    };

    private static SerologyInterpretation? Phase(SerologyPanel panel, decimal? alt = 30m, decimal? uln = 40m)
    {
        var labs = new LabPanel
        {
            Alt = alt is { } a ? Alt.FromUnitsPerLiter(a) : null,
            AltUpperLimit = uln is { } u ? Alt.FromUnitsPerLiter(u) : null,
        };
        return HepatitisBPhase.Interpret(panel, labs, HepatitisB.Interpret(panel));
    }

    private static SerologyPanel With(string hbeag, string dna) => Chronic with
    {
        HbeAg = SerologyResult.Of(hbeag == "+" ? QualitativeResult.Positive : QualitativeResult.Negative),
        HbvDna = SerologyResult.ViralLoad(decimal.Parse(dna, CultureInfo.InvariantCulture)),
    };

    [Theory]
    // HBeAg, HBV DNA IU/mL, ALT (ULN 40) -> phase
    [InlineData("+", "10000001", "40", "hbv-hbeag-positive-chronic-infection")]   // > 10^7, ALT at ULN (normal)
    [InlineData("+", "10000000", "40", "hbv-phase-grey-zone")]                    // 10^7 is not above 10^7
    [InlineData("+", "10000001", "41", "hbv-hbeag-positive-chronic-hepatitis")]   // ALT just above ULN
    [InlineData("+", "10000", "41", "hbv-hbeag-positive-chronic-hepatitis")]      // 10^4, lower bound of phase II
    [InlineData("+", "9999", "41", "hbv-phase-grey-zone")]
    [InlineData("-", "1999", "40", "hbv-hbeag-negative-chronic-infection")]       // < 2,000 with normal ALT
    [InlineData("-", "0", "40", "hbv-hbeag-negative-chronic-infection")]          // not detected
    [InlineData("-", "2000", "40", "hbv-phase-grey-zone")]                        // 2,000-20,000 with normal ALT: some have chronic infection
    [InlineData("-", "20000", "40", "hbv-phase-grey-zone")]
    [InlineData("-", "20001", "40", "hbv-phase-grey-zone")]
    [InlineData("-", "2001", "41", "hbv-hbeag-negative-chronic-hepatitis")]       // > 2,000 with raised ALT
    [InlineData("-", "2000", "41", "hbv-phase-grey-zone")]                        // 2,000 is not above 2,000
    [InlineData("-", "1999", "41", "hbv-phase-grey-zone")]                        // raised ALT with low DNA: another cause?
    public void Interpret_phase_at_each_easl_threshold(string hbeag, string dna, string alt, string expected)
    {
        var phase = Phase(With(hbeag, dna), decimal.Parse(alt, CultureInfo.InvariantCulture));
        Assert.NotNull(phase);
        Assert.Equal(expected, phase.Category);
        Assert.Contains("cannot settle it", phase.Clinician, StringComparison.Ordinal);
        Assert.Equal([SerologySources.Easl2017Hbv], phase.Sources);
    }

    [Fact]
    public void Interpret_grey_zone_with_dna_2000_to_20000_says_some_have_chronic_infection()
    {
        var phase = Phase(With("-", "15000"))!;
        Assert.Contains("seen in some people with HBeAg-negative chronic infection", phase.Clinician, StringComparison.Ordinal);
    }

    [Fact]
    public void Interpret_missing_inputs_are_named_and_not_guessed()
    {
        var phase = Phase(Chronic, alt: null, uln: null)!;
        Assert.Equal("hbv-phase-incomplete", phase.Category);
        Assert.Equal(4, phase.NextTests.Count);
        Assert.Contains(phase.NextTests, n => n.Contains("altUpperLimit", StringComparison.Ordinal));
        Assert.Contains(phase.NextTests, n => n.StartsWith("quantitative HBV DNA", StringComparison.Ordinal));
    }

    [Fact]
    public void Interpret_detected_dna_without_a_number_cannot_be_placed()
    {
        var panel = Chronic with { HbeAg = SerologyResult.Of(QualitativeResult.Negative), HbvDna = SerologyResult.Of(QualitativeResult.Positive) };
        Assert.Equal("hbv-phase-incomplete", Phase(panel)!.Category);
    }

    [Fact]
    public void Interpret_is_null_unless_the_cdc_reading_is_chronic()
    {
        var acute = Chronic with { AntiHbcIgm = SerologyResult.Of(QualitativeResult.Positive), HbeAg = SerologyResult.Of(QualitativeResult.Positive), HbvDna = SerologyResult.ViralLoad(100_000_000m) };
        Assert.Null(Phase(acute));
    }
}
