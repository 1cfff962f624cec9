using Hepatica.Clinical;
using Hepatica.Clinical.Scoring;
using Hepatica.Json;

namespace Hepatica.Fhir;

/// <summary>The result of reading a FHIR Bundle: the snapshot (null when the input is unreadable), every issue found, and the sources.</summary>
/// <param name="Snapshot">The snapshot as of the requested time; its <see cref="PatientSnapshot.Issues"/> are <paramref name="Issues"/>.</param>
/// <param name="Issues">Every error and warning.</param>
/// <param name="Sources">Provenance: one entry per resource used, in snapshot-path order.</param>
public sealed record FhirReadResult(PatientSnapshot? Snapshot, IReadOnlyList<InputIssue> Issues, IReadOnlyList<FhirSource> Sources)
{
    /// <summary>The sources that fed one snapshot path.</summary>
    public IEnumerable<FhirSource> For(string path) => Sources.Where(s => s.Path == path);

    /// <summary>
    /// Indexes into <see cref="PatientSnapshot.Medications"/> of the drugs only planned at as-of (a draft MedicationRequest,
    /// intent proposal or plan, an intended MedicationStatement, or a start after as-of): CDS Hooks order-select reads these.
    /// </summary>
    public IReadOnlyList<int> PlannedMedications { get; init; } = [];

    /// <summary>How the input named its resources (references and issue locations in the FHIR output; docs/fhir.md).</summary>
    public InputResources Resources { get; init; } = InputResources.Unparsed;

    /// <summary>
    /// When analytes were left out as older than their windows (<see cref="FhirIssueCodes.StaleAnalytes"/>): the newest of
    /// their dates (UTC), the as-of date that would assess the record as it stood then; null when none was left out.
    /// </summary>
    public DateOnly? SuggestedAsOf { get; init; }
}
