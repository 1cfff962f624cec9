using System.Text;
using System.Text.Json;
using Hepatica.Clinical.Scoring;
using static Hepatica.Store.Tests.IngestInputs;

namespace Hepatica.Store.Tests;

public sealed class IngestParserTests
{
    [Fact]
    public void Parse_Snapshot_OneBatchWithTheBodyUnchangedItsHashAndItsAssessmentDate()
    {
        var input = Sample("aclf-grade2.json");
        var batch = Assert.Single(IngestParser.Parse(input, "aclf-grade2.json"));
        Assert.True(batch.IsStorable);
        Assert.Equal("aclf-003", batch.PatientId);
        var a = Assert.Single(batch.Arrivals);
        Assert.Equal(ArrivalKind.Snapshot, a.Kind);
        Assert.Null(a.ResourceType);
        Assert.Equal(input, a.Body.ToArray());
        Assert.Equal(Sha256(input), a.ContentHash);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero), a.Effective); // "assessmentDate": "2026-11-20"
        Assert.Equal("aclf-grade2.json", a.Source);
    }

    [Fact]
    public void Parse_SnapshotWithoutId_IsRefusedWithIng001()
    {
        var batch = Assert.Single(IngestParser.Parse(Utf8("""{"sex":"male","ageYears":50,"assessmentDate":"2026-11-20","labs":{"bilirubin":{"value":2,"unit":"mg/dL"}}}"""), "api"));
        Assert.False(batch.IsStorable);
        Assert.Contains(batch.Issues, i => i.Code == IngestIssueCodes.SnapshotWithoutId && i.Severity == IssueSeverity.Error);
    }

    [Fact]
    public void Parse_SnapshotWithAnError_IsRefusedWithTheReadersCodedIssues()
    {
        var input = Utf8("""{"id":"p9","assessmentDate":"2026-11-20","labs":{"bilirubin":{"value":2,"unit":"furlongs"}}}""");
        var expected = Hepatica.Json.SnapshotReader.Read(input.Span).Issues.Where(i => i.Severity == IssueSeverity.Error).Select(i => i.Code).ToList();
        Assert.NotEmpty(expected);
        var batch = Assert.Single(IngestParser.Parse(input, "api"));
        Assert.False(batch.IsStorable);
        Assert.Empty(batch.Arrivals);
        Assert.Equal(expected, batch.Issues.Where(i => i.Severity == IssueSeverity.Error).Select(i => i.Code));
    }

    [Fact]
    public void Parse_SyntheaTransaction_EveryResourceOfThePatientCutOutUnchanged()
    {
        var input = Synthea("Barrett_Cummings");
        var batch = Assert.Single(IngestParser.Parse(input, "synthea"));
        Assert.True(batch.IsStorable);
        using var doc = JsonDocument.Parse(input);
        var entries = doc.RootElement.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("resource")).ToList();
        var patient = entries.Single(e => e.GetProperty("resourceType").GetString() == "Patient");
        Assert.Equal(patient.GetProperty("id").GetString(), batch.PatientId);

        // Organization and Practitioner name no patient: left out with one warning; everything else is kept, in order.
        var kept = entries.Where(e => e.GetProperty("resourceType").GetString() is not ("Organization" or "Practitioner")).ToList();
        Assert.Equal(kept.Count, batch.Arrivals.Count);
        Assert.Contains(batch.Issues, i => i.Code == IngestIssueCodes.NoPatient && i.Severity == IssueSeverity.Warning);
        for (var i = 0; i < kept.Count; i++)
        {
            var a = batch.Arrivals[i];
            var raw = Encoding.UTF8.GetBytes(kept[i].GetRawText());
            Assert.Equal(raw, a.Body.ToArray());
            Assert.Equal(Sha256(raw), a.ContentHash);
            Assert.Equal(kept[i].GetProperty("resourceType").GetString(), a.ResourceType);
            Assert.Equal(kept[i].GetProperty("id").GetString(), a.ResourceId);
            Assert.Equal(ArrivalKind.FhirResource, a.Kind);
        }

        var firstObservation = kept.First(e => e.GetProperty("resourceType").GetString() == "Observation");
        var arrival = batch.Arrivals.First(a => a.ResourceType == "Observation");
        Assert.Equal(DateTimeOffset.Parse(firstObservation.GetProperty("effectiveDateTime").GetString()!, System.Globalization.CultureInfo.InvariantCulture), arrival.Effective);
    }

    [Fact]
    public void Parse_VersionIdAndLastUpdated_AreKept()
    {
        var obs = Observation("o1", "1975-2", 2.5m, "mg/dL", "2026-11-01T08:00:00Z", meta: """{"versionId":"3","lastUpdated":"2026-11-01T09:15:00Z"}""");
        var a = Assert.Single(Assert.Single(IngestParser.Parse(Utf8(Bundle(Patient("p1"), obs)), "api")).Arrivals, x => x.ResourceType == "Observation");
        Assert.Equal("3", a.VersionId);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 9, 15, 0, TimeSpan.Zero), a.LastUpdated);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero), a.Effective);
        Assert.False(a.EnteredInError);
    }

    [Fact]
    public void Parse_TwoPatients_TwoBatchesByReferenceAndByFullUrl()
    {
        var input = BundleWithUrls("transaction",
            ("urn:uuid:0d2b1f3e-0000-4000-8000-000000000001", Patient("a")),
            ("urn:uuid:0d2b1f3e-0000-4000-8000-000000000002", Patient("b", "female")),
            (null, Observation("oa", "1975-2", 1.1m, "mg/dL", "2026-11-01", subject: "urn:uuid:0d2b1f3e-0000-4000-8000-000000000001")),
            (null, Observation("ob", "1975-2", 2.2m, "mg/dL", "2026-11-01", subject: "Patient/b")),
            (null, Observation("ob2", "2160-0", 0.9m, "mg/dL", "2026-11-01", subject: "https://ehr.example/fhir/Patient/b/_history/2")));
        var batches = IngestParser.Parse(Utf8(input), "api");
        Assert.Equal(["a", "b"], batches.Select(b => b.PatientId));
        Assert.Equal(["a", "oa"], batches[0].Arrivals.Select(a => a.ResourceId));
        Assert.Equal(["b", "ob", "ob2"], batches[1].Arrivals.Select(a => a.ResourceId));
        Assert.All(batches, b => Assert.True(b.IsStorable));
    }

    [Fact]
    public void Parse_InvalidFhir_RefusesTheWholeBundle()
    {
        var bad = Bundle(Patient("p1"), Observation("o1", "1975-2", 2m, "mg/dL", "2026-11-01").Replace("\"status\":\"final\"", "\"status\":\"final\",\"notAnElement\":1", StringComparison.Ordinal));
        var input = IngestParser.Read(Utf8(bad), "api");
        Assert.True(input.Refused);
        Assert.Empty(input.Batches);
        var only = Assert.Single(IngestParser.Parse(Utf8(bad), "api"));
        Assert.False(only.IsStorable);
        Assert.Contains(only.Issues, i => i.Code == Hepatica.Fhir.FhirIssueCodes.InvalidFhir);
    }

    [Fact]
    public void Parse_ResourceWithoutId_RefusesTheInput()
    {
        var input = IngestParser.Read(Utf8(Bundle(Patient("p1"), """{"resourceType":"Observation","status":"final","code":{"text":"x"},"subject":{"reference":"Patient/p1"}}""")), "api");
        Assert.True(input.Refused);
        Assert.Contains(input.Issues, i => i.Code == IngestIssueCodes.ResourceWithoutId);
        Assert.Empty(input.Batches);
    }

    [Fact]
    public void Parse_SingleObservation_OneBatchWholeBodyAndEnteredInError()
    {
        var json = "  " + Observation("o7", "1975-2", 3m, "mg/dL", "2026-11-02T10:00:00+01:00", subject: "Patient/p1", status: "entered-in-error") + "\n";
        var batch = Assert.Single(IngestParser.Parse(Utf8(json), "api"));
        var a = Assert.Single(batch.Arrivals);
        Assert.Equal("p1", batch.PatientId);
        Assert.Equal(Encoding.UTF8.GetBytes(json.Trim()), a.Body.ToArray());
        Assert.True(a.EnteredInError);
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero), a.Effective);
    }

    [Fact]
    public void Parse_ByteOrderMark_IsNotPartOfTheBody()
    {
        var json = Observation("o1", "1975-2", 3m, "mg/dL", "2026-11-02");
        var input = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(json)).ToArray();
        Assert.Equal(Encoding.UTF8.GetBytes(json), Assert.Single(Assert.Single(IngestParser.Parse(input, "api")).Arrivals).Body.ToArray());
    }

    [Fact]
    public void Parse_BundledMedication_GoesWithThePatientWhoseRequestNamesIt()
    {
        var batch = Assert.Single(IngestParser.Parse(FhirFixture("immunosuppressed-rituximab.json"), "fixture"));
        Assert.Contains(batch.Arrivals, a => a.ResourceType == "Medication" && a.ResourceId == "med-infliximab");
        Assert.DoesNotContain(batch.Issues, i => i.Code == IngestIssueCodes.NoPatient);
    }

    private static string Status(string type, string? profile = Hepatica.Store.SubscriptionNotification.StatusProfile) =>
        "{\"resourceType\":\"Parameters\",\"id\":\"s1\"" + (profile is null ? "" : ",\"meta\":{\"profile\":[\"" + profile + "\"]}") + $$$""","parameter":[{"name":"subscription","valueReference":{"reference":"https://ehr.example/fhir/Subscription/labs"}},{"name":"topic","valueCanonical":"https://ehr.example/SubscriptionTopic/lab-result"},{"name":"status","valueCode":"active"},{"name":"type","valueCode":"{{{type}}}"},{"name":"events-since-subscription-start","valueString":"7"}]}""";

    [Theory]
    [InlineData("handshake", NotificationType.Handshake)]
    [InlineData("heartbeat", NotificationType.Heartbeat)]
    [InlineData("query-status", NotificationType.QueryStatus)]
    public void Read_NotificationWithoutEvents_NoBatchesAndAnIng004(string code, NotificationType type)
    {
        var input = IngestParser.Read(Utf8(BundleWithUrls("history", ("urn:uuid:9d98f2be-4067-4b90-b0ec-6d3308d75c8e", Status(code)))), "subscription:labs");
        Assert.Equal(type, input.Notification?.Type);
        Assert.Equal("https://ehr.example/fhir/Subscription/labs", input.Notification?.Subscription);
        Assert.Equal(7, input.Notification?.EventsSinceSubscriptionStart);
        Assert.Empty(input.Batches);
        Assert.False(input.Refused);
        Assert.Equal(IngestIssueCodes.NotificationWithoutContent, Assert.Single(input.Issues).Code);
        Assert.Empty(IngestParser.Parse(Utf8(BundleWithUrls("history", (null, Status(code)))), "subscription:labs"));
    }

    [Fact]
    public void Read_EventNotificationFullResource_TheResourcesAfterTheStatus()
    {
        var json = BundleWithUrls("history", ("urn:uuid:1aa43532-94b7-4463-8049-338045636f7b", Status("event-notification")), ("https://ehr.example/fhir/Observation/o1", Observation("o1", "1975-2", 2m, "mg/dL", "2026-11-01", subject: "Patient/p1")));
        var input = IngestParser.Read(Utf8(json), "subscription:labs");
        Assert.Equal(NotificationType.EventNotification, input.Notification?.Type);
        var batch = Assert.Single(input.Batches);
        Assert.Equal("p1", batch.PatientId);
        Assert.Equal(["o1"], batch.Arrivals.Select(a => a.ResourceId));
        Assert.Equal("subscription:labs", batch.Arrivals[0].Source);
    }

    [Fact]
    public void Read_EventNotificationIdOnlyOrEmpty_IsAnErrorThatAsksForFullResource()
    {
        var idOnly = BundleWithUrls("history", ("urn:uuid:1aa43532-94b7-4463-8049-338045636f7b", Status("event-notification")), ("https://ehr.example/fhir/Observation/o1", null));
        var empty = BundleWithUrls("history", ("urn:uuid:1aa43532-94b7-4463-8049-338045636f7b", Status("event-notification")));
        foreach (var json in new[] { idOnly, empty })
        {
            var input = IngestParser.Read(Utf8(json), "subscription:labs");
            Assert.True(input.Refused);
            var issue = Assert.Single(input.Issues, i => i.Code == IngestIssueCodes.FullResourceRequired);
            Assert.Contains("full-resource", issue.Message, StringComparison.Ordinal);
            Assert.Empty(input.Batches);
        }
    }

    [Fact]
    public void Read_HistoryBundleWithoutTheStatusProfile_IsAnOrdinaryBundle()
    {
        var json = BundleWithUrls("history", (null, Patient("p1")), (null, Observation("o1", "1975-2", 2m, "mg/dL", "2026-11-01")));
        var input = IngestParser.Read(Utf8(json), "api");
        Assert.Null(input.Notification);
        Assert.Equal(2, Assert.Single(input.Batches).Arrivals.Count);
    }

    [Fact]
    public void Parse_BulkNdjsonLines_EachLineOneArrivalOfThePatientItNames()
    {
        var folder = RepoRoot.SharedData("fhir-samples", "bulk-ndjson-10-patients");
        var patients = File.ReadLines(Path.Combine(folder, "Patient.000.ndjson")).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()).ToHashSet();
        foreach (var file in new[] { "Patient.000.ndjson", "Condition.000.ndjson", "Immunization.000.ndjson" })
        {
            foreach (var line in File.ReadLines(Path.Combine(folder, file)).Take(40))
            {
                var batch = Assert.Single(IngestParser.Parse(Encoding.UTF8.GetBytes(line), file));
                Assert.True(batch.IsStorable, string.Join("; ", batch.Issues));
                var a = Assert.Single(batch.Arrivals);
                Assert.Equal(Encoding.UTF8.GetBytes(line.Trim()), a.Body.ToArray());
                Assert.Contains(batch.PatientId, patients);
                Assert.Equal(file.Split('.')[0], a.ResourceType);
            }
        }
    }

    [Fact]
    public void Parse_HistoryOfOneObservation_KeepsEveryVersionForTheStoreToOrder()
    {
        var v1 = Observation("o1", "1975-2", 2m, "mg/dL", "2026-11-01T08:00:00Z", meta: """{"versionId":"1"}""");
        var v2 = Observation("o1", "1975-2", 2.4m, "mg/dL", "2026-11-01T08:00:00Z", status: "amended", meta: """{"versionId":"2"}""");
        var batch = Assert.Single(IngestParser.Parse(Utf8(BundleWithUrls("history", (null, v2), (null, v1))), "api"));
        Assert.Equal(["2", "1"], batch.Arrivals.Select(a => a.VersionId));
        Assert.NotEqual(batch.Arrivals[0].ContentHash, batch.Arrivals[1].ContentHash);
    }
}
