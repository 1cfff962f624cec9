using System.Text.Json;
using Hl7.Fhir.Model;
using static Hepatica.Fhir.Bulk.FastJson;

namespace Hepatica.Fhir.Bulk;

/// <summary>
/// A CDS Hooks prefetch value (decision 0007, point 6) read with the fast readers: a Patient, Observation, Condition,
/// Immunization or Procedure alone, or a Bundle (a search result) whose every entry holds one of those. Of a Bundle it reads what
/// the prefetch resolver uses, <c>type</c>, <c>link</c> (for paging) and each entry's <c>fullUrl</c> and
/// <c>resource</c>, and skips the rest (<c>id</c>, <c>meta</c>, <c>timestamp</c>, <c>total</c>, each entry's
/// <c>search</c>, <c>request</c> and <c>response</c>). Null when anything cannot be read this way (another resource type
/// in an entry, an empty array, anything a fast reader leaves to Firely): the caller then parses the whole value with
/// Firely, exactly as before, so an invalid prefetch gets the same problems.
/// </summary>
public static class FastBundleParser
{
    private static readonly Dictionary<string, int> BundleElements = Index(
        "resourceType", "id", "meta", "implicitRules", "language", "identifier", "type", "timestamp", "total", "link", "entry", "signature");

    private static readonly HashSet<string> BundleSkipped = new(StringComparer.Ordinal) { "meta", "language", "identifier", "timestamp", "total" };

    private static readonly Dictionary<string, int> EntryElements = Index("id", "extension", "modifierExtension", "link", "fullUrl", "resource", "search", "request", "response");

    private static readonly HashSet<string> EntrySkipped = new(StringComparer.Ordinal) { "search", "request", "response" };

    /// <summary>The resource of one prefetch value, or null when Firely must parse it.</summary>
    public static Resource? TryParse(ReadOnlySpan<byte> json)
    {
        var type = TypeOf(json);
        return type == "Bundle" ? Guarded<Bundle>(json, ReadBundle) : FastResourceParsers.TryParse(json, type);
    }

    /// <summary>The value's <c>resourceType</c>, or null (not an object, malformed: Firely reports it).</summary>
    private static string? TypeOf(ReadOnlySpan<byte> json)
    {
        try
        {
            return PeekResourceType(new Utf8JsonReader(json));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static Bundle ReadBundle(ref Utf8JsonReader r)
    {
        var b = ReadResource<Bundle>(ref r, "Bundle", BundleElements, BundleSkipped, BundleMember);
        return b.Type is not null ? b : throw new Fallback(); // Bundle.type is 1..1
    }

    private static bool BundleMember(ref Utf8JsonReader r, Bundle b, string name)
    {
        switch (name)
        {
            case "type":
                b.Type = String(ref r) switch
                {
                    "searchset" => Bundle.BundleType.Searchset,
                    "collection" => Bundle.BundleType.Collection,
                    "batch-response" => Bundle.BundleType.BatchResponse,
                    "transaction-response" => Bundle.BundleType.TransactionResponse,
                    "history" => Bundle.BundleType.History,
                    "document" => Bundle.BundleType.Document,
                    "message" => Bundle.BundleType.Message,
                    "transaction" => Bundle.BundleType.Transaction,
                    "batch" => Bundle.BundleType.Batch,
                    _ => throw new Fallback(),
                };
                return true;
            case "link":
                b.Link = Array(ref r, Link);
                return true;
            case "entry":
                b.Entry = Array(ref r, Entry);
                return true;
            default:
                return false; // skipped (meta, timestamp, total ...) or, for implicitRules and signature, Firely
        }
    }

    private static Bundle.LinkComponent Link(ref Utf8JsonReader r)
    {
        Start(ref r);
        var link = new Bundle.LinkComponent();
        var seen = 0;
        while (Next(ref r, out var name))
        {
            switch (name)
            {
                case "relation" when Once(ref seen, 1):
                    link.Relation = String(ref r);
                    break;
                case "url" when Once(ref seen, 2):
                    link.Url = Uri(ref r);
                    break;
                default:
                    throw new Fallback();
            }
        }

        return seen == 3 ? link : throw new Fallback(); // both are 1..1
    }

    private static Bundle.EntryComponent Entry(ref Utf8JsonReader r)
    {
        Start(ref r);
        var entry = new Bundle.EntryComponent();
        var seen = 0UL;
        while (Next(ref r, out var name))
        {
            Member(EntryElements, name, ref seen);
            switch (name)
            {
                case "fullUrl":
                    entry.FullUrl = Uri(ref r);
                    break;
                case "resource":
                    entry.Resource = Resource(ref r);
                    break;
                default:
                    if (!EntrySkipped.Contains(name))
                    {
                        throw new Fallback(); // an entry's id, extension, modifierExtension or link
                    }

                    Skip(ref r);
                    break;
            }
        }

        return seen != 0 ? entry : throw new Fallback();
    }

    /// <summary>An entry's resource, read in place by the fast reader of its type (peeked from a copy of the reader).</summary>
    private static Resource Resource(ref Utf8JsonReader r) =>
        FastResourceParsers.ReaderOf(PeekResourceType(r)) is { } read ? read(ref r) : throw new Fallback();
}
