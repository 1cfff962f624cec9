using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Hepatica.Web.Tests.Browser;

/// <summary>
/// The clinician page (/) driven like a user: by labels and the keyboard. Every value the page shows is checked against
/// the API's own answer for the same input (POST /api/assess), never against what the page happened to print.
/// </summary>
public sealed class ClinicianTests
{
    /// <summary>What the test types into the form: demo-001's MELD inputs (samples/demo-001.json).</summary>
    private static readonly JsonObject Typed = JsonNode.Parse("""
        {"sex": "female", "ageYears": 54, "assessmentDate": "2026-11-09",
         "labs": {"bilirubin": {"value": 2.1, "unit": "mg/dL"}, "creatinine": {"value": 150, "unit": "umol/L"}, "inr": {"value": 1.8},
                  "sodium": {"value": 131, "unit": "mmol/L"}, "albumin": {"value": 28, "unit": "g/L"}},
         "findings": {"dialysisTwiceInPastWeek": false, "cirrhosis": true}}
        """)!.AsObject();

    private static async Task<JsonNode> AssessAsync(PageSite site, string body, string contentType = "application/json", string query = "")
    {
        using var client = new HttpClient { BaseAddress = site.BaseAddress };
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var response = await client.PostAsync(new Uri("api/assess?explain=true" + query, UriKind.Relative), content, TestContext.Current.CancellationToken);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
    }

    private static string? ScoreText(JsonNode assessment, string id)
    {
        var score = assessment["scores"]!.AsArray().First(s => s!["id"]!.GetValue<string>() == id)!;
        return score["status"]!.GetValue<string>() switch
        {
            "calculated" => score["value"]!.ToJsonString(),
            "range" => $"{score["minimum"]!.ToJsonString()}–{score["maximum"]!.ToJsonString()}",
            _ => null,
        };
    }

    private static ILocator Score(IPage page, string id) => page.Locator($"article.score[data-score='{id}'] .number");

    private static async Task FillDemoAsync(IPage page)
    {
        await page.GetByLabel("Sex", new() { Exact = true }).SelectOptionAsync("female");
        await page.GetByLabel("Age (years)", new() { Exact = true }).FillAsync("54");
        await page.GetByLabel("Assessment date", new() { Exact = true }).FillAsync("2026-11-09");
        await page.GetByLabel("Bilirubin", new() { Exact = true }).FillAsync("2.1");
        await page.GetByLabel("Bilirubin unit", new() { Exact = true }).SelectOptionAsync("mg/dL");
        await page.GetByLabel("Creatinine", new() { Exact = true }).FillAsync("150");
        await page.GetByLabel("Creatinine unit", new() { Exact = true }).SelectOptionAsync("umol/L");
        await page.GetByLabel("INR", new() { Exact = true }).FillAsync("1.8");
        await page.GetByLabel("Sodium", new() { Exact = true }).FillAsync("131");
        await page.GetByLabel("Sodium unit", new() { Exact = true }).SelectOptionAsync("mmol/L");
        await page.GetByLabel("Albumin", new() { Exact = true }).FillAsync("28");
        await page.GetByLabel("Albumin unit", new() { Exact = true }).SelectOptionAsync("g/L");
        await page.GetByLabel("Dialysis twice in the past week", new() { Exact = true }).SelectOptionAsync("no");
        await page.GetByLabel("Cirrhosis", new() { Exact = true }).SelectOptionAsync("yes");
    }

    [Fact]
    public async Task Form_TypedPatient_ShowsWhatTheApiAnswers()
    {
        await using var site = await PageSite.StartAsync();
        await site.OpenAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(site.Page, "the empty form");
        await FillDemoAsync(site.Page);
        await site.Page.GetByRole(AriaRole.Button, new() { Name = "Assess", Exact = true }).ClickAsync();
        await site.Page.Locator("#results .results").WaitForAsync();

        var expected = await AssessAsync(site, Typed.ToJsonString());
        foreach (var id in new[] { "meld-3.0", "meld-na", "child-pugh", "albi" })
        {
            Assert.Equal(ScoreText(expected, id), await Score(site.Page, id).TextContentAsync());
        }

        Assert.Matches("^#receipt=[0-9a-f]{32}$", await site.Page.EvaluateAsync<string>("location.hash"));
        await Accessibility.AssertNoSeriousViolationsAsync(site.Page, "the results");
        site.AssertNoErrors();
        if (Environment.GetEnvironmentVariable("HEPATICA_SCREENSHOTS") == "1")
        {
            var images = RepoRoot.File("docs", "images");
            Directory.CreateDirectory(images);
            await site.Page.EvaluateAsync("window.scrollTo(0, 0)");
            await site.Page.ScreenshotAsync(new() { Path = Path.Combine(images, "clinician-results.png"), FullPage = false });
        }
    }

    [Fact]
    public async Task UnitSwitch_ReassessesAsTheApiSays()
    {
        await using var site = await PageSite.StartAsync();
        await site.OpenAsync();
        await FillDemoAsync(site.Page);
        await site.Page.GetByRole(AriaRole.Button, new() { Name = "Assess", Exact = true }).ClickAsync();
        await site.Page.Locator("#results .results").WaitForAsync();
        var before = await Score(site.Page, "meld-3.0").TextContentAsync();

        // 150 typed, unit switched to mg/dL: the page sends 150 mg/dL as typed (no silent conversion); the API says what that means.
        await site.Page.GetByLabel("Creatinine unit", new() { Exact = true }).SelectOptionAsync("mg/dL");
        var switched = Typed.DeepClone().AsObject();
        switched["labs"]!["creatinine"]!["unit"] = "mg/dL";
        var expected = await AssessAsync(site, switched.ToJsonString());
        var expectedIssues = expected["issues"]?.AsArray() ?? expected["errors"]?.AsArray();
        await site.Page.WaitForFunctionAsync("b => document.querySelector('#results')?.textContent?.includes('Not assessed') || document.querySelector(\"article[data-score='meld-3.0'] .number\")?.textContent !== b", before);
        if (expected["scores"] is not null)
        {
            Assert.Equal(ScoreText(expected, "meld-3.0"), await Score(site.Page, "meld-3.0").TextContentAsync());
        }
        else
        {
            // 150 mg/dL creatinine is impossible: the API refuses it, and the page says so with the API's issue code.
            Assert.NotNull(expectedIssues);
            var first = expectedIssues![0]!["code"]!.GetValue<string>();
            Assert.Contains(first, await site.Page.Locator("#results").TextContentAsync() ?? "", StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task MissingDialysis_ShowsTheRangeAndTheQuestionThatSettlesIt()
    {
        await using var site = await PageSite.StartAsync();
        await site.OpenAsync();
        await FillDemoAsync(site.Page);
        await site.Page.GetByLabel("Dialysis twice in the past week", new() { Exact = true }).SelectOptionAsync("");
        await site.Page.GetByRole(AriaRole.Button, new() { Name = "Assess", Exact = true }).ClickAsync();
        var card = site.Page.Locator("article.score[data-score='meld-3.0']");
        await card.WaitForAsync();

        var without = Typed.DeepClone().AsObject();
        without["findings"]!.AsObject().Remove("dialysisTwiceInPastWeek");
        var expected = await AssessAsync(site, without.ToJsonString());
        Assert.Equal(ScoreText(expected, "meld-3.0"), await card.Locator(".number").TextContentAsync());
        Assert.Contains("Dialysis twice in the past week", await card.Locator(".range").TextContentAsync() ?? "", StringComparison.Ordinal);

        // The question's button jumps to the field that settles it.
        await card.Locator(".range").GetByRole(AriaRole.Button, new() { Name = "go to field" }).ClickAsync();
        Assert.Equal("f-findings-dialysisTwiceInPastWeek", await site.Page.EvaluateAsync<string>("document.activeElement.id"));
        site.AssertNoErrors();
    }

    [Fact]
    public async Task Breakdown_OnDemand_ListsEveryStepTheApiGives()
    {
        await using var site = await PageSite.StartAsync();
        await site.OpenAsync();
        await FillDemoAsync(site.Page);
        await site.Page.GetByRole(AriaRole.Button, new() { Name = "Assess", Exact = true }).ClickAsync();
        var card = site.Page.Locator("article.score[data-score='albi']");
        await card.WaitForAsync();
        var rows = card.Locator(".breakdown tbody tr");
        Assert.False(await rows.First.IsVisibleAsync());
        await card.GetByText("Breakdown: every step").ClickAsync();
        Assert.True(await rows.First.IsVisibleAsync());
        var expected = await AssessAsync(site, Typed.ToJsonString());
        var steps = expected["scores"]!.AsArray().First(s => s!["id"]!.GetValue<string>() == "albi")!["steps"]!.AsArray();
        Assert.Equal(steps.Count, await rows.CountAsync());
        Assert.Equal(steps[0]!["detail"]!.GetValue<string>(), await rows.First.Locator("td").Nth(3).TextContentAsync());
    }

    [Fact]
    public async Task MixUp_IsShownFirst_WithTheApisMessages()
    {
        await using var site = await PageSite.StartAsync();
        await site.OpenAsync();
        var mixup = await File.ReadAllTextAsync(RepoRoot.File("samples", "mixup-001.json"), TestContext.Current.CancellationToken);
        await site.Page.GetByText("Load or paste a file").ClickAsync();
        await site.Page.GetByLabel("Paste JSON").FillAsync(mixup);
        await site.Page.GetByRole(AriaRole.Button, new() { Name = "Assess pasted input" }).ClickAsync();
        var issues = site.Page.Locator("#results .issues");
        await issues.WaitForAsync();
        var text = await issues.TextContentAsync() ?? "";
        var expected = await AssessAsync(site, mixup);
        var listed = (expected["issues"] ?? expected["errors"])!.AsArray();
        Assert.Contains(listed, i => i!["code"]!.GetValue<string>() == "LAB004");
        foreach (var issue in listed.Where(i => i!["code"]!.GetValue<string>() is "LAB004" or "LAB007"))
        {
            Assert.Contains(issue!["message"]!.GetValue<string>(), text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task FhirBundleFile_WithAsOf_ShowsTheApisScores_AndTheReceiptReopensIt()
    {
        await using var site = await PageSite.StartAsync();
        await site.OpenAsync();
        // The smallest Synthea bundle: a real patient's record, read as of a date inside it.
        var bundle = Directory.GetFiles(RepoRoot.SharedData("fhir-samples", "synthea-r4-bundles"), "*.json").OrderBy(f => new FileInfo(f).Length).First();

        await site.Page.GetByText("Load or paste a file").ClickAsync();
        await site.Page.GetByLabel("FHIR: assess as of").FillAsync("2020-01-01");
        await site.Page.GetByLabel("File", new() { Exact = true }).SetInputFilesAsync(bundle);
        await site.Page.Locator("#results .results").WaitForAsync();
        var expected = await AssessAsync(site, await File.ReadAllTextAsync(bundle, TestContext.Current.CancellationToken), "application/fhir+json", "&asOf=2020-01-01");
        Assert.Contains($"As of {expected["asOf"]!.GetValue<string>()}", await site.Page.Locator("#results .run").TextContentAsync() ?? "", StringComparison.Ordinal);
        var calculated = expected["scores"]!.AsArray().Where(s => s!["status"]!.GetValue<string>() is "calculated" or "range").Select(s => s!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(calculated.Count, await site.Page.Locator(".score-grid:not(.compact) article.score").CountAsync());

        // The receipt link, opened in a fresh browser (no storage shared), shows the same assessment; the URL holds only the id.
        var hash = await site.Page.EvaluateAsync<string>("location.hash");
        await using var fresh = await Chromium.NewContextAsync();
        var page = await fresh.NewPageAsync();
        await page.GotoAsync(new Uri(site.BaseAddress, "/" + hash).ToString());
        await page.Locator("#results .results").WaitForAsync();
        Assert.Equal(await site.Page.Locator("#results .run").TextContentAsync(), await page.Locator("#results .run").TextContentAsync());
        Assert.Matches("/#receipt=[0-9a-f]{32}$", page.Url);
        site.AssertNoErrors();
    }

    [Fact]
    public async Task PrintView_HidesTheForm_AndKeepsTheResults()
    {
        await using var site = await PageSite.StartAsync();
        await site.OpenAsync();
        await FillDemoAsync(site.Page);
        await site.Page.GetByRole(AriaRole.Button, new() { Name = "Assess", Exact = true }).ClickAsync();
        await site.Page.Locator("#results .results").WaitForAsync();
        await site.Page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.False(await site.Page.Locator("form.patient-form").IsVisibleAsync());
        Assert.False(await site.Page.GetByRole(AriaRole.Button, new() { Name = "Print" }).IsVisibleAsync());
        Assert.True(await site.Page.Locator("article.score[data-score='meld-3.0']").IsVisibleAsync());
    }

    [Fact]
    public async Task Keyboard_Only_FillsAndSubmits()
    {
        await using var site = await PageSite.StartAsync();
        await site.OpenAsync();
        var keyboard = site.Page.Keyboard;

        // From the top of the page, Tab reaches the form's fields in order; nothing needs a mouse.
        async Task TabTo(string id)
        {
            for (var i = 0; i < 200; i++)
            {
                await keyboard.PressAsync("Tab");
                if (await site.Page.EvaluateAsync<string>("document.activeElement.id") == id)
                {
                    return;
                }
            }

            Assert.Fail($"Tab never reached #{id}");
        }

        await TabTo("f-ageYears");
        await keyboard.TypeAsync("54");
        await TabTo("f-labs-bilirubin-value");
        await keyboard.TypeAsync("2.1");
        await TabTo("f-labs-creatinine-value");
        await keyboard.TypeAsync("150");
        await TabTo("f-labs-inr-value");
        await keyboard.TypeAsync("1.8");
        await keyboard.PressAsync("Enter"); // submits the form
        await site.Page.Locator("#results .results").WaitForAsync();
        var sent = new JsonObject { ["ageYears"] = 54, ["labs"] = new JsonObject {
            ["bilirubin"] = new JsonObject { ["value"] = 2.1, ["unit"] = await site.Page.InputValueAsync("#f-labs-bilirubin-unit") },
            ["creatinine"] = new JsonObject { ["value"] = 150, ["unit"] = await site.Page.InputValueAsync("#f-labs-creatinine-unit") },
            ["inr"] = new JsonObject { ["value"] = 1.8 } } };
        var expected = await AssessAsync(site, sent.ToJsonString());
        Assert.Equal(ScoreText(expected, "meld"), await Score(site.Page, "meld").TextContentAsync());
        site.AssertNoErrors();
        if (Environment.GetEnvironmentVariable("HEPATICA_SCREENSHOTS") == "1")
        {
            await site.Page.EvaluateAsync("window.scrollTo(0, 0)");
            await site.Page.ScreenshotAsync(new() { Path = RepoRoot.File("docs", "images", "clinician-form.png") });
        }
    }

    [Fact]
    public async Task FhirBundleWithACourse_ShowsTheTrendPlotsWithTheAlertMarkers()
    {
        // The cirrhosis fixture plus a later creatinine of 6.1 mg/dL: a course of two instants with alerts (the same
        // input TimelineApiTests proves equal to the record's timeline).
        var bundle = JsonNode.Parse(Record.RecordInputs.CirrhosisBundle())!.AsObject();
        bundle["entry"]!.AsArray().Add(new JsonObject { ["resource"] = JsonNode.Parse(Record.RecordInputs.Creatinine("cirrhosis-1", "o-creat-later", new DateTimeOffset(2026, 11, 21, 8, 0, 0, TimeSpan.Zero), 6.1m)) });
        var body = bundle.ToJsonString();

        await using var site = await PageSite.StartAsync();
        await site.OpenAsync();
        await site.Page.GetByText("Load or paste a file").ClickAsync();
        await site.Page.GetByLabel("FHIR: assess as of").FillAsync("2026-11-22");
        await site.Page.GetByLabel("Paste JSON").FillAsync(body);
        await site.Page.GetByRole(AriaRole.Button, new() { Name = "Assess pasted input" }).ClickAsync();
        await site.Page.Locator("#results .results").WaitForAsync();

        using var client = new HttpClient { BaseAddress = site.BaseAddress };
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/fhir+json");
        using var response = await client.PostAsync(new Uri("api/timeline", UriKind.Relative), content, TestContext.Current.CancellationToken);
        var timeline = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        var alerts = timeline["report"]!["alerts"]!.AsArray();
        Assert.NotEmpty(alerts);

        var trends = site.Page.Locator("#trends");
        await Assertions.Expect(trends.Locator("canvas").First).ToBeVisibleAsync();
        foreach (var alert in alerts)
        {
            await Assertions.Expect(trends).ToContainTextAsync(alert!["text"]!.GetValue<string>());
        }

        site.AssertNoErrors();
    }
}
