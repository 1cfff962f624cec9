using Hepatica.Clinical.Findings;
using Hepatica.Clinical.Immunity;
using Hepatica.Clinical.Serology;

namespace Hepatica.Clinical.Tests.Immunity;

/// <summary>
/// Every band of the AGA 2015 reactivation table (Reddy 2015, Gastroenterology 148:215, table 1: B-cell depleting high/high;
/// anthracycline high/moderate; corticosteroids ≥ 4 weeks moderate-high dose high/moderate, low dose moderate/low, ≤ 1 week
/// low/low; TNF, cytokine/integrin, TKI moderate/moderate; traditional immunosuppressants low/low), with the action each
/// band carries, and the AASLD 2018 rule for drugs the table does not band.
/// </summary>
public sealed class HbvReactivationTests
{
    private static ReactivationRisk Single(Medication m, HbvSerostatus status)
    {
        var missing = new List<string>();
        var risks = HbvReactivation.Evaluate([m], status, missing);
        Assert.Empty(missing);
        return Assert.Single(risks);
    }

    [Theory]
    [InlineData(MedicationClass.BCellDepleting, HbvSerostatus.HbsAgPositive, RiskBand.High, ReactivationAction.Prophylaxis)]
    [InlineData(MedicationClass.BCellDepleting, HbvSerostatus.HbsAgNegativeAntiHbcPositive, RiskBand.High, ReactivationAction.Prophylaxis)]
    [InlineData(MedicationClass.Anthracycline, HbvSerostatus.HbsAgPositive, RiskBand.High, ReactivationAction.Prophylaxis)]
    [InlineData(MedicationClass.Anthracycline, HbvSerostatus.HbsAgNegativeAntiHbcPositive, RiskBand.Moderate, ReactivationAction.ProphylaxisOrMonitoring)]
    [InlineData(MedicationClass.TnfInhibitor, HbvSerostatus.HbsAgPositive, RiskBand.Moderate, ReactivationAction.ProphylaxisOrMonitoring)]
    [InlineData(MedicationClass.TnfInhibitor, HbvSerostatus.HbsAgNegativeAntiHbcPositive, RiskBand.Moderate, ReactivationAction.ProphylaxisOrMonitoring)]
    [InlineData(MedicationClass.CytokineIntegrinInhibitor, HbvSerostatus.HbsAgPositive, RiskBand.Moderate, ReactivationAction.ProphylaxisOrMonitoring)]
    [InlineData(MedicationClass.CytokineIntegrinInhibitor, HbvSerostatus.HbsAgNegativeAntiHbcPositive, RiskBand.Moderate, ReactivationAction.ProphylaxisOrMonitoring)]
    [InlineData(MedicationClass.TyrosineKinaseInhibitor, HbvSerostatus.HbsAgPositive, RiskBand.Moderate, ReactivationAction.ProphylaxisOrMonitoring)]
    [InlineData(MedicationClass.TyrosineKinaseInhibitor, HbvSerostatus.HbsAgNegativeAntiHbcPositive, RiskBand.Moderate, ReactivationAction.ProphylaxisOrMonitoring)]
    [InlineData(MedicationClass.TraditionalImmunosuppressant, HbvSerostatus.HbsAgPositive, RiskBand.Low, ReactivationAction.Monitoring)]
    [InlineData(MedicationClass.TraditionalImmunosuppressant, HbvSerostatus.HbsAgNegativeAntiHbcPositive, RiskBand.Low, ReactivationAction.Monitoring)]
    public void Evaluate_drug_class_and_serostatus_gives_the_AGA_band(MedicationClass c, HbvSerostatus status, RiskBand band, ReactivationAction action)
    {
        var risk = Single(new Medication(c), status);
        Assert.Equal(band, risk.Band);
        Assert.Equal(action, risk.Action);
        Assert.Same(HbvReactivation.Aga2015, risk.Source);
    }

    [Theory]
    // ≥ 4 weeks at ≥ 10 mg (moderate 10-20, high > 20): high / moderate; the 10 mg boundary both sides.
    [InlineData("10", "4", HbvSerostatus.HbsAgPositive, RiskBand.High, "corticosteroid-moderate-high-dose-4-weeks")]
    [InlineData("40", "8", HbvSerostatus.HbsAgNegativeAntiHbcPositive, RiskBand.Moderate, "corticosteroid-moderate-high-dose-4-weeks")]
    [InlineData("9.9", "4", HbvSerostatus.HbsAgPositive, RiskBand.Moderate, "corticosteroid-low-dose-4-weeks")]
    [InlineData("9.9", "4", HbvSerostatus.HbsAgNegativeAntiHbcPositive, RiskBand.Low, "corticosteroid-low-dose-4-weeks")]
    // ≤ 1 week: low whatever the dose; just above 1 week the ≥ 4-week rows apply (documented conservative choice).
    [InlineData("60", "1", HbvSerostatus.HbsAgPositive, RiskBand.Low, "corticosteroid-1-week")]
    [InlineData("60", "1", HbvSerostatus.HbsAgNegativeAntiHbcPositive, RiskBand.Low, "corticosteroid-1-week")]
    [InlineData("60", "1.1", HbvSerostatus.HbsAgPositive, RiskBand.High, "corticosteroid-moderate-high-dose-4-weeks")]
    public void Evaluate_corticosteroid_dose_and_duration(string dose, string weeks, HbvSerostatus status, RiskBand band, string row)
    {
        var m = new Medication(MedicationClass.Corticosteroid) { PrednisoneEquivalentMgPerDay = D(dose), DurationWeeks = D(weeks) };
        var risk = Single(m, status);
        Assert.Equal(band, risk.Band);
        Assert.Equal(row, risk.Id);
    }

    [Fact]
    public void Evaluate_corticosteroid_without_dose_or_duration_names_the_missing_input()
    {
        var missing = new List<string>();
        var risks = HbvReactivation.Evaluate(
            [new Medication(MedicationClass.Corticosteroid) { DurationWeeks = 6m }, new Medication(MedicationClass.Corticosteroid)],
            HbvSerostatus.HbsAgPositive, missing);
        Assert.Empty(risks);
        Assert.Equal(["medications[0].prednisoneEquivalentMgPerDay", "medications[1].durationWeeks"], missing);
    }

    [Fact]
    public void Evaluate_prophylaxis_lasts_12_months_after_B_cell_depletion_and_6_after_others()
    {
        Assert.Contains("12 months", Single(new Medication(MedicationClass.BCellDepleting), HbvSerostatus.HbsAgPositive).Text, StringComparison.Ordinal);
        Assert.Contains("6 months", Single(new Medication(MedicationClass.Anthracycline), HbvSerostatus.HbsAgPositive).Text, StringComparison.Ordinal);
        Assert.Contains("entecavir or tenofovir", Single(new Medication(MedicationClass.Anthracycline), HbvSerostatus.HbsAgPositive).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(MedicationClass.CalcineurinInhibitor, HbvSerostatus.HbsAgPositive, ReactivationAction.Prophylaxis)]
    [InlineData(MedicationClass.Antimetabolite, HbvSerostatus.HbsAgNegativeAntiHbcPositive, ReactivationAction.Monitoring)]
    [InlineData(MedicationClass.CheckpointInhibitor, HbvSerostatus.HbsAgPositive, ReactivationAction.Prophylaxis)]
    [InlineData(MedicationClass.HcvDirectActingAntiviral, HbvSerostatus.HbsAgPositive, ReactivationAction.ProphylaxisOrMonitoring)]
    [InlineData(MedicationClass.HcvDirectActingAntiviral, HbvSerostatus.HbsAgNegativeAntiHbcPositive, ReactivationAction.Monitoring)]
    public void Evaluate_drugs_the_AGA_table_does_not_band_follow_AASLD_2018(MedicationClass c, HbvSerostatus status, ReactivationAction action)
    {
        var risk = Single(new Medication(c), status);
        Assert.Null(risk.Band);
        Assert.Equal(action, risk.Action);
        Assert.Same(HbvReactivation.Aasld2018, risk.Source);
    }

    [Fact]
    public void Evaluate_not_exposed_or_other_drugs_carry_no_risk()
    {
        var missing = new List<string>();
        Assert.Empty(HbvReactivation.Evaluate([new Medication(MedicationClass.BCellDepleting)], HbvSerostatus.NotExposed, missing));
        Assert.Empty(HbvReactivation.Evaluate([new Medication(MedicationClass.Other)], HbvSerostatus.HbsAgPositive, missing));
        Assert.Empty(missing);
    }

    [Fact]
    public void Evaluate_unknown_serostatus_asks_for_HBsAg_and_anti_HBc()
    {
        var missing = new List<string>();
        Assert.Empty(HbvReactivation.Evaluate([new Medication(MedicationClass.BCellDepleting)], null, missing));
        Assert.Equal(["serology.hbsag", "serology.antiHbcTotal"], missing);
    }

    [Fact]
    public void Evaluate_orders_highest_band_first()
    {
        var risks = HbvReactivation.Evaluate(
            [new Medication(MedicationClass.TraditionalImmunosuppressant), new Medication(MedicationClass.BCellDepleting), new Medication(MedicationClass.TnfInhibitor)],
            HbvSerostatus.HbsAgPositive, new List<string>());
        Assert.Equal([RiskBand.High, RiskBand.Moderate, RiskBand.Low], risks.Select(r => r.Band!.Value));
    }

    [Theory]
    [InlineData(true, null, HbvSerostatus.HbsAgPositive)]
    [InlineData(true, false, HbvSerostatus.HbsAgPositive)]
    [InlineData(false, true, HbvSerostatus.HbsAgNegativeAntiHbcPositive)]
    [InlineData(false, false, HbvSerostatus.NotExposed)]
    [InlineData(false, null, null)]
    [InlineData(null, true, null)]
    public void HbvSerostatus_from_HBsAg_and_anti_HBc(bool? hbsAg, bool? antiHbc, HbvSerostatus? expected) =>
        Assert.Equal(expected, new HepatitisMarkers { HbsAg = hbsAg, AntiHbc = antiHbc }.HbvSerostatus);

    private static decimal D(string s) => decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>The markers read from the merged serology panel: indeterminate counts as unknown; anti-HBs by titre or result.</summary>
public sealed class HepatitisMarkersTests
{
    private static PatientSnapshot With(SerologyPanel panel) => new() { Serology = panel };

    [Fact]
    public void From_reads_HBsAg_anti_HBc_anti_HBs_and_anti_HAV()
    {
        var m = HepatitisMarkers.From(With(new SerologyPanel
        {
            HbsAg = SerologyResult.Of(QualitativeResult.Negative),
            AntiHbcTotal = SerologyResult.Of(QualitativeResult.Positive),
            AntiHbs = SerologyResult.AntiHbsTiter(120m),
            AntiHavTotal = SerologyResult.Of(QualitativeResult.Indeterminate),
        }));
        Assert.Equal(HbvSerostatus.HbsAgNegativeAntiHbcPositive, m.HbvSerostatus);
        Assert.Equal(120m, m.AntiHbsMilliIuPerMl);
        Assert.True(m.AntiHbsProtective);
        Assert.Null(m.AntiHavIgG);
    }

    [Fact]
    public void From_empty_panel_is_unknown_and_a_qualitative_anti_HBs_counts()
    {
        Assert.Same(HepatitisMarkers.Unknown, HepatitisMarkers.From(new PatientSnapshot()));
        var m = HepatitisMarkers.From(With(new SerologyPanel { AntiHbs = SerologyResult.Of(QualitativeResult.Positive) }));
        Assert.True(m.AntiHbsProtective);
        Assert.Null(m.HbvSerostatus);
    }
}
