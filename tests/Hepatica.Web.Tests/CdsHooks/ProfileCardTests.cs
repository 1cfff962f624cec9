using System.Net;
using System.Text.Json.Nodes;

namespace Hepatica.Web.Tests.CdsHooks;

/// <summary>
/// CDS Hooks under the <c>Hepatica:Profile</c> setting (issue 11 s.4): the referral card is the profile's (MELD ≥ 15,
/// AASLD/AST 2013, under us; UKELD ≥ 49, NHSBT POL195, under uk), every card's detail names the profile, and the
/// response extension carries it. The fixture: cirrhosis, MELD 3.0 35, UKELD 63.
/// </summary>
public sealed class ProfileCardTests
{
    private const string Path = "/cds-services/hepatica-patient-view";

    private static async Task<JsonNode?> Call(string? profile)
    {
        var settings = new Dictionary<string, string?> { ["Hepatica:CdsHooks:RequireJwt"] = "false" };
        if (profile is not null)
        {
            settings["Hepatica:Profile"] = profile;
        }

        await using var host = new CdsHost(settings);
        var (response, body) = await host.PostJson(Path, Requests.Json(Requests.PatientView(Requests.Fixture("cirrhosis-ascites-dialysis.json"))));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        CardContract.Check(body);
        return body;
    }

    [Theory]
    [InlineData(null, "us", "OPTN, AASLD, ACIP", "Cirrhosis with MELD 3.0", "UKELD 63")]
    [InlineData("uk", "uk", "NHSBT liver selection policy (UKELD), EASL", "UKELD 63", "Cirrhosis with MELD 3.0")]
    public async Task PatientView_ProfileSetting_CardsAndExtensionFollowIt(string? setting, string profile, string sources, string shown, string hidden)
    {
        var body = await Call(setting);
        var cards = Json.Cards(body).ToList();
        Assert.Contains(cards, c => ((string)c["summary"]!).StartsWith(shown, StringComparison.Ordinal));
        Assert.DoesNotContain(cards, c => ((string)c["summary"]!).StartsWith(hidden, StringComparison.Ordinal));
        Assert.All(cards, c => Assert.EndsWith($"_Guideline profile: {profile} ({sources})._", (string)c["detail"]!, StringComparison.Ordinal));
        Assert.Equal(profile, (string?)body!["extension"]!["org.hepatica.assessment"]!["profile"]);
    }
}
