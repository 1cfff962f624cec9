using Hepatica.Clinical.Findings;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Scores;

/// <summary>The six organ systems of the EASL-CLIF scores, in the order of Jalan 2014's table.</summary>
public enum Organ
{
    /// <summary>Liver (bilirubin).</summary>
    Liver,

    /// <summary>Kidney (creatinine, renal replacement therapy).</summary>
    Kidney,

    /// <summary>Brain (West Haven grade of hepatic encephalopathy).</summary>
    Brain,

    /// <summary>Coagulation (INR).</summary>
    Coagulation,

    /// <summary>Circulation (mean arterial pressure, vasopressors).</summary>
    Circulation,

    /// <summary>Respiration (PaO2/FiO2 or SpO2/FiO2, mechanical ventilation).</summary>
    Respiration,
}

/// <summary>
/// The organ inputs of the EASL-CLIF scores (CLIF-C OF, ACLF grade, CLIF-C ACLF), gathered once, with every
/// contradiction resolved the same way for all three and reported as a <c>PAT002</c> warning:
/// vasopressors win over a mean arterial pressure; PaO2/FiO2 wins over SpO2/FiO2; ventilation for encephalopathy makes
/// the brain fail (3 points) and does not make respiration fail; ventilation for encephalopathy without mechanical
/// ventilation is ignored.
/// </summary>
/// <param name="Bilirubin">Total bilirubin.</param>
/// <param name="Creatinine">Serum creatinine.</param>
/// <param name="RenalReplacementTherapy">Renal replacement therapy now.</param>
/// <param name="Encephalopathy">West Haven grade.</param>
/// <param name="Inr">INR.</param>
/// <param name="Vasopressors">Vasopressors or terlipressin for the circulation.</param>
/// <param name="MeanArterialPressure">Mean arterial pressure, mmHg (needed for CLIF-C OF without vasopressors).</param>
/// <param name="MechanicalVentilation">Mechanical ventilation.</param>
/// <param name="VentilationForEncephalopathy">Ventilated to protect the airway in encephalopathy, not for respiratory failure.</param>
/// <param name="PaO2FiO2">PaO2 (mmHg) / FiO2.</param>
/// <param name="SpO2FiO2">SpO2 (%) / FiO2, used when PaO2/FiO2 is not given.</param>
public sealed record OrganInputs(
    Bilirubin Bilirubin, Creatinine Creatinine, bool RenalReplacementTherapy, EncephalopathyGrade Encephalopathy, Inr Inr,
    bool Vasopressors, decimal? MeanArterialPressure, bool MechanicalVentilation, bool VentilationForEncephalopathy,
    decimal? PaO2FiO2, decimal? SpO2FiO2)
{
    /// <summary>Ventilated for a reason other than encephalopathy: respiratory failure whatever the ratio.</summary>
    internal bool VentilatedForLungs => MechanicalVentilation && !VentilationForEncephalopathy;

    /// <summary>Ventilated to protect the airway in encephalopathy: brain failure.</summary>
    internal bool VentilatedForBrain => MechanicalVentilation && VentilationForEncephalopathy;

    /// <summary>Gathers the organ inputs, recording every missing one; the mean arterial pressure only when <paramref name="needMap"/>.</summary>
    internal static OrganInputs Gather(PatientSnapshot s, ref Requirements r, bool needMap)
    {
        var f = s.Findings;
        var inputs = new OrganInputs(
            r.Need(s.Labs.Bilirubin, SnapshotKeys.Labs.Bilirubin), r.Need(s.Labs.Creatinine, SnapshotKeys.Labs.Creatinine),
            r.Need(f.RenalReplacementTherapy, SnapshotKeys.Findings.RenalReplacementTherapy), r.Need(f.Encephalopathy, SnapshotKeys.Findings.EncephalopathyGrade),
            r.Need(s.Labs.Inr, SnapshotKeys.Labs.Inr), r.Need(f.Vasopressors, SnapshotKeys.Findings.Vasopressors),
            f.MeanArterialPressure, r.Need(f.MechanicalVentilation, SnapshotKeys.Findings.MechanicalVentilation),
            f.MechanicalVentilation == true ? r.Need(f.VentilationForEncephalopathy, SnapshotKeys.Findings.VentilationForEncephalopathy) : f.VentilationForEncephalopathy ?? false,
            f.PaO2FiO2, f.SpO2FiO2);
        if (needMap && f.Vasopressors != true)
        {
            r.Need(f.MeanArterialPressure, SnapshotKeys.Findings.MeanArterialPressure);
        }

        if (!(f.MechanicalVentilation == true && f.VentilationForEncephalopathy == false) && f.PaO2FiO2 is null && f.SpO2FiO2 is null)
        {
            r.Need<decimal>(null, SnapshotKeys.Findings.Pao2Fio2);
        }

        return inputs;
    }
}

/// <summary>One organ as assessed: its CLIF-C OF points (Jalan 2014; 0 when not scored) and whether it fails (Moreau 2013).</summary>
/// <param name="Organ">The organ.</param>
/// <param name="Points">CLIF-C OF sub-score 1-3, or 0 when points were not asked for.</param>
/// <param name="Failed">Organ failure as Moreau 2013 defines it.</param>
internal readonly record struct OrganAssessment(Organ Organ, int Points, bool Failed);

/// <summary>Scores the six organs (Jalan 2014 CLIF-C OF table) and decides which fail (Moreau 2013 definitions).</summary>
internal static class ClifOrgans
{
    // CLIF-C OF sub-score tables (Jalan 2014, Table 1 as reproduced in Gut reviews and the EF-CLIF calculator). In that
    // table "highlighted areas indicate the definition of each organ failure": every organ's 3 points (and the kidney's 2)
    // are its failure. The reproductions print the liver as "6 to ≤ 12" / "> 12", which would make bilirubin 12 a liver
    // failure (Moreau 2013; EF-CLIF: ≥ 12 mg/dL) scored 2 points; the failure definition governs, so 3 points from 12.
    internal static readonly IReadOnlyList<Band> BilirubinPoints = [Band.Below(6m, "1"), Band.AtLeastBelow(6m, 12m, "2"), Band.AtLeast(12m, "3")];
    internal static readonly IReadOnlyList<Band> CreatininePoints = [Band.Below(2m, "1"), Band.AtLeastBelow(2m, 3.5m, "2"), Band.AtLeast(3.5m, "3")];
    internal static readonly IReadOnlyList<Band> InrPoints = [Band.Below(2m, "1"), Band.AtLeastBelow(2m, 2.5m, "2"), Band.AtLeast(2.5m, "3")];
    internal static readonly IReadOnlyList<Band> MapPoints = [Band.Below(70m, "2"), Band.AtLeast(70m, "1")];
    internal static readonly IReadOnlyList<Band> PaO2FiO2Points = [Band.AtMost(200m, "3"), Band.AboveUpTo(200m, 300m, "2"), Band.Above(300m, "1")];
    internal static readonly IReadOnlyList<Band> SpO2FiO2Points = [Band.AtMost(214m, "3"), Band.AboveUpTo(214m, 357m, "2"), Band.Above(357m, "1")];

    /// <summary>Organ failure cut-offs (Moreau 2013): bilirubin ≥ 12 mg/dL, creatinine ≥ 2.0 mg/dL, INR ≥ 2.5, PaO2/FiO2 ≤ 200, SpO2/FiO2 ≤ 214.</summary>
    internal const decimal LiverFailureBilirubin = 12m, KidneyFailureCreatinine = 2.0m, CoagulationFailureInr = 2.5m, PaO2FiO2Failure = 200m, SpO2FiO2Failure = 214m;

    /// <summary>Assesses the six organs; with <paramref name="points"/>, scores them (then a MAP is needed without vasopressors).</summary>
    internal static OrganAssessment[] Assess(OrganInputs i, Breakdown b, bool points, List<InputIssue> warnings)
    {
        const string Jalan = "Jalan 2014", Moreau = "Moreau 2013";
        var bili = i.Bilirubin.MilligramsPerDeciliter;
        var cr = i.Creatinine.MilligramsPerDeciliter;
        var inr = i.Inr.Ratio;
        var grade = i.Encephalopathy.Grade;
        if (i.VentilationForEncephalopathy && !i.MechanicalVentilation)
        {
            Warn(b, warnings, SnapshotKeys.Findings.VentilationForEncephalopathy, "ventilation for encephalopathy is given but mechanical ventilation is not: the patient is taken as not ventilated");
        }

        if (i.VentilatedForBrain && grade < 3)
        {
            Warn(b, warnings, SnapshotKeys.Findings.EncephalopathyGrade, $"ventilated for encephalopathy with West Haven grade {grade} given: the brain is scored as grade 3-4 (intubated for encephalopathy)");
        }

        if (i.Vasopressors && i.MeanArterialPressure is { } map)
        {
            Warn(b, warnings, SnapshotKeys.Findings.MeanArterialPressure, $"vasopressors are given, so the circulation is scored on them (3 points, failure) and the mean arterial pressure of {Breakdown.F(map)} mmHg is not used");
        }

        var usePaO2 = i.PaO2FiO2 is not null;
        if (usePaO2 && i.SpO2FiO2 is not null && !i.VentilatedForLungs)
        {
            Warn(b, warnings, SnapshotKeys.Findings.Spo2Fio2, "both PaO2/FiO2 and SpO2/FiO2 are given: PaO2/FiO2 (arterial) is used and SpO2/FiO2 ignored");
        }

        var ratio = i.PaO2FiO2 ?? i.SpO2FiO2;
        var result = new OrganAssessment[6];
        result[0] = new(Organ.Liver, points ? Point(b, "liver: bilirubin, mg/dL", bili, BilirubinPoints, Jalan) : 0, bili >= LiverFailureBilirubin);
        result[1] = new(Organ.Kidney, !points ? 0 : i.RenalReplacementTherapy
            ? (int)b.Points("kidney: renal replacement therapy", 3m, $"renal replacement therapy: 3 points whatever the creatinine ({Jalan})")
            : Point(b, "kidney: creatinine, mg/dL", cr, CreatininePoints, Jalan), i.RenalReplacementTherapy || cr >= KidneyFailureCreatinine);
        result[2] = new(Organ.Brain, !points ? 0 : i.VentilatedForBrain
            ? (int)b.Points("brain: intubated for encephalopathy", 3m, $"mechanical ventilation for encephalopathy: 3 points ({Jalan})")
            : (int)b.Points("brain: West Haven grade", grade == 0 ? 1m : grade <= 2 ? 2m : 3m, $"grade {grade}: {(grade == 0 ? 1 : grade <= 2 ? 2 : 3)} (0: 1, 1-2: 2, 3-4: 3; {Jalan})"), grade >= 3 || i.VentilatedForBrain);
        result[3] = new(Organ.Coagulation, points ? Point(b, "coagulation: INR", inr, InrPoints, Jalan) : 0, inr >= CoagulationFailureInr);
        result[4] = new(Organ.Circulation, !points ? 0 : i.Vasopressors
            ? (int)b.Points("circulation: vasopressors", 3m, $"vasopressors: 3 points ({Jalan})")
            : Point(b, "circulation: MAP, mmHg", i.MeanArterialPressure ?? throw new ArgumentException("CLIF-C OF needs a mean arterial pressure when no vasopressors are given.", nameof(i)), MapPoints, Jalan), i.Vasopressors);
        var ratioFails = ratio is { } rv && (usePaO2 ? rv <= PaO2FiO2Failure : rv <= SpO2FiO2Failure);
        result[5] = new(Organ.Respiration, !points ? 0 : i.VentilatedForLungs
            ? (int)b.Points("respiration: mechanical ventilation", 3m, $"mechanically ventilated, not for encephalopathy: 3 points ({Jalan})")
            : Point(b, usePaO2 ? "respiration: PaO2/FiO2" : "respiration: SpO2/FiO2", ratio ?? throw new ArgumentException("CLIF-C OF needs PaO2/FiO2 or SpO2/FiO2 unless ventilated for respiratory failure.", nameof(i)), usePaO2 ? PaO2FiO2Points : SpO2FiO2Points, Jalan),
            i.VentilatedForLungs || ratioFails);
        if (i.VentilatedForBrain)
        {
            b.Note("respiration", "ventilated for encephalopathy: the ventilation does not count as respiratory failure; the ratio decides (Moreau 2013)");
        }

        var failed = result.Where(o => o.Failed).Select(o => Name(o.Organ)).ToList();
        b.Add(StepKind.Note, "organ failures", failed.Count, $"{(failed.Count == 0 ? "none" : string.Join(", ", failed))} ({Moreau}: bilirubin ≥ 12 mg/dL, creatinine ≥ 2.0 mg/dL or RRT, HE grade 3-4, INR ≥ 2.5, vasopressors, PaO2/FiO2 ≤ 200 or SpO2/FiO2 ≤ 214 or ventilation not for HE)");
        return result;
    }

    /// <summary>The organ's name in steps and extras.</summary>
    // Written out, not the member's name: it is both the breakdown's word and the extras' key (liverPoints).
    internal static string Name(Organ organ) => organ switch
    {
        Organ.Liver => "liver",
        Organ.Kidney => "kidney",
        Organ.Brain => "brain",
        Organ.Coagulation => "coagulation",
        Organ.Circulation => "circulation",
        Organ.Respiration => "respiration",
        _ => throw new ArgumentOutOfRangeException(nameof(organ), organ, "One of the six CLIF organs."),
    };

    private static int Point(Breakdown b, string label, decimal value, IReadOnlyList<Band> bands, string source)
    {
        var band = Bands.Find(bands, value);
        var points = int.Parse(band.Label, System.Globalization.CultureInfo.InvariantCulture);
        b.Points(label, points, $"{Breakdown.F(value)} is {band.Describe()}: {points} point{(points == 1 ? string.Empty : "s")} ({source})");
        return points;
    }

    private static void Warn(Breakdown b, List<InputIssue> warnings, string path, string message)
    {
        warnings.Add(InputIssue.Warning(IssueCodes.ContradictoryInputs, path, message));
        b.Note("contradictory inputs", message);
    }
}
