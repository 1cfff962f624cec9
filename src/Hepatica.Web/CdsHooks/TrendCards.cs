using System.Globalization;
using System.Text;
using Hepatica.Clinical.Course;
using Hepatica.Store;
using static Hepatica.Web.CdsHooks.CardKit;

namespace Hepatica.Web.CdsHooks;

/// <summary>
/// patient-view cards for what changed since the last visit (docs/cds-hooks.md, "Trend cards"): one per open alert of
/// the record, most urgent first, each shown once per evidence (the store notes it on the <c>cds-hooks</c> channel), so
/// the same data never makes the same card twice; new evidence that keeps a condition true shows it again, updated.
/// Nothing when the record does not hold the patient: the other cards are then exactly what they were without a record.
/// </summary>
internal static partial class TrendCards
{
    /// <summary>The channel the store notes shown alerts on.</summary>
    public const string Channel = "cds-hooks";

    private const string Lead = "Since the last visit: ";

    /// <summary>
    /// The trend cards, or none when the record cannot be reached (a database down, a schema newer than this host): the
    /// call still gets every other card, and the log says why (the exception's type only: no patient data).
    /// </summary>
    public static async Task<IReadOnlyList<Card>> For(IServiceProvider services, string patientId, CancellationToken ct)
    {
        try
        {
            return await For(services.GetRequiredService<IRecordStore>(), patientId, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or Hepatica.Store.Database.StoreVersionException or InvalidOperationException or TimeoutException or IOException)
        {
            Unavailable(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TrendCards)), e.GetType().Name);
            return [];
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The record could not be read for trend cards ({ExceptionType}); the other cards are served")]
    private static partial void Unavailable(ILogger log, string exceptionType);

    public static async Task<IReadOnlyList<Card>> For(IRecordStore store, string patientId, CancellationToken ct)
    {
        var alerts = await store.AlertsAsync(new AlertQuery(PatientId: patientId, States: [AlertState.Open], Limit: 1000), ct).ConfigureAwait(false);
        if (alerts.Count == 0)
        {
            return [];
        }

        var timeline = await store.TimelineAsync(patientId, withAssessments: false, ct).ConfigureAwait(false);
        var cards = new List<Card>();
        foreach (var alert in alerts.OrderByDescending(a => a.Candidate.Severity).ThenBy(a => a.Id))
        {
            if (await store.NoteShownAsync(alert.Id, alert.EvidenceKey, Channel, ct).ConfigureAwait(false))
            {
                cards.Add(Card(alert, timeline?.Report.Facts.Where(f => f.Kind == alert.RuleId && f.At <= alert.Candidate.LatestAt).ToList() ?? []));
            }
        }

        return cards;
    }

    private static Card Card(StoredAlert alert, List<TrendFact> facts)
    {
        var c = alert.Candidate;
        var detail = new StringBuilder("**What changed since the last visit**\n\n").Append(c.Text).Append("\n\n");
        detail.Append(CultureInfo.InvariantCulture, $"Condition since {Day(c.EpisodeStart)}, newest evidence {Day(c.LatestAt)}");
        detail.Append(alert.Updates > 0 ? $"; updated {alert.Updates} time(s) by new results.\n" : ".\n");
        foreach (var f in facts.TakeLast(3))
        {
            detail.Append("\n- ").Append(f.Text);
        }

        if (facts.Count > 0)
        {
            detail.Append('\n');
        }

        detail.Append(CultureInfo.InvariantCulture, $"\nRule `{c.RuleId}`, alert {alert.Id} (acknowledge or resolve it at /api/record/alerts/{alert.Id}).\n");
        detail.Append(Cite(c.Source));
        var indicator = c.Severity switch
        {
            AlertSeverity.Critical => Critical,
            AlertSeverity.Warning => Warning,
            _ => Info,
        };
        return Make(Summary(c.Text), indicator, c.Source, detail.ToString());
    }

    /// <summary>The lead and the alert's first sentence, cut at a word to stay under the spec's 140 characters.</summary>
    private static string Summary(string text)
    {
        var first = text.Split(". ", 2)[0].TrimEnd('.');
        var room = SummaryLimit - 1 - Lead.Length;
        if (first.Length > room)
        {
            var cut = first[..(room - 1)];
            first = (cut.LastIndexOf(' ') is > 40 and var space ? cut[..space] : cut) + "…";
        }

        return Lead + first;
    }

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
