using System.Reflection;
using System.Text.RegularExpressions;
using Hepatica.Fhir.Terminology;

namespace Hepatica.Cli.Tests;

/// <summary>
/// <see cref="IssueConcepts"/> is the ONE table of issue codes (docs/fhir/CodeSystem-hepatica-issue.json): it lists
/// every <c>const string</c> whose value is an issue code (<c>AAA000</c>) of every static class, public or internal, of
/// the product assemblies this project references (Clinical, Json, Fhir, Store, Cli), and of Hepatica.Web by its source
/// (this project does not reference the web host: building it needs npm), and nothing else.
/// </summary>
public sealed partial class IssueConceptsTests
{
    private static readonly Assembly[] Assemblies =
    [
        typeof(global::Hepatica.Clinical.Scoring.IssueCodes).Assembly,
        typeof(global::Hepatica.Json.JsonInput).Assembly,
        typeof(global::Hepatica.Fhir.FhirIssueCodes).Assembly,
        typeof(global::Hepatica.Store.IngestIssueCodes).Assembly,
        typeof(ExitCodes).Assembly,
    ];

    [Fact]
    public void Table_ListsEveryIssueCodeConstant_AndNoOther()
    {
        var constants = Constants().Concat(WebConstants()).ToList();
        var table = IssueConcepts.InputIssues.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);

        var missing = constants.Where(c => !table.Contains(c.Code)).Select(c => $"{c.Code} ({c.Where})").Distinct().Order(StringComparer.Ordinal).ToList();
        var stale = table.Except(constants.Select(c => c.Code), StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count + stale.Count == 0,
            $"add to IssueConcepts.InputIssues: [{string.Join(", ", missing)}]; no constant has these codes any more: [{string.Join(", ", stale)}]");
    }

    [Fact]
    public void Constants_EachCodeHasOneMeaning_OneConstantPerCode()
    {
        var twice = Constants().Concat(WebConstants()).GroupBy(c => c.Code, StringComparer.Ordinal).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(c => c.Where))}").ToList();

        Assert.Empty(twice);
    }

    [Fact]
    public void WebSourceScan_FindsTheWebCodes() =>
        Assert.Contains(WebConstants(), c => c.Code == "API001"); // the scan itself works

    [Fact]
    public void Table_CodesUnique_EachWithDisplayAndDefinition()
    {
        Assert.Equal(IssueConcepts.All.Count, IssueConcepts.All.Select(c => c.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.All(IssueConcepts.All, c => Assert.False(string.IsNullOrWhiteSpace(c.Display) || string.IsNullOrWhiteSpace(c.Definition), c.Code));
        Assert.All(IssueConcepts.InputIssues, c => Assert.Matches(IssueCode(), c.Code));
    }

    private static IEnumerable<(string Code, string Where)> Constants() =>
        from assembly in Assemblies
        from type in assembly.GetTypes()
        where type.IsAbstract && type.IsSealed // static classes
        from field in type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly)
        where field.IsLiteral && field.FieldType == typeof(string)
        let value = (string)field.GetRawConstantValue()!
        where IssueCode().IsMatch(value)
        select (value, $"{type.FullName}.{field.Name}");

    private static IEnumerable<(string Code, string Where)> WebConstants() =>
        from file in Directory.GetFiles(RepoRoot.File("src", "Hepatica.Web"), "*.cs", SearchOption.AllDirectories)
        where !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
        from Match m in WebConstant().Matches(File.ReadAllText(file))
        select (m.Groups[2].Value, $"{Path.GetFileName(file)}: {m.Groups[1].Value}");

    [GeneratedRegex("^[A-Z]{3}[0-9]{3}$")]
    private static partial Regex IssueCode();

    [GeneratedRegex("""const string (\w+) = "([A-Z]{3}[0-9]{3})";""")]
    private static partial Regex WebConstant();
}
