using System.Text.RegularExpressions;
using Hl7.Fhir.Model;

namespace Hepatica.Fhir;

/// <summary>
/// How the input identified the resources it held (docs/fhir.md, "References and issue locations"), so the output
/// points back at them the way the input named them:
/// <list type="bullet">
/// <item>a <b>Bundle</b> (a transaction from Synthea, a searchset, a collection): each entry by its <c>fullUrl</c>
/// (FHIR R4 Bundle, "Resource URL and uuid"): <c>urn:uuid:…</c> in a transaction is the only identity the resource has
/// until a server gives it one, an absolute URL names the server's copy. An entry without a <c>fullUrl</c> is
/// <c>Type/id</c>. An issue's location is <c>Bundle.entry[n].resource…</c>, n counted over every entry of the input;</item>
/// <item><b>FHIR Bulk Data</b> NDJSON: each line is the exporting server's resource, <c>Type/id</c>; an issue's
/// location is rooted at the resource itself (<c>Observation.valueQuantity.value</c>), the resource named beside it;</item>
/// <item>a <b>snapshot</b> document: no FHIR resources; an issue's location is a snapshot path, which is not FHIRPath and
/// so is never written as <c>OperationOutcome.issue.expression</c>.</item>
/// </list>
/// </summary>
public sealed partial class InputResources
{
    private readonly Dictionary<string, (int Index, string? FullUrl)> entries;
    private readonly Dictionary<string, int> onlyOfType;

    private InputResources(InputKind kind, Dictionary<string, (int, string?)> entries, Dictionary<string, int> onlyOfType)
    {
        Kind = kind;
        this.entries = entries;
        this.onlyOfType = onlyOfType;
    }

    /// <summary>What the input was.</summary>
    public enum InputKind
    {
        /// <summary>A snapshot document (no FHIR resources).</summary>
        Snapshot,

        /// <summary>A FHIR Bundle.</summary>
        Bundle,

        /// <summary>FHIR Bulk Data NDJSON (or resources read one by one).</summary>
        Standalone,
    }

    /// <summary>A snapshot document: no resources.</summary>
    public static InputResources None { get; } = new(InputKind.Snapshot, [], []);


    /// <summary>A FHIR document that did not parse: the SDK's <c>Bundle.…</c> paths are kept, nothing else is known.</summary>
    public static InputResources Unparsed { get; } = new(InputKind.Bundle, [], []);

    /// <summary>What the input was.</summary>
    public InputKind Kind { get; }

    /// <summary>The entries of an input Bundle (the first entry of a type and id counts when one appears twice).</summary>
    public static InputResources Of(Bundle bundle) => Of(bundle, InputKind.Bundle);

    /// <summary>
    /// Resources that were documents of their own (Bulk NDJSON lines, gathered in <paramref name="bundle"/> to be read):
    /// each is <c>Type/id</c>, and a location is rooted at the resource itself.
    /// </summary>
    public static InputResources Standalone(Bundle bundle) => Of(bundle, InputKind.Standalone);

    private static InputResources Of(Bundle bundle, InputKind kind)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        var byKey = new Dictionary<string, (int, string?)>(StringComparer.Ordinal);
        var types = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var n = 0; n < bundle.Entry.Count; n++)
        {
            if (bundle.Entry[n].Resource is not { } resource)
            {
                continue;
            }

            types[resource.TypeName] = types.ContainsKey(resource.TypeName) ? -1 : n;
            if (resource.Id is { Length: > 0 } id)
            {
                var fullUrl = kind == InputKind.Bundle && !string.IsNullOrWhiteSpace(bundle.Entry[n].FullUrl) ? bundle.Entry[n].FullUrl : null;
                byKey.TryAdd(resource.TypeName + "/" + id, (n, fullUrl));
            }
        }

        return new(kind, byKey, types);
    }

    /// <summary>
    /// The reference that names a resource as the input did: the Bundle entry's <c>fullUrl</c> (absolute URL or
    /// <c>urn:uuid:</c>/<c>urn:oid:</c>) when it has one, else <c>Type/id</c>.
    /// </summary>
    public string ReferenceTo(string type, string id)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(id);
        return entries.TryGetValue(type + "/" + id, out var e) && e.FullUrl is { } fullUrl ? fullUrl : type + "/" + id;
    }

    /// <summary>
    /// An issue's path as a FHIRPath expression into the input, or null when it has none: snapshot paths, command-line
    /// options, <c>$</c> (the whole line) and a resource the input did not hold. Reader paths are <c>Type/id.element…</c>,
    /// <c>Type.element</c> (the Bundle's only resource of that type), <c>Bundle.…</c> or the SDK's own instance paths.
    /// </summary>
    public string? Expression(string? path)
    {
        if (Kind == InputKind.Snapshot || string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        var slash = path.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0)
        {
            return ResourceExpression(path, slash);
        }

        if (!SimplePath().IsMatch(path))
        {
            return null;
        }

        var head = path.Split('.', 2)[0];
        var tail = path.Length > head.Length ? path[head.Length..] : "";
        if (head.StartsWith("Bundle", StringComparison.Ordinal))
        {
            return Kind == InputKind.Bundle ? path : null;
        }

        if (!ModelInfo.IsKnownResource(head))
        {
            return null;
        }

        return Kind == InputKind.Standalone ? path
            : onlyOfType.TryGetValue(head, out var n) && n >= 0 ? $"Bundle.entry[{n}].resource{tail}" : null;
    }

    /// <summary>
    /// <c>Type/id</c> then an optional simple path. An id may itself hold dots (FHIR R4 id: <c>[A-Za-z0-9\-\.]{1,64}</c>):
    /// the resource is the shortest <c>Type/id</c> prefix the input holds.
    /// </summary>
    private string? ResourceExpression(string path, int slash)
    {
        var type = path[..slash];
        if (!ModelInfo.IsKnownResource(type))
        {
            return null;
        }

        for (var end = path.IndexOf('.', slash); ; end = path.IndexOf('.', end + 1))
        {
            var key = end < 0 ? path : path[..end];
            var rest = end < 0 ? "" : path[end..];
            if (rest.Length == 0 || SimplePath().IsMatch("X" + rest))
            {
                if (entries.TryGetValue(key, out var e))
                {
                    return Kind == InputKind.Standalone ? type + rest : $"Bundle.entry[{e.Index}].resource{rest}";
                }
            }

            if (end < 0)
            {
                return null;
            }
        }
    }

    /// <summary>The FHIRPath subset R4 allows in <c>expression</c>: element names, repetition indexes, the child accessor.</summary>
    [GeneratedRegex(@"^[A-Z][A-Za-z]*(\[[0-9]+\])?(\.[a-z][A-Za-z0-9]*(\[[0-9]+\])?)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SimplePath();
}
