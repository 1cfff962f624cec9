using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Scores;

/// <summary>
/// CLIF-C OF, the CLIF Consortium organ failure score (Jalan 2014): six organs, 1-3 points each, total 6-18.
/// Liver, bilirubin mg/dL &lt; 6 / 6 to &lt; 12 / ≥ 12; kidney, creatinine mg/dL &lt; 2 / 2 to &lt; 3.5 / ≥ 3.5 or renal
/// replacement therapy; brain, West Haven grade 0 / 1-2 / 3-4 or intubated for encephalopathy; coagulation, INR &lt; 2.0 /
/// 2.0 to &lt; 2.5 / ≥ 2.5; circulation, MAP ≥ 70 / &lt; 70 mmHg / vasopressors; respiration, PaO2/FiO2 &gt; 300 / &gt; 200-300 /
/// ≤ 200 (SpO2/FiO2 &gt; 357 / &gt; 214-357 / ≤ 214) or mechanical ventilation not for encephalopathy. The organ failures
/// (Moreau 2013 definitions) are in the steps and the extras. Each organ's 3 points are its failure (Jalan 2014: the
/// highlighted cells of the table define organ failure; the kidney fails from 2 points): at a bilirubin of exactly
/// 12 mg/dL, where the reproductions of Jalan's table print "6 to ≤ 12" for 2 points, the EF-CLIF definition of liver
/// failure (≥ 12, Moreau 2013) governs and scores 3 (version 1.1.0; 1.0.0 scored 2 and reported a liver failure).
/// </summary>
public static class ClifCOf
{
    /// <summary>What CLIF-C OF is, its range and sources.</summary>
    public static readonly ScoreDefinition Definition = new(
        "clif-c-of", "1.1.0", "CLIF-C OF (organ failure) score", 6m, 18m, "integer points; no rounding (Jalan 2014)",
        [SnapshotKeys.Labs.Bilirubin, SnapshotKeys.Labs.Creatinine, SnapshotKeys.Findings.RenalReplacementTherapy, SnapshotKeys.Findings.EncephalopathyGrade, SnapshotKeys.Labs.Inr, SnapshotKeys.Findings.Vasopressors,
            SnapshotKeys.Findings.MeanArterialPressure, SnapshotKeys.Findings.MechanicalVentilation, SnapshotKeys.Findings.VentilationForEncephalopathy, SnapshotKeys.Findings.Pao2Fio2, SnapshotKeys.Findings.Spo2Fio2],
        [Sources.Jalan2014, Sources.Moreau2013, Sources.EfClifCalculators])
    {
        Population = new(
            "Hospitalised patients with acute decompensation of cirrhosis (Moreau 2013, CANONIC; Jalan 2014). Acute decompensation itself is not checked: the snapshot records no admission for it.",
            [Sources.Moreau2013, Sources.Jalan2014],
            [Populations.CirrhosisRequired(Sources.Moreau2013, "for acute decompensation of cirrhosis, the patients of the CANONIC study")]) { RelevantWhen = Populations.Cirrhosis },
    };

    /// <summary>Name of the extra holding the number of organ failures (Moreau 2013).</summary>
    public const string OrganFailuresExtra = "organFailures";

    /// <summary>Gathers the inputs from a snapshot and calculates, or names what is missing.</summary>
    /// <param name="snapshot">The patient.</param>
    /// <param name="recordSteps">False to compute without keeping the breakdown (same value).</param>
    public static ScoreOutcome Evaluate(PatientSnapshot snapshot, bool recordSteps = true)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var r = new Requirements();
        var inputs = OrganInputs.Gather(snapshot, ref r, needMap: true);
        return r.Outcome(Definition, inputs, recordSteps, Calculate);
    }

    /// <summary>Calculates the six sub-scores, the total and the organ failures.</summary>
    /// <exception cref="ArgumentException">No MAP without vasopressors, or no oxygenation ratio without ventilation for respiratory failure.</exception>
    public static ScoreResult Calculate(OrganInputs inputs, bool recordSteps = true)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var b = Breakdown.For(recordSteps);
        var warnings = new List<InputIssue>();
        var organs = ClifOrgans.Assess(inputs, b, points: true, warnings);
        var total = b.Sum("CLIF-C OF", organs.Sum(o => o.Points), "sum of the six sub-scores (Jalan 2014)");
        return new ScoreResult(Definition, total, null, null, b.Steps, warnings) { Extras = Extras(organs, withPoints: true) };
    }

    /// <summary>The extras: each organ's points (when scored) and failure (1 or 0), and the number of failures.</summary>
    internal static Dictionary<string, decimal> Extras(OrganAssessment[] organs, bool withPoints)
    {
        var extras = new Dictionary<string, decimal> { [OrganFailuresExtra] = organs.Count(o => o.Failed) };
        foreach (var o in organs)
        {
            if (withPoints)
            {
                extras[ClifOrgans.Name(o.Organ) + "Points"] = o.Points;
            }

            extras[ClifOrgans.Name(o.Organ) + "Failure"] = o.Failed ? 1m : 0m;
        }

        return extras;
    }
}
