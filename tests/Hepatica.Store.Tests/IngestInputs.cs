using System.Security.Cryptography;
using System.Text;

namespace Hepatica.Store.Tests;

/// <summary>Inputs and helpers the ingest and replay tests share.</summary>
internal static class IngestInputs
{
    public static readonly DateTimeOffset Received = new(2026, 12, 1, 9, 30, 0, TimeSpan.Zero);

    public static byte[] FhirFixture(string name) => File.ReadAllBytes(RepoRoot.File("tests", "Hepatica.Fhir.Tests", "Fixtures", name));

    public static byte[] Synthea(string prefix) => File.ReadAllBytes(Directory.GetFiles(RepoRoot.SharedData("fhir-samples", "synthea-r4-bundles"), prefix + "*.json").Single());

    public static byte[] Sample(string name) => File.ReadAllBytes(RepoRoot.File("samples", name));

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static ReadOnlyMemory<byte> Utf8(string json) => Encoding.UTF8.GetBytes(json);

    /// <summary>The batches' arrivals as a store would hold them: ids 1, 2, ... in input order, all current.</summary>
    public static List<StoredArrival> Stored(IEnumerable<IngestBatch> batches, long firstId = 1)
    {
        var id = firstId;
        return [.. batches.SelectMany(b => b.Arrivals).Select(a => new StoredArrival(id++, a, Received, true))];
    }

    public static List<StoredArrival> Stored(byte[] input, string source = "test") => Stored(IngestParser.Parse(input, source));

    /// <summary>An Observation resource (JSON) of one LOINC code, final.</summary>
    public static string Observation(string id, string loinc, decimal value, string unit, string effective, string subject = "Patient/p1", string status = "final", string? meta = null) =>
        $$$"""{"resourceType":"Observation","id":"{{{id}}}",{{{(meta is null ? "" : $"\"meta\":{meta},")}}}"status":"{{{status}}}","code":{"coding":[{"system":"http://loinc.org","code":"{{{loinc}}}"}]},"subject":{"reference":"{{{subject}}}"},"effectiveDateTime":"{{{effective}}}","valueQuantity":{"value":{{{value.ToString(System.Globalization.CultureInfo.InvariantCulture)}}},"unit":"{{{unit}}}","system":"http://unitsofmeasure.org","code":"{{{unit}}}"}}""";

    public static string Patient(string id, string sex = "male", string birthDate = "1970-05-01") =>
        $$$"""{"resourceType":"Patient","id":"{{{id}}}","gender":"{{{sex}}}","birthDate":"{{{birthDate}}}"}""";

    /// <summary>A collection Bundle of the resources, each with a fullUrl when given as (fullUrl, resource).</summary>
    public static string Bundle(params string[] resources) =>
        "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[" + string.Join(",", resources.Select(r => "{\"resource\":" + r + "}")) + "]}";

    public static string BundleWithUrls(string type, params (string? FullUrl, string? Resource)[] entries) =>
        $$$"""{"resourceType":"Bundle","type":"{{{type}}}","entry":[{{{string.Join(",", entries.Select(e => "{" + string.Join(",", new[] { e.FullUrl is null ? null : $"\"fullUrl\":\"{e.FullUrl}\"", e.Resource is null ? null : $"\"resource\":{e.Resource}", type == "history" ? "\"request\":{\"method\":\"POST\",\"url\":\"Observation\"},\"response\":{\"status\":\"201\"}" : null }.Where(x => x is not null)) + "}"))}}}]}""";
}
