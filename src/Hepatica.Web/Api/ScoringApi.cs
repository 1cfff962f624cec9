using Hepatica.Clinical.Scoring;

namespace Hepatica.Web.Api;

/// <summary>The REST API under /api: the catalog, one score, a whole assessment.</summary>
internal static class ScoringApi
{
    public static IEndpointRouteBuilder MapScoringApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Scoring");
        api.MapGet("/scores", () => TypedResults.Ok(ScoreCatalog.All.Select(e => e.Definition.Id)))
            .WithName("ListScores");
        return app;
    }
}
