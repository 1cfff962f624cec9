using System.Reflection;
using System.Text.RegularExpressions;
using FsCheck.Xunit;
using Hepatica.Clinical.Scores;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Tests.Scoring;

/// <summary>
/// Conventions checked by reflection (after NodaTime's MutabilityTest) and catalog-wide properties: every score has
/// citations with years, a version, a rounding note and a range; ids are unique kebab-case; every score class is in the
/// catalog; results stay in range, do not depend on the units the labs were reported in, and the last rounding or cap
/// step of the breakdown is the reported value.
/// </summary>
public sealed partial class ScoreCatalogTests
{
    public static TheoryData<string> Ids => [.. ScoreCatalog.All.Select(e => e.Definition.Id)];

    [Theory]
    [MemberData(nameof(Ids))]
    public void Definition_EveryEntry_HasCitationsVersionRoundingAndRange(string id)
    {
        var definition = ScoreCatalog.Find(id)!.Definition;
        Assert.NotEmpty(definition.Citations);
        Assert.All(definition.Citations, c =>
        {
            Assert.False(string.IsNullOrWhiteSpace(c.Key));
            Assert.False(string.IsNullOrWhiteSpace(c.Reference));
            Assert.InRange(c.Year, 1950, 2100);
        });
        Assert.Matches(@"^\d+\.\d+\.\d+$", definition.Version);
        Assert.False(string.IsNullOrWhiteSpace(definition.Name));
        Assert.False(string.IsNullOrWhiteSpace(definition.Rounding));
        Assert.NotEmpty(definition.Inputs);
        if (definition.Maximum is { } max)
        {
            Assert.True(definition.Minimum <= max, $"{id}: minimum {definition.Minimum} > maximum {max}");
        }
    }

    [Fact]
    public void Ids_AllEntries_UniqueAndKebabCase()
    {
        var ids = ScoreCatalog.All.Select(e => e.Definition.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(ids, id => Assert.Matches(new Regex(@"^[a-z0-9]+(\.[0-9]+)?(-[a-z0-9]+(\.[0-9]+)?)*$", RegexOptions.None, TimeSpan.FromSeconds(1)), id));
    }

    [Fact]
    public void Find_EveryId_ReturnsItsEntry()
    {
        Assert.All(ScoreCatalog.All, e => Assert.Same(e, ScoreCatalog.Find(e.Definition.Id)));
        Assert.Null(ScoreCatalog.Find("no-such-score"));
    }

    [Fact]
    public void Catalog_EveryScoreClassWithDefinition_IsListed()
    {
        var scoreClasses = typeof(Meld).Assembly.GetTypes()
            .Where(t => t is { IsPublic: true, IsAbstract: true, IsSealed: true } && t.Namespace == "Hepatica.Clinical.Scores")
            .Select(t => t.GetField("Definition", BindingFlags.Public | BindingFlags.Static))
            .Where(f => f?.FieldType == typeof(ScoreDefinition))
            .Select(f => (ScoreDefinition)f!.GetValue(null)!)
            .ToList();
        Assert.NotEmpty(scoreClasses);
        Assert.All(scoreClasses, d => Assert.Contains(ScoreCatalog.All, e => ReferenceEquals(e.Definition, d)));
        Assert.Equal(scoreClasses.Count, ScoreCatalog.All.Count);
    }

    [Fact]
    public void ClinicalAssembly_References_OnlyTheFramework()
    {
        var references = typeof(ScoreCatalog).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.NotEmpty(references);
        Assert.All(references, name => Assert.True(
            name.StartsWith("System", StringComparison.Ordinal) || name.StartsWith("Microsoft.", StringComparison.Ordinal) || name is "netstandard" or "mscorlib",
            $"Hepatica.Clinical references {name}, which is not part of the framework"));
    }

    [Fact]
    public void Evaluate_EmptySnapshot_EveryMissingPathIsADeclaredInput()
    {
        foreach (var entry in ScoreCatalog.All)
        {
            var outcome = entry.Evaluate(new PatientSnapshot());
            Assert.Equal(OutcomeStatus.NotCalculable, outcome.Status);
            Assert.All(outcome.Missing, path => Assert.Contains(entry.Definition.Inputs, input => input.Path.StartsWith(path, StringComparison.Ordinal)));
        }
    }

    // A generated patient has every input, so no score is "not calculable"; a score may not apply (the King's College
    // criteria split by cause, CLIF-C ACLF and CLIF-C AD by the ACLF grade). Every calculated result is checked.
    [Property(Arbitrary = [typeof(ClinicalArbitraries)])]
    public bool Evaluate_AnyPatient_EveryResultWithinItsRange(Patient patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        var snapshot = patient.ToSnapshot(false);
        return ScoreCatalog.All.All(entry =>
        {
            var outcome = entry.Evaluate(snapshot);
            return outcome.Status == OutcomeStatus.NotApplicable
                || (outcome.Status == OutcomeStatus.Calculated
                    && outcome.Result!.Value >= entry.Definition.Minimum
                    && (entry.Definition.Maximum is not { } max || outcome.Result.Value <= max));
        });
    }

    [Property(Arbitrary = [typeof(ClinicalArbitraries)])]
    public bool Evaluate_AnyPatient_ApplicabilityFollowsCauseAndAclfGrade(Patient patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        var snapshot = patient.ToSnapshot(false);
        var acetaminophen = patient.Critical.Cause == Findings.AcuteLiverFailureCause.Acetaminophen;
        var aclf = AclfGrade.Evaluate(snapshot).Result!.Value > 0m;
        return Applies(KccAcetaminophen.Evaluate(snapshot)) == acetaminophen
            && Applies(KccAcetaminophenLactate.Evaluate(snapshot)) == acetaminophen
            && Applies(KccNonAcetaminophen.Evaluate(snapshot)) == !acetaminophen
            && Applies(ClifCAclf.Evaluate(snapshot)) == aclf
            && Applies(ClifCAd.Evaluate(snapshot)) == !aclf
            && Applies(IciHepatitisGrade.Evaluate(snapshot)) == patient.Causes.ImmuneCheckpointInhibitor
            && Applies(Rucam.Evaluate(snapshot)) == (patient.Rucam.TimeToOnset != Findings.RucamTimeToOnset.Unrelated);

        static bool Applies(ScoreOutcome outcome) => outcome.Status switch
        {
            OutcomeStatus.Calculated => true,
            OutcomeStatus.NotApplicable => false,
            _ => throw new InvalidOperationException($"{outcome.Definition.Id}: not calculable ({outcome.Reason}) for a patient with every input"),
        };
    }

    [Property(Arbitrary = [typeof(ClinicalArbitraries)])]
    public bool Evaluate_SiOrConventionalUnits_SameCanonicalValuesAndResults(Patient patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        var conventional = patient.ToSnapshot(false);
        var si = patient.ToSnapshot(true);
        var sameLabs = conventional.Labs.Bilirubin!.Value.MilligramsPerDeciliter == si.Labs.Bilirubin!.Value.MilligramsPerDeciliter
            && conventional.Labs.Creatinine!.Value.MilligramsPerDeciliter == si.Labs.Creatinine!.Value.MilligramsPerDeciliter
            && conventional.Labs.Albumin!.Value.GramsPerDeciliter == si.Labs.Albumin!.Value.GramsPerDeciliter
            && conventional.Labs.Platelets!.Value.BillionsPerLiter == si.Labs.Platelets!.Value.BillionsPerLiter
            && conventional.Labs.Wbc!.Value.BillionsPerLiter == si.Labs.Wbc!.Value.BillionsPerLiter;
        return sameLabs && ScoreCatalog.All.All(entry =>
        {
            var a = entry.Evaluate(conventional);
            var b = entry.Evaluate(si);
            return a.Status == b.Status && a.Result?.Value == b.Result?.Value && a.Result?.Category == b.Result?.Category;
        });
    }

    // Scores without a rounding step (points and criteria) report their last sum.
    [Property(Arbitrary = [typeof(ClinicalArbitraries)])]
    public bool Evaluate_AnyPatient_LastRoundingOrCapStepIsTheValue(Patient patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        var snapshot = patient.ToSnapshot(false);
        return ScoreCatalog.All.All(entry =>
        {
            var result = entry.Evaluate(snapshot).Result;
            if (result is null)
            {
                return true;
            }

            var reported = Tests.Scores.Cases.LastReportedStep(result) ?? result.Steps.Last(s => s.Kind == StepKind.Sum).Value;
            return reported == result.Value;
        });
    }
}
