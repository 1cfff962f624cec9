using System.Globalization;
using System.Net;
using System.Text;
using Hl7.Fhir.Model;

namespace Hepatica.Fhir.Writing;

/// <summary>
/// A short generated narrative (<c>text</c>, status <c>generated</c>) on every resource the writer makes (FHIR R4
/// dom-6: "A resource should have narrative for robust management"): what an EHR shows when it cannot render the
/// resource's structure. Made from the resource's own elements once they are set, so the text cannot say something
/// the data does not. Decision support for clinicians: every result resource says so.
/// </summary>
internal static class Narratives
{
    /// <summary>At most this many issues are listed in an OperationOutcome's narrative; the rest are counted.</summary>
    private const int MaxIssuesShown = 20;

    private const string Support = "Decision support from Hepatica for the clinician; it does not replace clinical judgement.";

    /// <summary>Sets the narrative of a resource the writer made (nothing when it already has one).</summary>
    public static void Generate(Resource resource)
    {
        if (resource is not DomainResource domain || domain.Text is not null)
        {
            return;
        }

        var lines = resource switch
        {
            Observation o => Observation(o),
            RiskAssessment r => Risk(r),
            ServiceRequest s => [$"Proposed: {s.Code?.Text}" + Priority(s.Priority), .. s.ReasonCode.Select(c => "Reason: " + (c.Text ?? c.Coding.FirstOrDefault()?.Code)), Support],
            CommunicationRequest c => [.. c.Payload.Select(p => "Advice: " + (p.Content as FhirString)?.Value), Support],
            ImmunizationRecommendation i => [.. i.Recommendation.Select(Vaccine), Support],
            OperationOutcome o => Issues(o),
            Provenance p => [$"Made by Hepatica {HepaticaSystems.EngineVersion} as of {p.Occurred}: {p.Target.Count} result resource(s) from {p.Entity.Count} input resource(s)."],
            Device => [$"Hepatica clinical decision-support engine, version {HepaticaSystems.EngineVersion}."],
            Patient p => [p.Identifier.Count > 0 ? $"The patient of snapshot {p.Identifier[0].Value} (no FHIR record was read)." : "The patient of the snapshot (no FHIR record was read)."],
            _ => [resource.TypeName],
        };
        domain.Text = new Narrative { Status = Narrative.NarrativeStatus.Generated, Div = Div(lines) };
    }

    private static IEnumerable<string> Observation(Observation o)
    {
        var value = o.Value switch
        {
            Quantity q => Number(q.Value),
            Integer i => i.Value?.ToString(CultureInfo.InvariantCulture),
            FhirBoolean b => b.Value == true ? "criteria met" : "criteria not met",
            Hl7.Fhir.Model.Range r => $"between {Number(r.Low?.Value)} and {Number(r.High?.Value)} (inputs missing)",
            CodeableConcept c => c.Text ?? c.Coding.FirstOrDefault()?.Code,
            _ => null,
        };
        var category = o.Component.FirstOrDefault(c => c.Code.Coding.Any(x => x.Code == "category"))?.Value as CodeableConcept;
        yield return $"{o.Code?.Text}: {value}{(category?.Text is { } text ? " (" + text + ")" : "")}, as of {o.Effective}{(o.Status == ObservationStatus.Preliminary ? "; preliminary: data incomplete" : "")}.";
        yield return Support;
    }

    private static IEnumerable<string> Risk(RiskAssessment r)
    {
        if (r.Prediction.Count == 0 && r.Note.Count > 0)
        {
            yield return $"{r.Code?.Text}: {r.Note[0].Text}";
        }

        foreach (var p in r.Prediction)
        {
            var risk = p.QualitativeRisk?.Text ?? (p.Probability is FhirDecimal d ? $"probability {Number(d.Value)}" : p.Rationale);
            var when = p.When is Hl7.Fhir.Model.Range range ? $" within {Number(range.High?.Value)} {range.High?.Unit}" : "";
            yield return $"{r.Code?.Text}: {p.Outcome?.Text}{when}, {risk}.";
        }

        yield return Support;
    }

    private static string Vaccine(ImmunizationRecommendation.RecommendationComponent r) =>
        $"{string.Join(" or ", r.VaccineCode.Select(c => c.Coding.FirstOrDefault()?.Display ?? c.Text))}: {r.ForecastStatus?.Text ?? r.ForecastStatus?.Coding.FirstOrDefault()?.Code}"
        + (r.DateCriterion.FirstOrDefault()?.Value is { } due ? $", due {due}" : "") + ".";

    private static IEnumerable<string> Issues(OperationOutcome o)
    {
        foreach (var i in o.Issue.Take(MaxIssuesShown))
        {
            yield return $"{i.Severity?.ToString().ToLowerInvariant()} {i.Details?.Coding.FirstOrDefault()?.Code}: {i.Diagnostics}";
        }

        if (o.Issue.Count > MaxIssuesShown)
        {
            yield return $"and {o.Issue.Count - MaxIssuesShown} more issue(s).";
        }

        if (o.Issue.Count == 0)
        {
            yield return "No issues.";
        }
    }

    private static string Priority(RequestPriority? priority) => priority is { } p ? $" ({p.ToString().ToLowerInvariant()})" : "";

    private static string? Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>Lines as XHTML paragraphs, every text escaped (no markup from data reaches the narrative).</summary>
    private static string Div(IEnumerable<string?> lines)
    {
        var sb = new StringBuilder("<div xmlns=\"http://www.w3.org/1999/xhtml\">");
        foreach (var line in lines)
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                sb.Append("<p>").Append(WebUtility.HtmlEncode(line)).Append("</p>");
            }
        }

        return sb.Append("</div>").ToString();
    }
}
