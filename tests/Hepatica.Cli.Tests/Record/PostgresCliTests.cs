namespace Hepatica.Cli.Tests.Record;

/// <summary>
/// <c>--store</c> with a PostgreSQL connection string (issue 13, section 1: the same code path as SQLite, chosen by a
/// connection string), against a real server (<see cref="PostgresServer"/>: <c>HEPATICA_TEST_POSTGRES</c>, or one
/// started from the Debian package), a fresh database per test; and <c>HEPATICA_STORE</c> in its place.
/// </summary>
public sealed class PostgresCliTests : IDisposable
{
    private readonly RecordCli cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task Store_PostgreSqlConnectionString_IngestTwiceStoresOnce_TimelineAlertsAndErase()
    {
        var db = await PostgresServer.CreateDatabaseAsync("cli");
        var input = cli.File("in.jsonl", RecordCommandsTests.Snapshot("p1", "2026-10-01") + "\n" + RecordCommandsTests.Snapshot("p1", "2026-11-01", bilirubin: 4.5m) + "\n");

        var first = await cli.Run("ingest", input, "--store", db, "--acks");
        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Equal(["p1", "p1"], RecordCli.Acked(first.Stdout));
        Assert.Contains("postgresql://", first.Stderr, StringComparison.Ordinal); // named by host, port and database, not the connection string
        Assert.Contains("arrivals: 0 stored", (await cli.Run("ingest", input, "--store", db)).Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(cli.DefaultStore), "nothing went to the default SQLite record");

        var timeline = await cli.Run("timeline", "p1", "--store", db);
        Assert.Equal(0, timeline.ExitCode);
        Assert.StartsWith("Patient p1: 2 assessments", timeline.Stdout, StringComparison.Ordinal);
        var alerts = await cli.Run("alerts", "--patient", "p1", "--store", db);
        Assert.Contains("meld-not-referred", alerts.Stdout, StringComparison.Ordinal);

        // HEPATICA_STORE instead of --store: the connection string stays off the command line.
        var env = new Dictionary<string, string>(cli.Environment) { ["HEPATICA_STORE"] = db };
        using var process = System.Diagnostics.Process.Start(Hepatica.StartInfo(["erase", "p1", "--yes"], environment: env))!;
        process.StandardInput.Close();
        var stdout = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, process.ExitCode);
        Assert.Contains("erased patient p1", stdout, StringComparison.Ordinal);
        Assert.Equal(2, (await cli.Run("timeline", "p1", "--store", db)).ExitCode);
    }
}
