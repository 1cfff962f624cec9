using Hepatica.Clinical.Findings;
using Hepatica.Clinical.Scores;
using Hepatica.Clinical.Scoring;
using Hepatica.Clinical.Transplant;

namespace Hepatica.Clinical.Tests.Transplant;

/// <summary>
/// The guideline profile (issue 11 s.4): <c>us</c> (default) presents MELD 3.0 as OPTN's allocation MELD (OPTN policy
/// 9.1.D, in force 2023-07-13), MELD-Na and MELD as history, and shows the MELD ≥ 15 referral (AASLD/AST 2013) but not
/// UKELD ≥ 49; <c>uk</c> presents UKELD as the listing criterion (NHSBT POL195: UKELD ≥ 49), no MELD as an allocation
/// score, and shows UKELD ≥ 49 but not MELD ≥ 15. Every score is computed under both.
/// </summary>
public sealed class GuidelineProfileTests
{
    private static PatientSnapshot Cirrhotic() => Tests.Scores.Cases.CompleteSnapshot() with
    {
        Findings = Tests.Scores.Cases.CompleteSnapshot().Findings with { Cirrhosis = true },
    };

    private static ScoreOutcome Calculated(ScoreDefinition definition, decimal value) =>
        ScoreOutcome.Calculated(new ScoreResult(definition, value, null, null, [], []));

    [Theory]
    [InlineData("us", GuidelineProfile.Us)]
    [InlineData("UK", GuidelineProfile.Uk)]
    [InlineData(" uk ", GuidelineProfile.Uk)]
    public void Parse_KnownIds_TheProfile(string id, GuidelineProfile expected) => Assert.Equal(expected, GuidelineProfiles.Parse(id));

    [Theory]
    [InlineData("eu")]
    [InlineData("")]
    [InlineData(null)]
    public void Parse_UnknownId_Null(string? id) => Assert.Null(GuidelineProfiles.Parse(id));

    [Fact]
    public void Default_IsUs_TodaysBehaviour()
    {
        Assert.Equal(GuidelineProfile.Us, GuidelineProfiles.Default);
        Assert.Equal(GuidelineProfile.Us, Assessment.Of(Cirrhotic()).Profile);
    }

    [Theory]
    [InlineData(GuidelineProfile.Us, "meld-3.0", ScoreRoleKind.Allocation)]
    [InlineData(GuidelineProfile.Uk, "ukeld", ScoreRoleKind.Listing)]
    public void AllocationScore_OnePerProfile(GuidelineProfile profile, string id, ScoreRoleKind kind)
    {
        var allocation = GuidelineProfiles.AllocationScore(profile);
        Assert.Equal(id, allocation.ScoreId);
        Assert.Equal(kind, allocation.Kind);
        string[] family = ["meld", "meld-na", "meld-na-kim-2008", "meld-3.0", "peld", "ukeld"];
        Assert.Single(family, f => GuidelineProfiles.RoleOf(profile, ScoreCatalog.Find(f)!.Definition)!.Kind is ScoreRoleKind.Allocation or ScoreRoleKind.Listing);
    }

    [Theory]
    [InlineData(GuidelineProfile.Us, "meld-na", ScoreRoleKind.History)]
    [InlineData(GuidelineProfile.Us, "meld", ScoreRoleKind.History)]
    [InlineData(GuidelineProfile.Us, "peld", ScoreRoleKind.History)]
    [InlineData(GuidelineProfile.Us, "meld-na-kim-2008", ScoreRoleKind.Research)]
    [InlineData(GuidelineProfile.Us, "ukeld", ScoreRoleKind.OtherSystem)]
    [InlineData(GuidelineProfile.Uk, "meld-3.0", ScoreRoleKind.OtherSystem)]
    [InlineData(GuidelineProfile.Uk, "meld-na", ScoreRoleKind.OtherSystem)]
    public void RoleOf_NonAllocatingScores_NamedAsSuch(GuidelineProfile profile, string id, ScoreRoleKind kind) =>
        Assert.Equal(kind, GuidelineProfiles.RoleOf(profile, ScoreCatalog.Find(id)!.Definition)!.Kind);

    [Fact]
    public void RoleOf_ScoreOutsideTheAllocationFamily_Null() => Assert.Null(GuidelineProfiles.RoleOf(GuidelineProfile.Us, ChildPugh.Definition));

    // AASLD/AST 2013 MELD >= 15 (us); NHSBT POL195 UKELD >= 49 (uk), each at the threshold.
    [Theory]
    [InlineData(GuidelineProfile.Us, true, false)]
    [InlineData(GuidelineProfile.Uk, false, true)]
    public void Filter_ReferralSignals_ThoseOfTheProfile(GuidelineProfile profile, bool meld15, bool ukeld49)
    {
        var section = TransplantSignals.Evaluate(new PatientSnapshot { Findings = new ClinicalFindings { Cirrhosis = true, Ascites = Ascites.Mild } },
            [Calculated(Meld3.Definition, 15m), Calculated(Ukeld.Definition, 49m), Calculated(AclfGrade.Definition, 2m)]);
        var shown = GuidelineProfiles.Filter(profile, section);
        Assert.Equal(meld15, shown.Signals.Any(s => s.Id == "meld-15-cirrhosis"));
        Assert.Equal(ukeld49, shown.Signals.Any(s => s.Id == "ukeld-49"));
        Assert.Contains(shown.Signals, s => s.Id == "decompensation");
        Assert.Contains(shown.Signals, s => s.Id == "aclf-grade-2-3");
    }

    [Fact]
    public void Filter_SignalNoProfileLists_StillShown() =>
        Assert.True(GuidelineProfiles.Shows(GuidelineProfile.Uk, "some-new-signal"));

    [Fact]
    public void Assessment_EitherProfile_ComputesEveryScore()
    {
        var us = Assessment.Of(Cirrhotic(), GuidelineProfile.Us);
        var uk = Assessment.Of(Cirrhotic(), GuidelineProfile.Uk);
        Assert.Equal(us.Outcomes.Select(o => o.Result?.Value), uk.Outcomes.Select(o => o.Result?.Value));
        Assert.Equal("meld-3.0", us.Allocation.ScoreId);
        Assert.Equal("ukeld", uk.Allocation.ScoreId);
    }
}
