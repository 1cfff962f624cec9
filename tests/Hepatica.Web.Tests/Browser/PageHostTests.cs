using System.Net;

namespace Hepatica.Web.Tests.Browser;

/// <summary>The host serves its pages: `/` is the clinician page, with the page policy, and no page loads anything from elsewhere.</summary>
public sealed class PageHostTests
{
    [Fact]
    public async Task Root_ServesTheClinicianPage_WithThePagePolicy()
    {
        await using var site = await PageSite.StartAsync();
        var response = await site.OpenAsync();
        Assert.NotNull(response);
        Assert.Equal((int)HttpStatusCode.OK, response.Status);
        var headers = await response.AllHeadersAsync();
        Assert.Contains("script-src 'self'", headers["content-security-policy"], StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", headers["content-security-policy"], StringComparison.Ordinal);
        Assert.Equal("Hepatica: liver failure decision support", await site.Page.TitleAsync());
        site.AssertNoErrors();
    }

    [Fact]
    public async Task ApiRoutes_KeepTheJsonPolicy()
    {
        await using var site = await PageSite.StartAsync();
        using var client = new HttpClient { BaseAddress = site.BaseAddress };
        using var response = await client.GetAsync(new Uri("api/app/config", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Http.SecurityHeaders.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task EveryPage_LoadsOnlyFromTheHost()
    {
        await using var site = await PageSite.StartAsync();
        var requested = new List<string>();
        site.Page.Request += (_, request) => requested.Add(request.Url);
        foreach (var path in new[] { "", "report.html" })
        {
            await site.OpenAsync(path);
        }

        Assert.NotEmpty(requested);
        Assert.All(requested, url => Assert.StartsWith(site.BaseAddress.ToString(), url, StringComparison.Ordinal));
    }
}
