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
    [InlineData("11.99", 7, "bilirubin just below 12: 2")]
    [InlineData("12", 8, "bilirubin exactly 12: 3, the liver failure of Moreau 2013 and EF-CLIF (≥ 12); the reproductions of Jalan's table print \"> 12\"")]
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

    // Jalan 2014 ("simplified version of the CLIF-SOFA score", Gut review table): "highlighted areas indicate the definition
    // of each organ failure": the 3-point column for every organ, and for the kidney the 2-point column as well
    // (creatinine ≥ 2.0, Moreau 2013). Rows at, just below and just above every edge: the points and the failure agree.
    // organ, inputs (bili, cr, rrt, he, inr, vasopressors, map, pao2, spo2), expected points, expected failure
    [Theory]
    [InlineData("liver", "11.99", "1", false, 0, "1", false, "80", "400", null, 2, false)]
    [InlineData("liver", "12", "1", false, 0, "1", false, "80", "400", null, 3, true)]
    [InlineData("liver", "12.01", "1", false, 0, "1", false, "80", "400", null, 3, true)]
    [InlineData("kidney", "1", "1.99", false, 0, "1", false, "80", "400", null, 1, false)]
    [InlineData("kidney", "1", "2", false, 0, "1", false, "80", "400", null, 2, true)]
    [InlineData("kidney", "1", "3.49", false, 0, "1", false, "80", "400", null, 2, true)]
    [InlineData("kidney", "1", "3.5", false, 0, "1", false, "80", "400", null, 3, true)]
    [InlineData("kidney", "1", "0.8", true, 0, "1", false, "80", "400", null, 3, true)]
    [InlineData("brain", "1", "1", false, 2, "1", false, "80", "400", null, 2, false)]
    [InlineData("brain", "1", "1", false, 3, "1", false, "80", "400", null, 3, true)]
    [InlineData("coagulation", "1", "1", false, 0, "2.49", false, "80", "400", null, 2, false)]
    [InlineData("coagulation", "1", "1", false, 0, "2.5", false, "80", "400", null, 3, true)]
    [InlineData("coagulation", "1", "1", false, 0, "2.51", false, "80", "400", null, 3, true)]
    [InlineData("circulation", "1", "1", false, 0, "1", false, "69.9", "400", null, 2, false)]
    [InlineData("circulation", "1", "1", false, 0, "1", true, null, "400", null, 3, true)]
    [InlineData("respiration", "1", "1", false, 0, "1", false, "80", "200.1", null, 2, false)]
    [InlineData("respiration", "1", "1", false, 0, "1", false, "80", "200", null, 3, true)]
    [InlineData("respiration", "1", "1", false, 0, "1", false, "80", "199.9", null, 3, true)]
    [InlineData("respiration", "1", "1", false, 0, "1", false, "80", null, "214.1", 2, false)]
    [InlineData("respiration", "1", "1", false, 0, "1", false, "80", null, "214", 3, true)]
    public void ClifCOf_ThreePoints_AreThatOrgansFailure(string organ, string bili, string cr, bool rrt, int he, string inr, bool vasopressors, string? map, string? pao2, string? spo2, int points, bool failed)
    {
        var result = ClifCOf.Calculate(Organs(bili: bili, cr: cr, rrt: rrt, he: he, inr: inr, vasopressors: vasopressors, map: map, pao2: pao2, spo2: spo2));
        Assert.Equal((points, failed), ((int)result.Extras[organ + "Points"], result.Extras[organ + "Failure"] == 1m));
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
