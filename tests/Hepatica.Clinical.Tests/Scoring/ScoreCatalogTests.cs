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
            Assert.All(outcome.Missing, path => Assert.Contains(entry.Definition.Inputs, input => input.StartsWith(path, StringComparison.Ordinal)));
        }
    }

    [Property(Arbitrary = [typeof(ClinicalArbitraries)])]
    public bool Evaluate_AnyPatient_EveryResultWithinItsRange(Patient patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        var snapshot = patient.ToSnapshot(false);
        return ScoreCatalog.All.All(entry =>
        {
            var outcome = entry.Evaluate(snapshot);
            if (outcome.Status != OutcomeStatus.Calculated)
            {
                // The generated patients are adults with cirrhosis' inputs; scores for other settings may not apply.
                return outcome.Status == OutcomeStatus.NotApplicable || !Tests.Scores.Cases.AdultCirrhosisScores.Contains(entry.Definition.Id);
            }

            return outcome.Result!.Value >= entry.Definition.Minimum
                && (entry.Definition.Maximum is not { } max || outcome.Result.Value <= max);
        });
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
            && conventional.Labs.Platelets!.Value.BillionsPerLiter == si.Labs.Platelets!.Value.BillionsPerLiter;
        return sameLabs && ScoreCatalog.All.All(entry =>
        {
            var (x, y) = (entry.Evaluate(conventional), entry.Evaluate(si));
            if (x.Status != OutcomeStatus.Calculated || y.Status != OutcomeStatus.Calculated)
            {
                return x.Status == y.Status;
            }

            var (a, b) = (x.Result!, y.Result!);
            return a.Value == b.Value && a.Category == b.Category;
        });
    }

    [Property(Arbitrary = [typeof(ClinicalArbitraries)])]
    public bool Evaluate_AnyPatient_LastRoundingOrCapStepIsTheValue(Patient patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        var snapshot = patient.ToSnapshot(false);
        return ScoreCatalog.All.All(entry =>
        {
            if (entry.Evaluate(snapshot).Result is not { } result)
            {
                return true;
            }

            var reported = entry.Definition.Id == ChildPugh.Definition.Id || entry.Definition.Id == Gahs.Definition.Id
                ? result.Steps.Last(s => s.Kind == StepKind.Sum).Value
                : Tests.Scores.Cases.LastReportedStep(result);
            return reported == result.Value;
        });
    }
}
