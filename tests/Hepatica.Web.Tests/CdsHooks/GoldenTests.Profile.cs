using System.Text.Json.Nodes;
using Hl7.Fhir.Serialization;

namespace Hepatica.Web.Tests.CdsHooks;

/// <summary>
/// The FHIR resources the cards propose (a suggestion's <c>create</c> actions: draft ServiceRequests for tests to order,
/// ImmunizationRecommendations for vaccines due) are FHIR output an EHR writes into the record when a clinician
/// accepts: each is validated with the Firely profile validator against the R4 core (issue 16), 0 errors, for every
/// shipped sample request and every fixture the golden tests answer.
/// </summary>
public sealed partial class GoldenTests
{
    public static TheoryData<string> ProfileCases() =>
    [
        "sample:unhealthy_patient.json", "sample:Adolfo777_Braun514.json", "sample:Adrian111_Wunsch504.json", "sample:Cher186_Crooks415.json", "sample:Debora709_Mayer370.json",
        "fixture:cirrhosis-ascites-dialysis.json", "fixture:hys-law-hepatitis-a.json", "fixture:acute-liver-failure.json", "rituximab:hepatitis-b-serology.json",
    ];

    [Theory]
    [MemberData(nameof(ProfileCases))]
    public async Task Suggestions_EveryProposedResource_NoProfileErrors(string name)
    {
        var (kind, file) = (name.Split(':')[0], name.Split(':')[1]);
        var body = kind switch
        {
            "sample" => await Sample(file),
            "fixture" => await Fixture(Requests.PatientView(Requests.Fixture(file))),
            _ => await Fixture(Requests.PatientView(Requests.Fixture(file), Requests.Rituximab("hbv-1", "active"))),
        };

        var resources = body!["cards"]!.AsArray()
            .SelectMany(c => c!["suggestions"]?.AsArray() ?? [])
            .SelectMany(s => s!["actions"]?.AsArray() ?? [])
            .Select(a => a!["resource"]).OfType<JsonObject>().ToList();
        var errors = new List<(string, ProfileIssue)>();
        foreach (var json in resources)
        {
            var resource = FhirJsonDeserializer.STRICT.DeserializeResource(json.ToJsonString()); // throws if it is not valid R4 JSON
            errors.AddRange(ProfileValidation.Validate(resource).Where(i => i.IsError).Select(i => (name, i)));
        }

        Assert.True(errors.Count == 0, ProfileValidation.Report(errors));
        if (kind == "fixture" && file == "cirrhosis-ascites-dialysis.json")
        {
            Assert.NotEmpty(resources); // the check is not vacuous: this fixture's cards propose vaccines or tests
        }
    }
}
