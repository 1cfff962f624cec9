using System.Globalization;
using System.Text;
using System.Text.Json;
using Hepatica.Clinical;
using Hepatica.Clinical.Findings;
using Hepatica.Clinical.Labs;
using Hepatica.Clinical.Prevention;
using Hepatica.Clinical.Scoring;
using Hepatica.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Utility;
using FhirPatient = Hl7.Fhir.Model.Patient;

namespace Hepatica.Fhir;

/// <summary>
/// Reads one patient from a FHIR R4 Bundle (JSON) into the <see cref="PatientSnapshot"/> the core takes, as of a given
/// instant (docs/fhir.md): the Patient's sex and age, the latest usable value of each analyte within its look-back
/// window (<see cref="LabCodes"/>) with the laboratory's upper limit of normal, diagnoses from Conditions
/// (<see cref="ConditionCodes"/>), dialysis from Procedures, vaccine doses from Immunizations and medications from
/// MedicationStatement and MedicationRequest. Every problem is a coded issue; nothing throws for bad input. The core has
/// no clock, so the caller passes the as-of instant (for example <c>TimeProvider.GetUtcNow()</c>).
/// </summary>
public static class FhirSnapshotReader
{
    private const string Cvx = "http://hl7.org/fhir/sid/cvx";

    /// <summary>True when the document is a JSON object with a top-level <c>resourceType</c> (FHIR rather than a snapshot).</summary>
    public static bool LooksLikeFhir(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            var reader = new Utf8JsonReader(JsonInput.WithoutBom(utf8Json), new JsonReaderOptions { MaxDepth = 256 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("resourceType"u8))
                {
                    return true;
                }

                reader.Read();
                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Not readable as JSON: not FHIR either; the snapshot reader will report the syntax error.
        }
        catch (InvalidOperationException)
        {
            // A property name that is not text (a lone surrogate escape) before resourceType: the snapshot reader reports it.
        }

        return false;
    }

    /// <summary>Reads a Bundle from a string.</summary>
    public static FhirReadResult Read(string json, DateTimeOffset asOf) => Read(Encoding.UTF8.GetBytes(json ?? string.Empty), asOf);

    /// <summary>Reads a Bundle from UTF-8 JSON, as of <paramref name="asOf"/>.</summary>
    public static FhirReadResult Read(ReadOnlySpan<byte> utf8Json, DateTimeOffset asOf)
    {
        var issues = new List<InputIssue>();
        if (Parse(utf8Json, issues) is not { } bundle)
        {
            return new FhirReadResult(null, JsonInput.Cap(issues), []); // the SDK reports every structure error: bounded too
        }

        return Read(bundle, asOf, issues);
    }

    /// <summary>Reads an already parsed Bundle, as of <paramref name="asOf"/>.</summary>
    public static FhirReadResult Read(Bundle bundle, DateTimeOffset asOf) => Read(bundle, asOf, []);

    private static FhirReadResult Read(Bundle bundle, DateTimeOffset asOf, List<InputIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        if (asOf.UtcDateTime < PlausibilityLimits.EarliestDate.ToDateTime(TimeOnly.MinValue) || asOf.UtcDateTime > PlausibilityLimits.LatestDate.ToDateTime(TimeOnly.MaxValue))
        {
            issues.Add(InputIssue.Error(FhirIssueCodes.AsOfOutOfRange, "asOf", $"The as-of instant {asOf.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture)} is outside the accepted range of dates: {PlausibilityLimits.DateRange}."));
            return new FhirReadResult(null, issues, []);
        }

        var result = ReadBundle(bundle, asOf, issues);
        var capped = JsonInput.Cap(issues);
        return ReferenceEquals(capped, issues) || result.Snapshot is null
            ? result with { Issues = capped }
            : result with { Snapshot = result.Snapshot with { Issues = capped }, Issues = capped };
    }

    private static FhirReadResult ReadBundle(Bundle bundle, DateTimeOffset asOf, List<InputIssue> issues)
    {
        var entries = Deduplicate(bundle.Entry.Where(e => e.Resource is not null).ToList(), issues);
        var patients = entries.Where(e => e.Resource is FhirPatient).ToList();
        if (patients.Count != 1)
        {
            issues.Add(InputIssue.Error(FhirIssueCodes.PatientCount, "Bundle.entry", patients.Count == 0
                ? "The Bundle holds no Patient: expected exactly one (one Bundle per patient)."
                : $"The Bundle holds {patients.Count} Patients: expected exactly one (one Bundle per patient; reading population exports is not implemented yet)."));
            return new FhirReadResult(null, issues, []) { Resources = InputResources.Of(bundle) };
        }

        var patient = (FhirPatient)patients[0].Resource!;
        var subject = new SubjectMatcher(patient.Id, patients[0].FullUrl);
        var sources = new List<FhirSource>();
        var date = DateOnly.FromDateTime(asOf.DateTime);
        var snapshot = new PatientSnapshot
        {
            Id = patient.Id,
            Sex = ReadSex(patient, issues),
            AgeYears = ReadAge(patient, date, issues),
            AssessmentDate = date,
        };

        var resources = entries.Select(e => e.Resource).ToList();
        var (labs, serology, creatinineTime, meanArterialPressure, suggestedAsOf) = ObservationReader.Read(resources.OfType<Observation>(), subject, asOf, issues, sources);
        var findings = ConditionReader.Read(resources.OfType<Condition>(), subject, asOf, issues, sources, out var history);
        findings = findings with
        {
            DialysisTwiceInPastWeek = creatinineTime is { } t ? Dialysis(resources.OfType<Procedure>(), subject, t, issues, sources) : null,
            MeanArterialPressure = meanArterialPressure,
        };
        var vaccinations = ReadImmunizations(resources.OfType<Immunization>(), subject, asOf, issues, sources);
        var (medications, planned) = MedicationReader.Read(entries, subject, asOf, issues, sources);

        snapshot = snapshot with { Labs = labs, Serology = serology, Findings = findings, History = history, Vaccinations = vaccinations, Medications = medications, Issues = issues };
        return new FhirReadResult(snapshot, issues, sources) { PlannedMedications = planned, Resources = InputResources.Of(bundle), SuggestedAsOf = suggestedAsOf };
    }

    /// <summary>
    /// One resource per type and id: identical copies are used once (FHR007, warning); copies that differ are all left
    /// out (FHR008, error), since which one is right cannot be told.
    /// </summary>
    private static List<Bundle.EntryComponent> Deduplicate(List<Bundle.EntryComponent> entries, List<InputIssue> issues)
    {
        var drop = new HashSet<Bundle.EntryComponent>(ReferenceEqualityComparer.Instance);
        foreach (var group in entries.Where(e => e.Resource!.Id is not null).GroupBy(e => (e.Resource!.TypeName, e.Resource.Id)).Where(g => g.Count() > 1))
        {
            var path = $"{group.Key.TypeName}/{group.Key.Id}";
            var first = group.First().Resource!;
            if (group.Skip(1).All(e => e.Resource!.IsExactly(first)))
            {
                issues.Add(InputIssue.Warning(FhirIssueCodes.DuplicateResource, path, $"{path} appears {group.Count()} times with identical content: used once."));
                drop.UnionWith(group.Skip(1));
            }
            else
            {
                issues.Add(InputIssue.Error(FhirIssueCodes.ConflictingDuplicate, path, $"{path} appears {group.Count()} times with different content: which one is right cannot be told, so none is used."));
                drop.UnionWith(group);
            }
        }

        return drop.Count == 0 ? entries : [.. entries.Where(e => !drop.Contains(e))];
    }

    private static Bundle? Parse(ReadOnlySpan<byte> utf8Json, List<InputIssue> issues)
    {
        if (ParseResource(utf8Json, issues, "a FHIR Bundle") is not { } resource)
        {
            return null;
        }

        if (resource is Bundle bundle)
        {
            return bundle;
        }

        issues.Add(InputIssue.Error(FhirIssueCodes.NotABundle, "resourceType", $"Expected a Bundle, found a {resource.TypeName}."));
        return null;
    }

    /// <summary>
    /// Parses one FHIR R4 resource of any type (a Bundle, an Observation posted alone) with the Firely SDK, validated
    /// exactly as <see cref="Read(ReadOnlySpan{byte}, DateTimeOffset)"/> parses a Bundle: null, with every structure
    /// error as a coded issue (FHR001-FHR003), when it is not readable.
    /// </summary>
    public static Resource? ParseResource(ReadOnlySpan<byte> utf8Json, List<InputIssue> issues) => ParseResource(utf8Json, issues, "a FHIR resource");

    private static Resource? ParseResource(ReadOnlySpan<byte> utf8Json, List<InputIssue> issues, string expected)
    {
        ArgumentNullException.ThrowIfNull(issues);
        utf8Json = JsonInput.WithoutBom(utf8Json);
        if (utf8Json.Trim(" \t\r\n"u8).IsEmpty)
        {
            issues.Add(InputIssue.Error(FhirIssueCodes.MalformedJson, "$", $"The input is empty: expected {expected}."));
            return null;
        }

        // The SDK decodes strings with Utf8JsonReader, which throws InvalidOperationException on an escape that is not
        // UTF-16 text (a lone surrogate): find it first, with its position, as the syntax error it is.
        if (JsonInput.FindUndecodable(utf8Json) is { } escape)
        {
            issues.Add(InputIssue.Error(FhirIssueCodes.MalformedJson, "$", escape));
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(utf8Json);
            var first = reader;
            if (first.Read() && first.TokenType != JsonTokenType.StartObject)
            {
                issues.Add(InputIssue.Error(FhirIssueCodes.NotABundle, "$", $"Expected {expected} (a JSON object), found {first.TokenType}."));
                return null;
            }

            return FhirJsonDeserializer.DEFAULT.DeserializeResource(ref reader);
        }
        catch (DeserializationFailedException e)
        {
            foreach (var x in e.Exceptions)
            {
                var path = x is ExtendedCodedException { InstancePath: { Length: > 0 } p } ? p : "$"; // the message already names line and position
                var code = x.ErrorCode == "PVAL130" && path == "$this" // unknown resource type at the root
                    ? FhirIssueCodes.NotABundle
                    : FhirIssueCodes.InvalidFhir;
                issues.Add(InputIssue.Error(code, path, Describe(x)));
            }
        }
        catch (Exception e) when (IsSdkFault(e))
        {
            // Defensive: the SDK reports structure problems as coded exceptions, but some input surfaces as another
            // exception (a token it does not expect at the root: InvalidOperationException; an empty property name:
            // IndexOutOfRangeException, found by the fuzz test); it is still bad input, never a crash.
            issues.Add(InputIssue.Error(FhirIssueCodes.InvalidFhir, "$", $"Not readable as FHIR: {e.Message}"));
        }
        catch (JsonException e)
        {
            issues.Add(InputIssue.Error(FhirIssueCodes.MalformedJson, "$", $"Malformed JSON at line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}: {e.Message.Split(". ")[0]}."));
        }

        return null;
    }

    /// <summary>
    /// An exception the Firely SDK throws for some malformed input instead of a coded one (an empty property name gives
    /// IndexOutOfRangeException in 6.8.0): bad input, reported as such, never a crash.
    /// </summary>
    internal static bool IsSdkFault(Exception e) =>
        e is InvalidOperationException or IndexOutOfRangeException or ArgumentException or FormatException or OverflowException or InvalidCastException or NullReferenceException;

    /// <summary>
    /// The SDK's message with its code, and, for a number too large for a FHIR decimal (the SDK calls it a literal of
    /// the wrong type), what is wrong with it.
    /// </summary>
    internal static string Describe(CodedException x)
    {
        var message = $"{x.ErrorCode}: {x.Message}";
        var open = x.Message.IndexOf('\'', StringComparison.Ordinal);
        var close = open < 0 ? -1 : x.Message.IndexOf('\'', open + 1);
        if (close > open + 1)
        {
            var literal = x.Message.AsSpan(open + 1, close - open - 1);
            if (double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                && !decimal.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                message += " The number is out of range: a FHIR decimal is read from -79,228,162,514,264,337,593,543,950,335 to 79,228,162,514,264,337,593,543,950,335.";
            }
        }

        return message;
    }

    private static Sex? ReadSex(FhirPatient patient, List<InputIssue> issues)
    {
        switch (patient.Gender)
        {
            case AdministrativeGender.Female:
                return Sex.Female;
            case AdministrativeGender.Male:
                return Sex.Male;
            default:
                issues.Add(InputIssue.Warning(FhirIssueCodes.SexNotUsable, "Patient.gender", patient.Gender is null
                    ? "The Patient has no gender: sex not set (scores with a sex term are not calculable)."
                    : $"Patient.gender is '{patient.Gender.ToString()!.ToLowerInvariant()}': the scores need male or female, so sex is not set."));
                return null;
        }
    }

    private static decimal? ReadAge(FhirPatient patient, DateOnly asOf, List<InputIssue> issues)
    {
        if (!DateOnly.TryParseExact(patient.BirthDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth))
        {
            issues.Add(InputIssue.Warning(FhirIssueCodes.BirthDateNotUsable, "Patient.birthDate", patient.BirthDate is null
                ? "The Patient has no birth date: age not set."
                : $"Patient.birthDate '{patient.BirthDate}' is not a full date (YYYY-MM-DD): age not set."));
            return null;
        }

        if (birth > asOf)
        {
            issues.Add(InputIssue.Warning(FhirIssueCodes.BirthDateNotUsable, "Patient.birthDate", $"Patient.birthDate {patient.BirthDate} is after the as-of date {asOf:yyyy-MM-dd}: age not set."));
            return null;
        }

        var age = AgeYears(birth, asOf);
        if (age > PlausibilityLimits.MaximumAgeYears)
        {
            issues.Add(InputIssue.Warning(FhirIssueCodes.BirthDateNotUsable, "Patient.birthDate", $"Patient.birthDate {patient.BirthDate} gives an age of {Breakdown.F(age)} years on {asOf:yyyy-MM-dd}, above the possible {PlausibilityLimits.MaximumAgeYears}: age not set."));
            return null;
        }

        return age;
    }

    /// <summary>
    /// Age in years on <paramref name="on"/>: whole birthdays passed, plus the days since the last birthday divided by the
    /// days from that birthday to the next (so a year of 366 days counts as one), truncated to 2 decimals (never rounds up
    /// into a birthday not yet reached). A 29 February birthday falls on 28 February in common years.
    /// </summary>
    internal static decimal AgeYears(DateOnly birth, DateOnly on)
    {
        var years = on.Year - birth.Year;
        if (birth.AddYears(years) > on)
        {
            years--;
        }

        var last = birth.AddYears(years);
        var next = birth.AddYears(years + 1);
        var fraction = (decimal)(on.DayNumber - last.DayNumber) / (next.DayNumber - last.DayNumber);
        return Math.Round(years + fraction, 2, MidpointRounding.ToZero);
    }

    private static bool? Dialysis(IEnumerable<Procedure> procedures, SubjectMatcher subject, DateTimeOffset creatinineTime, List<InputIssue> issues, List<FhirSource> sources)
    {
        var from = creatinineTime.AddDays(-7);
        var count = 0;
        var continuous = false;
        var used = new List<FhirSource>();
        foreach (var p in procedures)
        {
            if (p.Code?.Coding.Select(c => (c, d: ProcedureCodes.Find(c.System, c.Code))).FirstOrDefault(x => x.d is not null) is not { d: { } d } hit)
            {
                continue;
            }

            var path = $"Procedure/{p.Id}";
            if (!subject.Check(p.Subject, path, issues)
                || p.Status is not (EventStatus.Completed or EventStatus.InProgress))
            {
                continue;
            }

            var (start, end) = Times.Of(p.Performed);
            if (start is null)
            {
                issues.Add(InputIssue.Warning(FhirIssueCodes.NoEffectiveTime, path + ".performed", $"Dialysis Procedure/{p.Id} has no performed time: not counted."));
                continue;
            }

            var last = end ?? start.Value;
            if (last < from || start > creatinineTime)
            {
                continue;
            }

            count++;
            if (d.Continuous && end is { } e && (Min(e, creatinineTime) - Max(start.Value, from)).TotalHours >= 24)
            {
                continuous = true;
            }

            used.Add(new FhirSource(SnapshotKeys.Findings.DialysisTwiceInPastWeek, "Procedure", p.Id, start, hit.c.System ?? "", d.Code));
        }

        sources.AddRange(used);
        return count >= 2 || continuous;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static List<Vaccination> ReadImmunizations(IEnumerable<Immunization> immunizations, SubjectMatcher subject, DateTimeOffset asOf, List<InputIssue> issues, List<FhirSource> sources)
    {
        var doses = new List<Vaccination>();
        foreach (var im in immunizations)
        {
            var path = $"Immunization/{im.Id}";
            var cvx = im.VaccineCode?.Coding.FirstOrDefault(c => c.System == Cvx)?.Code;
            if (cvx is null || !subject.Check(im.Patient, path, issues, "patient"))
            {
                continue;
            }

            if (im.Status != Immunization.ImmunizationStatusCodes.Completed)
            {
                issues.Add(InputIssue.Warning(FhirIssueCodes.ImmunizationIgnored, path + ".status", $"Immunization/{im.Id} (CVX {cvx}) has status '{im.Status?.ToString().ToLowerInvariant() ?? "none"}': not counted as a dose."));
                continue;
            }

            if (VaccineCodes.FromCvx(cvx) is not { } vaccine)
            {
                continue; // Vaccines the core does not plan (HPV, meningococcal ...): not an issue.
            }

            var (when, _) = Times.Of(im.Occurrence);
            if (when is null || when > asOf)
            {
                continue;
            }

            doses.Add(new Vaccination(vaccine, DateOnly.FromDateTime(when.Value.DateTime), cvx));
            sources.Add(new FhirSource("vaccinations", "Immunization", im.Id, when, Cvx, cvx));
        }

        return [.. doses.OrderBy(d => d.Date)];
    }
}
