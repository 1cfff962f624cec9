using Hepatica.Clinical;
using Hepatica.Clinical.Findings;
using Hepatica.Clinical.Scoring;
using Hepatica.Json;
using Hl7.Fhir.Model;

namespace Hepatica.Fhir;

/// <summary>
/// Conditions to findings and history (docs/fhir.md, "Conditions"); an ascites Condition with a SNOMED CT severity
/// (mild, moderate, severe) gives the Child-Pugh ascites grade. A Condition counts when it was present at the
/// as-of time: onset (if given) at or before as-of; clinical status active, recurrence or relapse, or resolved /
/// inactive / remission with an abatement after as-of; verification status neither refuted nor entered-in-error.
/// Absence of a Condition does not set a finding to false (the record may simply not say), with one documented
/// exception (docs/decisions/0004): <c>cholestaticLiverDisease</c> is false when the Bundle holds any Condition for
/// the patient and none is PBC or PSC.
/// </summary>
internal static class ConditionReader
{
    private const string ClinicalStatusSystem = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    private const string VerificationSystem = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
    private const string Snomed = "http://snomed.info/sct";

    /// <summary>
    /// Condition.severity (FHIR R4 value set condition-severity, SNOMED CT) to the Child-Pugh ascites grade: 255604002 Mild
    /// is "slight" (mild); 6736007 Moderate, 371924009 Moderate to severe and 24484000 Severe are "moderate" (the snapshot's
    /// moderate-severe, Pugh 1973). 371923003 Mild to moderate straddles two grades and is not read (FHR020). Codes: X, the
    /// HL7 C-CDA problem severity value set 2.16.840.1.113883.3.88.12.3221.6.8 as copied in public code.
    /// </summary>
    internal static readonly Dictionary<string, Ascites> AscitesSeverity = new(StringComparer.Ordinal)
    {
        ["255604002"] = Ascites.Mild,
        ["6736007"] = Ascites.ModerateSevere,
        ["371924009"] = Ascites.ModerateSevere,
        ["24484000"] = Ascites.ModerateSevere,
    };

    public static ClinicalFindings Read(IEnumerable<Condition> conditions, SubjectMatcher subject, DateTimeOffset asOf, List<InputIssue> issues, List<FhirSource> sources, out MedicalHistory history)
    {
        var kinds = new HashSet<ConditionKind>();
        var bySource = new Dictionary<ConditionKind, List<FhirSource>>();
        var encephalopathyNotGraded = new List<InputIssue>();
        var ascites = new HashSet<Ascites>();
        var problemList = false;
        foreach (var c in conditions)
        {
            var path = $"Condition/{c.Id}";
            problemList |= subject.Is(c.Subject);
            var hits = (c.Code?.Coding ?? []).SelectMany(x => ConditionCodes.Match(x.System, x.Code).Select(m => (Coding: x, m.Row, m.Kind))).ToList();
            if (hits.Count == 0 || !subject.Check(c.Subject, path, issues) || !PresentAt(c, asOf, path, issues))
            {
                continue;
            }

            var (onset, _) = Times.Of(c.Onset);
            foreach (var (coding, row, kind) in hits.DistinctBy(h => h.Kind))
            {
                kinds.Add(kind);
                var source = new FhirSource("conditions." + JsonName(kind), "Condition", c.Id, onset ?? RecordedDate(c), row.System, coding.Code ?? row.Code);
                sources.Add(source);
                (bySource.TryGetValue(kind, out var list) ? list : bySource[kind] = []).Add(source);
                if (kind == ConditionKind.Ascites && c.Severity?.Coding.FirstOrDefault(x => x.System == Snomed && x.Code is not null && AscitesSeverity.ContainsKey(x.Code)) is { } severity)
                {
                    ascites.Add(AscitesSeverity[severity.Code!]);
                    sources.Add(new FhirSource(SnapshotKeys.Findings.Ascites, "Condition", c.Id, onset ?? RecordedDate(c), Snomed, severity.Code!, severity.Display ?? severity.Code));
                }
                else if (kind is ConditionKind.Ascites or ConditionKind.HepaticEncephalopathy)
                {
                    (kind == ConditionKind.Ascites ? issues : encephalopathyNotGraded).Add(InputIssue.Warning(FhirIssueCodes.GradeNotCoded, path + ".code",
                        $"{path} codes {(kind == ConditionKind.Ascites ? "ascites" : "hepatic encephalopathy")} ({row.Display}) but not its grade: "
                        + $"findings.{(kind == ConditionKind.Ascites ? "ascites" : "encephalopathyGrade")} is not set (give it as a bedside finding)."));
                }
            }
        }

        // A coded coma gives West Haven grade 4 (coma, Vilstrup 2014); an encephalopathy Condition alone gives no grade
        // (FHR020), unless a coma code in the same record already gives it.
        var coma = kinds.Contains(ConditionKind.HepaticComa);
        if (coma)
        {
            sources.AddRange(bySource[ConditionKind.HepaticComa].Select(s => s with { Path = SnapshotKeys.Findings.EncephalopathyGrade }));
        }
        else
        {
            issues.AddRange(encephalopathyNotGraded);
        }

        var cause = AcuteLiverFailureCauseOf(kinds, bySource, issues, sources);

        history = MedicalHistory.Empty with
        {
            AlcoholRelatedLiverDisease = kinds.Contains(ConditionKind.AlcoholRelatedLiverDisease) ? true : null,
        };

        if (ascites.Count > 1)
        {
            issues.Add(InputIssue.Warning(FhirIssueCodes.GradeNotCoded, "Condition", "Ascites Conditions give different severities (mild and moderate/severe): findings.ascites is not set."));
        }

        return ClinicalFindings.Empty with
        {
            Ascites = ascites.Count == 1 ? ascites.Single() : null,
            Cirrhosis = True(kinds, ConditionKind.Cirrhosis),
            VaricealBleeding = True(kinds, ConditionKind.VaricealBleeding),
            AlcoholAssociatedHepatitis = True(kinds, ConditionKind.AlcoholAssociatedHepatitis),
            // Decision 0004: with a problem list present, no PBC/PSC on it selects Child-Pugh's standard bilirubin bands.
            CholestaticLiverDisease = kinds.Contains(ConditionKind.CholestaticLiverDisease) ? true : problemList ? false : null,
            FattyLiverDisease = True(kinds, ConditionKind.FattyLiverDisease),
            DiabetesOrImpairedFastingGlucose = True(kinds, ConditionKind.Diabetes),
            Encephalopathy = coma ? EncephalopathyGrade.FromWestHaven(EncephalopathyGrade.MaximumGrade) : null,
            AcuteLiverFailure = True(kinds, ConditionKind.AcuteLiverFailure),
            AcuteLiverFailureCause = cause,
        };
    }

    /// <summary>
    /// The cause of acute liver failure, only when an acute liver failure Condition and exactly one coded cause are present
    /// at as-of (docs/fhir.md, "Acute liver failure"). Never "other" or "indeterminate" from the absence of a coded cause:
    /// without one the cause stays missing. Two causes: FHR022, not set. The sources are the failure and the cause.
    /// </summary>
    private static AcuteLiverFailureCause? AcuteLiverFailureCauseOf(HashSet<ConditionKind> kinds, Dictionary<ConditionKind, List<FhirSource>> bySource, List<InputIssue> issues, List<FhirSource> sources)
    {
        if (!kinds.Contains(ConditionKind.AcuteLiverFailure))
        {
            return null;
        }

        var causes = CauseKinds.Where(c => kinds.Contains(c.Kind)).ToList();
        if (causes.Count == 0)
        {
            return null;
        }

        if (causes.Count > 1)
        {
            var ids = causes.SelectMany(c => bySource[c.Kind]).Select(s => $"Condition/{s.Id}").Distinct();
            issues.Add(InputIssue.Warning(FhirIssueCodes.AcuteLiverFailureCausesDisagree, "Condition",
                $"Acute liver failure with more than one coded cause ({string.Join(", ", causes.Select(c => JsonName(c.Kind)))}: {string.Join(", ", ids)}): "
                + "findings.acuteLiverFailureCause is not set (give it as a bedside finding)."));
            return null;
        }

        var (kind, cause) = causes.Single();
        sources.AddRange(bySource[ConditionKind.AcuteLiverFailure].Concat(bySource[kind]).Select(s => s with { Path = SnapshotKeys.Findings.AcuteLiverFailureCause }));
        return cause;
    }

    /// <summary>The coded causes the reader recognises, with the King's College group each gives (O'Grady 1989).</summary>
    internal static readonly (ConditionKind Kind, AcuteLiverFailureCause Cause)[] CauseKinds =
    [
        (ConditionKind.AcetaminophenPoisoning, Hepatica.Clinical.Findings.AcuteLiverFailureCause.Acetaminophen),
        (ConditionKind.AcuteHepatitisA, Hepatica.Clinical.Findings.AcuteLiverFailureCause.HepatitisA),
        (ConditionKind.AcuteHepatitisB, Hepatica.Clinical.Findings.AcuteLiverFailureCause.HepatitisB),
    ];

    /// <summary>The kind's name in snapshot paths and docs: camelCase (<c>chronicHepatitisB</c>).</summary>
    public static string JsonName(ConditionKind kind) => char.ToLowerInvariant(kind.ToString()[0]) + kind.ToString()[1..];

    private static bool? True(HashSet<ConditionKind> kinds, ConditionKind kind) => kinds.Contains(kind) ? true : null;

    private static DateTimeOffset? RecordedDate(Condition c) =>
        Times.Of(c.RecordedDateElement).Start;

    private static bool PresentAt(Condition c, DateTimeOffset asOf, string path, List<InputIssue> issues)
    {
        var verification = c.VerificationStatus?.Coding.FirstOrDefault(x => x.System == VerificationSystem)?.Code;
        if (verification is "refuted" or "entered-in-error")
        {
            issues.Add(InputIssue.Warning(FhirIssueCodes.ConditionStatusIgnored, path + ".verificationStatus", $"{path} is {verification}: ignored."));
            return false;
        }

        var clinical = c.ClinicalStatus?.Coding.FirstOrDefault(x => x.System == ClinicalStatusSystem)?.Code;
        if (clinical is null)
        {
            issues.Add(InputIssue.Warning(FhirIssueCodes.ConditionStatusIgnored, path + ".clinicalStatus", $"{path} has no clinical status: whether it is current is unknown; ignored."));
            return false;
        }

        if (Times.Of(c.Onset) is ({ } onset, _) && onset > asOf)
        {
            return false; // began after the as-of time
        }

        var (abated, abatedEnd) = Times.Of(c.Abatement);
        var abatement = abatedEnd ?? abated;
        return clinical switch
        {
            "active" or "recurrence" or "relapse" => abatement is null || abatement > asOf,
            "inactive" or "remission" or "resolved" => abatement is { } a && a > asOf,
            _ => false,
        };
    }
}
