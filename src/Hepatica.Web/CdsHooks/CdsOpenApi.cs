using Microsoft.OpenApi;

namespace Hepatica.Web.CdsHooks;

/// <summary>
/// The CDS Hooks routes in the OpenAPI document: the request bodies of CDS Hooks 2.0 ("HTTP Request" and "Feedback";
/// reference fhir-cds-hooks.md §2) and the response records of CdsModels.cs. A body is described here, not
/// with <c>Accepts</c>, whose content-type constraint would answer 415 in routing before the handler lists the issue.
/// </summary>
internal static class CdsOpenApi
{
    /// <summary>The discovery document.</summary>
    public static RouteHandlerBuilder DescribedAsDiscovery(this RouteHandlerBuilder builder) => builder
        .WithSummary("CDS Hooks discovery: the services this host offers, their hooks and prefetch templates.")
        .Produces<DiscoveryResponse>(StatusCodes.Status200OK)
        .ProducesProblem(StatusCodes.Status401Unauthorized);

    /// <summary>A service call.</summary>
    public static RouteHandlerBuilder DescribedAsCall(this RouteHandlerBuilder builder) => builder
        .WithSummary("Call a CDS service: cards for the patient in context (docs/cds-hooks.md).")
        .AddOpenApiOperationTransformer((operation, context, _) =>
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Description = "A CDS Hooks 2.0 request: hook, hookInstance, context (patientId; draftOrders and selections for order-select), "
                    + "prefetch (or fhirServer and fhirAuthorization to fetch what is missing).",
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = HookRequest(context.Document) } },
            };
            if (operation.Responses?.TryGetValue("412", out var refused) == true && refused is OpenApiResponse response)
            {
                response.Description = "A prefetch key was neither prefetched nor retrievable from fhirServer (docs/cds-hooks.md, \"The 412 answer\").";
                response.Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = PrefetchUnavailable() } };
            }

            return Task.CompletedTask;
        })
        .Produces<CdsResponse>(StatusCodes.Status200OK)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

    /// <summary>Feedback on cards.</summary>
    public static RouteHandlerBuilder DescribedAsFeedback(this RouteHandlerBuilder builder) => builder
        .WithSummary("Feedback on cards shown (accepted, overridden), CDS Hooks 2.0 \"Feedback\".")
        .AddOpenApiOperationTransformer(async (operation, context, ct) =>
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(typeof(FeedbackRequest), null, ct) },
                },
            };
        })
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

    /// <summary>The 412 body: a ProblemDetails with the keys that are missing, why (CDS006 issues), their queries and the server.</summary>
    private static OpenApiSchema PrefetchUnavailable() => new()
    {
        Type = JsonSchemaType.Object,
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["missingPrefetch"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String }, Description = "The prefetch keys of the service the request did not carry and could not be fetched." },
            ["prefetchQueries"] = new OpenApiSchema { Type = JsonSchemaType.Object, AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.String }, Description = "Each missing key's query, filled in from the request: what to prefetch." },
            ["issues"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Description = "One CDS006 issue per missing key (path prefetch.{key}) saying why it could not be fetched.",
                Items = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["code"] = new OpenApiSchema { Type = JsonSchemaType.String },
                        ["severity"] = new OpenApiSchema { Type = JsonSchemaType.String },
                        ["path"] = new OpenApiSchema { Type = JsonSchemaType.String },
                        ["message"] = new OpenApiSchema { Type = JsonSchemaType.String },
                    },
                },
            },
            ["fhirServer"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "Present when the request names a fhirServer: its URL and whether this host may fetch from it (AllowedFhirServers).",
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["url"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri" },
                    ["fetchAllowed"] = new OpenApiSchema { Type = JsonSchemaType.Boolean },
                },
            },
        },
    };

    // CDS Hooks 2.0 "HTTP Request": hook, hookInstance and context are required; prefetch maps a template key to a FHIR resource.
    private static OpenApiSchema HookRequest(OpenApiDocument? document) => new()
    {
        Type = JsonSchemaType.Object,
        Required = new HashSet<string> { "hook", "hookInstance", "context" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["hook"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. CdsServices.All.Select(s => (System.Text.Json.Nodes.JsonNode)s.Hook).DistinctBy(h => h.GetValue<string>())] },
            ["hookInstance"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" },
            ["fhirServer"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri" },
            // CDS Hooks 2.0 "FHIR Resource Access": an OAuth 2.0 access token for fhirServer.
            ["fhirAuthorization"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Required = new HashSet<string> { "access_token", "token_type", "expires_in", "scope", "subject" },
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["access_token"] = new OpenApiSchema { Type = JsonSchemaType.String },
                    ["token_type"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [System.Text.Json.Nodes.JsonValue.Create("Bearer")] },
                    ["expires_in"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
                    ["scope"] = new OpenApiSchema { Type = JsonSchemaType.String },
                    ["subject"] = new OpenApiSchema { Type = JsonSchemaType.String },
                    ["patient"] = new OpenApiSchema { Type = JsonSchemaType.String },
                },
            },
            ["context"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Required = new HashSet<string> { "patientId" },
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["userId"] = new OpenApiSchema { Type = JsonSchemaType.String },
                    ["patientId"] = new OpenApiSchema { Type = JsonSchemaType.String },
                    ["encounterId"] = new OpenApiSchema { Type = JsonSchemaType.String },
                    ["selections"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                    ["draftOrders"] = new OpenApiSchemaReference(Api.FhirSchemas.Bundle, document),
                },
            },
            ["prefetch"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "Each prefetch template key of the service (discovery) with its FHIR R4 resource, or null when the client could not fetch it.",
                AdditionalProperties = new OpenApiSchema { OneOf = [new OpenApiSchemaReference(Api.FhirSchemas.Resource, document), new OpenApiSchema { Type = JsonSchemaType.Null }] },
            },
        },
    };
}
