using Hepatica.Clinical;
using Hepatica.Clinical.Findings;

namespace Hepatica.Fhir;

/// <summary>
/// A bedside measurement read from an Observation into <c>findings</c> (not the lab panel): its snapshot path, window,
/// LOINC code with the UCUM units it accepts, and the range the snapshot contract accepts (docs/snapshot.md).
/// </summary>
/// <param name="Path">The snapshot path, for example <c>findings.meanArterialPressure</c>.</param>
/// <param name="Analyte">Name used in messages.</param>
/// <param name="WindowDays">How old (days before as-of) the latest value may be.</param>
/// <param name="Code">The LOINC code and its units.</param>
/// <param name="Above">The value must be greater than this.</param>
/// <param name="AtMost">The value must be at most this.</param>
internal sealed record VitalSignRule(string Path, string Analyte, int WindowDays, LoincCode Code, decimal Above, decimal AtMost) : IObservationRule;

/// <summary>Vital signs the reader uses (docs/fhir.md, "Vital signs").</summary>
internal static class VitalSignCodes
{
    /// <summary>
    /// Vital signs: 1 day. CLIF-C OF scores the circulation as it is at the assessment (Jalan 2014); a blood pressure
    /// older than a day does not describe it. A judgement, not a published limit (shorter than the 2 days of pH and
    /// lactate, which are drawn less often).
    /// </summary>
    public const int WindowDays = 1;

    /// <summary>
    /// Mean arterial pressure, LOINC 8478-0 "Mean blood pressure", in mm[Hg] (X: found with this meaning as a top-level
    /// code and as a blood-pressure panel component in public FHIR code and profiles, November 2026). Range as the
    /// snapshot's <c>findings.meanArterialPressure</c>, from the core (<see cref="ClinicalFindings"/>).
    /// </summary>
    public static readonly VitalSignRule MeanArterialPressure =
        new(SnapshotKeys.Findings.MeanArterialPressure, "mean arterial pressure", WindowDays, new LoincCode("8478-0", "Mean blood pressure", "mm[Hg]"), ClinicalFindings.MeanArterialPressureAbove, ClinicalFindings.MeanArterialPressureAtMost);

    /// <summary>The rule for a LOINC code, or null.</summary>
    public static VitalSignRule? Find(string loinc) => loinc == MeanArterialPressure.Code.Loinc ? MeanArterialPressure : null;
}
