using Hepatica.Clinical.Scoring;
using Hl7.Fhir.Model;

namespace Hepatica.Fhir;

/// <summary>
/// Decides whether a reference points at the Bundle's Patient: <c>Patient/{id}</c>, an absolute URL ending in it, or
/// the Patient entry's <c>fullUrl</c> (Synthea transaction Bundles use <c>urn:uuid:</c>).
/// </summary>
internal sealed class SubjectMatcher(string? patientId, string? fullUrl)
{
    /// <summary>True when the reference is the patient; otherwise adds FHR015/FHR016 (warning) for <paramref name="path"/>.</summary>
    public bool Check(ResourceReference? reference, string path, List<InputIssue> issues, string element = "subject")
    {
        var r = reference?.Reference;
        if (string.IsNullOrWhiteSpace(r))
        {
            issues.Add(InputIssue.Warning(FhirIssueCodes.NoSubject, path + "." + element, $"{path} names no patient: ignored."));
            return false;
        }

        if (IsPatient(r))
        {
            return true;
        }

        issues.Add(InputIssue.Warning(FhirIssueCodes.OtherPatient, path + "." + element, $"{path} is about '{r}', not the Bundle's Patient ({(patientId is null ? fullUrl : "Patient/" + patientId)}): ignored."));
        return false;
    }

    /// <summary>True when the reference is the patient (no issue either way).</summary>
    public bool Is(ResourceReference? reference) => reference?.Reference is { } r && IsPatient(r);

    private bool IsPatient(string reference) =>
        (fullUrl is not null && reference == fullUrl)
        || (patientId is not null && (reference == "Patient/" + patientId || reference.EndsWith("/Patient/" + patientId, StringComparison.Ordinal)));
}

/// <summary>FHIR time choices (dateTime, instant, Period) as instants; a date or time without a zone is read as UTC, a partial date as its first instant.</summary>
internal static class Times
{
    /// <summary>Start and (for a Period) end; (null, null) when there is no usable time.</summary>
    public static (DateTimeOffset? Start, DateTimeOffset? End) Of(DataType? value) => value switch
    {
        FhirDateTime d => (At(d), null),
        Instant i => (i.Value, null),
        Period p => (p.StartElement is { } s ? At(s) : null, p.EndElement is { } e ? At(e) : null) is var (a, b) && a is null ? (b, null) : (a, b),
        _ => (null, null),
    };

    private static DateTimeOffset? At(FhirDateTime d) => d.TryToDateTimeOffset(TimeSpan.Zero, out var t) ? t : null;
}
