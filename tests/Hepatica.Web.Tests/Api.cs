using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Hepatica.Web.Tests;

/// <summary>Small helpers to call the API in memory and read what it says.</summary>
internal static class Api
{
    public const string AppJson = "application/json";
    public const string FhirJson = "application/fhir+json";

    public static readonly string Demo = RepoRoot.File("samples", "demo-001.json");
    public static readonly string Cirrhosis = RepoRoot.File("tests", "Hepatica.Fhir.Tests", "Fixtures", "cirrhosis-ascites-dialysis.json");

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static Uri Url(string relative) => new(relative, UriKind.Relative);

    public static ByteArrayContent Body(byte[] bytes, string? contentType = AppJson)
    {
        var content = new ByteArrayContent(bytes);
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return content;
    }

    public static ByteArrayContent Body(string text, string? contentType = AppJson) => Body(Encoding.UTF8.GetBytes(text), contentType);

    public static async Task<HttpResponseMessage> Post(HttpClient client, string url, HttpContent body, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Url(url)) { Content = body };
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return await client.SendAsync(request, Ct);
    }

    public static async Task<JsonElement> ReadJson(HttpResponseMessage response)
    {
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return doc.RootElement.Clone();
    }

    /// <summary>The (code, severity, path) of every issue of a ProblemDetails.</summary>
    public static async Task<List<(string Code, string Severity, string Path)>> ProblemIssues(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ReadJson(response);
        Assert.Equal((int)response.StatusCode, problem.GetProperty("status").GetInt32());
        return [.. problem.GetProperty("issues").EnumerateArray().Select(i => (
            i.GetProperty("code").GetString()!, i.GetProperty("severity").GetString()!, i.GetProperty("path").GetString()!))];
    }
}
