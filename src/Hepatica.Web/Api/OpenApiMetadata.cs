using System.Globalization;
using Microsoft.OpenApi;

namespace Hepatica.Web.Api;

/// <summary>
/// OpenAPI descriptions the endpoint metadata cannot say by itself. The request body is described here rather than
/// with <c>Accepts</c>, whose content-type constraint would answer 415 in routing, before the handler can list the issue.
/// </summary>
internal static class OpenApiMetadata
{
    /// <summary>Describes a JSON object request body in each of <paramref name="contentTypes"/>.</summary>
    public static RouteHandlerBuilder RequestBody(this RouteHandlerBuilder builder, string description, params string[] contentTypes) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Description = description,
                Required = true,
                Content = contentTypes.ToDictionary(t => t, _ => new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.Object } }),
            };
            return Task.CompletedTask;
        });

    /// <summary>Sets a response's description and adds the content types it may come in (ProblemDetails kept where declared).</summary>
    public static RouteHandlerBuilder Responds(this RouteHandlerBuilder builder, int status, string description, params string[] contentTypes) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Responses ??= [];
            var key = status.ToString(CultureInfo.InvariantCulture);
            var response = operation.Responses.TryGetValue(key, out var found) && found is OpenApiResponse existing ? existing : new OpenApiResponse();
            response.Description = description;
            foreach (var type in contentTypes)
            {
                response.Content ??= new Dictionary<string, OpenApiMediaType>();
                response.Content.TryAdd(type, new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.Object } });
            }

            operation.Responses[key] = response;
            return Task.CompletedTask;
        });
}
