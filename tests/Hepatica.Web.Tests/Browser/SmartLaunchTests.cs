using System.Text.Json.Nodes;
using Hepatica.Web.Tests.Browser.Smart;
using Microsoft.Playwright;

namespace Hepatica.Web.Tests.Browser;

/// <summary>
/// SMART App Launch 2.x end to end against a test EHR on loopback (<see cref="SmartEhr"/>): the EHR launch and the
/// standalone launch through fhirclient (authorization code with PKCE S256), the record read from the EHR's FHIR server
/// with each value's resource, date and age, a correction that is listed and sent, and write-back off by default.
/// </summary>
public sealed class SmartLaunchTests
{
    /// <summary>The cirrhosis fixture (MELD 3.0 35 with dialysis, ascites; tests/Hepatica.Fhir.Tests/Fixtures), its dates made recent by the EHR.</summary>
    private static string Record() => Api.Cirrhosis;

    /// <summary>A real Synthea record, read whole (every page, every type the reader uses).</summary>
    private static string SyntheaBundle() =>
        Directory.GetFiles(RepoRoot.SharedData("fhir-samples", "synthea-r4-bundles"), "*.json").OrderBy(f => new FileInfo(f).Length).First();

    private static async Task<(SmartEhr Ehr, PageSite Site)> StartAsync(bool writeBack = false, string? record = null)
    {
        var ehr = await SmartEhr.StartAsync(record ?? Record());
        var settings = new Dictionary<string, string?> { ["Hepatica:Pages:ConnectSources:0"] = ehr.Origin };
        if (writeBack)
        {
            settings["Hepatica:Pages:Smart:WriteBack"] = "true";
        }

        var site = await PageSite.StartAsync(settings);
        ehr.AppOrigin = site.BaseAddress.GetLeftPart(UriPartial.Authority);
        return (ehr, site);
    }

    [Fact]
    public async Task EhrLaunch_ReadsTheRecord_ShowsEachValuesSource_AndSendsTheCorrection()
    {
        var (ehr, site) = await StartAsync();
        await using var _ = ehr;
        await using var __ = site;
        await site.Page.GotoAsync($"{site.BaseAddress}launch.html?iss={Uri.EscapeDataString(ehr.FhirBase)}&launch={ehr.LaunchToken}");
        var table = site.Page.Locator("#ehr table.sources");
        await table.WaitForAsync(new() { Timeout = 30_000 });

        Assert.True(ehr.PkceVerified, "the token request did not prove the PKCE S256 challenge");
        var scope = ehr.GrantedScope!.Split(' ');
        Assert.Contains("launch", scope);
        Assert.Contains("openid", scope);
        Assert.Contains("fhirUser", scope);
        // Read scopes for exactly the types the FHIR reader reads (src/Hepatica.Fhir), no more.
        Assert.Equal(
            ["Condition", "Immunization", "MedicationRequest", "MedicationStatement", "Observation", "Patient", "Procedure"],
            scope.Where(s => s.StartsWith("patient/", StringComparison.Ordinal) && s.EndsWith(".rs", StringComparison.Ordinal)).Select(s => s["patient/".Length..^".rs".Length]).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(scope, s => s.EndsWith(".c", StringComparison.Ordinal)); // no write scopes unless write-back is on
        Assert.Contains($"Patient/{ehr.PatientId}", await site.Page.Locator("#ehr h2").TextContentAsync() ?? "", StringComparison.Ordinal);
        Assert.Contains(ehr.Requests, r => r.StartsWith("GET /fhir/Observation?patient=" + ehr.PatientId, StringComparison.Ordinal));
        Assert.Equal(0, await site.Page.Locator("#ehr-write-back").CountAsync());

        // Each row names a resource the EHR holds and its date; the page shows what the API's FHIR reader said.
        var rows = table.Locator("tbody tr");
        Assert.True(await rows.CountAsync() > 0, "no value was read from the record");
        var firstResource = await rows.First.Locator("td").Nth(2).TextContentAsync();
        Assert.Matches("^[A-Za-z]+/[A-Za-z0-9.-]+$", firstResource);
        await Accessibility.AssertNoSeriousViolationsAsync(site.Page, "the EHR source table");

        // Correct the first correctable value: the change is listed and the assessment sent carries it.
        var correctable = table.Locator("tbody tr").Filter(new() { Has = site.Page.Locator("button.correct") }).First;
        var path = await correctable.Locator("td").First.TextContentAsync();
        var resource = await correctable.Locator("td").Nth(2).TextContentAsync();
        await correctable.Locator("input").FillAsync("4.2");
        await correctable.GetByRole(AriaRole.Button, new() { Name = "Correct" }).ClickAsync();
        Assert.Contains($"{path}: ", await site.Page.Locator("#ehr ul.corrections").TextContentAsync() ?? "", StringComparison.Ordinal);
        Assert.Contains("corrected by the clinician", await site.Page.Locator("#ehr ul.corrections").TextContentAsync() ?? "", StringComparison.Ordinal);

        var sent = site.Page.WaitForRequestAsync(r => r.Url.Contains("/api/receipts", StringComparison.Ordinal) && r.Method == "POST");
        await site.Page.GetByRole(AriaRole.Button, new() { Name = "Assess with these values" }).ClickAsync();
        var body = JsonNode.Parse((await sent).PostData!)!;
        var id = resource!.Split('/')[1];
        var observation = body["entry"]!.AsArray().Select(e => e!["resource"]!).First(r => r["id"]!.GetValue<string>() == id);
        Assert.Equal(4.2m, observation["valueQuantity"]!["value"]!.GetValue<decimal>());
        await site.Page.Locator("#results .results").WaitForAsync();
        site.AssertNoErrors();
        if (Environment.GetEnvironmentVariable("HEPATICA_SCREENSHOTS") == "1")
        {
            await site.Page.EvaluateAsync("window.scrollTo(0, 0)");
            await site.Page.ScreenshotAsync(new() { Path = RepoRoot.File("docs", "images", "smart-ehr.png") });
        }
    }

    [Fact]
    public async Task StandaloneLaunch_AsksForThePatientContext()
    {
        var (ehr, site) = await StartAsync(record: SyntheaBundle());
        await using var _ = ehr;
        await using var __ = site;
        await site.Page.GotoAsync($"{site.BaseAddress}launch.html?iss={Uri.EscapeDataString(ehr.FhirBase)}");
        await site.Page.Locator("#ehr table.sources").WaitForAsync(new() { Timeout = 30_000 });
        Assert.Contains("launch/patient", ehr.GrantedScope!.Split(' '));
        Assert.True(ehr.PkceVerified);
        site.AssertNoErrors();
    }

    [Fact]
    public async Task WriteBack_OnBySetting_PostsObservationsAndProvenanceToTheEhr()
    {
        var (ehr, site) = await StartAsync(writeBack: true);
        await using var _ = ehr;
        await using var __ = site;
        await site.Page.GotoAsync($"{site.BaseAddress}launch.html?iss={Uri.EscapeDataString(ehr.FhirBase)}&launch={ehr.LaunchToken}");
        await site.Page.Locator("#ehr table.sources").WaitForAsync(new() { Timeout = 30_000 });
        Assert.Contains("patient/Observation.c", ehr.GrantedScope!.Split(' '));
        Assert.Contains("patient/Provenance.c", ehr.GrantedScope!.Split(' '));
        await site.Page.GetByRole(AriaRole.Button, new() { Name = "Write the results to the EHR" }).ClickAsync();
        await site.Page.Locator("#ehr .written").Filter(new() { HasText = "Written to the EHR" }).WaitForAsync();
        var posted = Assert.Single(ehr.Posted);
        Assert.Equal("transaction", posted["type"]!.GetValue<string>());
        var types = posted["entry"]!.AsArray().Select(e => e!["resource"]!["resourceType"]!.GetValue<string>()).ToHashSet();
        Assert.Contains("Observation", types);
        Assert.Contains("Provenance", types);
        site.AssertNoErrors();
    }
}
