using Hepatica.Clinical.Findings;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Fhir.Tests;

/// <summary>Bad input the first pass did not cover: root types, uncoded codes, upper-limit units, duplicate resources.</summary>
public sealed partial class FhirSnapshotReaderTests
{
    private static string Uln(string id, string loinc, decimal value, string unit, string ranges) =>
        Bundles.Obs(id, loinc, value, unit, "2026-11-20T08:00:00Z", subject: "Patient/p1")[..^1] + ",\"referenceRange\":" + ranges + "}";

    [Theory]
    [InlineData("""{"resourceType":"Observation","id":"o1","status":"final","code":{"text":"INR"}}""", "Observation")]
    [InlineData("""{"resourceType":"Encounter","id":"e1","status":"finished","class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB"}}""", "Encounter")]
    public void Read_OtherResourceAtTheRoot_Fhr002(string json, string type)
    {
        var result = ReadInline(json);

        Assert.Null(result.Snapshot);
        var issue = Assert.Single(result.Issues);
        Assert.Equal(FhirIssueCodes.NotABundle, issue.Code);
        Assert.Contains("found a " + type, issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ObservationWithTextOnlyCode_Fhr018()
    {
        var result = ReadInline(Bundles.With("""{"resourceType":"Observation","id":"o1","status":"final","code":{"text":"INR"},"subject":{"reference":"Patient/p1"},"effectiveDateTime":"2026-11-20","valueQuantity":{"value":1.4}}"""));

        var issue = Assert.Single(result.Issues);
        Assert.Equal((FhirIssueCodes.MissingCode, "Observation/o1.code"), (issue.Code, issue.Path));
        Assert.Contains("text 'INR'", issue.Message, StringComparison.Ordinal);
        Assert.Null(result.Snapshot!.Labs.Inr);
    }

    [Fact]
    public void Read_UpperLimitInAUnitThatDoesNotFit_Fhr010ValueStillUsed()
    {
        // ALT 1742-6 accepts U/L and [IU]/L; a ULN in ukat/L is refused like a value would be, the value itself stands.
        var result = ReadInline(Bundles.With(Uln("o1", "1742-6", 620m, "U/L", """[{"high":{"value":0.67,"system":"http://unitsofmeasure.org","code":"ukat/L"}}]""")));

        Assert.Equal(620m, result.Snapshot!.Labs.Alt!.Value.UnitsPerLiter);
        Assert.Null(result.Snapshot.Labs.AltUpperLimit);
        var issue = Assert.Single(result.Issues);
        Assert.Equal((FhirIssueCodes.UnitDoesNotFitCode, IssueSeverity.Error, "Observation/o1.referenceRange[0].high.code"), (issue.Code, issue.Severity, issue.Path));
    }

    [Fact]
    public void Read_UpperLimitImpossible_CoreLabCodeOnTheRangePath()
    {
        var result = ReadInline(Bundles.With(Uln("o1", "1975-2", 3.1m, "mg/dL", """[{"high":{"value":120,"system":"http://unitsofmeasure.org","code":"mg/dL"}}]""")));

        Assert.Null(result.Snapshot!.Labs.BilirubinUpperLimit); // 120 mg/dL is above the 100 mg/dL limit: likely µmol/L
        Assert.Equal(3.1m, result.Snapshot.Labs.Bilirubin!.Value.MilligramsPerDeciliter);
        var issue = Assert.Single(result.Issues);
        Assert.Equal((IssueCodes.ImpossibleValue, "Observation/o1.referenceRange[0].high.value"), (issue.Code, issue.Path));
    }

    [Fact]
    public void Read_TwoNormalRangesThatDisagree_Fhr060NoUpperLimit()
    {
        var ranges = """[{"high":{"value":33,"system":"http://unitsofmeasure.org","code":"U/L"},"appliesTo":[{"text":"female"}]},{"high":{"value":41,"system":"http://unitsofmeasure.org","code":"U/L"},"appliesTo":[{"text":"male"}]}]""";
        var result = ReadInline(Bundles.With(Uln("o1", "1742-6", 120m, "U/L", ranges)));

        Assert.Null(result.Snapshot!.Labs.AltUpperLimit);
        var issue = Assert.Single(result.Issues);
        Assert.Equal((FhirIssueCodes.UpperLimitAmbiguous, IssueSeverity.Warning), (issue.Code, issue.Severity));
    }

    [Fact]
    public void Read_TherapeuticRangeOnly_NoUpperLimitNoIssue()
    {
        var ranges = """[{"high":{"value":50,"system":"http://unitsofmeasure.org","code":"U/L"},"type":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/referencerange-meaning","code":"treatment"}]}}]""";
        var result = ReadInline(Bundles.With(Uln("o1", "1742-6", 120m, "U/L", ranges)));

        Assert.Null(result.Snapshot!.Labs.AltUpperLimit);
        Assert.Empty(result.Issues);
    }

    [Fact]
    public void Read_SameResourceTwiceIdentical_Fhr007UsedOnce()
    {
        var o = Bundles.Obs("o1", "6301-6", 1.8m, null, "2026-11-20T08:00:00Z", subject: "Patient/p1");
        var result = ReadInline(Bundles.With(o, o));

        Assert.Equal(1.8m, result.Snapshot!.Labs.Inr!.Value.Ratio);
        Assert.Single(result.For("labs.inr"));
        var issue = Assert.Single(result.Issues);
        Assert.Equal((FhirIssueCodes.DuplicateResource, IssueSeverity.Warning, "Observation/o1"), (issue.Code, issue.Severity, issue.Path));
    }

    [Fact]
    public void Read_SameIdTwiceDifferentValues_Fhr008NeitherUsed()
    {
        var result = ReadInline(Bundles.With(
            Bundles.Obs("o1", "6301-6", 1.8m, null, "2026-11-20T08:00:00Z", subject: "Patient/p1"),
            Bundles.Obs("o1", "6301-6", 2.6m, null, "2026-11-20T08:00:00Z", subject: "Patient/p1")));

        Assert.Null(result.Snapshot!.Labs.Inr);
        var issue = Assert.Single(result.Issues);
        Assert.Equal((FhirIssueCodes.ConflictingDuplicate, IssueSeverity.Error, "Observation/o1"), (issue.Code, issue.Severity, issue.Path));
    }

    [Fact]
    public void Read_SameIdTwiceDifferentTimes_Fhr008NotTheOlderOne()
    {
        // Not two results: one resource sent in two versions. The older value is not used in place of the disputed one.
        var result = ReadInline(Bundles.With(
            Bundles.Obs("o1", "6301-6", 1.8m, null, "2026-11-19T08:00:00Z", subject: "Patient/p1"),
            Bundles.Obs("o1", "6301-6", 2.6m, null, "2026-11-20T08:00:00Z", subject: "Patient/p1")));

        Assert.Null(result.Snapshot!.Labs.Inr);
        Assert.Equal(FhirIssueCodes.ConflictingDuplicate, Assert.Single(result.Issues).Code);
    }

    [Theory]
    [InlineData("255604002", Ascites.Mild)]
    [InlineData("6736007", Ascites.ModerateSevere)]
    [InlineData("371924009", Ascites.ModerateSevere)]
    [InlineData("24484000", Ascites.ModerateSevere)]
    [InlineData("371923003", null)] // mild to moderate: two Child-Pugh grades, not read
    public void Read_AscitesSeverity_ChildPughGrade(string severity, Ascites? expected)
    {
        var json = Bundles.With($$$"""{"resourceType":"Condition","id":"c1","clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"active"}]},"severity":{"coding":[{"system":"http://snomed.info/sct","code":"{{{severity}}}"}]},"code":{"coding":[{"system":"http://snomed.info/sct","code":"389026000"}]},"subject":{"reference":"Patient/p1"}}""");
        var result = ReadInline(json);

        Assert.Equal(expected, result.Snapshot!.Findings.Ascites);
        Assert.Equal(expected is null, result.Issues.Any(i => i.Code == FhirIssueCodes.GradeNotCoded));
    }
}
