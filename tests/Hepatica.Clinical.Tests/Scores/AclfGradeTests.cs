using Hepatica.Clinical.Scores;
using static Hepatica.Clinical.Tests.Scores.Cases;

namespace Hepatica.Clinical.Tests.Scores;

/// <summary>
/// EASL-CLIF ACLF grade (Moreau 2013, Gastroenterology 144:1426; the grade table as reproduced in World J Gastroenterol
/// 2015;21:12125 Table 2, World J Gastroenterol 2022;28:6922 Table 1 and StatPearls): organ failures bilirubin ≥ 12,
/// creatinine ≥ 2 or RRT, HE 3-4, INR ≥ 2.5, vasopressors, PaO2/FiO2 ≤ 200 or SpO2/FiO2 ≤ 214.
/// Rows start from <see cref="Cases.Organs"/> (no failure, creatinine 1.0, no HE).
/// </summary>
public sealed class AclfGradeTests
{
    private static OrganInputs Row(string failure, string cr, int he) => failure switch
    {
        "none" => Organs(cr: cr, he: he),
        "liver" => Organs(bili: "12", cr: cr, he: he),
        "coagulation" => Organs(inr: "2.5", cr: cr, he: he),
        "circulation" => Organs(vasopressors: true, cr: cr, he: he),
        "respiration" => Organs(pao2: "200", cr: cr, he: he),
        "respiration-ventilated" => Organs(ventilated: true, pao2: "350", cr: cr, he: he),
        "brain" => Organs(cr: cr, he: he),
        "liver+coagulation" => Organs(bili: "15", inr: "3", cr: cr, he: he),
        "liver+coagulation+circulation" => Organs(bili: "15", inr: "3", vasopressors: true, cr: cr, he: he),
        _ => throw new ArgumentOutOfRangeException(nameof(failure)),
    };

    [Theory]
    [InlineData("none", "1.99", 2, 0, "no organ failure (creatinine 1.99 < 2 is not kidney failure): no ACLF")]
    [InlineData("none", "2", 0, 1, "creatinine exactly 2.0: single kidney failure: grade 1")]
    [InlineData("liver", "1.49", 0, 0, "bilirubin 12 (≥ 12: liver failure), creatinine < 1.5, no HE: no ACLF")]
    [InlineData("liver", "1.5", 0, 1, "single liver failure with creatinine exactly 1.5: grade 1")]
    [InlineData("liver", "1.95", 0, 1, "creatinine 1.95 (between 1.9 and 2.0, read as kidney dysfunction): grade 1")]
    [InlineData("liver", "1.0", 1, 1, "single liver failure with HE grade 1: grade 1")]
    [InlineData("liver", "1.0", 2, 1, "single liver failure with HE grade 2: grade 1")]
    [InlineData("coagulation", "1.0", 0, 0, "INR 2.5 (failure) alone: no ACLF")]
    [InlineData("coagulation", "1.6", 1, 1, "INR 2.5 with creatinine 1.6 and HE 1: grade 1")]
    [InlineData("circulation", "1.49", 0, 0, "vasopressors alone: no ACLF")]
    [InlineData("circulation", "1.7", 0, 1, "vasopressors with creatinine 1.7: grade 1")]
    [InlineData("respiration", "1.0", 0, 0, "PaO2/FiO2 exactly 200 (failure) alone: no ACLF")]
    [InlineData("respiration", "1.0", 1, 1, "PaO2/FiO2 200 with HE 1: grade 1")]
    [InlineData("respiration-ventilated", "1.5", 0, 1, "ventilated not for HE (respiratory failure) with creatinine 1.5: grade 1")]
    [InlineData("brain", "1.49", 3, 0, "HE grade 3 (brain failure) with creatinine < 1.5: no ACLF")]
    [InlineData("brain", "1.5", 3, 1, "single brain failure with creatinine 1.5: grade 1")]
    [InlineData("brain", "1.9", 4, 1, "single brain failure (grade 4) with creatinine 1.9: grade 1")]
    [InlineData("liver+coagulation", "1.0", 0, 2, "two organ failures: grade 2")]
    [InlineData("liver+coagulation", "2.5", 0, 3, "liver, coagulation and kidney: grade 3")]
    [InlineData("liver+coagulation+circulation", "1.0", 4, 3, "four organ failures: grade 3")]
    public void Calculate_Rows_MatchMoreau2013(string failure, string cr, int he, int expected, string source)
    {
        var result = AclfGrade.Calculate(Row(failure, cr, he));
        Equal(expected, result.Value, source);
        Assert.Equal(expected == 0 ? "no ACLF" : $"ACLF grade {expected}", result.Category);
    }

    // Moreau 2013 failure cut-offs, at and just beside each: the failure flag in the extras.
    public static TheoryData<OrganInputs, string, int, string> FailureEdges => new()
    {
        { Organs(bili: "11.99"), "liverFailure", 0, "bilirubin 11.99 < 12" },
        { Organs(bili: "12"), "liverFailure", 1, "bilirubin exactly 12: failure (≥ 12)" },
        { Organs(cr: "1.99"), "kidneyFailure", 0, "creatinine 1.99 < 2.0" },
        { Organs(cr: "2"), "kidneyFailure", 1, "creatinine exactly 2.0: failure" },
        { Organs(he: 2), "brainFailure", 0, "grade 2" },
        { Organs(he: 3), "brainFailure", 1, "grade 3: failure" },
        { Organs(inr: "2.49"), "coagulationFailure", 0, "INR 2.49 < 2.5" },
        { Organs(inr: "2.5"), "coagulationFailure", 1, "INR exactly 2.5: failure" },
        { Organs(map: "50"), "circulationFailure", 0, "MAP 50 without vasopressors: not a failure (Moreau: vasopressors only)" },
        { Organs(vasopressors: true), "circulationFailure", 1, "vasopressors: failure" },
        { Organs(pao2: "200.1"), "respirationFailure", 0, "PaO2/FiO2 200.1 > 200" },
        { Organs(pao2: "200"), "respirationFailure", 1, "PaO2/FiO2 exactly 200: failure (≤ 200)" },
        { Organs(pao2: null, spo2: "214.1"), "respirationFailure", 0, "SpO2/FiO2 214.1 > 214" },
        { Organs(pao2: null, spo2: "214"), "respirationFailure", 1, "SpO2/FiO2 exactly 214: failure (≤ 214)" },
    };

    [Theory]
    [MemberData(nameof(FailureEdges))]
    public void Calculate_FailureCutOffs_MatchMoreau2013(OrganInputs organs, string extra, int expected, string source) =>
        Equal(expected, AclfGrade.Calculate(organs).Extras[extra], source);

    [Fact]
    public void Calculate_BilirubinJustBelowTwelve_NoLiverFailure() =>
        Assert.Equal(0m, AclfGrade.Calculate(Organs(bili: "11.99", cr: "1.8")).Extras[ClifCOf.OrganFailuresExtra]);

    [Fact]
    public void Calculate_RenalReplacementTherapyWithLowCreatinine_KidneyFailureGradeOne()
    {
        var result = AclfGrade.Calculate(Organs(cr: "0.9", rrt: true));
        Assert.Equal(1m, result.Value);
        Assert.Equal(1m, result.Extras["kidneyFailure"]);
    }

    [Fact]
    public void Calculate_VentilatedForEncephalopathy_BrainFailureNotRespiratory()
    {
        // Intubated for HE with grade 2 recorded (warning): brain failure; PaO2/FiO2 400: no respiratory failure; creatinine 1.5: grade 1.
        var result = AclfGrade.Calculate(Organs(cr: "1.5", he: 2, ventilated: true, forHe: true));
        Assert.Equal(1m, result.Value);
        Assert.Equal(1m, result.Extras["brainFailure"]);
        Assert.Equal(0m, result.Extras["respirationFailure"]);
        Assert.Equal("PAT002", Assert.Single(result.Warnings).Code);
    }

    [Fact]
    public void Evaluate_MapNotNeeded_EmptySnapshotNamesTheRest()
    {
        var outcome = AclfGrade.Evaluate(new PatientSnapshot());
        Assert.Equal(
            ["labs.bilirubin", "labs.creatinine", "findings.renalReplacementTherapy", "findings.encephalopathyGrade", "labs.inr", "findings.vasopressors",
                "findings.mechanicalVentilation", "findings.pao2Fio2"],
            outcome.Missing);
    }

    [Fact]
    public void Evaluate_CompleteSnapshot_NoAclf()
    {
        var outcome = AclfGrade.Evaluate(Cases.CompleteSnapshot());
        Assert.Equal(0m, outcome.Result!.Value);
        Assert.Equal("no ACLF", outcome.Result.Category);
    }
}
