using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hepatica.Clinical;
using Hepatica.Clinical.Course;
using Hepatica.Clinical.Scoring;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Hepatica.Store.Tests;

/// <summary>
/// A store on a real database for one test (SQLite in a temp folder, or a fresh PostgreSQL database), opened with a
/// deterministic timeline builder and test rules so the store's mechanics are tested apart from the replay and the
/// clinical rules (those have their own tests): each arrival's body is <c>{"at": instant, "meld3": value}</c>.
/// </summary>
internal sealed class TestRecord : IAsyncDisposable
{
    /// <summary>A test rule: the latest points at or above 20 (a run that includes the newest point) are one episode.</summary>
    public const string HighRule = "test-high";

    /// <summary>A test rule: the same at or above 30, critical.</summary>
    public const string VeryHighRule = "test-very-high";

    public static readonly DateTimeOffset T0 = new(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);

    private static readonly Citation TestSource = new("Test rule", "A rule of the store's tests only (no clinical meaning).", 2026);

    private readonly string? folder;

    private TestRecord(string provider, StoreLocation location, string? folder)
    {
        Provider = provider;
        Location = location;
        this.folder = folder;
    }

    public string Provider { get; }

    public StoreLocation Location { get; }

    public FixedClock Clock { get; } = new(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));

    public static TheoryData<string> Providers => new("sqlite", "postgresql");

    public static async Task<TestRecord> CreateAsync(string provider)
    {
        if (provider == "sqlite")
        {
            var folder = Directory.CreateTempSubdirectory("hepatica-store-").FullName;
            return new TestRecord(provider, StoreLocation.Sqlite(Path.Combine(folder, "data", "hepatica.db")), folder);
        }

        var connectionString = await PostgresServer.CreateDatabaseAsync("store");
        return new TestRecord(provider, StoreLocation.Parse(connectionString), null);
    }

    public Task<IRecordStore> OpenAsync() =>
        RecordStore.OpenAsync(Location, GuidelineProfile.Us, Clock, Build, Evaluate, TestContext.Current.CancellationToken);

    /// <summary>Runs one SQL statement against the database directly (what the store's tests check behind its back).</summary>
    public async Task<object?> ScalarAsync(string sql)
    {
        if (Location.Provider == StoreProvider.Sqlite)
        {
            await using var connection = new SqliteConnection(Location.ConnectionString + ";Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return await command.ExecuteScalarAsync();
        }

        await using var pg = new NpgsqlConnection(Location.ConnectionString);
        await pg.OpenAsync();
        await using var pgCommand = pg.CreateCommand();
        pgCommand.CommandText = sql;
        return await pgCommand.ExecuteScalarAsync();
    }

    /// <summary>Runs a script (several statements) against the database directly, e.g. to lay an older schema.</summary>
    public async Task ExecuteAsync(string sql)
    {
        if (Location.Provider == StoreProvider.Sqlite)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Location.Display)!);
            await using var connection = new SqliteConnection(Location.ConnectionString + ";Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
            return;
        }

        await using var pg = new NpgsqlConnection(Location.ConnectionString);
        await pg.OpenAsync();
        await using var pgCommand = pg.CreateCommand();
        pgCommand.CommandText = sql;
        await pgCommand.ExecuteNonQueryAsync();
    }

    public async Task<long> CountAsync(string sql) => Convert.ToInt64(await ScalarAsync(sql), CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        if (Location.Provider == StoreProvider.PostgreSql)
        {
            await PostgresServer.DropDatabaseAsync(Location.ConnectionString);
        }

        if (folder is not null)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
        }
    }

    /// <summary>A FHIR Observation arrival carrying one MELD 3.0 value.</summary>
    public static Arrival Lab(string patient, string resourceId, string? version, DateTimeOffset at, decimal meld3, bool enteredInError = false, DateTimeOffset? lastUpdated = null)
    {
        var body = Body(at, meld3, resourceId + "/" + version + (enteredInError ? "/eie" : ""));
        return new Arrival(patient, ArrivalKind.FhirResource, "Observation", resourceId, version, Sha(body), body, "test", at, lastUpdated, enteredInError);
    }

    /// <summary>A snapshot arrival carrying one MELD 3.0 value.</summary>
    public static Arrival Snapshot(string patient, DateTimeOffset at, decimal meld3)
    {
        var body = Body(at, meld3, "snapshot");
        return new Arrival(patient, ArrivalKind.Snapshot, null, null, null, Sha(body), body, "test.jsonl", at, null, false);
    }

    public static IngestBatch Batch(params Arrival[] arrivals) => new(arrivals[0].PatientId, arrivals, []);

    private static byte[] Body(DateTimeOffset at, decimal meld3, string tag) =>
        Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{{\"at\":\"{at.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}\",\"meld3\":{meld3},\"tag\":\"{tag}\"}}"));

    private static string Sha(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>One entry per instant a current arrival is dated, each reading the newest value as of it.</summary>
    private static IReadOnlyList<TimelineEntry> Build(string patientId, IReadOnlyList<StoredArrival> current, GuidelineProfile profile, IReadOnlyList<TimelineEntry> previous)
    {
        var values = current.Select(a =>
        {
            using var json = JsonDocument.Parse(a.Arrival.Body);
            return (a.Id, At: a.Arrival.Effective!.Value, Meld: json.RootElement.GetProperty("meld3").GetDecimal());
        }).ToList();
        _ = previous;
        var entries = new List<TimelineEntry>();
        foreach (var at in values.Select(v => v.At).Distinct().Order())
        {
            var read = values.Where(v => v.At <= at).ToList();
            var newest = read.OrderBy(v => v.At).ThenBy(v => v.Id).Last();
            var json = string.Create(CultureInfo.InvariantCulture, $"{{\"patient\":\"{patientId}\",\"asOf\":\"{at:O}\",\"meld3\":{newest.Meld}}}");
            var receipt = new Receipt("test", profile == GuidelineProfile.Us ? "us" : "uk", at, [.. read.Select(v => v.Id).Order()], Sha(Encoding.UTF8.GetBytes(json)));
            var point = new CoursePoint(at, new Dictionary<string, decimal> { [CourseValues.Meld3] = newest.Meld }, new HashSet<string>(), new Dictionary<string, string> { [CourseValues.Meld3] = "arrival " + newest.Id.ToString(CultureInfo.InvariantCulture) });
            entries.Add(new TimelineEntry(at, receipt, json, [new InputAge("meld3", newest.At, (int)(at - newest.At).TotalDays, 30, false, newest.Id)], point));
        }

        return entries;
    }

    private static CourseReport Evaluate(IReadOnlyList<CoursePoint> points)
    {
        var ordered = points.OrderBy(p => p.At).ToList();
        var alerts = new List<AlertCandidate>();
        foreach (var (rule, threshold, severity) in new[] { (HighRule, 20m, AlertSeverity.Warning), (VeryHighRule, 30m, AlertSeverity.Critical) })
        {
            var run = new List<CoursePoint>();
            for (var i = ordered.Count - 1; i >= 0 && ordered[i].Values.TryGetValue(CourseValues.Meld3, out var v) && v >= threshold; i--)
            {
                run.Insert(0, ordered[i]);
            }

            if (run.Count > 0)
            {
                var evidence = string.Join(";", run.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.At:O}={p.Values[CourseValues.Meld3]}")));
                alerts.Add(new AlertCandidate(rule, run[0].At, run[^1].At, evidence, severity, $"MELD 3.0 at or above {threshold}", TestSource));
            }
        }

        return new CourseReport([], alerts, null);
    }
}
