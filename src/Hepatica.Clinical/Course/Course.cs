using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Course;

/// <summary>
/// A fact about the course between instants, with its source (docs/course.md, "Trend facts"): a 30-day change in MELD,
/// a doubling, a first decompensation, a marker turning positive under immunosuppression.
/// </summary>
/// <param name="Kind">Stable id of the fact's rule (<c>meld3-30d-change</c>...).</param>
/// <param name="At">The instant the fact became known (the later point).</param>
/// <param name="Since">The earlier instant it is measured from, when there is one.</param>
/// <param name="Text">The fact in a clinician's words, with the numbers ("MELD 3.0 rose from 18 to 24 in 27 days").</param>
/// <param name="Evidence">What it was read from (the points' instants and inputs), for the reader to check.</param>
/// <param name="Source">The publication or policy behind the rule.</param>
public sealed record TrendFact(string Kind, DateTimeOffset At, DateTimeOffset? Since, string Text, IReadOnlyList<string> Evidence, Citation Source)
{
    /// <summary>True when every member is equal, the evidence line by line (record equality compares the list by reference).</summary>
    /// <param name="other">The other fact.</param>
    public bool SameAs(TrendFact other) => other is not null && this with { Evidence = other.Evidence } == other && Evidence.SequenceEqual(other.Evidence);
}

/// <summary>How urgent an alert is.</summary>
public enum AlertSeverity
{
    /// <summary>For the next review.</summary>
    Info,

    /// <summary>Act soon.</summary>
    Warning,

    /// <summary>Act now (an HBsAg turning positive under rituximab).</summary>
    Critical,
}

/// <summary>
/// A condition an alert rule finds true over the course (docs/course.md, "Alerts"). One episode of a condition is one
/// alert: <paramref name="EpisodeStart"/> is the first instant of the run of points where it holds, so the same data
/// always gives the same key, and a new lab that keeps it true changes only <paramref name="EvidenceKey"/>.
/// </summary>
/// <param name="RuleId">Stable id of the rule.</param>
/// <param name="EpisodeStart">First instant of this episode: with <paramref name="RuleId"/>, the alert's identity.</param>
/// <param name="LatestAt">The newest instant whose data keeps it true.</param>
/// <param name="EvidenceKey">A stable digest of the evidence (instants and values): changes exactly when new evidence arrives.</param>
/// <param name="Severity">How urgent.</param>
/// <param name="Text">What to act on, in a clinician's words.</param>
/// <param name="Source">The guideline or policy behind the rule.</param>
public sealed record AlertCandidate(string RuleId, DateTimeOffset EpisodeStart, DateTimeOffset LatestAt, string EvidenceKey, AlertSeverity Severity, string Text, Citation Source);

/// <summary>
/// When the next labs are due by the score-based re-certification schedule (OPTN Policy 9.2), from the newest point.
/// </summary>
/// <param name="Score">The score the interval is set by (MELD 3.0 for adults).</param>
/// <param name="Value">Its value at <paramref name="From"/>.</param>
/// <param name="From">The instant of that value.</param>
/// <param name="DueBy">When re-certification labs are due.</param>
/// <param name="MaxLabAge">How old the labs may be at re-certification.</param>
/// <param name="Text">The rule in words.</param>
/// <param name="Source">The policy.</param>
public sealed record RecertificationDue(string Score, decimal Value, DateTimeOffset From, DateTimeOffset DueBy, TimeSpan MaxLabAge, string Text, Citation Source);

/// <summary>What the course rules found over a patient's points.</summary>
/// <param name="Facts">Trend facts, oldest first.</param>
/// <param name="Alerts">The alert conditions that hold at the newest point each rule reads: one per rule, its current episode (an ended episode is not reported; its trend fact stays).</param>
/// <param name="Recertification">Labs due by the re-certification schedule; null when no MELD is known.</param>
public sealed record CourseReport(IReadOnlyList<TrendFact> Facts, IReadOnlyList<AlertCandidate> Alerts, RecertificationDue? Recertification)
{
    /// <summary>Equal when the facts (with their evidence) and the alerts are equal in order, and the re-certification is equal.</summary>
    public bool Equals(CourseReport? other) =>
        other is not null && Recertification == other.Recertification && Alerts.SequenceEqual(other.Alerts)
        && Facts.Count == other.Facts.Count && Facts.Zip(other.Facts).All(f => f.First.SameAs(f.Second));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Facts.Count, Alerts.Count, Recertification);
}

/// <summary>The trend and alert rules over a patient's course (docs/course.md). Pure: the same points give the same report.</summary>
public static class CourseRules
{
    /// <summary>Every rule over <paramref name="points"/> (any order; read oldest first).</summary>
    public static CourseReport Evaluate(IReadOnlyList<CoursePoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var sorted = points.Select(p => p ?? throw new ArgumentException("A course point is null.", nameof(points))).ToList();
        sorted.Sort(Episodes.Compare);
        var facts = new List<TrendFact>();
        var alerts = new List<AlertCandidate>();
        MeldChangeRule.Evaluate(sorted, CourseValues.Meld3, CourseRuleIds.Meld3Change30d, "MELD 3.0", facts, alerts);
        MeldChangeRule.Evaluate(sorted, CourseValues.MeldNa, CourseRuleIds.MeldNaChange30d, "MELD-Na", facts, alerts);
        DoublingRule.Evaluate(sorted, CourseValues.Bilirubin, CourseRuleIds.BilirubinDoubling, "Bilirubin", DoublingRule.BilirubinFloor, facts, alerts);
        DoublingRule.Evaluate(sorted, CourseValues.Creatinine, CourseRuleIds.CreatinineDoubling, "Creatinine", 0m, facts, alerts);
        DecompensationRule.Evaluate(sorted, facts, alerts);
        OrganFailureRule.Evaluate(sorted, facts, alerts);
        HbvReactivationRule.Evaluate(sorted, facts, alerts);
        WorklistRules.Evaluate(sorted, alerts);
        // OPTN policy 9.2's re-certification intervals and lab ages could not be found as policy text: not invented (docs/course.md).
        return new CourseReport(
            [.. facts.OrderBy(f => f.At).ThenBy(f => f.Kind, StringComparer.Ordinal).ThenBy(f => f.Text, StringComparer.Ordinal)],
            [.. alerts.OrderBy(a => a.EpisodeStart).ThenBy(a => a.RuleId, StringComparer.Ordinal)],
            null);
    }
}

/// <summary>The stable ids of the trend and alert rules (docs/course.md): what worklists, filters and cards name.</summary>
public static class CourseRuleIds
{
    /// <summary>MELD 3.0 change over 30 days (trend fact; alert on a rise of 5 or more).</summary>
    public const string Meld3Change30d = "meld3-30d-change";

    /// <summary>MELD-Na change over 30 days.</summary>
    public const string MeldNaChange30d = "meldna-30d-change";

    /// <summary>Bilirubin doubled.</summary>
    public const string BilirubinDoubling = "bilirubin-doubling";

    /// <summary>Creatinine doubled.</summary>
    public const string CreatinineDoubling = "creatinine-doubling";

    /// <summary>First decompensation.</summary>
    public const string FirstDecompensation = "first-decompensation";

    /// <summary>A new organ failure (CLIF-C OF).</summary>
    public const string NewOrganFailure = "new-organ-failure";

    /// <summary>ACLF grade changed.</summary>
    public const string AclfGradeChange = "aclf-grade-change";

    /// <summary>HBsAg or HBV DNA turned positive under immunosuppression (HBV reactivation).</summary>
    public const string HbvReactivation = "hbv-reactivation";

    /// <summary>ALT flare under immunosuppression.</summary>
    public const string AltFlare = "alt-flare";

    /// <summary>MELD 3.0 at or above the referral threshold and not referred (worklist).</summary>
    public const string MeldNotReferred = "meld-not-referred";

    /// <summary>Hepatitis B status unknown before B-cell depleting therapy (worklist).</summary>
    public const string HbvUnknownBeforeBCellDepletion = "hbv-unknown-before-b-cell-depletion";

    /// <summary>Labs due by the re-certification schedule.</summary>
    public const string RecertificationDue = "recertification-due";
}
