using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Scores;

/// <summary>
/// EASL-CLIF grade of acute-on-chronic liver failure (Moreau 2013, CANONIC), from the organ failures Moreau 2013 defines
/// (liver: bilirubin ≥ 12 mg/dL; kidney: creatinine ≥ 2.0 mg/dL or renal replacement therapy; brain: West Haven grade 3-4;
/// coagulation: INR ≥ 2.5; circulation: vasopressors; respiration: PaO2/FiO2 ≤ 200 or SpO2/FiO2 ≤ 214). Value 0 (no
/// ACLF) to 3. No ACLF: no organ failure, or a single non-kidney failure with creatinine &lt; 1.5 mg/dL and (for a
/// non-brain failure) no encephalopathy. Grade 1: a single kidney failure; a single liver, coagulation, circulation or
/// respiratory failure with creatinine 1.5-1.9 mg/dL and/or encephalopathy grade 1-2; a single brain failure with creatinine
/// 1.5-1.9 mg/dL. Grade 2: two organ failures. Grade 3: three or more. "1.5-1.9" is read as ≥ 1.5 and &lt; 2.0, so that every
/// creatinine below kidney failure has a place. Ventilation for encephalopathy counts as brain failure, ventilation for any
/// other reason as respiratory failure (as CLIF-C OF scores them). Coagulation failure is CLIF-C OF's INR ≥ 2.5
/// (Jalan 2014), not CLIF-SOFA's "INR ≥ 2.5 or platelets ≤ 20" (Moreau 2013), so the grade and CLIF-C OF always agree.
/// </summary>
public static class AclfGrade
{
    /// <summary>What the ACLF grade is, its range and sources.</summary>
    public static readonly ScoreDefinition Definition = new(
        "aclf-grade", "1.0.0", "EASL-CLIF ACLF grade", 0m, 3m, "a grade, 0 (no ACLF) to 3; no rounding (Moreau 2013)",
        [SnapshotKeys.Labs.Bilirubin, SnapshotKeys.Labs.Creatinine, SnapshotKeys.Findings.RenalReplacementTherapy, SnapshotKeys.Findings.EncephalopathyGrade, SnapshotKeys.Labs.Inr, SnapshotKeys.Findings.Vasopressors,
            SnapshotKeys.Findings.MechanicalVentilation, SnapshotKeys.Findings.VentilationForEncephalopathy, SnapshotKeys.Findings.Pao2Fio2, SnapshotKeys.Findings.Spo2Fio2],
        [Sources.Moreau2013])
    {
        Population = new(
            "Hospitalised patients with acute decompensation of cirrhosis (Moreau 2013, CANONIC). Acute decompensation itself is not checked: the snapshot records no admission for it.",
            [Sources.Moreau2013],
            [Populations.CirrhosisRequired(Sources.Moreau2013, "for acute decompensation of cirrhosis, the patients of the CANONIC study")]) { RelevantWhen = Populations.Cirrhosis },
    };

    /// <summary>Kidney dysfunction below failure, mg/dL: creatinine ≥ 1.5 (Moreau 2013, "1.5 to 1.9").</summary>
    public const decimal KidneyDysfunctionCreatinine = 1.5m;

    /// <summary>Grades (Moreau 2013).</summary>
    public static readonly IReadOnlyList<Band> Grades =
        [Band.Between(0m, 0m, "no ACLF"), Band.Between(1m, 1m, "ACLF grade 1"), Band.Between(2m, 2m, "ACLF grade 2"), Band.Between(3m, 3m, "ACLF grade 3")];

    /// <summary>Gathers the inputs from a snapshot and grades, or names what is missing.</summary>
    /// <param name="snapshot">The patient.</param>
    /// <param name="recordSteps">False to compute without keeping the breakdown (same value).</param>
    public static ScoreOutcome Evaluate(PatientSnapshot snapshot, bool recordSteps = true)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var r = new Requirements();
        var inputs = OrganInputs.Gather(snapshot, ref r, needMap: false);
        return r.Outcome(Definition, inputs, recordSteps, Calculate);
    }

    /// <summary>Grades ACLF with a step for each organ failure and the rule applied.</summary>
    public static ScoreResult Calculate(OrganInputs inputs, bool recordSteps = true)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var b = Breakdown.For(recordSteps, Sources.Moreau2013);
        var warnings = new List<InputIssue>();
        var organs = ClifOrgans.Assess(inputs, b, points: false, warnings);
        var grade = b.Sum("ACLF grade", Grade(inputs, organs, b), "Moreau 2013");
        var category = b.Category("grade", grade, Bands.Find(Grades, grade));
        return new ScoreResult(Definition, grade, null, category, b.Steps, warnings) { Extras = ClifCOf.Extras(organs, withPoints: false) };
    }

    /// <summary>The grade, 0-3, from the organ failures, creatinine and encephalopathy grade (Moreau 2013).</summary>
    internal static decimal Grade(OrganInputs inputs, OrganAssessment[] organs, Breakdown b)
    {
        var failures = organs.Where(o => o.Failed).ToList();
        if (failures.Count != 1)
        {
            b.Note("rule", failures.Count == 0 ? "no organ failure: no ACLF" : failures.Count == 2 ? "two organ failures: grade 2" : $"{failures.Count} organ failures: grade 3");
            return Math.Min(failures.Count, 3);
        }

        var single = failures[0].Organ;
        var cr = inputs.Creatinine.MilligramsPerDeciliter;
        var kidneyDysfunction = cr >= KidneyDysfunctionCreatinine;
        var mildHe = inputs.Encephalopathy.Grade is 1 or 2;
        var (grade, rule) = single switch
        {
            Organ.Kidney => (1, "single kidney failure: grade 1"),
            Organ.Brain => kidneyDysfunction
                ? (1, $"single brain failure with creatinine {Breakdown.F(cr)} (1.5-1.9 mg/dL): grade 1")
                : (0, $"single brain failure with creatinine {Breakdown.F(cr)} < 1.5 mg/dL: no ACLF"),
            _ => kidneyDysfunction || mildHe
                ? (1, $"single {ClifOrgans.Name(single)} failure with {(kidneyDysfunction ? $"creatinine {Breakdown.F(cr)} (1.5-1.9 mg/dL)" : string.Empty)}{(kidneyDysfunction && mildHe ? " and " : string.Empty)}{(mildHe ? $"encephalopathy grade {inputs.Encephalopathy.Grade}" : string.Empty)}: grade 1")
                : (0, $"single {ClifOrgans.Name(single)} failure with creatinine {Breakdown.F(cr)} < 1.5 mg/dL and no encephalopathy: no ACLF"),
        };
        b.Note("rule", rule);
        return grade;
    }
}
