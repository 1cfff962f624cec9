using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Hepatica.Clinical;
using Hepatica.Clinical.Course;
using Hepatica.Fhir;
using Hepatica.Fhir.Writing;
using Hepatica.Json;

namespace Hepatica.Store;

/// <summary>
/// Makes a patient's timeline from its current arrivals (docs/course-replay.md, "Ingest, timeline and receipts"): one
/// assessment per snapshot, as of its assessment date, and one at every instant a FHIR value the reader uses was
/// measured, each read as of that instant over all the patient's current FHIR arrivals with the reader's windows; and
/// re-makes one from its receipt. Each assessment's JSON is the bytes <c>hepatica assess --format json</c> writes for
/// the same input (and <c>--as-of</c> the instant, for FHIR). Pure: no database, no clock.
/// </summary>
public static class Replay
{
    /// <summary>The CLI's JSON options (src/Hepatica.Cli/Commands.cs): indented, non-ASCII text as is.</summary>
    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Every timeline entry for the patient's current arrivals, oldest first (a snapshot before FHIR at the same instant).</summary>
    public static IReadOnlyList<TimelineEntry> Build(string patientId, IReadOnlyList<StoredArrival> current, GuidelineProfile profile) =>
        Build(patientId, current, profile, null);

    /// <summary>
    /// Like <see cref="Build(string, IReadOnlyList{StoredArrival}, GuidelineProfile)"/>, reusing each entry of
    /// <paramref name="previous"/> (the timeline as stored) whose receipt is the one the entry would get: same engine
    /// version, profile, instant and arrival ids (row ids never change), so the same bytes. A new lab then re-makes only
    /// the entries at and after its time, not the whole course.
    /// </summary>
    public static IReadOnlyList<TimelineEntry> Build(string patientId, IReadOnlyList<StoredArrival> current, GuidelineProfile profile, IReadOnlyList<TimelineEntry>? previous)
    {
        ArgumentNullException.ThrowIfNull(patientId);
        ArgumentNullException.ThrowIfNull(current);
        var live = current.Where(a => a.Current && a.Arrival.PatientId == patientId).ToList();
        var entries = new List<(TimelineEntry Entry, int Order)>();
        var profileId = GuidelineProfiles.IdOf(profile);
        var reusable = (previous ?? []).Where(e => e.Receipt.EngineVersion == Engine.Version && e.Receipt.Profile == profileId)
            .GroupBy(e => (e.AsOf, Ids: string.Join(',', e.Receipt.ArrivalIds))).ToDictionary(g => g.Key, g => g.First());
        var bySnapshot = reusable.Values.Where(e => e.Receipt.ArrivalIds.Count == 1).GroupBy(e => e.Receipt.ArrivalIds[0]).ToDictionary(g => g.Key, g => g.First()); // a FHIR entry never names a snapshot's id
        foreach (var a in live.Where(a => a.Arrival.Kind == ArrivalKind.Snapshot).OrderBy(a => a.Id))
        {
            if (bySnapshot.TryGetValue(a.Id, out var kept))
            {
                entries.Add((kept, 0));
            }
            else if (Snapshot(a, profile) is { } made)
            {
                entries.Add((Entry(made, [a.Id], profile, []), 0));
            }
        }

        if (live.Any(a => a.Arrival.Kind == ArrivalKind.FhirResource))
        {
            var record = FhirRecord.Of(patientId, live);
            var instants = record.Instants.Select(WholeSecond).Distinct().ToList();
            var slots = new TimelineEntry?[instants.Count];
            var reads = new (FhirReadResult Read, List<long> Ids)?[instants.Count];
            var toMake = new List<int>(instants.Count);

            // The FHIR model is read on this thread only (the SDK's objects are not documented as safe to read
            // concurrently); what follows the read uses only the snapshot and the sources.
            for (var i = 0; i < instants.Count; i++)
            {
                var t = instants[i];
                var (bundle, ids) = record.At(t);
                if (reusable.TryGetValue((t, string.Join(',', ids)), out var kept))
                {
                    slots[i] = kept;
                }
                else if (FhirSnapshotReader.Read(bundle, t) is { Snapshot: not null } read)
                {
                    reads[i] = (read, ids);
                    toMake.Add(i);
                }
            }

            // The instants are independent (each reads its own Bundle as of its own time; the assessment, the JSON writer
            // and the course point are pure), so they are made in parallel; each lands in its instant's slot, so the
            // order, and every byte, is the one the sequential loop gave.
            Parallel.For(0, toMake.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, k =>
            {
                var i = toMake[k];
                var (read, ids) = reads[i]!.Value;
                var made = Fhir(read, instants[i], profile);
                slots[i] = Entry(made, ids, profile, Inputs(made.Read, instants[i], record));
            });

            foreach (var entry in slots)
            {
                if (entry is not null)
                {
                    entries.Add((entry, 1));
                }
            }
        }

        return [.. entries.OrderBy(e => e.Entry.AsOf).ThenBy(e => e.Order).Select(e => e.Entry)];
    }

    /// <summary>
    /// Re-makes the assessment a receipt names from the stored arrivals (the receipt's ids): its JSON is byte for byte
    /// the stored one. A receipt made by another engine version, or naming arrivals not given, is refused
    /// (<see cref="InvalidOperationException"/>): another version may compute differently, so its output is not re-made here.
    /// </summary>
    public static Remade Rerun(Receipt receipt, IReadOnlyList<StoredArrival> arrivals)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        ArgumentNullException.ThrowIfNull(arrivals);
        if (receipt.EngineVersion != Engine.Version)
        {
            throw new InvalidOperationException($"The receipt was made by Hepatica engine {receipt.EngineVersion}; this is engine {Engine.Version}. Only the engine version that made an assessment re-makes it byte for byte: re-run it with {receipt.EngineVersion}, or rebuild the timeline to assess it with {Engine.Version}.");
        }

        var profile = GuidelineProfiles.Parse(receipt.Profile)
            ?? throw new InvalidOperationException($"The receipt names the guideline profile '{receipt.Profile}', which this engine does not know ({GuidelineProfiles.AcceptedIds}).");
        var byId = arrivals.GroupBy(a => a.Id).ToDictionary(g => g.Key, g => g.First());
        var missing = receipt.ArrivalIds.Where(id => !byId.ContainsKey(id)).ToList();
        if (missing.Count > 0 || receipt.ArrivalIds.Count == 0)
        {
            throw new InvalidOperationException($"The receipt names arrivals that were not given: {(missing.Count == 0 ? "none named" : string.Join(", ", missing))}.");
        }

        var used = receipt.ArrivalIds.Select(id => byId[id]).ToList();
        Made? made;
        if (used is [{ Arrival.Kind: ArrivalKind.Snapshot } one])
        {
            made = Snapshot(one, profile, receipt.AsOf);
        }
        else
        {
            var record = FhirRecord.Of(used[0].Arrival.PatientId, used);
            made = Fhir(record.At(receipt.AsOf).Bundle, receipt.AsOf, profile);
        }

        return made is null
            ? throw new InvalidOperationException("The receipt's arrivals no longer give a readable patient.")
            : new Remade(made.Assessment, made.Read.WriteContext, made.Json);
    }

    /// <summary>What one assessment gave: how its input was read, the assessment, its JSON and as-of instant.</summary>
    private sealed record Made(InputRead Read, PatientSnapshot Snapshot, Assessment Assessment, string Json, string Sha256, DateTimeOffset At);

    /// <summary>
    /// A snapshot as <c>hepatica assess</c> reads it, as of its assessment date (at 00:00 UTC on the timeline), or, for a
    /// snapshot without one, the instant it was received (the run time, in the output too).
    /// </summary>
    private static Made? Snapshot(StoredArrival a, GuidelineProfile profile, DateTimeOffset? runTime = null)
    {
        var read = SnapshotReader.Read(a.Arrival.Body.Span);
        if (read.Snapshot is not { } snapshot)
        {
            return null;
        }

        var at = snapshot.AssessmentDate is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : runTime ?? WholeSecond(a.ReceivedAt);
        var input = new InputRead(snapshot, read.Issues, [], at);
        var assessment = Assessment.Of(snapshot, profile);
        var (json, sha256) = Write(assessment, input.Basis!, null);
        return new Made(input, snapshot, assessment, json, sha256, at);
    }

    /// <summary>A Bundle as <c>hepatica assess BUNDLE --as-of t --format json</c> reads and writes it.</summary>
    private static Made? Fhir(Hl7.Fhir.Model.Bundle bundle, DateTimeOffset t, GuidelineProfile profile) =>
        FhirSnapshotReader.Read(bundle, t) is { Snapshot: not null } read ? Fhir(read, t, profile) : null;

    /// <summary>The assessment and JSON of a Bundle read as of <paramref name="t"/> into a snapshot.</summary>
    private static Made Fhir(FhirReadResult read, DateTimeOffset t, GuidelineProfile profile)
    {
        var snapshot = read.Snapshot!;
        var input = new InputRead(snapshot, read.Issues, read.Sources, t, t, AsOfGiven: true);
        var assessment = Assessment.Of(snapshot, profile);
        var (json, sha256) = Write(assessment, input.Basis!, read.Sources);
        return new Made(input, snapshot, assessment, json, sha256, t);
    }

    /// <summary>The JSON <c>hepatica assess --format json</c> writes, and the SHA-256 of its UTF-8 bytes (hashed as written, not re-encoded).</summary>
    private static (string Json, string Sha256) Write(Assessment assessment, AsOf asOf, IReadOnlyList<FhirSource>? sources)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using (var w = new Utf8JsonWriter(buffer, Indented))
        {
            AssessmentWriter.Write(w, assessment, Detail.Full, asOf, sources: sources);
        }

        buffer.Write("\n"u8);
        return (Encoding.UTF8.GetString(buffer.WrittenSpan), IngestParser.Sha256(buffer.WrittenSpan));
    }

    private static TimelineEntry Entry(Made made, List<long> ids, GuidelineProfile profile, IReadOnlyList<InputAge> inputs)
    {
        var receipt = new Receipt(Engine.Version, GuidelineProfiles.IdOf(profile), made.At, ids, made.Sha256);
        return new TimelineEntry(made.At, receipt, made.Json, inputs, CoursePoint.Of(made.Snapshot, made.Assessment, made.At));
    }

    /// <summary>
    /// One age per FHIR source the reader used (its time, whole days before <paramref name="t"/>, its window), then one per
    /// analyte whose latest value the reader left out as older than its window (FHR013): stale.
    /// </summary>
    private static List<InputAge> Inputs(InputRead read, DateTimeOffset t, FhirRecord record)
    {
        var inputs = new List<InputAge>(read.Sources.Count + 4);
        foreach (var s in read.Sources)
        {
            inputs.Add(new InputAge(s.Path, s.Date, s.Date is { } d ? Days(t - d) : null, ObservationCodes.WindowDays(s.Path), false, (s.Id is { } id ? record.Find(s.ResourceType, id)?.Arrival?.Id : null)));
        }

        const string prefix = "Observation/";
        const string suffix = ".effective";
        foreach (var issue in read.Issues)
        {
            if (issue.Code == FhirIssueCodes.OutsideWindow && issue.Path.StartsWith(prefix, StringComparison.Ordinal) && issue.Path.EndsWith(suffix, StringComparison.Ordinal)
                && record.Find("Observation", issue.Path[prefix.Length..^suffix.Length]) is { Path: { } path, Time: { } time } item)
            {
                inputs.Add(new InputAge(path, time, Days(t - time), ObservationCodes.WindowDays(path), true, item.Arrival?.Id));
            }
        }

        return inputs;
    }

    private static int Days(TimeSpan age) => (int)Math.Floor(age.TotalDays);

    /// <summary>
    /// The instant in UTC, rounded up to the whole second: the as-of is written in whole seconds (AsOf.Text), so the
    /// value measured at a fraction of a second is inside the as-of the output names and the CLI re-reads.
    /// </summary>
    private static DateTimeOffset WholeSecond(DateTimeOffset t)
    {
        var ticks = t.UtcTicks;
        var whole = ticks - (ticks % TimeSpan.TicksPerSecond);
        return new DateTimeOffset(whole < ticks ? whole + TimeSpan.TicksPerSecond : whole, TimeSpan.Zero);
    }
}

/// <summary>An assessment re-made from its receipt: the assessment, what the FHIR writer needs for it, and its JSON.</summary>
/// <param name="Assessment">The assessment.</param>
/// <param name="WriteContext">Subject, sources and instants for <c>FhirAssessmentWriter</c>, as <see cref="InputRead.WriteContext"/> gives it (issued = the receipt's as-of).</param>
/// <param name="Json">The JSON, as the timeline stores it.</param>
public sealed record Remade(Assessment Assessment, FhirWriteContext WriteContext, string Json);
