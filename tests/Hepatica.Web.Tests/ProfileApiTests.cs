using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using static Hepatica.Web.Tests.Api;

namespace Hepatica.Web.Tests;

/// <summary>
/// The guideline profile over HTTP (issue 11 s.4): the API's <c>profile</c> parameter, the <c>Hepatica:Profile</c>
/// setting as its default (<c>us</c> unless set), 400 for an unknown profile, a host that refuses an unknown setting at
/// start. demo-001 crosses both MELD ≥ 15 (AASLD/AST 2013, shown under us) and UKELD ≥ 49 (NHSBT POL195, under uk).
/// </summary>
public sealed class ProfileApiTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();

    private static string[] Signals(JsonElement root) => [.. root.GetProperty("transplant").GetProperty("signals").EnumerateArray().Select(s => s.GetProperty("id").GetString()!)];

    private WebApplicationFactory<Program> WithSetting(string profile) => factory.WithWebHostBuilder(b => b.ConfigureAppConfiguration((_, c) =>
        c.AddInMemoryCollection(new Dictionary<string, string?> { ["Hepatica:Profile"] = profile })));

    [Theory]
    [InlineData("/api/assess", "us", "meld-15-cirrhosis", "ukeld-49")]
    [InlineData("/api/assess?profile=us", "us", "meld-15-cirrhosis", "ukeld-49")]
    [InlineData("/api/assess?profile=uk", "uk", "ukeld-49", "meld-15-cirrhosis")]
    public async Task Assess_ProfileParameter_DecidesProfileAndSignals(string url, string profile, string shown, string hidden)
    {
        using var client = factory.CreateClient();
        using var response = await Post(client, url, Body(await File.ReadAllBytesAsync(Demo, Ct)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var root = await Json(response);
        Assert.Equal(profile, root.GetProperty("profile").GetString());
        Assert.Contains(shown, Signals(root));
        Assert.DoesNotContain(hidden, Signals(root));
    }

    [Fact]
    public async Task Assess_UnknownProfile_400NamingTheParameter()
    {
        using var client = factory.CreateClient();
        using var response = await Post(client, "/api/assess?profile=eu", Body(await File.ReadAllBytesAsync(Demo, Ct)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'eu' is not a guideline profile: us, uk.", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_SettingUk_DefaultForRequestsWithoutTheParameter()
    {
        using var uk = WithSetting("uk");
        using var client = uk.CreateClient();
        using var response = await Post(client, "/api/scores/meld-3.0", Body(await File.ReadAllBytesAsync(Demo, Ct)));
        var root = await Json(response);
        Assert.Equal("uk", root.GetProperty("profile").GetString());
        Assert.Equal("ukeld", root.GetProperty("allocationScore").GetProperty("id").GetString());
        using var overridden = await Post(client, "/api/assess?profile=us", Body(await File.ReadAllBytesAsync(Demo, Ct)));
        Assert.Equal("us", (await Json(overridden)).GetProperty("profile").GetString());
    }

    [Fact]
    public void Host_UnknownProfileSetting_RefusesToStart()
    {
        using var bad = WithSetting("eu");
        var e = Assert.ThrowsAny<Exception>(() => bad.CreateClient());
        Assert.Contains("Hepatica:Profile must be one of: us, uk.", e.ToString(), StringComparison.Ordinal);
    }
}
