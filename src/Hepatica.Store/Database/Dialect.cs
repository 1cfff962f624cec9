using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Hepatica.Store.Database;

/// <summary>
/// What differs between SQLite and PostgreSQL (docs/store.md, "Schema and migrations"): how to connect, how a write
/// transaction starts, how one patient's writes are serialized, and how an instant is held. Everything else is one SQL.
/// </summary>
internal abstract class Dialect : IAsyncDisposable
{
    /// <summary>The provider, for the migration files (<c>NNNN.sqlite.sql</c>, <c>NNNN.postgresql.sql</c>).</summary>
    public abstract string MigrationSuffix { get; }

    /// <summary>Rows per multi-row INSERT (see <see cref="Sql.InsertRowsAsync"/>).</summary>
    public abstract int RowsPerInsert { get; }

    /// <summary>How to name the store to the user.</summary>
    public abstract string Display { get; }

    /// <summary>An open connection, set up for this store.</summary>
    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>A write transaction: SQLite <c>BEGIN IMMEDIATE</c> (takes the write lock now), PostgreSQL read committed.</summary>
    public abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Serializes writes for one patient until the transaction ends (SQLite: the IMMEDIATE transaction already does).</summary>
    public abstract Task LockPatientAsync(DbTransaction transaction, string patientId, CancellationToken cancellationToken);

    /// <summary>Serializes migrations until the transaction ends, so two hosts opening at once do not race.</summary>
    public abstract Task LockMigrationsAsync(DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>An instant as a parameter value.</summary>
    public abstract object Instant(DateTimeOffset value);

    /// <summary>An instant read back (UTC).</summary>
    public abstract DateTimeOffset ReadInstant(DbDataReader reader, int ordinal);

    /// <summary>
    /// After an erase has committed: SQLite checkpoints and truncates the write-ahead log, so the erased pages' old images
    /// leave the WAL file too (secure_delete has already overwritten them in the database file). PostgreSQL: nothing here;
    /// dead tuples are reclaimed by (auto)VACUUM (docs/store.md, "Erase and retention").
    /// </summary>
    public virtual Task AfterEraseAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Creates what must exist before the first connection (the SQLite file and folder).</summary>
    public virtual Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public abstract ValueTask DisposeAsync();

    /// <summary>The dialect for a location.</summary>
    public static Dialect For(StoreLocation location) => location.Provider switch
    {
        StoreProvider.Sqlite => new SqliteDialect(location),
        StoreProvider.PostgreSql => new PostgresDialect(location),
        _ => throw new ArgumentOutOfRangeException(nameof(location), location.Provider, "Expected Sqlite or PostgreSql."),
    };

    /// <summary>An instant cut to whole microseconds (what PostgreSQL keeps), so both providers hold and compare the same value.</summary>
    public static DateTimeOffset ToMicroseconds(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return utc.AddTicks(-(utc.Ticks % 10));
    }

    /// <summary>A 64-bit key for an advisory lock: the first 8 bytes of SHA-256 of the text (stable across hosts and runs).</summary>
    public static long LockKey(string text) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0);
}

/// <summary>
/// SQLite: one file, WAL, <c>synchronous=FULL</c> (a committed ingest survives power loss), foreign keys, a busy timeout
/// (writers from other processes wait instead of failing), <c>secure_delete</c> (erased rows are overwritten).
/// </summary>
internal sealed class SqliteDialect(StoreLocation location) : Dialect
{
    /// <summary>How long a writer waits for another's transaction (milliseconds).</summary>
    private const int BusyTimeoutMs = 30_000;

    private const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    private readonly string path = new SqliteConnectionStringBuilder(location.ConnectionString).DataSource;

    private readonly string connectionString = new SqliteConnectionStringBuilder(location.ConnectionString)
    {
        Mode = SqliteOpenMode.ReadWrite,
        DefaultTimeout = BusyTimeoutMs / 1000,
        Pooling = true,
    }.ToString();

    public override string MigrationSuffix => "sqlite";

    /// <summary>One: SQLite has no round trips to save, and binds parameters by a linear search of their names.</summary>
    public override int RowsPerInsert => 1;

    public override string Display => location.Display;

    public override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(folder) && !Directory.Exists(folder))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder);
            }
            else
            {
                Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        if (!File.Exists(path))
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            try
            {
                await using var created = new FileStream(path, options);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first: fine.
            }
        }

        // WAL is a property of the file, set once, outside any transaction.
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async Task AfterEraseAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = string.Create(
                CultureInfo.InvariantCulture,
                $"PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL; PRAGMA secure_delete=ON; PRAGMA busy_timeout={BusyTimeoutMs};");
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public override Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    public override Task LockPatientAsync(DbTransaction transaction, string patientId, CancellationToken cancellationToken) => Task.CompletedTask;

    public override Task LockMigrationsAsync(DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;

    public override ValueTask DisposeAsync()
    {
        // Close the pooled connections to the file, so a caller may move or delete it once the store is disposed.
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }

    public override object Instant(DateTimeOffset value) => ToMicroseconds(value).UtcDateTime.ToString(InstantFormat, CultureInfo.InvariantCulture);

    public override DateTimeOffset ReadInstant(DbDataReader reader, int ordinal) =>
        DateTimeOffset.ParseExact(reader.GetString(ordinal), InstantFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}

/// <summary>PostgreSQL: a pooled data source; patients serialized by transaction-scoped advisory locks.</summary>
internal sealed class PostgresDialect(StoreLocation location) : Dialect
{
    /// <summary>The advisory lock key migrations take (any constant distinct from patient keys in practice).</summary>
    private static readonly long MigrationLockKey = LockKey("hepatica:schema-migration");

    private readonly NpgsqlDataSource source = NpgsqlDataSource.Create(location.ConnectionString);

    public override string MigrationSuffix => "postgresql";

    /// <summary>200 rows of 14 parameters, far below PostgreSQL's 65,535 a statement.</summary>
    public override int RowsPerInsert => 200;

    public override string Display => location.Display;

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    public override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);

    public override Task LockPatientAsync(DbTransaction transaction, string patientId, CancellationToken cancellationToken) =>
        AdvisoryLockAsync(transaction, LockKey("hepatica:patient:" + patientId), cancellationToken);

    public override Task LockMigrationsAsync(DbTransaction transaction, CancellationToken cancellationToken) =>
        AdvisoryLockAsync(transaction, MigrationLockKey, cancellationToken);

    public override object Instant(DateTimeOffset value) => ToMicroseconds(value);

    public override DateTimeOffset ReadInstant(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal).ToUniversalTime();

    public override ValueTask DisposeAsync() => source.DisposeAsync();

    private static async Task AdvisoryLockAsync(DbTransaction transaction, long key, CancellationToken cancellationToken)
    {
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT pg_advisory_xact_lock(@key)";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "key";
        parameter.Value = key;
        command.Parameters.Add(parameter);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
