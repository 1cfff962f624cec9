using System.Security.Cryptography;
using Hepatica.Clinical.Scoring;
using Hepatica.Fhir;
using Hepatica.Json;
using Hl7.Fhir.Model;
using Range = System.Range;

namespace Hepatica.Store;

/// <summary>
/// What one input gave: a batch per patient, what the parser found about the input as a whole, and, for a Subscription
/// notification, what kind it was (so the web host can answer a handshake or heartbeat).
/// </summary>
/// <param name="Batches">One per patient, in the order the patients first appear; none when the input is refused.</param>
/// <param name="Issues">Every issue about the input (each batch also carries them); an error means nothing is stored.</param>
/// <param name="Notification">The notification's status, when the input is a Subscription notification.</param>
public sealed record IngestInput(IReadOnlyList<IngestBatch> Batches, IReadOnlyList<InputIssue> Issues, SubscriptionNotification? Notification = null)
{
    /// <summary>True when an error refuses the whole input.</summary>
    public bool Refused => Issues.Any(i => i.Severity == IssueSeverity.Error);
}

/// <summary>
/// Turns input into ingest batches (docs/course-replay.md, "Ingest, timeline and receipts"): a snapshot document or JSON
/// Lines line, a FHIR Bundle (any type: collection, transaction, searchset, history), a single FHIR resource (an
/// Observation, a Bulk NDJSON line), or a Subscription notification Bundle (R4 Backport IG 1.1.0, full-resource
/// content). One batch per patient in the input. FHIR is parsed and validated by the Firely SDK exactly as
/// <see cref="FhirSnapshotReader"/> parses it; any parse error refuses the whole input.
/// </summary>
public static class IngestParser
{
    /// <summary>
    /// Parses one JSON document from <paramref name="source"/> into its batches. A refused input gives one batch with
    /// no arrivals that carries the errors (never storable); a handshake or heartbeat gives none (<see cref="Read"/>
    /// tells it apart).
    /// </summary>
    public static IReadOnlyList<IngestBatch> Parse(ReadOnlyMemory<byte> utf8Json, string source)
    {
        var input = Read(utf8Json, source);
        return input.Refused && input.Batches.Count == 0 ? [new IngestBatch("", [], input.Issues)] : input.Batches;
    }

    /// <summary>Parses one JSON document from <paramref name="source"/>: the batches, the input's issues and its notification type.</summary>
    public static IngestInput Read(ReadOnlyMemory<byte> utf8Json, string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return FhirSnapshotReader.LooksLikeFhir(utf8Json.Span) ? ReadFhir(utf8Json, source) : ReadSnapshot(utf8Json, source);
    }

    private static IngestInput ReadSnapshot(ReadOnlyMemory<byte> utf8Json, string source)
    {
        var read = SnapshotReader.Read(utf8Json.Span);
        var issues = read.Issues.ToList();
        if (read.Snapshot is { } snapshot && string.IsNullOrWhiteSpace(snapshot.Id))
        {
            issues.Add(InputIssue.Error(IngestIssueCodes.SnapshotWithoutId, "id", "The snapshot has no id: a snapshot needs the patient's id to be kept in the record."));
        }

        if (read.Snapshot is not { } s || issues.Any(i => i.Severity == IssueSeverity.Error))
        {
            return new IngestInput([], issues);
        }

        var body = utf8Json.ToArray();
        DateTimeOffset? effective = s.AssessmentDate is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;
        var arrival = new Arrival(s.Id!, ArrivalKind.Snapshot, null, null, null, Sha256(body), body, source, effective, null, false);
        return new IngestInput([new IngestBatch(s.Id!, [arrival], issues)], issues);
    }

    private static IngestInput ReadFhir(ReadOnlyMemory<byte> utf8Json, string source)
    {
        var issues = new List<InputIssue>();
        var json = JsonInput.WithoutBom(utf8Json.Span);
        var offset = utf8Json.Length - json.Length; // a byte order mark is not part of any resource
        if (FhirSnapshotReader.ParseResource(json, issues) is not { } resource)
        {
            return new IngestInput([], issues);
        }

        // (resource, its bytes in the input) for each resource to keep.
        var found = new List<(Resource Resource, string? FullUrl, Range Body)>();
        SubscriptionNotification? notification = null;
        if (resource is Bundle bundle)
        {
            var ranges = JsonSlices.EntryResources(json);
            if (ranges is null ? bundle.Entry.Count > 0 : ranges.Count != bundle.Entry.Count)
            {
                // Defensive: the SDK and Utf8JsonReader read the same bytes, so this does not happen.
                issues.Add(InputIssue.Error(FhirIssueCodes.InvalidFhir, "Bundle.entry", "The Bundle's entries could not be located in the input."));
                return new IngestInput([], issues);
            }

            var first = 0;
            if (SubscriptionNotification.Is(bundle))
            {
                if ((notification = SubscriptionNotification.Read(bundle)) is not { } n)
                {
                    issues.Add(InputIssue.Error(IngestIssueCodes.NotificationUnreadable, "Bundle.entry[0].resource.parameter", "The Subscription notification's status Parameters have no type, or one the Subscriptions Backport IG 1.1.0 does not define (handshake, heartbeat, event-notification, query-status, query-event)."));
                    return new IngestInput([], issues);
                }

                if (!n.CarriesEvents)
                {
                    issues.Add(InputIssue.Warning(IngestIssueCodes.NotificationWithoutContent, "Bundle.entry[0].resource", $"A Subscription {SubscriptionNotification.CodeOf(n.Type)} notification: nothing to store."));
                    return new IngestInput([], issues, n);
                }

                if (bundle.Entry.Count == 1 || bundle.Entry.Skip(1).Any(e => e.Resource is null))
                {
                    issues.Add(InputIssue.Error(IngestIssueCodes.FullResourceRequired, "Bundle.entry", "The event notification carries no resources (id-only or empty content): Hepatica needs the Subscription's payload content to be full-resource, and fetches nothing itself."));
                    return new IngestInput([], issues, n);
                }

                first = 1;
            }

            for (var i = first; i < bundle.Entry.Count; i++)
            {
                if (bundle.Entry[i].Resource is { } r && ranges![i] is { } range)
                {
                    found.Add((r, bundle.Entry[i].FullUrl, range));
                }
            }

            if (found.Count == 0)
            {
                issues.Add(InputIssue.Error(IngestIssueCodes.NothingToStore, "Bundle.entry", "The Bundle holds no resources: nothing to store."));
                return new IngestInput([], issues, notification);
            }
        }
        else
        {
            found.Add((resource, null, JsonSlices.Trimmed(json)));
        }

        return Assign(found, utf8Json, offset, source, issues, notification);
    }

    /// <summary>Gives each resource its patient and makes the batches.</summary>
    private static IngestInput Assign(List<(Resource Resource, string? FullUrl, Range Body)> found, ReadOnlyMemory<byte> input, int offset, string source, List<InputIssue> issues, SubscriptionNotification? notification)
    {
        for (var i = 0; i < found.Count; i++)
        {
            if (string.IsNullOrEmpty(found[i].Resource.Id))
            {
                issues.Add(InputIssue.Error(IngestIssueCodes.ResourceWithoutId, $"Bundle.entry[{i}].resource", $"A {found[i].Resource.TypeName} has no id: a resource needs one to be stored, versioned and superseded."));
            }
        }

        if (issues.Any(i => i.Severity == IssueSeverity.Error))
        {
            return new IngestInput([], issues, notification);
        }

        // Who each reference names: Patient/x, .../Patient/x[/_history/n], or a Patient entry's fullUrl.
        var byFullUrl = found.Where(f => f.Resource is Patient && f.FullUrl is not null).GroupBy(f => f.FullUrl!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Resource.Id!, StringComparer.Ordinal);
        var patientOf = new string?[found.Count];
        for (var i = 0; i < found.Count; i++)
        {
            patientOf[i] = found[i].Resource is Patient p ? p.Id : PatientOf(found[i].Resource, byFullUrl);
        }

        AssignMedications(found, patientOf);
        var orphans = found.Where((f, i) => patientOf[i] is null).GroupBy(f => f.Resource.TypeName, StringComparer.Ordinal).Select(g => $"{g.Key} x{g.Count()}").ToList();
        if (orphans.Count > 0)
        {
            issues.Add(InputIssue.Warning(IngestIssueCodes.NoPatient, "Bundle.entry", $"{patientOf.Count(p => p is null)} resource(s) name no patient and are not kept: {string.Join(", ", orphans)}."));
        }

        var batches = new List<IngestBatch>();
        foreach (var group in found.Select((f, i) => (f, Patient: patientOf[i])).Where(x => x.Patient is not null).GroupBy(x => x.Patient!, StringComparer.Ordinal))
        {
            var arrivals = group.Select(x => ToArrival(x.f.Resource, input.Slice(offset + x.f.Body.Start.Value, x.f.Body.End.Value - x.f.Body.Start.Value), group.Key, source)).ToList();
            batches.Add(new IngestBatch(group.Key, arrivals, issues));
        }

        return new IngestInput(batches, issues, notification);
    }

    /// <summary>
    /// A Medication names no patient; it goes with every patient whose MedicationRequest or MedicationStatement refers to
    /// it (<c>Medication/id</c> or its fullUrl), so the reader can resolve the reference when the record is replayed.
    /// </summary>
    private static void AssignMedications(List<(Resource Resource, string? FullUrl, Range Body)> found, string?[] patientOf)
    {
        var referrers = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < found.Count; i++)
        {
            var reference = found[i].Resource switch
            {
                MedicationRequest q => (q.Medication as ResourceReference)?.Reference,
                MedicationStatement s => (s.Medication as ResourceReference)?.Reference,
                _ => null,
            };
            if (reference is not null && patientOf[i] is { } patient)
            {
                referrers.TryAdd(reference, patient);
            }
        }

        for (var i = 0; i < found.Count; i++)
        {
            if (found[i].Resource is Medication m && patientOf[i] is null
                && (referrers.TryGetValue("Medication/" + m.Id, out var patient) || (found[i].FullUrl is { } url && referrers.TryGetValue(url, out patient))))
            {
                patientOf[i] = patient;
            }
        }
    }

    private static string? PatientOf(Resource resource, Dictionary<string, string> byFullUrl)
    {
        foreach (var element in (ReadOnlySpan<string>)["subject", "patient"])
        {
            if (resource.TryGetValue(element, out var value) && value is ResourceReference { Reference: { Length: > 0 } reference })
            {
                return IdFromReference(reference, byFullUrl);
            }
        }

        return null;
    }

    /// <summary>The patient id a reference names, or null when it names no Patient the input holds or can name.</summary>
    internal static string? IdFromReference(string reference, Dictionary<string, string> byFullUrl)
    {
        if (byFullUrl.TryGetValue(reference, out var id))
        {
            return id;
        }

        var history = reference.IndexOf("/_history/", StringComparison.Ordinal);
        var path = history < 0 ? reference : reference[..history];
        string rest;
        if (path.StartsWith("Patient/", StringComparison.Ordinal))
        {
            rest = path["Patient/".Length..];
        }
        else if (path.LastIndexOf("/Patient/", StringComparison.Ordinal) is var at and >= 0)
        {
            rest = path[(at + "/Patient/".Length)..];
        }
        else
        {
            return null;
        }

        return rest.Length > 0 && !rest.Contains('/', StringComparison.Ordinal) ? rest : null;
    }

    private static Arrival ToArrival(Resource resource, ReadOnlyMemory<byte> slice, string patientId, string source)
    {
        var body = slice.ToArray();
        var observation = resource as Observation;
        var arrival = new Arrival(
            patientId,
            ArrivalKind.FhirResource,
            resource.TypeName,
            resource.Id,
            resource.Meta?.VersionId,
            Sha256(body),
            body,
            source,
            observation is null ? null : Effective(observation.Effective),
            resource.Meta?.LastUpdated,
            observation?.Status == ObservationStatus.EnteredInError);
        ParsedResources.Remember(arrival, resource); // the timeline builder reads this, not a re-parse of the body
        return arrival;
    }

    /// <summary>
    /// An Observation's effective time as the FHIR reader takes it (docs/fhir.md): a Period's end (when collection
    /// finished) else its start, a dateTime or instant; a time without a zone as UTC, a partial date as its first instant.
    /// </summary>
    internal static DateTimeOffset? Effective(DataType? value) => value switch
    {
        FhirDateTime d => d.TryToDateTimeOffset(TimeSpan.Zero, out var t) ? t : (DateTimeOffset?)null,
        Instant i => i.Value,
        Period p => (p.EndElement is { } e && e.TryToDateTimeOffset(TimeSpan.Zero, out var end) ? end : (DateTimeOffset?)null)
            ?? (p.StartElement is { } s && s.TryToDateTimeOffset(TimeSpan.Zero, out var start) ? start : (DateTimeOffset?)null),
        _ => null,
    };

    /// <summary>SHA-256, lower-case hex.</summary>
    internal static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
