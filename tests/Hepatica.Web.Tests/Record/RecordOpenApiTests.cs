using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using static Hepatica.Web.Tests.Api;

namespace Hepatica.Web.Tests.Record;

/// <summary>
/// Issue 13 s.4: the OpenAPI document describes every body with a real schema, not a bare <c>"type": "object"</c>,
/// the existing routes included; the record's routes are there with their bodies.
/// </summary>
public sealed class RecordOpenApiTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private async Task<JsonElement> Document()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(Url("/openapi/v1.json"), Ct);
        return await ReadJson(response);
    }

    [Fact]
    public async Task OpenApi_NoSchemaIsABareObject()
    {
        var document = await Document();

        var bare = new List<string>();
        Walk(document, "$", bare);

        Assert.Empty(bare);
    }

    [Theory]
    [InlineData("/api/record", "post", "IngestResponse")]
    [InlineData("/api/record/patients/{id}/timeline", "get", "TimelineBody")]
    [InlineData("/api/record/patients/{id}/alerts", "get", "AlertPage")]
    [InlineData("/api/record/alerts", "get", "AlertPage")]
    [InlineData("/api/record/worklists/meld-not-referred", "get", "AlertPage")]
    [InlineData("/api/record/worklists/hbv-unknown-before-b-cell-depletion", "get", "AlertPage")]
    [InlineData("/api/record/alerts/{id}/acknowledge", "post", "StoredAlert")]
    [InlineData("/api/record/alerts/{id}/resolve", "post", "StoredAlert")]
    [InlineData("/fhir/subscription-notification", "post", "NotificationResponse")]
    public async Task OpenApi_RecordRoutes_AnswerTheirSchema(string path, string method, string component)
    {
        var document = await Document();

        var ok = document.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses").GetProperty("200");

        Assert.Equal("#/components/schemas/" + component, ok.GetProperty("content").GetProperty(AppJson).GetProperty("schema").GetProperty("$ref").GetString());
    }

    [Fact]
    public async Task OpenApi_TimelineEntry_ReferencesTheAssessmentContract_AndIngestTakesBothInputs()
    {
        var document = await Document();

        var schemas = document.GetProperty("components").GetProperty("schemas");
        Assert.Equal("#/components/schemas/Assessment", schemas.GetProperty("TimelineEntryBody").GetProperty("properties").GetProperty("assessment").GetProperty("$ref").GetString());
        var body = document.GetProperty("paths").GetProperty("/api/record").GetProperty("post").GetProperty("requestBody").GetProperty("content");
        Assert.Equal("#/components/schemas/Snapshot", body.GetProperty(AppJson).GetProperty("schema").GetProperty("$ref").GetString());
        Assert.Equal("#/components/schemas/FhirResource", body.GetProperty(FhirJson).GetProperty("schema").GetProperty("$ref").GetString());
        Assert.Equal(["acknowledged", "open", "resolved"], schemas.GetProperty("AlertState").GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).Order(StringComparer.Ordinal));
        Assert.True(schemas.GetProperty("ProblemDetails").GetProperty("properties").TryGetProperty("issues", out _));
        Assert.False(document.GetProperty("paths").GetProperty("/api/record/patients/{id}").GetProperty("delete").GetProperty("responses").TryGetProperty("200", out _));
    }

    // A schema node that says only "type": "object" (no properties, additionalProperties, $ref or composition) tells a
    // client generator nothing.
    private static void Walk(JsonElement node, string path, List<string> bare)
    {
        if (node.ValueKind == JsonValueKind.Object)
        {
            var names = node.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            if (node.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "object"
                && !names.Overlaps(["properties", "additionalProperties", "$ref", "allOf", "anyOf", "oneOf", "patternProperties"]))
            {
                bare.Add(path);
            }

            foreach (var p in node.EnumerateObject())
            {
                Walk(p.Value, path + "/" + p.Name, bare);
            }
        }
        else if (node.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in node.EnumerateArray())
            {
                Walk(item, $"{path}[{i++}]", bare);
            }
        }
    }
}
