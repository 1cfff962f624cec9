using Hepatica.Clinical.Immunity;
using Hepatica.Clinical.Labs;

namespace Hepatica.Clinical.Tests.Immunity;

/// <summary>Low counts as observations at the CTCAE v5.0 grade boundaries (white cells 3.0/2.0/1.0, neutrophils 1.5/1.0/0.5, lymphocytes 0.8/0.5/0.2 × 10^9/L).</summary>
public sealed class ImmuneObservationsTests
{
    [Theory]
    [InlineData("0.8", null)]
    [InlineData("0.79", 2)]
    [InlineData("0.5", 2)]
    [InlineData("0.49", 3)]
    [InlineData("0.19", 4)]
    public void Lymphocytes_grade_boundaries(string count, int? grade)
    {
        var list = ImmuneObservations.Evaluate(new LabPanel { Lymphocytes = Lymphocytes.FromBillionsPerLiter(D(count)) });
        if (grade is null)
        {
            Assert.Empty(list);
            return;
        }

        var s = Assert.Single(list);
        Assert.Equal("lymphocytes-low", s.Id);
        Assert.Contains($"grade {grade}", s.Text, StringComparison.Ordinal);
        Assert.Contains("not a diagnosis", s.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.5", 0)]
    [InlineData("1.49", 1)]
    public void Neutrophils_below_1_5(string count, int expected) =>
        Assert.Equal(expected, ImmuneObservations.Evaluate(new LabPanel { Neutrophils = Neutrophils.FromBillionsPerLiter(D(count)) }).Count);

    [Fact]
    public void White_cells_as_an_observation_with_the_value_and_threshold()
    {
        var s = Assert.Single(ImmuneObservations.Evaluate(new LabPanel { Wbc = WhiteCells.FromPerMicroliter(2600m) }));
        Assert.StartsWith("White cells 2.6 × 10^9/L, below 3", s.Text, StringComparison.Ordinal);
        Assert.Same(ImmuneObservations.Ctcae5, s.Source);
    }

    private static decimal D(string s) => decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
}
