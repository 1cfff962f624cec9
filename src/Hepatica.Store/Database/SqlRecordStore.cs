using System.Data.Common;
using System.Globalization;
using Hepatica.Clinical;
using Hepatica.Clinical.Course;

namespace Hepatica.Store.Database;

/// <summary>
/// The record over plain ADO.NET (docs/store.md): one implementation for SQLite and PostgreSQL, the differences in a
/// <see cref="Dialect"/>. Every write runs in one transaction holding the patient's lock, so an ingest is whole or absent
/// and two writers for one patient (two hosts, two processes) take turns.
/// </summary>
internal sealed partial class SqlRecordStore : IRecordStore
{
    /// <summary>Who resolves an alert whose condition no longer holds.</summary>
    internal const string RuleResolver = "rule";

    private const string ArrivalColumns =
        "id, patient_id, kind, resource_type, resource_id, version_id, content_hash, body, source, effective, last_updated, entered_in_error, received_at, is_current";

    private readonly Dialect db;
    private readonly GuidelineProfile profile;
    private readonly TimeProvider clock;
    private readonly Func<string, IReadOnlyList<StoredArrival>, GuidelineProfile, IReadOnlyList<TimelineEntry>, IReadOnlyList<TimelineEntry>> build;
    private readonly Func<IReadOnlyList<CoursePoint>, CourseReport> evaluate;

    internal SqlRecordStore(
        Dialect db,
        GuidelineProfile profile,
        TimeProvider clock,
        Func<string, IReadOnlyList<StoredArrival>, GuidelineProfile, IReadOnlyList<TimelineEntry>, IReadOnlyList<TimelineEntry>> build,
        Func<IReadOnlyList<CoursePoint>, CourseReport> evaluate)
    {
        this.db = db;
        this.profile = profile;
        this.clock = clock;
        this.build = build;
        this.evaluate = evaluate;
    }

    /// <summary>Opens (creating and migrating on first use) the store at <paramref name="location"/>.</summary>
    internal static async Task<IRecordStore> OpenAsync(
        StoreLocation location,
        GuidelineProfile profile,
        TimeProvider clock,
        Func<string, IReadOnlyList<StoredArrival>, GuidelineProfile, IReadOnlyList<TimelineEntry>, IReadOnlyList<TimelineEntry>> build,
        Func<IReadOnlyList<CoursePoint>, CourseReport> evaluate,
        CancellationToken cancellationToken)
    {
        var dialect = Dialect.For(location);
        try
        {
            await dialect.PrepareAsync(cancellationToken).ConfigureAwait(false);
            await Migrations.ApplyAsync(dialect, clock, cancellationToken).ConfigureAwait(false);
            return new SqlRecordStore(dialect, profile, clock, build, evaluate);
        }
        catch
        {
            await dialect.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc/>
    public async Task<IngestResult> IngestAsync(IngestBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentException.ThrowIfNullOrEmpty(batch.PatientId);
        if (!batch.IsStorable)
        {
            return new IngestResult(batch.PatientId, 0, 0, 0, 0, 0, 0, Refused: true);
        }

        if (batch.Arrivals.Any(a => !string.Equals(a.PatientId, batch.PatientId, StringComparison.Ordinal)))
        {
            throw new ArgumentException("Every arrival of a batch must belong to the batch's patient.", nameof(batch));
        }

        var patientId = batch.PatientId;
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await db.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        await db.LockPatientAsync(tx, patientId, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();

        await Sql.ExecuteAsync(tx, "INSERT INTO patients (id, created_at) VALUES (@id, @at) ON CONFLICT (id) DO NOTHING", cancellationToken, ("id", patientId), ("at", db.Instant(now))).ConfigureAwait(false);

        // The batch's own repeats count as duplicates; the rest go in a few multi-row statements, and what the database
        // already held (same identity) is skipped by ON CONFLICT and not returned.
        var fresh = new Dictionary<string, Arrival>(StringComparer.Ordinal);
        foreach (var arrival in batch.Arrivals)
        {
            fresh.TryAdd(IdentityKey(arrival), arrival);
        }

        var rows = fresh.Select(p => new object?[]
        {
            patientId,
            KindText(p.Value.Kind),
            p.Value.ResourceType,
            p.Value.ResourceId,
            p.Value.VersionId,
            p.Key,
            p.Value.ContentHash,
            p.Value.Body.ToArray(),
            p.Value.Source,
            p.Value.Effective is { } e ? db.Instant(e) : null,
            p.Value.LastUpdated is { } u ? db.Instant(u) : null,
            p.Value.EnteredInError,
            db.Instant(now),
            !p.Value.EnteredInError,
        }).ToList();
        var inserted = new HashSet<long>();
        var insertedKeys = new HashSet<string>(StringComparer.Ordinal);
        var keyOf = new Dictionary<long, string>();
        await Sql.InsertRowsAsync(
            tx,
            "INSERT INTO arrivals (patient_id, kind, resource_type, resource_id, version_id, identity_key, content_hash, body, source, effective, last_updated, entered_in_error, received_at, is_current)",
            rows,
            "ON CONFLICT (patient_id, identity_key) DO NOTHING RETURNING id, identity_key",
            db.RowsPerInsert,
            reader =>
            {
                inserted.Add(reader.GetInt64(0));
                insertedKeys.Add(reader.GetString(1));
                keyOf[reader.GetInt64(0)] = reader.GetString(1);
            },
            cancellationToken).ConfigureAwait(false);
        var stored = inserted.Count;
        var duplicates = batch.Arrivals.Count - stored;
        var superseded = 0;
        var touched = fresh
            .Where(p => insertedKeys.Contains(p.Key) && p.Value is { Kind: ArrivalKind.FhirResource, ResourceType: not null, ResourceId: not null })
            .Select(p => (Type: p.Value.ResourceType!, Id: p.Value.ResourceId!))
            .Distinct()
            .ToList();

        if (touched.Count > 0)
        {
            // Only a resource held in more than one version has anything to settle (one query, not one per resource).
            var versioned = new HashSet<(string, string)>();
            await using (var command = Sql.Command(
                tx,
                "SELECT resource_type, resource_id FROM arrivals WHERE patient_id = @patient AND resource_type IS NOT NULL AND resource_id IS NOT NULL " +
                "GROUP BY resource_type, resource_id HAVING COUNT(*) > 1",
                ("patient", patientId)))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    versioned.Add((reader.GetString(0), reader.GetString(1)));
                }
            }

            foreach (var resource in touched.Where(versioned.Contains))
            {
                superseded += await SettleVersionsAsync(tx, patientId, resource.Type, resource.Id, inserted, cancellationToken).ConfigureAwait(false);
            }
        }

        var made = 0;
        var fired = 0;
        var updated = 0;
        if (stored > 0)
        {
            var current = await ReadArrivalsAsync(tx, patientId, currentOnly: true, cancellationToken).ConfigureAwait(false);
            foreach (var arrival in current)
            {
                // The resources this batch's parse made go to the builder with the rows read back: parsed once per ingest.
                if (keyOf.TryGetValue(arrival.Id, out var key) && fresh.TryGetValue(key, out var sent))
                {
                    ParsedResources.Move(sent, arrival.Arrival);
                }
            }

            // The stored timeline, for the builder to reuse the entries whose receipt would not change (a new lab re-makes
            // only what follows it). Their JSON is not read: a reused entry's receipt is stored already, so it is not rewritten.
            await using var previousCommand = Sql.Command(tx, EntriesQuery(withAssessments: false), ("patient", patientId));
            var previous = await ReadEntriesAsync(previousCommand, cancellationToken).ConfigureAwait(false);
            var entries = build(patientId, current, profile, previous);
            made = await StoreEntriesAsync(tx, patientId, entries, now, cancellationToken).ConfigureAwait(false);
            var report = evaluate([.. entries.Select(e => e.Point)]);
            (fired, updated) = await ReconcileAlertsAsync(tx, patientId, report.Alerts, now, cancellationToken).ConfigureAwait(false);
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new IngestResult(patientId, stored, duplicates, superseded, made, fired, updated);
    }

    /// <summary>
    /// The identity that makes an ingest idempotent: a FHIR resource by type, id and versionId (or, without a versionId,
    /// its content); a snapshot by its content.
    /// </summary>
    internal static string IdentityKey(Arrival arrival) => arrival switch
    {
        { Kind: ArrivalKind.FhirResource, ResourceType: { } type, ResourceId: { } id, VersionId: { Length: > 0 } version } => $"fhir:{type}/{id}/_history/{version}",
        { Kind: ArrivalKind.FhirResource, ResourceType: { } type, ResourceId: { } id } => $"fhir:{type}/{id}#sha256:{arrival.ContentHash}",
        { Kind: ArrivalKind.FhirResource } => $"fhir:#sha256:{arrival.ContentHash}",
        _ => $"snapshot:sha256:{arrival.ContentHash}",
    };

    /// <summary>
    /// Makes one version of a FHIR resource current: the newest (numeric versionId, else lastUpdated, else arrival order);
    /// none when any version is entered-in-error (it withdraws them all). The rest point at what replaced them.
    /// Returns how many that were current before this ingest (not in <paramref name="inserted"/>) stopped being current.
    /// </summary>
    private async Task<int> SettleVersionsAsync(DbTransaction tx, string patientId, string type, string resourceId, HashSet<long> inserted, CancellationToken cancellationToken)
    {
        var versions = new List<(long Id, string? Version, DateTimeOffset? LastUpdated, bool EnteredInError, bool Current, long? SupersededBy)>();
        await using (var command = Sql.Command(
            tx,
            "SELECT id, version_id, last_updated, entered_in_error, is_current, superseded_by FROM arrivals WHERE patient_id = @patient AND resource_type = @type AND resource_id = @rid ORDER BY id",
            ("patient", patientId),
            ("type", type),
            ("rid", resourceId)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                versions.Add((
                    reader.GetInt64(0),
                    reader.IsDBNull(1) ? null : reader.GetString(1),
                    reader.IsDBNull(2) ? null : db.ReadInstant(reader, 2),
                    reader.GetBoolean(3),
                    reader.GetBoolean(4),
                    reader.IsDBNull(5) ? null : reader.GetInt64(5)));
            }
        }

        var ordered = OrderVersions(versions, v => v.Version, v => v.LastUpdated, v => v.Id);
        var withdrawnBy = ordered.LastOrDefault(v => v.EnteredInError);
        var newest = ordered[^1];
        var stopped = 0;
        foreach (var version in versions)
        {
            bool current;
            long? by;
            if (withdrawnBy.Id != 0)
            {
                current = false;
                by = version.Id == withdrawnBy.Id ? null : withdrawnBy.Id;
            }
            else
            {
                current = version.Id == newest.Id;
                by = current ? null : newest.Id;
            }

            if (current == version.Current && by == version.SupersededBy)
            {
                continue;
            }

            if (version.Current && !current && !inserted.Contains(version.Id))
            {
                stopped++;
            }

            await Sql.ExecuteAsync(tx, "UPDATE arrivals SET is_current = @current, superseded_by = @by WHERE id = @id", cancellationToken, ("current", current), ("by", by), ("id", version.Id)).ConfigureAwait(false);
        }

        return stopped;
    }

    /// <summary>
    /// Versions oldest first: by numeric versionId when every version has one, else by lastUpdated when every version has
    /// one, else in arrival order (row id); ties by row id.
    /// </summary>
    internal static List<T> OrderVersions<T>(IReadOnlyList<T> versions, Func<T, string?> versionId, Func<T, DateTimeOffset?> lastUpdated, Func<T, long> rowId)
    {
        if (versions.All(v => long.TryParse(versionId(v), NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            return [.. versions.OrderBy(v => long.Parse(versionId(v)!, NumberStyles.None, CultureInfo.InvariantCulture)).ThenBy(rowId)];
        }

        if (versions.All(v => lastUpdated(v) is not null))
        {
            return [.. versions.OrderBy(v => lastUpdated(v)!.Value).ThenBy(rowId)];
        }

        return [.. versions.OrderBy(rowId)];
    }

    /// <summary>
    /// Stores the entries not already stored (same receipt: nothing re-made) and marks every other current entry of the
    /// patient not current (kept as history). Returns how many were made.
    /// </summary>
    private async Task<int> StoreEntriesAsync(DbTransaction tx, string patientId, IReadOnlyList<TimelineEntry> entries, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var existing = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var command = Sql.Command(
            tx,
            "SELECT id, as_of, engine_version, profile, arrival_ids, output_sha256 FROM assessments WHERE patient_id = @patient AND is_current = TRUE",
            ("patient", patientId)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var receipt = new Receipt(reader.GetString(2), reader.GetString(3), db.ReadInstant(reader, 1), StoreJson.ReadIds(reader.GetString(4)), reader.GetString(5));
                existing.TryAdd(ReceiptKey(receipt), reader.GetInt64(0));
            }
        }

        var kept = new HashSet<string>(StringComparer.Ordinal);
        var rows = new List<object?[]>();
        foreach (var entry in entries)
        {
            var key = ReceiptKey(entry.Receipt);
            if (!kept.Add(key) || existing.ContainsKey(key))
            {
                continue;
            }

            rows.Add(
            [
                patientId,
                db.Instant(entry.Receipt.AsOf),
                entry.Receipt.EngineVersion,
                entry.Receipt.Profile,
                StoreJson.Ids(entry.Receipt.ArrivalIds),
                entry.Receipt.OutputSha256,
                AssessmentText.Compress(entry.AssessmentJson ?? throw new ArgumentException("A timeline entry to store has no assessment JSON.", nameof(entries))),
                StoreJson.Inputs(entry.Inputs),
                StoreJson.Point(entry.Point),
                true,
                db.Instant(now),
            ]);
        }

        // Assessment JSON runs to tens of kilobytes: fewer rows a statement.
        await Sql.InsertRowsAsync(
            tx,
            "INSERT INTO assessments (patient_id, as_of, engine_version, profile, arrival_ids, output_sha256, assessment_br, inputs_json, point_json, is_current, made_at)",
            rows,
            "",
            Math.Max(1, db.RowsPerInsert / 10),
            null,
            cancellationToken).ConfigureAwait(false);

        foreach (var (key, id) in existing)
        {
            if (!kept.Contains(key))
            {
                await Sql.ExecuteAsync(tx, "UPDATE assessments SET is_current = FALSE WHERE id = @id", cancellationToken, ("id", id)).ConfigureAwait(false);
            }
        }

        return rows.Count;
    }

    private static string ReceiptKey(Receipt receipt) => string.Join(
        '|',
        receipt.EngineVersion,
        receipt.Profile,
        Dialect.ToMicroseconds(receipt.AsOf).UtcTicks.ToString(CultureInfo.InvariantCulture),
        StoreJson.Ids(receipt.ArrivalIds),
        receipt.OutputSha256);

    /// <summary>
    /// Alerts from the rules' findings: a new (rule, episode start) fires; one whose evidence changed is updated (its
    /// state kept, except that one the rule itself resolved opens again); one no longer found is resolved by the rule.
    /// </summary>
    private async Task<(int Fired, int Updated)> ReconcileAlertsAsync(DbTransaction tx, string patientId, IReadOnlyList<AlertCandidate> candidates, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var existing = new Dictionary<(string Rule, long Start), (long Id, string Evidence, AlertState State, string? By)>();
        await using (var command = Sql.Command(tx, "SELECT id, rule_id, episode_start, evidence_key, state, state_by FROM alerts WHERE patient_id = @patient", ("patient", patientId)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                existing[(reader.GetString(1), db.ReadInstant(reader, 2).UtcTicks)] =
                    (reader.GetInt64(0), reader.GetString(3), ParseState(reader.GetString(4)), reader.IsDBNull(5) ? null : reader.GetString(5));
            }
        }

        int fired = 0, updated = 0;
        var found = new HashSet<(string, long)>();
        foreach (var candidate in candidates)
        {
            var key = (candidate.RuleId, Dialect.ToMicroseconds(candidate.EpisodeStart).UtcTicks);
            if (!found.Add(key))
            {
                continue;
            }

            if (!existing.TryGetValue(key, out var alert))
            {
                fired += await Sql.ExecuteAsync(
                    tx,
                    "INSERT INTO alerts (patient_id, rule_id, episode_start, latest_at, evidence_key, severity, text, citation_json, state, fired_at, updated_at, updates, state_by) " +
                    "VALUES (@patient, @rule, @start, @latest, @evidence, @severity, @text, @citation, @state, @now, @now, 0, NULL) " +
                    "ON CONFLICT (patient_id, rule_id, episode_start) DO NOTHING",
                    cancellationToken,
                    ("patient", patientId),
                    ("rule", candidate.RuleId),
                    ("start", db.Instant(candidate.EpisodeStart)),
                    ("latest", db.Instant(candidate.LatestAt)),
                    ("evidence", candidate.EvidenceKey),
                    ("severity", SeverityText(candidate.Severity)),
                    ("text", candidate.Text),
                    ("citation", StoreJson.Citation(candidate.Source)),
                    ("state", StateText(AlertState.Open)),
                    ("now", db.Instant(now))).ConfigureAwait(false);
                continue;
            }

            var reopen = alert.State == AlertState.Resolved && alert.By == RuleResolver;
            if (string.Equals(alert.Evidence, candidate.EvidenceKey, StringComparison.Ordinal) && !reopen)
            {
                continue;
            }

            var changed = !string.Equals(alert.Evidence, candidate.EvidenceKey, StringComparison.Ordinal);
            await Sql.ExecuteAsync(
                tx,
                "UPDATE alerts SET latest_at = @latest, evidence_key = @evidence, severity = @severity, text = @text, citation_json = @citation, " +
                "updated_at = @now, updates = updates + @more, state = @state, state_by = @by WHERE id = @id",
                cancellationToken,
                ("latest", db.Instant(candidate.LatestAt)),
                ("evidence", candidate.EvidenceKey),
                ("severity", SeverityText(candidate.Severity)),
                ("text", candidate.Text),
                ("citation", StoreJson.Citation(candidate.Source)),
                ("now", db.Instant(now)),
                ("more", changed ? 1 : 0),
                ("state", StateText(reopen ? AlertState.Open : alert.State)),
                ("by", reopen ? null : alert.By),
                ("id", alert.Id)).ConfigureAwait(false);
            if (changed)
            {
                updated++;
            }
        }

        foreach (var (key, alert) in existing)
        {
            if (!found.Contains(key) && alert.State != AlertState.Resolved)
            {
                await Sql.ExecuteAsync(
                    tx,
                    "UPDATE alerts SET state = @state, state_by = @by, updated_at = @now WHERE id = @id",
                    cancellationToken,
                    ("state", StateText(AlertState.Resolved)),
                    ("by", RuleResolver),
                    ("now", db.Instant(now)),
                    ("id", alert.Id)).ConfigureAwait(false);
            }
        }

        return (fired, updated);
    }

    private async Task<List<StoredArrival>> ReadArrivalsAsync(DbTransaction tx, string patientId, bool currentOnly, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(
            tx,
            $"SELECT {ArrivalColumns} FROM arrivals WHERE patient_id = @patient{(currentOnly ? " AND is_current = TRUE" : "")} ORDER BY id",
            ("patient", patientId));
        return await ReadArrivalsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    private async Task<List<StoredArrival>> ReadArrivalsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var arrivals = new List<StoredArrival>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var arrival = new Arrival(
                reader.GetString(1),
                ParseKind(reader.GetString(2)),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetString(6),
                reader.GetFieldValue<byte[]>(7),
                reader.GetString(8),
                reader.IsDBNull(9) ? null : db.ReadInstant(reader, 9),
                reader.IsDBNull(10) ? null : db.ReadInstant(reader, 10),
                reader.GetBoolean(11));
            arrivals.Add(new StoredArrival(reader.GetInt64(0), arrival, db.ReadInstant(reader, 12), reader.GetBoolean(13)));
        }

        return arrivals;
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => db.DisposeAsync();

    internal static string KindText(ArrivalKind kind) => kind switch
    {
        ArrivalKind.Snapshot => "snapshot",
        ArrivalKind.FhirResource => "fhir",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Expected Snapshot or FhirResource."),
    };

    private static ArrivalKind ParseKind(string text) => text switch
    {
        "snapshot" => ArrivalKind.Snapshot,
        "fhir" => ArrivalKind.FhirResource,
        _ => throw new InvalidDataException("Unknown arrival kind in the store: " + text),
    };

    internal static string StateText(AlertState state) => state switch
    {
        AlertState.Open => "open",
        AlertState.Acknowledged => "acknowledged",
        AlertState.Resolved => "resolved",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Expected Open, Acknowledged or Resolved."),
    };

    private static AlertState ParseState(string text) => text switch
    {
        "open" => AlertState.Open,
        "acknowledged" => AlertState.Acknowledged,
        "resolved" => AlertState.Resolved,
        _ => throw new InvalidDataException("Unknown alert state in the store: " + text),
    };

    internal static string SeverityText(AlertSeverity severity) => severity switch
    {
        AlertSeverity.Info => "info",
        AlertSeverity.Warning => "warning",
        AlertSeverity.Critical => "critical",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "Expected Info, Warning or Critical."),
    };

    private static AlertSeverity ParseSeverity(string text) => text switch
    {
        "info" => AlertSeverity.Info,
        "warning" => AlertSeverity.Warning,
        "critical" => AlertSeverity.Critical,
        _ => throw new InvalidDataException("Unknown alert severity in the store: " + text),
    };
}
