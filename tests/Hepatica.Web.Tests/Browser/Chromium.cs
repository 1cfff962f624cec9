using Microsoft.Playwright;

namespace Hepatica.Web.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright (docs/testing.md, "Browser tests"): the browser at <c>HEPATICA_CHROMIUM</c> or
/// <c>/usr/bin/chromium</c>, never one Playwright downloads. Started once per test process, headless, with the flags a
/// closed network needs (no background connections, no component updates). When there is no Chromium, a browser test
/// fails under <c>CI=true</c> (where <c>.ci/run</c> installs it) and is skipped with the install command otherwise.
/// </summary>
public static class Chromium
{
    private const string InstallHint = "install Chromium (sudo apt-get install -y chromium) or set HEPATICA_CHROMIUM to its path";

    private static readonly Lazy<Task<(IPlaywright? Playwright, IBrowser? Browser, string? Why)>> Shared = new(StartAsync);

    /// <summary>The shared browser; skips the test (fails under CI) when no Chromium is there.</summary>
    public static async Task<IBrowser> GetAsync()
    {
        var (_, browser, why) = await Shared.Value.ConfigureAwait(false);
        if (browser is null)
        {
            var message = $"Chromium is not available ({why}): {InstallHint}.";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail(message);
            }

            Assert.Skip(message);
        }

        return browser;
    }

    /// <summary>A new browser context (its own cookies and storage) at 1280x900, English, UTC.</summary>
    public static async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions? options = null)
    {
        var browser = await GetAsync().ConfigureAwait(false);
        options ??= new BrowserNewContextOptions();
        options.ViewportSize ??= new ViewportSize { Width = 1280, Height = 900 };
        options.Locale ??= "en-US";
        options.TimezoneId ??= "UTC";
        var context = await browser.NewContextAsync(options).ConfigureAwait(false);
        context.SetDefaultTimeout(15_000);
        return context;
    }

    private static async Task<(IPlaywright?, IBrowser?, string?)> StartAsync()
    {
        var path = Environment.GetEnvironmentVariable("HEPATICA_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        if (!File.Exists(path))
        {
            return (null, null, $"no browser at {path}");
        }

        var playwright = await Playwright.CreateAsync().ConfigureAwait(false);
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = path,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            ],
        }).ConfigureAwait(false);
        return (playwright, browser, null);
    }
}
