using System.Globalization;
using Microsoft.OpenApi;

namespace Hepatica.Web.Api;

/// <summary>
/// OpenAPI descriptions the endpoint metadata cannot say by itself. The request body is described here rather than
/// with <c>Accepts</c>, whose content-type constraint would answer 415 in routing, before the handler can list the issue.
/// </summary>
internal static class OpenApiMetadata
{
    /// <summary>
    /// Describes a request body in each of <paramref name="contentTypes"/>: <c>application/json</c> is the snapshot
    /// (<see cref="ContractSchemas.Snapshot"/>), <c>application/fhir+json</c> a FHIR resource (<see cref="FhirSchemas.Resource"/>).
    /// </summary>
    public static RouteHandlerBuilder RequestBody(this RouteHandlerBuilder builder, string description, params string[] contentTypes) =>
        builder.AddOpenApiOperationTransformer((operation, context, _) =>
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Description = description,
                Required = true,
                Content = contentTypes.ToDictionary(t => t, t => new OpenApiMediaType
                {
                    Schema = ContractSchemas.Reference(t == MediaTypes.Json ? ContractSchemas.Snapshot : FhirSchemas.Resource, context.Document),
                }),
            };
            return Task.CompletedTask;
        });

    /// <summary>Gives a response's <c>application/json</c> content one of the <see cref="ContractSchemas"/> (added by <see cref="Responds"/> first).</summary>
    public static RouteHandlerBuilder RespondsJson(this RouteHandlerBuilder builder, int status, string component) =>
        builder.AddOpenApiOperationTransformer((operation, context, _) =>
        {
            if (operation.Responses?.GetValueOrDefault(status.ToString(CultureInfo.InvariantCulture)) is OpenApiResponse { Content: { } content }
                && content.TryGetValue(MediaTypes.Json, out var json))
            {
                json.Schema = ContractSchemas.Reference(component, context.Document);
            }

            return Task.CompletedTask;
        });

    /// <summary>Gives a response's <c>application/json</c> content an array of one of the components.</summary>
    public static RouteHandlerBuilder RespondsJsonArray(this RouteHandlerBuilder builder, int status, string component) =>
        builder.AddOpenApiOperationTransformer((operation, context, _) =>
        {
            if (operation.Responses?.GetValueOrDefault(status.ToString(CultureInfo.InvariantCulture)) is OpenApiResponse { Content: { } content }
                && content.TryGetValue(MediaTypes.Json, out var json))
            {
                json.Schema = new OpenApiSchema { Type = JsonSchemaType.Array, Items = ContractSchemas.Reference(component, context.Document) };
            }

            return Task.CompletedTask;
        });

    /// <summary>
    /// Sets a response's description and adds the content types it may come in (ProblemDetails kept where declared):
    /// FHIR JSON is a Bundle for a success and an OperationOutcome for an error; JSON is given its schema by
    /// <see cref="RespondsJson"/>.
    /// </summary>
    public static RouteHandlerBuilder Responds(this RouteHandlerBuilder builder, int status, string description, params string[] contentTypes) =>
        builder.AddOpenApiOperationTransformer((operation, context, _) =>
        {
            operation.Responses ??= [];
            var key = status.ToString(CultureInfo.InvariantCulture);
            var response = operation.Responses.TryGetValue(key, out var found) && found is OpenApiResponse existing ? existing : new OpenApiResponse();
            response.Description = description;
            foreach (var type in contentTypes)
            {
                response.Content ??= new Dictionary<string, OpenApiMediaType>();
                IOpenApiSchema schema = type != MediaTypes.FhirJson ? new OpenApiSchema { Type = JsonSchemaType.Object }
                    : ContractSchemas.Reference(status < 400 ? FhirSchemas.Bundle : FhirSchemas.OperationOutcome, context.Document);
                response.Content.TryAdd(type, new OpenApiMediaType { Schema = schema });
            }

            operation.Responses[key] = response;
            return Task.CompletedTask;
        });
}
