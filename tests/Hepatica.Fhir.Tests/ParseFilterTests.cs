using System.Text;
using Hepatica.Fhir.Bulk;

namespace Hepatica.Fhir.Tests;

/// <summary>Pass 2 of a Bulk Data batch: which of one patient's lines the FHIR parse can be spared.</summary>
public sealed partial class ParseFilterTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 11, 20, 23, 59, 59, TimeSpan.Zero);

    [Fact]
    public void Select_ObservationsOfOneAnalyte_KeepsOnlyTheLatestAtOrBeforeAsOf()
    {
        var keep = Select(
            Obs("final", "1975-2", "2026-11-01T08:00:00Z"),       // older: spared
            Obs("final", "1975-2", "2026-11-19T08:00:00-05:00"),  // latest (13:00Z): kept
            Obs("final", "14631-6", "2026-11-19T13:00:00Z"),      // same analyte, same instant, other code: kept (conflict check)
            Obs("final", "1975-2", "2026-11-25T08:00:00Z"),       // after as-of: spared
            Obs("preliminary", "1975-2", "2026-10-01T08:00:00Z"), // another status: kept (FHR012)
            Obs("final", "2160-0", "2026-10-01T08:00:00Z"),       // another analyte's only value: kept
            Obs("final", "1975-2", "2026-10-01"));                // a date only: kept (left to the reader)

        Assert.Equal([false, true, true, false, true, true, true], keep);
    }

    [Fact]
    public void Select_ConditionsAndImmunizations_SparesOnlyWhatTheReaderSkipsSilently()
    {
        var keep = Select(
            Condition("59621000"),   // outside the table, first: kept (a problem list exists)
            Condition("444814009"),  // outside the table: spared
            Condition("19943007"),   // cirrhosis: kept
            Immunization("completed", "62"),  // HPV, not planned by the core: spared
            Immunization("completed", "43"),  // hepatitis B: kept
            Immunization("not-done", "140"),  // not completed: kept (FHR030)
            """{"resourceType":"Patient","id":"p"}""",
            """{"resourceType":"Observation","code":""");  // unreadable: kept, the parse reports it

        Assert.Equal([true, false, true, false, true, true, true, true], keep);
    }

    [Fact]
    public void Select_RepeatedResource_AlwaysKeptSoTheReaderReportsIt()
    {
        var older = Obs("final", "1975-2", "2026-11-01T08:00:00Z").Replace("{\"resourceType\":\"Observation\",", "{\"resourceType\":\"Observation\",\"id\":\"dup\",", StringComparison.Ordinal);

        var keep = Select(older, older, Obs("final", "1975-2", "2026-11-19T08:00:00Z"));

        Assert.Equal([true, true, true], keep);
    }

    private static bool[] Select(params string[] lines) =>
        ParseFilter.Select([.. lines.Select(l => (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(l))], AsOf, out _);

    private static string Obs(string status, string loinc, string when) =>
        "{\"resourceType\":\"Observation\",\"status\":\"" + status + "\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"" + loinc + "\"}]},\"subject\":{\"reference\":\"Patient/p\"},\"effectiveDateTime\":\"" + when + "\"}";

    private static string Condition(string snomed) =>
        "{\"resourceType\":\"Condition\",\"code\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"" + snomed + "\"}]},\"subject\":{\"reference\":\"Patient/p\"}}";

    private static string Immunization(string status, string cvx) =>
        "{\"resourceType\":\"Immunization\",\"status\":\"" + status + "\",\"vaccineCode\":{\"coding\":[{\"system\":\"http://hl7.org/fhir/sid/cvx\",\"code\":\"" + cvx + "\"}]},\"patient\":{\"reference\":\"Patient/p\"}}";
}
