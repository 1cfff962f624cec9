using Hepatica.Clinical.Scores;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Tests.Scoring;

/// <summary>The typed step helpers: each label is built from the number it records and each detail cites the breakdown's source.</summary>
public sealed class BreakdownTests
{
    [Fact]
    public void Term_Label_IsBuiltFromTheCoefficientAsWritten()
    {
        var b = Breakdown.For(true, Sources.Kamath2001);
        Assert.Equal(1.120m * 2m, b.Term(1.120m, "ln(INR)", 2m));
        Assert.Equal(new BreakdownStep(StepKind.Term, "1.120 × ln(INR)", 2.240m, "Kamath 2001"), b.Steps.Single());
    }

    [Fact]
    public void Subtracted_Detail_SaysSubtractedWithTheNamedSource()
    {
        var b = Breakdown.For(true, Sources.Kamath2001);
        Assert.Equal(3m, b.Subtracted(1.5m, "x", 2m, Sources.Jalan2014));
        Assert.Equal("subtracted (Jalan 2014)", b.Steps.Single().Detail);
    }

    [Fact]
    public void Clamp_TwoSources_AreJoinedInTheDetail()
    {
        var b = Breakdown.For(true);
        Assert.Equal(137m, b.Clamp("sodium", 140m, 125m, 137m, Meld3.Kim2021, Meld3.OptnPolicy2023));
        Assert.Equal("140 is above 137: set to 137 (Kim 2021; OPTN policy 9.1.D (2023)).", b.Steps.Single().Detail);
    }

    [Fact]
    public void Factor_Absent_IsZeroWithTheCoefficientInItsLabel()
    {
        var b = Breakdown.For(true, Peld.McDiarmid2002);
        Assert.Equal(0m, b.Factor(0.667m, "growth failure", false));
        Assert.Equal("0.667 × growth failure", b.Steps.Single().Label);
    }

    [Fact]
    public void Round_NoDetail_NamesTheRuleHalfAwayFromZero()
    {
        var b = Breakdown.For(true);
        Assert.Equal(2.13m, b.Round("x", 2.125m, 2));
        Assert.Equal("two decimals, half away from zero", b.Steps.Single().Detail);
    }

    [Fact]
    public void Term_NoSourceAnywhere_Throws() =>
        Assert.Throws<InvalidOperationException>(() => Breakdown.For(true).Term(1m, "x", 1m));

    [Fact]
    public void Term_NotRecording_KeepsNoStepAndNeedsNoSource()
    {
        var b = Breakdown.For(false);
        Assert.Equal(2m, b.Term(1m, "x", 2m));
        Assert.Empty(b.Steps);
    }

    [Theory]
    [InlineData(1.999, "1")]
    [InlineData(2, "2")]
    [InlineData(3, "2")]
    [InlineData(3.001, "3")]
    public void ChildPughBilirubinBands_MiddleBandIncludesBothEnds(decimal mgPerDl, string points) =>
        Assert.Equal(points, Bands.Find(ChildPugh.BilirubinBands, mgPerDl).Label); // Pugh 1973: < 2 one point, 2-3 two, > 3 three
}
