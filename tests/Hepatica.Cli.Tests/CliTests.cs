using System.Text.Json;

namespace Hepatica.Cli.Tests;

/// <summary>The command line as a user meets it: exit codes (README), messages on stderr, never a stack trace.</summary>
public sealed class CliTests
{
    private static readonly string Sample = Path.Combine("samples", "demo-001.json");

    private static void NoStackTrace(Hepatica.Result r)
    {
        Assert.DoesNotContain("   at ", r.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assess_on_the_sample_prints_the_report_and_exits_0()
    {
        var r = await Hepatica.Run("assess", Sample);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("demo-001", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("Decision support for clinicians", r.Stdout, StringComparison.Ordinal);
        Assert.Equal("", r.Stderr);
    }

    [Fact]
    public async Task Assess_as_json_writes_the_output_contract()
    {
        var r = await Hepatica.Run("assess", Sample, "--format", "json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal("ok", doc.RootElement.GetProperty("status").GetString());
        Assert.Equal(global::Hepatica.Clinical.Scoring.ScoreCatalog.All.Count, doc.RootElement.GetProperty("scores").GetArrayLength());
    }

    [Fact]
    public async Task Assess_reads_standard_input()
    {
        var json = await File.ReadAllTextAsync(Path.Combine(RepoRoot.Path, Sample), TestContext.Current.CancellationToken);
        var r = await Hepatica.RunWithInput(json, "assess", "-");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("demo-001", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_computes_one_score()
    {
        var r = await Hepatica.Run("score", "meld-3.0", Sample, "--format", "json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        var score = Assert.Single(doc.RootElement.GetProperty("scores").EnumerateArray());
        Assert.Equal("meld-3.0", score.GetProperty("id").GetString());
        Assert.Equal(26, score.GetProperty("value").GetInt32());
    }

    [Fact]
    public async Task An_unknown_score_exits_2_and_lists_the_known_ones()
    {
        var r = await Hepatica.Run("score", "meld-9", Sample);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("meld-3.0", r.Stderr, StringComparison.Ordinal);
        NoStackTrace(r);
    }

    [Fact]
    public async Task A_missing_file_exits_2_with_a_message_not_a_stack_trace()
    {
        var r = await Hepatica.Run("assess", "no/such/file.json");
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("hepatica: ", r.Stderr, StringComparison.Ordinal);
        NoStackTrace(r);
    }

    [Fact]
    public async Task A_malformed_document_exits_2_with_the_issue_code()
    {
        var r = await Hepatica.RunWithInput("{\"id\": ", "assess", "-");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("SNP001", r.Stderr, StringComparison.Ordinal);
        NoStackTrace(r);
    }

    [Fact]
    public async Task A_snapshot_with_unusable_values_is_still_assessed_but_exits_2()
    {
        var r = await Hepatica.RunWithInput("""{"labs": {"bilirubin": {"value": 2.1}}}""", "assess", "-");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("LAB001", r.Stdout + r.Stderr, StringComparison.Ordinal);
        Assert.Contains("Hepatica assessment", r.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("assess")]
    [InlineData("assess", "samples/demo-001.json", "--format", "xml")]
    [InlineData("batch", "samples/batch-sample.jsonl", "-", "--threads", "many")]
    public async Task Usage_errors_exit_2(params string[] args)
    {
        var r = await Hepatica.Run(args);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("hepatica --help", r.Stderr, StringComparison.Ordinal);
        NoStackTrace(r);
    }

    [Fact]
    public async Task Zero_threads_exits_2()
    {
        var r = await Hepatica.Run("batch", "samples/batch-sample.jsonl", "-", "--threads", "0");
        Assert.Equal(2, r.ExitCode);
        NoStackTrace(r);
    }

    [Fact]
    public async Task Scores_lists_every_score_as_json()
    {
        var r = await Hepatica.Run("scores", "--format", "json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        var ids = doc.RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetString()).ToArray();
        Assert.Equal(global::Hepatica.Clinical.Scoring.ScoreCatalog.All.Select(e => e.Definition.Id), ids);
        Assert.Contains("meld-3.0", ids);
    }

    [Fact]
    public async Task Batch_on_the_sample_writes_one_line_per_input_line_and_exits_1_for_the_broken_line()
    {
        var output = Path.Combine(Path.GetTempPath(), $"hepatica-batch-{Guid.NewGuid():N}.jsonl");
        try
        {
            var r = await Hepatica.Run("batch", "samples/batch-sample.jsonl", output, "--threads", "2");
            Assert.Equal(1, r.ExitCode);
            Assert.Contains("8 lines in, 8 results out", r.Stderr, StringComparison.Ordinal);
            var lines = await File.ReadAllLinesAsync(output, TestContext.Current.CancellationToken);
            Assert.Equal(8, lines.Length);
            Assert.All(lines, l => JsonDocument.Parse(l).Dispose());
            NoStackTrace(r);
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public async Task Batch_streams_from_stdin_to_stdout_and_exits_0_when_every_line_is_clean()
    {
        var json = (await File.ReadAllTextAsync(Path.Combine(RepoRoot.Path, Sample), TestContext.Current.CancellationToken)).ReplaceLineEndings("");
        var r = await Hepatica.RunWithInput(json + "\n" + json + "\n", "batch", "-", "-");
        Assert.Equal(0, r.ExitCode);
        var lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains("\"line\":2", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batch_refuses_to_overwrite_its_input()
    {
        var copy = Path.Combine(Path.GetTempPath(), $"hepatica-same-{Guid.NewGuid():N}.jsonl");
        File.Copy(Path.Combine(RepoRoot.Path, "samples", "batch-sample.jsonl"), copy);
        try
        {
            var before = await File.ReadAllBytesAsync(copy, TestContext.Current.CancellationToken);
            var r = await Hepatica.Run("batch", copy, copy);
            Assert.Equal(2, r.ExitCode);
            Assert.Equal(before, await File.ReadAllBytesAsync(copy, TestContext.Current.CancellationToken));
        }
        finally
        {
            File.Delete(copy);
        }
    }

    [Fact]
    public async Task Batch_scores_computes_only_the_scores_asked_for_in_that_order()
    {
        var json = (await File.ReadAllTextAsync(Path.Combine(RepoRoot.Path, Sample), TestContext.Current.CancellationToken)).ReplaceLineEndings("");
        var r = await Hepatica.RunWithInput(json + "\n", "batch", "-", "-", "--scores", "child-pugh, meld-3.0");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout.Trim());
        Assert.Equal(["child-pugh", "meld-3.0"], doc.RootElement.GetProperty("scores").EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToArray());
        Assert.Equal(26, doc.RootElement.GetProperty("scores")[1].GetProperty("value").GetInt32());
    }

    [Fact]
    public async Task Batch_scores_with_an_unknown_id_exits_2_and_lists_the_known_ones()
    {
        var r = await Hepatica.Run("batch", "samples/batch-sample.jsonl", "-", "--scores", "meld,meld-9");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("meld-9", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("meld-3.0", r.Stderr, StringComparison.Ordinal);
        NoStackTrace(r);
    }
}
