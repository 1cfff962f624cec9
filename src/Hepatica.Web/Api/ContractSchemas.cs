using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Hepatica.Web.Api;

/// <summary>
/// The published contracts, docs/schema/snapshot.schema.json (generated from the reader's tables) and
/// docs/schema/assessment.schema.json, as components of the OpenAPI document, so integrators can generate typed clients
/// from it. Each file is embedded at build and copied in as it is: its <c>$defs</c> become components named
/// <c>Assessment.citation</c> and so on, its <c>$id</c> and <c>$schema</c> are left out (an <c>$id</c> inside a
/// component would make its references resolve against the published file instead of the document).
/// </summary>
internal static class ContractSchemas
{
    /// <summary>The component of the patient snapshot (docs/snapshot.md).</summary>
    public const string Snapshot = "Snapshot";

    /// <summary>The component of an assessment (docs/output.md).</summary>
    public const string Assessment = "Assessment";

    private static readonly (string Component, string Resource)[] Files =
        [(Snapshot, "schema/snapshot.schema.json"), (Assessment, "schema/assessment.schema.json")];

    /// <summary>Adds both schemas, and their definitions, to the document's components.</summary>
    public static void AddTo(OpenApiDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        foreach (var (component, resource) in Files)
        {
            var root = Load(resource);
            root.Remove("$schema");
            root.Remove("$id");
            var definitions = root["$defs"] as JsonObject;
            root.Remove("$defs");
            var prefix = "#/components/schemas/" + component + ".";
            Rewrite(root, prefix);
            document.Components.Schemas[component] = Parse(root, document, resource);
            foreach (var (name, node) in definitions ?? [])
            {
                var definition = node!.DeepClone().AsObject();
                Rewrite(definition, prefix);
                document.Components.Schemas[component + "." + name] = Parse(definition, document, resource);
            }
        }
    }

    /// <summary>A reference to one of the components.</summary>
    public static IOpenApiSchema Reference(string component, OpenApiDocument? document) => new OpenApiSchemaReference(component, document);

    private static JsonObject Load(string resource)
    {
        using var stream = typeof(ContractSchemas).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded schema {resource} is missing (Hepatica.Web.csproj embeds docs/schema/*.schema.json).");
        return JsonNode.Parse(stream)!.AsObject();
    }

    // "#/$defs/x" within the file becomes "#/components/schemas/<Component>.x" within the document.
    private static void Rewrite(JsonNode? node, string prefix)
    {
        switch (node)
        {
            case JsonObject o:
                if (o["$ref"] is JsonValue r && r.GetValue<string>() is { } target && target.StartsWith("#/$defs/", StringComparison.Ordinal))
                {
                    o["$ref"] = prefix + target["#/$defs/".Length..];
                }

                foreach (var (_, child) in o.ToList())
                {
                    Rewrite(child, prefix);
                }

                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    Rewrite(child, prefix);
                }

                break;
        }
    }

    private static OpenApiSchema Parse(JsonObject schema, OpenApiDocument document, string resource)
    {
        var parsed = new OpenApiJsonReader().ReadFragment<OpenApiSchema>(schema, OpenApiSpecVersion.OpenApi3_1, document, out var diagnostic);
        return diagnostic?.Errors is { Count: > 0 } errors
            ? throw new InvalidOperationException($"{resource} is not an OpenAPI 3.1 schema: {string.Join("; ", errors.Select(e => e.Message))}")
            : parsed ?? throw new InvalidOperationException($"{resource} could not be read as a schema.");
    }
}
