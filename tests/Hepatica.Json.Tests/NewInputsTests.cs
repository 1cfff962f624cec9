using Hepatica.Clinical.Findings;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Json.Tests;

/// <summary>The inputs added for acute and acute-on-chronic liver failure, alcohol-associated hepatitis and pediatrics.</summary>
public sealed class NewInputsTests
{
    private static SnapshotReadResult Lab(string key, string value, string unit) =>
        SnapshotReader.Read("{\"labs\": {\"" + key + "\": {\"value\": " + value + (unit.Length == 0 ? "" : ", \"unit\": \"" + unit + "\"") + "}}}");

    [Theory]
    // WBC: 10^9/L = 10^3/µL = 1000/µL (exact).
    [InlineData("wbc", "12.5", "10*9/L", "12.5")]
    [InlineData("wbc", "12.5", "K/uL", "12.5")]
    [InlineData("wbc", "12500", "/uL", "12.5")]
    // Urea: 60.06 mg/dL of urea = 10 mmol/L (molar mass 60.06 g/mol).
    [InlineData("urea", "7.1", "mmol/L", "7.1")]
    [InlineData("urea", "60.06", "mg/dL", "10")]
    // BUN: 28.01 mg/dL of urea nitrogen = 10 mmol/L urea (2 × 14.007 g/mol); 14 mg/dL BUN = 4.998 mmol/L.
    [InlineData("bun", "28.01", "mg/dL", "10")]
    [InlineData("bun", "5", "mmol/L", "5")]
    // Prothrombin time in seconds.
    [InlineData("pt", "24.5", "s", "24.5")]
    [InlineData("ptControl", "12", "sec", "12")]
    // Arterial pH: no unit, or [pH].
    [InlineData("arterialPh", "7.25", "", "7.25")]
    [InlineData("arterialPh", "7.25", "[pH]", "7.25")]
    // Lactate: 27.024 mg/dL = 3 mmol/L (9.008 mg/dL per mmol/L).
    [InlineData("lactate", "3.5", "mmol/L", "3.5")]
    [InlineData("lactate", "27.024", "mg/dL", "3")]
    // Phosphate: 3.7164 mg/dL of phosphorus = 1.2 mmol/L (3.097 mg/dL per mmol/L).
    [InlineData("phosphate", "1.2", "mmol/L", "1.2")]
    [InlineData("phosphate", "3.7164", "mg/dL", "1.2")]
    public void New_labs_read_into_their_canonical_units(string key, string value, string unit, string canonical)
    {
        var result = Lab(key, value, unit);
        Assert.Empty(result.Issues);
        var labs = result.Snapshot!.Labs;
        decimal? actual = key switch
        {
            "wbc" => labs.Wbc?.BillionsPerLiter,
            "urea" or "bun" => labs.Urea?.MillimolesPerLiter,
            "pt" => labs.ProthrombinTime?.Seconds,
            "ptControl" => labs.ProthrombinTimeControl?.Seconds,
            "arterialPh" => labs.ArterialPh?.Value,
            "lactate" => labs.Lactate?.MillimolesPerLiter,
            _ => labs.Phosphate?.MillimolesPerLiter,
        };
        Assert.Equal(decimal.Parse(canonical, System.Globalization.CultureInfo.InvariantCulture), decimal.Round(actual!.Value, 6, MidpointRounding.AwayFromZero));
    }

    [Theory]
    [InlineData("wbc", "12", "")]            // a count needs a unit
    [InlineData("lactate", "3", "mEq")]       // unknown unit
    [InlineData("urea", "20", "mg/dL N")]    // nitrogen belongs under labs.bun
    public void New_labs_without_a_usable_unit_are_errors(string key, string value, string unit)
    {
        var result = Lab(key, value, unit);
        Assert.Contains(result.Issues, i => i.Severity == IssueSeverity.Error && i.Code is IssueCodes.MissingUnit or IssueCodes.UnknownUnit);
    }

    [Theory]
    [InlineData("arterialPh", "74", "")]     // pH without its decimal point
    [InlineData("lactate", "60", "mmol/L")]  // lactate in mg/dL given as mmol/L
    [InlineData("phosphate", "12", "mmol/L")]
    [InlineData("wbc", "12000", "10*9/L")]   // per µL given as 10^9/L
    [InlineData("pt", "0", "s")]
    public void Impossible_new_lab_values_are_LAB004(string key, string value, string unit)
    {
        Assert.Contains(Lab(key, value, unit).Issues, i => i.Code == IssueCodes.ImpossibleValue);
    }

    [Fact]
    public void Urea_and_BUN_both_given_use_urea_and_warn()
    {
        var result = SnapshotReader.Read("""{"labs": {"urea": {"value": 7, "unit": "mmol/L"}, "bun": {"value": 28.01, "unit": "mg/dL"}}}""");
        Assert.Equal(7m, result.Snapshot!.Labs.Urea!.Value.MillimolesPerLiter);
        Assert.Contains(result.Issues, i => i.Severity == IssueSeverity.Warning && i.Path == "labs.bun");
    }

    [Fact]
    public void New_findings_are_read()
    {
        var result = SnapshotReader.Read("""
            {"ageYears": 3, "ageAtListingYears": 0.5,
             "findings": {"cirrhosis": true, "varicealBleeding": false, "meanArterialPressure": 65, "vasopressors": true,
              "pao2Fio2": 180, "spo2Fio2": 200, "mechanicalVentilation": true, "ventilationForEncephalopathy": false,
              "renalReplacementTherapy": true, "acuteLiverFailureCause": "drug-reaction", "jaundiceToEncephalopathyDays": 9,
              "growthFailure": true}}
            """);
        Assert.Empty(result.Issues);
        var s = result.Snapshot!;
        Assert.Equal(0.5m, s.AgeAtListingYears);
        var f = s.Findings;
        Assert.True(f.Cirrhosis);
        Assert.False(f.VaricealBleeding);
        Assert.Equal(65m, f.MeanArterialPressure);
        Assert.True(f.Vasopressors);
        Assert.Equal(180m, f.PaO2FiO2);
        Assert.Equal(200m, f.SpO2FiO2);
        Assert.True(f.MechanicalVentilation);
        Assert.False(f.VentilationForEncephalopathy);
        Assert.True(f.RenalReplacementTherapy);
        Assert.Equal(AcuteLiverFailureCause.DrugReaction, f.AcuteLiverFailureCause);
        Assert.Equal(9m, f.JaundiceToEncephalopathyDays);
        Assert.True(f.GrowthFailure);
    }

    [Theory]
    [InlineData("\"meanArterialPressure\": 0")]
    [InlineData("\"meanArterialPressure\": 400")]
    [InlineData("\"pao2Fio2\": -5")]
    [InlineData("\"acuteLiverFailureCause\": \"paracetamol\"")]
    [InlineData("\"jaundiceToEncephalopathyDays\": -0.5")]
    [InlineData("\"spo2Fio2\": 0")]
    public void New_findings_outside_their_range_or_enumeration_are_SNP004(string finding)
    {
        var result = SnapshotReader.Read("{\"findings\": {" + finding + "}}");
        Assert.Equal(IssueCodes.InvalidValue, Assert.Single(result.Issues).Code);
    }

    [Fact]
    public void A_jaundice_to_encephalopathy_interval_of_zero_days_is_accepted()
    {
        var result = SnapshotReader.Read("{\"findings\": {\"jaundiceToEncephalopathyDays\": 0}}");
        Assert.Empty(result.Issues);
        Assert.Equal(0m, result.Snapshot!.Findings.JaundiceToEncephalopathyDays);
    }

    [Fact]
    public void An_age_at_listing_after_the_current_age_is_an_error()
    {
        var result = SnapshotReader.Read("""{"ageYears": 2, "ageAtListingYears": 5}""");
        Assert.Equal("ageAtListingYears", Assert.Single(result.Issues).Path);
        Assert.Null(result.Snapshot!.AgeAtListingYears);
    }
}
