using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Hepatica.Web.Api;

/// <summary>
/// Components of the OpenAPI document that the published contracts (docs/schema) do not hold: the FHIR R4 shapes the
/// routes read and write (any resource, a Bundle, an OperationOutcome; FHIR R4 "Resource", "Bundle",
/// "OperationOutcome", HL7 2019), the score definition of the catalog, and the <c>issues</c> of every ProblemDetails.
/// The FHIR ones describe what Hepatica relies on and leave the rest open (a FHIR resource has many more elements).
/// </summary>
internal static class FhirSchemas
{
    /// <summary>Any FHIR R4 resource (JSON).</summary>
    public const string Resource = "FhirResource";

    /// <summary>A FHIR R4 Bundle.</summary>
    public const string Bundle = "FhirBundle";

    /// <summary>A FHIR R4 OperationOutcome: the issues of a refusal, for a client that accepts application/fhir+json.</summary>
    public const string OperationOutcome = "OperationOutcome";

    /// <summary>One score of the catalog (<c>hepatica scores --format json</c>).</summary>
    public const string ScoreDefinition = "ScoreDefinition";

    private static OpenApiSchema Str(string? description = null) => new() { Type = JsonSchemaType.String, Description = description };

    /// <summary>Adds the components.</summary>
    public static void AddTo(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        var schemas = document.Components.Schemas;
        schemas[Resource] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "A FHIR R4 resource in JSON (https://hl7.org/fhir/R4/json.html): resourceType names it; the other elements are those of its type.",
            Required = new HashSet<string> { "resourceType" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["resourceType"] = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^[A-Z][A-Za-z]+$", Description = "The resource type (Patient, Observation, Bundle ...)." },
                ["id"] = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^[A-Za-z0-9\\-\\.]{1,64}$" },
                ["meta"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["versionId"] = Str("The version: with the id, a stored resource's identity."),
                        ["lastUpdated"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" },
                        ["profile"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri" } },
                    },
                },
            },
            AdditionalProperties = new OpenApiSchema(),
        };
        schemas[Bundle] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "A FHIR R4 Bundle (https://hl7.org/fhir/R4/bundle.html).",
            Required = new HashSet<string> { "resourceType", "type" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["resourceType"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create("Bundle")] },
                ["id"] = Str(),
                ["type"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Enum = [.. ((string[])["document", "message", "transaction", "transaction-response", "batch", "batch-response", "history", "searchset", "collection"]).Select(t => (JsonNode)JsonValue.Create(t))],
                },
                ["timestamp"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" },
                ["total"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "0", Description = "searchset: the number of matches." },
                ["link"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Array,
                    Items = new OpenApiSchema { Type = JsonSchemaType.Object, Required = new HashSet<string> { "relation", "url" }, Properties = new Dictionary<string, IOpenApiSchema> { ["relation"] = Str(), ["url"] = Str() } },
                },
                ["entry"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Array,
                    Items = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Properties = new Dictionary<string, IOpenApiSchema>
                        {
                            ["fullUrl"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri" },
                            ["resource"] = new OpenApiSchemaReference(Resource, document),
                            ["search"] = new OpenApiSchema { Type = JsonSchemaType.Object, Properties = new Dictionary<string, IOpenApiSchema> { ["mode"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create("match"), JsonValue.Create("include"), JsonValue.Create("outcome")] } } },
                            ["request"] = new OpenApiSchema { Type = JsonSchemaType.Object, Properties = new Dictionary<string, IOpenApiSchema> { ["method"] = Str(), ["url"] = Str() } },
                        },
                    },
                },
            },
            AdditionalProperties = new OpenApiSchema(),
        };
        schemas[OperationOutcome] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "A FHIR R4 OperationOutcome (https://hl7.org/fhir/R4/operationoutcome.html): every issue, with its Hepatica code in details.coding.",
            Required = new HashSet<string> { "resourceType", "issue" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["resourceType"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create("OperationOutcome")] },
                ["issue"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Array,
                    Items = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Required = new HashSet<string> { "severity", "code" },
                        Properties = new Dictionary<string, IOpenApiSchema>
                        {
                            ["severity"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create("fatal"), JsonValue.Create("error"), JsonValue.Create("warning"), JsonValue.Create("information")] },
                            ["code"] = Str("The FHIR issue type (invalid, required, value ...)."),
                            ["details"] = new OpenApiSchema
                            {
                                Type = JsonSchemaType.Object,
                                Properties = new Dictionary<string, IOpenApiSchema>
                                {
                                    ["coding"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.Object, Properties = new Dictionary<string, IOpenApiSchema> { ["system"] = Str(), ["code"] = Str("The Hepatica issue code (LAB001, API002 ...).") } } },
                                    ["text"] = Str(),
                                },
                            },
                            ["diagnostics"] = Str("The message."),
                            ["expression"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = Str("The input path.") },
                        },
                    },
                },
            },
            AdditionalProperties = new OpenApiSchema(),
        };
        schemas[ScoreDefinition] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "A score of the catalog (docs/scores.md): id, version, range, rounding, inputs, citations and who it is for.",
            Required = new HashSet<string> { "id", "version", "name", "rounding", "inputs", "citations", "population" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["id"] = Str("Stable kebab-case id (meld-3.0)."),
                ["version"] = Str(),
                ["name"] = Str(),
                ["minimum"] = new OpenApiSchema { Type = JsonSchemaType.Number },
                ["maximum"] = new OpenApiSchema { Type = JsonSchemaType.Number },
                ["rounding"] = Str("How the result is rounded (the MidpointRounding named)."),
                ["inputs"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = Str("A snapshot path.") },
                ["citations"] = new OpenApiSchemaReference(ContractSchemas.Assessment + ".citations", document),
                ["population"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = new HashSet<string> { "description", "citations", "gates" },
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["description"] = Str(),
                        ["citations"] = new OpenApiSchemaReference(ContractSchemas.Assessment + ".citations", document),
                        ["gates"] = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Array,
                            Items = new OpenApiSchema
                            {
                                Type = JsonSchemaType.Object,
                                Required = new HashSet<string> { "question", "requires", "rule", "settledBy", "source" },
                                Properties = new Dictionary<string, IOpenApiSchema>
                                {
                                    ["question"] = Str(),
                                    ["requires"] = new OpenApiSchema { Type = JsonSchemaType.Boolean },
                                    ["rule"] = Str(),
                                    ["settledBy"] = Str(),
                                    ["source"] = Str("A citation key."),
                                },
                            },
                        },
                        ["relevantWhen"] = Str(),
                    },
                },
            },
            AdditionalPropertiesAllowed = false,
        };
    }
}
