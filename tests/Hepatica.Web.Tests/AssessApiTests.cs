using System.Buffers;
using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using Hepatica.Clinical;
using Hepatica.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using static Hepatica.Web.Tests.Api;

namespace Hepatica.Web.Tests;

/// <summary>
/// POST /api/assess and POST /api/scores/{id}: the body equals what <c>hepatica</c> prints for the same file (run as a
/// separate process), for a snapshot and a FHIR Bundle, and content negotiation picks JSON or FHIR.
/// </summary>
public sealed class AssessApiTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task Assess_DemoSnapshotExplain_SameBytesAsCliAssessFormatJson()
    {
        var (exit, expected) = await Cli.Run("assess", "samples/demo-001.json", "--format", "json");
        using var client = factory.CreateClient();

        using var response = await Post(client, "/api/assess?explain=true", Body(await File.ReadAllBytesAsync(Demo, Ct)));

        Assert.Equal(0, exit);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(AppJson, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(expected, await response.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task Assess_DemoSnapshotDefault_CompactRecordOfTheJsonWriter()
    {
        // Expected: the JSON writer run here on the same file in compact detail, with the CLI's writer options.
        var read = SnapshotReader.Read(await File.ReadAllBytesAsync(Demo, Ct));
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            AssessmentWriter.Write(w, Assessment.Of(read.Snapshot!), Detail.Compact, AsOf.For(read.Snapshot!, DateTimeOffset.UnixEpoch)); // the sample gives its assessmentDate
        }

        buffer.Write("\n"u8);
        using var client = factory.CreateClient();

        using var response = await Post(client, "/api/assess", Body(await File.ReadAllBytesAsync(Demo, Ct)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(buffer.WrittenSpan.ToArray(), body);
        using var doc = JsonDocument.Parse(body);
        Assert.Equal("demo-001", doc.RootElement.GetProperty("id").GetString());
        Assert.DoesNotContain("\"steps\"", System.Text.Encoding.UTF8.GetString(body), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FhirJson)]
    [InlineData(AppJson)] // a Bundle sent as plain JSON is recognised by its resourceType, as the CLI does
    public async Task Assess_FhirBundleAsOf_SameBytesAsCliWithAsOf(string contentType)
    {
        var (exit, expected) = await Cli.Run("assess", Cirrhosis, "--as-of", "2026-11-20", "--format", "json");
        using var client = factory.CreateClient();

        using var response = await Post(client, "/api/assess?asOf=2026-11-20&explain=true", Body(await File.ReadAllBytesAsync(Cirrhosis, Ct), contentType));

        Assert.Equal(0, exit);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(expected, body);
        Assert.Contains("\"sources\"", System.Text.Encoding.UTF8.GetString(body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assess_FhirBundleWithoutAsOf_ReadAsOfTheHostClock()
    {
        var now = new DateTimeOffset(2026, 11, 20, 23, 0, 0, TimeSpan.Zero);
        // Both read as of their run time and say so (asOfSource run-time): the CLI's pinned by --issued, the host's by its clock.
        var (_, expected) = await Cli.Run("assess", Cirrhosis, "--issued", "2026-11-20T23:00:00Z", "--format", "json");
        using var fixedClock = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(new FixedClock(now))));
        using var client = fixedClock.CreateClient();

        using var response = await Post(client, "/api/assess?explain=true", Body(await File.ReadAllBytesAsync(Cirrhosis, Ct), FhirJson));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, await response.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task Score_OneScoreExplain_SameBytesAsCliScore()
    {
        var (exit, expected) = await Cli.Run("score", "meld-3.0", "samples/demo-001.json", "--format", "json");
        using var client = factory.CreateClient();

        using var response = await Post(client, "/api/scores/meld-3.0?explain=true", Body(await File.ReadAllBytesAsync(Demo, Ct)));

        Assert.Equal(0, exit);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, await response.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task Score_FhirBundle_OnlyThatScore()
    {
        using var client = factory.CreateClient();

        using var response = await Post(client, "/api/scores/meld?asOf=2026-11-20", Body(await File.ReadAllBytesAsync(Cirrhosis, Ct), FhirJson));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var scores = (await ReadJson(response)).GetProperty("scores");
        Assert.Equal("meld", Assert.Single(scores.EnumerateArray()).GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("/api/assess", AppJson)]
    [InlineData("/api/assess?asOf=2026-11-20", FhirJson)]
    [InlineData("/api/scores/meld-3.0", AppJson)]
    public async Task Assess_AcceptFhir_FhirBundle(string url, string contentType)
    {
        var file = contentType == FhirJson ? Cirrhosis : Demo;
        using var client = factory.CreateClient();

        using var response = await Post(client, url, Body(await File.ReadAllBytesAsync(file, Ct), contentType), accept: FhirJson);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(FhirJson, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Bundle", (await ReadJson(response)).GetProperty("resourceType").GetString());
        Assert.Contains("Accept", response.Headers.Vary);
    }

    [Theory]
    [InlineData("*/*", AppJson)]
    [InlineData("application/*", AppJson)]
    [InlineData("application/json, application/fhir+json;q=0.9", AppJson)]
    [InlineData("application/json;q=0.5, application/fhir+json", FhirJson)]
    [InlineData("text/html, application/fhir+json;q=0.1", FhirJson)]
    public async Task Assess_AcceptList_HighestQualityFormatWins(string accept, string expected)
    {
        using var client = factory.CreateClient();

        using var response = await Post(client, "/api/assess", Body(await File.ReadAllBytesAsync(Demo, Ct)), accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Assess_OnlyWarnings_OkWithTheWarningsInside()
    {
        // demo-001 with an unknown key: SNP003 is a warning (docs/snapshot.md), so the assessment is still given.
        var text = (await File.ReadAllTextAsync(Demo, Ct)).TrimEnd().TrimEnd('}') + ", \"favouriteColour\": \"blue\"}";
        using var client = factory.CreateClient();

        using var response = await Post(client, "/api/assess", Body(text));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var warning = Assert.Single((await ReadJson(response)).GetProperty("warnings").EnumerateArray());
        Assert.Equal("SNP003", warning.GetProperty("code").GetString());
        Assert.Equal("favouriteColour", warning.GetProperty("path").GetString());
    }

    [Fact]
    public async Task Assess_SnapshotWithoutAssessmentDate_AsOfIsTheHostClockAndSaysRunTime()
    {
        var now = new DateTimeOffset(2026, 11, 21, 9, 30, 0, TimeSpan.Zero);
        using var fixedClock = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(new FixedClock(now))));
        using var client = fixedClock.CreateClient();

        using var response = await Post(client, "/api/assess", Body("{\"labs\": {\"bilirubin\": {\"value\": 2, \"unit\": \"mg/dL\"}, \"inr\": {\"value\": 1.5}}}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ReadJson(response);
        Assert.Equal(Engine.Version, body.GetProperty("engineVersion").GetString());
        Assert.Equal("2026-11-21T09:30:00Z", body.GetProperty("asOf").GetString());
        Assert.Equal("run-time", body.GetProperty("asOfSource").GetString());
        Assert.Equal("ok", body.GetProperty("status").GetString()); // input with errors is 422 here, never a 200 record
    }
}
