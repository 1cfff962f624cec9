using System.Globalization;
using Hepatica.Clinical;
using Hepatica.Clinical.Labs;
using Hepatica.Clinical.Scoring;
using Hepatica.Clinical.Serology;
using Hepatica.Json;
using Hl7.Fhir.Model;

namespace Hepatica.Fhir;

/// <summary>
/// Observations to the lab panel (<see cref="LabCodes"/>) and the serology panel (<see cref="SerologyCodes"/>): per
/// analyte, the latest usable value at or before as-of, within its window (docs/fhir.md, "Labs" and "Serology").
/// </summary>
internal static class ObservationReader
{
    private const string Loinc = "http://loinc.org";
    private const string Ucum = "http://unitsofmeasure.org";

    private sealed record Candidate(Observation Observation, string Path, string Loinc, LoincCode? LabCode, DateTimeOffset Time);

    /// <summary>A measured number (the candidate reader needs a reference type).</summary>
    private sealed record Measured(decimal Value);

    /// <summary>
    /// The panels read, the effective time of the creatinine used (the dialysis week ends there), the mean arterial
    /// pressure (mmHg), and the as-of that would use the newest values left out as too old (<see cref="StaleValues"/>).
    /// </summary>
    public sealed record Panels(LabPanel Labs, SerologyPanel Serology, DateTimeOffset? CreatinineTime, decimal? MeanArterialPressure, DateOnly? SuggestedAsOf);

    public static Panels Read(IEnumerable<Observation> observations, SubjectMatcher subject, DateTimeOffset asOf, List<InputIssue> issues, List<FhirSource> sources)
    {
        var byRule = Collect(observations, subject, asOf, issues);
        var stale = new StaleValues();

        var labs = LabPanel.Empty;
        DateTimeOffset? creatinineTime = null;
        foreach (var rule in LabCodes.Rules)
        {
            var current = labs;
            if (byRule.TryGetValue(rule, out var list)
                && Latest(rule, list, asOf, issues, stale, c => ReadLab(c, rule, current, issues), (a, b) => a == b) is var (panel, from))
            {
                labs = panel;
                stale.Used(rule, from.Time);
                sources.Add(Source(rule, from));
                if (rule.UpperLimit is { } uln && ReadUpperLimit(from, rule, uln, labs, issues) is var (withLimit, reported))
                {
                    labs = withLimit;
                    sources.Add(new FhirSource(rule.Path + "UpperLimit", "Observation", from.Observation.Id, from.Time, Loinc, from.Loinc, reported));
                }
                creatinineTime = rule.Path == SnapshotKeys.Labs.Creatinine ? from.Time : creatinineTime;
            }
        }

        var serology = SerologyPanel.Empty;
        foreach (var rule in SerologyCodes.Rules)
        {
            if (byRule.TryGetValue(rule, out var list)
                && Latest(rule, list, asOf, issues, stale, c => ReadSerology(c, rule, issues), (a, b) => a.Result == b.Result && a.Value == b.Value) is var (result, from))
            {
                serology = rule.Set(serology, result);
                stale.Used(rule, from.Time);
                sources.Add(Source(rule, from));
            }
        }

        decimal? map = null;
        var mapRule = VitalSignCodes.MeanArterialPressure;
        if (byRule.TryGetValue(mapRule, out var vitals)
            && Latest(mapRule, vitals, asOf, issues, stale, c => ReadVital(c, mapRule, issues), (a, b) => a.Value == b.Value) is var (measured, mapFrom))
        {
            map = measured.Value;
            stale.Used(mapRule, mapFrom.Time);
            sources.Add(Source(mapRule, mapFrom));
        }

        return new Panels(labs, serology, creatinineTime, map, stale.Report(issues));
    }

    /// <summary>Every Observation that passes the common checks (code, status, subject, time), by rule.</summary>
    private static Dictionary<IObservationRule, List<Candidate>> Collect(IEnumerable<Observation> observations, SubjectMatcher subject, DateTimeOffset asOf, List<InputIssue> issues)
    {
        var byRule = new Dictionary<IObservationRule, List<Candidate>>();
        foreach (var o in observations)
        {
            var path = $"Observation/{o.Id}";
            var codings = o.Code?.Coding ?? [];
            if (codings.Count == 0 || codings.All(c => string.IsNullOrEmpty(c.Code)))
            {
                issues.Add(InputIssue.Warning(FhirIssueCodes.MissingCode, path + ".code", $"{path} has no coded code{(o.Code?.Text is { } t ? $" (text '{t}')" : "")}: it cannot be matched to an analyte and is ignored."));
                continue;
            }

            if (FindRule(codings) is not var (rule, loinc, labCode))
            {
                continue; // Not an analyte the reader uses (vital signs, other labs): silently skipped.
            }

            if (o.Status is not (ObservationStatus.Final or ObservationStatus.Amended or ObservationStatus.Corrected))
            {
                issues.Add(InputIssue.Warning(FhirIssueCodes.StatusIgnored, path + ".status",
                    $"{path} ({rule.Analyte}, LOINC {loinc}) has status '{Status(o.Status)}': only final, amended and corrected results are used; ignored."));
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

            list.Add(new Candidate(o, path, loinc, labCode, time));
        }

        return byRule;
    }

    /// <summary>
    /// The value of the latest candidate, if inside the window; every candidate at that time is read, and values
    /// that disagree cancel each other (FHR014). Null when nothing is usable.
    /// </summary>
    private static (T Value, Candidate From)? Latest<T>(IObservationRule rule, List<Candidate> list, DateTimeOffset asOf, List<InputIssue> issues, StaleValues stale, Func<Candidate, T?> read, Func<T, T, bool> same)
        where T : class
    {
        var latest = list.Max(c => c.Time);
        if (latest < asOf.AddDays(-rule.WindowDays))
        {
            var newest = list.First(c => c.Time == latest);
            issues.Add(InputIssue.Warning(FhirIssueCodes.OutsideWindow, newest.Path + ".effective",
                $"The latest {rule.Analyte} ({newest.Path}, {latest:yyyy-MM-dd}) is {(int)(asOf - latest).TotalDays} days before the as-of date {asOf:yyyy-MM-dd}; the window is {rule.WindowDays} days: not used."));
            stale.Add(rule, latest);
            return null;
        }

        (T Value, Candidate From)? chosen = null;
        var conflict = false;
        foreach (var c in list.Where(c => c.Time == latest).OrderBy(c => c.Observation.Id, StringComparer.Ordinal))
        {
            if (read(c) is not { } value)
            {
                continue;
            }

            if (chosen is not { } first)
            {
                chosen = (value, c);
            }
            else if (!same(value, first.Value))
            {
                conflict = true;
                issues.Add(InputIssue.Error(FhirIssueCodes.ConflictingValues, c.Path + ".value",
                    $"{c.Path} and {first.From.Path} give different {rule.Analyte} results ({Reported(c.Observation)} and {Reported(first.From.Observation)}) at the same time {latest:yyyy-MM-dd'T'HH:mm:ssK}: neither is used."));
            }
        }

        return conflict ? null : chosen;
    }

    private static FhirSource Source(IObservationRule rule, Candidate from) =>
        new(rule.Path, "Observation", from.Observation.Id, from.Time, Loinc, from.Loinc, Reported(from.Observation));

    private static (IObservationRule Rule, string Loinc, LoincCode? LabCode)? FindRule(List<Coding> codings)
    {
        foreach (var c in codings)
        {
            if (c.System != Loinc || c.Code is not { } code)
            {
                continue;
            }

            if (LabCodes.TryFind(code, out var rule, out var entry))
            {
                return (rule, code, entry);
            }

            if (SerologyCodes.Find(code) is { } serology)
            {
                return (serology, code, null);
            }

            if (VitalSignCodes.Find(code) is { } vital)
            {
                return (vital, code, vital.Code);
            }
        }

        return null;
    }

    /// <summary>A vital sign: the unit must be one the LOINC code accepts (FHR010) and the value in the snapshot's range (SNP004).</summary>
    private static Measured? ReadVital(Candidate c, VitalSignRule rule, List<InputIssue> issues)
    {
        if (ReadQuantity(c, rule.Analyte, issues) is not var (value, unit))
        {
            return null;
        }

        if (unit is null || !rule.Code.Units.Contains(unit, StringComparer.Ordinal))
        {
            issues.Add(InputIssue.Error(FhirIssueCodes.UnitDoesNotFitCode, c.Path + ".valueQuantity.code",
                $"'{unit ?? (c.Observation.Value as Quantity)?.System}' does not fit LOINC {rule.Code.Loinc} ({rule.Code.Display}) in {c.Path}: accepted UCUM units are {string.Join(", ", rule.Code.Units)}. Not used."));
            return null;
        }

        if (value <= rule.Above || value > rule.AtMost)
        {
            issues.Add(InputIssue.Error(IssueCodes.InvalidValue, c.Path + ".valueQuantity.value",
                $"{c.Path} ({rule.Analyte}) {value.ToString(CultureInfo.InvariantCulture)} {unit} is outside the accepted range: more than {rule.Above.ToString(CultureInfo.InvariantCulture)} and at most {rule.AtMost.ToString(CultureInfo.InvariantCulture)} {unit}. Not used."));
            return null;
        }

        return new Measured(value);
    }

    /// <summary>Checks the unit against the LOINC code's list, then lets the core type convert and range-check it.</summary>
    private static LabPanel? ReadLab(Candidate c, LabRule rule, LabPanel panel, List<InputIssue> issues)
    {
        if (ReadQuantity(c, rule.Analyte, issues) is not var (value, unit))
        {
            return null;
        }

        var code = c.LabCode!;
        if (unit is null || !code.Units.Contains(unit, StringComparer.Ordinal))
        {
            var accepted = string.Join(", ", code.Units.Select(u => u.Length == 0 ? "(no unit)" : u));
            issues.Add(InputIssue.Error(FhirIssueCodes.UnitDoesNotFitCode, c.Path + ".valueQuantity.code",
                unit is null
                    ? $"{c.Path} ({rule.Analyte}) gives its unit in '{(c.Observation.Value as Quantity)?.System}', not UCUM: not used. LOINC {code.Loinc} accepts UCUM {accepted}."
                    : $"'{(unit.Length == 0 ? "(no unit)" : unit)}' does not fit LOINC {code.Loinc} ({code.Display}) in {c.Path}: accepted UCUM units are {accepted}. Not used."));
            return null;
        }

        return rule.Apply(panel, value, unit, c.Path + ".valueQuantity", issues);
    }

    /// <summary>
    /// The laboratory's upper limit of normal from the <c>referenceRange.high</c> of the Observation whose value is used:
    /// ranges typed <c>normal</c> (or untyped) with a high; none: not set (the scores say it is missing); several that
    /// disagree: FHR060. The unit must fit the LOINC code as the value's does (FHR010) and the core type checks the value.
    /// </summary>
    private static (LabPanel Panel, string Reported)? ReadUpperLimit(Candidate c, LabRule rule, LabApply apply, LabPanel panel, List<InputIssue> issues)
    {
        var ranges = c.Observation.ReferenceRange
            .Select((r, i) => (Range: r, Path: $"{c.Path}.referenceRange[{i}].high"))
            .Where(x => x.Range.High?.Value is not null && (x.Range.Type is null || x.Range.Type.Coding.Any(t => t.Code == "normal")))
            .ToList();
        if (ranges.Count == 0)
        {
            return null;
        }

        var (range, path) = ranges[0];
        var high = range.High!;
        if (ranges.Skip(1).Any(x => x.Range.High!.Value != high.Value || x.Range.High.Code != high.Code))
        {
            issues.Add(InputIssue.Warning(FhirIssueCodes.UpperLimitAmbiguous, c.Path + ".referenceRange",
                $"{c.Path} ({rule.Analyte}) gives {ranges.Count} normal ranges with different upper limits ({string.Join(", ", ranges.Select(x => Shown(x.Range.High!)))}): which applies to this patient is not known; {rule.Path}UpperLimit not set."));
            return null;
        }

        var unit = high.System is null or Ucum ? high.Code ?? high.Unit ?? "" : null;
        var code = c.LabCode!;
        if (unit is null || !code.Units.Contains(unit, StringComparer.Ordinal))
        {
            var accepted = string.Join(", ", code.Units.Select(u => u.Length == 0 ? "(no unit)" : u));
            issues.Add(InputIssue.Error(FhirIssueCodes.UnitDoesNotFitCode, path + ".code",
                $"The upper limit of normal '{Shown(high)}' in {path} does not fit LOINC {code.Loinc} ({code.Display}): accepted UCUM units are {accepted}. {rule.Path}UpperLimit not set."));
            return null;
        }

        return apply(panel, high.Value!.Value, unit, path, issues) is { } withLimit ? (withLimit, Shown(high) + " (referenceRange.high)") : null;
    }

    private static string Shown(Quantity q) => (q.Value?.ToString(CultureInfo.InvariantCulture) + " " + (q.Code ?? q.Unit)).TrimEnd();

    /// <summary>A coded result, a mapped word, or (anti-HBs, viral loads) a quantity read by the core's serology units.</summary>
    private static SerologyResult? ReadSerology(Candidate c, SerologyRule rule, List<InputIssue> issues)
    {
        var o = c.Observation;
        var date = DateOnly.FromDateTime(c.Time.UtcDateTime);
        switch (o.Value)
        {
            case CodeableConcept cc when cc.Coding.Select(x => SerologyCodes.FromCoding(x.System, x.Code)).FirstOrDefault(r => r is not null) is { } coded:
                return SerologyResult.Of(coded, date);
            case FhirString s when SerologyCodes.FromWord(s.Value) is { } word:
                return SerologyResult.Of(word, date);
            case Quantity when rule.Kind != SerologyValue.Qualitative:
                if (ReadQuantity(c, rule.Analyte, issues) is not var (value, unit))
                {
                    return null;
                }

                var path = c.Path + ".valueQuantity";
                if (rule.Kind == SerologyValue.AntiHbsTiter)
                {
                    return SerologyUnits.TryReadAntiHbs(value, unit, path, issues) is { } titer ? SerologyResult.AntiHbsTiter(titer, date, value, unit) : null;
                }

                return SerologyUnits.TryReadViralLoad(value, unit, rule.Analyte, path, issues) is { } load ? SerologyResult.ViralLoad(load, date, value, unit) : null;
            default:
                // Fall back to an interpretation code (POS/NEG/IND) when the value itself is not readable.
                if (o.Interpretation.SelectMany(i => i.Coding).Select(x => SerologyCodes.FromCoding(x.System, x.Code)).FirstOrDefault(r => r is not null) is { } interpreted)
                {
                    return SerologyResult.Of(interpreted, date);
                }

                var orQuantity = rule.Kind == SerologyValue.Qualitative ? "" : ", or a quantity";
                issues.Add(InputIssue.Error(FhirIssueCodes.SerologyResultUnreadable, c.Path + ".value",
                    $"{c.Path} ({rule.Analyte}, LOINC {c.Loinc}): the result {Reported(o)} is not one Hepatica reads "
                    + "(SNOMED CT 260373001 Detected / 260415000 Not detected, an HL7 interpretation POS/NEG/IND, the words "
                    + "positive/negative/reactive/non-reactive/detected/not detected/indeterminate" + orQuantity + "): not used."));
                return null;
        }
    }

    /// <summary>The numeric value and its UCUM unit (null unit when the system is not UCUM), or null with FHR011/FHR019.</summary>
    private static (decimal Value, string? Unit)? ReadQuantity(Candidate c, string analyte, List<InputIssue> issues)
    {
        var o = c.Observation;
        if (o.Value is not Quantity { Value: { } value } q)
        {
            issues.Add(InputIssue.Error(FhirIssueCodes.NoNumericValue, c.Path + ".value",
                $"{c.Path} ({analyte}) has no numeric valueQuantity{(o.Value is null ? "" : $" (it has a {o.Value.TypeName})")}{(o.DataAbsentReason?.Coding.FirstOrDefault()?.Code is { } why ? $"; dataAbsentReason '{why}'" : "")}: not used."));
            return null;
        }

        if (q.Comparator is not null)
        {
            issues.Add(InputIssue.Warning(FhirIssueCodes.ValueIsBound, c.Path + ".valueQuantity.comparator",
                $"{c.Path} gives {analyte} as a bound ({Reported(o)}), not a measurement: not used."));
            return null;
        }

        return (value, q.System is null or Ucum ? q.Code ?? q.Unit ?? "" : null);
    }

    private static string Reported(Observation o)
    {
        switch (o.Value)
        {
            case Quantity q:
                var comparator = q.Comparator is { } cmp ? Hl7.Fhir.Utility.EnumUtility.GetLiteral(cmp) : "";
                return (comparator + q.Value?.ToString(CultureInfo.InvariantCulture) + " " + (q.Code ?? q.Unit)).TrimEnd();
            case CodeableConcept cc:
                var codes = string.Join(" | ", cc.Coding.Select(x => (x.Code + " " + x.Display).Trim()));
                return codes.Length > 0 ? codes : cc.Text ?? "CodeableConcept";
            case FhirString s:
                return "'" + s.Value + "'";
            case null:
                return "no value";
            default:
                return o.Value.TypeName;
        }
    }

    private static string Status(ObservationStatus? s) => s switch
    {
        null => "none",
        ObservationStatus.EnteredInError => "entered-in-error",
        _ => s.Value.ToString().ToLowerInvariant(),
    };
}
