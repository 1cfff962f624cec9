using Hepatica.Clinical;
using Hepatica.Clinical.Course;
using Hepatica.Store.Database;

namespace Hepatica.Store;

/// <summary>
/// The timeline one input gives without a record (<c>POST /api/timeline</c>): the batch's arrivals taken as a fresh record
/// would take them (the same resource twice once, row ids from 1 in input order, the newest version of a resource current,
/// an entered-in-error withdrawing its resource), then <see cref="Replay.Build(string, IReadOnlyList{StoredArrival}, GuidelineProfile)"/>
/// and <see cref="CourseRules.Evaluate"/>, the record's own builder and rules. Nothing is stored: the receipts' arrival ids
/// number the input's arrivals, as a record holding only this input would. Pure: no database, no clock.
/// </summary>
public static class UnstoredTimeline
{
    /// <summary>The timeline of <paramref name="batch"/>'s patient, as a record holding only this batch gives it.</summary>
    /// <param name="batch">One patient's arrivals (a storable batch: <see cref="IngestBatch.IsStorable"/>).</param>
    /// <param name="profile">The guideline profile to assess under (the host's, as the record's).</param>
    /// <param name="receivedAt">When the input arrived: the as-of of a snapshot without an assessment date.</param>
    public static PatientTimeline Of(IngestBatch batch, GuidelineProfile profile, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (!batch.IsStorable)
        {
            throw new ArgumentException("The batch has errors or no arrivals: it gives no timeline.", nameof(batch));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var rows = new List<StoredArrival>();
        foreach (var arrival in batch.Arrivals)
        {
            if (seen.Add(SqlRecordStore.IdentityKey(arrival)))
            {
                rows.Add(new StoredArrival(rows.Count + 1, arrival, receivedAt, !arrival.EnteredInError));
            }
        }

        var settled = rows.ToDictionary(r => r.Id);
        foreach (var versions in rows.Where(r => r.Arrival is { Kind: ArrivalKind.FhirResource, ResourceType: not null, ResourceId: not null })
                     .GroupBy(r => (r.Arrival.ResourceType, r.Arrival.ResourceId)).Where(g => g.Count() > 1))
        {
            // As SqlRecordStore.SettleVersionsAsync: the newest version current, none when any version is entered-in-error.
            var ordered = SqlRecordStore.OrderVersions([.. versions], v => v.Arrival.VersionId, v => v.Arrival.LastUpdated, v => v.Id);
            var withdrawn = ordered.Any(v => v.Arrival.EnteredInError);
            foreach (var version in ordered)
            {
                settled[version.Id] = version with { Current = !withdrawn && version.Id == ordered[^1].Id };
            }
        }

        var current = rows.Select(r => settled[r.Id]).ToList();
        var entries = Replay.Build(batch.PatientId, current, profile);
        return new PatientTimeline(batch.PatientId, entries, CourseRules.Evaluate([.. entries.Select(e => e.Point)]));
    }
}
