using System.Text;
using FsCheck.Fluent;
using Hepatica.Web.Tests.CdsHooks;

namespace Hepatica.Web.Tests;

/// <summary>
/// The CDS Hooks request reader under hostile input (issue 10): requests built from the CDS Hooks keys and mutated
/// from valid patient-view and order-select requests are answered below 500 (400 or 412 with the problems), never a server error.
/// </summary>
public sealed class ReaderFuzzTests
{
    private static readonly string[] Keys =
    [
        "hook", "hookInstance", "fhirServer", "fhirAuthorization", "access_token", "token_type", "context", "userId", "patientId", "prefetch",
        "Patient", "Observation", "selections", "draftOrders", "resourceType", "entry", "resource", "id",
    ];

    [Fact]
    public async Task Cds_HostileRequests_NeverServerError()
    {
        var seeds = new[]
        {
            Encoding.UTF8.GetBytes(Requests.Json(Requests.PatientView(Requests.Fixture("hepatitis-b-serology.json")))),
            Encoding.UTF8.GetBytes(Requests.Json(Requests.OrderSelect(Requests.Fixture("hepatitis-b-serology.json"), "hbv-1", Requests.Draft("d1", "hbv-1", Requests.RxNorm, "121191", "rituximab")))),
        };
        var bodies = new List<byte[]>();
        Fuzz.Check(150, Gen.OneOf(JsonMutations.Mutated(seeds), JsonMutations.FromKeys(Keys)), bodies.Add);

        await using var host = new CdsHost();
        using var client = host.CreateClient();
        var failures = new List<string>();
        foreach (var (body, i) in bodies.Select((b, i) => (b, i)))
        {
            var path = i % 2 == 0 ? "/cds-services/hepatica-patient-view" : "/cds-services/hepatica-order-select";
            using var content = Api.Body(body);
            using var response = await client.PostAsync(Api.Url(path), content, Api.Ct);
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{path} {(int)response.StatusCode}: {Convert.ToBase64String(body.AsSpan(0, Math.Min(body.Length, 400)))}");
            }
        }

        Assert.Empty(failures);
    }
}
