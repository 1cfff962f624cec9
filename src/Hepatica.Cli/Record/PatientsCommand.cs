using System.CommandLine;
using Hepatica.Clinical;

namespace Hepatica.Cli.Record;

/// <summary>
/// <c>hepatica patients</c>: the ids of the patients the record holds, one per line, ascending, a page at a time
/// (<c>--after ID</c>, <c>--limit N</c>), so a user who ingested a Bundle or an export can name a patient to
/// <c>timeline</c> without reading the input's ids by hand. Ids only: nothing else about a patient is printed.
/// </summary>
internal static class PatientsCommand
{
    private const int DefaultLimit = 100;
    private const int MaxLimit = 1000;

    /// <summary>The <c>patients</c> command.</summary>
    public static Command Create()
    {
        var after = new Option<string?>("--after") { Description = "Paging: the ids after this one (the last id of the previous page)." };
        var limit = new Option<int>("--limit") { Description = $"At most this many ids (1-{MaxLimit}).", DefaultValueFactory = _ => DefaultLimit };
        var store = StoreOption.Create();
        var patients = new Command("patients", "List the ids of the patients the record holds, ascending, a page at a time.")
        {
            after, limit, store,
        };
        patients.SetAction((parse, ct) => RunAsync(parse.GetValue(after), parse.GetValue(limit), parse.GetValue(store), ct));
        return patients;
    }

    private static async Task<int> RunAsync(string? after, int limit, string? storeText, CancellationToken ct)
    {
        if (limit is < 1 or > MaxLimit)
        {
            return Commands.Usage($"--limit must be between 1 and {MaxLimit}.");
        }

        if (StoreOption.Resolve(storeText) is not { } location)
        {
            return ExitCodes.BadInput;
        }

        var (opened, code) = await StoreOption.OpenAsync(location, GuidelineProfiles.Default, create: false, ct).ConfigureAwait(false);
        if (opened is null)
        {
            return code;
        }

        await using var record = opened;
        var ids = await record.PatientsAsync(after, limit, ct).ConfigureAwait(false);
        foreach (var id in ids)
        {
            Console.Out.WriteLine(TerminalText.Escape(id));
        }

        if (ids.Count == limit)
        {
            Console.Error.WriteLine(TerminalText.Escape($"more may follow: hepatica patients --after {ids[^1]}"));
        }

        return ExitCodes.Ok;
    }
}
