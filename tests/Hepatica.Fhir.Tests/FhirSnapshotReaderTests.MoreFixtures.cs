using Hepatica.Clinical;
using Hepatica.Clinical.Findings;
using Hepatica.Clinical.Immunity;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Fhir.Tests;

/// <summary>
/// The fixtures for ACLF, Child-Pugh, drug-induced injury and an immunosuppressed patient (Fixtures/README.md). Every
/// expected score is worked out by hand from the fixture's values in the comments, not copied from a run.
/// </summary>
public sealed class MoreFixtureTests
{
    private static readonly DateTimeOffset Nov21 = new(2026, 11, 21, 0, 0, 0, TimeSpan.Zero);

    private static FhirReadResult Read(string name, DateTimeOffset asOf) => FhirSnapshotReader.Read(File.ReadAllBytes(RepoRoot.Fixture(name)), asOf);

    private static ScoreOutcome Outcome(PatientSnapshot s, string id) => Assessment.Of(s).Outcomes.Single(o => o.Definition.Id == id);

    [Fact]
    public void Read_Aclf_LabsReadAndBedsideOrgansNamedMissing()
    {
        var result = Read("aclf.json", new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero));
        var s = result.Snapshot!;

        Assert.Equal(14.2m, s.Labs.Bilirubin!.Value.MilligramsPerDeciliter);
        Assert.Equal(2.4m, s.Labs.Creatinine!.Value.MilligramsPerDeciliter);
        Assert.Equal(2.7m, s.Labs.Inr!.Value.Ratio);
        Assert.Equal(2.4m, s.Labs.Albumin!.Value.GramsPerDeciliter); // 24 g/L
        Assert.True(s.Findings.Cirrhosis);
        Assert.True(s.History.AlcoholRelatedLiverDisease); // K70.30
        Assert.Null(s.Findings.Encephalopathy);              // c-he has no West Haven grade: FHR020
        Assert.Contains(result.Issues, i => i.Code == FhirIssueCodes.GradeNotCoded && i.Path == "Condition/c-he.code");
        Assert.Equal(68m, s.Findings.MeanArterialPressure);  // o-map, LOINC 8478-0, 68 mm[Hg] at 08:00, 4 h before as-of
        Assert.Equal("o-map", Assert.Single(result.For("findings.meanArterialPressure")).Id);
        Assert.DoesNotContain(result.Issues, i => i.Severity == IssueSeverity.Error);

        // What FHIR cannot carry yet: the West Haven grade (no coma code here), vasopressors, ventilation, oxygenation.
        var grade = Outcome(s, "aclf-grade");
        Assert.Equal(OutcomeStatus.NotCalculable, grade.Status);
        Assert.Contains("findings.encephalopathyGrade", grade.Missing);
        Assert.Contains("findings.vasopressors", grade.Missing);
    }

    [Fact]
    public void Read_AclfWithBedsideFindings_GradeThreeAndClifCOfByHand()
    {
        var s = Read("aclf.json", new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero)).Snapshot!;
        s = s with
        {
            Findings = s.Findings with
            {
                Encephalopathy = EncephalopathyGrade.FromWestHaven(2), Vasopressors = false, MeanArterialPressure = 68m,
                MechanicalVentilation = false, RenalReplacementTherapy = false, PaO2FiO2 = 320m,
            },
        };

        // Organ failures (Moreau 2013): liver (bilirubin 14.2 >= 12), kidney (creatinine 2.4 >= 2.0), coagulation
        // (INR 2.7 >= 2.5); brain grade 2, MAP 68 without vasopressors and P/F 320 are not failures: 3 -> ACLF grade 3.
        Assert.Equal(3m, Outcome(s, "aclf-grade").Result!.Value);

        // CLIF-C OF (Jalan 2014): liver 14.2 > 12: 3; kidney 2.4 in 2-<3.5: 2; brain grade 2: 2; INR 2.7 >= 2.5: 3;
        // MAP 68 < 70: 2; P/F 320 > 300: 1. Total 13.
        Assert.Equal(13m, Outcome(s, "clif-c-of").Result!.Value);
    }

    [Fact]
    public void Read_CirrhosisWithGradedAscites_ChildPughByHand()
    {
        var result = Read("cirrhosis-child-pugh.json", Nov21);
        var s = result.Snapshot!;

        Assert.Equal(Ascites.ModerateSevere, s.Findings.Ascites); // c-ascites severity SNOMED 6736007 Moderate
        Assert.Equal("6736007", Assert.Single(result.For("findings.ascites")).Code);
        Assert.Equal(2.5m, s.Labs.Bilirubin!.Value.MilligramsPerDeciliter); // 42.75 umol/L / 17.1
        Assert.Equal(2.9m, s.Labs.Albumin!.Value.GramsPerDeciliter);        // 29 g/L
        Assert.Equal(1.9m, s.Labs.Inr!.Value.Ratio);
        Assert.False(s.Findings.CholestaticLiverDisease); // a problem list without PBC/PSC
        Assert.DoesNotContain(result.Issues, i => i.Code == FhirIssueCodes.GradeNotCoded);
        Assert.Empty(result.Issues);

        // Encephalopathy cannot come from FHIR (no coded West Haven grade): Child-Pugh is a range over its grades and
        // names it (issue 11 s.2): labs 6 + ascites 3, encephalopathy none 1 to grade 3-4 3 (Pugh 1973): 10-12 ...
        var ranged = Outcome(s, "child-pugh").Range!;
        Assert.Equal(["findings.encephalopathyGrade"], ranged.SettledBy);
        Assert.Equal((10m, 12m), (ranged.Minimum, ranged.Maximum));

        // ... and with "none" at the bedside: bilirubin 2.5 (2-3 mg/dL) 2, albumin 2.9 (2.8-3.5 g/dL) 2, INR 1.9 (1.7-2.3) 2,
        // ascites moderate 3, encephalopathy none 1: 10 points, class C (10-15).
        var withBedside = s with { Findings = s.Findings with { Encephalopathy = EncephalopathyGrade.None } };
        var childPugh = Outcome(withBedside, "child-pugh").Result!;
        Assert.Equal(10m, childPugh.Value);
        Assert.Contains("C", childPugh.Category, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DiliWithReferenceRanges_UpperLimitsAndRRatioByHand()
    {
        var result = Read("dili-reference-ranges.json", Nov21);
        var s = result.Snapshot!;

        Assert.Equal(620m, s.Labs.Alt!.Value.UnitsPerLiter);
        Assert.Equal(40m, s.Labs.AltUpperLimit!.Value.UnitsPerLiter);   // o-alt, not o-alt-old's 33
        Assert.Equal(35m, s.Labs.AstUpperLimit!.Value.UnitsPerLiter);   // [IU]/L
        Assert.Equal(120m, s.Labs.AlpUpperLimit!.Value.UnitsPerLiter);
        Assert.Equal(1.2m, s.Labs.BilirubinUpperLimit!.Value.MilligramsPerDeciliter);
        var uln = Assert.Single(result.For("labs.altUpperLimit"));
        Assert.Equal(("o-alt", "1742-6", "40 U/L (referenceRange.high)"), (uln.Id, uln.Code, uln.Reported));
        Assert.Empty(result.Issues);

        // R = (620 / 40) / (180 / 120) = 15.5 / 1.5 = 10.333 -> 10.33, hepatocellular (>= 5).
        var r = Outcome(s, "dili-r-ratio").Result!;
        Assert.Equal(10.33m, r.Value);
        Assert.Contains("hepatocellular", r.Category, StringComparison.Ordinal);

        // nR = max(620 / 40, 410 / 35) / 1.5 = max(15.5, 11.71) / 1.5 = 10.33.
        Assert.Equal(10.33m, Outcome(s, "dili-new-r").Result!.Value);
    }

    [Fact]
    public void Read_DiliWithoutReferenceRanges_UpperLimitsLeftMissing()
    {
        var bundle = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(RepoRoot.Fixture("dili-reference-ranges.json")))!;
        foreach (var entry in bundle["entry"]!.AsArray())
        {
            entry!["resource"]!.AsObject().Remove("referenceRange");
        }

        var s = FhirSnapshotReader.Read(bundle.ToJsonString(), Nov21).Snapshot!;

        Assert.Null(s.Labs.AltUpperLimit);
        Assert.Null(s.Labs.AlpUpperLimit);
        Assert.Contains("labs.altUpperLimit", Outcome(s, "dili-r-ratio").Missing);
    }

    [Fact]
    public void Read_ImmunosuppressedPatient_PlannedRituximabHighReactivationRisk()
    {
        var result = Read("immunosuppressed-rituximab.json", Nov21);
        var s = result.Snapshot!;

        // Bundle order: mr-rituximab (draft: planned), ms-prednisone (contained Medication), mr-infliximab (bundled
        // Medication); mr-methotrexate-eie entered in error, ms-tacrolimus-old ended 2025-01-10 (680 days > 6 months),
        // mr-simvastatin an unknown (clinical-drug) code.
        Assert.Equal([MedicationClass.BCellDepleting, MedicationClass.Corticosteroid, MedicationClass.TnfInhibitor], s.Medications.Select(m => m.Class));
        Assert.Equal([0], result.PlannedMedications);
        Assert.Equal(new MedicationCode(MedicationCodeSystem.RxNorm, "121191"), s.Medications[0].Code);
        Assert.Equal(new DateOnly(2026, 10, 1), s.Medications[1].Start);
        Assert.Null(s.Medications[1].DurationWeeks); // an open period: the planned length is unknown
        Assert.Equal(new MedicationCode(MedicationCodeSystem.Atc, "L04AB02"), s.Medications[2].Code);

        var ritux = Assert.Single(result.For("medications[0]"));
        Assert.Equal(("MedicationRequest", "mr-rituximab", "planned (draft, intent order)"), (ritux.ResourceType, ritux.Id, ritux.Reported));
        Assert.Contains("via contained #pred", Assert.Single(result.For("medications[1]")).Reported, StringComparison.Ordinal);
        Assert.Contains("via Medication/med-infliximab", Assert.Single(result.For("medications[2]")).Reported, StringComparison.Ordinal);

        Assert.Contains(result.Issues, i => i.Code == FhirIssueCodes.MedicationStatusIgnored && i.Path == "MedicationRequest/mr-methotrexate-eie.status");
        var ended = Assert.Single(result.Issues, i => i.Code == FhirIssueCodes.MedicationEnded);
        Assert.Equal("MedicationStatement/ms-tacrolimus-old", ended.Path);
        Assert.Contains("680 days", ended.Message, StringComparison.Ordinal);
        var unknown = Assert.Single(result.Issues, i => i.Code == FhirIssueCodes.MedicationCodeUnknown);
        Assert.StartsWith("1 medication", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("MedicationRequest/mr-simvastatin (RxNorm 316672)", unknown.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Issues, i => i.Severity == IssueSeverity.Error);

        // HBsAg not detected, anti-HBc detected: AGA 2015 puts a B-cell depleting agent at high risk -> prophylaxis;
        // a TNF inhibitor at moderate risk; prednisone needs its duration (the statement's period is open).
        var immunity = Assessment.Of(s).Immunity;
        Assert.Equal(HbvSerostatus.HbsAgNegativeAntiHbcPositive, immunity.Serostatus);
        var rituximab = Assert.Single(immunity.Reactivation, r => r.Class == MedicationClass.BCellDepleting);
        Assert.Equal((RiskBand.High, ReactivationAction.Prophylaxis), (rituximab.Band, rituximab.Action));
        Assert.Equal(RiskBand.Moderate, Assert.Single(immunity.Reactivation, r => r.Class == MedicationClass.TnfInhibitor).Band);
        Assert.Contains("medications[1].durationWeeks", immunity.Missing);
    }

    [Fact]
    public void Read_ImmunosuppressedPatientBeforeTheRequestWasWritten_NoRituximab()
    {
        // mr-rituximab was authored 2026-11-20T10:00Z: as of the 19th it is not yet known.
        var result = Read("immunosuppressed-rituximab.json", new DateTimeOffset(2026, 11, 19, 0, 0, 0, TimeSpan.Zero));

        Assert.DoesNotContain(result.Snapshot!.Medications, m => m.Class == MedicationClass.BCellDepleting);
        Assert.Empty(result.PlannedMedications);
    }
}
