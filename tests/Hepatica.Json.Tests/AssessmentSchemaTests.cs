using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Hepatica.Json.Tests;

/// <summary>
/// docs/schema/assessment.schema.json (JSON Schema 2020-12) describes what the writer writes: every JSON output golden,
/// and every sample under samples/ assessed in full and in compact detail, validate against it; outputs broken in one
/// place each do not.
/// </summary>
public sealed class AssessmentSchemaTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromFile(RepoRoot.File("docs", "schema", "assessment.schema.json"));

    private static readonly string CliGoldens = RepoRoot.File("tests", "Hepatica.Cli.Tests", "Expectations", "GoldenTests");

    /// <summary>Every JSON output the repository approves or can produce from its samples, by name.</summary>
    public static TheoryData<string> Outputs()
    {
        var names = new TheoryData<string>();
        foreach (var folder in Directory.GetDirectories(CliGoldens, "*_json").Order(StringComparer.Ordinal))
        {
            names.Add("golden " + Path.GetFileName(folder));
        }

        names.Add("golden Batch_sample.approved.txt");
        foreach (var file in Directory.GetFiles(RepoRoot.File("samples"), "*.json*").Order(StringComparer.Ordinal))
        {
            names.Add("full " + Path.GetFileName(file));
            names.Add("compact " + Path.GetFileName(file));
        }

        return names;
    }

    /// <summary>The records an output name stands for (one per line for JSON Lines).</summary>
    private static IEnumerable<string> Records(string name)
    {
        var (how, file) = (name[..name.IndexOf(' ', StringComparison.Ordinal)], name[(name.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
        if (how == "golden")
        {
            return file.StartsWith("Batch", StringComparison.Ordinal)
                ? Lines(File.ReadAllText(Path.Combine(CliGoldens, file)))
                : [Golden.Assemble(Path.Combine(CliGoldens, file))];
        }

        var detail = how == "full" ? Detail.Full : Detail.Compact;
        var input = File.ReadAllText(RepoRoot.File("samples", file));
        return file.EndsWith(".jsonl", StringComparison.Ordinal)
            ? Lines(input).Select((line, i) => AssessmentWriterTests.Render(line, detail, i + 1))
            : [AssessmentWriterTests.Render(input, detail)];
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static EvaluationResults Evaluate(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return Schema.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    private static string Why(EvaluationResults results) => string.Join("\n", (results.Details ?? [])
        .Where(d => d.Errors is { Count: > 0 })
        .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}"))
        .Take(20));

    [Theory]
    [MemberData(nameof(Outputs))]
    public void Output_IsDescribedByTheSchema_Validates(string output)
    {
        var records = Records(output).ToList();
        Assert.NotEmpty(records);
        foreach (var record in records)
        {
            var results = Evaluate(record);
            Assert.True(results.IsValid, $"{output}: {Why(results)}");
        }
    }

    [Fact]
    public void Schema_IsJsonSchema2020_12_Declared()
    {
        var schema = JsonNode.Parse(File.ReadAllText(RepoRoot.File("docs", "schema", "assessment.schema.json")))!;
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", (string?)schema["$schema"]);
    }

    /// <summary>One change each to a valid full record of samples/demo-001.json.</summary>
    public static TheoryData<string> Breakages() =>
    [
        "no scores",
        "unknown top-level key",
        "status not in the contract",
        "calculated score without value",
        "score value as text",
        "not-calculable score without missing",
        "issue code not three capitals and three digits",
        "step kind not in the contract",
        "citation without year",
        "asOfSource not in the contract",
        "unreadable record with scores",
    ];

    [Theory]
    [MemberData(nameof(Breakages))]
    public void Output_BrokenInOnePlace_FailsValidation(string breakage)
    {
        var record = JsonNode.Parse(AssessmentWriterTests.Render(File.ReadAllText(RepoRoot.File("samples", "demo-001.json")), Detail.Full))!.AsObject();
        Assert.True(Evaluate(record.ToJsonString()).IsValid); // the starting point is valid
        var scores = record["scores"]!.AsArray();
        var calculated = scores.First(s => (string?)s!["status"] == "calculated")!.AsObject();
        switch (breakage)
        {
            case "no scores": record.Remove("scores"); break;
            case "unknown top-level key": record["favouriteColour"] = "green"; break;
            case "status not in the contract": record["status"] = "fine"; break;
            case "calculated score without value": calculated.Remove("value"); break;
            case "score value as text": calculated["value"] = "21"; break;
            case "not-calculable score without missing": scores.Add(new JsonObject { ["id"] = "meld", ["version"] = "1.0.0", ["status"] = "not-calculable", ["citations"] = new JsonArray() }); break;
            case "issue code not three capitals and three digits": record["warnings"] = new JsonArray(new JsonObject { ["code"] = "lab1", ["severity"] = "warning", ["path"] = "labs", ["message"] = "m" }); break;
            case "step kind not in the contract": calculated["steps"]![0]!["kind"] = "guess"; break;
            case "citation without year": calculated["citations"]![0]!.AsObject().Remove("year"); break;
            case "asOfSource not in the contract": record["asOfSource"] = "yesterday"; break;
            case "unreadable record with scores": record["status"] = "error"; break;
            default: throw new ArgumentOutOfRangeException(nameof(breakage), breakage, "No such breakage.");
        }

        Assert.False(Evaluate(record.ToJsonString()).IsValid, breakage);
    }
}
