using Hepatica.Clinical.Labs;
using Hepatica.Clinical.Scoring;
using static Hepatica.Clinical.Tests.Scores.Cases;

namespace Hepatica.Clinical.Tests.Labs;

/// <summary>
/// Low-direction plausibility limits (issue 11 s.3): a value below an analyte's floor is LAB004, an error that names the
/// likely unit mix-up, as the high side does. Floors and their sources: docs/snapshot.md ("Plausibility limits"); the
/// rows sit just below, at and just above each floor, converted with the factors of docs/scores.md ("Units").
/// </summary>
public sealed partial class LabsTests
{
    private static List<InputIssue> Issues<TAnalyte, TUnit>(decimal value, string unit)
        where TAnalyte : IAnalyte<TUnit>
        where TUnit : struct, Enum
    {
        var issues = new List<InputIssue>();
        _ = Lab<TAnalyte, TUnit>.TryRead(value, unit, "labs.x", issues, out _);
        return issues;
    }

    private static List<InputIssue> ReadAny(string analyte, decimal value, string unit) => analyte switch
    {
        "creatinine" => Issues<CreatinineAnalyte, CreatinineUnit>(value, unit),
        "albumin" => Issues<AlbuminAnalyte, ProteinUnit>(value, unit),
        "bilirubin" => Issues<BilirubinAnalyte, BilirubinUnit>(value, unit),
        "platelets" => Issues<PlateletsAnalyte, CellCountUnit>(value, unit),
        "wbc" => Issues<WhiteCellsAnalyte, CellCountUnit>(value, unit),
        "urea" => Issues<UreaAnalyte, UreaUnit>(value, unit),
        "pt" => Issues<ProthrombinTimeAnalyte, ProthrombinTimeUnit>(value, unit),
        "lactate" => Issues<LactateAnalyte, LactateUnit>(value, unit),
        "phosphate" => Issues<PhosphateAnalyte, PhosphateUnit>(value, unit),
        "igg" => Issues<ImmunoglobulinGAnalyte, ImmunoglobulinGUnit>(value, unit),
        "ascitesProtein" => Issues<AscitesProteinAnalyte, ProteinUnit>(value, unit),
        _ => throw new ArgumentOutOfRangeException(nameof(analyte), analyte, null),
    };

    [Theory]
    // Issue 11's cases: creatinine 1.7 "umol/L" = 0.019 mg/dL, albumin 2.8 "g/L" = 0.28 g/dL.
    [InlineData("creatinine", "1.7", "umol/L", "most likely mg/dL")]
    [InlineData("albumin", "2.8", "g/L", "most likely g/dL")]
    // Just below each floor (floor in canonical unit × factor, minus a little).
    [InlineData("creatinine", "8.8", "umol/L", "most likely mg/dL")] // floor 0.1 mg/dL = 8.84 umol/L
    [InlineData("albumin", "4.9", "g/L", "most likely g/dL")] // floor 0.5 g/dL = 5 g/L
    [InlineData("bilirubin", "0.85", "umol/L", "most likely mg/dL")] // floor 0.05 mg/dL = 0.855 umol/L
    [InlineData("platelets", "999", "/uL", "most likely 10*9/L")] // floor 1 x 10^9/L = 1000 /uL
    [InlineData("wbc", "9", "/uL", "most likely 10*9/L")] // floor 0.01 x 10^9/L = 10 /uL
    [InlineData("urea", "1.8", "mg/dL", "most likely mmol/L")] // floor 0.3 mmol/L = 1.8018 mg/dL
    [InlineData("pt", "4.9", "s", "INR")] // floor 5 s
    [InlineData("lactate", "0.9", "mg/dL", "most likely mmol/L")] // floor 0.1 mmol/L = 0.9008 mg/dL
    [InlineData("phosphate", "0.15", "mg/dL", "most likely mmol/L")] // floor 0.05 mmol/L = 0.15485 mg/dL
    [InlineData("igg", "19", "mg/dL", "most likely g/L")] // floor 0.2 g/L = 20 mg/dL
    [InlineData("ascitesProtein", "0.4", "g/L", "most likely g/dL")] // floor 0.05 g/dL = 0.5 g/L
    public void TryRead_BelowLowLimit_Lab004NamingLikelyUnit(string analyte, string value, string unit, string hint)
    {
        var issue = Assert.Single(ReadAny(analyte, D(value), unit));
        Assert.Equal((IssueCodes.ImpossibleValue, IssueSeverity.Error), (issue.Code, issue.Severity));
        Assert.Contains("smallest accepted value", issue.Message, StringComparison.Ordinal);
        Assert.Contains(hint, issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    // At each floor, then just above: accepted (a LAB005 warning at most, never an error).
    [InlineData("creatinine", "8.84", "umol/L")]
    [InlineData("creatinine", "8.9", "umol/L")]
    [InlineData("albumin", "5", "g/L")]
    [InlineData("albumin", "5.1", "g/L")]
    [InlineData("bilirubin", "0.855", "umol/L")]
    [InlineData("bilirubin", "0.9", "umol/L")]
    [InlineData("platelets", "1000", "/uL")]
    [InlineData("platelets", "1001", "/uL")]
    [InlineData("wbc", "10", "/uL")]
    [InlineData("wbc", "11", "/uL")]
    [InlineData("urea", "1.8018", "mg/dL")]
    [InlineData("urea", "1.81", "mg/dL")]
    [InlineData("pt", "5", "s")]
    [InlineData("pt", "5.1", "s")]
    [InlineData("lactate", "0.9008", "mg/dL")]
    [InlineData("lactate", "0.91", "mg/dL")]
    [InlineData("phosphate", "0.15485", "mg/dL")]
    [InlineData("phosphate", "0.16", "mg/dL")]
    [InlineData("igg", "20", "mg/dL")]
    [InlineData("igg", "21", "mg/dL")]
    [InlineData("ascitesProtein", "0.5", "g/L")]
    [InlineData("ascitesProtein", "0.6", "g/L")]
    public void TryRead_AtOrAboveLowLimit_NoError(string analyte, string value, string unit) =>
        Assert.DoesNotContain(ReadAny(analyte, D(value), unit), i => i.Severity == IssueSeverity.Error);
}
