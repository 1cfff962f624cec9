using System.Diagnostics;
using System.Text;

namespace Hepatica.Cli.Tests.Record;

/// <summary>
/// Runs the built <c>hepatica</c> with its own data folder (<c>HEPATICA_DATA</c> a temp folder the test owns, deleted
/// after), so each test has its own record: the default SQLite file is <see cref="DefaultStore"/>.
/// </summary>
public sealed class RecordCli : IDisposable
{
    public RecordCli() => Work = Directory.CreateTempSubdirectory("hepatica-record-test-").FullName;

    /// <summary>The test's folder: <c>HEPATICA_DATA</c>, and room for its inputs.</summary>
    public string Work { get; }

    /// <summary>Where the record is by default: hepatica.db in the data folder.</summary>
    public string DefaultStore => Path.Combine(Work, "hepatica.db");

    /// <summary>The environment of every run: the data folder, and no HEPATICA_STORE from the machine.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string> { ["HEPATICA_DATA"] = Work, ["HEPATICA_STORE"] = "" };

    public void Dispose() => Directory.Delete(Work, recursive: true);

    /// <summary>Runs the command to its end (two minutes at most).</summary>
    public async Task<Hepatica.Result> Run(params string[] args)
    {
        using var process = Process.Start(Hepatica.StartInfo(args, environment: Environment))!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Hepatica.Result(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Writes a file in the test's folder and returns its path.</summary>
    public string File(string name, string text)
    {
        var path = Path.Combine(Work, name);
        System.IO.File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    /// <summary>The patient ids of the <c>ack</c> lines of an <c>ingest --acks</c> run.</summary>
    public static List<string> Acked(string stdout) =>
        [.. stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("ack ", StringComparison.Ordinal)).Select(l => l.Split(' ')[1])];
}
