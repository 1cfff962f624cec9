using System.Net;
using System.Text.Json.Nodes;

namespace Hepatica.Web.Tests.CdsHooks;

/// <summary>
/// Bodies that are not valid CDS Hooks requests: 400 with every problem (ProblemDetails), never 500; each problem a coded
/// issue {code, severity, path, message} as under /api (docs/cds-hooks.md: CDS001-CDS005).
/// </summary>
public sealed class BadBodyTests
{
    private const string PatientView = "/cds-services/hepatica-patient-view";

    private static JsonObject Valid() => Requests.PatientView(Requests.Fixture("hepatitis-b-serology.json"));

    private static async Task<JsonNode?> Rejected(string body, string path = PatientView)
    {
        await using var host = new CdsHost();
        var (response, problem) = await host.PostJson(path, body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return problem;
    }

    /// <summary>The issues of a problem as (code, path, message), after checking each has the /api shape.</summary>
    private static List<(string Code, string Path, string Message)> Issues(JsonNode? problem)
    {
        var issues = problem!["issues"]!.AsArray().Select(i => i!.AsObject()).ToList();
        Assert.All(issues, i => Assert.Equal(["code", "severity", "path", "message"], i.Select(p => p.Key)));
        Assert.All(issues, i => Assert.Equal("error", (string?)i["severity"]));
        Assert.Equal((string?)problem["detail"], string.Join("; ", issues.Select(i => (string?)i["message"])));
        return [.. issues.Select(i => ((string)i["code"]!, (string)i["path"]!, (string)i["message"]!))];
    }

    private static string Without(string key) { var r = Valid(); r.Remove(key); return Requests.Json(r); }

    [Fact]
    public async Task Not_json_400()
    {
        var issue = Assert.Single(Issues(await Rejected("{not json")));
        Assert.Equal(("CDS001", "$"), (issue.Code, issue.Path));
        Assert.StartsWith("the body is not JSON: ", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Array_400() =>
        Assert.Equal([("CDS002", "$", "the body must be a JSON object")], Issues(await Rejected("[]")));

    [Fact]
    public async Task Missing_hook_hookInstance_context_all_reported()
    {
        var problem = await Rejected("""{"prefetch":{}}""");
        var issues = Issues(problem);
        Assert.Contains(("CDS002", "hook", "hook is required"), issues);
        Assert.Contains(("CDS002", "hookInstance", "hookInstance is required"), issues);
        Assert.Contains(("CDS002", "context", "context is required and must be an object"), issues);
    }

    [Fact]
    public async Task Missing_hook_400() => await Rejected(Without("hook"));

    [Fact]
    public async Task Wrong_hook_for_service_400()
    {
        var r = Valid();
        r["hook"] = "order-sign";
        Assert.Equal([("CDS003", "hook", "hook must be 'patient-view' for service 'hepatica-patient-view'")], Issues(await Rejected(Requests.Json(r))));
    }

    [Fact]
    public async Task Missing_patientId_400()
    {
        var r = Valid();
        r["context"]!.AsObject().Remove("patientId");
        var problem = await Rejected(Requests.Json(r));
        Assert.Equal([("CDS002", "context.patientId", "context.patientId is required (a string)")], Issues(problem));
    }

    [Fact]
    public async Task FhirAuthorization_without_fhirServer_400()
    {
        // cds-r-1: fhirAuthorization requires fhirServer.
        var r = Valid();
        r["fhirAuthorization"] = new JsonObject { ["access_token"] = "t", ["token_type"] = "Bearer", ["expires_in"] = 300, ["scope"] = "patient/*.read", ["subject"] = "s" };
        var problem = await Rejected(Requests.Json(r));
        Assert.Contains("cds-r-1", (string?)problem!["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prefetch_value_not_a_resource_400()
    {
        var r = Valid();
        r["prefetch"]!["Patient"] = "Patient/1";
        Assert.Equal([("CDS002", "prefetch.Patient", "prefetch.Patient must be a FHIR resource or null")], Issues(await Rejected(Requests.Json(r))));
    }

    [Fact]
    public async Task Prefetch_resource_invalid_fhir_400()
    {
        var r = Valid();
        r["prefetch"]!["Patient"] = new JsonObject { ["resourceType"] = "Patient", ["gender"] = "bogus", ["birthDate"] = "not a date" };
        var issues = Issues(await Rejected(Requests.Json(r)));
        Assert.NotEmpty(issues);
        Assert.All(issues, i => Assert.Equal(("CDS004", "prefetch.Patient"), (i.Code, i.Path)));
    }

    [Fact]
    public async Task Order_select_without_draftOrders_400()
    {
        var r = Requests.OrderSelect(null, "p-1", Requests.Rituximab("p-1"));
        r["context"]!.AsObject().Remove("draftOrders");
        r["context"]!.AsObject().Remove("selections");
        var problem = await Rejected(Requests.Json(r), "/cds-services/hepatica-order-select");
        Assert.Contains("draftOrders", (string?)problem!["detail"], StringComparison.Ordinal);
        Assert.Contains("selections", (string?)problem!["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_service_404()
    {
        await using var host = new CdsHost();
        var response = await host.Post("/cds-services/no-such-service", Requests.Json(Valid()));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
