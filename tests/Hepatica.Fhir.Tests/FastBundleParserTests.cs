using System.Text;
using System.Text.Json.Nodes;
using Hepatica.Fhir.Bulk;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace Hepatica.Fhir.Tests;

/// <summary>
/// CDS Hooks prefetch values read by <see cref="FastBundleParser"/> against Firely with the prefetch resolver's
/// settings (decision 0007): every prefetch value of the CDS fixtures and shared examples, and search Bundles made of
/// the Synthea patients' resources. When the fast reader reads a value, Firely reads it too, with the same entries in
/// the same order (fullUrl, and the resource cut to the elements the snapshot reader uses) and the same links.
/// </summary>
public sealed class FastBundleParserTests
{
    private static readonly FhirJsonDeserializer Firely = new(new DeserializerSettings().Ignoring(["JSON121"]));

    [Fact]
    public void EveryPrefetchValueInTheFixtures_ReadAsFirelyReadsIt()
    {
        var values = PrefetchValues().ToList();

        var fast = values.Count(Agrees);

        Assert.True(values.Count >= 10, $"{values.Count} prefetch values");
        Assert.True(fast > 0);
    }

    [Fact]
    public void SyntheaSearchsets_ReadFastAsFirelyReadsThem()
    {
        foreach (var file in Directory.EnumerateFiles(RepoRoot.SharedData("fhir-samples", "synthea-r4-bundles"), "*.json").Order(StringComparer.Ordinal).Take(5))
        {
            var bundle = JsonNode.Parse(File.ReadAllText(file))!;
            foreach (var type in new[] { "Observation", "Condition", "Immunization" })
            {
                var entries = new JsonArray([.. bundle["entry"]!.AsArray()
                    .Where(e => (string?)e!["resource"]!["resourceType"] == type)
                    .Select(e => (JsonNode)new JsonObject { ["fullUrl"] = e!["fullUrl"]!.DeepClone(), ["resource"] = e["resource"]!.DeepClone(), ["search"] = new JsonObject { ["mode"] = "match" } })]);
                var searchset = new JsonObject
                {
                    ["resourceType"] = "Bundle",
                    ["type"] = "searchset",
                    ["total"] = entries.Count,
                    ["link"] = new JsonArray(new JsonObject { ["relation"] = "self", ["url"] = "https://ehr.example.org/fhir/" + type }),
                    ["entry"] = entries,
                };
                if (entries.Count == 0)
                {
                    continue;
                }

                Assert.True(Agrees(Encoding.UTF8.GetBytes(searchset.ToJsonString())), $"{Path.GetFileName(file)} {type}: not read fast");
            }
        }
    }

    [Theory]
    [InlineData("""{"resourceType":"Bundle","type":"searchset","entry":[]}""")]
    [InlineData("""{"resourceType":"Bundle","entry":[{"resource":{"resourceType":"Patient","id":"p1"}}]}""")]
    [InlineData("""{"resourceType":"Bundle","type":"searchset","entry":[{"resource":{"resourceType":"MedicationRequest","id":"x","status":"active","intent":"order","medicationCodeableConcept":{"text":"x"},"subject":{"reference":"Patient/p1"}}}]}""")]
    [InlineData("""{"resourceType":"Bundle","type":"searchset","link":[{"relation":"next"}]}""")]
    [InlineData("""{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"not-found"}]}""")]
    public void WhatItDoesNotRead_LeftToFirely(string json) => Assert.Null(FastBundleParser.TryParse(Encoding.UTF8.GetBytes(json)));

    /// <summary>True when the fast reader read the value (and then as Firely does); false when it left it to Firely.</summary>
    private static bool Agrees(byte[] json)
    {
        var fast = FastBundleParser.TryParse(json);
        if (fast is null)
        {
            return false;
        }

        var reader = new System.Text.Json.Utf8JsonReader(json);
        var firely = Firely.DeserializeResource(ref reader);
        Assert.Equal(firely.TypeName, fast.TypeName);
        if (fast is not Bundle b)
        {
            Assert.True(fast.IsExactly(FastObservationParserTests.Restrict(firely)), Encoding.UTF8.GetString(json));
            return true;
        }

        var f = (Bundle)firely;
        Assert.Equal(f.Type, b.Type);
        Assert.Equal(f.Link.Select(l => (l.Relation, l.Url)), b.Link.Select(l => (l.Relation, l.Url)));
        Assert.Equal(f.Entry.Count, b.Entry.Count);
        for (var i = 0; i < f.Entry.Count; i++)
        {
            Assert.Equal(f.Entry[i].FullUrl, b.Entry[i].FullUrl);
            Assert.True(b.Entry[i].Resource!.IsExactly(FastObservationParserTests.Restrict(f.Entry[i].Resource!)), $"entry {i}: {Encoding.UTF8.GetString(json)}");
        }

        return true;
    }

    private static IEnumerable<byte[]> PrefetchValues()
    {
        var files = Directory.EnumerateFiles(RepoRoot.SharedData("fhir-samples", "cds-hooks-examples"), "*.json")
            .Concat(Directory.EnumerateFiles(RepoRoot.File("tests", "Hepatica.Web.Tests", "CdsHooks", "Fixtures"), "*.json"));
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            if (JsonNode.Parse(File.ReadAllText(file)) is JsonObject { } root && root["prefetch"] is JsonObject prefetch)
            {
                foreach (var (_, value) in prefetch)
                {
                    if (value is JsonObject o)
                    {
                        yield return Encoding.UTF8.GetBytes(o.ToJsonString());
                    }
                }
            }
        }
    }
}
