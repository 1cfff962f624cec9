using Hepatica.Clinical;
using Hepatica.Fhir.Writing;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace Hepatica.Fhir.Tests;

/// <summary>
/// The FHIR writer (docs/fhir.md, "Writing"): round trip through the Firely SDK, per-resource contracts, values against
/// the JSON contract writer, the score CodeSystem. Cases: the three hand-made FHIR fixtures and two snapshot samples.
/// </summary>
public sealed partial class FhirAssessmentWriterTests
{
    internal static readonly DateTimeOffset Issued = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A written case: the input (FHIR fixture or snapshot sample), the assessment and the Bundle.</summary>
    internal sealed record Case(string Name, Assessment Assessment, Bundle Bundle, FhirReadResult? Read, Bundle? Input)
    {
        /// <summary>
        /// How the input Bundle names a resource, found here from the input itself (FHIR R4 Bundle "Resource URL and uuid"):
        /// its entry's fullUrl, else Type/id. The reference the output must use for it.
        /// </summary>
        public string Ref(string type, string id) =>
            Input?.Entry.FirstOrDefault(e => e.Resource?.TypeName == type && e.Resource.Id == id)?.FullUrl is { Length: > 0 } fullUrl ? fullUrl : type + "/" + id;
    }

    public static TheoryData<string> Cases => ["cirrhosis-ascites-dialysis.json", "acute-liver-failure.json", "alf-acetaminophen-kcc.json", "hepatitis-b-serology.json", "demo-001.json", "immune-001.json", "alf-acetaminophen.json", "aclf-grade2.json", "hbv-chronic.json"];

    internal static Case Write(string name)
    {
        if (File.Exists(RepoRoot.Fixture(name)))
        {
            var bytes = File.ReadAllBytes(RepoRoot.Fixture(name));
            var asOf = new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
            var read = FhirSnapshotReader.Read(bytes, asOf);
            var assessment = Assessment.Of(read.Snapshot!);
            var bundle = FhirAssessmentWriter.Write(assessment, new FhirWriteContext(Issued, asOf, read.Resources.ReferenceTo("Patient", read.Snapshot!.Id!), read.Sources, Inputs: read.Resources));
            var input = FhirJsonDeserializer.DEFAULT.Deserialize<Bundle>(System.Text.Encoding.UTF8.GetString(bytes));
            return new Case(name, assessment, bundle, read, input);
        }

        var snapshot = Json.SnapshotReader.Read(File.ReadAllBytes(Path.Combine(RepoRoot.Path, "samples", name))).Snapshot!;
        var a = Assessment.Of(snapshot);
        return new Case(name, a, FhirAssessmentWriter.Write(a, new FhirWriteContext(Issued)), null, null);
    }

    internal static IEnumerable<T> All<T>(Bundle bundle) where T : Resource => bundle.Entry.Select(e => e.Resource).OfType<T>();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Write_SameInputTwice_SameJson(string name)
    {
        var first = FhirAssessmentWriter.ToJson(Write(name).Bundle);
        var second = FhirAssessmentWriter.ToJson(Write(name).Bundle);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Write_OtherIssuedInstant_OtherUuids()
    {
        var c = Write("demo-001.json");
        var later = FhirAssessmentWriter.Write(c.Assessment, new FhirWriteContext(Issued.AddSeconds(1)));

        var shared = c.Bundle.Entry.Select(e => e.FullUrl).Intersect(later.Entry.Select(e => e.FullUrl)).ToList();
        Assert.Equal([c.Bundle.Entry[0].FullUrl!], shared); // only the engine Device: it depends on the engine version alone
    }

    [Fact]
    public void Write_ConcurrentCalls_SameJsonAsSequential()
    {
        var c = Write("cirrhosis-ascites-dialysis.json");
        var context = new FhirWriteContext(Issued, null, "Patient/cirrhosis-1", c.Read!.Sources, Inputs: c.Read.Resources);
        var expected = FhirAssessmentWriter.ToJson(FhirAssessmentWriter.Write(c.Assessment, context));


        var results = new string[64];
        Parallel.For(0, results.Length, i => results[i] = FhirAssessmentWriter.ToJson(FhirAssessmentWriter.Write(c.Assessment, context)));

        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Fact]
    public void Write_BundleShape_CollectionWithTimestampAndUrnUuids()
    {
        var bundle = Write("cirrhosis-ascites-dialysis.json").Bundle;

        Assert.Equal(Bundle.BundleType.Collection, bundle.Type);
        Assert.Equal(Issued, bundle.Timestamp);
        Assert.All(bundle.Entry, e => Assert.Matches("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", e.FullUrl));
        Assert.All(bundle.Entry, e => Assert.Equal(e.FullUrl, "urn:uuid:" + e.Resource!.Id));
        Assert.Equal(bundle.Entry.Count, bundle.Entry.Select(e => e.FullUrl).Distinct().Count());
        Assert.IsType<Device>(bundle.Entry[0].Resource);
        Assert.IsType<Provenance>(bundle.Entry[^1].Resource);
    }

}
