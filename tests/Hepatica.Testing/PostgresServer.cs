using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Hepatica.Tests;

/// <summary>
/// A real PostgreSQL for tests (docs/store.md, "Running the tests"): the server <c>HEPATICA_TEST_POSTGRES</c> names (a
/// connection string; <c>.ci/run</c> sets it), else one this process starts from the Debian package's binaries
/// (<c>/usr/lib/postgresql/*/bin</c>: a temp data folder, a free loopback port, run as <c>postgres</c> when the process
/// is root, because PostgreSQL refuses to run as root) and stops when the process exits. Each caller gets a fresh
/// database. When there is no server and none can be started, a test fails under <c>CI=true</c> and is skipped with
/// the install command otherwise.
/// </summary>
public sealed class PostgresServer
{
    private const string InstallHint = "install PostgreSQL (sudo apt-get install -y postgresql) or set HEPATICA_TEST_POSTGRES to a connection string";

    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartAsync);

    private readonly string adminConnectionString;
    private readonly string? unavailable;
    private int databases;

    private PostgresServer(string adminConnectionString, string? unavailable)
    {
        this.adminConnectionString = adminConnectionString;
        this.unavailable = unavailable;
    }

    /// <summary>The shared server, started on first use.</summary>
    public static Task<PostgresServer> GetAsync() => Shared.Value;

    /// <summary>
    /// A fresh, empty database on the shared server: its connection string. Skips the test (fails under CI) when no
    /// PostgreSQL is available.
    /// </summary>
    public static async Task<string> CreateDatabaseAsync(string purpose)
    {
        var server = await GetAsync().ConfigureAwait(false);
        if (server.unavailable is { } why)
        {
            var message = $"PostgreSQL is not available ({why}): {InstallHint}.";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail(message);
            }

            Assert.Skip(message);
        }

        var name = $"hepatica_{Sanitize(purpose)}_{Interlocked.Increment(ref server.databases)}_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server.adminConnectionString))
        {
            await connection.OpenAsync().ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'";
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        return new NpgsqlConnectionStringBuilder(server.adminConnectionString) { Database = name, Pooling = true }.ToString();
    }

    /// <summary>Drops a database <see cref="CreateDatabaseAsync"/> made (closing what is still connected to it), so none pile up on a long-lived server.</summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        var server = await GetAsync().ConfigureAwait(false);
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        if (server.unavailable is not null || string.IsNullOrEmpty(name) || !name.StartsWith("hepatica_", StringComparison.Ordinal))
        {
            return;
        }

        await using var connection = new NpgsqlConnection(server.adminConnectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    private static string Sanitize(string purpose) =>
        new([.. purpose.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').Take(20)]);

    private static async Task<PostgresServer> StartAsync()
    {
        if (Environment.GetEnvironmentVariable("HEPATICA_TEST_POSTGRES") is { Length: > 0 } given)
        {
            var admin = new NpgsqlConnectionStringBuilder(given) { Pooling = false };
            if (string.IsNullOrEmpty(admin.Database))
            {
                admin.Database = "postgres";
            }

            return new PostgresServer(admin.ToString(), null);
        }

        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).Order(StringComparer.Ordinal).LastOrDefault()
            : null;
        if (bin is null)
        {
            return new PostgresServer("", "no HEPATICA_TEST_POSTGRES and no /usr/lib/postgresql/*/bin/initdb");
        }

        var root = Environment.UserName == "root" || (OperatingSystem.IsLinux() && File.Exists("/proc/self/status") && File.ReadLines("/proc/self/status").Any(l => l.StartsWith("Uid:", StringComparison.Ordinal) && l.Split('\t', StringSplitOptions.RemoveEmptyEntries)[1] == "0"));
        var folder = Directory.CreateTempSubdirectory("hepatica-pg-").FullName;
        var data = Path.Combine(folder, "data");
        try
        {
            if (root)
            {
                await RunAsync("chown", ["postgres:postgres", folder]).ConfigureAwait(false);
            }

            await RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"], root).ConfigureAwait(false);
            var port = FreePort();
            var options = $"-c listen_addresses=127.0.0.1 -p {port} -k {folder} -c fsync=off -c max_connections=200";
            await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", data, "-l", Path.Combine(folder, "server.log"), "-o", options, "-w", "-t", "60", "start"], root).ConfigureAwait(false);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(bin, data, folder, root);
            var admin = new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = port, Username = "postgres", Database = "postgres", Pooling = false };
            return new PostgresServer(admin.ToString(), null);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or IOException)
        {
            return new PostgresServer("", "could not start a server from " + bin + ": " + e.Message);
        }
    }

    private static void Stop(string bin, string data, string folder, bool root)
    {
        try
        {
            RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], root).GetAwaiter().GetResult();
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            // Best effort at exit: a temp folder left behind is harmless.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, IReadOnlyList<string> arguments, bool asPostgres = false)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres)
        {
            foreach (var a in (string[])["-u", "postgres", "--", file])
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + file);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} exited with {process.ExitCode}: {await error.ConfigureAwait(false)}{await output.ConfigureAwait(false)}");
        }
    }
}
