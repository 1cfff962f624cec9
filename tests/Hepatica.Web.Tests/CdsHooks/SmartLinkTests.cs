using System.Net;
using System.Text.Json;

namespace Hepatica.Web.Tests.CdsHooks;

/// <summary>
/// The SMART app link on cards (CDS Hooks 2.0 Link, type "smart"): every card links to the app's launch URL when
/// Hepatica:Pages:Smart:LaunchUrl is set, with an appContext naming the hook and the card; no link when it is not set.
/// </summary>
public sealed class SmartLinkTests
{
    private const string Launch = "https://hepatica.example.org/launch.html";

    [Fact]
    public async Task LaunchUrlSet_EveryCardLinksToTheApp()
    {
        await using var host = new CdsHost(new() { ["Hepatica:CdsHooks:RequireJwt"] = "false", ["Hepatica:Pages:Smart:LaunchUrl"] = Launch });
        var (response, body) = await host.PostJson("/cds-services/" + PatientViewService(), Requests.PatientView(Requests.Fixture("cirrhosis-ascites-dialysis.json")).ToJsonString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cards = Json.Cards(body).ToList();
        Assert.NotEmpty(cards);
        foreach (var card in cards)
        {
            var link = Assert.Single(card["links"]!.AsArray(), l => l!["type"]!.GetValue<string>() == "smart")!;
            Assert.Equal(Launch, link["url"]!.GetValue<string>());
            var context = JsonDocument.Parse(link["appContext"]!.GetValue<string>()).RootElement;
            Assert.Equal("patient-view", context.GetProperty("hook").GetString());
            Assert.Equal(card["uuid"]!.GetValue<string>(), context.GetProperty("card").GetString());
        }
    }

    [Fact]
    public async Task LaunchUrlUnset_NoCardHasASmartLink()
    {
        await using var host = new CdsHost(new() { ["Hepatica:CdsHooks:RequireJwt"] = "false" });
        var (response, body) = await host.PostJson("/cds-services/" + PatientViewService(), Requests.PatientView(Requests.Fixture("cirrhosis-ascites-dialysis.json")).ToJsonString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(Json.Cards(body));
        Assert.DoesNotContain(Json.Cards(body), c => c["links"]?.AsArray().Any(l => l!["type"]!.GetValue<string>() == "smart") == true);
    }

    private static string PatientViewService() => Web.CdsHooks.CdsServices.All.First(s => s.Hook == "patient-view").Id;
}
