namespace Hepatica.Web.CdsHooks;

/// <summary>CDS Hooks 2.0 under /cds-services: discovery, patient-view, order-select, feedback.</summary>
internal static class CdsHooksApi
{
    public static IEndpointRouteBuilder MapCdsHooks(this IEndpointRouteBuilder app)
    {
        app.MapGet("/cds-services", () => TypedResults.Ok(new { services = Array.Empty<object>() }))
            .WithTags("CDS Hooks").WithName("Discovery");
        return app;
    }
}
