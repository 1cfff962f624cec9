using System.Net;
using Hepatica.Web.Tests.CdsHooks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Hepatica.Web.Tests.Browser;

/// <summary>
/// The web host with its pages on real Kestrel at a free loopback port, its own SQLite record in a temp folder, and a
/// browser page of its own (a fresh context) that fails the test on any console error or refused request (a CSP
/// violation shows as one). Disposing it closes the page and the host and deletes the folder.
/// </summary>
internal sealed class PageSite : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings;
    private readonly string folder;
    private IBrowserContext? context;

    private PageSite(Dictionary<string, string?>? settings, TimeProvider? clock)
    {
        folder = Directory.CreateTempSubdirectory("hepatica-pages-").FullName;
        this.settings = new Dictionary<string, string?>
        {
            ["Hepatica:Store"] = Path.Combine(folder, "hepatica.db"),
            ["Hepatica:CdsHooks:RequireJwt"] = "false",
        };
        foreach (var (k, v) in settings ?? [])
        {
            this.settings[k] = v;
        }

        Clock = clock;
        UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>The page, at <see cref="BaseAddress"/>; console errors and page errors land in <see cref="Errors"/>.</summary>
    public IPage Page { get; private set; } = null!;

    /// <summary>Console errors, uncaught page errors and failed requests of the page, in order.</summary>
    public List<string> Errors { get; } = [];

    /// <summary>The host's clock, when the test fixed one.</summary>
    public TimeProvider? Clock { get; }

    public LogCapture Logs { get; } = new();

    /// <summary>Where the server listens (http://127.0.0.1:PORT/).</summary>
    public Uri BaseAddress => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");

    /// <summary>A folder of this site's own, deleted with it (downloads, files to upload).</summary>
    public string Folder => folder;

    /// <summary>Starts the host and opens a page on it (not yet navigated).</summary>
    public static async Task<PageSite> StartAsync(Dictionary<string, string?>? settings = null, TimeProvider? clock = null, BrowserNewContextOptions? options = null)
    {
        var browser = await Chromium.GetAsync();
        _ = browser;
        var site = new PageSite(settings, clock);
        site.StartServer();
        site.context = await Chromium.NewContextAsync(options);
        site.Page = await site.context.NewPageAsync();
        site.Page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                site.Errors.Add("console: " + message.Text);
            }
        };
        site.Page.PageError += (_, error) => site.Errors.Add("page: " + error);
        site.Page.RequestFailed += (_, request) => site.Errors.Add($"request failed: {request.Method} {request.Url} {request.Failure}");
        return site;
    }

    /// <summary>Opens a path of the site (e.g. "" for the clinician page, "report.html") and waits until it is loaded.</summary>
    public async Task<IResponse?> OpenAsync(string path = "")
    {
        var response = await Page.GotoAsync(new Uri(BaseAddress, path).ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        return response;
    }

    /// <summary>Fails when the page logged an error or a request failed (a CSP violation is a console error).</summary>
    public void AssertNoErrors() => Assert.True(Errors.Count == 0, "page errors:\n" + string.Join('\n', Errors));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(settings));
        builder.ConfigureLogging(l => l.AddProvider(Logs));
        if (Clock is { } clock)
        {
            builder.ConfigureTestServices(s => s.AddSingleton(clock));
        }
    }

    public override async ValueTask DisposeAsync()
    {
        if (context is not null)
        {
            await context.DisposeAsync();
        }

        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
