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

        // A CDS call's 412 describes the body an integrator fixes the request from (issue 16).
        var refused = paths.EnumerateObject().First(p => p.Name.StartsWith("/cds-services/", StringComparison.Ordinal) && p.Value.TryGetProperty("post", out var post) && post.GetProperty("responses").TryGetProperty("412", out _));
        var body = refused.Value.GetProperty("post").GetProperty("responses").GetProperty("412").GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetProperty("properties");
        Assert.All(["missingPrefetch", "prefetchQueries", "issues", "fhirServer"], name => Assert.True(body.TryGetProperty(name, out _), name));
    }

    // Issue 12 s.1: the bodies reference the published contracts (docs/schema), copied in as components, so a client
    // generated from the document is typed; every reference resolves inside the document.
    [Fact]
    public async Task OpenApi_Get_BodiesReferenceTheContractSchemasAndEveryReferenceResolves()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(Url("/openapi/v1.json"), Ct);

        var text = await response.Content.ReadAsStringAsync(Ct);
        using var document = System.Text.Json.JsonDocument.Parse(text);
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        var assess = document.RootElement.GetProperty("paths").GetProperty("/api/assess").GetProperty("post");
        Assert.Equal("#/components/schemas/Snapshot", assess.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
        Assert.Equal("#/components/schemas/Assessment", assess.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());

        using var snapshot = System.Text.Json.JsonDocument.Parse(File.ReadAllText(RepoRoot.File("docs", "schema", "snapshot.schema.json")));
        Assert.Equal(
            snapshot.RootElement.GetProperty("properties").EnumerateObject().Select(p => p.Name),
            schemas.GetProperty("Snapshot").GetProperty("properties").EnumerateObject().Select(p => p.Name));
        using var assessment = System.Text.Json.JsonDocument.Parse(File.ReadAllText(RepoRoot.File("docs", "schema", "assessment.schema.json")));
        Assert.All(assessment.RootElement.GetProperty("$defs").EnumerateObject(), d => Assert.True(schemas.TryGetProperty("Assessment." + d.Name, out _), d.Name));

        var references = System.Text.RegularExpressions.Regex.Matches(text, "\"\\$ref\": \"#/components/schemas/([^\"]+)\"").Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Contains("Assessment.citation", references);
        Assert.All(references, r => Assert.True(schemas.TryGetProperty(r, out _), r));
        Assert.DoesNotContain("#/$defs/", text, StringComparison.Ordinal);
    }
}
