using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Hepatica.Web.Api;

/// <summary>
/// The OpenAPI document's title and description, and no server list: the document is generated at build
/// (docs/openapi/) and compared with the running host's in a test, so it must not depend on where the host listens.
/// </summary>
internal static class ApiDocument
{
    public static void Configure(OpenApiOptions options) => options.AddDocumentTransformer((document, _, _) =>
    {
        document.Info = new OpenApiInfo
        {
            Title = "Hepatica",
            Version = "v1",
            Description = "Liver-disease scores with their sources, every step shown (docs/web.md). Decision support for clinicians: "
                + "it never replaces clinical judgement. Errors are ProblemDetails whose `issues` list every problem (code, severity, "
                + "path, message), or a FHIR OperationOutcome when the client accepts application/fhir+json.",
        };
        document.Servers = [];
        ContractSchemas.AddTo(document);
        FhirSchemas.AddTo(document);
        Complete(document);
        return Task.CompletedTask;
    });

    /// <summary>What the generated schemas cannot say by themselves, set once every component exists.</summary>
    private static void Complete(OpenApiDocument document)
    {
        var schemas = document.Components!.Schemas!;
        if (schemas.TryGetValue("ProblemDetails", out var p) && p is OpenApiSchema { Properties: { } problem })
        {
            // Every ProblemDetails of Hepatica lists its issues (docs/web.md, "Errors").
            problem["issues"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Description = "Every issue found: code, severity, path, message.",
                Items = new OpenApiSchemaReference(nameof(IssueBody), document),
            };
        }

        if (schemas.TryGetValue(nameof(Record.TimelineEntryBody), out var t) && t is OpenApiSchema { Properties: { } entry })
        {
            entry["assessment"] = new OpenApiSchemaReference(ContractSchemas.Assessment, document);
        }

        // A saved assessment (POST and GET /api/receipts) carries the same contract.
        foreach (var name in new[] { nameof(ReceiptCreated), nameof(ReceiptBody) })
        {
            if (schemas.TryGetValue(name, out var r) && r is OpenApiSchema { Properties: { } receipt })
            {
                receipt["assessment"] = new OpenApiSchemaReference(ContractSchemas.Assessment, document);
            }
        }

        // One stored assessment (GET /api/record/patients/{id}/assessments/{asOf}) is the same contract.
        if (document.Paths.TryGetValue("/api/record/patients/{id}/assessments/{asOf}", out var a) && a.Operations is { } operations)
        {
            foreach (var media in operations.Values.SelectMany(o => o.Responses is { } r && r.TryGetValue("200", out var ok) && ok.Content is { } c ? c.Values : []))
            {
                media.Schema = new OpenApiSchemaReference(ContractSchemas.Assessment, document);
            }
        }

        if (schemas.TryGetValue("JsonObject", out var j) && j is OpenApiSchema json)
        {
            // The only JsonObject of the API is a FHIR resource (a CDS card's proposed action).
            json.Description = "A FHIR R4 resource (https://hl7.org/fhir/R4/json.html).";
            json.Required = new HashSet<string> { "resourceType" };
            json.Properties = new Dictionary<string, IOpenApiSchema> { ["resourceType"] = new OpenApiSchema { Type = JsonSchemaType.String } };
            json.AdditionalProperties = new OpenApiSchema();
        }

        schemas.Remove("JsonElement"); // replaced by the Assessment reference above
    }
}
