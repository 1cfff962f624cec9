using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Hepatica.Store;

namespace Hepatica.Cli.Record;

/// <summary>
/// What one <c>hepatica ingest</c> run did, summed over its batches (one batch: one patient of one input document). The
/// distinct patients are counted by a 64-bit digest of each id (SHA-256's first 8 bytes), about 24 bytes a patient,
/// so a run over a million patients holds about 24 MB for the count, not the ids.
/// </summary>
internal sealed class IngestSummary
{
    private readonly HashSet<long> patients = [];
    private string? firstStored;

    /// <summary>Documents read (lines, files, Bulk patients).</summary>
    public long Documents { get; set; }

    /// <summary>Batches the store committed.</summary>
    public long Batches { get; private set; }

    /// <summary>Distinct patients in committed or refused batches.</summary>
    public int Patients => patients.Count;

    /// <summary>Arrivals stored new.</summary>
    public long Stored { get; private set; }

    /// <summary>Arrivals already held (stored once).</summary>
    public long Duplicates { get; private set; }

    /// <summary>Earlier versions superseded or withdrawn.</summary>
    public long Superseded { get; private set; }

    /// <summary>Timeline entries made or re-made.</summary>
    public long AssessmentsMade { get; private set; }

    /// <summary>New alerts.</summary>
    public long AlertsFired { get; private set; }

    /// <summary>Alerts whose evidence changed.</summary>
    public long AlertsUpdated { get; private set; }

    /// <summary>Batches refused whole (errors in the input): nothing of them stored.</summary>
    public long Refused { get; private set; }

    /// <summary>Input that did not become a batch: a line that is not JSON, a Bulk line without a patient, a document with no patient.</summary>
    public long Unreadable { get; set; }

    /// <summary>Bulk lines of a resource type or code the engine does not read: counted, not stored.</summary>
    public long NotRead { get; set; }

    /// <summary>True when some input was refused or unreadable (exit 1).</summary>
    public bool HasProblems => Refused > 0 || Unreadable > 0;

    /// <summary>Adds one store result.</summary>
    public void Add(IngestResult result)
    {
        patients.Add(Digest(result.PatientId));
        if (result.Refused)
        {
            Refused++;
            return;
        }

        Batches++;
        firstStored ??= result.PatientId;
        Stored += result.Stored;
        Duplicates += result.Duplicates;
        Superseded += result.Superseded;
        AssessmentsMade += result.AssessmentsMade;
        AlertsFired += result.AlertsFired;
        AlertsUpdated += result.AlertsUpdated;
    }

    /// <summary>A batch refused before the store saw it (its errors found by the parser).</summary>
    public void AddRefused(string patientId)
    {
        if (patientId.Length > 0)
        {
            patients.Add(Digest(patientId));
        }

        Refused++;
    }

    private static string Count(long n, string noun) => string.Create(CultureInfo.InvariantCulture, $"{n:N0} {noun}{(n == 1 ? "" : noun.EndsWith('h') ? "es" : "s")}");

    private static long Digest(string id)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(id), hash);
        return BinaryPrimitives.ReadInt64LittleEndian(hash);
    }

    /// <summary>The acknowledgement line of one committed batch (<c>--acks</c>): ids and counts only.</summary>
    public static string Ack(IngestResult r) => string.Create(CultureInfo.InvariantCulture,
        $"ack {TerminalText.Escape(r.PatientId)} stored={r.Stored} duplicates={r.Duplicates} superseded={r.Superseded} assessments={r.AssessmentsMade} alerts-fired={r.AlertsFired} alerts-updated={r.AlertsUpdated}");

    /// <summary>The summary for standard error.</summary>
    public string Describe(string store, TimeSpan elapsed) => string.Create(CultureInfo.InvariantCulture,
        $"""
        ingest into {store}: {Count(Documents, "document")}, {Count(Patients, "patient")}, {Count(Batches, "batch")} committed in {elapsed.TotalSeconds:F2} s
          arrivals: {Stored:N0} stored, {Duplicates:N0} duplicates (already held), {Superseded:N0} earlier versions superseded
          timeline: {AssessmentsMade:N0} assessments made; alerts: {AlertsFired:N0} fired, {AlertsUpdated:N0} updated
          refused: {Refused:N0} batches (nothing of them stored), {Unreadable:N0} unreadable inputs{(NotRead > 0 ? $"; {NotRead:N0} Bulk lines not read by the engine (types or codes it does not use)" : "")}{Next()}
        """);

    /// <summary>What to run next: the one patient's timeline, or the list of patients to pick one from.</summary>
    private string Next() => firstStored is null ? ""
        : Patients == 1 ? $"\n  next: hepatica timeline {TerminalText.Escape(firstStored)}"
        : "\n  next: hepatica patients (the ids held), then hepatica timeline ID";
}
