using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Hepatica.Clinical;
using Hepatica.Fhir;
using Hepatica.Json;
using static Hepatica.Store.Tests.IngestInputs;

namespace Hepatica.Store.Tests;

public sealed class ReplayTests
{
    /// <summary>
    /// What <c>hepatica assess FILE [--as-of T] --format json</c> writes for the input (src/Hepatica.Cli/Commands.cs):
    /// InputReader over the whole original file, Assessment.Of, AssessmentWriter indented, a newline.
    /// </summary>
    private static string Cli(byte[] input, string? asOf, GuidelineProfile profile = GuidelineProfile.Us)
    {
        var read = InputReader.Read(input, asOf, new FixedClock(Received), "--as-of");
        var assessment = Assessment.Of(read.Snapshot!, profile);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            AssessmentWriter.Write(w, assessment, Detail.Full, read.Basis!, sources: read.Sources);
        }

        stream.Write("\n"u8);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string Text(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    [Fact]
    public void Build_Snapshot_OneEntryAsTheCliAssessesIt()
    {
        var input = Sample("aclf-grade2.json");
        var entry = Assert.Single(Replay.Build("aclf-003", Stored(input), GuidelineProfile.Us));
        Assert.Equal(Cli(input, null), entry.AssessmentJson);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero), entry.AsOf);
        Assert.Equal([1L], entry.Receipt.ArrivalIds);
        Assert.Equal("us", entry.Receipt.Profile);
        Assert.Equal(Engine.Version, entry.Receipt.EngineVersion);
        Assert.Equal(Sha256(Encoding.UTF8.GetBytes(entry.AssessmentJson!)), entry.Receipt.OutputSha256);
    }

    [Theory]
    [InlineData("aclf.json")]
    [InlineData("acute-liver-failure.json")]
    [InlineData("cirrhosis-ascites-dialysis.json")]
    [InlineData("cirrhosis-child-pugh.json")]
    [InlineData("dili-reference-ranges.json")]
    [InlineData("hepatitis-b-serology.json")]
    [InlineData("immunosuppressed-rituximab.json")]
    [InlineData("alf-acetaminophen-kcc.json")]
    public void Build_FhirFixture_EveryEntryIsWhatTheCliWritesAsOfItsInstant(string name)
    {
        var input = FhirFixture(name);
        var stored = Stored(input);
        var entries = Replay.Build(stored[0].Arrival.PatientId, stored, GuidelineProfile.Us);
        Assert.NotEmpty(entries);
        foreach (var entry in entries)
        {
            Assert.Equal(Cli(input, Text(entry.AsOf)), entry.AssessmentJson);
        }
    }

    [Theory]
    [InlineData("Barrett_Cummings")]
    [InlineData("Jed_Pollich")]
    [InlineData("Ned_Hintz")]
    public void Build_SyntheaBundle_EntriesAreWhatTheCliWritesAsOfTheirInstants(string prefix)
    {
        var input = Synthea(prefix);
        var stored = Stored(input);
        var entries = Replay.Build(stored[0].Arrival.PatientId, stored, GuidelineProfile.Us);
        Assert.Equal(entries.OrderBy(e => e.AsOf).Select(e => e.AsOf), entries.Select(e => e.AsOf));
        Assert.Equal(entries.Count, entries.Select(e => e.AsOf).Distinct().Count());
        foreach (var entry in entries.Take(12).Concat(entries.TakeLast(3)))
        {
            Assert.Equal(Cli(input, Text(entry.AsOf)), entry.AssessmentJson);
        }
    }

    [Fact]
    public void Build_Instants_OnePerDistinctTimeOfAUsedValueRoundedUpToTheSecond()
    {
        var json = Bundle(
            Patient("p1"),
            Observation("b1", "1975-2", 2.0m, "mg/dL", "2026-10-01T08:00:00Z"),
            Observation("c1", "2160-0", 1.0m, "mg/dL", "2026-10-01T08:00:00Z"), // same instant: one entry
            Observation("b2", "1975-2", 3.0m, "mg/dL", "2026-10-05T08:00:00.250Z"),
            Observation("h1", "8302-2", 180m, "cm", "2026-10-03T08:00:00Z")); // body height: not read, no entry
        var stored = Stored(Utf8(json).ToArray());
        var entries = Replay.Build("p1", stored, GuidelineProfile.Us);
        Assert.Equal([new DateTimeOffset(2026, 10, 1, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 10, 5, 8, 0, 1, TimeSpan.Zero)], entries.Select(e => e.AsOf));
        Assert.Equal(["2026-10-01T08:00:00Z", "2026-10-05T08:00:01Z"], entries.Select(e => JsonDocument.Parse(e.AssessmentJson!).RootElement.GetProperty("asOf").GetString()));
        Assert.All(entries, e => Assert.Equal("fhir-as-of", JsonDocument.Parse(e.AssessmentJson!).RootElement.GetProperty("asOfSource").GetString()));

        // As of the first instant the later bilirubin is not known; as of the second it is the one used.
        Assert.Equal("b1", Assert.Single(entries[0].Inputs, i => i.Path == "labs.bilirubin").ArrivalId is { } first ? stored.Single(s => s.Id == first).Arrival.ResourceId : null);
        Assert.Equal("b2", Assert.Single(entries[1].Inputs, i => i.Path == "labs.bilirubin").ArrivalId is { } second ? stored.Single(s => s.Id == second).Arrival.ResourceId : null);

        // The reader is given the Patient, the latest value of each analyte, nothing older, nothing unread.
        var ids = entries[1].Receipt.ArrivalIds.Select(id => stored.Single(s => s.Id == id).Arrival.ResourceId).ToList();
        Assert.Equal(["p1", "c1", "b2"], ids);
    }

    /// <summary>
    /// Chemistry window 30 days (src/Hepatica.Fhir/LabCodes.cs: OPTN policy 9.2, table 9-3, labs no older than 30 days at
    /// MELD 10 or less): a bilirubin exactly 30 days old at the creatinine's instant is used; one a second older is
    /// left out (FHR013) and shown stale.
    /// </summary>
    [Theory]
    [InlineData("2026-10-31T08:00:00Z", false, 30)]
    [InlineData("2026-10-31T08:00:01Z", true, 30)]
    [InlineData("2026-11-20T08:00:00Z", true, 50)]
    public void Build_StaleLab_WindowAgeAndStalenessAtBothSidesOfTheCutOff(string creatinineTime, bool stale, int ageDays)
    {
        var json = Bundle(Patient("p1"), Observation("b1", "1975-2", 2.0m, "mg/dL", "2026-10-01T08:00:00Z"), Observation("c1", "2160-0", 1.0m, "mg/dL", creatinineTime));
        var stored = Stored(Utf8(json).ToArray());
        var entries = Replay.Build("p1", stored, GuidelineProfile.Us);
        Assert.Equal(2, entries.Count);

        var fresh = Assert.Single(entries[0].Inputs, i => i.Path == "labs.bilirubin");
        Assert.Equal((0, 30, false), (fresh.AgeDays, fresh.WindowDays, fresh.Stale));

        var later = Assert.Single(entries[1].Inputs, i => i.Path == "labs.bilirubin");
        Assert.Equal((ageDays, 30, stale), (later.AgeDays, later.WindowDays, later.Stale));
        Assert.Equal(new DateTimeOffset(2026, 10, 1, 8, 0, 0, TimeSpan.Zero), later.Time);
        Assert.Equal(stored.Single(s => s.Arrival.ResourceId == "b1").Id, later.ArrivalId);
        Assert.Equal(stale, entries[1].AssessmentJson!.Contains(FhirIssueCodes.OutsideWindow, StringComparison.Ordinal));
        Assert.Equal(Cli(Utf8(json).ToArray(), Text(entries[1].AsOf)), entries[1].AssessmentJson);
    }

    [Fact]
    public void Build_Medications_AddTheirInstants()
    {
        // immunosuppressed-rituximab.json: infliximab authored 2026-09-01, rituximab drafted 2026-11-20T10:00Z, the
        // prednisone statement asserted 2026-11-20 and started 2026-10-01, the serology drawn 2026-11-18T09:00Z.
        var stored = Stored(FhirFixture("immunosuppressed-rituximab.json"));
        var instants = Replay.Build("immuno-1", stored, GuidelineProfile.Us).Select(e => e.AsOf).ToList();
        Assert.Contains(new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero), instants);
        Assert.Contains(new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero), instants);
        Assert.Contains(new DateTimeOffset(2026, 11, 18, 9, 0, 0, TimeSpan.Zero), instants);
        Assert.Contains(new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero), instants);
    }

    [Fact]
    public void Build_LabsWithoutAPatient_ReadWithAPatientOfOnlyItsId()
    {
        var stored = Stored(Utf8(Observation("b1", "1975-2", 2.0m, "mg/dL", "2026-10-01T08:00:00Z")).ToArray());
        var entry = Assert.Single(Replay.Build("p1", stored, GuidelineProfile.Us));
        Assert.Equal([1L], entry.Receipt.ArrivalIds);
        Assert.Contains(FhirIssueCodes.SexNotUsable, entry.AssessmentJson, StringComparison.Ordinal);
        Assert.Equal(entry.AssessmentJson, Replay.Rerun(entry.Receipt, stored).Json);
    }

    [Fact]
    public void Build_EnteredInError_GivesNoInstantAndIsReportedAsTheCliReportsIt()
    {
        var input = FhirFixture("hepatitis-b-serology.json");
        var stored = Stored(input);
        var eie = stored.Where(s => s.Arrival.EnteredInError).ToList();
        Assert.NotEmpty(eie);
        var entries = Replay.Build(stored[0].Arrival.PatientId, stored, GuidelineProfile.Us);
        Assert.DoesNotContain(entries, e => eie.Any(x => x.Arrival.Effective is { } t && e.AsOf == t && stored.Count(s => s.Arrival.Effective == t) == 1));
        Assert.All(entries, e => Assert.Equal(Cli(input, Text(e.AsOf)), e.AssessmentJson));
    }

    [Fact]
    public void Build_SnapshotAndFhir_BothOnOneTimelineOldestFirst()
    {
        var snapshot = Utf8("""{"id":"p1","sex":"male","ageYears":56,"assessmentDate":"2026-09-01","labs":{"bilirubin":{"value":2,"unit":"mg/dL"},"creatinine":{"value":1,"unit":"mg/dL"},"inr":{"value":1.2}}}""").ToArray();
        var fhir = Utf8(Bundle(Patient("p1"), Observation("b1", "1975-2", 2.0m, "mg/dL", "2026-08-01T08:00:00Z"))).ToArray();
        var stored = Stored(IngestParser.Parse(fhir, "a").Concat(IngestParser.Parse(snapshot, "b")));
        var entries = Replay.Build("p1", stored, GuidelineProfile.Uk);
        Assert.Equal([new DateTimeOffset(2026, 8, 1, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero)], entries.Select(e => e.AsOf));
        Assert.Equal("uk", entries[1].Receipt.Profile);
        Assert.Equal(Cli(snapshot, null, GuidelineProfile.Uk), entries[1].AssessmentJson);
        Assert.DoesNotContain(stored.Single(s => s.Arrival.Kind == ArrivalKind.Snapshot).Id, entries[0].Receipt.ArrivalIds);
    }

    [Theory]
    [InlineData("aclf.json")]
    [InlineData("immunosuppressed-rituximab.json")]
    [InlineData("cirrhosis-ascites-dialysis.json")]
    public void Rerun_FromTheReceiptsArrivalsOnly_IsByteIdenticalAndMatchesTheHash(string name)
    {
        var stored = Stored(FhirFixture(name));
        foreach (var entry in Replay.Build(stored[0].Arrival.PatientId, stored, GuidelineProfile.Us))
        {
            var only = stored.Where(s => entry.Receipt.ArrivalIds.Contains(s.Id)).ToList();
            var remade = Replay.Rerun(entry.Receipt, only);
            Assert.Equal(entry.AssessmentJson, remade.Json);
            Assert.Equal(entry.Receipt.OutputSha256, Sha256(Encoding.UTF8.GetBytes(remade.Json)));
            Assert.Equal("Patient/" + stored[0].Arrival.PatientId, remade.WriteContext.PatientReference);
            Assert.Equal(entry.AsOf, remade.WriteContext.AsOf);
            Assert.Equal(JsonDocument.Parse(entry.AssessmentJson!).RootElement.TryGetProperty("sources", out var sources) ? sources.GetArrayLength() : 0, remade.WriteContext.Sources!.Count);
        }
    }

    [Fact]
    public void Rerun_Snapshot_IsByteIdentical()
    {
        var stored = Stored(Sample("hbv-chronic.json"));
        var entry = Assert.Single(Replay.Build(stored[0].Arrival.PatientId, stored, GuidelineProfile.Us));
        var remade = Replay.Rerun(entry.Receipt, stored);
        Assert.Equal(entry.AssessmentJson, remade.Json);
        Assert.Null(remade.WriteContext.AsOf);
    }

    [Fact]
    public void Rerun_ReceiptOfAnotherEngineVersion_IsRefusedSayingBothVersions()
    {
        var stored = Stored(FhirFixture("aclf.json"));
        var entry = Replay.Build(stored[0].Arrival.PatientId, stored, GuidelineProfile.Us)[0];
        var e = Assert.Throws<InvalidOperationException>(() => Replay.Rerun(entry.Receipt with { EngineVersion = "0.0.1" }, stored));
        Assert.Contains("0.0.1", e.Message, StringComparison.Ordinal);
        Assert.Contains(Engine.Version, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rerun_MissingArrival_IsRefused()
    {
        var stored = Stored(FhirFixture("aclf.json"));
        var entry = Replay.Build(stored[0].Arrival.PatientId, stored, GuidelineProfile.Us)[0];
        Assert.Throws<InvalidOperationException>(() => Replay.Rerun(entry.Receipt, stored.Skip(1).ToList()));
    }
}

public sealed class ReplayReuseTests
{
    [Fact]
    public void Build_WithPrevious_ReusesEntriesBeforeANewLabAndRemakesTheRest()
    {
        var first = Bundle(Patient("p1"), Observation("b1", "1975-2", 2.0m, "mg/dL", "2026-10-01T08:00:00Z"), Observation("c1", "2160-0", 1.0m, "mg/dL", "2026-10-10T08:00:00Z"));
        var stored = Stored(Utf8(first).ToArray());
        var before = Replay.Build("p1", stored, GuidelineProfile.Us);
        var added = Stored(IngestParser.Parse(Utf8(Observation("b2", "1975-2", 4.0m, "mg/dL", "2026-10-05T08:00:00Z")), "api"), firstId: 10);
        var all = stored.Concat(added).ToList();

        var after = Replay.Build("p1", all, GuidelineProfile.Us, before);
        var fresh = Replay.Build("p1", all, GuidelineProfile.Us);
        Assert.Equal(fresh.Select(e => e.AssessmentJson), after.Select(e => e.AssessmentJson));
        Assert.Equal(fresh.Select(e => e.Receipt.ArrivalIds), after.Select(e => e.Receipt.ArrivalIds));
        Assert.Same(before[0], after[0]); // 1 Oct: the new lab of 5 Oct is not known yet
        Assert.NotSame(before[1], after[2]); // 10 Oct: it is
        Assert.Equal(3, after.Count);
    }
}
