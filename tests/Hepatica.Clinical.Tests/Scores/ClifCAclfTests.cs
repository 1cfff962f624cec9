using FsCheck.Xunit;
using Hepatica.Clinical.Scores;
using Hepatica.Clinical.Scoring;
using static Hepatica.Clinical.Tests.Scores.Cases;

namespace Hepatica.Clinical.Tests.Scores;

/// <summary>
/// CLIF-C ACLF (Jalan 2014; formula as on the EF-CLIF calculator page): 10 × (0.33 × CLIF-C OF + 0.04 × age + 0.63 × ln(WBC) − 2),
/// rounded to an integer half away from zero, bounded 0-100; only with ACLF. ln 10 = 2.302585, ln 12 = 2.484907,
/// ln 15.5 = 2.740840, ln 6 = 1.791759.
/// </summary>
public sealed class ClifCAclfTests
{
    private static ClifCAclf.Inputs Inputs(OrganInputs organs, string age, string wbc) => new(organs, D(age), WhiteCells.FromBillionsPerLiter(D(wbc)));

    public static TheoryData<OrganInputs, string, string, int, string, string> Rows => new()
    {
        { Organs(bili: "8", cr: "2.5", he: 1, inr: "2.2"), "50", "10", 48, "47.506286", "OF 10: 10 × (3.3 + 2 + 0.63 × 2.302585 − 2) = 47.506 → 48" },
        { Organs(cr: "2.5", he: 1, inr: "2.2"), "55", "12", 47, "47.354912", "OF 9: 10 × (2.97 + 2.2 + 0.63 × 2.484907 − 2) = 47.355 → 47" },
        { Organs(bili: "20", cr: "4", he: 3), "60", "15.5", 61, "60.867292", "OF 12: 10 × (3.96 + 2.4 + 0.63 × 2.740840 − 2) = 60.867 → 61" },
        { Organs(), "18", "1", 7, "7", "OF 6: 10 × (1.98 + 0.72 + 0 − 2) = 7 exactly" },
        { Organs(he: 1), "36", "1", 18, "17.5", "OF 7: 10 × (2.31 + 1.44 + 0 − 2) = 17.5 exactly → 18 (half away from zero)" },
        { Organs(bili: "20", rrt: true, he: 4, inr: "3", vasopressors: true, map: null, ventilated: true, pao2: null), "100", "100", 100, "108.412572",
            "OF 18: 10 × (5.94 + 4 + 0.63 × 4.605170 − 2) = 108.41 → 108, bounded to 100 (EF-CLIF range)" },
        { Organs(), "18", "0.1", 0, "-7.506286", "OF 6: 10 × (1.98 + 0.72 − 0.63 × 2.302585 − 2) = −7.506 → −8, bounded to 0" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Calculate_Rows_HandComputedFromJalan2014(OrganInputs organs, string age, string wbc, int expected, string unrounded, string source)
    {
        var result = ClifCAclf.Calculate(Inputs(organs, age, wbc));
        Equal(expected, result.Value, source);
        Near(unrounded, result.Unrounded, source);
        Assert.Equal(result.Value, LastReportedStep(result));
    }

    [Fact]
    public void Evaluate_NoAclf_NotApplicable()
    {
        var outcome = ClifCAclf.Evaluate(Cases.CompleteSnapshot());
        Assert.Equal(OutcomeStatus.NotApplicable, outcome.Status);
        Assert.Contains("no ACLF", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_SingleKidneyFailure_Calculated()
    {
        // Creatinine 2.2: kidney failure, ACLF grade 1. OF: bilirubin 2.5 (1) + creatinine 2.2 (2) + grade 1 (2) + INR 1.5 (1) + MAP 78 (1)
        // + SpO2/FiO2 467 (1) = 8; 10 × (2.64 + 2.2 + 0.63 × 1.791759 − 2) = 39.688 → 40.
        var complete = Cases.CompleteSnapshot();
        var outcome = ClifCAclf.Evaluate(complete with { Labs = complete.Labs with { Creatinine = Creatinine.FromMilligramsPerDeciliter(2.2m) } });
        Assert.Equal(40m, outcome.Result!.Value);
        Assert.Equal(8m, outcome.Result.Extras[ClifCAclf.ClifCOfExtra]);
    }

    [Fact]
    public void Evaluate_EmptySnapshot_NamesOrganInputsAgeAndWbc()
    {
        var outcome = ClifCAclf.Evaluate(new PatientSnapshot());
        Assert.Equal(
            ["labs.bilirubin", "labs.creatinine", "findings.renalReplacementTherapy", "findings.encephalopathyGrade", "labs.inr", "findings.vasopressors",
                "findings.mechanicalVentilation", "findings.meanArterialPressure", "findings.pao2Fio2", "ageYears", "labs.wbc"],
            outcome.Missing);
    }

    // Raising bilirubin, INR or creatinine never lowers CLIF-C OF, so never lowers CLIF-C ACLF (0.33 > 0).
    [Property(Arbitrary = [typeof(ClinicalArbitraries)])]
    public bool Calculate_OrganInputRises_NeverDecreases(Rise rise)
    {
        ArgumentNullException.ThrowIfNull(rise);
        return Value(rise.Raised) >= Value(rise.Patient);

        static decimal Value(Patient p)
        {
            var snapshot = p.ToSnapshot(false);
            var r = new Requirements();
            var organs = OrganInputs.Gather(snapshot, ref r, needMap: true);
            var result = ClifCAclf.Calculate(new ClifCAclf.Inputs(organs, snapshot.AgeYears!.Value, snapshot.Labs.Wbc!.Value));
            return result.Unrounded!.Value;
        }
    }
}
