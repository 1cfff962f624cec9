using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using UglyToad.PdfPig;
using static Hepatica.Web.Tests.Api;

namespace Hepatica.Web.Tests.Browser;

/// <summary>
/// The patient report (/report.html#receipt=ID) for the demo patient, saved through POST /api/receipts (and once
/// handed over through sessionStorage, "hepatica.report"): its sections, the MELD 3.0 survival as 100 people with the API's number in
/// words, the vaccines with the API's statuses and dates, the PDF Chromium prints of it, axe-core clean, no page errors.
/// </summary>
public sealed partial class ReportTests
{
    private static readonly string[] Months =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    [Fact]
    public async Task Report_DemoPatient_ShowsEverySectionInPlainWords()
    {
        await using var site = await PageSite.StartAsync();
        var assessment = await OpenReportAsync(site, File.ReadAllText(Demo));
        var page = site.Page;

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your liver health report", Level = 1 })).ToBeVisibleAsync();
        foreach (var heading in new[] { "What was measured", "Your plan", "Questions to ask your team", "Words in this report" })
        {
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 2 })).ToBeVisibleAsync();
        }

        await Expect(page.GetByText($"Report date: {LongDate(assessment["asOf"]!.GetValue<string>())}.")).ToBeVisibleAsync();
        await Expect(page.GetByText("This report does not replace your care team.")).ToBeVisibleAsync();

        // Each score the report explains appears with the API's value and category.
        var childPugh = Score(assessment, "child-pugh");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Child-Pugh class {childPugh["category"]!.GetValue<string>()}" })).ToBeVisibleAsync();
        var meld3 = Score(assessment, "meld-3.0");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"MELD 3.0 score: {meld3["value"]}" })).ToBeVisibleAsync();

        // The glossary explains each term once.
        var terms = await page.Locator(".glossary dt").AllTextContentsAsync();
        Assert.Contains("liver", terms);
        Assert.Contains("MELD", terms);
        Assert.Equal(terms.Count, terms.Distinct().Count());

        await Accessibility.AssertNoSeriousViolationsAsync(page, "patient report");
        site.AssertNoErrors();
    }

    [Fact]
    public async Task Report_Meld3Survival_IconArrayOfOneHundredWithTheApisNumberInWords()
    {
        await using var site = await PageSite.StartAsync();
        var assessment = await OpenReportAsync(site, File.ReadAllText(Demo));

        var alive = Alive(assessment);
        var figure = site.Page.GetByRole(AriaRole.Img, new() { Name = $"A picture of 100 people: {alive} are filled in and {100 - alive} are empty." });
        await Expect(figure).ToBeVisibleAsync();
        Assert.Equal(100, await figure.Locator("g.person").CountAsync());
        Assert.Equal(alive, await figure.Locator("g.person.alive").CountAsync());
        await Expect(site.Page.GetByText($"About {alive} of them are still alive 3 months later, and about {100 - alive} are not.")).ToBeVisibleAsync();
        site.AssertNoErrors();
    }

    [Fact]
    public async Task Report_Vaccines_TheApisStatusesAndDates()
    {
        await using var site = await PageSite.StartAsync();
        // The demo patient with a first hepatitis A dose a month before: the second is due on a date.
        var snapshot = JsonNode.Parse(File.ReadAllText(Demo))!.AsObject();
        snapshot["vaccinations"] = new JsonArray(new JsonObject { ["vaccine"] = "hepa", ["date"] = "2026-10-09" });
        var assessment = await OpenReportAsync(site, snapshot.ToJsonString());

        var recommendations = assessment["prevention"]!["recommendations"]!.AsArray().Select(r => r!.AsObject()).Where(r => r["id"]!.GetValue<string>() != "alcohol").ToList();
        Assert.Contains(recommendations, r => r["status"]!.GetValue<string>() == "due-on");
        foreach (var r in recommendations)
        {
            var item = site.Page.Locator($"li[data-recommendation='{r["id"]!.GetValue<string>()}']");
            var dueOn = r["dueOn"]?.GetValue<string>() is { } d ? LongDate(d) : null;
            var label = (r["status"]!.GetValue<string>(), dueOn) switch
            {
                ("due-now", _) => "Due now",
                ("due-on", { } date) => $"Due on {date}",
                ("complete", null) => "Done",
                ("complete", { } date) => $"Done. Next dose due on {date}",
                ("caution", _) => "Ask your team first",
                ("not-recommended", _) => "Not for you",
                ("after-recovery", _) => "After you get better",
                var other => throw new InvalidOperationException($"unexpected status {other}"),
            };
            await Expect(item.Locator("strong")).ToHaveTextAsync(label);
            await Expect(item).ToContainTextAsync(r["patient"]!.GetValue<string>());
        }

        var alcohol = assessment["prevention"]!["recommendations"]!.AsArray().Single(r => r!["id"]!.GetValue<string>() == "alcohol")!;
        await Expect(site.Page.Locator("p[data-recommendation='alcohol']")).ToHaveTextAsync(alcohol["patient"]!.GetValue<string>());
        site.AssertNoErrors();
    }

    [Fact]
    public async Task Report_Medicines_AskAboutEachReactivationMedicine()
    {
        await using var site = await PageSite.StartAsync();
        var assessment = await OpenReportAsync(site, File.ReadAllText(RepoRoot.File("samples", "immune-001.json")));

        var reactivation = assessment["immunity"]!["reactivation"]!.AsArray();
        Assert.NotEmpty(reactivation);
        await Expect(site.Page.GetByRole(AriaRole.Heading, new() { Name = "Medicines to ask about" })).ToBeVisibleAsync();
        foreach (var r in reactivation)
        {
            var medication = r!["medication"]!.GetValue<string>();
            await Expect(site.Page.GetByText($"You take {medication}. Ask your team if you need a medicine to keep hepatitis B from harming your liver while you take it.")).ToBeVisibleAsync();
        }

        await Expect(site.Page.GetByText("Do I need medicine to protect my liver while I take my other medicines?")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(site.Page, "patient report with medicines");
        site.AssertNoErrors();
    }

    [Fact]
    public async Task Report_PrintToPdf_APdfWithTheReportsTextAndNoButtons()
    {
        await using var site = await PageSite.StartAsync();
        var assessment = await OpenReportAsync(site, File.ReadAllText(Demo));

        var print = site.Page.GetByRole(AriaRole.Button, new() { Name = "Save as PDF / Print" });
        await Expect(print).ToBeVisibleAsync();
        await site.Page.Keyboard.PressAsync("Tab");
        await Expect(print).ToBeFocusedAsync();

        await site.Page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(print).ToBeHiddenAsync();

        foreach (var format in new[] { "A4", "Letter" })
        {
            var pdf = await site.Page.PdfAsync(new() { Format = format, PrintBackground = true });
            Assert.True(pdf.Length > 5_000, $"{format}: PDF of {pdf.Length} bytes");
            Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
            using var document = PdfDocument.Open(pdf);
            var text = Spaces().Replace(string.Join(' ', document.GetPages().Select(p => string.Join(' ', p.GetWords().Select(w => w.Text)))), " ");
            Assert.Contains("Your liver health report", text, StringComparison.Ordinal);
            Assert.Contains("What was measured", text, StringComparison.Ordinal);
            Assert.Contains("Questions to ask your team", text, StringComparison.Ordinal);
            Assert.Contains("does not replace your care team", text, StringComparison.Ordinal);
            Assert.Contains($"About {Alive(assessment)} of them are still alive 3 months later", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Save as PDF", text, StringComparison.Ordinal);
        }

        site.AssertNoErrors();
    }

    [Fact]
    public async Task Report_HandedOverInSessionStorage_ShowsThatAssessmentWithNothingInTheUrl()
    {
        await using var site = await PageSite.StartAsync();
        var assessment = await AssessAsync(site, File.ReadAllText(Demo));
        await site.OpenAsync("report.html");
        await site.Page.EvaluateAsync("json => sessionStorage.setItem('hepatica.report', json)", assessment.ToJsonString());
        await site.Page.ReloadAsync(new() { WaitUntil = WaitUntilState.NetworkIdle });

        var meld3 = Score(assessment, "meld-3.0");
        await Expect(site.Page.GetByRole(AriaRole.Heading, new() { Name = $"MELD 3.0 score: {meld3["value"]}" })).ToBeVisibleAsync();
        Assert.DoesNotContain("#", site.Page.Url, StringComparison.Ordinal);
        Assert.DoesNotContain("?", site.Page.Url, StringComparison.Ordinal);
        site.AssertNoErrors();
    }

    [Fact]
    public async Task Report_UnknownReceipt_SaysItCouldNotLoad()
    {
        await using var site = await PageSite.StartAsync();
        await site.OpenAsync("report.html#receipt=" + new string('0', 32));
        await Expect(site.Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("We could not load your report. Please ask your care team for help.");
        // Chromium logs the 404 itself as a console error, so AssertNoErrors does not apply here.
    }

    [Fact]
    public async Task Report_NothingHandedOver_SaysSoWithoutErrors()
    {
        await using var site = await PageSite.StartAsync();
        await site.OpenAsync("report.html");
        await Expect(site.Page.GetByText("There is no report to show.")).ToBeVisibleAsync();
        Assert.DoesNotContain("#", site.Page.Url, StringComparison.Ordinal);
        site.AssertNoErrors();
    }

    [Fact]
    public async Task Report_Screenshot_ForTheDocs()
    {
        if (Environment.GetEnvironmentVariable("HEPATICA_SCREENSHOTS") != "1")
        {
            Assert.Skip("set HEPATICA_SCREENSHOTS=1 to write docs/images/patient-report.png");
        }

        await using var site = await PageSite.StartAsync(options: new() { ViewportSize = new() { Width = 900, Height = 1200 } });
        await OpenReportAsync(site, File.ReadAllText(Demo));
        Directory.CreateDirectory(RepoRoot.File("docs", "images"));
        await site.Page.ScreenshotAsync(new() { Path = RepoRoot.File("docs", "images", "patient-report.png"), FullPage = true });
    }

    /// <summary>A date of the API (YYYY-MM-DD) as the report writes it in English ("November 9, 2026").</summary>
    private static string LongDate(string iso)
    {
        var date = DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return $"{Months[date.Month - 1]} {date.Day}, {date.Year}";
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    /// <summary>The API's MELD 3.0 90-day survival as people out of 100.</summary>
    private static int Alive(JsonObject assessment) =>
        (int)Math.Round(Score(assessment, "meld-3.0")["extras"]!["survival90Day"]!.GetValue<double>() * 100, MidpointRounding.AwayFromZero);

    private static JsonObject Score(JsonObject assessment, string id) =>
        assessment["scores"]!.AsArray().Single(s => s!["id"]!.GetValue<string>() == id)!.AsObject();

    /// <summary>Saves the snapshot as a receipt (POST /api/receipts), opens report.html#receipt=ID and gives the receipt's assessment.</summary>
    private static async Task<JsonObject> OpenReportAsync(PageSite site, string snapshot)
    {
        using var client = new HttpClient { BaseAddress = site.BaseAddress };
        using var response = await Post(client, "api/receipts", Body(snapshot));
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var receipt = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!.AsObject();
        await site.OpenAsync($"report.html#receipt={receipt["id"]!.GetValue<string>()}");
        await Assertions.Expect(site.Page.GetByRole(AriaRole.Heading, new() { Name = "What was measured" })).ToBeVisibleAsync();
        return receipt["assessment"]!.AsObject();
    }

    /// <summary>The API's own assessment (full detail, with the patient texts) of a snapshot.</summary>
    private static async Task<JsonObject> AssessAsync(PageSite site, string snapshot)
    {
        using var client = new HttpClient { BaseAddress = site.BaseAddress };
        using var response = await Post(client, "api/assess?explain=true", Body(snapshot));
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!.AsObject();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
