namespace Hepatica.Clinical;

/// <summary>
/// The clinical setting of a snapshot, read once from its findings so every score gate, section and text judges the
/// patient the same way. Each answer is true, false, or null when the snapshot does not say (never a guess).
/// </summary>
public static class PatientContext
{
    /// <summary>
    /// Acute liver failure: <c>findings.acuteLiverFailure</c> when given; true when <c>findings.acuteLiverFailureCause</c>
    /// is given (a cause of acute liver failure says the patient has it); null otherwise.
    /// </summary>
    /// <param name="snapshot">The patient.</param>
    public static bool? AcuteLiverFailure(PatientSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var f = snapshot.Findings;
        return f.AcuteLiverFailure ?? (f.AcuteLiverFailureCause is null ? null : true);
    }

    /// <summary>
    /// Intensive care now: <c>findings.intensiveCare</c> when given; true when mechanical ventilation or vasopressors are
    /// given as true (both are delivered in intensive care); null otherwise.
    /// </summary>
    /// <param name="snapshot">The patient.</param>
    public static bool? IntensiveCare(PatientSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var f = snapshot.Findings;
        return f.IntensiveCare ?? (f.MechanicalVentilation is true || f.Vasopressors is true ? true : null);
    }
}
