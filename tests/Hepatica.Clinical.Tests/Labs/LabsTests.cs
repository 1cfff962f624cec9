using Hepatica.Clinical.Scoring;
using static Hepatica.Clinical.Tests.Scores.Cases;

namespace Hepatica.Clinical.Tests.Labs;

/// <summary>
/// Lab values read from untrusted text: accepted unit spellings, coded issues (LAB001 missing unit, LAB002 unknown unit,
/// LAB004 impossible, LAB005 unusual) and the canonical value. Conversion factors: bilirubin 17.1 µmol/L per mg/dL,
/// creatinine 88.4, albumin 10 g/L per g/dL, sodium mEq/L = mmol/L, platelets 10^3/µL = 10^9/L (scores.md, Units).
/// </summary>
public sealed partial class LabsTests
{
    /// <summary>Reads one analyte as the snapshot adapter does and returns its canonical value.</summary>
    internal static (bool Ok, decimal? Canonical, List<InputIssue> Issues) Read(string analyte, decimal value, string? unit)
    {
        var issues = new List<InputIssue>();
        var path = "labs." + analyte;
        switch (analyte)
        {
            case "bilirubin":
                {
                    var ok = Bilirubin.TryRead(value, unit, path, issues, out var r);
                    return (ok, r?.MilligramsPerDeciliter, issues);
                }

            case "creatinine":
                {
                    var ok = Creatinine.TryRead(value, unit, path, issues, out var r);
                    return (ok, r?.MilligramsPerDeciliter, issues);
                }

            case "albumin":
                {
                    var ok = Albumin.TryRead(value, unit, path, issues, out var r);
                    return (ok, r?.GramsPerDeciliter, issues);
                }

            case "sodium":
                {
                    var ok = Sodium.TryRead(value, unit, path, issues, out var r);
                    return (ok, r?.MillimolesPerLiter, issues);
                }

            case "platelets":
                {
                    var ok = Platelets.TryRead(value, unit, path, issues, out var r);
                    return (ok, r?.BillionsPerLiter, issues);
                }

            case "inr":
                {
                    var ok = Inr.TryRead(value, unit, path, issues, out var r);
                    return (ok, r?.Ratio, issues);
                }

            case "ast":
                {
                    var ok = Ast.TryRead(value, unit, path, issues, out var r);
                    return (ok, r?.UnitsPerLiter, issues);
                }

            case "alt":
                {
                    var ok = Alt.TryRead(value, unit, path, issues, out var r);
                    return (ok, r?.UnitsPerLiter, issues);
                }

            case "alp":
                {
                    var ok = Alp.TryRead(value, unit, path, issues, out var r);
                    return (ok, r?.UnitsPerLiter, issues);
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(analyte), analyte, "unknown analyte in the test table");
        }
    }

    internal static string AcceptedUnits(string analyte) => analyte switch
    {
        "bilirubin" => Bilirubin.AcceptedUnits,
        "creatinine" => Creatinine.AcceptedUnits,
        "albumin" => Albumin.AcceptedUnits,
        "sodium" => Sodium.AcceptedUnits,
        "platelets" => Platelets.AcceptedUnits,
        "inr" => Inr.AcceptedUnits,
        "ast" => Ast.AcceptedUnits,
        "alt" => Alt.AcceptedUnits,
        _ => Alp.AcceptedUnits,
    };

    // analyte, value, unit text, expected canonical value, source of the factor
    [Theory]
    [InlineData("bilirubin", "2", "mg/dL", "2", "canonical unit")]
    [InlineData("bilirubin", "34.2", "umol/L", "2", "34.2 / 17.1 = 2")]
    [InlineData("bilirubin", "34.2", "µmol/L", "2", "micro sign U+00B5")]
    [InlineData("bilirubin", "34.2", "μmol/L", "2", "Greek mu U+03BC")]
    [InlineData("bilirubin", "51.3", "UMOL/L", "3", "case-insensitive; 51.3 / 17.1 = 3")]
    [InlineData("bilirubin", "2", " mg / dL ", "2", "spaces ignored")]
    [InlineData("creatinine", "1.5", "mg/dL", "1.5", "canonical unit")]
    [InlineData("creatinine", "88.4", "umol/L", "1", "88.4 / 88.4 = 1")]
    [InlineData("creatinine", "176.8", "µmol/L", "2", "176.8 / 88.4 = 2")]
    [InlineData("albumin", "3.5", "g/dL", "3.5", "canonical unit")]
    [InlineData("albumin", "35", "g/L", "3.5", "35 / 10 = 3.5")]
    [InlineData("sodium", "130", "mmol/L", "130", "canonical unit")]
    [InlineData("sodium", "130", "meq/L", "130", "mEq/L = mmol/L for Na+")]
    [InlineData("sodium", "130", "mEq/L", "130", "mEq/L = mmol/L for Na+")]
    [InlineData("platelets", "150", "10*9/L", "150", "UCUM canonical")]
    [InlineData("platelets", "150", "10*3/uL", "150", "10^3/µL = 10^9/L")]
    [InlineData("platelets", "150", "10^9/L", "150", "caret spelling")]
    [InlineData("platelets", "150", "x10^9/L", "150", "x prefix")]
    [InlineData("platelets", "150", "/nL", "150", "per nanolitre = 10^9/L")]
    [InlineData("platelets", "150000", "/uL", "150", "cells per µL / 1000")]
    [InlineData("ast", "40", "U/L", "40", "canonical unit")]
    [InlineData("ast", "40", "IU/L", "40", "IU/L = U/L")]
    [InlineData("alt", "40", "U/L", "40", "canonical unit")]
    [InlineData("alt", "40", "IU/L", "40", "IU/L = U/L")]
    [InlineData("alp", "120", "U/L", "120", "canonical unit")]
    [InlineData("alp", "120", "IU/L", "120", "IU/L = U/L")]
    [InlineData("inr", "1.5", null, "1.5", "INR is a ratio: no unit needed")]
    [InlineData("inr", "1.5", "", "1.5", "INR: empty unit accepted")]
    [InlineData("inr", "1.5", "1", "1.5", "INR: UCUM unity")]
    public void TryRead_AcceptedSpelling_CanonicalValueWithoutIssues(string analyte, string value, string? unit, string canonical, string source)
    {
        var (ok, actual, issues) = Read(analyte, D(value), unit);
        Assert.True(ok, source);
        Assert.Empty(issues);
        Equal(D(canonical), actual!.Value, source);
    }

    [Theory]
    [InlineData("bilirubin", "2", "mg/L")]
    [InlineData("bilirubin", "2", "mmol/L")]
    [InlineData("creatinine", "1", "mmol/L")]
    [InlineData("albumin", "3.5", "mg/dL")]
    [InlineData("sodium", "130", "mg/dL")]
    [InlineData("platelets", "150", "cells")]
    [InlineData("ast", "40", "ukat/L")]
    [InlineData("alt", "40", "µkat/L")]
    [InlineData("alp", "120", "mg/dL")]
    [InlineData("inr", "1.5", "s")]
    public void TryRead_UnknownUnit_Lab002NamingAcceptedUnits(string analyte, string value, string unit)
    {
        var (ok, actual, issues) = Read(analyte, D(value), unit);
        Assert.False(ok);
        Assert.Null(actual);
        var issue = Assert.Single(issues);
        Assert.Equal(IssueCodes.UnknownUnit, issue.Code);
        Assert.Equal(IssueSeverity.Error, issue.Severity);
        Assert.Equal($"labs.{analyte}.unit", issue.Path);
        Assert.Contains(AcceptedUnits(analyte), issue.Message, StringComparison.Ordinal);
        Assert.Contains(unit, issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bilirubin", null)]
    [InlineData("bilirubin", "")]
    [InlineData("creatinine", "  ")]
    [InlineData("albumin", null)]
    [InlineData("sodium", null)]
    [InlineData("platelets", "")]
    [InlineData("ast", null)]
    [InlineData("alt", null)]
    [InlineData("alp", null)]
    public void TryRead_MissingUnit_Lab001(string analyte, string? unit)
    {
        var (ok, _, issues) = Read(analyte, 10m, unit);
        Assert.False(ok);
        var issue = Assert.Single(issues);
        Assert.Equal(IssueCodes.MissingUnit, issue.Code);
        Assert.Equal(IssueSeverity.Error, issue.Severity);
        Assert.Equal($"labs.{analyte}.unit", issue.Path);
        Assert.Contains(AcceptedUnits(analyte), issue.Message, StringComparison.Ordinal);
    }

    // Impossible values (LabLimits): ≤ 0 for concentrations, above the physical maximum, sodium ≤ 80 or > 200.
    [Theory]
    [InlineData("bilirubin", "-1", "mg/dL")]
    [InlineData("bilirubin", "0", "mg/dL")]
    [InlineData("bilirubin", "300", "mg/dL")]
    [InlineData("bilirubin", "100.1", "mg/dL")]
    [InlineData("bilirubin", "1711", "umol/L")]
    [InlineData("creatinine", "0", "mg/dL")]
    [InlineData("creatinine", "150", "mg/dL")]
    [InlineData("albumin", "0", "g/dL")]
    [InlineData("albumin", "28", "g/dL")]
    [InlineData("albumin", "-3", "g/L")]
    [InlineData("sodium", "0", "mmol/L")]
    [InlineData("sodium", "80", "mmol/L")]
    [InlineData("sodium", "201", "mmol/L")]
    [InlineData("platelets", "0", "10*9/L")]
    [InlineData("platelets", "-150", "10*9/L")]
    [InlineData("inr", "0", null)]
    [InlineData("inr", "-1", "1")]
    [InlineData("inr", "31", null)]
    [InlineData("ast", "0", "U/L")]
    [InlineData("alt", "-5", "U/L")]
    [InlineData("alp", "0", "U/L")]
    public void TryRead_ImpossibleValue_Lab004Error(string analyte, string value, string? unit)
    {
        var (ok, actual, issues) = Read(analyte, D(value), unit);
        Assert.False(ok);
        Assert.Null(actual);
        var issue = Assert.Single(issues);
        Assert.Equal(IssueCodes.ImpossibleValue, issue.Code);
        Assert.Equal(IssueSeverity.Error, issue.Severity);
        Assert.Equal($"labs.{analyte}.value", issue.Path);
    }

    [Theory]
    [InlineData("bilirubin", "55", "mg/dL", "55")]
    [InlineData("bilirubin", "100", "mg/dL", "100")]
    [InlineData("creatinine", "0.1", "mg/dL", "0.1")]
    [InlineData("creatinine", "20", "mg/dL", "20")]
    [InlineData("albumin", "0.8", "g/dL", "0.8")]
    [InlineData("albumin", "7", "g/dL", "7")]
    [InlineData("sodium", "112", "mmol/L", "112")]
    [InlineData("sodium", "165", "mmol/L", "165")]
    [InlineData("platelets", "5", "10*9/L", "5")]
    [InlineData("inr", "12", null, "12")]
    [InlineData("inr", "0.5", null, "0.5")]
    [InlineData("ast", "3", "U/L", "3")]
    public void TryRead_UnusualValue_Lab005WarningAndValueUsed(string analyte, string value, string? unit, string canonical)
    {
        var (ok, actual, issues) = Read(analyte, D(value), unit);
        Assert.True(ok);
        Assert.Equal(D(canonical), actual);
        var issue = Assert.Single(issues);
        Assert.Equal(IssueCodes.UnusualValue, issue.Code);
        Assert.Equal(IssueSeverity.Warning, issue.Severity);
        Assert.Equal($"labs.{analyte}.value", issue.Path);
    }

    [Fact]
    public void From_ImpossibleValue_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Bilirubin.FromMilligramsPerDeciliter(300m));
        Assert.Throws<ArgumentOutOfRangeException>(() => Creatinine.FromMilligramsPerDeciliter(150m));
        Assert.Throws<ArgumentOutOfRangeException>(() => Albumin.FromGramsPerDeciliter(28m));
        Assert.Throws<ArgumentOutOfRangeException>(() => Inr.FromRatio(0m));
        Assert.Throws<ArgumentOutOfRangeException>(() => Sodium.FromMillimolesPerLiter(-1m));
        Assert.Throws<ArgumentOutOfRangeException>(() => Platelets.FromBillionsPerLiter(0m));
    }

    [Fact]
    public void From_UnusualValue_Accepted() => Assert.Equal(55m, Bilirubin.FromMilligramsPerDeciliter(55m).MilligramsPerDeciliter);
}
