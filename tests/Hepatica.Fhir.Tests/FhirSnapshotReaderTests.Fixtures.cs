using Hepatica.Clinical;
using Hepatica.Clinical.Findings;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Fhir.Tests;

/// <summary>Hand-made fixtures under Fixtures/: the pathological cases Synthea lacks.</summary>
public sealed partial class FhirSnapshotReaderTests
{
    private static FhirReadResult ReadFixture(string name, DateTimeOffset asOf) => FhirSnapshotReader.Read(File.ReadAllBytes(RepoRoot.Fixture(name)), asOf);

    [Fact]
    public void Read_CirrhosisWithAscitesOnDialysis_SnapshotAndSources()
    {
        var result = ReadFixture("cirrhosis-ascites-dialysis.json", new DateTimeOffset(2026, 11, 21, 0, 0, 0, TimeSpan.Zero));
        var s = result.Snapshot!;

        Assert.Equal(Sex.Female, s.Sex);
        Assert.Equal(56.68m, s.AgeYears); // born 1970-03-15: 56 on 2026-03-15, then 251 of 365 days
        Assert.Equal(3.2m, s.Labs.Bilirubin!.Value.MilligramsPerDeciliter); // o-bili (2026-11-20), not o-bili-old (2026-11-01)
        Assert.Equal(265m, s.Labs.Creatinine!.Value.MicromolesPerLiter);
        Assert.Equal(1.9m, s.Labs.Inr!.Value.Ratio);
        Assert.Equal(129m, s.Labs.Sodium!.Value.MillimolesPerLiter);
        Assert.Equal(2.8m, s.Labs.Albumin!.Value.GramsPerDeciliter);
        Assert.Equal(72m, s.Labs.Platelets!.Value.BillionsPerLiter);
        Assert.True(s.Findings.Cirrhosis);
        Assert.False(s.Findings.CholestaticLiverDisease); // a problem list without PBC/PSC (decision 0004)
        Assert.Null(s.Findings.FattyLiverDisease);        // absence never means false for the other findings
        Assert.Null(s.Findings.Ascites); // coded without a grade: FHR020
        Assert.Contains(result.Issues, i => i.Code == FhirIssueCodes.GradeNotCoded && i.Path == "Condition/c-ascites.code");

        // Dialysis pr-hd-1 (11-15) and pr-hd-2 (11-18) are in the week before the creatinine (11-20 08:00); pr-hd-old (11-05) is not.
        Assert.True(s.Findings.DialysisTwiceInPastWeek);
        Assert.Equal(["pr-hd-1", "pr-hd-2"], result.For("findings.dialysisTwiceInPastWeek").Select(x => x.Id));

        var creat = Assert.Single(result.For("labs.creatinine"));
        Assert.Equal(("o-creat", "14682-9", "265 umol/L"), (creat.Id, creat.Code, creat.Reported));
        Assert.DoesNotContain(result.Issues, i => i.Severity == IssueSeverity.Error);

        // The core takes it from here: MELD is calculable (dialysis sets creatinine to 4.0).
        var meld = Assessment.Of(s).Outcomes.Single(r => r.Definition.Id == "meld");
        Assert.True(meld.Status == OutcomeStatus.Calculated, meld.Reason);
    }

    [Fact]
    public void Read_AcuteLiverFailure_SiUnitsAndAcuteWindow()
    {
        var result = ReadFixture("acute-liver-failure.json", new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero));
        var s = result.Snapshot!;

        Assert.Equal(4.2m, s.Labs.Inr!.Value.Ratio); // 34714-6, the point-of-care INR code
        Assert.Equal(180m, s.Labs.Bilirubin!.Value.MicromolesPerLiter); // 14631-6, molar
        Assert.Equal(3.6m, s.Labs.Creatinine!.Value.MilligramsPerDeciliter);
        Assert.Equal(7.28m, s.Labs.ArterialPh!.Value.Value);
        Assert.Equal(4.1m, s.Labs.Lactate!.Value.MillimolesPerLiter); // o-lactate, 3 hours old; o-lactate-old is 3 days old
        Assert.Equal(5400m, s.Labs.Ast!.Value.UnitsPerLiter);
        Assert.Equal("c-alf", Assert.Single(result.For("conditions.acuteLiverFailure")).Id);
        Assert.False(s.Findings.DialysisTwiceInPastWeek);
        Assert.DoesNotContain(result.Issues, i => i.Severity == IssueSeverity.Error);
    }

    [Fact]
    public void Read_AcuteLiverFailureAsOfFourDaysLater_AcuteValuesOutsideTheirWindow()
    {
        var result = ReadFixture("acute-liver-failure.json", new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

        Assert.Null(result.Snapshot!.Labs.Lactate);
        Assert.Null(result.Snapshot.Labs.ArterialPh);
        Assert.NotNull(result.Snapshot.Labs.Inr); // chemistry keeps its 30 days
        Assert.Contains(result.Issues, i => i.Code == FhirIssueCodes.OutsideWindow && i.Path == "Observation/o-lactate.effective");
    }
}

/// <summary>Serology (Fixtures/hepatitis-b-serology.json): results as SNOMED codes, a word, an interpretation code and quantities.</summary>
public sealed class SerologyFixtureTests
{
    private static FhirReadResult Read() =>
        FhirSnapshotReader.Read(File.ReadAllBytes(RepoRoot.Fixture("hepatitis-b-serology.json")), new DateTimeOffset(2026, 11, 21, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Read_ChronicHepatitisB_PanelFromEveryResultShape()
    {
        var result = Read();
        var s = result.Snapshot!.Serology;

        Assert.True(s.HbsAg!.IsPositive);                    // SNOMED 260373001 Detected (o-hbsag; o-hbsag-eie is entered-in-error)
        Assert.True(s.AntiHbcTotal!.IsPositive);             // valueString "Reactive"
        Assert.True(s.AntiHbcIgm!.IsNegative);               // SNOMED 260415000 Not detected
        Assert.True(s.HbeAg!.IsNegative);                    // no value, interpretation NEG
        Assert.True(s.AntiHbe!.IsPositive);
        Assert.Equal(2400m, s.HbvDna!.Value);                // [IU]/mL
        Assert.Equal(3m, s.AntiHbs!.Value);                  // m[IU]/mL, below 10: negative
        Assert.True(s.AntiHbs.IsNegative);
        Assert.True(s.AntiHcv!.IsNegative);                  // 2024-05-02: a lifelong marker, any age
        Assert.Equal(new DateOnly(2026, 11, 10), s.HbsAg.Date);

        Assert.Contains(result.Issues, i => i.Code == FhirIssueCodes.StatusIgnored && i.Path == "Observation/o-hbsag-eie.status");
        Assert.DoesNotContain(result.Issues, i => i.Code == FhirIssueCodes.OutsideWindow);
        Assert.DoesNotContain(result.Issues, i => i.Severity == IssueSeverity.Error);
        Assert.Equal("o-hbsag", Assert.Single(result.For("serology.hbsag")).Id);
        Assert.Equal("c-hbv", Assert.Single(result.For("conditions.chronicHepatitisB")).Id);
    }

    [Fact]
    public void Read_HbsAgOlderThanAYear_Fhr013ButOldAntiHcvUsed()
    {
        var result = FhirSnapshotReader.Read(File.ReadAllBytes(RepoRoot.Fixture("hepatitis-b-serology.json")), new DateTimeOffset(2027, 12, 1, 0, 0, 0, TimeSpan.Zero));
        var s = result.Snapshot!.Serology;

        Assert.Null(s.HbsAg);
        Assert.Null(s.HbvDna);
        Assert.Null(s.AntiHbcIgm);
        Assert.True(s.AntiHbcTotal!.IsPositive);
        Assert.True(s.AntiHcv!.IsNegative);
        Assert.Contains(result.Issues, i => i.Code == FhirIssueCodes.OutsideWindow && i.Path == "Observation/o-hbsag.effective");
    }

    [Fact]
    public void Read_SerologyWordNotInTheTable_Fhr040()
    {
        var json = Bundles.With("""{"resourceType":"Observation","id":"o1","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"5196-1"}]},"subject":{"reference":"Patient/p1"},"effectiveDateTime":"2026-11-20","valueString":"weakly pos?"}""");
        var result = FhirSnapshotReader.Read(json, new DateTimeOffset(2026, 11, 21, 0, 0, 0, TimeSpan.Zero));

        var issue = Assert.Single(result.Issues);
        Assert.Equal((FhirIssueCodes.SerologyResultUnreadable, IssueSeverity.Error), (issue.Code, issue.Severity));
        Assert.Null(result.Snapshot!.Serology.HbsAg);
    }

    [Fact]
    public void Read_ViralLoadInCopies_CoreRejectsIt()
    {
        var json = Bundles.With(Bundles.Obs("o1", "11011-4", 50000m, "{copies}/mL", "2026-11-20T08:00:00Z", subject: "Patient/p1"));
        var result = FhirSnapshotReader.Read(json, new DateTimeOffset(2026, 11, 21, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(IssueCodes.UnknownUnit, Assert.Single(result.Issues).Code);
        Assert.Null(result.Snapshot!.Serology.HcvRna);
    }
}
