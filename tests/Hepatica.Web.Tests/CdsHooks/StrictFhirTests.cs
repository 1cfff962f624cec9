using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Hepatica.Web.Tests.CdsHooks;

/// <summary>
/// The fast prefetch readers never change a card (decision 0007): every sample request and the FHIR fixtures answer
/// the same, card for card, with <c>Hepatica:CdsHooks:StrictFhir</c> (every prefetch value parsed by Firely, the path
/// before) as by default.
/// </summary>
public sealed partial class StrictFhirTests
{
    public static TheoryData<string> Samples => new(Directory.EnumerateFiles(RepoRoot.SharedData("fhir-samples", "cds-hooks-examples"), "*.json")
        .Select(Path.GetFileName).Where(f => f != "feedback.json").Order(StringComparer.Ordinal)!); // feedback.json is a feedback post, not a hook call

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task SampleRequest_SameCardsStrictOrNot(string file)
    {
        Assert.Equal(await Answer(file, strict: true), await Answer(file, strict: false));
    }

    [Theory]
    [InlineData("cirrhosis-ascites-dialysis.json")]
    [InlineData("hepatitis-b-serology.json")]
    [InlineData("hys-law-hepatitis-a.json")]
    [InlineData("acute-liver-failure.json")]
    public async Task Fixture_SameCardsStrictOrNot(string fixture)
    {
        var request = Requests.PatientView(Requests.Fixture(fixture)).ToJsonString();
        Assert.Equal(await Post(request, null, strict: true), await Post(request, null, strict: false));
    }

    private static async Task<string> Answer(string file, bool strict)
    {
        await using var fhir = await LocalFhirServer.Start();
        var request = JsonNode.Parse(Requests.Sample(file))!;
        request["fhirServer"] = fhir.BaseUrl.AbsoluteUri;
        return await Post(request.ToJsonString(), fhir.BaseUrl, strict);
    }

    private static async Task<string> Post(string request, Uri? fhir, bool strict)
    {
        var setting = new Dictionary<string, string?> { ["Hepatica:CdsHooks:StrictFhir"] = strict ? "true" : "false" };
        await using var host = fhir is null ? new CdsHost(new() { ["Hepatica:CdsHooks:RequireJwt"] = "false", ["Hepatica:CdsHooks:StrictFhir"] = setting["Hepatica:CdsHooks:StrictFhir"] }) : CdsHost.Fetching(fhir, setting);
        var (response, body) = await host.PostJson("/cds-services/hepatica-patient-view", request);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.PreconditionFailed, response.StatusCode.ToString());
        return Uuid().Replace(body?.ToJsonString(Json.Options) ?? string.Empty, "\"uuid\": \"<uuid>\"");
    }

    [GeneratedRegex("\"uuid\": \"[0-9a-f-]{36}\"")]
    private static partial Regex Uuid();
}
