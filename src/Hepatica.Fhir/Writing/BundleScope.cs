using System.Globalization;
using Hepatica.Clinical;
using Hepatica.Json;
using Hl7.Fhir.Model;

namespace Hepatica.Fhir.Writing;

/// <summary>
/// The state of writing ONE Bundle: its entries, the subject, the engine Device and the sources. A new scope per
/// <see cref="FhirAssessmentWriter.Write"/> call, so the writer itself holds no mutable state and is thread-safe.
/// </summary>
internal sealed class BundleScope
{
    private readonly string seed;
    private readonly IReadOnlyList<FhirSource> sources;
    private readonly InputResources inputs;
    private readonly string? patientReference;

    public BundleScope(Assessment assessment, FhirWriteContext context)
    {
        var snapshot = assessment.Snapshot;
        seed = (context.PatientReference ?? snapshot.Id ?? "") + "|" + context.Issued.ToString("O", CultureInfo.InvariantCulture);
        sources = context.Sources ?? [];
        inputs = context.Inputs ?? InputResources.None;
        patientReference = context.PatientReference;
        Today = (snapshot.AssessmentDate ?? DateOnly.FromDateTime((context.AsOf ?? context.Issued).DateTime)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Bundle = new Bundle { Type = Bundle.BundleType.Collection, Timestamp = context.Issued, Id = ContentUuid.Of(seed + "|Bundle") };
        Issued = context.Issued;
        // The as-of as the outputs state it (whole seconds, or the assessment date): not the end-of-day instant a date
        // as-of is read at (2021-02-21T23:59:59.9999999Z), a precision nobody measured.
        AsOfText = context.BasisFor(snapshot).Text;
        Effective = new FhirDateTime(AsOfText);

        var device = new Device
        {
            DeviceName = [new Device.DeviceNameComponent { Name = "Hepatica", Type = DeviceNameType.UserFriendlyName }],
            Version = [new Device.VersionComponent { Value = HepaticaSystems.EngineVersion }],
            Manufacturer = "Hepatica contributors",
            Note = [new Annotation { Text = "Hepatica clinical decision-support engine (open source). Decision support for clinicians: it never replaces clinical judgement." }],
        };
        // The engine is the same Device in every Bundle of one version: its uuid depends on the version alone.
        Device = Add(device, ContentUuid.Of("Hepatica|Device|" + HepaticaSystems.EngineVersion), provenanceTarget: false);

        if (context.PatientReference is { } patient)
        {
            Subject = new ResourceReference(patient);
        }
        else
        {
            // Snapshot input has no FHIR Patient, but RiskAssessment, ImmunizationRecommendation and ServiceRequest need a
            // subject (1..1): a Bundle-local Patient that carries only the snapshot id stands in (docs/fhir.md, "Writing").
            var stub = new Patient();
            if (snapshot.Id is { } id)
            {
                stub.Identifier.Add(new Identifier(HepaticaSystems.SnapshotIdentifier, id));
            }

            Subject = Add(stub, "Patient", snapshot.Id ?? "");
        }
    }

    /// <summary>The Bundle being filled.</summary>
    public Bundle Bundle { get; }

    /// <summary>The patient: <c>Patient/{id}</c> of the FHIR input, or the Bundle-local stub for snapshot input.</summary>
    public ResourceReference Subject { get; }

    /// <summary>The engine Device entry.</summary>
    public ResourceReference Device { get; }

    /// <summary>When the assessment was made.</summary>
    public DateTimeOffset Issued { get; }

    /// <summary>The assessment date (the snapshot's), or the date of <see cref="Effective"/>: when a dose "due now" is due.</summary>
    public string Today { get; }

    /// <summary>The time the inputs were read as of.</summary>
    public FhirDateTime Effective { get; }

    /// <summary>The as-of as text (<see cref="Hepatica.Clinical.AsOf.Text"/>).</summary>
    public string AsOfText { get; }

    /// <summary>The fullUrls of the entries the Provenance targets (all but the Device and the Provenance).</summary>
    public List<string> Targets { get; } = [];

    /// <summary>Adds a resource with a content-derived uuid (<paramref name="kind"/> and <paramref name="key"/> make it unique) and returns a reference to it.</summary>
    public ResourceReference Add(Resource resource, string kind, string key, bool provenanceTarget = true) =>
        Add(resource, ContentUuid.Of(seed + "|" + kind + "|" + key), provenanceTarget);

    private ResourceReference Add(Resource resource, string uuid, bool provenanceTarget)
    {
        resource.Id = uuid;
        Narratives.Generate(resource);
        var fullUrl = "urn:uuid:" + uuid;
        Bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = fullUrl, Resource = resource });
        if (provenanceTarget)
        {
            Targets.Add(fullUrl);
        }

        return new ResourceReference(fullUrl);
    }

    /// <summary>The input Observations that fed these snapshot paths, each once, in source order (for derivedFrom and basis).</summary>
    public List<ResourceReference> ObservationsFor(IEnumerable<string> paths)
    {
        var wanted = paths as ICollection<string> ?? paths.ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var references = new List<ResourceReference>();
        foreach (var s in sources)
        {
            if (s.ResourceType == "Observation" && s.Id is { } id && wanted.Contains(s.Path) && seen.Add(id))
            {
                references.Add(new ResourceReference(inputs.ReferenceTo("Observation", id)));
            }
        }

        return references;
    }

    /// <summary>Every input resource used, each once, the Patient first (Provenance entity, role source); none for a snapshot.</summary>
    public IEnumerable<string> SourceReferences()
    {
        var used = sources.Where(s => s.Id is not null).Select(s => inputs.ReferenceTo(s.ResourceType, s.Id!));
        return (patientReference is { } patient ? used.Prepend(patient) : used).Distinct(StringComparer.Ordinal);
    }
}
