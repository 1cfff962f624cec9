using FsCheck.Xunit;
using Hepatica.Clinical.Scores;
using Hepatica.Clinical.Scoring;
using static Hepatica.Clinical.Tests.Scores.Cases;

namespace Hepatica.Clinical.Tests.Scores;

/// <summary>
/// CLIF-C OF (Jalan 2014, J Hepatol 61:1038, Table 1 as reproduced in Gut's "simplified version of the CLIF-SOFA score" table
/// and by the EF-CLIF calculator): six organs 1-3 points, total 6-18; organ failures as Moreau 2013 defines them.
/// Every row starts from <see cref="Cases.Organs"/> (1 point everywhere: total 6) and moves one organ.
/// </summary>
public sealed class ClifCOfTests
{
    [Theory]
    [InlineData("5.99", 6, "bilirubin < 6: 1")]
    [InlineData("6", 7, "bilirubin exactly 6: 2 (6 to 12)")]
    [InlineData("12", 7, "bilirubin exactly 12: 2 (Jalan 2014: 3 only above 12)")]
    [InlineData("12.01", 8, "bilirubin > 12: 3")]
    public void Calculate_Bilirubin_PointsPerJalan2014(string bili, int expected, string source) =>
        Equal(expected, ClifCOf.Calculate(Organs(bili: bili)).Value, source);

    [Theory]
    [InlineData("1.99", false, 6, "creatinine < 2: 1")]
    [InlineData("2", false, 7, "creatinine exactly 2: 2")]
    [InlineData("3.49", false, 7, "creatinine just below 3.5: 2")]
    [InlineData("3.5", false, 8, "creatinine exactly 3.5: 3")]
    [InlineData("0.8", true, 8, "renal replacement therapy: 3 whatever the creatinine")]
    public void Calculate_Kidney_PointsPerJalan2014(string cr, bool rrt, int expected, string source) =>
        Equal(expected, ClifCOf.Calculate(Organs(cr: cr, rrt: rrt)).Value, source);

    [Theory]
    [InlineData(0, 6)]
    [InlineData(1, 7)]
    [InlineData(2, 7)]
    [InlineData(3, 8)]
    [InlineData(4, 8)]
    public void Calculate_Encephalopathy_0Is1_1To2Is2_3To4Is3(int grade, int expected) =>
        Equal(expected, ClifCOf.Calculate(Organs(he: grade)).Value, $"West Haven {grade} (Jalan 2014)");

    [Theory]
    [InlineData("1.99", 6, "INR < 2.0: 1")]
    [InlineData("2", 7, "INR exactly 2.0: 2")]
    [InlineData("2.49", 7, "INR just below 2.5: 2")]
    [InlineData("2.5", 8, "INR exactly 2.5: 3")]
    public void Calculate_Inr_PointsPerJalan2014(string inr, int expected, string source) =>
        Equal(expected, ClifCOf.Calculate(Organs(inr: inr)).Value, source);

    [Theory]
    [InlineData("70", 6, "MAP exactly 70: 1 (≥ 70)")]
    [InlineData("69.9", 7, "MAP just below 70: 2")]
    public void Calculate_MeanArterialPressure_PointsPerJalan2014(string map, int expected, string source) =>
        Equal(expected, ClifCOf.Calculate(Organs(map: map)).Value, source);

    [Theory]
    [InlineData("300.1", null, 6, "PaO2/FiO2 > 300: 1")]
    [InlineData("300", null, 7, "PaO2/FiO2 exactly 300: 2")]
    [InlineData("200.1", null, 7, "PaO2/FiO2 just above 200: 2")]
    [InlineData("200", null, 8, "PaO2/FiO2 exactly 200: 3")]
    [InlineData(null, "357.1", 6, "SpO2/FiO2 > 357: 1")]
    [InlineData(null, "357", 7, "SpO2/FiO2 exactly 357: 2")]
    [InlineData(null, "214.1", 7, "SpO2/FiO2 just above 214: 2")]
    [InlineData(null, "214", 8, "SpO2/FiO2 exactly 214: 3")]
    public void Calculate_Respiration_PointsPerJalan2014(string? pao2, string? spo2, int expected, string source) =>
        Equal(expected, ClifCOf.Calculate(Organs(pao2: pao2, spo2: spo2)).Value, source);

    [Fact]
    public void Calculate_EveryOrganAtWorst_Eighteen()
    {
        // bilirubin 20 (3) + RRT (3) + grade 4 (3) + INR 3 (3) + vasopressors (3) + ventilated not for HE (3) = 18; six failures.
        var result = ClifCOf.Calculate(Organs(bili: "20", rrt: true, he: 4, inr: "3", vasopressors: true, map: null, ventilated: true, pao2: null));
        Assert.Equal(18m, result.Value);
        Assert.Equal(6m, result.Extras[ClifCOf.OrganFailuresExtra]);
    }

    [Fact]
    public void Calculate_BilirubinExactlyTwelve_TwoPointsButLiverFailure()
    {
        // DISAGREEMENT: Jalan 2014's table gives 3 points only above 12; Moreau 2013 defines liver failure as ≥ 12.
        var result = ClifCOf.Calculate(Organs(bili: "12"));
        Assert.Equal(2m, result.Extras["liverPoints"]);
        Assert.Equal(1m, result.Extras["liverFailure"]);
    }

    [Fact]
    public void Calculate_CreatinineTwo_TwoPointsAndKidneyFailure()
    {
        // Jalan 2014 highlights creatinine 2 to < 3.5 (2 points) as kidney failure, as Moreau 2013 defines it (≥ 2.0).
        var result = ClifCOf.Calculate(Organs(cr: "2"));
        Assert.Equal(2m, result.Extras["kidneyPoints"]);
        Assert.Equal(1m, result.Extras["kidneyFailure"]);
        Assert.Contains(result.Steps, s => s.Label == "organ failures" && s.Detail.StartsWith("kidney", StringComparison.Ordinal));
    }

    [Fact]
    public void Calculate_VasopressorsAndMap_VasopressorsWinWithWarning()
    {
        var result = ClifCOf.Calculate(Organs(vasopressors: true, map: "85"));
        Assert.Equal(8m, result.Value);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(("PAT002", "findings.meanArterialPressure"), (warning.Code, warning.Path));
        Assert.Equal(IssueSeverity.Warning, warning.Severity);
    }

    [Fact]
    public void Calculate_BothRatios_PaO2FiO2UsedWithWarning()
    {
        // PaO2/FiO2 400 (1 point) is used; SpO2/FiO2 200 (3 points, failure) is ignored.
        var result = ClifCOf.Calculate(Organs(pao2: "400", spo2: "200"));
        Assert.Equal(6m, result.Value);
        Assert.Equal(0m, result.Extras["respirationFailure"]);
        Assert.Equal("findings.spo2Fio2", Assert.Single(result.Warnings).Path);
    }

    [Fact]
    public void Calculate_VentilatedForEncephalopathy_BrainThreeRespirationFromRatio()
    {
        // Grade 2 given but intubated for HE: brain 3 (warning); PaO2/FiO2 400: respiration 1, no failure. 6 − 1 + 3 = 8.
        var result = ClifCOf.Calculate(Organs(he: 2, ventilated: true, forHe: true));
        Assert.Equal(8m, result.Value);
        Assert.Equal(3m, result.Extras["brainPoints"]);
        Assert.Equal(1m, result.Extras["brainFailure"]);
        Assert.Equal(1m, result.Extras["respirationPoints"]);
        Assert.Equal(0m, result.Extras["respirationFailure"]);
        Assert.Equal("findings.encephalopathyGrade", Assert.Single(result.Warnings).Path);
    }

    [Fact]
    public void Calculate_VentilatedNotForEncephalopathy_RespirationThreeWhateverTheRatio()
    {
        var result = ClifCOf.Calculate(Organs(ventilated: true, pao2: "400"));
        Assert.Equal(8m, result.Value);
        Assert.Equal(1m, result.Extras["respirationFailure"]);
    }

    [Fact]
    public void Calculate_VentilationForEncephalopathyWithoutVentilation_IgnoredWithWarning()
    {
        var result = ClifCOf.Calculate(Organs(he: 1, ventilated: false, forHe: true));
        Assert.Equal(7m, result.Value);
        Assert.Equal("findings.ventilationForEncephalopathy", Assert.Single(result.Warnings).Path);
    }

    [Fact]
    public void Evaluate_EmptySnapshot_NamesEveryMissingInput()
    {
        var outcome = ClifCOf.Evaluate(new PatientSnapshot());
        Assert.Equal(OutcomeStatus.NotCalculable, outcome.Status);
        Assert.Equal(
            ["labs.bilirubin", "labs.creatinine", "findings.renalReplacementTherapy", "findings.encephalopathyGrade", "labs.inr", "findings.vasopressors",
                "findings.mechanicalVentilation", "findings.meanArterialPressure", "findings.pao2Fio2"],
            outcome.Missing);
    }

    [Fact]
    public void Evaluate_VentilatedReasonMissingNoRatio_NamesReasonAndRatio()
    {
        var snapshot = Cases.CompleteSnapshot() with
        {
            Findings = Cases.CompleteSnapshot().Findings with { MechanicalVentilation = true, SpO2FiO2 = null },
        };
        Assert.Equal(["findings.ventilationForEncephalopathy", "findings.pao2Fio2"], ClifCOf.Evaluate(snapshot).Missing);
    }

    [Fact]
    public void Evaluate_VasopressorsGiven_MapNotNeeded()
    {
        var snapshot = Cases.CompleteSnapshot() with
        {
            Findings = Cases.CompleteSnapshot().Findings with { Vasopressors = true, MeanArterialPressure = null },
        };
        Assert.Equal(OutcomeStatus.Calculated, ClifCOf.Evaluate(snapshot).Status);
    }

    [Fact]
    public void Evaluate_CompleteSnapshot_Calculates()
    {
        // Bilirubin 2.5 (1), creatinine 1.2 (1), grade 1 (2), INR 1.5 (1), MAP 78 (1), SpO2/FiO2 467 (1) = 7; no failure.
        var outcome = ClifCOf.Evaluate(Cases.CompleteSnapshot());
        Assert.Equal(7m, outcome.Result!.Value);
        Assert.Equal(0m, outcome.Result.Extras[ClifCOf.OrganFailuresExtra]);
    }

    [Property(Arbitrary = [typeof(ClinicalArbitraries)])]
    public bool Evaluate_AnyPatient_TotalIsSumOfSubScoresEachOneToThree(Patient patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        var result = ClifCOf.Evaluate(patient.ToSnapshot(false)).Result!;
        var points = Enum.GetValues<Organ>().Select(o => result.Extras[o.ToString().ToLowerInvariant() + "Points"]).ToList();
        return points.All(p => p is >= 1m and <= 3m) && points.Sum() == result.Value && result.Value is >= 6m and <= 18m
            && result.Extras[ClifCOf.OrganFailuresExtra] == Enum.GetValues<Organ>().Sum(o => result.Extras[o.ToString().ToLowerInvariant() + "Failure"]);
    }

    [Property(Arbitrary = [typeof(ClinicalArbitraries)])]
    public bool Evaluate_OrganInputRises_NeverDecreases(Rise rise)
    {
        ArgumentNullException.ThrowIfNull(rise);
        return ClifCOf.Evaluate(rise.Raised.ToSnapshot(false)).Result!.Value >= ClifCOf.Evaluate(rise.Patient.ToSnapshot(false)).Result!.Value;
    }
}
