using System.Text.RegularExpressions;

namespace Hepatica.Cli.Tests.Tables;

/// <summary>
/// deploy/kubernetes/bulk-shards.yaml runs every shard exactly once: an Indexed Job whose completions and parallelism
/// equal the N of <c>--shard $(JOB_COMPLETION_INDEX)/N</c>, and whose command line the CLI accepts.
/// </summary>
public sealed partial class ShardManifestTests
{
    private static readonly string Manifest = File.ReadAllText(RepoRoot.File("deploy", "kubernetes", "bulk-shards.yaml"));

    [Fact]
    public void IndexedJob_CompletionsParallelismAndShardCountAgree()
    {
        Assert.Matches(@"(?m)^  completionMode: Indexed$", Manifest);
        var completions = int.Parse(CompletionsPattern().Match(Manifest).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var parallelism = int.Parse(ParallelismPattern().Match(Manifest).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var shards = ShardPattern().Matches(Manifest).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Distinct().ToList();

        Assert.Equal(completions, parallelism);
        Assert.Equal([completions], shards);
        Assert.Contains($"-of-{completions}.parquet", Manifest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_TheCliAcceptsItsOptions()
    {
        var args = ArgsPattern().Match(Manifest).Groups[1].Value.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .Select(a => a.Replace("$(JOB_COMPLETION_INDEX)", "3", StringComparison.Ordinal)).ToList();
        Assert.Equal(["exec", "/opt/hepatica/hepatica", "bulk", "/export"], args.Take(4));
        var work = Directory.CreateTempSubdirectory("hepatica-manifest-test-").FullName;
        try
        {
            var export = Path.GetFullPath(Path.Combine(RepoRoot.Path, "..", "shared", "data", "fhir-samples", "bulk-ndjson-10-patients"));
            List<string> run = ["bulk", export, Path.Combine(work, Path.GetFileName(args[4])), .. args.Skip(5)];

            var r = await Hepatica.Run([.. run]);

            Assert.True(r.ExitCode == 0, r.Stderr);
            Assert.True(File.Exists(Path.Combine(work, "shard-3-of-8.parquet")));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [GeneratedRegex(@"(?m)^  completions: (\d+)$")]
    private static partial Regex CompletionsPattern();

    [GeneratedRegex(@"(?m)^  parallelism: (\d+)$")]
    private static partial Regex ParallelismPattern();

    [GeneratedRegex(@"--shard \$\(JOB_COMPLETION_INDEX\)/(\d+)")]
    private static partial Regex ShardPattern();

    [GeneratedRegex(@"- >-\n((?: {14}.*\n)+)")]
    private static partial Regex ArgsPattern();
}
