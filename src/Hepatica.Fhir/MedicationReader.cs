using Hepatica.Clinical.Findings;
using Hepatica.Clinical.Immunity;
using Hepatica.Clinical.Scoring;
using Hepatica.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Utility;
using FhirMedication = Hl7.Fhir.Model.Medication;
using Medication = Hepatica.Clinical.Findings.Medication;

namespace Hepatica.Fhir;

/// <summary>
/// MedicationStatement and MedicationRequest (R4) to the snapshot's <c>medications</c> (docs/fhir.md, "Medications"):
/// the drug is identified only by an RxNorm or ATC code in the core's table (<see cref="MedicationClasses"/>), from
/// <c>medicationCodeableConcept</c> or a contained or bundled Medication; its status and dates decide whether it is
/// current, planned, recently ended or not used. Unknown codes are counted in one warning, never guessed from a display.
/// </summary>
internal static class MedicationReader
{
    /// <summary>The RxNorm code system.</summary>
    public const string RxNorm = "http://www.nlm.nih.gov/research/umls/rxnorm";

    /// <summary>The WHO ATC code system.</summary>
    public const string Atc = "http://www.whocc.no/atc";

    /// <summary>
    /// A completed or stopped B-cell depleting agent counts for 12 months after it ended: AGA 2015 and AASLD 2018 continue
    /// HBV prophylaxis at least 12 months after B-cell depleting therapy stops, so the exposure still matters then.
    /// </summary>
    public const int BCellDepletingRecentDays = 365;

    /// <summary>Any other completed or stopped drug counts for 6 months after it ended (prophylaxis continues 6 months, AGA 2015).</summary>
    public const int OtherRecentDays = 182;

    private sealed record Found(Medication Medication, bool Planned, FhirSource Source);

    /// <summary>The medications, in Bundle order (duplicates of one code merged), and the indexes of those only planned.</summary>
    public static (List<Medication> Medications, List<int> Planned) Read(IReadOnlyList<Bundle.EntryComponent> entries, SubjectMatcher subject, DateTimeOffset asOf, List<InputIssue> issues, List<FhirSource> sources)
    {
        var bundled = new Dictionary<string, BundledMedication>(StringComparer.Ordinal);
        foreach (var e in entries)
        {
            if (e.Resource is FhirMedication m)
            {
                if (m.Id is { } id)
                {
                    bundled.TryAdd("Medication/" + id, new(m.Code, "Medication/" + id));
                }

                if (e.FullUrl is { } url)
                {
                    bundled.TryAdd(url, new(m.Code, "Medication/" + m.Id));
                }
            }
        }

        var read = new List<Found>();
        var unknown = new List<string>();
        foreach (var r in entries.Select(e => e.Resource))
        {
            var one = r switch
            {
                MedicationStatement s => Statement(s, bundled, subject, asOf, issues, unknown),
                MedicationRequest q => Request(q, bundled, subject, asOf, issues, unknown),
                _ => null,
            };
            if (one is not null)
            {
                read.Add(one);
            }
        }

        if (unknown.Count > 0)
        {
            const int shown = 10;
            issues.Add(InputIssue.Warning(FhirIssueCodes.MedicationCodeUnknown, "Bundle.entry",
                $"{unknown.Count} medication resource(s) carry no RxNorm ingredient or ATC code in Hepatica's table (docs/medications.md) and are not used: "
                + string.Join("; ", unknown.Take(shown)) + (unknown.Count > shown ? $"; and {unknown.Count - shown} more" : "")
                + ". Clinical-drug RxNorm codes (SCD/SBD) are not mapped to their ingredient: check these by hand for immunosuppressants."));
        }

        // One drug given twice (a request and a statement about it): one medication; current wins over planned.
        var medications = new List<Medication>();
        var planned = new List<int>();
        foreach (var group in read.GroupBy(x => (x.Medication.Class, x.Medication.Code)))
        {
            var index = medications.Count;
            var current = group.FirstOrDefault(x => !x.Planned) ?? group.First();
            medications.Add(current.Medication);
            if (current.Planned)
            {
                planned.Add(index);
            }

            sources.AddRange(group.Select(x => x.Source with { Path = $"medications[{index}]" }));
        }

        return (medications, planned);
    }

    private sealed record BundledMedication(CodeableConcept? Code, string Path);

    /// <summary>
    /// The drug a statement or request names, its coding and where the code came from (<see cref="Code"/>), and the list
    /// its status and date issues go to: a drug not in the table is only counted (FHR051) when it would be used, so it
    /// gets no status or date issues.
    /// </summary>
    private sealed record Drug(MedicationCodeEntry? Entry, Coding Coding, string? From, string Described, List<InputIssue> Report)
    {
        /// <summary>The ingredient, or the drug as described when it is not in the table.</summary>
        public string Name => Entry?.Ingredient ?? Described;

        /// <summary>The medication when the drug is in the table; otherwise it is counted in <paramref name="unknown"/> and null.</summary>
        public Medication? Known(List<string> unknown, DateTimeOffset? start, decimal? weeks)
        {
            if (Entry is null)
            {
                unknown.Add(Described);
                return null;
            }

            return new Medication(Entry.Class)
            {
                Code = new MedicationCode(Entry.System, Entry.Code),
                Name = Entry.Ingredient,
                Start = start is { } d ? DateOnly.FromDateTime(d.UtcDateTime) : null,
                DurationWeeks = weeks,
            };
        }
    }

    /// <summary>
    /// The drug of a statement or request when it is this patient's: a drug in the table must name the patient (else
    /// an issue), one not in the table is silently dropped when it names another. Null when not usable.
    /// </summary>
    private static Drug? Identify(DataType? medication, List<Resource> contained, ResourceReference? patient, string path, Dictionary<string, BundledMedication> bundled, SubjectMatcher subject, List<InputIssue> issues)
    {
        if (Code(medication, contained, path, bundled, issues) is not var (entry, coding, from, described)
            || (entry is null ? !subject.Is(patient) : !subject.Check(patient, path, issues)))
        {
            return null;
        }

        return new Drug(entry, coding, from, described, entry is null ? [] : issues);
    }

    private static Found? Statement(MedicationStatement s, Dictionary<string, BundledMedication> bundled, SubjectMatcher subject, DateTimeOffset asOf, List<InputIssue> issues, List<string> unknown)
    {
        var path = $"MedicationStatement/{s.Id}";
        if (Identify(s.Medication, s.Contained, s.Subject, path, bundled, subject, issues) is not { } drug)
        {
            return null;
        }

        var (entry, coding, from, _, report) = drug;
        var name = drug.Name;

        var (start, end) = Times.Of(s.Effective);
        var asserted = Times.Of(s.DateAssertedElement).Start;
        if (asserted > asOf)
        {
            return null; // asserted after the as-of time: not yet known then (a start after as-of, without it, is a plan)
        }

        var status = s.Status is { } st ? st.GetLiteral() : "none";
        bool planned;
        switch (s.Status)
        {
            case MedicationStatement.MedicationStatusCodes.Intended:
                planned = true;
                break;
            case MedicationStatement.MedicationStatusCodes.Active or MedicationStatement.MedicationStatusCodes.OnHold:
                if (end is { } e && e < asOf && !Recent(entry?.Class, name, e, asOf, path, status, report))
                {
                    return null;
                }

                planned = start > asOf;
                break;
            case MedicationStatement.MedicationStatusCodes.Completed or MedicationStatement.MedicationStatusCodes.Stopped:
                if (!Recent(entry?.Class, name, end ?? start ?? asserted, asOf, path, status, report))
                {
                    return null;
                }

                planned = false;
                break;
            default: // entered-in-error, not-taken, unknown
                report.Add(InputIssue.Warning(FhirIssueCodes.MedicationStatusIgnored, path + ".status",
                    $"{path} ({name}) has status '{status}': {(status == "not-taken" ? "the drug was not taken" : status == "entered-in-error" ? "recorded in error" : "whether it is taken is unknown")}; not used."));
                return null;
        }

        var weeks = start is { } a && end is { } b && b > a ? Math.Round((decimal)(b - a).TotalDays / 7m, 1, MidpointRounding.AwayFromZero) : (decimal?)null;
        if (drug.Known(unknown, start, weeks) is not { } medication)
        {
            return null;
        }

        return new Found(medication, planned, Source(path, "MedicationStatement", s.Id, start ?? asserted, coding, planned, status, from));
    }

    private static Found? Request(MedicationRequest q, Dictionary<string, BundledMedication> bundled, SubjectMatcher subject, DateTimeOffset asOf, List<InputIssue> issues, List<string> unknown)
    {
        var path = $"MedicationRequest/{q.Id}";
        if (Identify(q.Medication, q.Contained, q.Subject, path, bundled, subject, issues) is not { } drug)
        {
            return null;
        }

        var (entry, coding, from, _, report) = drug;
        var name = drug.Name;

        var authored = Times.Of(q.AuthoredOnElement).Start;
        if (authored > asOf)
        {
            return null; // written after the as-of time: not yet known then
        }

        var status = q.Status is { } st ? st.GetLiteral() : "none";
        var intent = q.Intent is { } it ? it.GetLiteral() : "none";
        if (q.DoNotPerform == true)
        {
            report.Add(InputIssue.Warning(FhirIssueCodes.MedicationStatusIgnored, path + ".doNotPerform", $"{path} ({name}) is a do-not-perform request: the drug is not to be given; not used."));
            return null;
        }

        var validity = q.DispenseRequest?.ValidityPeriod;
        var (start, end) = Times.Of(validity);
        bool planned;
        switch (q.Status)
        {
            case MedicationRequest.MedicationrequestStatus.Draft:
                planned = true;
                break;
            case MedicationRequest.MedicationrequestStatus.Active or MedicationRequest.MedicationrequestStatus.OnHold:
                if (q.Intent == MedicationRequest.MedicationRequestIntent.Option)
                {
                    report.Add(InputIssue.Warning(FhirIssueCodes.MedicationStatusIgnored, path + ".intent", $"{path} ({name}) has intent 'option': one possible choice, not a decision; not used."));
                    return null;
                }

                planned = q.Intent is MedicationRequest.MedicationRequestIntent.Proposal or MedicationRequest.MedicationRequestIntent.Plan || start > asOf;
                break;
            case MedicationRequest.MedicationrequestStatus.Completed or MedicationRequest.MedicationrequestStatus.Stopped:
                if (!Recent(entry?.Class, name, end ?? authored, asOf, path, status, report))
                {
                    return null;
                }

                planned = false;
                break;
            default: // cancelled, entered-in-error, unknown
                report.Add(InputIssue.Warning(FhirIssueCodes.MedicationStatusIgnored, path + ".status",
                    $"{path} ({name}) has status '{status}': {(status == "cancelled" ? "the order was cancelled" : status == "entered-in-error" ? "recorded in error" : "whether it is given is unknown")}; not used."));
                return null;
        }

        if (drug.Known(unknown, start, Weeks(q.DispenseRequest?.ExpectedSupplyDuration)) is not { } medication)
        {
            return null;
        }

        return new Found(medication, planned, Source(path, "MedicationRequest", q.Id, authored ?? start, coding, planned, $"{status}, intent {intent}", from));
    }

    /// <summary>
    /// The table row of the drug, from its own codes or the Medication it references. Null (with an issue, or counted as
    /// unknown) when the reference cannot be resolved or two codes name different classes; a null entry (with the drug
    /// described for FHR051) when no code is in the table.
    /// </summary>
    private static (MedicationCodeEntry? Entry, Coding Coding, string? From, string Described)? Code(DataType? medication, List<Resource> contained, string path, Dictionary<string, BundledMedication> bundled, List<InputIssue> issues)
    {
        CodeableConcept? concept;
        string? from = null;
        switch (medication)
        {
            case CodeableConcept cc:
                concept = cc;
                break;
            case ResourceReference { Reference: { } reference }:
                var local = reference.StartsWith('#') ? contained.OfType<FhirMedication>().FirstOrDefault(m => m.Id == reference[1..]) : null;
                if (local is not null)
                {
                    (concept, from) = (local.Code, "contained " + reference);
                }
                else if (bundled.TryGetValue(reference, out var b))
                {
                    (concept, from) = (b.Code, b.Path);
                }
                else
                {
                    issues.Add(InputIssue.Warning(FhirIssueCodes.MedicationReferenceUnresolved, path + ".medicationReference",
                        $"{path} refers to '{reference}', which is neither contained nor in the Bundle: the drug is unknown; not used."));
                    return null;
                }

                break;
            default:
                concept = null;
                break;
        }

        var hits = (concept?.Coding ?? [])
            .Select(c => (Coding: c, Entry: c.Code is null ? null : c.System switch
            {
                RxNorm => MedicationClasses.Find(new MedicationCode(MedicationCodeSystem.RxNorm, c.Code)),
                Atc => MedicationClasses.Find(new MedicationCode(MedicationCodeSystem.Atc, c.Code)),
                _ => null,
            }))
            .Where(x => x.Entry is not null)
            .ToList();
        if (hits.Count == 0)
        {
            var codes = string.Join(", ", (concept?.Coding ?? []).Select(c => $"{Name(c.System)} {c.Code}"));
            return (null, new Coding(), from, $"{path} ({(codes.Length > 0 ? codes : concept?.Text is { } t ? $"text only: '{t}'" : "no code")})");
        }

        if (hits.Select(h => h.Entry!.Class).Distinct().Count() > 1)
        {
            issues.Add(InputIssue.Warning(FhirIssueCodes.MedicationCodesDisagree, path + ".medication",
                $"{path} carries codes of different classes ({string.Join(", ", hits.Select(h => $"{h.Entry!.Code} {h.Entry.Ingredient}: {MedicationClasses.IdOf(h.Entry.Class)}"))}): not used. Check the record."));
            return null;
        }

        return (hits[0].Entry!, hits[0].Coding, from, path);
    }

    /// <summary>True when a drug that ended at <paramref name="end"/> ended recently enough to count; otherwise FHR052.</summary>
    private static bool Recent(MedicationClass? drugClass, string name, DateTimeOffset? end, DateTimeOffset asOf, string path, string status, List<InputIssue> issues)
    {
        // A drug not in the table (null class) gets the longest window, so that it is counted as unknown rather than missed.
        var days = drugClass is null or MedicationClass.BCellDepleting ? BCellDepletingRecentDays : OtherRecentDays;
        if (end is { } e && e >= asOf.AddDays(-days))
        {
            return true;
        }

        issues.Add(InputIssue.Warning(FhirIssueCodes.MedicationEnded, path,
            end is { } old
                ? $"{path} ({name}, {status}) last dated {old:yyyy-MM-dd}, {(int)(asOf - old).TotalDays} days before the as-of date; a finished {(days == BCellDepletingRecentDays ? "B-cell depleting agent counts for 12 months" : "drug counts for 6 months")}: not used."
                : $"{path} ({name}, {status}) gives no date: when it ended is unknown; not used."));
        return false;
    }

    /// <summary>A duration in days or weeks as weeks; null for other units (months are not a fixed number of days).</summary>
    private static decimal? Weeks(Duration? d) => d is { Value: { } v } && (d.System is null or "http://unitsofmeasure.org")
        ? d.Code switch
        {
            "d" => Math.Round(v / 7m, 1, MidpointRounding.AwayFromZero),
            "wk" => v,
            _ => null,
        }
        : null;

    private static FhirSource Source(string path, string type, string? id, DateTimeOffset? date, Coding coding, bool planned, string status, string? from) =>
        new("medications", type, id, date, coding.System ?? "", coding.Code ?? "",
            $"{(planned ? "planned" : "current")} ({status}){(from is null ? "" : ", via " + from)}");

    private static string Name(string? system) => system switch
    {
        RxNorm => "RxNorm",
        Atc => "ATC",
        null => "(no system)",
        _ => system,
    };
}
