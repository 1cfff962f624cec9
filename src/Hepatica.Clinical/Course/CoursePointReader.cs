using Hepatica.Clinical.Findings;
using Hepatica.Clinical.Immunity;
using Hepatica.Clinical.Scores;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Course;

/// <summary>
/// Reads one snapshot and its assessment into the values and facts of a <see cref="CoursePoint"/> (docs/course.md,
/// "Points"). Scores come from the outcomes by definition (<see cref="ScoreOutcome.Find"/>), the hepatitis B serostatus
/// from <see cref="HepatitisMarkers"/>, the organ failures from the CLIF-C OF extras: nothing is computed twice.
/// </summary>
internal static class CoursePointReader
{
    /// <summary>Fills <paramref name="values"/>, <paramref name="facts"/> and <paramref name="evidence"/> (the snapshot path or score each came from).</summary>
    internal static void Read(PatientSnapshot s, Assessment a, IDictionary<string, decimal> values, ISet<string> facts, IDictionary<string, string> evidence)
    {
        Score(a, Meld3.Definition, CourseValues.Meld3, values, evidence);
        Score(a, MeldNa.Definition, CourseValues.MeldNa, values, evidence);
        Score(a, ChildPugh.Definition, CourseValues.ChildPugh, values, evidence);
        Score(a, Scores.AclfGrade.Definition, CourseValues.AclfGrade, values, evidence);

        var labs = s.Labs;
        Lab(labs.Bilirubin?.MilligramsPerDeciliter, CourseValues.Bilirubin, SnapshotKeys.Labs.Bilirubin, values, evidence);
        Lab(labs.Creatinine?.MilligramsPerDeciliter, CourseValues.Creatinine, SnapshotKeys.Labs.Creatinine, values, evidence);
        Lab(labs.Inr?.Ratio, CourseValues.Inr, SnapshotKeys.Labs.Inr, values, evidence);
        Lab(labs.Sodium?.MillimolesPerLiter, CourseValues.Sodium, SnapshotKeys.Labs.Sodium, values, evidence);
        Lab(labs.Albumin?.GramsPerDeciliter, CourseValues.Albumin, SnapshotKeys.Labs.Albumin, values, evidence);
        Lab(labs.Alt?.UnitsPerLiter, CourseValues.Alt, SnapshotKeys.Labs.Alt, values, evidence);

        Decompensation(s.Findings, facts, evidence);
        OrganFailures(a, values, facts, evidence);
        Hepatitis(s, facts, values, evidence);
        Medications(s.Medications, facts, evidence);
        // The snapshot contract records no transplant referral: CourseFacts.Referred is never set (docs/course.md).
    }

    private static void Score(Assessment a, ScoreDefinition d, string key, IDictionary<string, decimal> values, IDictionary<string, string> evidence)
    {
        if (a.Outcome(d) is { Status: OutcomeStatus.Calculated, Result: { } r })
        {
            values[key] = r.Value;
            evidence[key] = $"scores.{d.Id}@{d.Version}";
        }
    }

    private static void Lab(decimal? value, string key, string path, IDictionary<string, decimal> values, IDictionary<string, string> evidence)
    {
        if (value is { } v)
        {
            values[key] = v;
            evidence[key] = path;
        }
    }

    /// <summary>
    /// Decompensation is ascites, overt encephalopathy (West Haven ≥ 1) or variceal bleeding (D'Amico 2006; Baveno VII
    /// 2022): any one present makes the point decompensated; all three given and absent make it compensated.
    /// </summary>
    private static void Decompensation(ClinicalFindings f, ISet<string> facts, IDictionary<string, string> evidence)
    {
        string? present = f.Ascites is Ascites.Mild or Ascites.ModerateSevere ? SnapshotKeys.Findings.Ascites
            : f.Encephalopathy is { Grade: >= 1 } ? SnapshotKeys.Findings.EncephalopathyGrade
            : f.VaricealBleeding == true ? SnapshotKeys.Findings.VaricealBleeding
            : null;
        if (present is not null)
        {
            facts.Add(CourseFacts.Decompensated);
            evidence[CourseFacts.Decompensated] = present;
        }
        else if (f.Ascites == Ascites.None && f.Encephalopathy is { Grade: 0 } && f.VaricealBleeding == false)
        {
            facts.Add(CourseFacts.Compensated);
            evidence[CourseFacts.Compensated] = $"{SnapshotKeys.Findings.Ascites}, {SnapshotKeys.Findings.EncephalopathyGrade}, {SnapshotKeys.Findings.VaricealBleeding}";
        }
    }

    /// <summary>Organ failures from the CLIF-C OF outcome's extras; the ACLF grade's extras (same Moreau 2013 failures) when CLIF-C OF lacks only its mean arterial pressure.</summary>
    private static void OrganFailures(Assessment a, IDictionary<string, decimal> values, ISet<string> facts, IDictionary<string, string> evidence)
    {
        var (outcome, d) = a.Outcome(ClifCOf.Definition) is { Status: OutcomeStatus.Calculated } of ? (of, ClifCOf.Definition)
            : (a.Outcome(Scores.AclfGrade.Definition), Scores.AclfGrade.Definition);
        if (outcome is not { Status: OutcomeStatus.Calculated, Result: { } r } || !r.Extras.TryGetValue(ClifCOf.OrganFailuresExtra, out var count))
        {
            return;
        }

        var source = $"scores.{d.Id}@{d.Version}";
        values[CourseValues.OrganFailures] = count;
        evidence[CourseValues.OrganFailures] = source;
        foreach (var organ in Enum.GetValues<Organ>())
        {
            var name = ClifOrgans.Name(organ);
            if (r.Extras.TryGetValue(name + "Failure", out var failed) && failed == 1m)
            {
                facts.Add(CourseFacts.OrganFailurePrefix + name);
                evidence[CourseFacts.OrganFailurePrefix + name] = source;
            }
        }
    }

    private static void Hepatitis(PatientSnapshot s, ISet<string> facts, IDictionary<string, decimal> values, IDictionary<string, string> evidence)
    {
        var markers = HepatitisMarkers.From(s);
        if (markers.HbsAg is { } hbsAg)
        {
            var key = hbsAg ? CourseFacts.HbsAgPositive : CourseFacts.HbsAgNegative;
            facts.Add(key);
            evidence[key] = SnapshotKeys.Serology.Hbsag;
        }

        if (markers.HbvSerostatus is null)
        {
            facts.Add(CourseFacts.HbvStatusUnknown);
            evidence[CourseFacts.HbvStatusUnknown] = markers.HbsAg is null ? SnapshotKeys.Serology.Hbsag : SnapshotKeys.Serology.AntiHbcTotal;
        }

        if (s.Serology.HbvDna is { } dna)
        {
            string? key = dna.IsPositive ? CourseFacts.HbvDnaDetectable : dna.IsNegative ? CourseFacts.HbvDnaUndetectable : null;
            if (key is not null)
            {
                facts.Add(key);
                evidence[key] = SnapshotKeys.Serology.HbvDna;
            }

            if (dna.Value is { } iuPerMl)
            {
                values[CourseValues.HbvDna] = iuPerMl;
                evidence[CourseValues.HbvDna] = SnapshotKeys.Serology.HbvDna;
            }
        }
    }

    /// <summary>
    /// Immunosuppressed: any drug the hepatitis B reactivation guidance names (AGA 2015 table; AASLD 2018 for calcineurin
    /// inhibitors, antimetabolites and checkpoint inhibitors), that is every class but HCV antivirals and "other".
    /// </summary>
    private static void Medications(IReadOnlyList<Medication> medications, ISet<string> facts, IDictionary<string, string> evidence)
    {
        for (var i = 0; i < medications.Count; i++)
        {
            var c = medications[i].Class;
            if (c is MedicationClass.Other or MedicationClass.HcvDirectActingAntiviral)
            {
                continue;
            }

            var path = $"medications[{i}].class";
            if (facts.Add(CourseFacts.Immunosuppressed))
            {
                evidence[CourseFacts.Immunosuppressed] = path;
            }

            if (c == MedicationClass.BCellDepleting && facts.Add(CourseFacts.BCellDepleting))
            {
                evidence[CourseFacts.BCellDepleting] = path;
            }
        }
    }
}
