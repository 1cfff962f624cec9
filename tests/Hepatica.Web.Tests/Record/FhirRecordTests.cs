using System.Net;
using System.Text.Json.Nodes;
using static Hepatica.Web.Tests.Record.RecordInputs;

namespace Hepatica.Web.Tests.Record;

/// <summary>
/// The FHIR side of the record: the rest-hook endpoint of an R4 topic-based Subscription (Subscriptions R5 Backport IG
/// 1.1.0, 2023: notification Bundle of type history, first entry the backport-subscription-status-r4 Parameters with
/// its <c>type</c>) and read back of the newest assessment as searchset Bundles.
/// </summary>
public sealed class FhirRecordTests
{
    private const string StatusProfile = "http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/backport-subscription-status-r4";

    /// <summary>A notification Bundle as the IG's R4 examples are built, with the given entries after the status.</summary>
    private static string Notification(string type, IEnumerable<JsonObject>? entries = null, string? focus = null)
    {
        var parameters = new JsonArray(
            new JsonObject { ["name"] = "subscription", ["valueReference"] = new JsonObject { ["reference"] = "https://ehr.example/fhir/Subscription/liver-labs" } },
            new JsonObject { ["name"] = "topic", ["valueCanonical"] = "https://ehr.example/SubscriptionTopic/lab-result" },
            new JsonObject { ["name"] = "status", ["valueCode"] = "active" },
            new JsonObject { ["name"] = "type", ["valueCode"] = type },
            new JsonObject { ["name"] = "events-since-subscription-start", ["valueString"] = "3" });
        if (focus is not null)
        {
            parameters.Add(new JsonObject
            {
                ["name"] = "notification-event",
                ["part"] = new JsonArray(
                    new JsonObject { ["name"] = "event-number", ["valueString"] = "3" },
                    new JsonObject { ["name"] = "focus", ["valueReference"] = new JsonObject { ["reference"] = focus } }),
            });
        }

        var all = new JsonArray(new JsonObject
        {
            ["fullUrl"] = "urn:uuid:63c28e8a-f402-43e4-beb2-75b1c0f6833f",
            ["resource"] = new JsonObject
            {
                ["resourceType"] = "Parameters",
                ["id"] = "63c28e8a-f402-43e4-beb2-75b1c0f6833f",
                ["meta"] = new JsonObject { ["profile"] = new JsonArray(StatusProfile) },
                ["parameter"] = parameters,
            },
        });
        foreach (var e in entries ?? [])
        {
            all.Add(e);
        }

        return new JsonObject
        {
            ["resourceType"] = "Bundle",
            ["meta"] = new JsonObject { ["profile"] = new JsonArray("http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/backport-subscription-notification-r4") },
            ["type"] = "history",
            ["timestamp"] = "2026-11-21T09:00:00Z",
            ["entry"] = all,
        }.ToJsonString();
    }

    private static IEnumerable<JsonObject> FullResources(string bundleJson) =>
        JsonNode.Parse(bundleJson)!["entry"]!.AsArray().Select(e => new JsonObject
        {
            ["fullUrl"] = (string?)e!["fullUrl"],
            ["resource"] = e["resource"]!.DeepClone(),
            ["request"] = new JsonObject { ["method"] = "PUT", ["url"] = $"{(string?)e["resource"]!["resourceType"]}/{(string?)e["resource"]!["id"]}" },
            ["response"] = new JsonObject { ["status"] = "200" },
        });

    [Theory]
    [InlineData("handshake")]
    [InlineData("heartbeat")]
    [InlineData("query-status")]
    public async Task Notification_WithoutEvents_Is200AndStoresNothing(string type)
    {
        await using var host = new RecordHost();
        using var client = host.CreateClient();

        using var response = await Send(client, HttpMethod.Post, "/fhir/subscription-notification", Notification(type), Api.FhirJson);
        using var patients = await Send(client, HttpMethod.Get, "/api/record/alerts?state=all");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Node(response);
        Assert.Equal(type, (string?)body["type"]);
        Assert.Equal("https://ehr.example/fhir/Subscription/liver-labs", (string?)body["subscription"]);
        Assert.Empty(body["patients"]!.AsArray());
        Assert.Empty((await Node(patients))["alerts"]!.AsArray());
    }

    [Fact]
    public async Task Notification_EventWithFullResources_IsIngested()
    {
        await using var host = new RecordHost();
        using var client = host.CreateClient();

        using var response = await Send(client, HttpMethod.Post, "/fhir/subscription-notification",
            Notification("event-notification", FullResources(CirrhosisBundle())), Api.FhirJson);
        using var timeline = await Send(client, HttpMethod.Get, "/api/record/patients/cirrhosis-1/timeline");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var made = (await Node(response))["patients"]!.AsArray().Single()!;
        Assert.Equal("cirrhosis-1", (string?)made["patientId"]);
        Assert.Equal(13, (int)made["stored"]!);
        Assert.Equal(HttpStatusCode.OK, timeline.StatusCode);
        Assert.Contains(host.Logs.Entries, e => e.Message.Contains("subscription:liver-labs", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Notification_IdOnly_Is422SayingFullResourceIsRequired()
    {
        await using var host = new RecordHost();
        using var client = host.CreateClient();
        var idOnly = new JsonObject { ["fullUrl"] = "https://ehr.example/fhir/Observation/o-1", ["request"] = new JsonObject { ["method"] = "POST", ["url"] = "Observation" } };

        using var response = await Send(client, HttpMethod.Post, "/fhir/subscription-notification",
            Notification("event-notification", [idOnly], focus: "https://ehr.example/fhir/Observation/o-1"), Api.FhirJson);
        using var empty = await Send(client, HttpMethod.Post, "/fhir/subscription-notification",
            Notification("event-notification", focus: "https://ehr.example/fhir/Observation/o-1"), Api.FhirJson);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var outcome = await Node(response);
        Assert.Equal("OperationOutcome", (string?)outcome["resourceType"]);
        Assert.Contains("full-resource", outcome.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("ING005", outcome.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
    }

    [Theory]
    [InlineData("{\"resourceType\": \"Observation\", \"id\": \"o\"}")]
    [InlineData("{\"resourceType\": \"Bundle\", \"type\": \"history\", \"entry\": []}")]
    [InlineData("{\"resourceType\": \"Bundle\", \"type\": \"history\", \"entry\": [{\"resource\": {\"resourceType\": \"Parameters\", \"parameter\": [{\"name\": \"type\", \"valueCode\": \"gossip\"}]}}]}")]
    public async Task Notification_NotANotification_Is422(string body)
    {
        await using var host = new RecordHost();
        using var client = host.CreateClient();

        using var response = await Send(client, HttpMethod.Post, "/fhir/subscription-notification", body, Api.FhirJson);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("ING006", await response.Content.ReadAsStringAsync(Api.Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("RiskAssessment")]
    [InlineData("Observation")]
    public async Task ReadBack_IsASearchsetOfTheNewestAssessmentsResources(string type)
    {
        await using var host = new RecordHost();
        using var client = host.CreateClient();
        using var ingest = await Send(client, HttpMethod.Post, "/api/record", CirrhosisBundle(), Api.FhirJson);

        using var response = await Send(client, HttpMethod.Get, $"/fhir/{type}?patient=Patient/cirrhosis-1");
        using var byId = await Send(client, HttpMethod.Get, $"/fhir/{type}?patient=cirrhosis-1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Api.FhirJson, response.Content.Headers.ContentType?.MediaType);
        var bundle = await Node(response);
        Assert.Equal("searchset", (string?)bundle["type"]);
        var entries = bundle["entry"]!.AsArray();
        Assert.NotEmpty(entries);
        Assert.Equal(entries.Count, (int)bundle["total"]!);
        Assert.All(entries, e => Assert.Equal(type, (string?)e!["resource"]!["resourceType"]));
        Assert.All(entries, e => Assert.Equal("match", (string?)e!["search"]!["mode"]));
        Assert.Equal(bundle["entry"]!.ToJsonString(), (await Node(byId))["entry"]!.ToJsonString());
    }

    [Fact]
    public async Task ReadBack_MeldObservation_HasTheStoredValue()
    {
        // MELD 3.0 of the fixture is 35 (Kim 2021; worked in PatientViewTests): the read-back Observation says so.
        await using var host = new RecordHost();
        using var client = host.CreateClient();
        using var ingest = await Send(client, HttpMethod.Post, "/api/record", CirrhosisBundle(), Api.FhirJson);

        using var response = await Send(client, HttpMethod.Get, "/fhir/Observation?patient=cirrhosis-1");

        var meld = (await Node(response))["entry"]!.AsArray().Select(e => e!["resource"]!)
            .Single(r => r["code"]!["coding"]!.AsArray().Any(c => (string?)c!["code"] == "meld-3.0"));
        Assert.Equal(35m, (decimal)meld["valueQuantity"]!["value"]!);
    }

    [Fact]
    public async Task ReadBack_UnknownPatient_IsAnEmptySearchset_AndNoPatientIs400()
    {
        await using var host = new RecordHost();
        using var client = host.CreateClient();

        using var unknown = await Send(client, HttpMethod.Get, "/fhir/RiskAssessment?patient=nobody");
        using var missing = await Send(client, HttpMethod.Get, "/fhir/RiskAssessment");

        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Equal(0, (int)(await Node(unknown))["total"]!);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("OperationOutcome", (string?)(await Node(missing))["resourceType"]);
    }
}
