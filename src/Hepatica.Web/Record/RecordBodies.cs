using System.Text.Json;
using System.Text.Json.Serialization;
using Hepatica.Clinical.Course;
using Hepatica.Store;
using Hepatica.Web.Api;

namespace Hepatica.Web.Record;

// The bodies of the record's routes. Where a stored type already has the shape a client needs (StoredAlert, Receipt,
// InputAge, CoursePoint, CourseReport) it is written as it is; these records only add what the route says about it.

/// <summary>What <c>POST /api/record</c> did, per patient in the input, and the warnings the reader found.</summary>
/// <param name="Patients">One result per patient, in input order.</param>
/// <param name="Warnings">Warnings of the reader (errors refuse the input: 422).</param>
internal sealed record IngestResponse(IReadOnlyList<IngestResult> Patients, IReadOnlyList<IssueBody> Warnings);

/// <summary>A patient's timeline: every assessment, oldest first, and what the course rules found over them.</summary>
/// <param name="PatientId">The patient.</param>
/// <param name="Entries">Every assessment, oldest first.</param>
/// <param name="Report">Trend facts with their sources, alert conditions, and when re-certification labs are due.</param>
internal sealed record TimelineBody(string PatientId, IReadOnlyList<TimelineEntryBody> Entries, CourseReport Report)
{
    public static TimelineBody Of(PatientTimeline timeline) =>
        new(timeline.PatientId, [.. timeline.Entries.Select(TimelineEntryBody.Of)], timeline.Report);
}

/// <summary>One assessment of the timeline.</summary>
/// <param name="AsOf">The instant its inputs were read as of.</param>
/// <param name="Receipt">What re-makes it byte for byte (engine version, profile, as-of, the stored arrivals read).</param>
/// <param name="Inputs">Each value used: when measured, its age at <paramref name="AsOf"/>, its window and staleness.</param>
/// <param name="Course">The values and facts the course rules read at this instant.</param>
/// <param name="Assessment">The assessment, full detail (docs/output.md), as <c>hepatica assess --format json</c> writes it; only
/// with <c>assessments=true</c> (else absent: read it from <c>assessments/{asOf}</c>).</param>
internal sealed record TimelineEntryBody(
    DateTimeOffset AsOf,
    Receipt Receipt,
    IReadOnlyList<InputAge> Inputs,
    CoursePoint Course,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonElement? Assessment)
{
    public static TimelineEntryBody Of(TimelineEntry entry)
    {
        if (entry.AssessmentJson is not { } json)
        {
            return new(entry.AsOf, entry.Receipt, entry.Inputs, entry.Point, null);
        }

        using var document = JsonDocument.Parse(json);
        return new(entry.AsOf, entry.Receipt, entry.Inputs, entry.Point, document.RootElement.Clone());
    }
}

/// <summary>A page of alerts, by id ascending.</summary>
/// <param name="Alerts">The alerts of this page.</param>
/// <param name="Next">The link to the next page (same filters, <c>after</c> the last id here); absent on the last page.</param>
internal sealed record AlertPage(IReadOnlyList<StoredAlert> Alerts, string? Next);

/// <summary>The optional body of acknowledge and resolve.</summary>
/// <param name="By">Who sets the state (a user id of the caller's system); else the <c>X-Hepatica-User</c> header.</param>
internal sealed record AlertStateRequest(string? By);
