using Hepatica.Fhir;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace Hepatica.Store;

/// <summary>
/// A patient's current FHIR arrivals, each body parsed once, ready to be read as of any instant. What the reader is
/// given at an instant: the Patient, every Condition, Procedure, Immunization and medication resource, every
/// Observation that draws an issue whatever the time, and, per analyte, only the Observations at its latest time at or
/// before the instant. The reader uses nothing else: an older value of an analyte, a value after as-of or an
/// Observation of a code it does not read is passed over without a word (src/Hepatica.Fhir/ObservationReader.cs), and
/// a resource type it does not read (Encounter, Claim) is never looked at, so leaving them out gives the same bytes
/// while a 5,000-lab record costs per instant what its ~40 analytes cost, not what its history does.
/// </summary>
internal sealed class FhirRecord
{
    private static readonly HashSet<string> ReadTypes = new(["Patient", "Observation", "Condition", "Procedure", "Immunization", "MedicationStatement", "MedicationRequest", "Medication"], StringComparer.Ordinal);

    private readonly List<Item> always = [];
    private readonly Dictionary<string, Series> byAnalyte = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Type, string Id), Item> byKey = [];

    private FhirRecord(string patientId) => PatientId = patientId;

    /// <summary>The patient.</summary>
    public string PatientId { get; }

    /// <summary>
    /// The distinct instants at which a value the reader uses was measured, or a diagnosis, vaccine dose or medication it
    /// reads began or ended (<see cref="ReadInstants"/>), oldest first.
    /// </summary>
    public IReadOnlyList<DateTimeOffset> Instants { get; private set; } = [];

    /// <summary>The arrival a resource came from, with the analyte path and time of an Observation the reader uses.</summary>
    public Item? Find(string type, string id) => byKey.GetValueOrDefault((type, id));

    /// <summary>Parses each arrival's body once. Arrivals whose body does not parse (none: the parser validated them) are skipped.</summary>
    public static FhirRecord Of(string patientId, IEnumerable<StoredArrival> arrivals)
    {
        var record = new FhirRecord(patientId);
        var hasPatient = false;
        var instants = new SortedSet<DateTimeOffset>();
        foreach (var a in arrivals.Where(a => a.Arrival.Kind == ArrivalKind.FhirResource).OrderBy(a => a.Id))
        {
            if (a.Arrival.ResourceType is not { } type || !ReadTypes.Contains(type))
            {
                continue;
            }

            var handed = ParsedResources.Take(a.Arrival);
            if ((handed ?? Parse(a.Arrival.Body.Span)) is not { } parsed)
            {
                continue;
            }

            var resource = Normalize(parsed, patientId, copy: handed is not null);
            var entry = new Bundle.EntryComponent { Resource = resource };
            if (resource is Medication && Guid.TryParse(resource.Id, out _))
            {
                entry.FullUrl = "urn:uuid:" + resource.Id; // Synthea's convention; MedicationReader also resolves Medication/{id}
            }

            hasPatient |= resource is Patient;
            var item = new Item(a, entry, null, null);
            if (resource is Observation o && Classify(o) is var (kind, path, time))
            {
                if (kind == Kind.Drop)
                {
                    continue;
                }

                if (kind == Kind.Latest)
                {
                    item = item with { Path = path, Time = time };
                    if (!record.byAnalyte.TryGetValue(path!, out var series))
                    {
                        record.byAnalyte[path!] = series = new Series();
                    }

                    series.Add(item);
                    record.byKey[(type, resource.Id!)] = item;
                    if (!a.Arrival.EnteredInError)
                    {
                        instants.Add(time!.Value);
                    }

                    continue;
                }
            }

            record.always.Add(item);
            record.byKey[(type, resource.Id!)] = item;
            if (resource is not Observation)
            {
                instants.UnionWith(ReadInstants.Of(resource));
            }
        }

        if (!hasPatient)
        {
            // Labs pushed before (or without) the Patient: a Patient with only its id, so the reader warns sex and age
            // are unknown instead of refusing the record (nothing is guessed).
            record.always.Insert(0, new Item(null, new Bundle.EntryComponent { Resource = new Patient { Id = patientId } }, null, null));
        }

        foreach (var series in record.byAnalyte.Values)
        {
            series.Seal();
        }

        record.Instants = [.. instants];
        return record;
    }

    /// <summary>The Bundle to read as of <paramref name="t"/>, and the ids of the arrivals in it, ascending.</summary>
    public (Bundle Bundle, List<long> ArrivalIds) At(DateTimeOffset t)
    {
        var chosen = new List<Item>(always.Count + byAnalyte.Count * 2);
        chosen.AddRange(always);
        foreach (var series in byAnalyte.Values)
        {
            series.LatestAtOrBefore(t, chosen);
        }

        chosen.Sort((a, b) => (a.Arrival?.Id ?? long.MinValue).CompareTo(b.Arrival?.Id ?? long.MinValue));
        var bundle = new Bundle { Type = Bundle.BundleType.Collection };
        bundle.Entry.AddRange(chosen.Select(i => i.Entry));
        var ids = chosen.Where(i => i.Arrival is not null).Select(i => i.Arrival!.Id).ToList();
        return (bundle, ids);
    }

    /// <summary>
    /// A stored body, parsed without the model validation the parser already applied to it when it arrived (the SDK's
    /// Ostrich mode: half the time of the validating parse, 5,000 Observations in ~0.3-0.6 s on the shared machine); the
    /// same resource for any body the validating parse accepts, and a body stored by an older engine stays readable.
    /// </summary>
    private static Resource? Parse(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new System.Text.Json.Utf8JsonReader(Hepatica.Json.JsonInput.WithoutBom(body));
            return FhirJsonDeserializer.OSTRICH.DeserializeResource(ref reader);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or DeserializationFailedException or InvalidOperationException or IndexOutOfRangeException or ArgumentException or FormatException or OverflowException or InvalidCastException)
        {
            return null; // not readable at all: the parser would not have stored it
        }
    }

    /// <summary>
    /// Points every patient reference at <c>Patient/{id}</c>: the parser kept the resource for this patient because its
    /// subject named them (perhaps by a Bundle's <c>urn:uuid:</c> fullUrl, which a replayed record no longer has). A
    /// resource the ingest parser made (<paramref name="copy"/>) is copied first when it needs it: it is not this record's to change.
    /// </summary>
    private static Resource Normalize(Resource resource, string patientId, bool copy)
    {
        var reference = "Patient/" + patientId;
        switch (resource)
        {
            case Observation { Subject.Reference: { Length: > 0 } r } o when r != reference:
                o = copy ? (Observation)o.DeepCopy() : o;
                o.Subject = new ResourceReference(reference);
                return o;
            case Condition { Subject.Reference: { Length: > 0 } r } c when r != reference:
                c = copy ? (Condition)c.DeepCopy() : c;
                c.Subject = new ResourceReference(reference);
                return c;
            case Procedure { Subject.Reference: { Length: > 0 } r } p when r != reference:
                p = copy ? (Procedure)p.DeepCopy() : p;
                p.Subject = new ResourceReference(reference);
                return p;
            case Immunization { Patient.Reference: { Length: > 0 } r } i when r != reference:
                i = copy ? (Immunization)i.DeepCopy() : i;
                i.Patient = new ResourceReference(reference);
                return i;
            case MedicationStatement { Subject.Reference: { Length: > 0 } r } s when r != reference:
                s = copy ? (MedicationStatement)s.DeepCopy() : s;
                s.Subject = new ResourceReference(reference);
                return s;
            case MedicationRequest { Subject.Reference: { Length: > 0 } r } q when r != reference:
                q = copy ? (MedicationRequest)q.DeepCopy() : q;
                q.Subject = new ResourceReference(reference);
                return q;
            default:
                return resource;
        }
    }

    /// <summary>
    /// How the reader treats an Observation (ObservationReader.Collect, in its order): no coded code, a used code with a
    /// status other than final/amended/corrected, no subject or no effective time each draw an issue at every as-of
    /// (always given); a code the reader does not use is skipped silently (never given); the rest count only when they
    /// are their analyte's latest at or before as-of.
    /// </summary>
    private static (Kind Kind, string? Path, DateTimeOffset? Time) Classify(Observation o)
    {
        var codings = o.Code?.Coding ?? [];
        if (codings.Count == 0 || codings.All(c => string.IsNullOrEmpty(c.Code)))
        {
            return (Kind.Always, null, null);
        }

        var path = codings.Where(c => c.System == ObservationCodes.LoincSystem && c.Code is not null).Select(c => ObservationCodes.PathOf(c.Code!)).FirstOrDefault(p => p is not null);
        if (path is null)
        {
            return (Kind.Drop, null, null);
        }

        if (o.Status is not (ObservationStatus.Final or ObservationStatus.Amended or ObservationStatus.Corrected)
            || string.IsNullOrWhiteSpace(o.Subject?.Reference)
            || IngestParser.Effective(o.Effective) is not { } time)
        {
            return (Kind.Always, path, null);
        }

        return (Kind.Latest, path, time);
    }

    private enum Kind
    {
        Always,
        Latest,
        Drop,
    }

    /// <summary>A resource to give the reader: its arrival (null for the stand-in Patient), entry, and for an analyte's Observation its path and time.</summary>
    internal sealed record Item(StoredArrival? Arrival, Bundle.EntryComponent Entry, string? Path, DateTimeOffset? Time);

    /// <summary>One analyte's Observations by time, for the latest at or before an instant.</summary>
    private sealed class Series
    {
        private readonly List<Item> items = [];
        private DateTimeOffset[] times = [];

        public void Add(Item item) => items.Add(item);

        public void Seal()
        {
            items.Sort((a, b) => a.Time!.Value.CompareTo(b.Time!.Value));
            times = [.. items.Select(i => i.Time!.Value)];
        }

        /// <summary>Adds every Observation at the latest time at or before <paramref name="t"/> (values at one time are all read: FHR014).</summary>
        public void LatestAtOrBefore(DateTimeOffset t, List<Item> into)
        {
            // The last index with time <= t.
            int lo = 0, hi = times.Length - 1, last = -1;
            while (lo <= hi)
            {
                var mid = (lo + hi) >>> 1;
                if (times[mid] <= t)
                {
                    last = mid;
                    lo = mid + 1;
                }
                else
                {
                    hi = mid - 1;
                }
            }

            for (var i = last; i >= 0 && times[i] == times[last]; i--)
            {
                into.Add(items[i]);
            }
        }
    }
}
