using Hepatica.Clinical.Findings;
using Hepatica.Clinical.Scores;
using Hepatica.Clinical.Scoring;
using static Hepatica.Clinical.Tests.Scores.Cases;

namespace Hepatica.Clinical.Tests.Scores;

/// <summary>
/// MELD 3.0 sex term by age at registration. OPTN "Learn about MELD" (2023): sex is an input "only if candidate's age
/// at registration is 18 years or older"; the CU-Anschutz SAS macro meld.sas writes the term as
/// <c>1.33 female (ageAtListing ≥ 18) − 1.33 (ageAtListing ≥ 18) + 7.33</c>, so a candidate registered at 12-17 gets 1.33
/// whatever the sex. The age at registration is ageAtListingYears when given, the current age otherwise.
/// Base: the complete snapshot (bili 2.5, Na 131, INR 1.5, Cr 1.2, Alb 3.0): 20.2538 without the term → 20,
/// 21.5838 with it → 22 (hand sums in MeldTests.Outcomes.cs).
/// </summary>
public sealed partial class Meld3Tests
{
    // sex (null: not given), current age, age at listing (null: not given), expected value (null: not calculable), source
    [Theory]
    [InlineData(null, "15", null, 22, "no sex, aged 15, no listing age: current age 15 < 18 → 1.33 for every candidate (OPTN; meld.sas) → 21.5838 → 22")]
    [InlineData(null, "12", null, 22, "no sex, aged 12 (lowest MELD age): current age < 18 → 22")]
    [InlineData(null, "17.9", null, 22, "no sex, aged 17.9, just below 18 → 22")]
    [InlineData(null, "18", null, null, "no sex, aged 18, no listing age: 18 or more at registration needs the sex → not calculable")]
    [InlineData(null, "19", "17.9", 22, "no sex, aged 19, registered at 17.9: the age at registration decides (OPTN) → 22")]
    [InlineData(null, "19", "18", null, "no sex, aged 19, registered at 18: needs the sex → not calculable")]
    [InlineData(null, "13", "10", 22, "no sex, aged 13, registered at 10 (as a PELD candidate): under 18 at registration → 22")]
    [InlineData(Sex.Male, "19", "17", 22, "male aged 19, registered at 17: still 1.33 (registration age under 18) → 22")]
    [InlineData(Sex.Male, "19", "18", 20, "male aged 19, registered at 18: male, no term → 20.2538 → 20")]
    [InlineData(Sex.Male, "19", "18.1", 20, "male aged 19, registered at 18.1: just above 18 → 20")]
    [InlineData(Sex.Female, "19", "18", 22, "female registered at 18: 1.33 → 22")]
    [InlineData(Sex.Male, "17", null, 22, "male aged 17, no listing age: current age < 18 → 22")]
    [InlineData(Sex.Male, "18", null, 20, "male aged 18, no listing age: current age 18 → no term → 20")]
    public void Meld3_SexTerm_AppliesOnlyFromAge18AtListing(Sex? sex, string age, string? listed, int? expected, string source)
    {
        var snapshot = CompleteSnapshot() with { Sex = sex, AgeYears = D(age), AgeAtListingYears = listed is null ? null : D(listed) };
        var outcome = Meld3.Evaluate(snapshot);
        if (expected is null)
        {
            Assert.Equal(OutcomeStatus.NotCalculable, outcome.Status);
            Assert.Equal(["sex"], outcome.Missing);
            return;
        }

        Assert.True(outcome.Status == OutcomeStatus.Calculated, $"{source}: {outcome.Status} {outcome.Reason}");
        Equal(expected.Value, outcome.Result!.Value, source);
    }

    [Theory]
    [InlineData("19", "17", "ageAtListingYears")]
    [InlineData("15", null, "current age 15 y used")]
    public void Meld3_SexTerm_StepSaysWhichAgeDecided(string age, string? listed, string expected)
    {
        var snapshot = CompleteSnapshot() with { Sex = null, AgeYears = D(age), AgeAtListingYears = listed is null ? null : D(listed) };
        var term = Assert.Single(Meld3.Evaluate(snapshot).Result!.Steps, s => s.Label == "1.33 × female");
        Assert.Contains(expected, term.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Meld3_SexTerm_NoSexFromAge18AtListing_Throws() =>
        Assert.Throws<ArgumentException>(() => Meld3.Calculate(Meld3Inputs(Sex.Male, "40", "1", "137", "1", "1", "3.5", false) with { Sex = null }));
}
