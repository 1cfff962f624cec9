// Firely POCO members are all nullable; a null here fails the assertion that reads it, which is what a contract test wants.
#nullable disable warnings

using Hepatica.Clinical.Prevention;
using Hepatica.Clinical.Scoring;
using Hepatica.Fhir.Writing;
using Hl7.Fhir.Model;

namespace Hepatica.Fhir.Tests;

/// <summary>The shape of each resource type the writer emits (docs/fhir.md, "Writing").</summary>
public sealed partial class FhirAssessmentWriterTests
{
    private const string Scores = "https://hepatica.org/fhir/CodeSystem/scores";

    [Theory]
    [MemberData(nameof(Cases))]
    public void Observation_OnePerCalculatedScore_CodeMethodSubjectDeviceTimes(string name)
    {
        var c = Write(name);
        // Ranged scores are preliminary Observations (FhirAssessmentWriterTests.Ranges.cs); here the calculated ones.
        var scores = All<Observation>(c.Bundle).Where(o => o.Code.Coding.Any(x => x.System == Scores) && o.Status != ObservationStatus.Preliminary).ToList();
        var calculated = c.Assessment.Outcomes.Where(o => o.Status == OutcomeStatus.Calculated).ToList();

        Assert.Equal(calculated.Select(o => o.Definition.Id), scores.Select(o => o.Code.Coding.Single().Code));
        foreach (var (o, outcome) in scores.Zip(calculated))
        {
            var def = outcome.Definition;
            Assert.Equal(ObservationStatus.Final, o.Status);
            Assert.Equal(def.Name, o.Code.Coding[0].Display);
            Assert.Equal(def.Name, o.Code.Text);
            Assert.Contains(o.Category, x => x.Coding.Any(y => y.System == "http://terminology.hl7.org/CodeSystem/observation-category" && y.Code == "survey"));
            Assert.Contains(o.Category, x => x.Coding.Any(y => y.Code == "clinical-score"));
            Assert.NotNull(o.Value);
            Assert.StartsWith($"{def.Id} version {def.Version} ", o.Method.Text, StringComparison.Ordinal);
            Assert.Equal(c.Bundle.Entry[0].FullUrl, o.Device.Reference);
            Assert.Equal(Issued, o.Issued);
            Assert.NotNull(o.Subject);
            Assert.All(def.Citations, k => Assert.Contains(o.Note, n => n.Text.Contains(k.Key, StringComparison.Ordinal)));
        }
    }

    [Theory]
    [InlineData("cirrhosis-ascites-dialysis.json")]
    [InlineData("acute-liver-failure.json")]
    [InlineData("alf-acetaminophen-kcc.json")]
    [InlineData("hepatitis-b-serology.json")]
    public void Observation_FhirInput_DerivedFromTheInputObservationsOfItsInputs(string name)
    {
        var c = Write(name);
        var inputObservations = All<Observation>(c.Input!).Select(o => c.Ref("Observation", o.Id)).ToHashSet();
        var patient = All<Patient>(c.Input!).Single();

        foreach (var o in All<Observation>(c.Bundle))
        {
            Assert.Equal(c.Ref("Patient", patient.Id), o.Subject.Reference);
            Assert.All(o.DerivedFrom, d => Assert.Contains(d.Reference, inputObservations));
        }

        // Every score input that came from an Observation is named; nothing else is.
        foreach (var outcome in c.Assessment.Outcomes.Where(x => x.Result is not null))
        {
            var expected = c.Read!.Sources.Where(s => s.ResourceType == "Observation" && outcome.Definition.Inputs.Any(i => i.Path == s.Path)).Select(s => c.Ref("Observation", s.Id!)).Distinct();
            var o = All<Observation>(c.Bundle).Single(x => x.Code.Coding.Any(y => y.System == Scores && y.Code == outcome.Definition.Id));
            Assert.Equal(expected.Order(), o.DerivedFrom.Select(d => d.Reference).Order());
        }
    }

    [Fact]
    public void Observation_Meld3OnDialysis_DerivedFromBilirubinCreatinineInrSodiumAlbumin()
    {
        // Fixture inputs of MELD 3.0: o-bili, o-creat, o-inr, o-na, o-alb (o-bili-old is older and not used).
        var c = Write("cirrhosis-ascites-dialysis.json");
        var meld3 = All<Observation>(c.Bundle).Single(o => o.Code.Coding[0].Code == "meld-3.0");

        // The fixture names each entry by an absolute fullUrl on its (simulated) server: the output keeps that identity.
        Assert.Equal(["o-alb", "o-bili", "o-creat", "o-inr", "o-na"], meld3.DerivedFrom.Select(d => d.Reference).Order().Select(r => r.Split('/')[^1]));
        Assert.All(meld3.DerivedFrom, d => Assert.Equal(c.Ref("Observation", d.Reference.Split('/')[^1]), d.Reference));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Observation_Components_AreTheTermsAndPointsOfTheBreakdown(string name)
    {
        var c = Write(name);
        foreach (var outcome in c.Assessment.Outcomes.Where(x => x.Result is not null))
        {
            var o = All<Observation>(c.Bundle).Single(x => x.Code.Coding.Any(y => y.System == Scores && y.Code == outcome.Definition.Id));
            var expected = outcome.Result!.Steps.Where(s => s.Kind is StepKind.Term or StepKind.Points)
                .Select(s => (s.Kind == StepKind.Term ? "term" : "points", s.Label, Math.Round(s.Value!.Value, 6, MidpointRounding.AwayFromZero)));
            var actual = o.Component.Where(x => x.Code.Coding[0].Code is "term" or "points")
                .Select(x => (x.Code.Coding[0].Code, x.Code.Text, ((Quantity)x.Value).Value!.Value));
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void Observation_SnapshotInput_SubjectIsTheLocalPatientAndNoDerivedFrom()
    {
        var c = Write("demo-001.json");
        var patient = Assert.Single(All<Patient>(c.Bundle));
        var fullUrl = c.Bundle.Entry.Single(e => e.Resource == patient).FullUrl;

        Assert.Equal("demo-001", Assert.Single(patient.Identifier).Value);
        Assert.All(All<Observation>(c.Bundle), o => Assert.Equal(fullUrl, o.Subject.Reference));
        Assert.All(All<Observation>(c.Bundle), o => Assert.Empty(o.DerivedFrom));
        Assert.Empty(Assert.Single(All<Provenance>(c.Bundle)).Entity);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void RiskAssessment_BasisAndPerformerResolveInsideTheBundleOrInput(string name)
    {
        var c = Write(name);
        var fullUrls = c.Bundle.Entry.Select(e => e.FullUrl).ToHashSet();
        var inputs = c.Input is null ? [] : All<Observation>(c.Input).Select(o => c.Ref("Observation", o.Id)).ToHashSet();

        foreach (var r in All<RiskAssessment>(c.Bundle))
        {
            if (r.Code.Coding[0].System == Scores)
            {
                Assert.Contains(r.Basis[0].Reference, fullUrls); // a prognosis rests on its score's Observation
            }

            Assert.All(r.Basis, b => Assert.True(fullUrls.Contains(b.Reference) || inputs.Contains(b.Reference), b.Reference));
            Assert.Contains(r.Performer.Reference, fullUrls);
            // One prediction where a probability exists; a risk group alone is a note, never a prediction without a
            // probability (ras-2, docs/fhir.md "Prognosis").
            if (r.Prediction.Count == 0)
            {
                Assert.Contains(r.Note, n => n.Text.StartsWith("Risk group: ", StringComparison.Ordinal) || n.Text.Contains("not classified", StringComparison.Ordinal));
            }
            else
            {
                Assert.NotNull(Assert.Single(r.Prediction).Probability);
            }
        }
    }

    [Fact]
    public void RiskAssessment_Meld3_ProbabilityIsMortality_OneMinusKim2021Survival()
    {
        // Kim 2021: S(90 days) = 0.946 ^ exp(0.17698 × MELD 3.0 − 3.56), from the rounded score (35 here, below the cap);
        // every prognosis is worded as mortality (docs/output.md), so the prediction is of death, 1 − S.
        var c = Write("cirrhosis-ascites-dialysis.json");
        var meld3 = All<Observation>(c.Bundle).Single(o => o.Code.Coding[0].Code == "meld-3.0");
        var score = ((Quantity)meld3.Value).Value!.Value;
        var risk = All<RiskAssessment>(c.Bundle).Single(r => r.Code.Coding[0].Code == "meld-3.0");
        var fullUrl = c.Bundle.Entry.Single(e => e.Resource == meld3).FullUrl;

        var expected = 1m - Math.Round((decimal)Math.Pow(0.946, Math.Exp((0.17698 * (double)score) - 3.56)), 4, MidpointRounding.AwayFromZero);
        var prediction = risk.Prediction.Single();
        Assert.Equal(expected, ((FhirDecimal)prediction.Probability).Value);
        Assert.Equal("death", prediction.Outcome.Text);
        Assert.Contains("mortality", prediction.Rationale, StringComparison.Ordinal);
        Assert.Equal((0m, 90m, "d"), (((Hl7.Fhir.Model.Range)prediction.When).Low.Value!.Value, ((Hl7.Fhir.Model.Range)prediction.When).High.Value!.Value, ((Hl7.Fhir.Model.Range)prediction.When).High.Code));
        Assert.Equal(fullUrl, risk.Basis[0].Reference);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ImmunizationRecommendation_CvxCodesAndStatusesMatchThePlan(string name)
    {
        var c = Write(name);
        var vaccineItems = c.Assessment.Prevention.Items.Where(i => i.Id is "hepatitis-a" or "hepatitis-b" or "pneumococcal" or "influenza" or "zoster" or "tdap-td" or "live-vaccines").ToList();
        var recommendations = All<ImmunizationRecommendation>(c.Bundle).ToList();
        if (vaccineItems.Count == 0)
        {
            Assert.Empty(recommendations);
            return;
        }

        var written = Assert.Single(recommendations).Recommendation;
        Assert.Equal(vaccineItems.Select(i => i.Id), written.Select(r => r.ForecastReason[0].Coding[0].Code));
        foreach (var (item, r) in vaccineItems.Zip(written))
        {
            // Every CVX code written names a vaccine of the core's CVX table that belongs to this item.
            var vaccines = r.VaccineCode.Select(v => VaccineCodes.FromCvx(Assert.Single(v.Coding, x => x.System == "http://hl7.org/fhir/sid/cvx").Code)).ToList();
            Assert.All(vaccines, v => Assert.NotNull(v));
            Assert.All(vaccines, v => Assert.Contains(VaccineCodes.IdOf(v!.Value), ExpectedVaccineIds(item.Id)));
            var status = r.ForecastStatus.Coding.SingleOrDefault()?.Code;
            Assert.Equal(item.Status switch
            {
                RecommendationStatus.DueNow or RecommendationStatus.DueOn => "due",
                RecommendationStatus.Complete => "complete",
                RecommendationStatus.Caution => "contraindicated",
                _ => null,
            }, status);
            Assert.Equal(item.Clinician, r.Description);
            if (item.DueOn is { } due)
            {
                Assert.Equal(due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Assert.Single(r.DateCriterion).Value);
                Assert.Equal("30980-7", r.DateCriterion[0].Code.Coding[0].Code);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Provenance_TargetsEveryEntryButDeviceAndItself_SourcesAreTheInputs(string name)
    {
        var c = Write(name);
        var provenance = Assert.Single(All<Provenance>(c.Bundle));
        var expected = c.Bundle.Entry.Where(e => e.Resource is not (Provenance or Device)).Select(e => e.FullUrl);

        Assert.Equal(expected, provenance.Target.Select(t => t.Reference));
        Assert.Equal(Issued, provenance.Recorded);
        Assert.Equal(c.Bundle.Entry[0].FullUrl, Assert.Single(provenance.Agent).Who.Reference);
        var device = Assert.IsType<Device>(c.Bundle.Entry[0].Resource);
        Assert.Equal("Hepatica", device.DeviceName.Single().Name);
        Assert.Equal(HepaticaSystems.EngineVersion, device.Version.Single().Value);
        // The Patient first, then every input resource used, each once, as the input named it (docs/fhir.md).
        var patient = c.Input is null ? [] : new[] { c.Ref("Patient", All<Patient>(c.Input).Single().Id) };
        var sources = c.Read?.Sources.Where(s => s.Id is not null).Select(s => c.Ref(s.ResourceType, s.Id!)) ?? [];
        Assert.Equal(patient.Concat(sources).Distinct(), provenance.Entity.Select(e => e.What.Reference));
        Assert.All(provenance.Entity, e => Assert.Equal(Provenance.ProvenanceEntityRole.Source, e.Role));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void OperationOutcome_InputIssuesThenEveryScoreNotCalculated(string name)
    {
        var c = Write(name);
        var notCalculated = c.Assessment.Outcomes.Where(o => o.Status is OutcomeStatus.NotCalculable or OutcomeStatus.NotApplicable).Select(o => o.Definition.Id).ToList();
        var outcome = Assert.Single(All<OperationOutcome>(c.Bundle));
        var codes = outcome.Issue.Select(i => i.Details.Coding[0].Code).ToList();

        Assert.Equal(c.Assessment.Snapshot.Issues.Select(i => i.Code), codes.Take(c.Assessment.Snapshot.Issues.Count));
        Assert.Equal(notCalculated, outcome.Issue.Where(i => i.Details.Coding[0].Code is "not-calculable" or "not-applicable").Select(i => i.Diagnostics.Split(' ')[0]));
    }

    [Fact]
    public void ServiceRequest_TransplantSignalsAndSerologyTests_AreDraftProposals()
    {
        var c = Write("hepatitis-b-serology.json");
        var requests = All<ServiceRequest>(c.Bundle).ToList();
        var nextTests = c.Assessment.Serology.Interpretations.SelectMany(i => i.NextTests).ToList();

        Assert.NotEmpty(nextTests);
        Assert.Equal(nextTests, requests.Where(r => r.ReasonReference.Count > 0).Select(r => r.Code.Text));
        Assert.All(requests, r => Assert.Equal((RequestStatus.Draft, RequestIntent.Proposal), (r.Status!.Value, r.Intent!.Value)));
        var fullUrls = c.Bundle.Entry.Select(e => e.FullUrl).ToHashSet();
        Assert.All(requests.SelectMany(r => r.ReasonReference), x => Assert.Contains(x.Reference, fullUrls));
    }

    private static string[] ExpectedVaccineIds(string item) => item switch
    {
        "hepatitis-a" => ["hepa", "hepa-hepb"],
        "hepatitis-b" => ["hepb", "hepb-cpg", "hepb-3ag", "hepa-hepb"],
        "pneumococcal" => ["pcv15", "pcv20", "pcv21", "ppsv23"],
        "influenza" => ["influenza"],
        "zoster" => ["rzv"],
        "tdap-td" => ["tdap", "td"],
        "live-vaccines" => ["laiv", "zvl", "mmr", "varicella", "yellow-fever"],
        _ => [],
    };
}
