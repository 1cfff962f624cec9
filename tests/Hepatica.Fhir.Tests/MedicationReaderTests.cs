using Hepatica.Clinical.Findings;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Fhir.Tests;

/// <summary>MedicationStatement and MedicationRequest: codes, statuses, dates, planned vs current (docs/fhir.md, "Medications").</summary>
public sealed class MedicationReaderTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 11, 21, 0, 0, 0, TimeSpan.Zero);

    private const string Rituximab = """{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"121191"}]}""";
    private const string Prednisone = """{"coding":[{"system":"http://www.whocc.no/atc","code":"H02AB07"}]}""";

    private static string Request(string id, string status, string concept, string extra = "", string intent = "order") =>
        $$"""{"resourceType":"MedicationRequest","id":"{{id}}","status":"{{status}}","intent":"{{intent}}","medicationCodeableConcept":{{concept}},"subject":{"reference":"Patient/p1"},"authoredOn":"2026-11-01"{{extra}}}""";

    private static string Statement(string id, string status, string concept, string effective) =>
        $$"""{"resourceType":"MedicationStatement","id":"{{id}}","status":"{{status}}","medicationCodeableConcept":{{concept}},"subject":{"reference":"Patient/p1"},{{effective}}}""";

    private static FhirReadResult Read(params string[] resources) => FhirSnapshotReader.Read(Bundles.With(resources), AsOf);

    [Theory]
    [InlineData("draft", "order", true)]
    [InlineData("active", "proposal", true)]
    [InlineData("active", "plan", true)]
    [InlineData("active", "order", false)]
    [InlineData("on-hold", "order", false)]
    public void Read_RequestStatusAndIntent_PlannedOrCurrent(string status, string intent, bool planned)
    {
        var result = Read(Request("mr1", status, Rituximab, intent: intent));

        Assert.Equal(MedicationClass.BCellDepleting, Assert.Single(result.Snapshot!.Medications).Class);
        Assert.Equal(planned ? [0] : [], result.PlannedMedications);
        Assert.Empty(result.Issues);
    }

    [Theory]
    [InlineData("entered-in-error")]
    [InlineData("cancelled")]
    [InlineData("unknown")]
    public void Read_RequestNotUsable_Fhr050(string status)
    {
        var result = Read(Request("mr1", status, Rituximab));

        Assert.Empty(result.Snapshot!.Medications);
        var issue = Assert.Single(result.Issues);
        Assert.Equal((FhirIssueCodes.MedicationStatusIgnored, IssueSeverity.Warning, "MedicationRequest/mr1.status"), (issue.Code, issue.Severity, issue.Path));
    }

    [Theory]
    [InlineData("entered-in-error")]
    [InlineData("not-taken")]
    [InlineData("unknown")]
    public void Read_StatementNotUsable_Fhr050(string status)
    {
        var result = Read(Statement("ms1", status, Prednisone, "\"effectiveDateTime\":\"2026-11-01\""));

        Assert.Empty(result.Snapshot!.Medications);
        Assert.Equal(FhirIssueCodes.MedicationStatusIgnored, Assert.Single(result.Issues).Code);
    }

    [Fact]
    public void Read_DoNotPerformRequest_Fhr050()
    {
        var result = Read(Request("mr1", "active", Rituximab, ",\"doNotPerform\":true"));

        Assert.Empty(result.Snapshot!.Medications);
        Assert.Equal("MedicationRequest/mr1.doNotPerform", Assert.Single(result.Issues).Path);
    }

    [Fact]
    public void Read_RequestWithUnknownCode_CountedOnceNotGuessed()
    {
        // 1860480 is a clinical-drug (SCD) RxNorm code ("1 ML DOCEtaxel 20 MG/ML Injection" in Synthea), not an ingredient
        // in the table; the display "rituximab" on the second resource is never read.
        var result = Read(
            Request("mr1", "active", """{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"1860480"}]}"""),
            Request("mr2", "active", """{"coding":[{"system":"http://example.org/local","code":"R1","display":"rituximab"}],"text":"rituximab"}"""),
            Request("mr3", "active", """{"text":"rituximab 1 g"}"""));

        Assert.Empty(result.Snapshot!.Medications);
        var issue = Assert.Single(result.Issues);
        Assert.Equal((FhirIssueCodes.MedicationCodeUnknown, IssueSeverity.Warning), (issue.Code, issue.Severity));
        Assert.StartsWith("3 medication", issue.Message, StringComparison.Ordinal);
        Assert.Contains("MedicationRequest/mr1 (RxNorm 1860480)", issue.Message, StringComparison.Ordinal);
        Assert.Contains("MedicationRequest/mr3 (text only: 'rituximab 1 g')", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnknownCodeEnteredInError_NotCountedNoIssue()
    {
        var result = Read(Request("mr1", "entered-in-error", """{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"1860480"}]}"""));

        Assert.Empty(result.Issues);
    }

    [Fact]
    public void Read_CodesOfDifferentClasses_Fhr054NotUsed()
    {
        var result = Read(Request("mr1", "active", """{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"121191"},{"system":"http://www.whocc.no/atc","code":"H02AB07"}]}"""));

        Assert.Empty(result.Snapshot!.Medications);
        Assert.Equal(FhirIssueCodes.MedicationCodesDisagree, Assert.Single(result.Issues).Code);
    }

    [Fact]
    public void Read_ReferenceNeitherContainedNorBundled_Fhr053()
    {
        var result = Read("""{"resourceType":"MedicationRequest","id":"mr1","status":"active","intent":"order","medicationReference":{"reference":"Medication/elsewhere"},"subject":{"reference":"Patient/p1"}}""");

        Assert.Empty(result.Snapshot!.Medications);
        var issue = Assert.Single(result.Issues);
        Assert.Equal((FhirIssueCodes.MedicationReferenceUnresolved, "MedicationRequest/mr1.medicationReference"), (issue.Code, issue.Path));
    }

    [Fact]
    public void Read_MedicationForAnotherPatient_Fhr016()
    {
        var result = Read(Request("mr1", "active", Rituximab).Replace("Patient/p1", "Patient/other", StringComparison.Ordinal));

        Assert.Empty(result.Snapshot!.Medications);
        Assert.Equal(FhirIssueCodes.OtherPatient, Assert.Single(result.Issues).Code);
    }

    [Fact]
    public void Read_CompletedRituximabTenMonthsAgo_StillCounts()
    {
        // Ended 2026-01-21: 304 days before as-of, inside the 12 months a B-cell depleting agent counts.
        var result = Read(Statement("ms1", "completed", Rituximab, "\"effectivePeriod\":{\"start\":\"2025-12-01\",\"end\":\"2026-01-21\"}"));

        var m = Assert.Single(result.Snapshot!.Medications);
        Assert.Equal(MedicationClass.BCellDepleting, m.Class);
        Assert.Equal(7.3m, m.DurationWeeks); // 51 days / 7 = 7.29 -> 7.3
        Assert.Empty(result.PlannedMedications);
        Assert.Empty(result.Issues);
    }

    [Fact]
    public void Read_CompletedPrednisoneSevenMonthsAgo_Fhr052()
    {
        // Ended 2026-04-20: 215 days before as-of, beyond the 182 days (6 months) other drugs count.
        var result = Read(Statement("ms1", "completed", Prednisone, "\"effectivePeriod\":{\"start\":\"2026-03-01\",\"end\":\"2026-04-20\"}"));

        Assert.Empty(result.Snapshot!.Medications);
        var issue = Assert.Single(result.Issues);
        Assert.Equal((FhirIssueCodes.MedicationEnded, "MedicationStatement/ms1"), (issue.Code, issue.Path));
        Assert.Contains("215 days", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_StoppedStatementWithoutDates_Fhr052()
    {
        var result = Read("""{"resourceType":"MedicationStatement","id":"ms1","status":"stopped","medicationCodeableConcept":{"coding":[{"system":"http://www.whocc.no/atc","code":"H02AB07"}]},"subject":{"reference":"Patient/p1"}}""");

        Assert.Empty(result.Snapshot!.Medications);
        Assert.Contains("no date", Assert.Single(result.Issues).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ActiveStatementStartingAfterAsOf_Planned()
    {
        var result = Read(Statement("ms1", "active", Rituximab, "\"effectivePeriod\":{\"start\":\"2026-12-01\"}"));

        Assert.Single(result.Snapshot!.Medications);
        Assert.Equal([0], result.PlannedMedications);
    }

    [Fact]
    public void Read_RequestAuthoredAfterAsOf_NotYetKnown()
    {
        var result = Read(Request("mr1", "active", Rituximab).Replace("2026-11-01", "2026-11-25", StringComparison.Ordinal));

        Assert.Empty(result.Snapshot!.Medications);
        Assert.Empty(result.Issues);
    }

    [Fact]
    public void Read_RequestAndStatementForOneDrug_OneMedicationTwoSources()
    {
        var result = Read(
            Request("mr1", "draft", Rituximab),
            Statement("ms1", "active", Rituximab, "\"effectivePeriod\":{\"start\":\"2026-11-10\"}"));

        Assert.Single(result.Snapshot!.Medications);
        Assert.Empty(result.PlannedMedications); // the statement says it is taken: current wins over planned
        Assert.Equal(["mr1", "ms1"], result.For("medications[0]").Select(x => x.Id));
    }

    [Fact]
    public void Read_RequestSupplyDurationInDays_DurationWeeks()
    {
        var result = Read(Request("mr1", "active", Prednisone, ",\"dispenseRequest\":{\"expectedSupplyDuration\":{\"value\":28,\"unit\":\"days\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"d\"}}"));

        var m = Assert.Single(result.Snapshot!.Medications);
        Assert.Equal(4m, m.DurationWeeks);
        Assert.Null(m.PrednisoneEquivalentMgPerDay); // a dosage is never converted into a prednisone equivalent
    }
}
