namespace Hepatica.Cli.Tests;

/// <summary>The README's "short tour" (issue 11): each sample gives the lines the README quotes, so the tour stays true.</summary>
public sealed class ReadmeTourTests
{
    // Kim 2021 / OPTN 9.1.D: demo-001's inputs give 26.42 without dialysis and 32.03 with creatinine set to 3.0.
    [Fact]
    public async Task Assess_DemoWithoutDialysis_RangeAndTheFindingThatSettlesIt()
    {
        var r = await Hepatica.Run("assess", "samples/demo-001-no-dialysis.json");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("26-32   26 without dialysis, 32 with dialysis; give findings.dialysisTwiceInPastWeek", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("refer   Cirrhosis with MELD 3.0 26-32 (≥ 15): refer for transplant evaluation.", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assess_AcuteLiverFailure_MeldFamilyNotApplicableWithItsSource()
    {
        var r = await Hepatica.Run("assess", "samples/alf-acetaminophen.json");
        Assert.Contains("MELD (OPTN, before 2016), MELD-Na (OPTN, 2016), MELD 3.0, MELD-Na (Kim 2008, research): for chronic liver disease, not acute liver failure, where the King's College criteria and urgent listing apply (OPTN policy 9.1.A-B)", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assess_MixUpSample_ErrorsFirstAndOnStandardError()
    {
        var r = await Hepatica.Run("assess", "samples/mixup-001.json");
        var errors = r.Stdout.IndexOf("Errors (values not used)", StringComparison.Ordinal);
        Assert.True(errors >= 0);
        Assert.True(r.Stdout.IndexOf("LAB004 labs.creatinine.value", StringComparison.Ordinal) > errors);
        Assert.Contains("fall by a factor of 24, which no physiology explains within 7 days; most likely 2.1 mg/dL entered with unit umol/L", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("LAB004", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("LAB007", r.Stderr, StringComparison.Ordinal);
    }
}
