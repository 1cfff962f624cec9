using Hepatica.Clinical.Course;

namespace Hepatica.Store;

/// <summary>Where an alert stands.</summary>
public enum AlertState
{
    /// <summary>Fired, not yet seen to.</summary>
    Open,

    /// <summary>A clinician has seen it; it stays until the condition ends.</summary>
    Acknowledged,

    /// <summary>Closed by a clinician, or the condition no longer holds.</summary>
    Resolved,
}

/// <summary>
/// An alert as stored (docs/course.md, "Alerts"): one per rule and episode; new evidence that keeps the condition true
/// updates it (<see cref="Updates"/>, <see cref="EvidenceKey"/>) instead of firing again; its state is kept.
/// </summary>
/// <param name="Id">Row id.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="Candidate">The rule's finding (rule, episode, evidence, text, source).</param>
/// <param name="State">Open, acknowledged or resolved.</param>
/// <param name="FiredAt">When the store first raised it.</param>
/// <param name="UpdatedAt">When its evidence or state last changed.</param>
/// <param name="Updates">How many times new evidence updated it after it fired.</param>
/// <param name="StateBy">Who set the state last (a user id from the caller), when a person did.</param>
public sealed record StoredAlert(long Id, string PatientId, AlertCandidate Candidate, AlertState State, DateTimeOffset FiredAt, DateTimeOffset UpdatedAt, int Updates, string? StateBy)
{
    /// <summary>The rule id.</summary>
    public string RuleId => Candidate.RuleId;

    /// <summary>The current evidence digest.</summary>
    public string EvidenceKey => Candidate.EvidenceKey;
}

/// <summary>A filter over alerts across patients (the worklists a hepatology service runs), with keyset paging.</summary>
/// <param name="PatientId">One patient only, when given.</param>
/// <param name="RuleIds">Only these rules, when given.</param>
/// <param name="States">Only these states; default open and acknowledged.</param>
/// <param name="MinSeverity">At least this severity.</param>
/// <param name="AfterId">Paging: alerts with an id greater than this.</param>
/// <param name="Limit">At most this many (1-1000).</param>
public sealed record AlertQuery(string? PatientId = null, IReadOnlyList<string>? RuleIds = null, IReadOnlyList<AlertState>? States = null, AlertSeverity? MinSeverity = null, long? AfterId = null, int Limit = 100);
