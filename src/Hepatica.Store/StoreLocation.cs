namespace Hepatica.Store;

/// <summary>
/// Where the record lives (docs/store.md, "Where the data is"): a PostgreSQL connection string (<c>Host=...</c>), a
/// SQLite file, or by default <c>hepatica.db</c> in the data folder: <c>$HEPATICA_DATA</c> when set, else the user's
/// local application data folder (<c>$XDG_DATA_HOME/hepatica</c> or <c>~/.local/share/hepatica</c> on Linux).
/// </summary>
public sealed record StoreLocation
{
    private StoreLocation(StoreProvider provider, string connectionString, string display)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Display = display;
    }

    /// <summary>Which database.</summary>
    public StoreProvider Provider { get; }

    /// <summary>The ADO.NET connection string.</summary>
    public string ConnectionString { get; }

    /// <summary>How to name it to the user without a password (a path, or host/port/database).</summary>
    public string Display { get; }

    /// <summary>The default data folder: <c>$HEPATICA_DATA</c>, else local application data + <c>hepatica</c>.</summary>
    public static string DefaultDataFolder() =>
        Environment.GetEnvironmentVariable("HEPATICA_DATA") is { Length: > 0 } data
            ? data
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "hepatica");

    /// <summary>The default: SQLite at <c>hepatica.db</c> in <see cref="DefaultDataFolder"/>.</summary>
    public static StoreLocation Default() => Sqlite(Path.Combine(DefaultDataFolder(), "hepatica.db"));

    /// <summary>A SQLite file.</summary>
    public static StoreLocation Sqlite(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        return new StoreLocation(StoreProvider.Sqlite, $"Data Source={full}", full);
    }

    /// <summary>
    /// What the user gave (<c>--store</c>, <c>Hepatica:Store</c>): a PostgreSQL connection string when it has
    /// <c>Host=</c>, else a SQLite file path; null or empty for the default.
    /// </summary>
    public static StoreLocation Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Default();
        }

        if (text.Contains("Host=", StringComparison.OrdinalIgnoreCase))
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(text);
            return new StoreLocation(StoreProvider.PostgreSql, text, $"postgresql://{builder.Host}:{builder.Port}/{builder.Database}");
        }

        return Sqlite(text);
    }
}

/// <summary>The databases the record runs on.</summary>
public enum StoreProvider
{
    /// <summary>SQLite (embedded default).</summary>
    Sqlite,

    /// <summary>PostgreSQL (production).</summary>
    PostgreSql,
}
