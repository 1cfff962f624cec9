using System.Data.Common;
using System.Globalization;
using Hepatica.Clinical;

namespace Hepatica.Store.Database;

/// <summary>
/// The numbered schema migrations (docs/store.md, "Schema and migrations"): <c>Database/Migrations/NNNN.provider.sql</c>,
/// embedded in the assembly, applied in order on open inside one transaction and recorded in <c>schema_version</c>.
/// Version 2 also has a step in code (compressing the stored assessments), run right after its script.
/// </summary>
internal static class Migrations
{
    private const string Prefix = "migrations/";

    /// <summary>The newest schema version this code knows.</summary>
    public static int Known => Available("sqlite").Max(m => m.Version);

    /// <summary>The migrations for a provider, by version.</summary>
    public static IReadOnlyList<(int Version, string Sql)> Available(string suffix)
    {
        var assembly = typeof(Migrations).Assembly;
        var ending = "." + suffix + ".sql";
        var found = new List<(int, string)>();
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(Prefix, StringComparison.Ordinal) || !name.EndsWith(ending, StringComparison.Ordinal))
            {
                continue;
            }

            var version = int.Parse(name.AsSpan(Prefix.Length, name.Length - Prefix.Length - ending.Length), NumberStyles.None, CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            found.Add((version, reader.ReadToEnd()));
        }

        return [.. found.OrderBy(m => m.Item1)];
    }

    /// <summary>
    /// Brings the database to <see cref="Known"/>: creates <c>schema_version</c> when absent, refuses a newer database,
    /// applies what is missing. One transaction, under the migration lock.
    /// </summary>
    public static async Task<int> ApplyAsync(Dialect dialect, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await dialect.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        await dialect.LockMigrationsAsync(transaction, cancellationToken).ConfigureAwait(false);
        await Sql.ExecuteAsync(transaction, "CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, applied_at text NOT NULL, engine_version text NOT NULL)", cancellationToken).ConfigureAwait(false);
        var current = await CurrentAsync(transaction, cancellationToken).ConfigureAwait(false);
        var known = Known;
        if (current > known)
        {
            throw new StoreVersionException(dialect.Display, current, known);
        }

        foreach (var (version, sql) in Available(dialect.MigrationSuffix).Where(m => m.Version > current))
        {
            await Sql.ExecuteAsync(transaction, sql, cancellationToken).ConfigureAwait(false);
            if (version == 2)
            {
                // What SQL cannot do: compress the v1 rows' assessment text (Brotli; AssessmentText).
                await AssessmentText.CompressStoredAsync(transaction, cancellationToken).ConfigureAwait(false);
            }

            await Sql.ExecuteAsync(
                transaction,
                "INSERT INTO schema_version (version, applied_at, engine_version) VALUES (@version, @at, @engine)",
                cancellationToken,
                ("version", version),
                ("at", clock.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture)),
                ("engine", Engine.Version)).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return known;
    }

    private static async Task<int> CurrentAsync(DbTransaction transaction, CancellationToken cancellationToken)
    {
        var value = await Sql.ScalarAsync(transaction, "SELECT MAX(version) FROM schema_version", cancellationToken).ConfigureAwait(false);
        return value is null or DBNull ? 0 : Convert.ToInt32(value, CultureInfo.InvariantCulture);
    }
}

/// <summary>
/// The database was written by a newer Hepatica than this one (its schema version is higher than the code knows):
/// opening it could lose or misread data, so it is refused.
/// </summary>
public sealed class StoreVersionException : Exception
{
    /// <summary>A refusal naming both versions and what to do.</summary>
    public StoreVersionException(string store, int databaseVersion, int knownVersion)
        : base(string.Create(
            CultureInfo.InvariantCulture,
            $"The record at {store} has schema version {databaseVersion}, but this Hepatica ({Engine.Version}) knows schema versions up to {knownVersion}. It was written by a newer Hepatica: run that version (or newer) against it, or choose another store with --store / Hepatica:Store. Nothing was changed."))
    {
        DatabaseVersion = databaseVersion;
        KnownVersion = knownVersion;
    }

    /// <summary>Not used: the store always names the versions.</summary>
    public StoreVersionException()
    {
    }

    /// <summary>Not used: the store always names the versions.</summary>
    public StoreVersionException(string message)
        : base(message)
    {
    }

    /// <summary>Not used: the store always names the versions.</summary>
    public StoreVersionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The database's schema version.</summary>
    public int DatabaseVersion { get; }

    /// <summary>The newest schema version this code knows.</summary>
    public int KnownVersion { get; }
}
