using System.Data.Common;
using System.Globalization;
using System.Text;
using Hepatica.Clinical.Course;

namespace Hepatica.Store.Database;

/// <summary>Reads, alert state, the shown-once ledger and erase.</summary>
internal sealed partial class SqlRecordStore
{
    private const string AlertColumns =
        "id, patient_id, rule_id, episode_start, latest_at, evidence_key, severity, text, citation_json, state, fired_at, updated_at, updates, state_by";

    /// <inheritdoc/>
    public Task<PatientTimeline?> TimelineAsync(string patientId, CancellationToken cancellationToken = default) =>
        TimelineAsync(patientId, withAssessments: true, cancellationToken);

    /// <inheritdoc/>
    public async Task<PatientTimeline?> TimelineAsync(string patientId, bool withAssessments, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(patientId);
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        if (!await PatientExistsAsync(connection, patientId, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        await using var command = Sql.Command(connection, EntriesQuery(withAssessments), ("patient", patientId));
        var entries = await ReadEntriesAsync(command, cancellationToken).ConfigureAwait(false);
        return new PatientTimeline(patientId, entries, evaluate([.. entries.Select(e => e.Point)]));
    }

    /// <inheritdoc/>
    public async Task<string?> AssessmentAsync(string patientId, DateTimeOffset asOf, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(patientId);
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Sql.Command(
            connection,
            "SELECT assessment_json, assessment_br FROM assessments WHERE patient_id = @patient AND is_current = TRUE AND as_of = @asOf ORDER BY id LIMIT 1",
            ("patient", patientId),
            ("asOf", db.Instant(asOf)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? AssessmentText.Read(reader, 0) : null;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<StoredArrival>> ArrivalsAsync(string patientId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(patientId);
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Sql.Command(connection, $"SELECT {ArrivalColumns} FROM arrivals WHERE patient_id = @patient ORDER BY id", ("patient", patientId));
        return await ReadArrivalsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<StoredAlert>> AlertsAsync(AlertQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1, nameof(query));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.Limit, 1000, nameof(query));
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        var sql = new StringBuilder($"SELECT {AlertColumns} FROM alerts WHERE 1 = 1");
        if (query.PatientId is { } patient)
        {
            sql.Append(" AND patient_id = @patient");
            AddParameter(command, "patient", patient);
        }

        if (query.RuleIds is { } rules)
        {
            AppendIn(sql, command, "rule_id", "rule", rules);
        }

        var states = query.States ?? [AlertState.Open, AlertState.Acknowledged];
        AppendIn(sql, command, "state", "state", [.. states.Distinct().Select(StateText)]);

        if (query.MinSeverity is { } min)
        {
            AppendIn(sql, command, "severity", "severity", [.. Enum.GetValues<AlertSeverity>().Where(s => s >= min).Select(SeverityText)]);
        }

        if (query.AfterId is { } after)
        {
            sql.Append(" AND id > @after");
            AddParameter(command, "after", after);
        }

        sql.Append(" ORDER BY id LIMIT @limit");
        AddParameter(command, "limit", query.Limit);
        command.CommandText = sql.ToString();
        return await ReadAlertsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<StoredAlert?> SetAlertStateAsync(long alertId, AlertState state, string? by, CancellationToken cancellationToken = default)
    {
        var stateText = StateText(state);
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await db.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        if (await Sql.ScalarAsync(tx, "SELECT patient_id FROM alerts WHERE id = @id", cancellationToken, ("id", alertId)).ConfigureAwait(false) is not string patientId)
        {
            return null;
        }

        await db.LockPatientAsync(tx, patientId, cancellationToken).ConfigureAwait(false);
        await Sql.ExecuteAsync(
            tx,
            "UPDATE alerts SET state = @state, state_by = @by, updated_at = @now WHERE id = @id",
            cancellationToken,
            ("state", stateText),
            ("by", by),
            ("now", db.Instant(clock.GetUtcNow())),
            ("id", alertId)).ConfigureAwait(false);
        await using var command = Sql.Command(tx, $"SELECT {AlertColumns} FROM alerts WHERE id = @id", ("id", alertId));
        var alert = (await ReadAlertsAsync(command, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return alert;
    }

    /// <inheritdoc/>
    public async Task<bool> ErasePatientAsync(string patientId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(patientId);
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await db.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        await db.LockPatientAsync(tx, patientId, cancellationToken).ConfigureAwait(false);
        (string Name, object? Value) patient = ("patient", patientId);
        var receipts = await Sql.ExecuteAsync(tx, "DELETE FROM receipts WHERE patient_id = @patient", cancellationToken, patient).ConfigureAwait(false);
        await Sql.ExecuteAsync(tx, "DELETE FROM shown WHERE alert_id IN (SELECT id FROM alerts WHERE patient_id = @patient)", cancellationToken, patient).ConfigureAwait(false);
        await Sql.ExecuteAsync(tx, "DELETE FROM alerts WHERE patient_id = @patient", cancellationToken, patient).ConfigureAwait(false);
        await Sql.ExecuteAsync(tx, "DELETE FROM assessments WHERE patient_id = @patient", cancellationToken, patient).ConfigureAwait(false);
        await Sql.ExecuteAsync(tx, "UPDATE arrivals SET superseded_by = NULL WHERE patient_id = @patient AND superseded_by IS NOT NULL", cancellationToken, patient).ConfigureAwait(false);
        await Sql.ExecuteAsync(tx, "DELETE FROM arrivals WHERE patient_id = @patient", cancellationToken, patient).ConfigureAwait(false);
        var erased = await Sql.ExecuteAsync(tx, "DELETE FROM patients WHERE id = @patient", cancellationToken, patient).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        if (erased > 0 || receipts > 0)
        {
            await db.AfterEraseAsync(cancellationToken).ConfigureAwait(false);
        }

        return erased > 0 || receipts > 0;
    }

    /// <inheritdoc/>
    public async Task SaveAssessmentAsync(SavedAssessment saved, TimeSpan keepFor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(saved);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(keepFor, TimeSpan.Zero);
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await db.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        await Sql.ExecuteAsync(tx, "DELETE FROM receipts WHERE created_at < @before", cancellationToken, ("before", db.Instant(clock.GetUtcNow() - keepFor))).ConfigureAwait(false);
        await Sql.ExecuteAsync(
            tx,
            "INSERT INTO receipts (id, created_at, engine_version, content_type, as_of, profile, patient_id, input_br, assessment_br) " +
            "VALUES (@id, @created, @engine, @type, @asOf, @profile, @patient, @input, @assessment)",
            cancellationToken,
            ("id", saved.Id),
            ("created", db.Instant(saved.CreatedAt)),
            ("engine", saved.EngineVersion),
            ("type", saved.ContentType),
            ("asOf", saved.AsOf),
            ("profile", saved.Profile),
            ("patient", saved.PatientId),
            ("input", AssessmentText.Compress(saved.Input)),
            ("assessment", AssessmentText.Compress(saved.Assessment))).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<SavedAssessment?> SavedAssessmentAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Sql.Command(
            connection,
            "SELECT id, created_at, engine_version, content_type, as_of, profile, patient_id, input_br, assessment_br FROM receipts WHERE id = @id",
            ("id", id));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        return new SavedAssessment(
            reader.GetString(0),
            db.ReadInstant(reader, 1),
            reader.GetString(2),
            reader.GetString(3),
            Text(4),
            Text(5),
            Text(6),
            AssessmentText.Decompress(reader.GetFieldValue<byte[]>(7)),
            AssessmentText.Decompress(reader.GetFieldValue<byte[]>(8)));
    }

    /// <inheritdoc/>
    public async Task<bool> NoteShownAsync(long alertId, string evidenceKey, string channel, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(evidenceKey);
        ArgumentException.ThrowIfNullOrEmpty(channel);
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await db.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        var inserted = await Sql.ExecuteAsync(
            tx,
            "INSERT INTO shown (alert_id, evidence_key, channel, shown_at) SELECT id, @evidence, @channel, @now FROM alerts WHERE id = @id " +
            "ON CONFLICT (alert_id, evidence_key, channel) DO NOTHING",
            cancellationToken,
            ("evidence", evidenceKey),
            ("channel", channel),
            ("now", db.Instant(clock.GetUtcNow())),
            ("id", alertId)).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return inserted > 0;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<string>> PatientsAsync(string? afterId = null, int limit = 100, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 1000);
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = afterId is null
            ? Sql.Command(connection, "SELECT id FROM patients ORDER BY id LIMIT @limit", ("limit", limit))
            : Sql.Command(connection, "SELECT id FROM patients WHERE id > @after ORDER BY id LIMIT @limit", ("after", afterId), ("limit", limit));
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    /// <summary>
    /// The patient's current entries, oldest first. Without the assessments (nulls in their place) for a timeline read
    /// without them, and for the timeline builder's reuse during ingest, which needs receipts, inputs and points but not
    /// the (large) assessment.
    /// </summary>
    private static string EntriesQuery(bool withAssessments) =>
        $"SELECT as_of, engine_version, profile, arrival_ids, output_sha256, {(withAssessments ? "assessment_json, assessment_br" : "NULL, NULL")}, inputs_json, point_json FROM assessments " +
        "WHERE patient_id = @patient AND is_current = TRUE ORDER BY as_of, id";

    private async Task<List<TimelineEntry>> ReadEntriesAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var entries = new List<TimelineEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var asOf = db.ReadInstant(reader, 0);
            var receipt = new Receipt(reader.GetString(1), reader.GetString(2), asOf, StoreJson.ReadIds(reader.GetString(3)), reader.GetString(4));
            var assessment = reader.IsDBNull(5) && reader.IsDBNull(6) ? null : AssessmentText.Read(reader, 5);
            entries.Add(new TimelineEntry(asOf, receipt, assessment, StoreJson.ReadInputs(reader.GetString(7)), StoreJson.ReadPoint(reader.GetString(8))));
        }

        return entries;
    }

    private static async Task<bool> PatientExistsAsync(DbConnection connection, string patientId, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, "SELECT 1 FROM patients WHERE id = @patient", ("patient", patientId));
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null and not DBNull;
    }

    private async Task<List<StoredAlert>> ReadAlertsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var alerts = new List<StoredAlert>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var candidate = new AlertCandidate(
                reader.GetString(2),
                db.ReadInstant(reader, 3),
                db.ReadInstant(reader, 4),
                reader.GetString(5),
                ParseSeverity(reader.GetString(6)),
                reader.GetString(7),
                StoreJson.ReadCitation(reader.GetString(8)));
            alerts.Add(new StoredAlert(
                reader.GetInt64(0),
                reader.GetString(1),
                candidate,
                ParseState(reader.GetString(9)),
                db.ReadInstant(reader, 10),
                db.ReadInstant(reader, 11),
                reader.GetInt32(12),
                reader.IsDBNull(13) ? null : reader.GetString(13)));
        }

        return alerts;
    }

    private static void AppendIn(StringBuilder sql, DbCommand command, string column, string prefix, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            sql.Append(" AND 1 = 0");
            return;
        }

        sql.Append(" AND ").Append(column).Append(" IN (");
        for (var i = 0; i < values.Count; i++)
        {
            var name = prefix + i.ToString(CultureInfo.InvariantCulture);
            sql.Append(i == 0 ? "@" : ", @").Append(name);
            AddParameter(command, name, values[i]);
        }

        sql.Append(')');
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
