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
        return Task.CompletedTask;
    });
}
