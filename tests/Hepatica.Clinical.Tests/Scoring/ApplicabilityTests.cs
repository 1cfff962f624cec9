using Hepatica.Clinical.Findings;
using Hepatica.Clinical.Labs;
using Hepatica.Clinical.Scoring;
using Hepatica.Clinical.Tests.Scores;

namespace Hepatica.Clinical.Tests.Scoring;

/// <summary>
/// Who a score is for (issue 11 s.1): outside the population it was derived and validated in, a score is not applicable
/// with the reason and its source; where the snapshot does not say, it is calculated with a warning that names the
/// assumption and the input that settles it. Each rule's source is cited at its test.
/// </summary>
public sealed class ApplicabilityTests
{
    public static TheoryData<string> AllocationScores => ["meld", "meld-na", "meld-3.0", "meld-na-kim-2008", "ukeld"];

    public static TheoryData<string> MeldFamily => ["meld", "meld-na", "meld-3.0", "meld-na-kim-2008"];

    public static TheoryData<string> FibrosisScores => ["fib-4", "apri"];

    public static TheoryData<string> ClifScores => ["clif-c-of", "aclf-grade", "clif-c-aclf", "clif-c-ad"];

    /// <summary>The complete snapshot as an adult with cirrhosis (chronic liver disease) and no acute liver failure, unless told otherwise.</summary>
    private static PatientSnapshot Patient(bool? cirrhosis = true, bool? acuteLiverFailure = false, bool? chronicLiverDisease = true, AcuteLiverFailureCause? cause = null)
    {
        var c = Cases.CompleteSnapshot();
        return c with
        {
            Findings = c.Findings with
            {
                AcuteLiverFailureCause = cause, AcuteLiverFailure = acuteLiverFailure, Cirrhosis = cirrhosis, ChronicLiverDisease = chronicLiverDisease,
            },
        };
    }

    private static ScoreOutcome Evaluate(string id, PatientSnapshot snapshot) => ScoreCatalog.Find(id)!.Evaluate(snapshot);

    private static PatientSnapshot WithLabs(PatientSnapshot s, Func<LabPanel, LabPanel> change) => s with { Labs = change(s.Labs) };

    // OPTN policy 9.1.A (adult status 1A: fulminant liver failure is listed by status, not MELD); NHSBT POL195 (acute liver
    // failure is registered super-urgent, UKELD is for elective listing with chronic liver disease); EASL 2017 ALF CPG.
    [Theory]
    [MemberData(nameof(AllocationScores))]
    public void Evaluate_AllocationScoreInAcuteLiverFailure_NotApplicable(string id)
    {
        var outcome = Evaluate(id, Patient(cirrhosis: false, acuteLiverFailure: true, chronicLiverDisease: false));
        Assert.Equal(OutcomeStatus.NotApplicable, outcome.Status);
        Assert.Contains("not acute liver failure", outcome.Reason, StringComparison.Ordinal);
    }

    // A cause of acute liver failure says the patient has it (PatientContext.AcuteLiverFailure): the bundled
    // alf-acetaminophen sample showed MELD 40 and UKELD "at or above the UK listing threshold".
    [Theory]
    [MemberData(nameof(AllocationScores))]
    public void Evaluate_AllocationScoreWithAcuteLiverFailureCause_NotApplicable(string id)
    {
        var outcome = Evaluate(id, Patient(acuteLiverFailure: null, cause: AcuteLiverFailureCause.Acetaminophen));
        Assert.Equal(OutcomeStatus.NotApplicable, outcome.Status);
    }

    [Theory]
    [MemberData(nameof(AllocationScores))]
    public void Evaluate_AllocationScoreWithoutAcuteLiverFailure_CalculatedWithoutAssumption(string id)
    {
        var outcome = Evaluate(id, Patient());
        Assert.Equal(OutcomeStatus.Calculated, outcome.Status);
        Assert.DoesNotContain(outcome.Result!.Warnings, w => w.Path == "findings.acuteLiverFailure");
    }

    [Theory]
    [MemberData(nameof(AllocationScores))]
    public void Evaluate_AllocationScoreAcuteLiverFailureUnknown_CalculatedWithAssumptionWarning(string id)
    {
        var known = Evaluate(id, Patient(cirrhosis: null));
        var outcome = Evaluate(id, Patient(cirrhosis: null, acuteLiverFailure: null));
        Assert.Equal(OutcomeStatus.Calculated, outcome.Status);
        Assert.Equal(known.Result!.Value, outcome.Result!.Value);
        var warning = Assert.Single(outcome.Result.Warnings, w => w.Path == "findings.acuteLiverFailure");
        Assert.Equal(IssueCodes.UnusualPatient, warning.Code);
        Assert.Equal(IssueSeverity.Warning, warning.Severity);
        Assert.Contains("assumed no acute liver failure", warning.Message, StringComparison.Ordinal);
        Assert.Contains("give findings.acuteLiverFailure", warning.Message, StringComparison.Ordinal);
    }

    // EASL 2017 ALF: acute liver failure is defined in patients without pre-existing cirrhosis, so recorded cirrhosis
    // answers "no acute liver failure" and the allocation scores carry no assumption about it.
    [Theory]
    [MemberData(nameof(AllocationScores))]
    public void Evaluate_AllocationScoreWithCirrhosisAcuteLiverFailureUnstated_CalculatedWithoutAssumption(string id)
    {
        var outcome = Evaluate(id, Patient(cirrhosis: true, acuteLiverFailure: null));
        Assert.Equal(OutcomeStatus.Calculated, outcome.Status);
        Assert.DoesNotContain(outcome.Result!.Warnings, w => w.Path == "findings.acuteLiverFailure");
    }

    // Barber 2011: UKELD was derived in adults with end-stage chronic liver disease registered for elective transplantation;
    // the bundled hbv-chronic sample (no cirrhosis, near-normal labs) read "at or above the UK listing threshold".
    [Fact]
    public void Evaluate_UkeldWithoutCirrhosis_NotApplicable()
    {
        var outcome = Evaluate("ukeld", Patient(cirrhosis: false));
        Assert.Equal(OutcomeStatus.NotApplicable, outcome.Status);
        Assert.Contains("Barber 2011", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_UkeldCirrhosisUnknown_CalculatedWithAssumptionWarning()
    {
        var outcome = Evaluate("ukeld", Patient(cirrhosis: null));
        Assert.Equal(OutcomeStatus.Calculated, outcome.Status);
        Assert.Contains(outcome.Result!.Warnings, w => w.Path == "findings.cirrhosis" && w.Message.Contains("assumed cirrhosis", StringComparison.Ordinal));
    }

    // Kamath 2001 (cirrhosis cohorts), Kim 2008, Kim 2021 (waiting-list candidates with chronic liver disease).
    [Theory]
    [MemberData(nameof(MeldFamily))]
    public void Evaluate_MeldFamilyWithoutChronicLiverDisease_NotApplicable(string id)
    {
        var outcome = Evaluate(id, Patient(cirrhosis: false, chronicLiverDisease: false));
        Assert.Equal(OutcomeStatus.NotApplicable, outcome.Status);
        Assert.Contains("chronic liver disease", outcome.Reason, StringComparison.Ordinal);
    }

    // EASL 2021 NIT: fibrosis tests stage fibrosis; established cirrhosis leaves nothing to stage (APRI and FIB-4 said
    // "cirrhosis likely" for a patient recorded with cirrhosis).
    [Theory]
    [MemberData(nameof(FibrosisScores))]
    public void Evaluate_FibrosisScoreWithCirrhosis_NotApplicable(string id)
    {
        var outcome = Evaluate(id, Patient(cirrhosis: true));
        Assert.Equal(OutcomeStatus.NotApplicable, outcome.Status);
        Assert.Contains("cirrhosis", outcome.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(FibrosisScores))]
    public void Evaluate_FibrosisScoreWithoutCirrhosis_Calculated(string id) =>
        Assert.Equal(OutcomeStatus.Calculated, Evaluate(id, Patient(cirrhosis: false)).Status);

    // Kwo 2017 (ACG): aminotransferases above 15 × the upper limit are the "severe" elevation of acute hepatocellular
    // injury. Upper limit 40 U/L: 600 is at 15 ×, not above; 601 is above.
    [Theory]
    [InlineData("fib-4", "599", OutcomeStatus.Calculated)]
    [InlineData("fib-4", "600", OutcomeStatus.Calculated)]
    [InlineData("fib-4", "601", OutcomeStatus.NotApplicable)]
    [InlineData("apri", "599", OutcomeStatus.Calculated)]
    [InlineData("apri", "600", OutcomeStatus.Calculated)]
    [InlineData("apri", "601", OutcomeStatus.NotApplicable)]
    public void Evaluate_FibrosisScoreAltAboveFifteenTimesUpperLimit_NotApplicable(string id, string alt, OutcomeStatus expected)
    {
        var s = WithLabs(Patient(cirrhosis: false), l => l with { Alt = Alt.FromUnitsPerLiter(Cases.D(alt)), AltUpperLimit = Alt.FromUnitsPerLiter(40m) });
        var outcome = Evaluate(id, s);
        Assert.Equal(expected, outcome.Status);
        if (expected == OutcomeStatus.NotApplicable)
        {
            Assert.Contains("acute hepatitis", outcome.Reason, StringComparison.Ordinal);
            Assert.Contains("Kwo 2017", outcome.Reason, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("fib-4", "599", OutcomeStatus.Calculated)]
    [InlineData("fib-4", "600", OutcomeStatus.Calculated)]
    [InlineData("fib-4", "601", OutcomeStatus.NotApplicable)]
    [InlineData("apri", "599", OutcomeStatus.Calculated)]
    [InlineData("apri", "600", OutcomeStatus.Calculated)]
    [InlineData("apri", "601", OutcomeStatus.NotApplicable)]
    public void Evaluate_FibrosisScoreAstAboveFifteenTimesUpperLimit_NotApplicable(string id, string ast, OutcomeStatus expected)
    {
        var s = WithLabs(Patient(cirrhosis: false), l => l with { Ast = Ast.FromUnitsPerLiter(Cases.D(ast)), AstUpperLimit = Ast.FromUnitsPerLiter(40m) });
        Assert.Equal(expected, Evaluate(id, s).Status);
    }

    [Fact]
    public void Evaluate_Fib4WithoutUpperLimits_CalculatedWithAcuteHepatitisAssumption()
    {
        var s = WithLabs(Patient(cirrhosis: false), l => l with { AltUpperLimit = null, AstUpperLimit = null });
        var outcome = Evaluate("fib-4", s);
        Assert.Equal(OutcomeStatus.Calculated, outcome.Status);
        Assert.Contains(outcome.Result!.Warnings, w => w.Path == "labs.altUpperLimit" && w.Message.Contains("assumed no acute hepatitis", StringComparison.Ordinal));
    }

    // Angulo 2007: the NAFLD fibrosis score was derived in NAFLD.
    [Fact]
    public void Evaluate_NafldFibrosisScoreWithoutFattyLiverDisease_NotApplicable()
    {
        var c = Patient(cirrhosis: false);
        var outcome = Evaluate("nafld-fibrosis-score", c with { Findings = c.Findings with { FattyLiverDisease = false } });
        Assert.Equal(OutcomeStatus.NotApplicable, outcome.Status);
        Assert.Contains("Angulo 2007", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NafldFibrosisScoreFattyLiverUnknown_CalculatedWithAssumptionWarning()
    {
        var c = Patient(cirrhosis: false);
        var outcome = Evaluate("nafld-fibrosis-score", c with { Findings = c.Findings with { FattyLiverDisease = null } });
        Assert.Equal(OutcomeStatus.Calculated, outcome.Status);
        Assert.Contains(outcome.Result!.Warnings, w => w.Path == "findings.fattyLiverDisease");
    }

    // Pugh 1973: derived in cirrhosis.
    [Fact]
    public void Evaluate_ChildPughWithoutCirrhosis_NotApplicable()
    {
        var outcome = Evaluate("child-pugh", Patient(cirrhosis: false));
        Assert.Equal(OutcomeStatus.NotApplicable, outcome.Status);
        Assert.Contains("Pugh 1973", outcome.Reason, StringComparison.Ordinal);
    }

    // Moreau 2013 (CANONIC): acute decompensation of cirrhosis.
    [Theory]
    [MemberData(nameof(ClifScores))]
    public void Evaluate_ClifScoreWithoutCirrhosis_NotApplicable(string id)
    {
        var outcome = Evaluate(id, Patient(cirrhosis: false));
        Assert.Equal(OutcomeStatus.NotApplicable, outcome.Status);
        Assert.Contains("Moreau 2013", outcome.Reason, StringComparison.Ordinal);
    }

    // O'Grady 1989: the King's College criteria were derived in fulminant hepatic failure.
    [Theory]
    [InlineData("kcc-acetaminophen")]
    [InlineData("kcc-acetaminophen-lactate")]
    [InlineData("kcc-non-acetaminophen")]
    public void Evaluate_KingsCollegeWithoutAcuteLiverFailure_NotApplicable(string id)
    {
        var outcome = Evaluate(id, Patient(acuteLiverFailure: false));
        Assert.Equal(OutcomeStatus.NotApplicable, outcome.Status);
        Assert.Contains("O'Grady 1989", outcome.Reason, StringComparison.Ordinal);
    }

    // OPTN policy 9.1.B: a child in acute liver failure is listed as pediatric status 1A, not by PELD.
    [Fact]
    public void Evaluate_PeldInAcuteLiverFailure_NotApplicable()
    {
        var child = Patient(cirrhosis: false, acuteLiverFailure: true) with { AgeYears = 5m };
        var outcome = Evaluate("peld", child);
        Assert.Equal(OutcomeStatus.NotApplicable, outcome.Status);
        Assert.Contains("acute liver failure", outcome.Reason, StringComparison.Ordinal);
    }
}
