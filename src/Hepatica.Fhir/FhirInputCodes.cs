using System.Text.RegularExpressions;
using Hepatica.Clinical;

namespace Hepatica.Fhir;

/// <summary>
/// What an integrator supplies in FHIR for a snapshot path the reader fills (docs/fhir.md, "What to supply"): the
/// resource and the codes the reader looks for, as short text built from the reader's own tables (<see cref="LabCodes"/>,
/// <see cref="SerologyCodes"/>, <see cref="VitalSignCodes"/>, <see cref="ConditionCodes"/>, <see cref="ProcedureCodes"/>),
/// so the text can never list a code the reader does not accept. For a missing input named by snapshot path
/// (<c>labs.inr</c>) this says what would fill it (<c>Observation, LOINC 6301-6, 34714-6</c>).
/// </summary>
public static partial class FhirInputCodes
{
    private const string Snomed = "SNOMED CT";
    private const string Icd = "ICD-10-CM";

    /// <summary>The findings and history items the reader sets from Conditions, and the kinds that set each (<see cref="ConditionReader"/>).</summary>
    private static readonly (string Path, ConditionKind[] Kinds)[] FromConditions =
    [
        (SnapshotKeys.Findings.Cirrhosis, [ConditionKind.Cirrhosis]),
        (SnapshotKeys.Findings.VaricealBleeding, [ConditionKind.VaricealBleeding]),
        (SnapshotKeys.Findings.AlcoholAssociatedHepatitis, [ConditionKind.AlcoholAssociatedHepatitis]),
        (SnapshotKeys.Findings.CholestaticLiverDisease, [ConditionKind.CholestaticLiverDisease]),
        (SnapshotKeys.Findings.FattyLiverDisease, [ConditionKind.FattyLiverDisease]),
        (SnapshotKeys.Findings.DiabetesOrImpairedFastingGlucose, [ConditionKind.Diabetes]),
        (SnapshotKeys.Findings.AcuteLiverFailure, [ConditionKind.AcuteLiverFailure]),
        ("history.alcoholRelatedLiverDisease", [ConditionKind.AlcoholRelatedLiverDisease]),
    ];

    private static readonly Dictionary<string, string> ByPath = Build();

    /// <summary>Every snapshot path <see cref="For"/> answers, in table order (a medication's fields as <c>medications[i].field</c>).</summary>
    public static IReadOnlyList<string> Paths { get; } = [.. ByPath.Keys];

    /// <summary>
    /// What to supply in FHIR for <paramref name="snapshotPath"/> (for example "Observation, LOINC 6301-6, 34714-6";
    /// "Condition, SNOMED CT 19943007, 420054005; ICD-10-CM K70.3*, ..." where <c>*</c> means the code and every code
    /// under it); null for a path the reader never fills from FHIR (a snapshot-only input such as
    /// <c>findings.jaundiceToEncephalopathyDays</c> or <c>alcohol.auditC.q1</c>). A medication index (<c>medications[2]</c>)
    /// is accepted as any index.
    /// </summary>
    public static string? For(string snapshotPath)
    {
        if (snapshotPath is null)
        {
            return null;
        }

        var key = MedicationIndex().Replace(snapshotPath, "medications[i]");
        return ByPath.GetValueOrDefault(key);
    }

    [GeneratedRegex(@"^medications\[\d+\]")]
    private static partial Regex MedicationIndex();

    private static Dictionary<string, string> Build()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [SnapshotKeys.Sex] = "Patient.gender (male or female)",
            [SnapshotKeys.AgeYears] = "Patient.birthDate (a full date, YYYY-MM-DD)",
        };

        foreach (var rule in LabCodes.Rules)
        {
            var loinc = "LOINC " + string.Join(", ", rule.Codes.Select(c => c.Loinc));
            map[rule.Path] = "Observation, " + loinc;
            if (rule.UpperLimit is not null)
            {
                map[rule.Path + "UpperLimit"] = $"Observation.referenceRange.high of the {rule.Analyte} value used ({loinc})";
            }
        }

        foreach (var rule in SerologyCodes.Rules)
        {
            map[rule.Path] = "Observation, LOINC " + string.Join(", ", rule.Codes);
        }

        var vital = VitalSignCodes.MeanArterialPressure;
        map[vital.Path] = "Observation, LOINC " + vital.Code.Loinc;
        map[SnapshotKeys.Findings.DialysisTwiceInPastWeek] = "Procedure, " + Grouped(ProcedureCodes.Dialysis.Select(d => (d.System, d.Code)));

        foreach (var (path, kinds) in FromConditions)
        {
            map[path] = "Condition, " + ConditionText(kinds);
        }

        map[SnapshotKeys.Findings.EncephalopathyGrade] = "Condition coded with coma (West Haven grade 4 only; other grades are bedside findings), " + ConditionText([ConditionKind.HepaticComa]);
        map[SnapshotKeys.Findings.Ascites] = "Condition, " + ConditionText([ConditionKind.Ascites])
            + " with Condition.severity " + Snomed + " " + string.Join(", ", ConditionReader.AscitesSeverity.Keys);
        map[SnapshotKeys.Findings.AcuteLiverFailureCause] = "Condition, " + ConditionText([ConditionKind.AcuteLiverFailure])
            + ", with one cause: " + string.Join(" or ", ConditionReader.CauseKinds.Select(c => ConditionText([c.Kind])));

        foreach (var kind in Enum.GetValues<ConditionKind>())
        {
            map["conditions." + ConditionReader.JsonName(kind)] = "Condition, " + ConditionText([kind]);
        }

        map["vaccinations"] = "Immunization, CVX (http://hl7.org/fhir/sid/cvx) codes of the vaccine table (docs/prevention.md), status completed";
        const string Drug = "MedicationStatement or MedicationRequest, RxNorm ingredient or ATC codes of the medication table (docs/medications.md)";
        map["medications"] = Drug;
        map["medications[i]"] = Drug;
        map["medications[i].class"] = Drug;
        map["medications[i].code"] = Drug;
        map["medications[i].name"] = Drug;
        map["medications[i].start"] = "MedicationStatement.effective (start), MedicationRequest.dispenseRequest.validityPeriod.start";
        map["medications[i].durationWeeks"] = "MedicationStatement.effectivePeriod (both ends), MedicationRequest.dispenseRequest.expectedSupplyDuration (d or wk)";
        return map;
    }

    /// <summary>The codes of the condition table that give any of <paramref name="kinds"/>, by system.</summary>
    private static string ConditionText(ConditionKind[] kinds) =>
        Grouped(ConditionCodes.All.Where(c => c.Kinds.Any(kinds.Contains)).Select(c => (c.System, c.Code)));

    /// <summary><c>SNOMED CT a, b; ICD-10-CM c, d</c>: codes by system, each once, in table order.</summary>
    private static string Grouped(IEnumerable<(string System, string Code)> codes) =>
        string.Join("; ", codes.Distinct().GroupBy(c => c.System).Select(g => SystemName(g.Key) + " " + string.Join(", ", g.Select(c => c.Code))));

    private static string SystemName(string system) => system switch
    {
        ConditionCodes.Snomed => Snomed,
        ConditionCodes.Icd10Cm => Icd,
        ProcedureCodes.Cpt => "CPT",
        _ => system,
    };
}
