using System.CommandLine;
using Hepatica.Clinical;

namespace Hepatica.Cli.Record;

/// <summary>
/// <c>hepatica erase PATIENT --yes</c>: the documented erase path for one patient (README.md, "Retention and erase"):
/// every arrival (history included), every assessment and receipt and every alert of the patient is deleted from the
/// record. Refused without <c>--yes</c>. SQLite keeps freed pages until VACUUM; PostgreSQL until autovacuum.
/// </summary>
internal static class EraseCommand
{
    /// <summary>The <c>erase</c> command.</summary>
    public static Command Create()
    {
        var patient = new Argument<string>("patient") { Description = "The patient's id." };
        var yes = new Option<bool>("--yes") { Description = "Confirm: erase everything held about the patient. Without it nothing is erased." };
        var store = StoreOption.Create();
        var erase = new Command("erase", "Erase everything the record holds about one patient: arrivals with their history, assessments, receipts and alerts. Needs --yes.")
        {
            patient, yes, store,
        };
        erase.SetAction((parse, ct) => RunAsync(parse.GetValue(patient)!, parse.GetValue(yes), parse.GetValue(store), ct));
        return erase;
    }

    private static async Task<int> RunAsync(string patientId, bool yes, string? storeText, CancellationToken ct)
    {
        if (!yes)
        {
            return Commands.Usage($"erase deletes everything held about patient '{patientId}' and cannot be undone: add --yes to do it. Nothing was erased.");
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
        if (!await record.ErasePatientAsync(patientId, ct).ConfigureAwait(false))
        {
            return Commands.Usage($"the record at {location.Display} holds no patient '{patientId}'; nothing was erased.");
        }

        Console.Out.WriteLine(TerminalText.Escape($"erased patient {patientId} from {location.Display}: arrivals, assessments, receipts and alerts."));
        return ExitCodes.Ok;
    }
}
