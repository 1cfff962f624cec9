using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using static Hepatica.Web.Tests.Api;

namespace Hepatica.Web.Tests;

/// <summary>
/// The body limit of /api (Hepatica:Api:MaxRequestBodyBytes, default 16 MiB: a patient's whole record fits, issue 16).
/// TestServer has no Kestrel limits, so most tests check the endpoint's own enforcement (declared length and counted
/// bytes); one runs the host on Kestrel.
/// </summary>
public sealed class RequestSizeTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private const int DefaultLimit = 16 * 1024 * 1024;

    /// <summary>The 15 Synthea lifetime records of the shared samples (0.27 to 1.4 MB), by name.</summary>
    public static TheoryData<string> SyntheaBundles => new(Directory.EnumerateFiles(RepoRoot.SharedData("fhir-samples", "synthea-r4-bundles"), "*.json")
        .Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(SyntheaBundles))]
    public async Task Assess_SyntheaBundleWithTheDefaults_Accepted(string file)
    {
        using var client = factory.CreateClient();
        var bytes = await File.ReadAllBytesAsync(Path.Combine(RepoRoot.SharedData("fhir-samples", "synthea-r4-bundles"), file), Ct);

        using var response = await Post(client, "/api/assess", Body(bytes, FhirJson));

        Assert.True(bytes.Length < DefaultLimit);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void Options_DefaultLimit_Is16MiB()
    {
        Assert.Equal(DefaultLimit, new Hepatica.Web.Api.ApiOptions().MaxRequestBodyBytes);
    }

    [Fact]
    public async Task Assess_OverTheDefaultLimit_413NamesTheLimitAndTheSetting()
    {
        using var client = factory.CreateClient();

        using var response = await Post(client, "/api/assess", Body(Padded(DefaultLimit + 1)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await ReadJson(response);
        var message = problem.GetProperty("issues")[0].GetProperty("message").GetString();
        Assert.Equal("The request body is larger than 16777216 bytes, the limit set by Hepatica:Api:MaxRequestBodyBytes.", message);
        Assert.Equal("The limit is 16777216 bytes (Hepatica:Api:MaxRequestBodyBytes).", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Assess_OverAConfiguredLimit_413NamesThatLimit()
    {
        using var small = factory.WithWebHostBuilder(b => b.ConfigureAppConfiguration((_, c) =>
            c.AddInMemoryCollection(new Dictionary<string, string?> { ["Hepatica:Api:MaxRequestBodyBytes"] = "500" })));
        using var client = small.CreateClient();

        using var response = await Post(client, "/api/assess", Body(await File.ReadAllBytesAsync(Demo, Ct)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("The request body is larger than 500 bytes, the limit set by Hepatica:Api:MaxRequestBodyBytes.",
            (await ReadJson(response)).GetProperty("issues")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task Assess_DefaultLimitExceeded_413()
    {
        using var client = factory.CreateClient();

        using var response = await Post(client, "/api/assess", Body(Padded(DefaultLimit + 1)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal([("API001", "error", "$")], await ProblemIssues(response));
    }

    [Fact]
    public async Task Assess_ExactlyTheDefaultLimit_Read()
    {
        using var client = factory.CreateClient();

        using var response = await Post(client, "/api/assess", Body(Padded(DefaultLimit)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Assess_ConfiguredLimitChunkedBody_413()
    {
        using var small = factory.WithWebHostBuilder(b => b.ConfigureAppConfiguration((_, c) =>
            c.AddInMemoryCollection(new Dictionary<string, string?> { ["Hepatica:Api:MaxRequestBodyBytes"] = "500" })));
        using var client = small.CreateClient();
        var bytes = await File.ReadAllBytesAsync(Demo, Ct);

        // A stream of unknown length is sent chunked, without Content-Length: only counting the bytes read can stop it.
        using var response = await Post(client, "/api/assess", new NoLengthContent(bytes));

        Assert.True(bytes.Length > 500);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal([("API001", "error", "$")], await ProblemIssues(response));
    }

    [Fact]
    public async Task Assess_KestrelChunkedBodyOverTheLimit_413FromTheServerLimit()
    {
        // On real Kestrel (port 0: any free port) the per-request IHttpMaxRequestBodySizeFeature is set too: whichever of
        // it and the endpoint's count stops the read first, the answer is the same 413 with its issue.
        using var kestrel = factory.WithWebHostBuilder(b => b.ConfigureAppConfiguration((_, c) =>
            c.AddInMemoryCollection(new Dictionary<string, string?> { ["Hepatica:Api:MaxRequestBodyBytes"] = "500" })));
        kestrel.UseKestrel(0);
        kestrel.StartServer();
        using var client = kestrel.CreateClient();

        using var response = await Post(client, "/api/assess", new NoLengthContent(await File.ReadAllBytesAsync(Demo, Ct)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal([("API001", "error", "$")], await ProblemIssues(response));
    }

    [Fact]
    public async Task Assess_TooLargeAcceptFhir_OperationOutcome413()
    {
        using var client = factory.CreateClient();

        using var response = await Post(client, "/api/assess", Body(Padded(DefaultLimit + 1)), accept: FhirJson);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("OperationOutcome", (await ReadJson(response)).GetProperty("resourceType").GetString());
    }

    /// <summary>demo-001 padded with trailing spaces (insignificant JSON whitespace) to exactly <paramref name="size"/> bytes.</summary>
    private static byte[] Padded(int size)
    {
        var demo = File.ReadAllBytes(Demo);
        var bytes = new byte[size];
        demo.CopyTo(bytes, 0);
        bytes.AsSpan(demo.Length).Fill((byte)' ');
        return bytes;
    }

    /// <summary>JSON content that does not tell its length, so the client sends it chunked.</summary>
    private sealed class NoLengthContent : HttpContent
    {
        private readonly byte[] bytes;

        public NoLengthContent(byte[] bytes)
        {
            this.bytes = bytes;
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(AppJson);
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
