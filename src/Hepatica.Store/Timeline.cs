using Hepatica.Clinical;
using Hepatica.Clinical.Course;

namespace Hepatica.Store;

/// <summary>
/// What re-makes one assessment byte for byte (docs/store.md, "Receipts"): the engine version and profile it was made
/// with, the as-of instant, the exact stored arrivals it read (row ids, which are immutable) and the SHA-256 of the
/// output it gave.
/// </summary>
/// <param name="EngineVersion"><see cref="Engine.Version"/> when made.</param>
/// <param name="Profile">The guideline profile id (<c>us</c>, <c>uk</c>).</param>
/// <param name="AsOf">The instant the inputs were read as of (ISO 8601, whole seconds, UTC).</param>
/// <param name="ArrivalIds">The stored arrivals read, ascending.</param>
/// <param name="OutputSha256">SHA-256 of <see cref="TimelineEntry.AssessmentJson"/> (lower-case hex).</param>
public sealed record Receipt(string EngineVersion, string Profile, DateTimeOffset AsOf, IReadOnlyList<long> ArrivalIds, string OutputSha256);

/// <summary>One input of a timeline entry: when it was measured, how old it was at the entry's instant, and its window.</summary>
/// <param name="Path">The snapshot path (<c>labs.bilirubin</c>).</param>
/// <param name="Time">When it was measured (FHIR effective time; a snapshot's assessment date).</param>
/// <param name="AgeDays">Whole days between <paramref name="Time"/> and the entry's as-of.</param>
/// <param name="WindowDays">The look-back window the reader used for it (docs/fhir.md), when it has one.</param>
/// <param name="Stale">True when the reader warned it is older than its window allows for the score.</param>
/// <param name="ArrivalId">The stored arrival it came from.</param>
public sealed record InputAge(string Path, DateTimeOffset? Time, int? AgeDays, int? WindowDays, bool Stale, long? ArrivalId);

/// <summary>One assessment of the timeline: made as of an instant some input changed.</summary>
/// <param name="AsOf">The instant.</param>
/// <param name="Receipt">What re-makes it.</param>
/// <param name="AssessmentJson">The assessment, as <c>assess --format json</c> writes it (full detail, UTF-8); null when the
/// timeline was read without assessments (<see cref="IRecordStore.TimelineAsync(string, bool, CancellationToken)"/>).</param>
/// <param name="Inputs">Each value used, with its age and window.</param>
/// <param name="Point">The course point the trend and alert rules read.</param>
public sealed record TimelineEntry(DateTimeOffset AsOf, Receipt Receipt, string? AssessmentJson, IReadOnlyList<InputAge> Inputs, CoursePoint Point);

/// <summary>A patient's course: every entry, oldest first, and what the rules found over it.</summary>
/// <param name="PatientId">The patient.</param>
/// <param name="Entries">Every assessment, oldest first.</param>
/// <param name="Report">Trend facts, alert conditions and the re-certification due date.</param>
public sealed record PatientTimeline(string PatientId, IReadOnlyList<TimelineEntry> Entries, CourseReport Report);
