using System.Globalization;
using Hepatica.Clinical.Labs;
using Hepatica.Clinical.Scoring;
using Hl7.Fhir.Model;

namespace Hepatica.Fhir;

/// <summary>
/// Observations to the lab panel: per analyte of <see cref="LabCodes"/>, the latest usable value at or before as-of
/// (docs/fhir.md, "Labs").
/// </summary>
internal static class ObservationReader
{
    private const string Loinc = "http://loinc.org";
    private const string Ucum = "http://unitsofmeasure.org";

    private sealed record Candidate(Observation Observation, string Path, LoincCode Code, DateTimeOffset Time);

    /// <summary>Builds the panel; also returns the effective time of the creatinine used (the dialysis week ends there).</summary>
    public static (LabPanel Labs, DateTimeOffset? CreatinineTime) Read(IEnumerable<Observation> observations, SubjectMatcher subject, DateTimeOffset asOf, List<InputIssue> issues, List<FhirSource> sources)
    {
        var byRule = new Dictionary<LabRule, List<Candidate>>();
        foreach (var o in observations)
        {
            var path = $"Observation/{o.Id}";
            var codings = o.Code?.Coding ?? [];
            if (codings.Count == 0 || codings.All(c => string.IsNullOrEmpty(c.Code)))
            {
                issues.Add(InputIssue.Warning(FhirIssueCodes.MissingCode, path + ".code", $"{path} has no coded code{(o.Code?.Text is { } t ? $" (text '{t}')" : "")}: it cannot be matched to an analyte and is ignored."));
                continue;
            }

            if (FindRule(codings) is not var (rule, code))
            {
                continue; // Not an analyte the reader uses (vital signs, other labs): silently skipped.
            }

            if (o.Status is not (ObservationStatus.Final or ObservationStatus.Amended or ObservationStatus.Corrected))
            {
                issues.Add(InputIssue.Warning(FhirIssueCodes.StatusIgnored, path + ".status",
                    $"{path} ({rule.Analyte}, LOINC {code.Loinc}) has status '{Status(o.Status)}': only final, amended and corrected results are used; ignored."));
                continue;
            }

            if (!subject.Check(o.Subject, path, issues))
            {
                continue;
            }

            if (Times.Of(o.Effective) is not ({ } start, var end))
            {
                issues.Add(InputIssue.Warning(FhirIssueCodes.NoEffectiveTime, path + ".effective", $"{path} ({rule.Analyte}) has no effective time: its age cannot be judged; ignored."));
                continue;
            }

            var time = end ?? start; // a Period's end: when the specimen collection finished
            if (time > asOf)
            {
                continue; // after the as-of instant: not yet known at that time
            }

            if (!byRule.TryGetValue(rule, out var list))
            {
                byRule[rule] = list = [];
            }

            list.Add(new Candidate(o, path, code, time));
        }

        var panel = LabPanel.Empty;
        DateTimeOffset? creatinineTime = null;
        foreach (var rule in LabCodes.Rules)
        {
            if (!byRule.TryGetValue(rule, out var list))
            {
                continue;
            }

            var latest = list.Max(c => c.Time);
            if (latest < asOf.AddDays(-rule.WindowDays))
            {
                var newest = list.First(c => c.Time == latest);
                issues.Add(InputIssue.Warning(FhirIssueCodes.OutsideWindow, newest.Path + ".effective",
                    $"The latest {rule.Analyte} ({newest.Path}, {latest:yyyy-MM-dd}) is {(int)(asOf - latest).TotalDays} days before the as-of date {asOf:yyyy-MM-dd}; the window is {rule.WindowDays} days: not used."));
                continue;
            }

            // Every value at the latest time: one is used; values that disagree cancel each other.
            LabPanel? chosen = null;
            Candidate? chosenFrom = null;
            var conflict = false;
            foreach (var c in list.Where(c => c.Time == latest).OrderBy(c => c.Observation.Id, StringComparer.Ordinal))
            {
                if (ReadOne(c, rule, panel, issues) is not { } read)
                {
                    continue;
                }

                if (chosen is null)
                {
                    (chosen, chosenFrom) = (read, c);
                }
                else if (read != chosen)
                {
                    conflict = true;
                    issues.Add(InputIssue.Error(FhirIssueCodes.ConflictingValues, c.Path + ".value",
                        $"{c.Path} and {chosenFrom!.Path} give different {rule.Analyte} values ({Reported(c.Observation)} and {Reported(chosenFrom.Observation)}) at the same time {latest:yyyy-MM-dd'T'HH:mm:ssK}: neither is used."));
                }
            }

            if (chosen is null || conflict)
            {
                continue;
            }

            panel = chosen;
            sources.Add(new FhirSource(rule.Path, "Observation", chosenFrom!.Observation.Id, latest, Loinc, chosenFrom.Code.Loinc, Reported(chosenFrom.Observation)));
            if (rule.Path == "labs.creatinine")
            {
                creatinineTime = latest;
            }
        }

        return (panel, creatinineTime);
    }

    private static (LabRule Rule, LoincCode Code)? FindRule(List<Coding> codings)
    {
        foreach (var c in codings)
        {
            if (c.System == Loinc && c.Code is { } code && LabCodes.TryFind(code, out var rule, out var entry))
            {
                return (rule, entry);
            }
        }

        return null;
    }

    /// <summary>Checks the unit against the LOINC code's list, then lets the core type convert and range-check it.</summary>
    private static LabPanel? ReadOne(Candidate c, LabRule rule, LabPanel panel, List<InputIssue> issues)
    {
        var o = c.Observation;
        if (o.Value is not Quantity { Value: { } value } q)
        {
            issues.Add(InputIssue.Error(FhirIssueCodes.NoNumericValue, c.Path + ".value",
                $"{c.Path} ({rule.Analyte}) has no numeric valueQuantity{(o.Value is null ? "" : $" (it has a {o.Value.TypeName})")}{(o.DataAbsentReason?.Coding.FirstOrDefault()?.Code is { } why ? $"; dataAbsentReason '{why}'" : "")}: not used."));
            return null;
        }

        if (q.Comparator is not null)
        {
            issues.Add(InputIssue.Warning(FhirIssueCodes.ValueIsBound, c.Path + ".valueQuantity.comparator",
                $"{c.Path} gives {rule.Analyte} as a bound ({Reported(o)}), not a measurement: not used."));
            return null;
        }

        var unit = q.System is null or Ucum ? q.Code ?? q.Unit ?? "" : null;
        if (unit is null || !c.Code.Units.Contains(unit, StringComparer.Ordinal))
        {
            var accepted = string.Join(", ", c.Code.Units.Select(u => u.Length == 0 ? "(no unit)" : u));
            issues.Add(InputIssue.Error(FhirIssueCodes.UnitDoesNotFitCode, c.Path + ".valueQuantity.code",
                unit is null
                    ? $"{c.Path} ({rule.Analyte}) gives its unit in '{q.System}', not UCUM: not used. LOINC {c.Code.Loinc} accepts UCUM {accepted}."
                    : $"'{(unit.Length == 0 ? "(no unit)" : unit)}' does not fit LOINC {c.Code.Loinc} ({c.Code.Display}) in {c.Path}: accepted UCUM units are {accepted}. Not used."));
            return null;
        }

        return rule.Apply(panel, value, unit, c.Path + ".valueQuantity", issues);
    }

    private static string Reported(Observation o) => o.Value is Quantity q
        ? $"{(q.Comparator is { } cmp ? Hl7.Fhir.Utility.EnumUtility.GetLiteral(cmp) : "")}{q.Value?.ToString(CultureInfo.InvariantCulture)} {q.Code ?? q.Unit}".TrimEnd()
        : o.Value?.TypeName ?? "no value";

    private static string Status(ObservationStatus? s) => s switch
    {
        null => "none",
        ObservationStatus.EnteredInError => "entered-in-error",
        _ => s.Value.ToString().ToLowerInvariant(),
    };
}
