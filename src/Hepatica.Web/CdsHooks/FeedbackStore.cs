using System.Collections.Concurrent;
using System.Text.Json;
using Hepatica.Clinical.Scoring;
using Microsoft.Extensions.Options;

namespace Hepatica.Web.CdsHooks;

/// <summary>One feedback entry as recorded: the service, when it arrived, and the entry as the client sent it.</summary>
internal sealed record RecordedFeedback(string Service, DateTimeOffset Received, FeedbackEntry Entry);

/// <summary>
/// Feedback, append-only: the newest <see cref="CdsHooksOptions.MaxFeedbackEntries"/> kept in memory (embedded, no
/// server; beyond that the oldest are dropped) and, when <see cref="CdsHooksOptions.FeedbackPath"/> is set, every entry
/// appended as one JSON line to that file.
/// </summary>
internal sealed class FeedbackStore(IOptions<CdsHooksOptions> options, TimeProvider clock) : IDisposable
{
    private readonly ConcurrentQueue<RecordedFeedback> entries = new();
    private readonly SemaphoreSlim file = new(1, 1);

    public IReadOnlyList<RecordedFeedback> All => [.. entries];

    public void Dispose() => file.Dispose();

    public async Task Append(string service, IReadOnlyList<FeedbackEntry> feedback, CancellationToken ct)
    {
        var received = clock.GetUtcNow();
        var recorded = feedback.Select(f => new RecordedFeedback(service, received, f)).ToList();
        if (options.Value.FeedbackPath is { Length: > 0 } path)
        {
            var lines = string.Concat(recorded.Select(r => JsonSerializer.Serialize(r, CdsJson.Options) + "\n"));
            await file.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                await File.AppendAllTextAsync(path, lines, ct).ConfigureAwait(false);
            }
            finally
            {
                file.Release();
            }
        }

        foreach (var r in recorded)
        {
            entries.Enqueue(r);
        }

        while (entries.Count > options.Value.MaxFeedbackEntries && entries.TryDequeue(out _))
        {
            // the oldest go first: memory holds a bounded window, the file (if any) everything
        }
    }

    /// <summary>Every problem of a feedback body (CDS Hooks 2.0 §Feedback; invariants cds-fb-1 to cds-fb-3).</summary>
    public static List<InputIssue> Check(FeedbackRequest? body)
    {
        var problems = new List<InputIssue>();
        if (body?.Feedback is not { Count: > 0 } list)
        {
            problems.Add(InputIssue.Error(CdsIssueCodes.InvalidFeedback, "feedback", "feedback must be a non-empty array"));
            return problems;
        }

        for (var i = 0; i < list.Count; i++)
        {
            var f = list[i];
            var at = $"feedback[{i}]";
            if (f is null)
            {
                problems.Add(InputIssue.Error(CdsIssueCodes.InvalidFeedback, at, $"{at} must be an object"));
                continue;
            }

            if (string.IsNullOrWhiteSpace(f.Card))
            {
                problems.Add(InputIssue.Error(CdsIssueCodes.InvalidFeedback, at + ".card", $"{at}.card is required (the card's uuid)"));
            }

            if (f.Outcome is not ("accepted" or "overridden"))
            {
                problems.Add(InputIssue.Error(CdsIssueCodes.InvalidFeedback, at + ".outcome", $"{at}.outcome must be accepted or overridden (cds-fb-1)"));
            }

            if (f.Outcome == "accepted" && f.AcceptedSuggestions is not { Count: > 0 })
            {
                problems.Add(InputIssue.Error(CdsIssueCodes.InvalidFeedback, at + ".acceptedSuggestions", $"{at}.acceptedSuggestions is required when the outcome is accepted (cds-fb-2)"));
            }

            if (f.AcceptedSuggestions?.Any(s => string.IsNullOrWhiteSpace(s?.Id)) == true)
            {
                problems.Add(InputIssue.Error(CdsIssueCodes.InvalidFeedback, at + ".acceptedSuggestions[].id", $"{at}.acceptedSuggestions[].id is required"));
            }

            if (f.OverrideReason is { } o && o.Reason is null && string.IsNullOrWhiteSpace(o.UserComment))
            {
                problems.Add(InputIssue.Error(CdsIssueCodes.InvalidFeedback, at + ".overrideReason", $"{at}.overrideReason needs a reason or a userComment (cds-fb-3)"));
            }

            if (!DateTimeOffset.TryParse(f.OutcomeTimestamp, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _))
            {
                problems.Add(InputIssue.Error(CdsIssueCodes.InvalidFeedback, at + ".outcomeTimestamp", $"{at}.outcomeTimestamp is required (ISO 8601)"));
            }
        }

        return problems;
    }
}
