using System.Text;
using System.Text.Json;
using Hepatica.Cli.Batch;
using Hepatica.Json;

namespace Hepatica.Cli.Tests;

/// <summary>The batch contract: one result per input line, in input order, whatever the chunking and the number of workers.</summary>
public sealed class BatchRunnerTests
{
    private const string Good = """{"id":"g","ageYears":54,"labs":{"bilirubin":{"value":2.1,"unit":"mg/dL"},"creatinine":{"value":150,"unit":"umol/L"},"inr":{"value":1.8}},"findings":{"dialysisTwiceInPastWeek":false}}""";
    private const string Warned = """{"id":"w","labs":{"bilirubin":{"value":60,"unit":"mg/dL"}}}""";
    private const string ValueError = """{"id":"e","labs":{"bilirubin":{"value":2,"unit":"furlongs"}}}""";
    private const string Broken = """{"id":"b", "labs": {""";

    /// <summary>One run time for every run of these tests: records without an assessmentDate carry it as their asOf, so two runs compare byte for byte.</summary>
    private static readonly DateTimeOffset RunTime = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private static async Task<(string Output, BatchSummary Summary)> Run(string input, int workers = 2, int chunkBytes = 1 << 20, int maxLineBytes = 1 << 20, Detail detail = Detail.Compact)
    {
        using var inStream = new MemoryStream(Encoding.UTF8.GetBytes(input));
        using var outStream = new MemoryStream();
        var summary = await BatchRunner.RunAsync(inStream, outStream, new BatchOptions(detail, workers, chunkBytes, maxLineBytes) { RunTime = RunTime }, null, TestContext.Current.CancellationToken);
        return (Encoding.UTF8.GetString(outStream.ToArray()), summary);
    }

    private static List<JsonElement> Records(string output)
    {
        Assert.True(output.Length == 0 || output.EndsWith('\n'), "every record ends with a newline");
        return output.Split('\n', StringSplitOptions.None)[..^1].Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
    }

    private static string ManyLines(int n)
    {
        var lines = new[] { Good, Warned, ValueError, Broken, "" };
        var sb = new StringBuilder();
        for (var i = 0; i < n; i++)
        {
            var line = lines[i % lines.Length];
            sb.Append(line.Length == 0 ? line : line.Replace("\"id\":\"", $"\"id\":\"{i + 1}-", StringComparison.Ordinal)).Append('\n');
        }

        return sb.ToString();
    }

    [Fact]
    public async Task Lines_out_equal_lines_in_in_order_with_their_line_numbers()
    {
        var (output, summary) = await Run(ManyLines(500));
        var records = Records(output);
        Assert.Equal(500, records.Count);
        Assert.Equal(500, summary.Lines);
        for (var i = 0; i < records.Count; i++)
        {
            Assert.Equal(i + 1, records[i].GetProperty("line").GetInt64());
            if (records[i].TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
            {
                Assert.StartsWith($"{i + 1}-", id.GetString(), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task The_summary_counts_clean_warned_unusable_and_unreadable_lines()
    {
        var (_, summary) = await Run(ManyLines(500));
        Assert.Equal(100, summary.Clean);
        Assert.Equal(100, summary.WithWarnings);
        Assert.Equal(100, summary.ValueErrors);
        Assert.Equal(200, summary.Unreadable); // the broken lines and the empty lines
        Assert.Equal(300, summary.LinesWithErrors);
        Assert.Equal(Encoding.UTF8.GetByteCount(ManyLines(500)), summary.BytesIn);
    }

    [Theory]
    [InlineData(1, 64)]
    [InlineData(2, 100)]
    [InlineData(4, 257)]
    [InlineData(3, 4096)]
    [InlineData(8, 1 << 20)]
    public async Task Chunk_size_and_worker_count_do_not_change_a_single_byte(int workers, int chunkBytes)
    {
        var input = ManyLines(300);
        var (expected, _) = await Run(input, workers: 1);
        var (actual, summary) = await Run(input, workers, chunkBytes);
        Assert.Equal(expected, actual);
        Assert.Equal(300, summary.Lines);
    }

    [Fact]
    public async Task A_last_line_without_a_newline_is_still_a_line_and_a_final_newline_starts_none()
    {
        var (withNewline, _) = await Run(Good + "\n" + Good + "\n");
        var (without, _) = await Run(Good + "\n" + Good);
        Assert.Equal(2, Records(withNewline).Count);
        Assert.Equal(withNewline, without);
    }

    [Fact]
    public async Task Crlf_line_endings_read_like_lf()
    {
        var (lf, _) = await Run(Good + "\n" + Warned + "\n", chunkBytes: 64);
        var (crlf, _) = await Run(Good + "\r\n" + Warned + "\r\n", chunkBytes: 64);
        Assert.Equal(lf, crlf);
    }

    [Fact]
    public async Task An_empty_line_gets_an_SNP005_record_and_the_run_goes_on()
    {
        var (output, summary) = await Run(Good + "\n\n" + Good + "\n");
        var records = Records(output);
        Assert.Equal(3, records.Count);
        Assert.Equal("error", records[1].GetProperty("status").GetString());
        Assert.Equal("SNP005", records[1].GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Equal("ok", records[2].GetProperty("status").GetString());
        Assert.Equal(1, summary.Unreadable);
    }

    [Fact]
    public async Task A_malformed_line_gets_an_SNP001_record_with_its_line_number()
    {
        var (output, _) = await Run(Good + "\n" + Broken + "\n" + Good + "\n");
        var bad = Records(output)[1];
        Assert.Equal(2, bad.GetProperty("line").GetInt64());
        Assert.Equal("SNP001", bad.GetProperty("errors")[0].GetProperty("code").GetString());
    }

    [Theory]
    [InlineData(1, 64)]
    [InlineData(2, 256)]
    [InlineData(2, 4096)]
    public async Task A_line_longer_than_the_maximum_gets_an_SNP006_record_wherever_it_falls(int workers, int chunkBytes)
    {
        var longLine = "{\"id\":\"" + new string('x', 600) + "\"}";
        var input = Good + "\n" + longLine + "\n" + Good + "\n" + longLine + "\n" + Warned;
        var (output, summary) = await Run(input, workers, chunkBytes, maxLineBytes: 300);
        var records = Records(output);
        Assert.Equal(5, records.Count);
        Assert.Equal(Enumerable.Range(1, 5), records.Select(r => (int)r.GetProperty("line").GetInt64()));
        Assert.Equal("SNP006", records[1].GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Equal("SNP006", records[3].GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.StartsWith("Line 4 ", records[3].GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("ok", records[2].GetProperty("status").GetString());
        Assert.Equal("w", records[4].GetProperty("id").GetString());
        Assert.Equal(2, summary.Unreadable);
    }

    [Fact]
    public async Task A_line_of_exactly_the_maximum_is_read()
    {
        var padded = "{\"id\":\"" + new string('y', 300 - 9) + "\"}";
        Assert.Equal(300, padded.Length);
        var (output, _) = await Run(padded + "\n", maxLineBytes: 300, chunkBytes: 64);
        Assert.Equal("ok", Records(output)[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_empty_input_gives_an_empty_output()
    {
        var (output, summary) = await Run("");
        Assert.Equal("", output);
        Assert.Equal(0, summary.Lines);
    }

    [Fact]
    public async Task Explain_writes_full_detail_with_steps()
    {
        var (output, _) = await Run(Good + "\n", detail: Detail.Full);
        var meld = Records(output)[0].GetProperty("scores").EnumerateArray().First(s => s.GetProperty("id").GetString() == "meld");
        Assert.True(meld.GetProperty("steps").GetArrayLength() > 0);
    }

    [Fact]
    public async Task The_bundled_batch_sample_gives_eight_records_one_unreadable()
    {
        var input = await File.ReadAllTextAsync(Path.Combine(RepoRoot.Path, "samples", "batch-sample.jsonl"), TestContext.Current.CancellationToken);
        var (output, summary) = await Run(input);
        var records = Records(output);
        Assert.Equal(8, records.Count);
        Assert.Equal(1, summary.Unreadable);
        Assert.Equal("broken-006", input.Split('\n')[5][7..17]);
        Assert.Equal("error", records[5].GetProperty("status").GetString());
    }
}
