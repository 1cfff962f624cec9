using Hepatica.Clinical.Findings;
using Hepatica.Clinical.Scores;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Json.Tests;

/// <summary>The causes inputs: bmi, autoimmune, dili, alcohol, labs.bilirubinUpperLimit and findings.diabetesOrImpairedFastingGlucose.</summary>
public sealed class CausesInputsTests
{
    private const string Complete = """
        {
          "sex": "female", "ageYears": 52, "bmi": 31.5,
          "labs": {
            "alt": {"value": 620, "unit": "U/L"}, "altUpperLimit": {"value": 40, "unit": "U/L"},
            "ast": {"value": 410, "unit": "U/L"}, "astUpperLimit": {"value": 40, "unit": "U/L"},
            "alp": {"value": 150, "unit": "U/L"}, "alpUpperLimit": {"value": 120, "unit": "U/L"},
            "bilirubin": {"value": 68.4, "unit": "umol/L"}, "bilirubinUpperLimit": {"value": 21, "unit": "umol/L"},
            "platelets": {"value": 210, "unit": "10*9/L"}, "albumin": {"value": 36, "unit": "g/L"}
          },
          "findings": {"diabetesOrImpairedFastingGlucose": true},
          "autoimmune": {
            "ana": "1:160", "sma": "negative", "lkm": 0, "slaLp": false,
            "igg": {"value": 2150, "unit": "mg/dL"}, "iggUpperLimit": {"value": 16, "unit": "g/L"},
            "histology": "typical", "viralHepatitisExcluded": true
          },
          "dili": {
            "noOtherExplanation": true, "immuneCheckpointInhibitor": true,
            "rucam": {
              "timeToOnset": "suggestive", "courseAfterCessation": "decrease-50-within-8-days", "alcohol": false,
              "concomitantDrugs": "none", "alternativeCauses": "groups-1-and-2-ruled-out", "previousHepatotoxicity": "labelled",
              "reexposure": "not-done-or-other"
            }
          },
          "alcohol": {"auditC": {"q1": 2, "q2": 1, "q3": 0}}
        }
        """;

    [Fact]
    public void Read_Complete_EveryValueAndNoIssue()
    {
        var result = SnapshotReader.Read(Complete);
        Assert.Empty(result.Issues);
        var s = result.Snapshot!;
        Assert.Equal(31.5m, s.Bmi);
        Assert.True(s.Findings.DiabetesOrImpairedFastingGlucose);
        Assert.Equal(160, s.Autoimmune.AnaTiter);
        Assert.Equal(0, s.Autoimmune.SmaTiter);
        Assert.Equal(0, s.Autoimmune.LkmTiter);
        Assert.False(s.Autoimmune.SlaLpPositive);
        Assert.Equal(21.5m, s.Autoimmune.IgG!.Value.GramsPerLiter); // 2150 mg/dL / 100
        Assert.Equal(AihHistology.Typical, s.Autoimmune.Histology);
        Assert.True(s.Dili.NoOtherExplanation);
        Assert.Equal(2, s.Alcohol.AuditCQ1);
        Assert.Equal(21m, s.Labs.BilirubinUpperLimit!.Value.MicromolesPerLiter);
    }

    [Fact]
    public void Read_Complete_EveryCausesScoreCalculates()
    {
        var snapshot = SnapshotReader.Read(Complete).Snapshot!;
        // AIH: ANA 1:160 2 + IgG 21.5/16 = 1.34 > 1.10 2 + typical 2 + viral excluded 2 = 8.
        Assert.Equal(8m, AihSimplified.Evaluate(snapshot).Result!.Value);
        // R = (620/40) / (150/120) = 15.5 / 1.25 = 12.4, hepatocellular.
        Assert.Equal(12.4m, DiliRRatio.Evaluate(snapshot).Result!.Value);
        // Hy's law: ALT 15.5 × ULN, bilirubin 68.4/21 = 3.26 × ULN, ALP 1.25 × ULN, no other explanation: met.
        Assert.Equal(1m, HysLaw.Evaluate(snapshot).Result!.Value);
        // CTCAE: ALT 15.5 × ULN grade 3; bilirubin 3.26 × ULN grade 3: grade 3.
        Assert.Equal(3m, IciHepatitisGrade.Evaluate(snapshot).Result!.Value);
        // AUDIT-C 2 + 1 + 0 = 3, positive in a woman.
        Assert.Equal("positive screen (unhealthy alcohol use)", AuditC.Evaluate(snapshot).Result!.Category);
        Assert.Equal(OutcomeStatus.Calculated, NafldFibrosisScore.Evaluate(snapshot).Status);
        // RUCAM, hepatocellular form (R 12.4): 2 + 3 + 0 (no alcohol) + 0 (age 52) + 0 + 2 + 2 + 0 = 9, highly probable.
        var rucam = Rucam.Evaluate(snapshot).Result!;
        Assert.Equal(9m, rucam.Value);
        Assert.Equal("highly probable", rucam.Category);
    }

    [Theory]
    [InlineData("{\"autoimmune\": {\"ana\": \"1:x\"}}", IssueCodes.InvalidValue, "autoimmune.ana")]
    [InlineData("{\"autoimmune\": {\"sma\": -40}}", IssueCodes.InvalidValue, "autoimmune.sma")]
    [InlineData("{\"autoimmune\": {\"lkm\": true}}", IssueCodes.WrongType, "autoimmune.lkm")]
    [InlineData("{\"autoimmune\": {\"histology\": \"severe\"}}", IssueCodes.InvalidValue, "autoimmune.histology")]
    [InlineData("{\"autoimmune\": {\"igg\": {\"value\": 16}}}", IssueCodes.MissingUnit, "autoimmune.igg.unit")]
    [InlineData("{\"autoimmune\": {\"igg\": {\"value\": 1600, \"unit\": \"g/L\"}}}", IssueCodes.ImpossibleValue, "autoimmune.igg.value")]
    [InlineData("{\"autoimmune\": {\"titer\": 1}}", IssueCodes.UnknownKey, "autoimmune.titer")]
    [InlineData("{\"dili\": {\"noOtherExplanation\": \"yes\"}}", IssueCodes.WrongType, "dili.noOtherExplanation")]
    [InlineData("{\"alcohol\": {\"auditC\": {\"q1\": 5}}}", IssueCodes.InvalidValue, "alcohol.auditC.q1")]
    [InlineData("{\"alcohol\": {\"auditC\": {\"q4\": 1}}}", IssueCodes.UnknownKey, "alcohol.auditC.q4")]
    [InlineData("{\"alcohol\": {\"auditC\": [1, 2, 3]}}", IssueCodes.WrongType, "alcohol.auditC")]
    [InlineData("{\"bmi\": 2}", IssueCodes.InvalidValue, "bmi")]
    [InlineData("{\"dili\": {\"rucam\": {\"timeToOnset\": \"soon\"}}}", IssueCodes.InvalidValue, "dili.rucam.timeToOnset")]
    [InlineData("{\"dili\": {\"rucam\": {\"reexposure\": 3}}}", IssueCodes.WrongType, "dili.rucam.reexposure")]
    [InlineData("{\"dili\": {\"rucam\": {\"score\": 3}}}", IssueCodes.UnknownKey, "dili.rucam.score")]
    [InlineData("{\"findings\": {\"diabetesOrImpairedFastingGlucose\": 1}}", IssueCodes.WrongType, "findings.diabetesOrImpairedFastingGlucose")]
    public void Read_BadValue_CodedIssueWithPath(string json, string code, string path)
    {
        var result = SnapshotReader.Read(json);
        Assert.Contains(result.Issues, i => i.Code == code && i.Path == path);
    }

    [Fact]
    public void Read_TiterForms_SameValue()
    {
        var result = SnapshotReader.Read("{\"autoimmune\": {\"ana\": 80, \"sma\": \"1:80\", \"lkm\": \"Negative\"}}");
        Assert.Empty(result.Issues);
        Assert.Equal(80, result.Snapshot!.Autoimmune.AnaTiter);
        Assert.Equal(80, result.Snapshot.Autoimmune.SmaTiter);
        Assert.Equal(0, result.Snapshot.Autoimmune.LkmTiter);
    }

    [Fact]
    public void Read_Sample_NoIssueAndEveryCausesScoreButIci()
    {
        var result = SnapshotReader.Read(File.ReadAllText(Path.Combine(RepoRoot.Path, "samples", "causes-008.json")));
        Assert.Empty(result.Issues);
        var snapshot = result.Snapshot!;
        foreach (var score in new[] { AihSimplified.Evaluate(snapshot), DiliRRatio.Evaluate(snapshot), DiliNewR.Evaluate(snapshot), HysLaw.Evaluate(snapshot), Rucam.Evaluate(snapshot), AuditC.Evaluate(snapshot), NafldFibrosisScore.Evaluate(snapshot) })
        {
            Assert.Equal(OutcomeStatus.Calculated, score.Status);
        }

        // The sample is not on a checkpoint inhibitor.
        Assert.Equal(OutcomeStatus.NotApplicable, IciHepatitisGrade.Evaluate(snapshot).Status);
        // NFS by hand: -1.675 + 1.924 + 2.961 + 1.13 + 0.99 × 410/620 - 2.73 - 2.376 = -0.111 (three decimals).
        Assert.Equal(-0.111m, NafldFibrosisScore.Evaluate(snapshot).Result!.Value);
    }
}
