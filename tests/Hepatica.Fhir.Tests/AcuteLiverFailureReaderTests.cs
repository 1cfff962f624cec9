using Hepatica.Clinical;
using Hepatica.Clinical.Findings;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Fhir.Tests;

/// <summary>
/// The cause of acute liver failure and the encephalopathy grade from Conditions (docs/fhir.md, "Acute liver failure").
/// Expected values are worked out by hand from Fixtures/alf-acetaminophen-kcc.json and the inline Bundles.
/// </summary>
public sealed class AcuteLiverFailureReaderTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private static FhirReadResult Read(string json) => FhirSnapshotReader.Read(System.Text.Encoding.UTF8.GetBytes(json), AsOf);

    private static string Cond(string id, string system, string code) =>
        "{\"resourceType\":\"Condition\",\"id\":\"" + id + "\",\"clinicalStatus\":{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/condition-clinical\",\"code\":\"active\"}]},"
        + "\"code\":{\"coding\":[{\"system\":\"" + system + "\",\"code\":\"" + code + "\"}]},\"subject\":{\"reference\":\"Patient/p1\"},\"onsetDateTime\":\"2026-11-19\"}";

    private const string Icd = "http://hl7.org/fhir/sid/icd-10-cm";
    private const string Sct = "http://snomed.info/sct";

    [Fact]
    public void Read_AcetaminophenKccFixture_CauseGradeAndCriteriaMet()
    {
        var result = FhirSnapshotReader.Read(File.ReadAllBytes(RepoRoot.Fixture("alf-acetaminophen-kcc.json")), AsOf);
        var s = result.Snapshot!;

        Assert.Equal(AcuteLiverFailureCause.Acetaminophen, s.Findings.AcuteLiverFailureCause); // K72.01 + T39.1X2A / 70273001
        Assert.Equal(4, s.Findings.Encephalopathy!.Value.Grade); // K72.01 "with coma": West Haven 4
        Assert.Equal(["c-alf-coma", "c-apap"], result.For("findings.acuteLiverFailureCause").Select(x => x.Id).Distinct());
        Assert.Equal("K72.01", Assert.Single(result.For("findings.encephalopathyGrade")).Code);
        Assert.DoesNotContain(result.Issues, i => i.Severity == IssueSeverity.Error);

        // By hand: pH 7.35 is not < 7.30; INR 7.1 > 6.5, creatinine 3.8 > 3.4 mg/dL and grade 4 (3-4): met (O'Grady 1989).
        var kcc = Assessment.Of(s).Outcomes.Single(o => o.Definition.Id == "kcc-acetaminophen");
        Assert.True(kcc.Status == OutcomeStatus.Calculated, kcc.Reason);
        Assert.Equal(1m, kcc.Result!.Value);
        var other = Assessment.Of(s).Outcomes.Single(o => o.Definition.Id == "kcc-non-acetaminophen");
        Assert.Equal(OutcomeStatus.NotApplicable, other.Status);
    }

    [Fact]
    public void Write_AcetaminophenKccFixture_CriteriaMetObservationAndConditionsInProvenance()
    {
        var c = FhirAssessmentWriterTests.Write("alf-acetaminophen-kcc.json");
        var kcc = FhirAssessmentWriterTests.All<Hl7.Fhir.Model.Observation>(c.Bundle).Single(o => o.Code.Coding[0].Code == "kcc-acetaminophen");
        Assert.True(Assert.IsType<Hl7.Fhir.Model.FhirBoolean>(kcc.Value).Value);
        var entities = Assert.Single(FhirAssessmentWriterTests.All<Hl7.Fhir.Model.Provenance>(c.Bundle)).Entity.Select(e => e.What.Reference).ToList();
        Assert.Contains(c.Ref("Condition", "c-apap"), entities);
        Assert.Contains(c.Ref("Condition", "c-alf-coma"), entities);
    }

    [Fact]
    public void Read_AcuteLiverFailureWithoutCodedCause_CauseStaysMissing()
    {
        // The existing fixture codes K72.00 and nothing else: no cause is inferred, neither acetaminophen nor "other".
        var result = FhirSnapshotReader.Read(File.ReadAllBytes(RepoRoot.Fixture("acute-liver-failure.json")), AsOf);
        Assert.Null(result.Snapshot!.Findings.AcuteLiverFailureCause);
        Assert.Null(result.Snapshot.Findings.Encephalopathy); // K72.00: without coma, no grade
        Assert.Empty(result.For("findings.acuteLiverFailureCause"));
    }

    [Theory]
    [InlineData(Icd, "B15.9", AcuteLiverFailureCause.HepatitisA)]
    [InlineData(Icd, "B169", AcuteLiverFailureCause.HepatitisB)]
    [InlineData(Icd, "T39.1X1A", AcuteLiverFailureCause.Acetaminophen)]
    [InlineData(Icd, "T391X4D", AcuteLiverFailureCause.Acetaminophen)]
    [InlineData(Sct, "70273001", AcuteLiverFailureCause.Acetaminophen)]
    public void Read_AlfWithOneCodedCause_CauseSet(string system, string code, AcuteLiverFailureCause expected)
    {
        var result = Read(Bundles.With(Cond("alf", Sct, "197270009"), Cond("cause", system, code)));
        Assert.Equal(expected, result.Snapshot!.Findings.AcuteLiverFailureCause);
        Assert.Equal(["alf", "cause"], result.For("findings.acuteLiverFailureCause").Select(x => x.Id));
    }

    [Theory]
    [InlineData("T39.1X5A")] // adverse effect (therapeutic use): not poisoning
    [InlineData("T39.1X6A")] // underdosing
    [InlineData("T39.1X1S")] // sequela: the poisoning is over
    [InlineData("K71.10")]   // toxic liver disease: says no drug
    public void Read_AlfWithCodeThatIsNotACause_CauseMissing(string code)
    {
        var result = Read(Bundles.With(Cond("alf", Icd, "K72.00"), Cond("cause", Icd, code)));
        Assert.Null(result.Snapshot!.Findings.AcuteLiverFailureCause);
    }

    [Fact]
    public void Read_AcetaminophenPoisoningWithoutLiverFailure_CauseNotSet()
    {
        var result = Read(Bundles.With(Cond("cause", Icd, "T39.1X2A")));
        Assert.Null(result.Snapshot!.Findings.AcuteLiverFailureCause);
        Assert.Equal("cause", Assert.Single(result.For("conditions.acetaminophenPoisoning")).Id);
    }

    [Fact]
    public void Read_AcetaminophenAndAcuteHepatitisB_Fhr022AndCauseMissing()
    {
        var result = Read(Bundles.With(Cond("alf", Icd, "K72.00"), Cond("apap", Icd, "T39.1X2A"), Cond("hbv", Icd, "B16.9")));
        Assert.Null(result.Snapshot!.Findings.AcuteLiverFailureCause);
        var issue = Assert.Single(result.Issues, i => i.Code == FhirIssueCodes.AcuteLiverFailureCausesDisagree);
        Assert.Equal(IssueSeverity.Warning, issue.Severity);
        Assert.Contains("Condition/apap", issue.Message, StringComparison.Ordinal);
        Assert.Contains("Condition/hbv", issue.Message, StringComparison.Ordinal);
        Assert.Empty(result.For("findings.acuteLiverFailureCause"));
    }

    [Theory]
    [InlineData("K72.01")]
    [InlineData("K7211")]
    [InlineData("K72.91")]
    [InlineData("K70.41")]
    [InlineData("B15.0")]
    [InlineData("B16.2")]
    [InlineData("72836002")]
    public void Read_CodedComa_WestHavenGrade4(string code)
    {
        var result = Read(Bundles.With(Cond("c", code.Contains('.', StringComparison.Ordinal) || code.StartsWith('K') ? Icd : Sct, code)));
        Assert.Equal(4, result.Snapshot!.Findings.Encephalopathy!.Value.Grade);
    }

    [Theory]
    [InlineData(Icd, "K76.82")]   // hepatic encephalopathy: no grade
    [InlineData(Sct, "13920009")] // hepatic encephalopathy: no grade
    [InlineData(Icd, "K72.90")]   // without coma
    [InlineData(Icd, "B16.9")]    // without hepatic coma
    public void Read_EncephalopathyOrFailureWithoutComa_NoGrade(string system, string code)
    {
        var result = Read(Bundles.With(Cond("c", system, code)));
        Assert.Null(result.Snapshot!.Findings.Encephalopathy);
    }

    [Fact]
    public void Read_EncephalopathyAndComa_Grade4WithoutFhr020()
    {
        var result = Read(Bundles.With(Cond("he", Icd, "K76.82"), Cond("coma", Icd, "K72.91")));
        Assert.Equal(4, result.Snapshot!.Findings.Encephalopathy!.Value.Grade);
        Assert.DoesNotContain(result.Issues, i => i.Code == FhirIssueCodes.GradeNotCoded);
    }
}

/// <summary>Mean arterial pressure from Observation LOINC 8478-0 (docs/fhir.md, "Vital signs"); values chosen by hand.</summary>
public sealed class MeanArterialPressureReaderTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private static FhirReadResult Read(params string[] resources) =>
        FhirSnapshotReader.Read(System.Text.Encoding.UTF8.GetBytes(Bundles.With(resources)), AsOf);

    [Fact]
    public void Read_LatestWithinADay_Used()
    {
        var result = Read(Bundles.Obs("m1", "8478-0", 58m, "mm[Hg]", "2026-11-21T10:00:00Z"), Bundles.Obs("m0", "8478-0", 80m, "mm[Hg]", "2026-11-21T04:00:00Z"));
        Assert.Equal(58m, result.Snapshot!.Findings.MeanArterialPressure);
        Assert.Equal("m1", Assert.Single(result.For("findings.meanArterialPressure")).Id);
    }

    [Fact]
    public void Read_OlderThanOneDay_NotUsedFhr013()
    {
        // 2026-11-20T11:00Z is 25 hours before as-of: outside the 1-day window.
        var result = Read(Bundles.Obs("m1", "8478-0", 70m, "mm[Hg]", "2026-11-20T11:00:00Z"));
        Assert.Null(result.Snapshot!.Findings.MeanArterialPressure);
        Assert.Contains(result.Issues, i => i.Code == FhirIssueCodes.OutsideWindow && i.Path == "Observation/m1.effective");
    }

    [Fact]
    public void Read_WrongUnit_Fhr010()
    {
        var result = Read(Bundles.Obs("m1", "8478-0", 9.3m, "kPa", "2026-11-21T10:00:00Z"));
        Assert.Null(result.Snapshot!.Findings.MeanArterialPressure);
        Assert.Contains(result.Issues, i => i.Code == FhirIssueCodes.UnitDoesNotFitCode && i.Severity == IssueSeverity.Error);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("300.5")]
    public void Read_OutsideSnapshotRange_Snp004(string value)
    {
        var result = Read(Bundles.Obs("m1", "8478-0", decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), "mm[Hg]", "2026-11-21T10:00:00Z"));
        Assert.Null(result.Snapshot!.Findings.MeanArterialPressure);
        Assert.Contains(result.Issues, i => i.Code == IssueCodes.InvalidValue && i.Path == "Observation/m1.valueQuantity.value");
    }

    [Fact]
    public void Read_TwoDifferentAtOneTime_Fhr014NeitherUsed()
    {
        var result = Read(Bundles.Obs("m1", "8478-0", 60m, "mm[Hg]", "2026-11-21T10:00:00Z"), Bundles.Obs("m2", "8478-0", 75m, "mm[Hg]", "2026-11-21T10:00:00Z"));
        Assert.Null(result.Snapshot!.Findings.MeanArterialPressure);
        Assert.Contains(result.Issues, i => i.Code == FhirIssueCodes.ConflictingValues);
    }
}
