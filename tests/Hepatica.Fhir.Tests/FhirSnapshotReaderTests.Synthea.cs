using Hepatica.Clinical.Findings;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Fhir.Tests;

/// <summary>The 15 Synthea R4 bundles of ../shared/data/fhir-samples (SOURCES.md).</summary>
public sealed partial class FhirSnapshotReaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> SyntheaBundles()
    {
        var files = Directory.GetFiles(RepoRoot.SharedData("fhir-samples", "synthea-r4-bundles"), "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(15, files.Count);
        return [.. files];
    }

    private static FhirReadResult ReadSynthea(string file, DateTimeOffset asOf) =>
        FhirSnapshotReader.Read(File.ReadAllBytes(RepoRoot.SharedData("fhir-samples", "synthea-r4-bundles", file)), asOf);

    [Theory]
    [MemberData(nameof(SyntheaBundles))]
    public void Read_EverySyntheaBundleAsOfNow_NoErrorsAndPatientRead(string file)
    {
        var result = ReadSynthea(file, Now);

        Assert.NotNull(result.Snapshot);
        Assert.DoesNotContain(result.Issues, i => i.Severity == IssueSeverity.Error);
        Assert.NotNull(result.Snapshot.Id);
        Assert.NotNull(result.Snapshot.Sex);
        Assert.NotNull(result.Snapshot.AgeYears);

        // Synthea labs are years old: as of 2026 none is inside its window, and each analyte says so once.
        Assert.Null(result.Snapshot.Labs.Bilirubin);
        Assert.Null(result.Snapshot.Labs.Creatinine);
        // Synthea's drugs are clinical-drug RxNorm codes (SCD: simvastatin 316672, furosemide 1719286, docetaxel 1860480 ...),
        // none an ingredient in the medication table: no medication is read, and the active ones are counted once (FHR051).
        Assert.All(result.Issues.Where(i => i.Severity == IssueSeverity.Warning), i => Assert.Contains(i.Code, (string[])[FhirIssueCodes.OutsideWindow, FhirIssueCodes.StaleAnalytes, FhirIssueCodes.MedicationCodeUnknown]));
        Assert.True(result.Issues.Count(i => i.Code == FhirIssueCodes.MedicationCodeUnknown) <= 1);
        Assert.Empty(result.Snapshot.Medications);
    }

    [Fact]
    public void Read_TomGoodwinAsOfLastVisit_ValuesMatchTheBundle()
    {
        // Tom_Goodwin_…: Patient da2c7b0a-… male, birthDate 1968-04-30. Last labs 2020-05-12T23:55:41+00:00:
        //   Observation eb56cfc7-… 1975-2 bilirubin 0.11900299815236146 mg/dL; b6556cb9-… 1751-7 albumin 5.42745298253406 g/dL;
        //   f862c855-… 777-3 platelets 295.3060640883033 10*3/uL.
        //   Creatinine 38483-4 twice at that same instant with different values (433b061e-… 3.4168 and 0f0b6911-… 1.0607 mg/dL),
        //   sodium 2947-0 likewise (1f0d64db-… 138.08 and 12ee419e-… 138.24): Synthea emits two panels with one timestamp.
        var asOf = new DateTimeOffset(2020, 5, 13, 0, 0, 0, TimeSpan.Zero);
        var result = ReadSynthea("Tom_Goodwin_e20de9eb-6f2d-4871-a43f-bbede53293ed.json", asOf);
        var s = result.Snapshot!;

        Assert.Equal("da2c7b0a-791a-4b8f-9a30-dc3d8cf1ec75", s.Id);
        Assert.Equal(Sex.Male, s.Sex);
        Assert.Equal(52.03m, s.AgeYears); // 52 birthdays by 2020-04-30, then 13 of 365 days
        Assert.Equal(0.11900299815236146m, s.Labs.Bilirubin!.Value.MilligramsPerDeciliter);
        Assert.Equal(5.42745298253406m, s.Labs.Albumin!.Value.GramsPerDeciliter);
        Assert.Equal(295.3060640883033m, s.Labs.Platelets!.Value.BillionsPerLiter);
        var bili = Assert.Single(result.For("labs.bilirubin"));
        Assert.Equal("eb56cfc7-a6ee-49ac-b91b-efb9e51d390b", bili.Id);
        Assert.Equal(new DateTimeOffset(2020, 5, 12, 23, 55, 41, TimeSpan.Zero), bili.Date);

        Assert.Null(s.Labs.Creatinine);
        Assert.Null(s.Labs.Sodium);
        Assert.Null(s.Labs.Urea); // 6299-2: e1787cdb-… 15.09 and 532dd869-… 18.63 mg/dL, same instant
        Assert.Equal(3, result.Issues.Count(i => i.Code == FhirIssueCodes.ConflictingValues));
        Assert.Contains(result.Issues, i => i.Code == FhirIssueCodes.ConflictingValues && i.Message.Contains("433b061e-2ee6-42f7-a596-ed1c7948068c", StringComparison.Ordinal));
        Assert.Contains(result.Issues, i => i.Code == FhirIssueCodes.ConflictingValues && i.Message.Contains("1f0d64db-2433-48bd-8c01-9c0a61fdb92f", StringComparison.Ordinal));
        Assert.Null(s.Findings.DialysisTwiceInPastWeek); // no creatinine used, so no dialysis week

        // Condition 872859f9-… Prediabetes (SNOMED 15777000) is not in the table: impaired fasting glucose is not the same thing.
        Assert.Null(s.Findings.DiabetesOrImpairedFastingGlucose);
    }

    [Fact]
    public void Read_MurrayHaneAsOfLastLabs_DuplicatesAgreeAndAlcoholismRecorded()
    {
        // Murray_Hane_…: Patient 0d1d30da-… male, born 1920-04-23. Labs 2005-11-04T02:39:21+00:00: creatinine 38483-4
        // d5814977-… and 859c4b01-… both 0.6027698167706091 mg/dL (identical duplicates: no conflict), bilirubin a10479ec-…
        // 0.8353785187717855 mg/dL. Platelets 8469e631-… is from 2003-08-16: outside the 30-day window.
        // Condition a3db835c-… Alcoholism (SNOMED 7200002), active since 1951.
        var asOf = new DateTimeOffset(2005, 11, 5, 0, 0, 0, TimeSpan.Zero);
        var result = ReadSynthea("Murray_Hane_dd3f014e-481e-4c9c-834e-47e3f881ce3b.json", asOf);
        var s = result.Snapshot!;

        Assert.Equal(0.6027698167706091m, s.Labs.Creatinine!.Value.MilligramsPerDeciliter);
        Assert.Equal(0.8353785187717855m, s.Labs.Bilirubin!.Value.MilligramsPerDeciliter);
        Assert.Equal(137.17039472527642m, s.Labs.Sodium!.Value.MillimolesPerLiter);
        Assert.Null(s.Labs.Platelets);
        Assert.Contains(result.Issues, i => i.Code == FhirIssueCodes.OutsideWindow && i.Path == "Observation/8469e631-1eac-4901-abfa-3f1c1fa219cc.effective");
        Assert.False(s.Findings.DialysisTwiceInPastWeek); // a creatinine is used and no dialysis Procedure precedes it
        var aud = Assert.Single(result.For("conditions.alcoholUseDisorder"));
        Assert.Equal("a3db835c-f33f-4a0e-8133-24c70f50e1f3", aud.Id);
        Assert.Equal(85.53m, s.AgeYears); // 85 birthdays by 2005-04-23, then 196 of 365 days = 0.537 -> 85.53
        Assert.DoesNotContain(result.Issues, i => i.Severity == IssueSeverity.Error);
    }

    [Fact]
    public void Read_NedHintz_HepatitisBDoseRead()
    {
        // Ned_Hintz_…: Immunization d2f2b627-… CVX 43 (hepatitis B, adult) on 2016-03-16T20:15:35+00:00, completed.
        var result = ReadSynthea("Ned_Hintz_e4b9259d-0f54-48d1-a35d-b526729a4dfe.json", Now);

        var dose = Assert.Single(result.Snapshot!.Vaccinations, v => v.Cvx == "43");
        Assert.Equal(new DateOnly(2016, 3, 16), dose.Date);
        Assert.Contains(result.For("vaccinations"), x => x.Id == "d2f2b627-3f89-46fb-8f94-e8664b99ff0e");
    }
}

/// <summary>Each Synthea bundle read as of just after its own last Observation, so its latest labs are in their windows.</summary>
public sealed class SyntheaAsOfLastVisitTests
{
    public static TheoryData<string> Bundles() => FhirSnapshotReaderTests.SyntheaBundles();

    [Theory]
    [MemberData(nameof(Bundles))]
    public void Read_AsOfLastObservation_OnlySameTimeConflictsAreErrorsAndLatestLabsUsed(string file)
    {
        var bytes = File.ReadAllBytes(RepoRoot.SharedData("fhir-samples", "synthea-r4-bundles", file));
        var asOf = LastObservation(bytes).AddMinutes(1);

        var result = FhirSnapshotReader.Read(bytes, asOf);

        Assert.NotNull(result.Snapshot);
        Assert.All(result.Issues.Where(i => i.Severity == IssueSeverity.Error), i => Assert.Equal(FhirIssueCodes.ConflictingValues, i.Code));
        Assert.All(result.Issues.Where(i => i.Severity == IssueSeverity.Warning), i => Assert.Contains(i.Code, (string[])[FhirIssueCodes.OutsideWindow, FhirIssueCodes.StaleAnalytes, FhirIssueCodes.MedicationCodeUnknown]));
        Assert.Empty(result.Snapshot.Medications);

        // Every lab used came from an Observation at most 30 days before as-of, and each has a source.
        foreach (var source in result.Sources.Where(s => s.Path.StartsWith("labs.", StringComparison.Ordinal)))
        {
            Assert.InRange(source.Date!.Value, asOf.AddDays(-30), asOf);
        }

        Assert.Equal(result.Snapshot.Labs.Creatinine is not null, result.For("labs.creatinine").Any());
    }

    private static DateTimeOffset LastObservation(byte[] bundle)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(bundle);
        return doc.RootElement.GetProperty("entry").EnumerateArray()
            .Select(e => e.GetProperty("resource"))
            .Where(r => r.GetProperty("resourceType").GetString() == "Observation" && r.TryGetProperty("effectiveDateTime", out _))
            .Max(r => DateTimeOffset.Parse(r.GetProperty("effectiveDateTime").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }
}
