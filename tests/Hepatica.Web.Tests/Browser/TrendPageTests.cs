using System.Net;
using Hepatica.Web.Tests.Record;
using Microsoft.Playwright;

namespace Hepatica.Web.Tests.Browser;

/// <summary>
/// The trends page (/trends.html#patient=id) over a record whose MELD 3.0 rises by 5 or more within 30 days (two
/// snapshots of demo-001, 30 days apart, bilirubin 2.1 then 12 mg/dL): the plot, the alert at the instant the record's
/// own alert gives, a point's inputs by keyboard, axe-core clean, no page errors.
/// </summary>
public sealed class TrendPageTests
{
    private const string Patient = "p-trend";

    private static async Task<PageSite> WithRisingMeld()
    {
        var site = await PageSite.StartAsync();
        using var client = new HttpClient { BaseAddress = site.BaseAddress };
        foreach (var (date, bilirubin) in new[] { ("2026-10-10", 2.1m), ("2026-11-09", 12m) })
        {
            using var response = await RecordInputs.Send(client, HttpMethod.Post, "api/record", RecordInputs.Snapshot(Patient, date, bilirubin));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        return site;
    }

    [Fact]
    public async Task Trends_RecordWithMeldRise_ShowsThePlotTheAlertAndAPointsInputs()
    {
        await using var site = await WithRisingMeld();
        using var client = new HttpClient { BaseAddress = site.BaseAddress };
        using var alerts = await RecordInputs.Send(client, HttpMethod.Get, $"api/record/alerts?patient={Patient}&state=all&rule=meld3-30d-change");
        var alert = (await RecordInputs.Node(alerts))["alerts"]!.AsArray().Single()!["candidate"]!;
        var at = ((string)alert["latestAt"]!)[..10];

        await site.OpenAsync($"trends.html#patient={Patient}");
        var page = site.Page;

        var meld = page.GetByRole(AriaRole.Figure, new() { Name = "MELD 3.0 (points)" });
        await Assertions.Expect(meld).ToBeVisibleAsync();
        await Assertions.Expect(meld.Locator("canvas")).ToHaveCountAsync(1);
        var marks = meld.GetByRole(AriaRole.List, new() { Name = "MELD 3.0: alerts and course facts" });
        await Assertions.Expect(marks).ToContainTextAsync($"Alert (warning) {at}");
        await Assertions.Expect(marks).ToContainTextAsync((string)alert["text"]!);

        await meld.GetByText("MELD 3.0: table of the 2 values").ClickAsync();
        await Assertions.Expect(meld.GetByRole(AriaRole.List, new() { Name = "Bands, bottom to top" })).ToContainTextAsync("(3-month mortality");
        await Assertions.Expect(meld.GetByRole(AriaRole.Row).Filter(new() { HasText = at })).ToBeVisibleAsync();
        var show = meld.GetByRole(AriaRole.Button, new() { Name = $"Show inputs of {at}" });
        await show.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        var detail = page.GetByRole(AriaRole.Heading, new() { Name = $"MELD 3.0 as of {at}" });
        await Assertions.Expect(detail).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("bilirubin: 12")).ToBeVisibleAsync();
        var link = page.GetByRole(AriaRole.Link, new() { Name = "Open this assessment" });
        var href = await link.GetAttributeAsync("href");
        Assert.StartsWith($"/api/record/patients/{Patient}/assessments/{at}", Uri.UnescapeDataString(href!), StringComparison.Ordinal);
        using var assessment = await RecordInputs.Send(client, HttpMethod.Get, href!.TrimStart('/'));
        Assert.Equal(HttpStatusCode.OK, assessment.StatusCode); // the link opens that instant's stored assessment

        await Accessibility.AssertNoSeriousViolationsAsync(page, "trends page");
        site.AssertNoErrors();

        if (Environment.GetEnvironmentVariable("HEPATICA_SCREENSHOTS") == "1")
        {
            await page.ScreenshotAsync(new() { Path = Hepatica.Tests.RepoRoot.File("docs", "images", "trends.png"), FullPage = true });
        }
    }

    [Fact]
    public async Task Trends_OneInstantOnly_SaysSoInWords()
    {
        await using var site = await PageSite.StartAsync();
        using var client = new HttpClient { BaseAddress = site.BaseAddress };
        using var response = await RecordInputs.Send(client, HttpMethod.Post, "api/record", RecordInputs.Snapshot("p-once"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await site.OpenAsync("trends.html#patient=p-once");

        await Assertions.Expect(site.Page.GetByText("Nothing to plot: the course has one instant only")).ToBeVisibleAsync();
        await Assertions.Expect(site.Page.Locator("canvas")).ToHaveCountAsync(0);
        site.AssertNoErrors();
    }
}
