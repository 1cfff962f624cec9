using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using static Hepatica.Web.Tests.Api;

namespace Hepatica.Web.Tests;

/// <summary>
/// The OpenAPI document the running host serves equals the one committed in docs/openapi/v1.json (written at build), so
/// an API change shows in review. A difference fails and writes docs/openapi/v1.received.json beside it: review it, and
/// if it is right, build (which rewrites v1.json) and commit.
/// </summary>
public sealed class OpenApiTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task OpenApi_Get_EqualsTheCommittedDocument()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(Url("/openapi/v1.json"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Golden.Verify(await response.Content.ReadAsStringAsync(Ct), RepoRoot.File("docs", "openapi", "v1.json"));
    }

    [Fact]
    public async Task OpenApi_Get_DescribesEveryApiRouteAndItsErrors()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(Url("/openapi/v1.json"), Ct);

        var paths = (await ReadJson(response)).GetProperty("paths");
        var assess = paths.GetProperty("/api/assess").GetProperty("post");
        Assert.Equal(
            ["200", "400", "406", "413", "415", "422"],
            assess.GetProperty("responses").EnumerateObject().Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.True(assess.GetProperty("requestBody").GetProperty("content").TryGetProperty(FhirJson, out _));
        Assert.True(paths.GetProperty("/api/scores").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/api/scores/{id}").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/api/scores/{id}").TryGetProperty("post", out _));
    }
}
