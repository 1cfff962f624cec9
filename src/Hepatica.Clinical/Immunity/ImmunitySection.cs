using Hepatica.Clinical.Findings;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Immunity;

/// <summary>Hepatitis B reactivation risk band (AGA 2015): high &gt; 10 %, moderate 1-10 %, low &lt; 1 %.</summary>
public enum RiskBand
{
    /// <summary>Anticipated reactivation in fewer than 1 % of patients.</summary>
    Low,

    /// <summary>Anticipated reactivation in 1-10 % of patients.</summary>
    Moderate,

    /// <summary>Anticipated reactivation in more than 10 % of patients.</summary>
    High,
}

/// <summary>What the guidance recommends for a reactivation risk.</summary>
public enum ReactivationAction
{
    /// <summary>Usual care: no routine prophylaxis; monitor.</summary>
    Monitoring,

    /// <summary>Antiviral prophylaxis suggested over monitoring (monitoring acceptable).</summary>
    ProphylaxisOrMonitoring,

    /// <summary>Antiviral prophylaxis.</summary>
    Prophylaxis,
}

/// <summary>The reactivation risk one medication carries for this patient.</summary>
/// <param name="Id">Stable id of the table row, e.g. <c>b-cell-depleting</c>, <c>corticosteroid-low-dose-4-weeks</c>.</param>
/// <param name="Medication">The medication as given (name, or class id).</param>
/// <param name="Class">Its class.</param>
/// <param name="Band">The risk band, or null when the AGA 2015 table does not classify the drug.</param>
/// <param name="Action">The recommended action.</param>
/// <param name="Text">One or two sentences for the clinician.</param>
/// <param name="Source">The guideline.</param>
public sealed record ReactivationRisk(string Id, string Medication, MedicationClass Class, RiskBand? Band, ReactivationAction Action, string Text, Citation Source);

/// <summary>An indication (SBP prophylaxis) or an observation (a low count) on the immune side.</summary>
/// <param name="Id">Stable id, e.g. <c>sbp-secondary</c>, <c>lymphocytes-low</c>.</param>
/// <param name="Text">For the clinician; observations are worded as observations, not diagnoses.</param>
/// <param name="Source">The guideline or definition that sets the threshold.</param>
public sealed record ImmuneSignal(string Id, string Text, Citation Source);

/// <summary>The immune side of an assessment.</summary>
/// <param name="Serostatus">HBV serostatus, when known.</param>
/// <param name="Reactivation">Reactivation risk per medication (highest band first).</param>
/// <param name="Sbp">Indications for antibiotic prophylaxis of spontaneous bacterial peritonitis.</param>
/// <param name="Observations">Immune dysfunction visible in routine labs.</param>
/// <param name="Missing">Snapshot paths that would decide further items.</param>
public sealed record ImmunitySection(
    HbvSerostatus? Serostatus,
    IReadOnlyList<ReactivationRisk> Reactivation,
    IReadOnlyList<ImmuneSignal> Sbp,
    IReadOnlyList<ImmuneSignal> Observations,
    IReadOnlyList<string> Missing)
{
    /// <summary>Nothing to report.</summary>
    public static readonly ImmunitySection None = new(null, [], [], [], []);

    /// <summary>True when there is nothing to show.</summary>
    public bool IsEmpty => Reactivation.Count == 0 && Sbp.Count == 0 && Observations.Count == 0 && Missing.Count == 0;

    /// <summary>Evaluates the immune side of a snapshot.</summary>
    /// <param name="snapshot">The patient.</param>
    /// <param name="outcomes">The score outcomes of the same snapshot (Child-Pugh is read for SBP prophylaxis).</param>
    /// <param name="markers">Hepatitis markers (see <see cref="HepatitisMarkers.From"/>).</param>
    public static ImmunitySection Evaluate(PatientSnapshot snapshot, IReadOnlyList<ScoreOutcome> outcomes, HepatitisMarkers markers)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(markers);
        var missing = new List<string>();
        var reactivation = HbvReactivation.Evaluate(snapshot.Medications, markers.HbvSerostatus, missing);
        var sbp = SbpProphylaxis.Evaluate(snapshot, outcomes, missing);
        var observations = ImmuneObservations.Evaluate(snapshot.Labs);
        return new ImmunitySection(markers.HbvSerostatus, reactivation, sbp, observations, missing.Distinct().ToList());
    }
}
