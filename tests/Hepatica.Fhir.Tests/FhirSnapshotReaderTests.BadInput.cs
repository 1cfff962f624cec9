using Hepatica.Clinical.Scoring;

namespace Hepatica.Fhir.Tests;

/// <summary>Bad input: every problem is a coded issue, never an exception.</summary>
public sealed partial class FhirSnapshotReaderTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 11, 21, 0, 0, 0, TimeSpan.Zero);

    private static FhirReadResult ReadInline(string json) => FhirSnapshotReader.Read(json, AsOf);

    [Theory]
    [InlineData("{\"resourceType\":\"Bundle\",")]
    [InlineData("{not json")]
    [InlineData("")]
    public void Read_MalformedJson_Fhr001(string json)
    {
        var result = ReadInline(json);

        Assert.Null(result.Snapshot);
        Assert.Equal(FhirIssueCodes.MalformedJson, Assert.Single(result.Issues).Code);
    }

    [Fact]
    public void Read_PatientInsteadOfBundle_Fhr002()
    {
        var result = ReadInline("""{"resourceType":"Patient","id":"p1","gender":"male"}""");

        Assert.Null(result.Snapshot);
        var issue = Assert.Single(result.Issues);
        Assert.Equal((FhirIssueCodes.NotABundle, IssueSeverity.Error), (issue.Code, issue.Severity));
        Assert.Contains("found a Patient", issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"id":"x"}""")]
    [InlineData("""{"resourceType":"NoSuchThing"}""")]
    [InlineData("[1,2]")]
    public void Read_NotAResource_ErrorNoThrow(string json)
    {
        var result = ReadInline(json);

        Assert.Null(result.Snapshot);
        Assert.NotEmpty(result.Issues);
        Assert.All(result.Issues, i => Assert.Equal(IssueSeverity.Error, i.Severity));
        Assert.All(result.Issues, i => Assert.StartsWith("FHR00", i.Code, StringComparison.Ordinal));
    }

    [Fact]
    public void Read_InvalidFhirContent_EveryFirelyIssueReported()
    {
        // status 'bogus' (PVAL116) and a string where a decimal belongs (PVAL123): both reported, with the Firely code.
        var result = ReadInline(Bundles.With("""{"resourceType":"Observation","id":"o1","status":"bogus","code":{"coding":[{"system":"http://loinc.org","code":"6301-6"}]},"valueQuantity":{"value":"abc"}}"""));

        Assert.Null(result.Snapshot);
        Assert.True(result.Issues.Count >= 2);
        Assert.All(result.Issues, i => Assert.Equal(FhirIssueCodes.InvalidFhir, i.Code));
        Assert.Contains(result.Issues, i => i.Message.StartsWith("PVAL116", StringComparison.Ordinal));
        Assert.Contains(result.Issues, i => i.Message.StartsWith("PVAL123", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_UnknownResourceType_Fhr002()
    {
        var result = ReadInline("""{"resourceType":"NoSuchThing","id":"x"}""");

        Assert.Null(result.Snapshot);
        Assert.Contains(result.Issues, i => i.Code == FhirIssueCodes.NotABundle && i.Message.StartsWith("PVAL130", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_TwoPatients_Fhr004()
    {
        var result = ReadInline(Bundles.With("""{"resourceType":"Patient","id":"p2","gender":"male"}"""));

        Assert.Null(result.Snapshot);
        Assert.Equal(FhirIssueCodes.PatientCount, Assert.Single(result.Issues).Code);
    }

    [Fact]
    public void Read_NoPatient_Fhr004()
    {
        var result = ReadInline("""{"resourceType":"Bundle","type":"collection"}""");

        Assert.Equal(FhirIssueCodes.PatientCount, Assert.Single(result.Issues).Code);
    }

    [Fact]
    public void Read_ObservationWithoutCoding_Fhr018()
    {
        var result = ReadInline(Bundles.With("""{"resourceType":"Observation","id":"o1","status":"final","code":{"text":"INR"},"subject":{"reference":"urn:uuid:0b5e7a7e-1c2d-4e3f-8a9b-000000000001"},"effectiveDateTime":"2026-11-20","valueQuantity":{"value":1.5}}"""));

        var issue = Assert.Single(result.Issues);
        Assert.Equal((FhirIssueCodes.MissingCode, "Observation/o1.code"), (issue.Code, issue.Path));
        Assert.Null(result.Snapshot!.Labs.Inr);
    }

    [Fact]
    public void Read_MassUnitOnInrCode_Fhr010NotUsed()
    {
        var result = ReadInline(Bundles.With(Bundles.Obs("o1", "6301-6", 1.5m, "mg/dL", "2026-11-20T08:00:00Z")));

        var issue = Assert.Single(result.Issues);
        Assert.Equal((FhirIssueCodes.UnitDoesNotFitCode, IssueSeverity.Error), (issue.Code, issue.Severity));
        Assert.Contains("{INR}", issue.Message, StringComparison.Ordinal);
        Assert.Null(result.Snapshot!.Labs.Inr);
    }

    [Fact]
    public void Read_MolarUnitOnMassCreatinineCode_Fhr010()
    {
        // 2160-0 is [Mass/volume]: umol/L belongs to 14682-9. Converting would hide a mis-mapped code.
        var result = ReadInline(Bundles.With(Bundles.Obs("o1", "2160-0", 150m, "umol/L", "2026-11-20T08:00:00Z")));

        Assert.Equal(FhirIssueCodes.UnitDoesNotFitCode, Assert.Single(result.Issues).Code);
    }

    [Fact]
    public void Read_InrWithoutUnit_Accepted()
    {
        var result = ReadInline(Bundles.With(Bundles.Obs("o1", "6301-6", 1.5m, null, "2026-11-20T08:00:00Z")));

        Assert.Empty(result.Issues);
        Assert.Equal(1.5m, result.Snapshot!.Labs.Inr!.Value.Ratio);
    }

    [Fact]
    public void Read_ImpossibleValue_CoreLabCodeOnObservationPath()
    {
        var result = ReadInline(Bundles.With(Bundles.Obs("o1", "1975-2", -1m, "mg/dL", "2026-11-20T08:00:00Z")));

        var issue = Assert.Single(result.Issues);
        Assert.Equal((IssueCodes.ImpossibleValue, "Observation/o1.valueQuantity.value"), (issue.Code, issue.Path));
    }

    [Theory]
    [InlineData("entered-in-error")]
    [InlineData("cancelled")]
    [InlineData("preliminary")]
    public void Read_StatusNotFinal_Fhr012AndEarlierFinalValueUsed(string status)
    {
        var result = ReadInline(Bundles.With(
            Bundles.Obs("o-old", "1975-2", 2.0m, "mg/dL", "2026-11-19T08:00:00Z"),
            Bundles.Obs("o-new", "1975-2", 9.0m, "mg/dL", "2026-11-20T08:00:00Z", status)));

        var issue = Assert.Single(result.Issues);
        Assert.Equal((FhirIssueCodes.StatusIgnored, IssueSeverity.Warning, "Observation/o-new.status"), (issue.Code, issue.Severity, issue.Path));
        Assert.Equal(2.0m, result.Snapshot!.Labs.Bilirubin!.Value.MilligramsPerDeciliter);
    }

    [Fact]
    public void Read_LatestValueOlderThanWindow_Fhr013NotUsed()
    {
        var result = ReadInline(Bundles.With(Bundles.Obs("o1", "1751-7", 3.1m, "g/dL", "2026-10-21T00:00:00Z"))); // 31 days

        var issue = Assert.Single(result.Issues, i => i.Code != FhirIssueCodes.StaleAnalytes); // FHR024 sums it up: StaleAnalytesTests
        Assert.Equal((FhirIssueCodes.OutsideWindow, IssueSeverity.Warning), (issue.Code, issue.Severity));
        Assert.Contains("31 days", issue.Message, StringComparison.Ordinal);
        Assert.Null(result.Snapshot!.Labs.Albumin);
    }

    [Fact]
    public void Read_ValueExactlyAtWindowEdge_Used()
    {
        var result = ReadInline(Bundles.With(Bundles.Obs("o1", "1751-7", 3.1m, "g/dL", "2026-10-22T00:00:00Z"))); // 30 days

        Assert.Empty(result.Issues);
        Assert.NotNull(result.Snapshot!.Labs.Albumin);
    }

    [Fact]
    public void Read_ValueAfterAsOf_Ignored()
    {
        var result = ReadInline(Bundles.With(Bundles.Obs("o1", "1751-7", 3.1m, "g/dL", "2026-11-22T00:00:00Z")));

        Assert.Empty(result.Issues);
        Assert.Null(result.Snapshot!.Labs.Albumin);
    }

    [Fact]
    public void Read_TwoValuesSameTimeDisagree_Fhr014NeitherUsed()
    {
        var result = ReadInline(Bundles.With(
            Bundles.Obs("o-a", "2951-2", 131m, "mmol/L", "2026-11-20T08:00:00Z"),
            Bundles.Obs("o-b", "2947-0", 138m, "mmol/L", "2026-11-20T08:00:00Z"))); // serum and blood codes: one analyte

        var issue = Assert.Single(result.Issues);
        Assert.Equal((FhirIssueCodes.ConflictingValues, IssueSeverity.Error), (issue.Code, issue.Severity));
        Assert.Contains("o-a", issue.Message, StringComparison.Ordinal);
        Assert.Null(result.Snapshot!.Labs.Sodium);
    }

    [Fact]
    public void Read_TwoUnitsSameValueSameTime_NoConflict()
    {
        var result = ReadInline(Bundles.With(
            Bundles.Obs("o-a", "1751-7", 3.1m, "g/dL", "2026-11-20T08:00:00Z"),
            Bundles.Obs("o-b", "1751-7", 31m, "g/L", "2026-11-20T08:00:00Z")));

        Assert.Empty(result.Issues);
        Assert.Equal(3.1m, result.Snapshot!.Labs.Albumin!.Value.GramsPerDeciliter);
    }

    [Fact]
    public void Read_ObservationForAnotherPatient_Fhr016Ignored()
    {
        var result = ReadInline(Bundles.With(Bundles.Obs("o1", "6301-6", 2.5m, "{INR}", "2026-11-20T08:00:00Z", subject: "Patient/someone-else")));

        var issue = Assert.Single(result.Issues);
        Assert.Equal((FhirIssueCodes.OtherPatient, "Observation/o1.subject"), (issue.Code, issue.Path));
        Assert.Null(result.Snapshot!.Labs.Inr);
    }

    [Fact]
    public void Read_ObservationWithoutSubject_Fhr015Ignored()
    {
        var result = ReadInline(Bundles.With(Bundles.Obs("o1", "6301-6", 2.5m, "{INR}", "2026-11-20T08:00:00Z", subject: "")));

        Assert.Equal(FhirIssueCodes.NoSubject, Assert.Single(result.Issues).Code);
        Assert.Null(result.Snapshot!.Labs.Inr);
    }

    [Fact]
    public void Read_SubjectAsPatientId_Matches()
    {
        var result = ReadInline(Bundles.With(Bundles.Obs("o1", "6301-6", 2.5m, "{INR}", "2026-11-20T08:00:00Z", subject: "Patient/p1")));

        Assert.Empty(result.Issues);
        Assert.Equal(2.5m, result.Snapshot!.Labs.Inr!.Value.Ratio);
    }

    [Fact]
    public void Read_ValueWithComparator_Fhr019()
    {
        var result = ReadInline(Bundles.With("""{"resourceType":"Observation","id":"o1","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"1975-2"}]},"subject":{"reference":"urn:uuid:0b5e7a7e-1c2d-4e3f-8a9b-000000000001"},"effectiveDateTime":"2026-11-20","valueQuantity":{"value":0.1,"comparator":"<","system":"http://unitsofmeasure.org","code":"mg/dL"}}"""));

        Assert.Equal(FhirIssueCodes.ValueIsBound, Assert.Single(result.Issues).Code);
    }

    [Theory]
    [InlineData("other")]
    [InlineData("unknown")]
    public void Read_GenderNotMaleOrFemale_Fhr005SexNotSet(string gender)
    {
        var result = ReadInline(Bundles.With().Replace("\"gender\":\"female\"", $"\"gender\":\"{gender}\"", StringComparison.Ordinal));

        var issue = Assert.Single(result.Issues);
        Assert.Equal((FhirIssueCodes.SexNotUsable, IssueSeverity.Warning), (issue.Code, issue.Severity));
        Assert.Null(result.Snapshot!.Sex);
        Assert.Equal(56.88m, result.Snapshot.AgeYears); // born 1970-01-01: 324 of 365 days into year 56
    }

    [Fact]
    public void Read_ConditionRefutedOrResolved_NotUsed()
    {
        const string Refuted = """{"resourceType":"Condition","id":"c1","clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"active"}]},"verificationStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-ver-status","code":"refuted"}]},"code":{"coding":[{"system":"http://snomed.info/sct","code":"19943007"}]},"subject":{"reference":"urn:uuid:0b5e7a7e-1c2d-4e3f-8a9b-000000000001"}}""";
        const string Resolved = """{"resourceType":"Condition","id":"c2","clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"resolved"}]},"code":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"K7581"}]},"subject":{"reference":"urn:uuid:0b5e7a7e-1c2d-4e3f-8a9b-000000000001"},"abatementDateTime":"2025-01-01"}""";
        var result = ReadInline(Bundles.With(Refuted, Resolved));

        Assert.Equal(FhirIssueCodes.ConditionStatusIgnored, Assert.Single(result.Issues).Code);
        Assert.Null(result.Snapshot!.Findings.Cirrhosis);
        Assert.Null(result.Snapshot.Findings.FattyLiverDisease);
    }

    [Fact]
    public void Read_ConditionResolvedAfterAsOf_StillPresentThen()
    {
        const string Resolved = """{"resourceType":"Condition","id":"c2","clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"resolved"}]},"code":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"K75.81"}]},"subject":{"reference":"urn:uuid:0b5e7a7e-1c2d-4e3f-8a9b-000000000001"},"onsetDateTime":"2020-01-01","abatementDateTime":"2026-12-01"}""";
        var result = ReadInline(Bundles.With(Resolved));

        Assert.Empty(result.Issues);
        Assert.True(result.Snapshot!.Findings.FattyLiverDisease);
    }

    [Fact]
    public void Read_NoConditionAtAll_CholestaticNotAssumed()
    {
        var result = ReadInline(Bundles.With(Bundles.Obs("o1", "1975-2", 2.0m, "mg/dL", "2026-11-20T08:00:00Z")));

        Assert.Null(result.Snapshot!.Findings.CholestaticLiverDisease);
    }

    [Fact]
    public void Read_PrimarySclerosingCholangitis_Cholestatic()
    {
        const string Psc = """{"resourceType":"Condition","id":"c1","clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"active"}]},"code":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"K83.01"}]},"subject":{"reference":"Patient/p1"}}""";
        var result = ReadInline(Bundles.With(Psc));

        Assert.True(result.Snapshot!.Findings.CholestaticLiverDisease);
    }

    [Fact]
    public void Read_NeverThrows_ForTruncationsOfAFixture()
    {
        var json = File.ReadAllText(RepoRoot.Fixture("cirrhosis-ascites-dialysis.json"));
        for (var n = 0; n < json.Length; n += 97)
        {
            var result = ReadInline(json[..n]);
            Assert.Null(result.Snapshot);
            Assert.NotEmpty(result.Issues);
        }
    }
}
