using System.Diagnostics;
using System.Globalization;
using System.Text;
using Hepatica.Store;
using Microsoft.Data.Sqlite;

namespace Hepatica.Cli.Tests.Record;

/// <summary>
/// Issue 13, section 6: SIGKILL during ingest. Every batch the command acknowledged (<c>--acks</c>, printed only after
/// the store committed it) is in the record afterwards, and the database opens clean: SQLite's own
/// <c>PRAGMA integrity_check</c> says ok, and the record opens again and takes more.
/// </summary>
public sealed class IngestKillTests : IDisposable
{
    private const int Lines = 1_500;

    private readonly RecordCli cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task Ingest_KilledAfterSomeAcks_EveryAcknowledgedPatientIsStored_AndTheDatabaseIsIntact()
    {
        var input = Path.Combine(cli.Work, "big.jsonl");
        await using (var w = new StreamWriter(input, false, new UTF8Encoding(false)))
        {
            for (var i = 0; i < Lines; i++)
            {
                await w.WriteLineAsync(RecordCommandsTests.Snapshot("k" + i.ToString("D5", CultureInfo.InvariantCulture), "2026-11-01"));
            }
        }

        using var process = Process.Start(Hepatica.StartInfo(["ingest", input, "--acks", "--no-progress"], environment: cli.Environment))!;
        process.StandardInput.Close();
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        List<string> acked = [];
        // Bounded by count, not by time: kill after 25 acknowledgements (or if the run ends first, the test says so).
        while (acked.Count < 25 && await process.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken) is { } line)
        {
            acked.Add(line);
        }

        process.Kill(); // SIGKILL: no handler runs, no transaction is finished by the process
        acked.AddRange((await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken)).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(acked.Count >= 25, "the run ended before 25 acknowledgements: " + await stderr);
        Assert.True(acked.Count < Lines, "the run finished before it was killed; make the input larger");
        var ids = RecordCli.Acked(string.Join('\n', acked));

        await using (var db = new SqliteConnection($"Data Source={cli.DefaultStore}"))
        {
            await db.OpenAsync(TestContext.Current.CancellationToken);
            await using var check = db.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", (string?)await check.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        }

        SqliteConnection.ClearAllPools();
        await using (var record = await RecordStore.OpenAsync(StoreLocation.Sqlite(cli.DefaultStore), cancellationToken: TestContext.Current.CancellationToken))
        {
            foreach (var id in ids)
            {
                var arrivals = await record.ArrivalsAsync(id, TestContext.Current.CancellationToken);
                Assert.True(arrivals.Count == 1, $"acknowledged patient {id} is not stored");
                Assert.NotNull(await record.TimelineAsync(id, TestContext.Current.CancellationToken));
            }
        }

        SqliteConnection.ClearAllPools();
        var again = await cli.Run("ingest", input, "--no-progress");
        Assert.Equal(0, again.ExitCode);
        // What was acknowledged is stored once: a duplicate now (plus at most the batch committed as the process died, before its ack).
        var duplicates = long.Parse(System.Text.RegularExpressions.Regex.Match(again.Stderr, @"([0-9,]+) duplicates").Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        Assert.InRange(duplicates, ids.Count, ids.Count + 1);
    }
    [Fact]
    public async Task Ingest_SigtermAfterSomeAcks_StopsAfterTheBatchInProgress_Exit143_AcknowledgedStored()
    {
        var input = Path.Combine(cli.Work, "big.jsonl");
        await File.WriteAllLinesAsync(input, Enumerable.Range(0, Lines).Select(i => RecordCommandsTests.Snapshot("t" + i.ToString("D5", CultureInfo.InvariantCulture), "2026-11-01")), TestContext.Current.CancellationToken);

        // Through env --default-signal: a test host started in the background has SIGINT/SIGTERM handling inherited otherwise.
        var start = Hepatica.StartInfo(["ingest", input, "--acks", "--no-progress"], environment: cli.Environment);
        start.ArgumentList.Insert(0, start.FileName);
        start.ArgumentList.Insert(0, "--default-signal=INT,TERM");
        start.FileName = "env";
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        List<string> acked = [];
        while (acked.Count < 10 && await process.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken) is { } line)
        {
            acked.Add(line);
        }

        Hepatica.Signal(process, "TERM");
        acked.AddRange((await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken)).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(143, process.ExitCode);
        var err = await stderr;
        Assert.Contains("interrupted by SIGTERM", err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
        var ids = RecordCli.Acked(string.Join('\n', acked));
        Assert.Contains($"after {ids.Count:N0} committed batches", err, StringComparison.Ordinal); // graceful: every commit was acknowledged
        await using var record = await RecordStore.OpenAsync(StoreLocation.Sqlite(cli.DefaultStore), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(ids.Order(StringComparer.Ordinal), await record.PatientsAsync(limit: 1000, cancellationToken: TestContext.Current.CancellationToken));
    }
}
