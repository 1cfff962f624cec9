using System.CommandLine;
using System.Data.Common;
using Hepatica.Clinical;
using Hepatica.Store;

namespace Hepatica.Cli.Record;

/// <summary>
/// <c>--store S</c> of the record commands (README.md, "The longitudinal record"): a SQLite file path or a PostgreSQL
/// connection string (<see cref="StoreLocation.Parse"/>); when not given, <c>$HEPATICA_STORE</c>, else the default SQLite
/// file in the data folder. Opening failures are said with the store's display name only (never a password).
/// </summary>
internal static class StoreOption
{
    /// <summary>The environment variable read when <c>--store</c> is not given: keeps a PostgreSQL password off the command line.</summary>
    public const string Variable = "HEPATICA_STORE";

    /// <summary>A new <c>--store</c> option (each command holds its own instance).</summary>
    public static Option<string?> Create() => new("--store", "-s")
    {
        HelpName = "path|connection string",
        Description = "Where the record is: a SQLite file path, or a PostgreSQL connection string (Host=...;Database=...;Username=...; "
            + "the password from PGPASSWORD or ~/.pgpass rather than the command line). Default: $" + Variable
            + " when set, else hepatica.db in the data folder ($HEPATICA_DATA, else ~/.local/share/hepatica), created on first use.",
    };

    /// <summary>The location the user chose, or null with the reason on standard error (a connection string that does not parse).</summary>
    public static StoreLocation? Resolve(string? given)
    {
        var text = given ?? Environment.GetEnvironmentVariable(Variable);
        try
        {
            return StoreLocation.Parse(text);
        }
        catch (ArgumentException)
        {
            // The connection string itself is not echoed: it may hold a password.
            Commands.Usage("--store: the PostgreSQL connection string does not parse (keywords such as Host=, Port=, Database=, Username=).");
            return null;
        }
    }

    /// <summary>
    /// Opens the record at <paramref name="location"/> (creating and migrating it on first use), or null with the
    /// reason on standard error and the exit code: 2 when there is no record there yet (<paramref name="create"/>
    /// false: reading commands do not create one), 4 when the database cannot be reached or opened, or is newer than
    /// this program.
    /// </summary>
    public static async Task<(IRecordStore? Store, int ExitCode)> OpenAsync(StoreLocation location, GuidelineProfile profile, bool create, CancellationToken ct)
    {
        if (!create && location.Provider == StoreProvider.Sqlite && !File.Exists(location.Display))
        {
            Console.Error.WriteLine(TerminalText.Escape($"hepatica: there is no record at {location.Display} yet: `hepatica ingest` creates it (or name another with --store)."));
            return (null, ExitCodes.BadInput);
        }

        if (create && location.Provider == StoreProvider.Sqlite && Path.GetDirectoryName(location.Display) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        try
        {
            return (await RecordStore.OpenAsync(location, profile, cancellationToken: ct).ConfigureAwait(false), ExitCodes.Ok);
        }
        catch (DbException e)
        {
            Console.Error.WriteLine(TerminalText.Escape($"hepatica: cannot open the record at {location.Display}: {e.Message}"));
            return (null, ExitCodes.IoError);
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException)
        {
            // The store's refusal of a database newer than the code (or a half-made one) says what to do in its message.
            Console.Error.WriteLine(TerminalText.Escape($"hepatica: cannot open the record at {location.Display}: {e.Message}"));
            return (null, ExitCodes.IoError);
        }
    }
}
