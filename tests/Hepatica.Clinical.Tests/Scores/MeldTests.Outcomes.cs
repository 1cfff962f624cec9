using Hepatica.Clinical.Findings;
using Hepatica.Clinical.Scores;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Tests.Scores;

public sealed partial class MeldTests
{
    [Fact]
    public void Evaluate_EmptySnapshot_NamesEveryMissingInput()
    {
        var outcome = Meld.Evaluate(new PatientSnapshot());
        Assert.Equal(OutcomeStatus.NotCalculable, outcome.Status);
        Assert.Null(outcome.Result);
        Assert.Equal(["labs.bilirubin", "labs.creatinine", "labs.inr", "findings.dialysisTwiceInPastWeek"], outcome.Missing);
    }

    [Fact]
    public void Evaluate_OnlyDialysisMissing_NamesOnlyDialysis()
    {
        var snapshot = Cases.CompleteSnapshot() with { Findings = ClinicalFindings.Empty };
        var outcome = Meld.Evaluate(snapshot);
        Assert.Equal(OutcomeStatus.NotCalculable, outcome.Status);
        Assert.Equal(["findings.dialysisTwiceInPastWeek"], outcome.Missing);
    }

    [Fact]
    public void Evaluate_CompleteSnapshot_CalculatesSameAsCalculate()
    {
        // Snapshot: bili 2.5, Cr 1.2, INR 1.5: 0.1745 + 0.3464 + 1.12 ln1.5 (0.4541) + 0.643 = 1.6180 → 1.6 → 16.
        var outcome = Meld.Evaluate(Cases.CompleteSnapshot());
        Assert.Equal(OutcomeStatus.Calculated, outcome.Status);
        Assert.Empty(outcome.Missing);
        Assert.Equal(16m, outcome.Result!.Value);
    }

    [Fact]
    public void Calculate_DialysisWithLowCreatinine_RecordsSubstitutionStep()
    {
        var result = Meld.Calculate(new Meld.Inputs(Bilirubin.FromMilligramsPerDeciliter(1m), Creatinine.FromMilligramsPerDeciliter(0.5m), Inr.FromRatio(1m), true));
        var step = Assert.Single(result.Steps, s => s.Kind == StepKind.Substitution);
        Assert.Equal(4.0m, step.Value);
        Assert.DoesNotContain(result.Steps, s => s.Kind == StepKind.Floor && s.Label == "creatinine");
    }
}

public sealed partial class MeldNaTests
{
    [Fact]
    public void Evaluate_EmptySnapshot_NamesEveryMissingInput()
    {
        var outcome = MeldNa.Evaluate(new PatientSnapshot());
        Assert.Equal(OutcomeStatus.NotCalculable, outcome.Status);
        Assert.Equal(["labs.bilirubin", "labs.creatinine", "labs.inr", "findings.dialysisTwiceInPastWeek", "labs.sodium"], outcome.Missing);
    }

    [Fact]
    public void Evaluate_OnlySodiumMissing_NamesOnlySodium()
    {
        var complete = Cases.CompleteSnapshot();
        var outcome = MeldNa.Evaluate(complete with { Labs = complete.Labs with { Sodium = null } });
        Assert.Equal(OutcomeStatus.NotCalculable, outcome.Status);
        Assert.Equal(["labs.sodium"], outcome.Missing);
    }

    [Fact]
    public void Evaluate_SodiumPresentMeldInputMissing_NamesOnlyTheMeldInput()
    {
        var complete = Cases.CompleteSnapshot();
        var outcome = MeldNa.Evaluate(complete with { Labs = complete.Labs with { Inr = null } });
        Assert.Equal(OutcomeStatus.NotCalculable, outcome.Status);
        Assert.Equal(["labs.inr"], outcome.Missing);
    }

    [Fact]
    public void Evaluate_CompleteSnapshot_Calculates()
    {
        // Snapshot: M 16 (see MeldTests), Na 131, d 6: 16 + 7.92 − 3.168 = 20.752 → 21.
        var outcome = MeldNa.Evaluate(Cases.CompleteSnapshot());
        Assert.Equal(OutcomeStatus.Calculated, outcome.Status);
        Assert.Equal(21m, outcome.Result!.Value);
    }
}

public sealed partial class Meld3Tests
{
    [Fact]
    public void Evaluate_EmptySnapshot_NamesEveryMissingInput()
    {
        var outcome = Meld3.Evaluate(new PatientSnapshot());
        Assert.Equal(OutcomeStatus.NotCalculable, outcome.Status);
        Assert.Equal(
            ["sex", "ageYears", "labs.bilirubin", "labs.creatinine", "labs.inr", "labs.sodium", "labs.albumin", "findings.dialysisTwiceInPastWeek"],
            outcome.Missing);
    }

    [Theory]
    [InlineData("11.9")]
    [InlineData("11")]
    [InlineData("0.5")]
    public void Evaluate_UnderTwelve_NotApplicable(string age)
    {
        // OPTN policy 9.1: MELD for candidates 12 or older; PELD under 12.
        var outcome = Meld3.Evaluate(Cases.CompleteSnapshot() with { AgeYears = Cases.D(age) });
        Assert.Equal(OutcomeStatus.NotApplicable, outcome.Status);
        Assert.Null(outcome.Result);
        Assert.Empty(outcome.Missing);
        Assert.Contains("12", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_AgeTwelve_Calculates()
    {
        var outcome = Meld3.Evaluate(Cases.CompleteSnapshot() with { AgeYears = 12m });
        Assert.Equal(OutcomeStatus.Calculated, outcome.Status);
    }

    [Fact]
    public void Calculate_UnderTwelve_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Meld3.Calculate(Cases.Meld3Inputs(Sex.Male, "11.9", "1", "137", "1", "1", "3.5", false)));

    [Fact]
    public void Evaluate_CompleteSnapshot_Calculates()
    {
        // Snapshot: male 55, bili 2.5, Na 131, INR 1.5, Cr 1.2, Alb 3.0:
        // 4.1783 + 4.92 − 1.3195 + 9.09 ln1.5 (3.6857) + 2.0311 + 0.925 − 1.83×0.5×ln1.2 (0.1668) + 6 = 20.2538 → 20.
        var outcome = Meld3.Evaluate(Cases.CompleteSnapshot());
        Assert.Equal(OutcomeStatus.Calculated, outcome.Status);
        Assert.Equal(20m, outcome.Result!.Value);
    }
}
