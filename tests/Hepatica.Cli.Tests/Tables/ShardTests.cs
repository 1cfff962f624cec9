using FsCheck;
using FsCheck.Xunit;

namespace Hepatica.Cli.Tests.Tables;

/// <summary>
/// <c>--shard i/N</c>: N runs, as separate processes on one machine, each with one shard, write tables whose union is
/// exactly the one run's table (no row lost, none twice), for <c>batch</c> and <c>bulk</c>; and the hash is 64-bit
/// FNV-1a as published, so other tools can recompute a patient's shard.
/// </summary>
public sealed class ShardTests : IDisposable
{
    private const string Issued = "2026-12-01T00:00:00Z";
    private static readonly string BulkSample = Path.GetFullPath(Path.Combine(RepoRoot.Path, "..", "shared", "data", "fhir-samples", "bulk-ndjson-10-patients"));
    private readonly string work = Directory.CreateTempSubdirectory("hepatica-shard-test-").FullName;

    public void Dispose() => Directory.Delete(work, recursive: true);

    // Published test vectors of FNV-1a 64 (Fowler, Noll, Vo; draft-eastlake-fnv, appendix C: "", "a", "foobar").
    [Theory]
    [InlineData("", 0xcbf29ce484222325UL)]
    [InlineData("a", 0xaf63dc4c8601ec8cUL)]
    [InlineData("foobar", 0x85944171f73967e8UL)]
    public void Hash_IsFnv1a64(string text, ulong expected) => Assert.Equal(expected, Shard.Hash(System.Text.Encoding.UTF8.GetBytes(text)));

    [Theory]
    [InlineData("0/1", 0, 1)]
    [InlineData("2/3", 2, 3)]
    [InlineData("65535/65536", 65535, 65536)]
    public void Parse_IOverN(string text, int index, int count) => Assert.Equal(new Shard(index, count), Shard.Parse(text, out _));

    [Theory]
    [InlineData("3/3")]
    [InlineData("0/0")]
    [InlineData("-1/3")]
    [InlineData("1")]
    [InlineData("a/b")]
    [InlineData("0/65537")]
    [InlineData(" 0/2")]
    public void Parse_NotIOverN_NullWithTheRule(string text)
    {
        Assert.Null(Shard.Parse(text, out var problem));
        Assert.Contains("i/N", problem, StringComparison.Ordinal);
    }

    [Property(MaxTest = 200)]
    public bool EveryIdIsInExactlyOneShard(NonNull<string> id, PositiveInt n)
    {
        var count = ((n.Get - 1) % 64) + 1;
        return Enumerable.Range(0, count).Count(i => new Shard(i, count).Holds(id.Get)) == 1
            && Enumerable.Range(0, count).Count(i => new Shard(i, count).HoldsLine(id.Get.Length)) == 1;
    }

    [Fact]
    public async Task Batch_ThreeShards_UnionIsTheOneRun()
    {
        var input = Path.Combine(work, "in.jsonl");
        Generated.JsonLines(input, 60);
        File.AppendAllText(input, "not json\n\n" + File.ReadAllText(RepoRoot.File("samples", "batch-sample.jsonl")));
        var all = Path.Combine(work, "all.parquet");
        Assert.Equal(1, (await Hepatica.Run("batch", input, all, "--output", "parquet", "--issued", Issued, "--no-progress")).ExitCode);

        var shards = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var part = Path.Combine(work, $"shard-{i}.parquet");
            var r = await Hepatica.Run("batch", input, part, "--output", "parquet", "--issued", Issued, "--no-progress", "--shard", $"{i}/3", "--threads", (1 + i).ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(r.ExitCode is 0 or 1, r.Stderr);
            Assert.Contains("left to other shards", r.Stderr, StringComparison.Ordinal);
            shards.Add(part);
        }

        AssertUnionIsOneRun(all, shards, key: "line");
        Assert.All(shards, s => Assert.True((long)Duck.Scalar($"SELECT count(*) FROM read_parquet({Duck.Quote(s)})")! > 0, s)); // each shard got some of 70 lines
    }

    [Fact]
    public async Task Bulk_ThreeShards_UnionOfTablesAndOfErrorRecordsIsTheOneRun()
    {
        var export = Path.Combine(work, "export");
        Directory.CreateDirectory(export);
        foreach (var f in Directory.EnumerateFiles(BulkSample))
        {
            File.Copy(f, Path.Combine(export, Path.GetFileName(f)));
        }

        Generated.BulkExport(Path.Combine(work, "gen"), 30);
        File.Copy(Path.Combine(work, "gen", "Patient.000.ndjson"), Path.Combine(export, "Patient.001.ndjson"));
        File.Copy(Path.Combine(work, "gen", "Observation.000.ndjson"), Path.Combine(export, "Observation.001.ndjson")); // ends with a line cut short: an error record
        var all = Path.Combine(work, "all.parquet");
        var one = await Hepatica.Run("bulk", export, all, "--output", "parquet", "--as-of", "2026-11-20", "--issued", Issued, "--no-progress");
        Assert.True(one.ExitCode is 0 or 1, one.Stderr);

        var shards = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var part = Path.Combine(work, $"shard-{i}.parquet");
            var r = await Hepatica.Run("bulk", export, part, "--output", "parquet", "--as-of", "2026-11-20", "--issued", Issued, "--no-progress", "--shard", $"{i}/3");
            Assert.True(r.ExitCode is 0 or 1, r.Stderr);
            shards.Add(part);
        }

        AssertUnionIsOneRun(all, shards, key: "id");
        var errors = File.ReadAllLines(all + ".errors.ndjson");
        Assert.NotEmpty(errors);
        Assert.Equal(errors.Order(StringComparer.Ordinal), shards.SelectMany(s => File.ReadAllLines(s + ".errors.ndjson")).Order(StringComparer.Ordinal));
    }

    /// <summary>The shards' rows together are the one run's rows, each exactly once (DuckDB: row counts, keys distinct, EXCEPT both ways empty).</summary>
    private static void AssertUnionIsOneRun(string all, List<string> shards, string key)
    {
        var union = "read_parquet([" + string.Join(", ", shards.Select(Duck.Quote)) + "])";
        var one = $"read_parquet({Duck.Quote(all)})";
        var total = (long)Duck.Scalar($"SELECT count(*) FROM {one}")!;
        Assert.True(total > 10);
        Assert.Equal(total, Duck.Scalar($"SELECT count(*) FROM {union}"));
        Assert.Equal(total, Duck.Scalar($"SELECT count(DISTINCT {key}) FROM {union}"));
        Assert.Equal(0L, Duck.Scalar($"SELECT count(*) FROM (SELECT * FROM {one} EXCEPT ALL SELECT * FROM {union})"));
        Assert.Equal(0L, Duck.Scalar($"SELECT count(*) FROM (SELECT * FROM {union} EXCEPT ALL SELECT * FROM {one})"));
    }
}
