using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Hepatica.Cli.Tests;

/// <summary>
/// Odd inputs said plainly (issue 10, item 9): a folder, a path that does not exist, an empty path, a FIFO, an endless
/// device; and the input size limit of <c>assess</c> (item 15): read incrementally, stop once past the limit, exit 2.
/// </summary>
public sealed class InputFileTests : IDisposable
{
    private static readonly string Sample = Path.Combine(RepoRoot.Path, "samples", "demo-001.json");
    private readonly string work = Directory.CreateTempSubdirectory("hepatica-input-test-").FullName;

    public void Dispose() => Directory.Delete(work, recursive: true);

    private static void Plain(Hepatica.Result r)
    {
        Assert.StartsWith("hepatica: ", r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", r.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("assess|{dir}")]
    [InlineData("assess|{dir}|--format|json")]
    [InlineData("score|meld-3.0|{dir}")]
    [InlineData("batch|{dir}|{work}/out.jsonl")]
    public async Task Input_AFolder_SaysItIsAFolderAndExits2(string command)
    {
        var args = command.Split('|');
        var dir = Directory.CreateDirectory(Path.Combine(work, "a folder")).FullName;

        var r = await Hepatica.Run([.. args.Select(a => a.Replace("{dir}", dir, StringComparison.Ordinal).Replace("{work}", work, StringComparison.Ordinal))]);

        Assert.Equal(2, r.ExitCode);
        Plain(r);
        Assert.Contains($"'{dir}' is a folder, not a file", r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("denied", r.Stderr, StringComparison.OrdinalIgnoreCase);
        Assert.False(File.Exists(Path.Combine(work, "out.jsonl")), "nothing is written for an unusable input");
    }

    [Theory]
    [InlineData("assess")]
    [InlineData("score")]
    [InlineData("batch")]
    public async Task Input_Missing_NamesTheFileAndExits2(string command)
    {
        var missing = Path.Combine(work, "no", "such.json");
        string[] args = command switch
        {
            "score" => ["score", "meld-3.0", missing],
            "batch" => ["batch", missing, Path.Combine(work, "out.jsonl")],
            _ => [command, missing],
        };

        var r = await Hepatica.Run(args);

        Assert.Equal(2, r.ExitCode);
        Plain(r);
        Assert.Contains($"'{missing}' does not exist", r.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("assess")]
    [InlineData("batch")]
    public async Task Input_EmptyPath_SaysSoAndExits2(string command)
    {
        var r = await Hepatica.Run(command == "batch" ? ["batch", "", Path.Combine(work, "out.jsonl")] : [command, ""]);

        Assert.Equal(2, r.ExitCode);
        Plain(r);
        Assert.Contains("the input path is empty", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Output_AFolder_SaysItIsAFolderAndExits2()
    {
        var r = await Hepatica.Run("batch", Path.Combine(RepoRoot.Path, "samples", "batch-sample.jsonl"), work, "--no-progress");

        Assert.Equal(2, r.ExitCode);
        Plain(r);
        Assert.Contains($"'{work}' is a folder", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assess_AFifo_IsReadLikeAFile()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "FIFOs are POSIX");
        var fifo = Path.Combine(work, "in.fifo");
        using (var mk = Process.Start("mkfifo", [fifo]))
        {
            await mk.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.Equal(0, mk.ExitCode);
        }

        var bytes = await File.ReadAllBytesAsync(Sample, TestContext.Current.CancellationToken);
        var writer = Task.Run(async () =>
        {
            await using var w = new FileStream(fifo, FileMode.Open, FileAccess.Write); // blocks until the CLI opens it
            await w.WriteAsync(bytes, TestContext.Current.CancellationToken);
        }, TestContext.Current.CancellationToken);

        var r = await Hepatica.Run("assess", fifo);
        await writer;

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("demo-001", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assess_DevZero_StopsAtTheLimitAndExits2()
    {
        Assert.SkipUnless(File.Exists("/dev/zero"), "needs /dev/zero");

        var r = await Hepatica.Run("assess", "/dev/zero", "--max-input-mb", "2");

        Assert.Equal(2, r.ExitCode);
        Plain(r);
        Assert.Contains("'/dev/zero' is larger than the input limit of 2 MB", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assess_AFileOverTheDefaultLimit_IsRefusedBeforeReadingAndExits2()
    {
        // A valid snapshot padded with spaces to just over 64 MB: before the limit it was read whole and assessed.
        var path = Path.Combine(work, "big.json");
        await using (var f = new FileStream(path, FileMode.Create))
        {
            await f.WriteAsync("{\"id\": \"big\""u8.ToArray(), TestContext.Current.CancellationToken);
            var spaces = new byte[1 << 20];
            spaces.AsSpan().Fill((byte)' ');
            for (var i = 0; i < 64; i++)
            {
                await f.WriteAsync(spaces, TestContext.Current.CancellationToken);
            }

            await f.WriteAsync("}"u8.ToArray(), TestContext.Current.CancellationToken);
        }

        var r = await Hepatica.Run("assess", path, "--format", "json");

        Assert.Equal(2, r.ExitCode);
        Plain(r);
        Assert.Contains("is larger than the input limit of 64 MB", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("--max-input-mb", r.Stderr, StringComparison.Ordinal);
        Assert.Equal("", r.Stdout);
    }

    [Fact]
    public async Task Assess_StandardInputOverTheLimit_StopsAndExits2()
    {
        var padded = "{\"id\": \"x\"" + new string(' ', (1 << 20) + 10) + "}";

        var r = await Hepatica.RunWithInput(padded, "assess", "-", "--max-input-mb", "1");

        Assert.Equal(2, r.ExitCode);
        Plain(r);
        Assert.Contains("standard input is larger than the input limit of 1 MB", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assess_RaisedLimit_ReadsTheLargerFile()
    {
        var padded = "{\"id\": \"x\"" + new string(' ', (1 << 20) + 10) + "}";

        var r = await Hepatica.RunWithInput(padded, "assess", "-", "--max-input-mb", "2", "--format", "json");

        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal("x", doc.RootElement.GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("129")]
    [InlineData("-5")]
    public async Task Assess_MaxInputOutOfRange_Exits2(string value)
    {
        var r = await Hepatica.Run("assess", Sample, "--max-input-mb", value);

        Assert.Equal(2, r.ExitCode);
        Plain(r);
        Assert.Contains("--max-input-mb must be between 1 and 128", r.Stderr, StringComparison.Ordinal);
    }

    /// <summary>
    /// Just under the default limit, one huge string (an unknown key, a unit) through JSON and text: a result or coded
    /// issues, never the JSON writer's ArgumentException; the issue lines on standard error are cut to a readable length.
    /// </summary>
    [Theory]
    [InlineData("key", "json", 0, "SNP003")]
    [InlineData("unit", "json", 2, "LAB002")]
    [InlineData("unit", "text", 2, "LAB002")]
    public async Task Assess_OneHugeStringNearTheLimit_GivesCodedIssuesNotACrash(string where, string format, int exit, string code)
    {
        var huge = new string('k', (63 << 20) + 512);
        var json = where == "key"
            ? "{\"id\": \"near\", \"" + huge + "\": 1}"
            : "{\"id\": \"near\", \"labs\": {\"bilirubin\": {\"value\": 2, \"unit\": \"" + huge + "\"}}}";
        var path = Path.Combine(work, "near.json");
        await File.WriteAllTextAsync(path, json, new UTF8Encoding(false), TestContext.Current.CancellationToken);

        var r = await Hepatica.Run("assess", path, "--format", format);

        Assert.Equal(exit, r.ExitCode);
        Assert.DoesNotContain("internal error", r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", r.Stderr, StringComparison.Ordinal);
        var line = Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith(code, StringComparison.Ordinal));
        Assert.True(line.Length < 20_000, $"the issue line on standard error is {line.Length} characters");
        // Cut either by the reader (an echo of at most 64 characters, "… (N characters)") or, should a message still
        // carry a long text, by the CLI's own bound on issue text ("(N more characters not shown)").
        Assert.Matches(@"characters not shown|… \([\d,]+ characters\)", line);
        if (format == "json")
        {
            using var doc = JsonDocument.Parse(r.Stdout);
            Assert.Equal("near", doc.RootElement.GetProperty("id").GetString());
        }
        else
        {
            Assert.Contains("Hepatica assessment: near", r.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Assess_AHugeIdOverTheLimit_IsRefusedNotAnInternalError()
    {
        // 200 MB in one string value: Utf8JsonWriter refuses strings over 166,666,666 characters (ArgumentException, exit 3).
        var path = Path.Combine(work, "huge-id.json");
        await using (var f = new StreamWriter(path, false, new UTF8Encoding(false)))
        {
            await f.WriteAsync("{\"id\": \"");
            var block = new string('A', 1 << 20);
            for (var i = 0; i < 200; i++)
            {
                await f.WriteAsync(block);
            }

            await f.WriteAsync("\"}");
        }

        var r = await Hepatica.Run("assess", path, "--format", "json");

        Assert.Equal(2, r.ExitCode);
        Plain(r);
        Assert.Contains("is larger than the input limit", r.Stderr, StringComparison.Ordinal);
    }
}
