using System.Reflection;
using System.Text.RegularExpressions;
using Hepatica.Clinical.Findings;
using Hepatica.Clinical.Scores;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Tests.Scoring;

/// <summary>
/// Points tables (Scoring/PointsTable.cs) are the one place a selection's points, words and snapshot spelling are
/// written: every member of every enum a table scores has exactly one row (a new member without one would otherwise
/// score a default silently), and the breakdown shows the row's words, never the C# member name.
/// </summary>
public sealed class PointsTableTests
{
    // Every public static PointsTable<T> field of the clinical core, found by reflection (NodaTime's MutabilityTest).
    private static readonly (Type Enum, string Name, IEnumerable<object> Rows)[] Tables =
    [
        .. typeof(Rucam).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.FieldType.IsGenericType && f.FieldType.GetGenericTypeDefinition() == typeof(PointsTable<>))
            .Select(f => (f.FieldType.GetGenericArguments()[0], $"{f.DeclaringType!.Name}.{f.Name}",
                ((System.Collections.IEnumerable)f.FieldType.GetProperty("Rows")!.GetValue(f.GetValue(null))!).Cast<object>())),
    ];

    [Fact]
    public void Tables_RucamAndChildPugh_AreFound()
    {
        var names = Tables.Select(t => t.Name).ToList();
        Assert.Contains("Rucam.Concomitant", names);
        Assert.Contains("Rucam.HepatocellularCourse", names);
        Assert.Contains("ChildPugh.AscitesPoints", names);
    }

    [Fact]
    public void EveryMember_OfEveryPointsEnum_HasExactlyOneRow()
    {
        Assert.All(Tables.GroupBy(t => t.Enum), group =>
        {
            var rows = group.SelectMany(t => t.Rows).Distinct(ReferenceEqualityComparer.Instance).ToList();
            foreach (var member in Enum.GetValues(group.Key))
            {
                var count = rows.Count(r => Equals(r.GetType().GetProperty("Value")!.GetValue(r), member));
                Assert.True(count == 1, $"{group.Key.Name}.{member} has {count} rows in {string.Join(", ", group.Select(t => t.Name))}.");
            }
        });
    }

    [Fact]
    public void Rows_Spellings_AreKebabCaseAndWordsHaveNoIdentifier()
    {
        var identifier = new Regex(@"\b[A-Z][a-z]+[A-Z][A-Za-z0-9]*\b", RegexOptions.None, TimeSpan.FromSeconds(1));
        Assert.All(Tables.SelectMany(t => t.Rows), row =>
        {
            var text = (string)row.GetType().GetProperty("Text")!.GetValue(row)!;
            var words = (string)row.GetType().GetProperty("Words")!.GetValue(row)!;
            Assert.Matches(new Regex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.None, TimeSpan.FromSeconds(1)), text);
            Assert.DoesNotMatch(identifier, words);
        });
    }

    [Fact]
    public void Indexer_MemberOffTheScale_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Rucam.HepatocellularCourse[RucamCourse.PersistenceOrIncrease]);

    [Fact]
    public void Constructor_TwoRowsForOneSelection_Throws() =>
        Assert.Throws<ArgumentException>(() => new PointsTable<RucamReexposure>(
            new(RucamReexposure.Negative, "negative", "negative", -2), new(RucamReexposure.Negative, "negative-again", "negative", -2)));

    [Fact]
    public void Rucam_Breakdown_ShowsEachSelectionInWordsNotItsMemberName()
    {
        // Danan 2016 table: concomitant drug with evidence of its role −3, alternative cause highly probable −3.
        var result = Rucam.Calculate(new Rucam.Inputs(true, RucamTimeToOnset.Suggestive, RucamCourse.Decrease50Within8Days, false, 40m, false,
            RucamConcomitant.EvidenceOfRole, RucamAlternativeCauses.AlternativeHighlyProbable, RucamPreviousHepatotoxicity.PublishedUnlabelled, RucamReexposure.PositiveDrugAlone));
        var details = string.Join("\n", result.Steps.Select(s => s.Label + " " + s.Detail));
        Assert.Contains("ALT decrease ≥ 50% within 8 days: +3 (Danan 2016, hepatocellular scale)", details);
        Assert.Contains("alternative cause highly probable: −3 (Danan 2016)", details);
        foreach (var member in new Enum[] { RucamCourse.Decrease50Within8Days, RucamConcomitant.EvidenceOfRole, RucamAlternativeCauses.AlternativeHighlyProbable, RucamPreviousHepatotoxicity.PublishedUnlabelled, RucamReexposure.PositiveDrugAlone })
        {
            Assert.DoesNotContain(member.ToString(), details, StringComparison.Ordinal);
        }
    }
}
