using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Transplant;

/// <summary>How soon a transplant signal asks for action.</summary>
public enum SignalUrgency
{
    /// <summary>Refer for transplant assessment.</summary>
    Refer,

    /// <summary>Contact a transplant centre now (acute liver failure, severe ACLF).</summary>
    Urgent,
}

/// <summary>One transplant referral signal: decision support for the clinician, with its guideline and reason.</summary>
/// <param name="Id">Stable id, e.g. <c>meld-15-cirrhosis</c>.</param>
/// <param name="Urgency">How soon.</param>
/// <param name="Reason">Why it applies to this patient, in one sentence, for a clinician.</param>
/// <param name="Source">The guideline that sets the threshold.</param>
public sealed record TransplantSignal(string Id, SignalUrgency Urgency, string Reason, Citation Source)
{
    /// <summary>Acute liver failure meeting King's College criteria (any variant).</summary>
    public const string AlfKingsCollege = "alf-kings-college";

    /// <summary>ACLF grade 2 or 3.</summary>
    public const string AclfGrade2To3 = "aclf-grade-2-3";

    /// <summary>MELD-Na or MELD 3.0 ≥ 15 in cirrhosis.</summary>
    public const string Meld15Cirrhosis = "meld-15-cirrhosis";

    /// <summary>A major complication of cirrhosis.</summary>
    public const string Decompensation = "decompensation";

    /// <summary>UKELD ≥ 49 in cirrhosis.</summary>
    public const string Ukeld49 = "ukeld-49";
}

/// <summary>
/// A signal some values of the missing inputs would raise and others would not (issue 11 s.2): not raised, and not
/// silent either; it names the inputs that would settle it.
/// </summary>
/// <param name="Signal">The signal as it would read if raised; its reason says "possible" and why.</param>
/// <param name="SettledBy">Snapshot paths that would settle it (for example <c>findings.cirrhosis</c>, <c>findings.dialysisTwiceInPastWeek</c>).</param>
public sealed record PossibleTransplantSignal(TransplantSignal Signal, IReadOnlyList<string> SettledBy);

/// <summary>The transplant section of an assessment: the signals that apply, and inputs that would decide others.</summary>
/// <param name="Signals">Signals that apply (for every value of any missing input), urgent first.</param>
/// <param name="Missing">Snapshot paths that, if given, could raise further signals: every path that settles a possible signal.</param>
public sealed record TransplantSection(IReadOnlyList<TransplantSignal> Signals, IReadOnlyList<string> Missing)
{
    /// <summary>No signals, nothing missing.</summary>
    public static readonly TransplantSection None = new([], []);

    /// <summary>Signals raised by some values of the missing inputs only, urgent first (not in <see cref="Signals"/>).</summary>
    public IReadOnlyList<PossibleTransplantSignal> Possible { get; init; } = [];
}
