using Hepatica.Clinical.Scoring;
using Hepatica.Store;

namespace Hepatica.Web.Record;

/// <summary>What an ingest of one request did: every batch's result, or refused with every issue (nothing stored).</summary>
/// <param name="Results">One per patient, in input order; empty when refused.</param>
/// <param name="Issues">Every issue the parser found (warnings only, unless refused).</param>
/// <param name="Refused">True when any batch had an error, or the input held no patient: nothing was stored.</param>
internal sealed record IngestOutcome(IReadOnlyList<IngestResult> Results, IReadOnlyList<InputIssue> Issues, bool Refused);

/// <summary>
/// One ingest, shared by <c>POST /api/record</c> and the Subscription notification endpoint: parse, check every batch,
/// and only then store them, so an input with an error anywhere stores nothing of itself.
/// </summary>
internal static class RecordIngest
{
    public static async Task<IngestOutcome> Run(IRecordStore store, ReadOnlyMemory<byte> body, string source, CancellationToken ct)
    {
        var batches = IngestParser.Parse(body, source);
        var issues = batches.SelectMany(b => b.Issues).ToList();
        if (batches.Count == 0 || batches.Any(b => !b.IsStorable))
        {
            if (!issues.Any(i => i.Severity == IssueSeverity.Error))
            {
                issues.Add(InputIssue.Error(IngestIssueCodes.NothingToStore, "$", "The input holds nothing to store: no patient, or no resource the record keeps."));
            }

            return new IngestOutcome([], issues, Refused: true);
        }

        var results = new List<IngestResult>(batches.Count);
        foreach (var batch in batches)
        {
            results.Add(await store.IngestAsync(batch, ct).ConfigureAwait(false));
        }

        return new IngestOutcome(results, issues, Refused: false);
    }
}
