using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using static Hepatica.Web.Tests.Api;

namespace Hepatica.Web.Tests;

/// <summary>GET /api/scores and GET /api/scores/{id}: the catalog as <c>hepatica scores --format json</c> prints it.</summary>
public sealed class ScoresApiTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task ListScores_Get_SameBytesAsCliScoresFormatJson()
    {
        var (exit, expected) = await Cli.Run("scores", "--format", "json");
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(Url("/api/scores"), Ct);

        Assert.Equal(0, exit);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(AppJson, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(expected, await response.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task GetScore_KnownId_ThatElementOfTheCatalog()
    {
        var (_, catalog) = await Cli.Run("scores", "--format", "json");
        using var doc = System.Text.Json.JsonDocument.Parse(catalog);
        var expected = doc.RootElement.EnumerateArray().Single(e => e.GetProperty("id").GetString() == "child-pugh");
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(Url("/api/scores/child-pugh"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var actual = await ReadJson(response);
        Assert.True(System.Text.Json.JsonElement.DeepEquals(expected, actual));
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task Score_UnknownId_404ListingTheKnownIds(string method)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), Url("/api/scores/meld-4.0"));
        if (method == "POST")
        {
            request.Content = Body(await File.ReadAllBytesAsync(Demo, Ct));
        }

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal([("API005", "error", "id")], await ProblemIssues(response));
        var problem = await ReadJson(response);
        var known = problem.GetProperty("knownIds").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("meld-3.0", known);
        Assert.Contains("child-pugh", known);
        Assert.Equal(Hepatica.Clinical.Scoring.ScoreCatalog.All.Count, known.Count);
    }

    [Fact]
    public async Task Score_UnknownIdAcceptFhir_OperationOutcome404()
    {
        using var client = factory.CreateClient();

        using var response = await Post(client, "/api/scores/meld-4.0", Body(await File.ReadAllBytesAsync(Demo, Ct)), accept: FhirJson);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(FhirJson, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("OperationOutcome", (await ReadJson(response)).GetProperty("resourceType").GetString());
    }
}
