using Hepatica.Store.Database;

namespace Hepatica.Store.Tests;

public sealed partial class RecordStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestRecord.Providers), MemberType = typeof(TestRecord))]
    public async Task OpenAsync_FirstUse_CreatesTheDatabaseAtTheKnownSchemaVersion(string provider)
    {
        await using var record = await TestRecord.CreateAsync(provider);
        await using (var store = await record.OpenAsync())
        {
            Assert.Empty(await store.PatientsAsync(cancellationToken: Ct));
        }

        Assert.Equal(Migrations.Known, await record.CountAsync("SELECT MAX(version) FROM schema_version"));
        Assert.Equal(0, await record.CountAsync("SELECT COUNT(*) FROM arrivals"));
        if (provider == "sqlite")
        {
            var path = record.Location.Display;
            Assert.True(File.Exists(path));
            Assert.Equal("wal", (string?)await record.ScalarAsync("PRAGMA journal_mode"));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(path)!));
            }
        }
    }

    [Theory]
    [MemberData(nameof(TestRecord.Providers), MemberType = typeof(TestRecord))]
    public async Task OpenAsync_Reopened_KeepsWhatWasStoredAndMigratesNothing(string provider)
    {
        await using var record = await TestRecord.CreateAsync(provider);
        await using (var store = await record.OpenAsync())
        {
            await store.IngestAsync(TestRecord.Batch(TestRecord.Lab("p1", "o1", "1", TestRecord.T0, 12)), Ct);
        }

        await using (var again = await record.OpenAsync())
        {
            Assert.Single(await again.ArrivalsAsync("p1", Ct));
            Assert.Single((await again.TimelineAsync("p1", Ct))!.Entries);
        }

        Assert.Equal(Migrations.Known, await record.CountAsync("SELECT COUNT(*) FROM schema_version"));
    }

    [Theory]
    [MemberData(nameof(TestRecord.Providers), MemberType = typeof(TestRecord))]
    public async Task OpenAsync_DatabaseNewerThanTheCode_IsRefusedNamingBothVersions(string provider)
    {
        await using var record = await TestRecord.CreateAsync(provider);
        await (await record.OpenAsync()).DisposeAsync();
        var newer = Migrations.Known + 7;
        await record.ScalarAsync($"INSERT INTO schema_version (version, applied_at, engine_version) VALUES ({newer}, '2030-01-01T00:00:00Z', '9.9.9')");

        var refused = await Assert.ThrowsAsync<StoreVersionException>(record.OpenAsync);

        Assert.Equal(newer, refused.DatabaseVersion);
        Assert.Equal(Migrations.Known, refused.KnownVersion);
        Assert.Contains($"schema version {newer}", refused.Message, StringComparison.Ordinal);
        Assert.Contains($"up to {Migrations.Known}", refused.Message, StringComparison.Ordinal);
        Assert.Contains("newer Hepatica", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestRecord.Providers), MemberType = typeof(TestRecord))]
    public async Task OpenAsync_TwoAtOnceOnANewDatabase_MigrateOnce(string provider)
    {
        await using var record = await TestRecord.CreateAsync(provider);
        var stores = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(record.OpenAsync, Ct)));
        foreach (var store in stores)
        {
            await store.DisposeAsync();
        }

        Assert.Equal(Migrations.Known, await record.CountAsync("SELECT COUNT(*) FROM schema_version"));
    }

    [Fact]
    public void Migrations_EveryProvider_HasTheSameNumberedVersionsFromOne()
    {
        var sqlite = Migrations.Available("sqlite").Select(m => m.Version).ToList();
        var postgres = Migrations.Available("postgresql").Select(m => m.Version).ToList();
        Assert.Equal(Enumerable.Range(1, sqlite.Count), sqlite);
        Assert.Equal(sqlite, postgres);
    }
}
