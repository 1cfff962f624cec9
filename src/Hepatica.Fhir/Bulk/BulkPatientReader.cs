using System.Text.Json;
using Hepatica.Clinical.Scoring;
using Hepatica.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Utility;

namespace Hepatica.Fhir.Bulk;

/// <summary>
/// The second pass of a Bulk Data batch for one patient: parse each of the patient's resource lines with Firely (the
/// same <c>DEFAULT</c> deserializer as Bundles: model validation on, reference fhir-cds-hooks.md §1.3), put the ones
/// that parse into a collection Bundle and read it with <see cref="FhirSnapshotReader"/>, so a patient from an export
/// reads exactly as the same resources in a Bundle would. A line that does not parse is that line's error, not the
/// patient's: the rest are still read.
/// </summary>
public static class BulkPatientReader
{
    /// <summary>
    /// Parses one NDJSON line into a resource, or returns null and adds its issues (BLK005 first, then the SDK's). With
    /// <paramref name="fastType"/> (the type pass 1 saw on the line; null under <c>--strict</c>), a line of a type
    /// <see cref="FastResourceParsers"/> reads is read by it when it can; every other line, and every line it cannot
    /// read, by Firely as before (docs/decisions/0007-bulk-fast-reader.md).
    /// </summary>
    public static Resource? Parse(ReadOnlySpan<byte> line, List<InputIssue> issues, string? fastType = null)
    {
        ArgumentNullException.ThrowIfNull(issues);
        line = JsonInput.WithoutBom(line);
        if (JsonInput.FindUndecodable(line) is { } escape)
        {
            issues.Add(InputIssue.Error(BulkIssueCodes.MalformedLine, "$", escape));
            return null;
        }

        if (fastType is not null && FastResourceParsers.TryParse(line, fastType) is { } fast)
        {
            return fast;
        }

        try
        {
            var reader = new Utf8JsonReader(line);
            return FhirJsonDeserializer.DEFAULT.DeserializeResource(ref reader);
        }
        catch (DeserializationFailedException e)
        {
            issues.Add(InputIssue.Error(BulkIssueCodes.InvalidResource, "$", $"Not valid FHIR R4 ({e.Exceptions.Count} issue(s) from the SDK follow): the resource is not used."));
            var sdk = new List<InputIssue>();
            foreach (var x in e.Exceptions)
            {
                var path = x is ExtendedCodedException { InstancePath: { Length: > 0 } p } ? p : "$";
                sdk.Add(InputIssue.Error(FhirIssueCodes.InvalidFhir, path, FhirSnapshotReader.Describe(x)));
            }

            issues.AddRange(JsonInput.Cap(sdk)); // at most MaxIssuesPerCode of them, then how many more
        }
        catch (Exception e) when (FhirSnapshotReader.IsSdkFault(e))
        {
            issues.Add(InputIssue.Error(BulkIssueCodes.InvalidResource, "$", $"Not readable as FHIR: {e.Message}"));
        }
        catch (JsonException e)
        {
            issues.Add(InputIssue.Error(BulkIssueCodes.MalformedLine, "$", $"Malformed JSON at byte {(e.BytePositionInLine ?? 0) + 1}: {e.Message.Split(". ")[0]}."));
        }

        return null;
    }

    /// <summary>Reads one patient's parsed resources (exactly one of them a Patient) as of <paramref name="asOf"/>.</summary>
    public static FhirReadResult Read(IEnumerable<Resource> resources, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var bundle = new Bundle { Type = Bundle.BundleType.Collection };
        foreach (var resource in resources)
        {
            bundle.Entry.Add(new Bundle.EntryComponent { Resource = resource });
        }

        // Each line was a document of its own, the exporting server's resource: Type/id, locations rooted at the resource.
        return FhirSnapshotReader.Read(bundle, asOf) with { Resources = InputResources.Standalone(bundle) };
    }
}
