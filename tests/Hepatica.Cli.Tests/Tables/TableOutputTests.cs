using System.Globalization;
using System.Text.Json;
using Hepatica.Cli.Tables;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Cli.Tests.Tables;

/// <summary>
/// <c>batch</c> and <c>bulk</c> with <c>--output parquet</c> and <c>--output csv</c>, read back with DuckDB (an
/// independent reader) and compared cell by cell with the JSON records of the same input and run instant: every score
/// status, value, unrounded value, category, range bound, missing input and issue code of the table must be what the
/// JSON record says (docs/tables.md).
/// </summary>
public sealed class TableOutputTests : IDisposable
{
    private const string Issued = "2026-12-01T00:00:00Z";
    private static readonly string BulkSample = Path.GetFullPath(Path.Combine(RepoRoot.Path, "..", "shared", "data", "fhir-samples", "bulk-ndjson-10-patients"));
    private readonly string work = Directory.CreateTempSubdirectory("hepatica-table-test-").FullName;

    public void Dispose() => Directory.Delete(work, recursive: true);

    /// <summary>The batch sample, every sample snapshot on one line, a blank line and a broken one: every outcome status, input errors and unreadable lines.</summary>
    private string Input()
    {
        var lines = File.ReadAllLines(RepoRoot.File("samples", "batch-sample.jsonl")).ToList();
        foreach (var file in Directory.EnumerateFiles(RepoRoot.File("samples"), "*.json").Order(StringComparer.Ordinal))
        {
            lines.Add(JsonSerializer.Serialize(JsonDocument.Parse(File.ReadAllText(file)).RootElement));
        }

        lines.Add(string.Empty);
        lines.Add("""{"id":"cut-short","labs":""");
        var path = Path.Combine(work, "in.jsonl");
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
        return path;
    }

    private async Task<string> Batch(string input, string name, params string[] extra)
    {
        var output = Path.Combine(work, name);
        var r = await Hepatica.Run(["batch", input, output, "--issued", Issued, "--no-progress", .. extra]);
        Assert.True(r.ExitCode is 0 or 1, r.Stderr); // 1: some lines had errors, on purpose
        return output;
    }

    [Fact]
    public async Task BatchParquet_EveryCellEqualsTheFullJsonRecordOfTheSameLine()
    {
        var input = Input();
        var json = await Batch(input, "full.jsonl", "--explain"); // full detail: not-calculable scores with their missing inputs
        var parquet = await Batch(input, "out.parquet", "--output", "parquet");

        var records = File.ReadAllLines(json).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var rows = Duck.Rows($"SELECT * FROM read_parquet({Duck.Quote(parquet)}) ORDER BY line");

        Assert.Equal(records.Count, rows.Count);
        Assert.Equal(TableLayout.For(null).Columns.Select(c => c.Name), rows[0].Keys);
        for (var i = 0; i < rows.Count; i++)
        {
            AssertRowIsRecord(rows[i], records[i], expectLine: true);
        }

        // Every outcome kind and both unreadable kinds are in this input, so every column kind was compared.
        var statuses = rows.SelectMany(r => r.Where(c => c.Key.EndsWith("_status", StringComparison.Ordinal) && c.Key != "record_status").Select(c => (string?)c.Value)).ToHashSet();
        Assert.Superset(new HashSet<string?> { "calculated", "range", "not-calculable", "not-applicable" }, statuses);
        Assert.Superset(new HashSet<string> { "ok", "input-errors", "error" }, rows.Select(r => (string)r["record_status"]!).ToHashSet());
    }

    [Fact]
    public async Task BatchParquet_TypesAreTheDictionarysAndTheMetadataNamesTheRun()
    {
        var parquet = await Batch(Input(), "out.parquet", "--output", "parquet", "--profile", "uk");

        var layout = TableLayout.For(null);
        var expected = layout.Columns.Select(c => (c.Name, c.Type switch
        {
            CellType.Text => "VARCHAR",
            CellType.Integer => "BIGINT",
            CellType.Number => "DOUBLE",
            _ => throw new InvalidOperationException(),
        }));
        Assert.Equal(expected, Duck.Columns($"read_parquet({Duck.Quote(parquet)})"));
        var metadata = Duck.Rows($"SELECT decode(key) AS k, decode(value) AS v FROM parquet_kv_metadata({Duck.Quote(parquet)})")
            .ToDictionary(r => (string)r["k"]!, r => (string)r["v"]!);
        Assert.Equal(TableLayout.Version, metadata["hepatica.columns"]);
        Assert.Equal(global::Hepatica.Clinical.Engine.Version, metadata["hepatica.engineVersion"]);
        Assert.Equal("uk", metadata["hepatica.profile"]);
        Assert.Equal(Issued, metadata["hepatica.issued"]);
        Assert.Equal(string.Join(',', ScoreCatalog.All.Select(e => e.Definition.Id)), metadata["hepatica.scores"]);
        Assert.Equal("ukeld", Duck.Scalar($"SELECT DISTINCT allocation_score FROM read_parquet({Duck.Quote(parquet)}) WHERE allocation_score IS NOT NULL"));
    }

    [Fact]
    public async Task BatchCsv_HeaderIsTheDictionaryAndEveryCellIsTheParquetCellAsText()
    {
        var input = Input();
        var csv = await Batch(input, "out.csv", "--output", "csv");
        var parquet = await Batch(input, "out.parquet", "--output", "parquet");

        var layout = TableLayout.For(null);
        var header = File.ReadLines(csv).First();
        Assert.Equal(string.Join(',', layout.Columns.Select(c => c.Name)), header);
        Assert.EndsWith("\r\n", File.ReadAllText(csv), StringComparison.Ordinal); // RFC 4180 line ends
        var fromCsv = Duck.Rows($"SELECT * FROM read_csv({Duck.Quote(csv)}, header = true, all_varchar = true, quote = '\"', escape = '\"') ORDER BY CAST(line AS BIGINT)");
        var fromParquet = Duck.Rows($"SELECT * FROM read_parquet({Duck.Quote(parquet)}) ORDER BY line");
        Assert.Equal(fromParquet.Count, fromCsv.Count);
        for (var i = 0; i < fromCsv.Count; i++)
        {
            foreach (var column in layout.Columns)
            {
                Assert.True(Duck.Text(fromParquet[i][column.Name]) == (string?)fromCsv[i][column.Name], $"line {i + 1}, {column.Name}: parquet {Duck.Text(fromParquet[i][column.Name])}, csv {fromCsv[i][column.Name]}");
            }
        }
    }

    [Fact]
    public async Task BatchCsv_TextWithCommasQuotesAndLineBreaks_IsQuotedAndReadsBackWhole()
    {
        var line = JsonSerializer.Serialize(JsonDocument.Parse(File.ReadAllText(RepoRoot.File("samples", "demo-001.json"))).RootElement)
            .Replace("\"demo-001\"", "\"a,b \\\"c\\\"\\nd\"", StringComparison.Ordinal);
        var input = Path.Combine(work, "odd.jsonl");
        File.WriteAllText(input, line + "\n");

        var csv = await Batch(input, "odd.csv", "--output", "csv");

        Assert.Contains("\"a,b \"\"c\"\"\nd\"", File.ReadAllText(csv), StringComparison.Ordinal);
        Assert.Equal("a,b \"c\"\nd", Duck.Scalar($"SELECT id FROM read_csv({Duck.Quote(csv)}, header = true, all_varchar = true, quote = '\"', escape = '\"')"));
    }

    [Fact]
    public async Task BatchParquet_MoreRowsThanOneRowGroup_AllRowsInOrder()
    {
        var rows = TableOutput.RowGroupRows + 1_000;
        var input = Generated.JsonLines(Path.Combine(work, "many.jsonl"), rows);

        var parquet = await Batch(input, "many.parquet", "--output", "parquet", "--scores", "meld-3.0,child-pugh");

        Assert.Equal(2L, Duck.Scalar($"SELECT count(*) FROM parquet_metadata({Duck.Quote(parquet)}) WHERE column_id = 0"));
        Assert.Equal((long)rows, Duck.Scalar($"SELECT count(*) FROM read_parquet({Duck.Quote(parquet)})"));
        Assert.Equal(0L, Duck.Scalar($"SELECT count(*) FROM (SELECT line, id FROM read_parquet({Duck.Quote(parquet)}) WHERE id <> 'p' || line)"));
        Assert.Equal(["line", "id"], Duck.Columns($"read_parquet({Duck.Quote(parquet)})").Take(2).Select(c => c.Name));
        Assert.Equal(TableLayout.RecordColumns.Count + (2 * TableLayout.ScoreFields.Count), Duck.Columns($"read_parquet({Duck.Quote(parquet)})").Count);
        Assert.Equal(26.0, Duck.Scalar($"SELECT DISTINCT meld_3_0_value FROM read_parquet({Duck.Quote(parquet)})")); // demo-001 (no dialysis): Kim 2021 gives 26.42, reported 26 (worked in docs/scores.md, "range")
    }

    [Fact]
    public async Task BatchParquet_EmptyInput_AFileWithTheSchemaAndNoRows()
    {
        var input = Path.Combine(work, "empty.jsonl");
        File.WriteAllText(input, string.Empty);

        var parquet = await Batch(input, "empty.parquet", "--output", "parquet");

        Assert.Equal(0L, Duck.Scalar($"SELECT count(*) FROM read_parquet({Duck.Quote(parquet)})"));
        Assert.Equal(TableLayout.For(null).Columns.Count, Duck.Columns($"read_parquet({Duck.Quote(parquet)})").Count);
    }

    [Theory]
    [InlineData("--output", "xlsx", "--output 'xlsx' is not json, csv or parquet.")]
    [InlineData("--shard", "3/3", "--shard '3/3' is not i/N")]
    [InlineData("--shard", "1", "--shard '1' is not i/N")]
    public async Task Batch_BadTableOptions_UsageErrorNamingTheValue(string option, string value, string message)
    {
        var output = Path.Combine(work, "never.parquet");

        var r = await Hepatica.Run("batch", Input(), output, option, value, "--no-progress");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task Batch_ExplainWithATable_Refused()
    {
        var r = await Hepatica.Run("batch", Input(), Path.Combine(work, "x.csv"), "--output", "csv", "--explain");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--explain", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BulkParquet_EveryPatientsCellsEqualTheirJsonRecord()
    {
        var json = Path.Combine(work, "bulk.ndjson");
        var parquet = Path.Combine(work, "bulk.parquet");
        var a = await Hepatica.Run("bulk", BulkSample, json, "--as-of", "2026-11-20", "--issued", Issued, "--no-progress");
        var b = await Hepatica.Run("bulk", BulkSample, parquet, "--as-of", "2026-11-20", "--issued", Issued, "--no-progress", "--output", "parquet");
        Assert.Equal(0, a.ExitCode);
        Assert.Equal(0, b.ExitCode);

        var records = File.ReadAllLines(json).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var rows = Duck.Rows($"SELECT * FROM read_parquet({Duck.Quote(parquet)})"); // in file order: patient-id order, as the JSON
        Assert.Equal(records.Count, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            AssertRowIsRecord(rows[i], records[i], expectLine: false);
        }

        Assert.Equal(File.ReadAllBytes(json + ".errors.ndjson"), File.ReadAllBytes(parquet + ".errors.ndjson"));
    }

    /// <summary>One row against one JSON record (full detail from batch --explain, compact from bulk).</summary>
    private static void AssertRowIsRecord(Dictionary<string, object?> row, JsonElement record, bool expectLine)
    {
        var where = $"line {Str(record, "line")} id {Str(record, "id")}";
        Assert.True(Equal(expectLine ? record.GetProperty("line").GetInt64() : null, row["line"]), where);
        Assert.True(Str(record, "id") == (string?)row["id"], where);
        Assert.True(record.GetProperty("status").GetString() == (string?)row["record_status"], where);
        Assert.True(record.GetProperty("engineVersion").GetString() == (string?)row["engine_version"], where);
        Assert.True(record.GetProperty("asOf").GetString() == (string?)row["as_of"], where);
        Assert.True(record.GetProperty("asOfSource").GetString() == (string?)row["as_of_source"], where);
        Assert.True(Str(record, "profile") == (string?)row["profile"], where);
        Assert.True((record.TryGetProperty("allocationScore", out var alloc) ? alloc.GetProperty("id").GetString() : null) == (string?)row["allocation_score"], where);
        var errors = Codes(record, "errors");
        var warnings = Codes(record, "warnings");
        Assert.True(Equal(errors.Count, row["error_count"]), where);
        Assert.True(Equal(warnings.Count, row["warning_count"]), where);
        Assert.True(List(errors) == (string?)row["error_codes"], where + " error_codes");
        Assert.True(List(warnings) == (string?)row["warning_codes"], where + " warning_codes");

        var scores = record.TryGetProperty("scores", out var s) ? s.EnumerateArray().ToDictionary(x => x.GetProperty("id").GetString()!) : [];
        var notCalculable = record.TryGetProperty("notCalculable", out var nc) ? nc.EnumerateArray().Select(x => x.GetString()!).ToHashSet() : [];
        foreach (var entry in ScoreCatalog.All)
        {
            var stem = TableLayout.Stem(entry.Definition.Id);
            string at(string field) => $"{where} {stem}_{field}";
            object? cell(string field) => row[stem + "_" + field];
            if (record.GetProperty("status").GetString() == "error")
            {
                Assert.All(TableLayout.ScoreFields, f => Assert.Null(cell(f.Suffix)));
                continue;
            }

            if (!scores.TryGetValue(entry.Definition.Id, out var score))
            {
                // Compact records name not-calculable scores by id only: the row still gives the missing inputs.
                Assert.Contains(entry.Definition.Id, notCalculable);
                Assert.True("not-calculable" == (string?)cell("status"), at("status"));
                Assert.NotNull(cell("missing"));
                continue;
            }

            Assert.True(Str(score, "status") == (string?)cell("status"), at("status"));
            Assert.True(Equal(Num(score, "value"), cell("value")), at("value"));
            Assert.True(Equal(Num(score, "unrounded"), cell("unrounded")), at("unrounded"));
            Assert.True(Str(score, "category") == (string?)cell("category"), at("category"));
            Assert.True(Equal(Num(score, "minimum"), cell("minimum")), at("minimum"));
            Assert.True(Equal(Num(score, "maximum"), cell("maximum")), at("maximum"));
            Assert.True(Str(score, "minimumCategory") == (string?)cell("minimum_category"), at("minimum_category"));
            Assert.True(Str(score, "maximumCategory") == (string?)cell("maximum_category"), at("maximum_category"));
            Assert.True(List(Strings(score, "settledBy")) == (string?)cell("settled_by"), at("settled_by"));
            Assert.True(List(Strings(score, "missing")) == (string?)cell("missing"), at("missing"));
            Assert.True(List(Codes(score, "warnings")) == (string?)cell("warnings"), at("warnings"));
        }
    }

    private static string? Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : e.TryGetProperty(name, out v) && v.ValueKind == JsonValueKind.Number ? v.GetRawText() : null;

    private static double? Num(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? double.Parse(v.GetRawText(), CultureInfo.InvariantCulture) : null;

    private static List<string> Strings(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? [.. v.EnumerateArray().Select(x => x.GetString()!)] : [];

    private static List<string> Codes(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? [.. v.EnumerateArray().Select(x => x.GetProperty("code").GetString()!)] : [];

    private static string? List(List<string> items) => items.Count == 0 ? null : string.Join(';', items);

    private static bool Equal(double? expected, object? cell) => expected is null ? cell is null : cell is double d && d == expected.Value;

    private static bool Equal(long? expected, object? cell) => expected is null ? cell is null : cell is long l && l == expected.Value;
}
