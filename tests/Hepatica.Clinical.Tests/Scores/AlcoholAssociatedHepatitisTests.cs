using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Tests.Scores;

/// <summary>Maddrey, Lille, GAHS and ABIC apply to alcohol-associated hepatitis only (each derived in it).</summary>
public sealed class AlcoholAssociatedHepatitisTests
{
    public static TheoryData<string> Ids => ["maddrey-df", "lille", "gahs", "abic"];

    private static ScoreOutcome Evaluate(string id, bool? diagnosis)
    {
        var complete = Cases.CompleteSnapshot();
        var snapshot = complete with { Findings = complete.Findings with { AlcoholAssociatedHepatitis = diagnosis } };
        return ScoreCatalog.Find(id)!.Evaluate(snapshot);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Not_applicable_when_the_patient_does_not_have_it(string id)
    {
        var outcome = Evaluate(id, false);
        Assert.Equal(OutcomeStatus.NotApplicable, outcome.Status);
        Assert.Contains("alcohol-associated hepatitis", outcome.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Calculated_with_a_warning_when_the_diagnosis_is_not_stated(string id)
    {
        var outcome = Evaluate(id, null);
        Assert.Equal(OutcomeStatus.Calculated, outcome.Status);
        var warning = Assert.Single(outcome.Result!.Warnings, w => w.Path == "findings.alcoholAssociatedHepatitis");
        Assert.Equal(IssueCodes.UnusualPatient, warning.Code);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Calculated_without_that_warning_when_stated_and_with_the_same_value(string id)
    {
        var stated = Evaluate(id, true);
        var unstated = Evaluate(id, null);
        Assert.DoesNotContain(stated.Result!.Warnings, w => w.Path == "findings.alcoholAssociatedHepatitis");
        Assert.Equal(unstated.Result!.Value, stated.Result.Value);
    }
}
