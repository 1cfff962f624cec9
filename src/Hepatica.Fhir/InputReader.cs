using Hepatica.Clinical;
using Hepatica.Clinical.Scoring;
using Hepatica.Fhir.Writing;
using Hepatica.Json;

namespace Hepatica.Fhir;

/// <summary>What a host read from one input: the snapshot (null when unreadable), every issue, and how it was read.</summary>
/// <param name="Snapshot">The snapshot, or null when the input is unreadable (or the as-of is refused).</param>
/// <param name="Issues">Every issue found.</param>
/// <param name="Sources">FHIR input: the resource behind each value; empty for a snapshot document.</param>
/// <param name="RunTime">The clock's now, taken once: FHIR's default as-of and every output's run time.</param>
/// <param name="FhirAsOf">FHIR input: the instant it was read as of; null for a snapshot document.</param>
/// <param name="AsOfGiven">True when the caller gave the as-of (<c>--as-of</c>, <c>?asOf=</c>); false when it is the run time.</param>
public sealed record InputRead(PatientSnapshot? Snapshot, IReadOnlyList<InputIssue> Issues, IReadOnlyList<FhirSource> Sources, DateTimeOffset RunTime, DateTimeOffset? FhirAsOf = null, bool AsOfGiven = false)
{
    /// <summary>FHIR input: how it named its resources (references and issue locations); <see cref="InputResources.None"/> for a snapshot.</summary>
    public InputResources Resources { get; init; } = InputResources.None;

    /// <summary>True when the input was read as FHIR.</summary>
    public bool IsFhir => FhirAsOf is not null;

    /// <summary>
    /// The as-of of the assessment and its source (docs/output.md): FHIR input's as-of (<c>fhir-as-of</c> when given, else
    /// <c>run-time</c>), else the snapshot's <c>assessmentDate</c>, else the run time; null when nothing was read.
    /// </summary>
    public AsOf? Basis => Snapshot is not { } snapshot ? null
        : FhirAsOf is { } instant ? AsOf.AtInstant(instant, AsOfGiven ? AsOfSource.FhirAsOf : AsOfSource.RunTime)
        : AsOf.For(snapshot, RunTime);

    /// <summary>
    /// What the FHIR writer needs besides the assessment: for FHIR input the subject <c>Patient/{id}</c> and the sources
    /// (derivedFrom); for a snapshot neither.
    /// </summary>
    public FhirWriteContext WriteContext => IsFhir
        ? new FhirWriteContext(RunTime, FhirAsOf, Snapshot?.Id is { } id ? Resources.ReferenceTo("Patient", id) : null, Sources, AsOfGiven, Resources)
        : new FhirWriteContext(RunTime);

    /// <summary>FHIR input: <see cref="FhirReadResult.SuggestedAsOf"/> (analytes left out as too old, FHR024); null otherwise.</summary>
    public DateOnly? SuggestedAsOf { get; init; }
}

/// <summary>
/// The one way a host reads one patient (<c>hepatica assess</c> and <c>score</c>, <c>POST /api/assess</c> and
/// <c>/api/scores/{id}</c>): a JSON object with a top-level <c>resourceType</c>, or input the caller declares FHIR, is
/// read by <see cref="FhirSnapshotReader"/> as of the as-of text (default now, docs/fhir.md); anything else is the
/// snapshot contract (<see cref="SnapshotReader"/>, docs/snapshot.md), which gives its own <c>assessmentDate</c> and so
/// takes no as-of. A refused as-of is <see cref="FhirIssueCodes.AsOfNotAccepted"/> in every host.
/// </summary>
public static class InputReader
{
    /// <summary>Reads one input.</summary>
    /// <param name="utf8Json">The input bytes.</param>
    /// <param name="asOfText">The as-of as the user typed it (<see cref="AsOfText"/>); null for now.</param>
    /// <param name="clock">The clock, read once.</param>
    /// <param name="asOfName">How the host names the as-of (<c>--as-of</c>, <c>asOf</c>): the issue's path and the message's subject.</param>
    /// <param name="declaredFhir">True when the caller declared the input FHIR (Content-Type <c>application/fhir+json</c>).</param>
    public static InputRead Read(ReadOnlySpan<byte> utf8Json, string? asOfText, TimeProvider clock, string asOfName, bool declaredFhir = false)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var now = clock.GetUtcNow();
        if (!declaredFhir && !FhirSnapshotReader.LooksLikeFhir(utf8Json))
        {
            if (asOfText is not null)
            {
                return Refused(now, asOfName, $"{asOfName} applies to FHIR input; a snapshot document gives its own assessmentDate.");
            }

            var read = SnapshotReader.Read(utf8Json);
            return new InputRead(read.Snapshot, read.Issues, [], now);
        }

        if (!AsOfText.TryParse(asOfText, new At(now), out var asOf))
        {
            return Refused(now, asOfName, $"'{asOfText}' is not {AsOfText.Accepted}.");
        }

        var fhir = FhirSnapshotReader.Read(utf8Json, asOf);
        return new InputRead(fhir.Snapshot, fhir.Issues, fhir.Sources, now, asOf, asOfText is not null) { Resources = fhir.Resources, SuggestedAsOf = fhir.SuggestedAsOf };
    }

    private static InputRead Refused(DateTimeOffset now, string asOfName, string message) =>
        new(null, [InputIssue.Error(FhirIssueCodes.AsOfNotAccepted, asOfName, message)], [], now);

    /// <summary>The one instant the read was made at, for <see cref="AsOfText"/>'s default.</summary>
    private sealed class At(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
