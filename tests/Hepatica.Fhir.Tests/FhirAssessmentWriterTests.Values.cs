// Firely POCO members are all nullable; a null here fails the assertion that reads it.
#nullable disable warnings

using System.Text.Json;
using Hepatica.Fhir.Writing;
using Hepatica.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace Hepatica.Fhir.Tests;

/// <summary>
/// The FHIR output carries the same values as the JSON contract (docs/output.md) for the same assessment: two writers,
/// compared after each is read back by its own parser (System.Text.Json; Firely).
/// </summary>
public sealed partial class FhirAssessmentWriterTests
{
    [Theory]
    [MemberData(nameof(Cases))]
    public void Values_EqualTheJsonContract(string name)
    {
        var c = Write(name);
        using var json = JsonDocument.Parse(RenderJson(c));
        var bundle = FhirJsonDeserializer.STRICT.Deserialize<Bundle>(FhirAssessmentWriter.ToJson(c.Bundle));
        var all = All<Observation>(bundle).Where(o => o.Code.Coding[0].System == HepaticaSystems.Scores).ToList();
        var observations = all.Where(o => o.Status == ObservationStatus.Final).ToDictionary(o => o.Code.Coding[0].Code);

        // Ranged scores (issue 11 s.2): a preliminary Observation whose valueRange is the JSON's minimum-maximum.
        var ranged = json.RootElement.GetProperty("scores").EnumerateArray().Where(s => s.GetProperty("status").GetString() == "range").ToList();
        var preliminary = all.Where(o => o.Status == ObservationStatus.Preliminary).ToDictionary(o => o.Code.Coding[0].Code);
        Assert.Equal(ranged.Select(s => s.GetProperty("id").GetString()), preliminary.Keys);
        foreach (var score in ranged)
        {
            var range = Assert.IsType<Hl7.Fhir.Model.Range>(preliminary[score.GetProperty("id").GetString()].Value);
            Assert.Equal((score.GetProperty("minimum").GetDecimal(), score.GetProperty("maximum").GetDecimal()), (range.Low.Value!.Value, range.High.Value!.Value));
        }

        var calculated = json.RootElement.GetProperty("scores").EnumerateArray().Where(s => s.GetProperty("status").GetString() == "calculated").ToList();
        Assert.Equal(calculated.Select(s => s.GetProperty("id").GetString()), observations.Keys);
        foreach (var score in calculated)
        {
            var o = observations[score.GetProperty("id").GetString()];
            var value = score.GetProperty("value").GetDecimal();
            switch (o.Value)
            {
                case Quantity q:
                    Assert.Equal(value, q.Value);
                    Assert.Equal(("{score}", "http://unitsofmeasure.org"), (q.Code, q.System));
                    break;
                case Integer i:
                    Assert.Equal(value, (decimal?)i.Value);
                    break;
                case FhirBoolean b:
                    Assert.Equal(value == 1m, b.Value);
                    break;
                default:
                    Assert.Fail($"{o.Code.Coding[0].Code}: unexpected value type {o.Value?.GetType().Name}");
                    break;
            }

            Assert.Equal(score.TryGetProperty("category", out var category) ? category.GetString() : null, Component(o, "category")?.Value is CodeableConcept cc ? cc.Text : null);
            Assert.Equal(score.TryGetProperty("unrounded", out var unrounded) ? unrounded.GetDecimal() : null, (Component(o, "unrounded")?.Value as Quantity)?.Value);
            var extras = score.TryGetProperty("extras", out var e) ? e.EnumerateObject().Select(p => (p.Name, p.Value.GetDecimal())).ToList() : [];
            Assert.Equal(extras, o.Component.Where(x => x.Code.Coding[0].Code == "extra").Select(x => (x.Code.Text, ((Quantity)x.Value).Value!.Value)));

            var steps = score.GetProperty("steps").EnumerateArray()
                .Where(s => s.GetProperty("kind").GetString() is "term" or "points")
                .Select(s => (s.GetProperty("kind").GetString(), s.GetProperty("label").GetString(), s.GetProperty("value").GetDecimal()));
            Assert.Equal(steps, o.Component.Where(x => x.Code.Coding[0].Code is "term" or "points").Select(x => (x.Code.Coding[0].Code, x.Code.Text, ((Quantity)x.Value).Value!.Value)));
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Values_PrognosisAndPlanEqualTheJsonContract(string name)
    {
        var c = Write(name);
        using var json = JsonDocument.Parse(RenderJson(c));
        var root = json.RootElement;

        // MELD 3.0: extras.survival90Day in JSON (the source's own quantity), probabilityDecimal of death (1 − it) in FHIR.
        var meld3 = root.GetProperty("scores").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "meld-3.0");
        var risk = All<RiskAssessment>(c.Bundle).SingleOrDefault(r => r.Code.Coding[0].Code == "meld-3.0");
        Assert.Equal(meld3.TryGetProperty("extras", out var x) ? 1m - x.GetProperty("survival90Day").GetDecimal() : null, (risk?.Prediction[0].Probability as FhirDecimal)?.Value);

        // Transplant signals: same ids and reasons, same order.
        Assert.Equal(
            root.GetProperty("transplant").GetProperty("signals").EnumerateArray().Select(s => (s.GetProperty("id").GetString(), s.GetProperty("reason").GetString())),
            All<ServiceRequest>(c.Bundle).Where(r => r.Code.Text == "Referral for liver transplant assessment").SelectMany(r => r.ReasonCode.Select(x => (x.Coding[0].Code, x.Text))));

        // Serology readings: same topics and categories.
        Assert.Equal(
            root.GetProperty("serology").GetProperty("interpretations").EnumerateArray().Select(i => (i.GetProperty("topic").GetString(), i.GetProperty("category").GetString())),
            All<Observation>(c.Bundle).Where(o => o.Code.Coding[0].System == HepaticaSystems.Serology).Select(o => (o.Code.Coding[0].Code, ((CodeableConcept)o.Value).Coding[0].Code)));

        // Prevention: every recommendation id appears once, as a vaccine recommendation, a ServiceRequest or a CommunicationRequest.
        var written = All<ImmunizationRecommendation>(c.Bundle).SelectMany(r => r.Recommendation).Select(r => r.ForecastReason[0].Coding[0].Code)
            .Concat(All<ServiceRequest>(c.Bundle).Select(r => r.Code.Coding.FirstOrDefault()?.Code))
            .Concat(All<CommunicationRequest>(c.Bundle).Select(r => r.Category[0].Coding[0].Code))
            .ToHashSet();
        Assert.All(root.GetProperty("prevention").GetProperty("recommendations").EnumerateArray(), r => Assert.Contains(r.GetProperty("id").GetString(), written));
        Assert.All(root.GetProperty("immunity").GetProperty("sbpProphylaxis").EnumerateArray(), r => Assert.Contains(r.GetProperty("id").GetString(), written));

        // Reactivation: one RiskAssessment per row, with the JSON text as mitigation.
        Assert.Equal(
            root.GetProperty("immunity").GetProperty("reactivation").EnumerateArray().Select(r => r.GetProperty("text").GetString()),
            All<RiskAssessment>(c.Bundle).Where(r => r.Code.Coding[0].System == HepaticaSystems.Recommendation).Select(r => r.Mitigation));
    }

    private static Observation.ComponentComponent Component(Observation o, string kind) => o.Component.SingleOrDefault(x => x.Code.Coding[0].Code == kind);

    private static string RenderJson(Case c)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            AssessmentWriter.Write(w, c.Assessment, Detail.Full, Clinical.AsOf.For(c.Assessment.Snapshot, Issued));
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
