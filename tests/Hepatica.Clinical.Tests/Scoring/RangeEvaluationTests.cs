using Hepatica.Clinical.Findings;
using Hepatica.Clinical.Labs;
using Hepatica.Clinical.Scores;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Tests.Scoring;

/// <summary>
/// A range instead of a blank (issue 11 s.2): a score whose small-domain finding is missing is evaluated over every
/// value and reports the range, which value gives which result, and what settles it; never a default.
/// </summary>
public sealed class RangeEvaluationTests
{
    /// <summary>samples/demo-001.json as code: female, 54, bilirubin 2.1 mg/dL, creatinine 150 µmol/L, INR 1.8, Na 131, albumin 28 g/L; cirrhosis.</summary>
    private static PatientSnapshot Demo001(bool? dialysis = null) => new()
    {
        Id = "demo-001",
        Sex = Sex.Female,
        AgeYears = 54m,
        Labs = new LabPanel
        {
            Bilirubin = Bilirubin.FromMilligramsPerDeciliter(2.1m),
            Creatinine = Creatinine.FromMicromolesPerLiter(150m),
            Inr = Inr.FromRatio(1.8m),
            Sodium = Sodium.FromMillimolesPerLiter(131m),
            Albumin = Albumin.FromGramsPerLiter(28m),
        },
        Findings = new ClinicalFindings
        {
            Ascites = Ascites.None,
            Encephalopathy = EncephalopathyGrade.None,
            DialysisTwiceInPastWeek = dialysis,
            CholestaticLiverDisease = false,
            Cirrhosis = true,
            VaricealBleeding = false,
        },
    };

    private static ScoreOutcome Outcome(PatientSnapshot s, string id) => ScoreCatalog.Find(id)!.Evaluate(s);

    // Hand check from Kim 2021's formula (creatinine 150 µmol/L = 1.697 mg/dL, albumin 2.8 g/dL):
    // 1.33 + 4.56 ln 2.1 + 0.82·6 − 0.24·6·ln 2.1 + 9.09 ln 1.8 + 11.14 ln 1.697 + 1.85·0.7 − 1.83·0.7·ln 1.697 + 6 = 26.42 → 26;
    // with dialysis creatinine is set to 3.0 (OPTN policy 9.1.D): ... + 11.14 ln 3 + 1.295 − 1.83·0.7·ln 3 + 6 = 32.03 → 32.
    [Fact]
    public void Evaluate_OneMissingFinding_RangeOverItsValuesNamingWhatSettlesIt()
    {
        var outcome = Outcome(Demo001(dialysis: null), Meld3.Definition.Id);
        Assert.Equal(OutcomeStatus.Range, outcome.Status);
        var range = outcome.Range!;
        Assert.Equal(26m, range.Minimum);
        Assert.Equal(32m, range.Maximum);
        Assert.Equal(["findings.dialysisTwiceInPastWeek"], range.SettledBy);
        Assert.Collection(range.Alternatives,
            a => { Assert.Equal("without dialysis", a.Words); Assert.Equal("false", a.Assumptions[0].Value); Assert.Equal(26m, a.Outcome.Result!.Value); },
            a => { Assert.Equal("with dialysis", a.Words); Assert.Equal("true", a.Assumptions[0].Value); Assert.Equal(32m, a.Outcome.Result!.Value); });
        Assert.Null(outcome.Result);
    }

    [Theory]
    [InlineData(false, 26)]
    [InlineData(true, 32)]
    public void Evaluate_FindingGiven_NoRange(bool dialysis, int expected)
    {
        var outcome = Outcome(Demo001(dialysis), Meld3.Definition.Id);
        Assert.Equal(OutcomeStatus.Calculated, outcome.Status);
        Assert.Equal(expected, outcome.Result!.Value);
        Assert.Empty(outcome.Immaterial);
    }

    // Pugh 1973 bands: bilirubin 2.1 (2-3) 2, albumin 2.8 (2.8-3.5) 2, INR 1.8 (1.7-2.3, MDCalc) 2 = 6 from the labs;
    // ascites none/mild/moderate-severe 1/2/3, encephalopathy grade 0 / 1-2 / 3-4 1/2/3: 8 (B) to 12 (C).
    [Fact]
    public void Evaluate_TwoMissingFindings_EveryCombinationFromLowestToHighest()
    {
        var snapshot = Demo001(false) with { Findings = Demo001(false).Findings with { Ascites = null, Encephalopathy = null } };
        var outcome = Outcome(snapshot, ChildPugh.Definition.Id);
        Assert.Equal(OutcomeStatus.Range, outcome.Status);
        var range = outcome.Range!;
        Assert.Equal(8m, range.Minimum);
        Assert.Equal(12m, range.Maximum);
        Assert.Equal(["findings.ascites", "findings.encephalopathyGrade"], range.SettledBy);
        Assert.Equal(3 * 5, range.Alternatives.Count);
        Assert.Equal("no ascites, no encephalopathy", range.Lowest.Words);
        Assert.Equal("B", range.Lowest.Outcome.Result!.Category);
        Assert.Equal("moderate-severe ascites, encephalopathy grade 4", range.Highest.Words);
        Assert.Equal("C", range.Highest.Outcome.Result!.Category);
    }

    // Pugh 1973: bilirubin < 2 mg/dL scores 1 in the usual bands and < 4 in cholestatic disease, so below 2 the finding
    // does not matter; from 2 (2-3 → 2 points against < 4 → 1) it does.
    [Theory]
    [InlineData("1.9", false)]
    [InlineData("2.0", true)]
    [InlineData("2.1", true)]
    public void Evaluate_AllAlternativesEqual_TheValueSayingTheFindingDidNotMatter(string bilirubin, bool ranged)
    {
        var d = Demo001(false);
        var snapshot = d with
        {
            Labs = d.Labs with { Bilirubin = Bilirubin.FromMilligramsPerDeciliter(decimal.Parse(bilirubin, System.Globalization.CultureInfo.InvariantCulture)) },
            Findings = d.Findings with { CholestaticLiverDisease = null },
        };
        var outcome = Outcome(snapshot, ChildPugh.Definition.Id);
        if (ranged)
        {
            Assert.Equal(OutcomeStatus.Range, outcome.Status);
            Assert.Equal(["findings.cholestaticLiverDisease"], outcome.Range!.SettledBy);
            return;
        }

        Assert.Equal(OutcomeStatus.Calculated, outcome.Status);
        Assert.Equal(7m, outcome.Result!.Value); // 1 + 2 + 2 + 1 + 1 (Pugh 1973)
        Assert.Equal(["findings.cholestaticLiverDisease"], outcome.Immaterial);
        Assert.Contains(outcome.Result.Steps, s => s.Kind == StepKind.Note && s.Detail.Contains("did not matter", StringComparison.Ordinal));
    }

    // OPTN policy 9.1.D: creatinine above 3.0 is set to 3.0, and so is any creatinine with dialysis: from 3.0 up the
    // dialysis finding cannot change MELD 3.0. Just below, whether it matters is judged on the result, not the input:
    // at 2.99 the sum is 31.996 without dialysis and 32.034 with it (Kim 2021 terms as above), both 32.
    [Theory]
    [InlineData("2.5", OutcomeStatus.Range)]
    [InlineData("2.99", OutcomeStatus.Calculated)]
    [InlineData("3.0", OutcomeStatus.Calculated)]
    [InlineData("3.01", OutcomeStatus.Calculated)]
    public void Evaluate_CreatinineAtTheDialysisSubstitute_DialysisDoesNotMatter(string creatinine, OutcomeStatus expected)
    {
        var d = Demo001(null);
        var snapshot = d with { Labs = d.Labs with { Creatinine = Creatinine.FromMilligramsPerDeciliter(decimal.Parse(creatinine, System.Globalization.CultureInfo.InvariantCulture)) } };
        var outcome = Outcome(snapshot, Meld3.Definition.Id);
        Assert.Equal(expected, outcome.Status);
        if (expected == OutcomeStatus.Calculated)
        {
            Assert.Equal(["findings.dialysisTwiceInPastWeek"], outcome.Immaterial);
        }
    }

    [Fact]
    public void Evaluate_MissingLabWithMissingFinding_NotCalculableNamingTheLab()
    {
        var d = Demo001(null);
        var outcome = Outcome(d with { Labs = d.Labs with { Creatinine = null } }, Meld3.Definition.Id);
        Assert.Equal(OutcomeStatus.NotCalculable, outcome.Status);
        Assert.Contains("labs.creatinine", outcome.Missing);
        Assert.Null(outcome.Range);
    }

    // OPTN "Learn about MELD": sex is an input only from age 18 at registration; an adult's missing sex is a range.
    [Theory]
    [InlineData("17.9", OutcomeStatus.Calculated)]
    [InlineData("18", OutcomeStatus.Range)]
    public void Evaluate_MissingSex_RangeOnlyWhereSexMatters(string age, OutcomeStatus expected)
    {
        var outcome = Outcome(Demo001(false) with { Sex = null, AgeYears = decimal.Parse(age, System.Globalization.CultureInfo.InvariantCulture) }, Meld3.Definition.Id);
        Assert.Equal(expected, outcome.Status);
        if (expected == OutcomeStatus.Range)
        {
            Assert.Equal(["sex"], outcome.Range!.SettledBy);
            Assert.Equal(["female", "male"], outcome.Range.Alternatives.Select(a => a.Assumptions[0].Value));
        }
    }

    [Fact]
    public void Evaluate_MoreCombinationsThanTheBound_NotCalculableNamingEveryFinding()
    {
        var definition = Meld3.Definition;
        string[] paths = ["sex", "findings.ascites", "findings.encephalopathyGrade", "findings.cholestaticLiverDisease", "findings.dialysisTwiceInPastWeek"];
        // 2 × 3 × 5 × 2 × 2 = 120 combinations > SmallDomains.MaxCombinations (64): none is evaluated.
        var calls = 0;
        var outcome = RangeEvaluation.Evaluate(new PatientSnapshot(), s =>
        {
            calls++;
            return ScoreOutcome.NotCalculable(definition, paths);
        });
        Assert.Equal(OutcomeStatus.NotCalculable, outcome.Status);
        Assert.Equal(paths, outcome.Missing);
        Assert.Equal(1, calls);
    }

    // AASLD/AST 2013: refer for transplant evaluation at MELD ≥ 15 in cirrhosis. Bilirubin, INR and creatinine 1.0, Na 137,
    // albumin 3.5, male: MELD 3.0 = 6 (Kim 2021); with dialysis creatinine 3.0 adds 11.14 ln 3 = 12.24 → 18. 6-18 crosses 15.
    [Fact]
    public void TransplantSignal_RangeCrossingTheThreshold_PossibleNamingWhatSettlesIt()
    {
        var snapshot = new PatientSnapshot
        {
            Sex = Sex.Male,
            AgeYears = 50m,
            Labs = new LabPanel
            {
                Bilirubin = Bilirubin.FromMilligramsPerDeciliter(1m), Creatinine = Creatinine.FromMilligramsPerDeciliter(1m),
                Inr = Inr.FromRatio(1m), Sodium = Sodium.FromMillimolesPerLiter(137m), Albumin = Albumin.FromGramsPerDeciliter(3.5m),
            },
            Findings = new ClinicalFindings { Cirrhosis = true, Ascites = Ascites.None, Encephalopathy = EncephalopathyGrade.None, VaricealBleeding = false },
        };
        var assessment = Assessment.Of(snapshot);
        var meld3 = assessment.Outcomes.Single(o => o.Definition.Id == Meld3.Definition.Id).Range!;
        Assert.Equal(6m, meld3.Minimum);
        Assert.Equal(18m, meld3.Maximum);
        Assert.DoesNotContain(assessment.Transplant.Signals, s => s.Id == "meld-15-cirrhosis");
        var possible = Assert.Single(assessment.Transplant.Possible, p => p.Signal.Id == "meld-15-cirrhosis");
        Assert.Equal(["findings.dialysisTwiceInPastWeek"], possible.SettledBy);
        Assert.StartsWith("Possible:", possible.Signal.Reason, StringComparison.Ordinal);
        Assert.Contains("findings.dialysisTwiceInPastWeek", assessment.Transplant.Missing);
    }

    [Fact]
    public void TransplantSignal_RangeWhollyAboveTheThreshold_Raised()
    {
        var assessment = Assessment.Of(Demo001(dialysis: null));
        var signal = Assert.Single(assessment.Transplant.Signals, s => s.Id == "meld-15-cirrhosis");
        Assert.Contains("26-32", signal.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(assessment.Transplant.Possible, p => p.Signal.Id == "meld-15-cirrhosis");
    }

    [Fact]
    public void TransplantSignal_CirrhosisNotGiven_PossibleNamingFindingsCirrhosis()
    {
        var d = Demo001(false);
        var assessment = Assessment.Of(d with { Findings = d.Findings with { Cirrhosis = null } });
        Assert.DoesNotContain(assessment.Transplant.Signals, s => s.Id == "meld-15-cirrhosis");
        var possible = Assert.Single(assessment.Transplant.Possible, p => p.Signal.Id == "meld-15-cirrhosis");
        Assert.Equal(["findings.cirrhosis"], possible.SettledBy);
        Assert.Equal(["findings.cirrhosis"], assessment.Transplant.Missing);
    }

    [Fact]
    public void TransplantSignal_CirrhosisWithComplicationsNotGiven_PossibleDecompensationNamingThem()
    {
        var d = Demo001(false);
        var assessment = Assessment.Of(d with { Findings = d.Findings with { Ascites = null, VaricealBleeding = null } });
        Assert.DoesNotContain(assessment.Transplant.Signals, s => s.Id == "decompensation");
        var possible = Assert.Single(assessment.Transplant.Possible, p => p.Signal.Id == "decompensation");
        Assert.Equal(["findings.ascites", "findings.varicealBleeding"], possible.SettledBy);
    }
}
