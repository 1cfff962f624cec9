using Hepatica.Clinical.Labs;
using Hepatica.Clinical.Scores;
using Hepatica.Clinical.Scoring;
using Hepatica.Clinical.Serology;
using Hepatica.Clinical.Tests.Scores;

namespace Hepatica.Clinical.Tests.Scoring;

/// <summary>Every catalog score declares who it is for, as data, with sources (issue 11 s.1); the context answers it reads.</summary>
public sealed class PopulationTests
{
    public static TheoryData<string> Ids => [.. ScoreCatalog.All.Select(e => e.Definition.Id)];

    [Theory]
    [MemberData(nameof(Ids))]
    public void Population_EveryCatalogScore_DeclaredWithSources(string id)
    {
        var population = ScoreCatalog.Find(id)!.Definition.Population;
        Assert.NotSame(Population.Undeclared, population);
        Assert.False(string.IsNullOrWhiteSpace(population.Description));
        Assert.NotEmpty(population.Sources);
        Assert.All(population.Gates, g =>
        {
            Assert.StartsWith("for ", g.Rule, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(g.Source.Key));
            Assert.False(string.IsNullOrWhiteSpace(g.Question.SettledBy));
        });
    }

    [Fact]
    public void NotApplicable_OutsideGate_CarriesTheGateSource()
    {
        var c = Cases.CompleteSnapshot();
        var outcome = ScoreCatalog.Find("ukeld")!.Evaluate(c with { Findings = c.Findings with { AcuteLiverFailure = true } });
        Assert.Equal(OutcomeStatus.NotApplicable, outcome.Status);
        Assert.Same(Populations.NhsbtPol195, outcome.Source);
        Assert.Contains(Populations.NhsbtPol195.Key, outcome.Reason, StringComparison.Ordinal);
    }

    // Kwo 2017: above 15 × the upper limit of normal; at 15 × is not above.
    [Theory]
    [InlineData("599", "40", false)]
    [InlineData("600", "40", false)]
    [InlineData("601", "40", true)]
    public void AcuteHepatitis_AltAgainstFifteenTimesUpperLimit(string alt, string limit, bool expected)
    {
        var s = new PatientSnapshot { Labs = new LabPanel { Alt = Alt.FromUnitsPerLiter(Cases.D(alt)), AltUpperLimit = Alt.FromUnitsPerLiter(Cases.D(limit)) } };
        Assert.Equal(expected, PatientContext.AcuteHepatitis(s));
    }

    [Fact]
    public void AcuteHepatitis_NoUpperLimit_Unknown() =>
        Assert.Null(PatientContext.AcuteHepatitis(new PatientSnapshot { Labs = new LabPanel { Alt = Alt.FromUnitsPerLiter(900m), Ast = Ast.FromUnitsPerLiter(700m) } }));

    [Fact]
    public void AcuteHepatitis_EitherAminotransferaseAbove_True()
    {
        var s = new PatientSnapshot
        {
            Labs = new LabPanel
            {
                Alt = Alt.FromUnitsPerLiter(50m), AltUpperLimit = Alt.FromUnitsPerLiter(40m),
                Ast = Ast.FromUnitsPerLiter(700m), AstUpperLimit = Ast.FromUnitsPerLiter(40m),
            },
        };
        Assert.True(PatientContext.AcuteHepatitis(s));
    }

    // The prevention plan's reading of chronic liver disease (ACIP): HBsAg positive implies it; false only when stated.
    [Fact]
    public void ChronicLiverDisease_HbsAgPositive_True()
    {
        var s = new PatientSnapshot { Serology = new SerologyPanel { HbsAg = SerologyResult.Of(QualitativeResult.Positive) } };
        Assert.True(PatientContext.ChronicLiverDisease(s));
    }

    [Fact]
    public void ChronicLiverDisease_NothingStated_Unknown() => Assert.Null(PatientContext.ChronicLiverDisease(new PatientSnapshot()));

    [Fact]
    public void ChronicLiverDisease_StatedFalseButCirrhosis_True()
    {
        var s = new PatientSnapshot { Findings = new() { ChronicLiverDisease = false, Cirrhosis = true } };
        Assert.True(PatientContext.ChronicLiverDisease(s));
    }

    // EASL 2017 ALF: acute liver failure is defined without pre-existing cirrhosis; what the snapshot states wins.
    [Theory]
    [InlineData(null, false, true, false)]
    [InlineData(null, false, null, null)]
    [InlineData(true, false, true, true)]
    [InlineData(null, true, true, true)]
    [InlineData(false, true, null, false)]
    public void AcuteLiverFailure_FromFindingCauseAndCirrhosis(bool? stated, bool causeGiven, bool? cirrhosis, bool? expected)
    {
        var s = new PatientSnapshot
        {
            Findings = new()
            {
                AcuteLiverFailure = stated, Cirrhosis = cirrhosis,
                AcuteLiverFailureCause = causeGiven ? Findings.AcuteLiverFailureCause.Acetaminophen : null,
            },
        };
        Assert.Equal(expected, PatientContext.AcuteLiverFailure(s));
    }
}
