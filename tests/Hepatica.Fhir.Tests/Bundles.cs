using System.Globalization;

namespace Hepatica.Fhir.Tests;

/// <summary>Small inline Bundles for the bad-input tests: one Patient "p1" (female, born 1970-01-01) plus the given resources.</summary>
internal static class Bundles
{
    public static string With(params string[] resources) =>
        "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":["
        + "{\"fullUrl\":\"urn:uuid:0b5e7a7e-1c2d-4e3f-8a9b-000000000001\",\"resource\":{\"resourceType\":\"Patient\",\"id\":\"p1\",\"gender\":\"female\",\"birthDate\":\"1970-01-01\"}}"
        + string.Concat(resources.Select(r => ",{\"resource\":" + r + "}"))
        + "]}";

    public static string Obs(string id, string loinc, decimal value, string? unit, string when, string status = "final", string subject = "urn:uuid:0b5e7a7e-1c2d-4e3f-8a9b-000000000001")
    {
        var unitPart = unit is null ? "" : ",\"system\":\"http://unitsofmeasure.org\",\"code\":\"" + unit + "\"";
        var subjectPart = subject.Length == 0 ? "" : ",\"subject\":{\"reference\":\"" + subject + "\"}";
        return "{\"resourceType\":\"Observation\",\"id\":\"" + id + "\",\"status\":\"" + status + "\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"" + loinc + "\"}]}"
            + subjectPart + ",\"effectiveDateTime\":\"" + when + "\",\"valueQuantity\":{\"value\":" + value.ToString(CultureInfo.InvariantCulture) + unitPart + "}}";
    }
}
