using FsCheck.Xunit;
using Hepatica.Clinical.Scores;
using Hepatica.Clinical.Scoring;
using Hepatica.Clinical.Tests.Scores;

namespace Hepatica.Clinical.Tests.Scoring;

/// <summary>
/// The assessment of a whole snapshot: one outcome per catalog score, and the same values whether or not the
/// breakdown is kept (ADR 0003: population runs compute without keeping steps).
/// </summary>
public sealed class AssessmentTests
{
    // The complete snapshot is a decompensated cirrhotic without ACLF whose (hypothetical) acute liver failure cause is
    // hepatitis B: the acetaminophen criteria and CLIF-C ACLF do not apply; nor, since the cause says acute liver failure,
    // do the MELD family and UKELD (issue 11 s.1: OPTN policy 9.1.A, NHSBT POL195); nor, fatty liver disease being false,
    // the NAFLD fibrosis score (Angulo 2007); everything else is calculated.
    [Fact]
    public void Of_CompleteSnapshot_OneOutcomePerCatalogScoreInOrder()
    {
        var assessment = Assessment.Of(Cases.CompleteSnapshot());
        string[] notApplicable = ["kcc-acetaminophen", "kcc-acetaminophen-lactate", "clif-c-aclf", "peld",
            "meld", "meld-na", "meld-3.0", "meld-na-kim-2008", "ukeld", "nafld-fibrosis-score"];
        Assert.Equal(ScoreCatalog.All.Select(e => e.Definition.Id), assessment.Outcomes.Select(o => o.Definition.Id));
        Assert.All(assessment.Outcomes, o => Assert.Equal(
            notApplicable.Contains(o.Definition.Id) ? OutcomeStatus.NotApplicable : OutcomeStatus.Calculated, o.Status));
    }

    // Readers find a score's outcome by its definition (issue 12 s.3: typed keys between layers); a score that was not
    // evaluated gives null, never another score's outcome.
    [Fact]
    public void Outcome_ByDefinition_ThatScoresOutcomeOrNullWhenNotEvaluated()
    {
        var snapshot = Cases.CompleteSnapshot();
        var assessment = Assessment.Of(snapshot);
        Assert.Same(assessment.Outcomes.Single(o => o.Definition.Id == "maddrey-df"), assessment.Outcome(MaddreyDf.Definition));
        Assert.Null(ScoreOutcome.Find([ScoreCatalog.Find("gahs")!.Evaluate(snapshot)], MaddreyDf.Definition));
    }

    // The categories adapters match on (CDS cards, the prevention plan) are the labels of the score's own bands, so a
    // renamed category breaks the build instead of silently dropping a card.
    [Fact]
    public void CategoryConstants_AreLabelsOfTheirScoresBands()
    {
        Assert.Contains(MaddreyDf.SeverityBands, b => b.Label == MaddreyDf.Severe);
        Assert.Contains(Gahs.PrognosisBands, b => b.Label == Gahs.PoorPrognosis);
        Assert.Contains(AuditC.MenBands, b => b.Label == AuditC.PositiveScreen);
        Assert.Contains(AuditC.WomenBands, b => b.Label == AuditC.PositiveScreen);
    }

    // hepatica score ID and POST /api/scores/{id} (docs/output.md): the one score, with its steps, and no section.
    [Fact]
    public void OfScore_OneEntry_ThatScoreAloneWithoutSections()
    {
        var entry = ScoreCatalog.Find("child-pugh")!;

        var assessment = Assessment.OfScore(Cases.CompleteSnapshot(), entry, GuidelineProfile.Uk);

        var outcome = Assert.Single(assessment.Outcomes);
        Assert.Equal("child-pugh", outcome.Definition.Id);
        Assert.NotEmpty(outcome.Result!.Steps);
        Assert.Equal(GuidelineProfile.Uk, assessment.Profile);
        Assert.Same(Clinical.Transplant.TransplantSection.None, assessment.Transplant);
        Assert.Same(Clinical.Immunity.ImmunitySection.None, assessment.Immunity);
        Assert.Same(Clinical.Prevention.PreventionSection.None, assessment.Prevention);
        Assert.Same(Clinical.Serology.SerologySection.None, assessment.Serology);
        Assert.Empty(assessment.Conflicts);
    }

    [Property(Arbitrary = [typeof(ClinicalArbitraries)])]
    public bool Of_WithoutSteps_SameValuesNoSteps(Patient patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        var snapshot = patient.ToSnapshot(false);
        var full = Assessment.Of(snapshot, recordSteps: true);
        var quick = Assessment.Of(snapshot, recordSteps: false);
        return full.Outcomes.Zip(quick.Outcomes).All(pair => pair.First.Status == pair.Second.Status && (pair.First.Result is null
            || (pair.First.Result.Value == pair.Second.Result!.Value
            && pair.First.Result.Unrounded == pair.Second.Result.Unrounded
            && pair.First.Result.Category == pair.Second.Result.Category
            && pair.First.Result.Extras.SequenceEqual(pair.Second.Result.Extras)
            && pair.First.Result.Steps.Count > 0
            && pair.Second.Result.Steps.Count == 0)));
    }

    // OPTN policy 9.1.D: "Candidates who are at least 12 years old receive an initial MELD(i) score"; PELD under 12.
    [Theory]
    [InlineData("11.9", OutcomeStatus.NotApplicable)]
    [InlineData("12", OutcomeStatus.Calculated)]
    [InlineData("40", OutcomeStatus.Calculated)]
    public void MeldFamily_AgeAroundTwelve_ApplicableFromTwelve(string age, OutcomeStatus expected)
    {
        var snapshot = Cases.CompleteSnapshot() with { AgeYears = Cases.D(age) };
        Assert.Equal(expected, Meld.Evaluate(snapshot).Status);
        Assert.Equal(expected, MeldNa.Evaluate(snapshot).Status);
        Assert.Equal(expected, Meld3.Evaluate(snapshot).Status);
    }

    [Fact]
    public void MeldAndMeldNa_AgeNotGiven_CalculatedBecauseAgeIsNotInTheFormula()
    {
        var snapshot = Cases.CompleteSnapshot() with { AgeYears = null };
        Assert.Equal(OutcomeStatus.Calculated, Meld.Evaluate(snapshot).Status);
        Assert.Equal(OutcomeStatus.Calculated, MeldNa.Evaluate(snapshot).Status);
        Assert.Equal(["ageYears"], Meld3.Evaluate(snapshot).Missing);
    }
}
