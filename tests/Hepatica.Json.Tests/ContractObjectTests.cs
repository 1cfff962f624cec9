using System.Text;
using System.Text.Json;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Json.Tests;

/// <summary>The one engine that walks an object of the contract by its table.</summary>
public sealed class ContractObjectTests
{
    /// <summary>40 keys: more than the 31 the old bit mask could hold.</summary>
    private static readonly ContractObject<int> Wide = new("wide", "forty keys",
        [.. Enumerable.Range(0, 40).Select(i => new Field<int>($"k{i}", Shape.Number, "a key", (ref Utf8JsonReader r, ref int count, in Site at) => count++))]);

    [Fact]
    public void Read_KeyPast31GivenTwice_Snp007AndTheRepeatSkipped()
    {
        var (count, issues, repeated) = Read("""{"k39": 1, "k0": 2, "k39": 3}""");

        Assert.Equal(2, count);
        Assert.True(repeated);
        var issue = Assert.Single(issues);
        Assert.Equal((IssueCodes.DuplicateKey, "wide.k39"), (issue.Code, issue.Path));
    }

    [Fact]
    public void Read_UnknownKey_Snp003NamesTheTablesKeysInOrder()
    {
        var (count, issues, _) = Read("""{"k40": 1}""");

        Assert.Equal(0, count);
        var issue = Assert.Single(issues);
        Assert.Equal((IssueCodes.UnknownKey, IssueSeverity.Warning, "wide.k40"), (issue.Code, issue.Severity, issue.Path));
        Assert.EndsWith("Known keys here: " + string.Join(", ", Enumerable.Range(0, 40).Select(i => $"k{i}")) + ".", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Known_UnlistedField_LeftOutOfTheKnownKeys()
    {
        Assert.Equal("result, date", SnapshotReader.QualitativeTest.Known);
        Assert.Equal("result, value, unit, date", SnapshotReader.QuantitativeTest.Known);
    }

    private static (int Count, List<InputIssue> Issues, bool Repeated) Read(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        var issues = new List<InputIssue>();
        var count = 0;
        Assert.True(Wide.Read(ref reader, ref count, "wide", issues, out var repeated));
        return (count, issues, repeated);
    }
}
