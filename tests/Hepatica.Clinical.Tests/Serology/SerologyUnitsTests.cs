using Hepatica.Clinical.Scoring;
using Hepatica.Clinical.Serology;

namespace Hepatica.Clinical.Tests.Serology;

/// <summary>Units of the quantitative tests: anti-HBs in mIU/mL = IU/L; viral loads in IU/mL or log IU/mL; copies/mL rejected.</summary>
public sealed class SerologyUnitsTests
{
    [Theory]
    [InlineData("mIU/mL")]
    [InlineData("m[IU]/mL")]
    [InlineData("IU/L")]
    [InlineData("[IU]/L")]
    public void TryReadAntiHbs_accepts_miu_per_ml_and_iu_per_l(string unit)
    {
        var issues = new List<InputIssue>();
        Assert.Equal(12m, SerologyUnits.TryReadAntiHbs(12m, unit, "serology.antiHbs", issues));
        Assert.Empty(issues);
    }

    [Theory]
    [InlineData("2000", "IU/mL", "2000")]
    [InlineData("3.30103", "log IU/mL", "2000")]     // 10^3.30103 = 2000.0 rounded to the IU
    [InlineData("4", "log10 IU/mL", "10000")]
    [InlineData("7", "log IU/mL", "10000000")]
    [InlineData("0", "log IU/mL", "1")]
    public void TryReadViralLoad_converts_log_to_iu(string value, string unit, string expected)
    {
        var issues = new List<InputIssue>();
        var read = SerologyUnits.TryReadViralLoad(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), unit, "HBV DNA", "serology.hbvDna", issues);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), read);
        Assert.Empty(issues);
    }

    [Fact]
    public void TryReadViralLoad_rejects_copies_naming_the_accepted_units()
    {
        var issues = new List<InputIssue>();
        Assert.Null(SerologyUnits.TryReadViralLoad(5000m, "copies/mL", "HBV DNA", "serology.hbvDna", issues));
        var issue = Assert.Single(issues);
        Assert.Equal(IssueCodes.UnknownUnit, issue.Code);
        Assert.Equal("serology.hbvDna.unit", issue.Path);
        Assert.Contains("IU/mL", issue.Message, StringComparison.Ordinal);
        Assert.Contains("depends on the assay", issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-1", "IU/mL")]
    [InlineData("10000000001", "IU/mL")]
    [InlineData("10.1", "log IU/mL")]
    public void TryReadViralLoad_rejects_impossible_values(string value, string unit)
    {
        var issues = new List<InputIssue>();
        Assert.Null(SerologyUnits.TryReadViralLoad(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), unit, "HBV DNA", "serology.hbvDna", issues));
        Assert.Equal(IssueCodes.ImpossibleValue, Assert.Single(issues).Code);
    }

    [Fact]
    public void TryRead_without_unit_is_lab001()
    {
        var issues = new List<InputIssue>();
        Assert.Null(SerologyUnits.TryReadAntiHbs(12m, null, "serology.antiHbs", issues));
        Assert.Equal(IssueCodes.MissingUnit, Assert.Single(issues).Code);
    }

    [Fact]
    public void Factories_reject_out_of_range_values()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SerologyResult.AntiHbsTiter(-1m));
        Assert.Throws<ArgumentOutOfRangeException>(() => SerologyResult.ViralLoad(SerologyUnits.MaximumViralLoad + 1m));
        Assert.Throws<ArgumentOutOfRangeException>(() => SerologyResult.Of((QualitativeResult)7));
        Assert.Equal(QualitativeResult.Negative, SerologyResult.ViralLoad(0m).Result);
    }

    [Fact]
    public void ViralLoad_keeps_the_reported_value_and_unit_for_provenance()
    {
        var load = SerologyResult.ViralLoad(SerologyUnits.FromLog(4.3m), reportedValue: 4.3m, reportedUnit: "log IU/mL");
        Assert.Equal(19953m, load.Value);
        Assert.Equal(4.3m, load.ReportedValue);
        Assert.Equal("log IU/mL", load.ReportedUnit);
        Assert.Equal(load, SerologyResult.ViralLoad(19953m, reportedValue: 4.3m, reportedUnit: "log IU/mL"));
    }
}
