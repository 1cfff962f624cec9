using System.Text.Json;
using Hepatica.Clinical.Scoring;
using System.Text.RegularExpressions;
using Json.Schema;

namespace Hepatica.Json.Tests;

/// <summary>
/// docs/schema/snapshot.schema.json is written from the reader's tables: changing a table without regenerating it
/// fails here; every sample snapshot validates against it, and documents the contract refuses fail it. docs/snapshot.md
/// lists exactly the keys of each table.
/// </summary>
public sealed partial class SnapshotSchemaTests
{
    private static readonly string Committed = Path.Combine(RepoRoot.Path, "docs", "schema", "snapshot.schema.json");

    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(Committed)));

    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    [Fact]
    public void Committed_EqualsTheReaderTables_MoveTheReceivedFileOverItToRegenerate()
    {
        var written = SnapshotSchema.Write();
        var committed = File.Exists(Committed) ? File.ReadAllText(Committed).ReplaceLineEndings("\n") : string.Empty;
        var received = Path.ChangeExtension(Committed, ".received.json");
        if (written != committed)
        {
            File.WriteAllText(received, written);
        }
        else
        {
            File.Delete(received);
        }

        Assert.Equal(committed, written);
    }

    [Fact]
    public void Committed_IsAJsonSchema202012()
    {
        var result = MetaSchemas.Draft202012.Evaluate(JsonDocument.Parse(File.ReadAllText(Committed)).RootElement, Options);

        Assert.True(result.IsValid, Describe(result));
    }

    public static TheoryData<string, string> Snapshots()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepoRoot.Path, "samples"), "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file), File.ReadAllText(file));
        }

        var lines = File.ReadAllLines(Path.Combine(RepoRoot.Path, "samples", "batch-sample.jsonl"));
        for (var i = 0; i < lines.Length; i++)
        {
            // The batch sample holds deliberately broken lines (malformed JSON, a unit mix-up): only what the reader accepts is a sample of the contract.
            if (lines[i].Trim().Length > 0 && !SnapshotReader.Read(lines[i]).Issues.Any(issue => issue.Severity == IssueSeverity.Error))
            {
                data.Add($"batch-sample.jsonl line {i + 1}", lines[i]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Snapshots))]
    public void Sample_ValidatesAgainstTheSchema(string name, string json)
    {
        var result = Schema.Value.Evaluate(JsonDocument.Parse(json).RootElement, Options);

        Assert.True(result.IsValid, name + ": " + Describe(result));
    }

    [Theory]
    [InlineData("""{"labs": {"bilirubin": {"unit": "mg/dL"}}}""", "a lab object without its value (LAB006)")]
    [InlineData("""{"labs": {"bilirubin": {"value": 2.1}}}""", "a lab that needs a unit without one (LAB001)")]
    [InlineData("""{"labs": {"bilirubin": {"value": 2.1, "unit": "furlongs"}}}""", "a unit outside the unit table (LAB002)")]
    [InlineData("""{"labs": {"bilirubin": {"value": "2.1", "unit": "mg/dL"}}}""", "a value that is not a JSON number (LAB003)")]
    [InlineData("""{"labs": [1, 2]}""", "labs not an object (SNP002)")]
    [InlineData("""{"sex": "unknown"}""", "a string outside its enumeration (SNP004)")]
    [InlineData("""{"findings": {"ascites": "severe"}}""", "ascites outside its enumeration (SNP004)")]
    [InlineData("""{"findings": {"cirrhosis": "yes"}}""", "a boolean given as a string (SNP002)")]
    [InlineData("""{"series": {"bilirubin": [{"value": 2.9, "unit": "mg/dL"}]}}""", "a series value without its date (DAT001)")]
    [InlineData("""{"assessmentDate": "20/11/2026"}""", "a date that is not YYYY-MM-DD (DAT001)")]
    [InlineData("""{"medications": {"class": "corticosteroid"}}""", "medications not an array (SNP002)")]
    [InlineData("""{"serology": {"hbsag": {"result": "weakly"}}}""", "a serology result outside its enumeration (SNP004)")]
    [InlineData("""{"dili": {"rucam": {"reexposure": "yes"}}}""", "a RUCAM choice outside its enumeration (SNP004)")]
    [InlineData("""[]""", "not an object (SNP002)")]
    public void Broken_RefusedByTheReader_FailsTheSchema(string json, string why)
    {
        Assert.Contains(SnapshotReader.Read(json).Issues, i => i.Severity == IssueSeverity.Error);
        Assert.False(Schema.Value.Evaluate(JsonDocument.Parse(json).RootElement, Options).IsValid, why);
    }

    public static TheoryData<string, string> DocumentedTables() => new()
    {
        { "## Top level", nameof(SnapshotReader.Top) },
        { "## `labs`", nameof(SnapshotReader.Labs) },
        { "## `findings`", nameof(SnapshotReader.Findings) },
        { "## `autoimmune`", nameof(SnapshotReader.Autoimmune) },
        { "## `dili`", nameof(SnapshotReader.Dili) },
        { "`dili.rucam` (", nameof(SnapshotReader.Rucam) },
        { "## `alcohol`", nameof(SnapshotReader.Alcohol) },
        { "## `serology`", nameof(SnapshotReader.Serology) },
        { "`medications[]`:", nameof(SnapshotReader.MedicationItem) },
        { "`vaccinations[]`:", nameof(SnapshotReader.VaccinationItem) },
        { "`history`:", nameof(SnapshotReader.History) },
    };

    [Theory]
    [MemberData(nameof(DocumentedTables))]
    public void SnapshotMd_KeyTable_ListsExactlyTheReaderTablesKeys(string heading, string table)
    {
        var fields = (ContractObject)typeof(SnapshotReader).GetField(table, System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.NonPublic)!.GetValue(null)!;

        Assert.Equal(fields.Fields.Where(f => f.Listed).Select(f => f.Name).Order(StringComparer.Ordinal), KeysOfTableAfter(heading).Order(StringComparer.Ordinal));
    }

    /// <summary>The backticked names in the first column of the first table after the line starting with <paramref name="heading"/>.</summary>
    private static List<string> KeysOfTableAfter(string heading)
    {
        var lines = File.ReadAllLines(Path.Combine(RepoRoot.Path, "docs", "snapshot.md"));
        var at = Array.FindIndex(lines, l => l.StartsWith(heading, StringComparison.Ordinal));
        Assert.True(at >= 0, "docs/snapshot.md has no line starting with " + heading);
        var header = Array.FindIndex(lines, at, l => l.StartsWith("| key", StringComparison.Ordinal));
        var keys = new List<string>();
        for (var i = header + 2; i < lines.Length && lines[i].StartsWith('|'); i++)
        {
            keys.AddRange(Backticked().Matches(lines[i].Split('|')[1]).Select(m => m.Groups[1].Value));
        }

        return keys;
    }

    private static string Describe(EvaluationResults result) =>
        string.Join("; ", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).Select(d => $"{d.InstanceLocation}: {string.Join(", ", d.Errors!.Values)}"));

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Backticked();
}
