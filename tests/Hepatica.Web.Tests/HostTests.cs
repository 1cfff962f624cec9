using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hepatica.Web.Tests;

public sealed class HostTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task Health_Get_Ok()
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void Urls_Default_ThisMachineOnly()
    {
        // docs/web.md: `dotnet run --project src/Hepatica.Web` listens on localhost only unless configured otherwise.
        var configuration = factory.Services.GetRequiredService<IConfiguration>();

        Assert.Equal("http://localhost:5080", configuration["Urls"]);
    }
}
