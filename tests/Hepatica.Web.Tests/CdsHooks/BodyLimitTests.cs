using System.Net;
using System.Text;

namespace Hepatica.Web.Tests.CdsHooks;

/// <summary>
/// Hepatica:CdsHooks:MaxRequestBodyBytes (docs/cds-hooks.md): a service call or feedback body one byte over the limit is
/// refused with 413 before it is parsed; one at the limit is served.
/// </summary>
public sealed class BodyLimitTests
{
    private static CdsHost Limited(long bytes) => new(new()
    {
        ["Hepatica:CdsHooks:RequireJwt"] = "false",
        ["Hepatica:CdsHooks:MaxRequestBodyBytes"] = bytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    private static string Request() => Requests.Json(Requests.PatientView(Requests.Fixture("hepatitis-b-serology.json")));

    [Fact]
    public async Task Call_BodyAtTheLimit_Served()
    {
        var body = Request();
        await using var host = Limited(Encoding.UTF8.GetByteCount(body));
        var (response, _) = await host.PostJson("/cds-services/hepatica-patient-view", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Call_BodyOneByteOverTheLimit_413NamingTheSetting()
    {
        var body = Request();
        await using var host = Limited(Encoding.UTF8.GetByteCount(body) - 1);
        var (response, problem) = await host.PostJson("/cds-services/hepatica-patient-view", body);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var issue = problem!["issues"]![0]!;
        Assert.Equal(("API001", "error", "$"), ((string?)issue["code"], (string?)issue["severity"], (string?)issue["path"]));
        Assert.Contains("Hepatica:CdsHooks:MaxRequestBodyBytes", (string?)issue["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feedback_BodyOverTheLimit_413()
    {
        await using var host = Limited(16);
        var (response, _) = await host.PostJson("/cds-services/hepatica-patient-view/feedback", """{"feedback":[{"card":"00000000-0000-0000-0000-000000000000","outcome":"accepted","outcomeTimestamp":"2026-11-21T09:00:00Z"}]}""");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Start_NonPositiveLimit_RefusedNamingTheSetting()
    {
        await using var host = Limited(0);
        var e = await Assert.ThrowsAnyAsync<Exception>(() => host.PostJson("/cds-services/hepatica-patient-view", Request()));
        Assert.Contains("MaxRequestBodyBytes must be positive", e.ToString(), StringComparison.Ordinal);
    }
}
