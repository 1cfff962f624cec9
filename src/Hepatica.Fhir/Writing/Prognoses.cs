using Hepatica.Clinical.Scores;
using Hepatica.Clinical.Scoring;
using Hl7.Fhir.Model;
using FhirRange = Hl7.Fhir.Model.Range;

namespace Hepatica.Fhir.Writing;

/// <summary>
/// Scores that carry a prognosis, written as a RiskAssessment beside their Observation (FHIR R4: "all risk assessments
/// and prognosis SHOULD be captured using RiskAssessment"). ONE table: the outcome, its horizon and rationale as the
/// score's source states them (docs/scores.md), and where the probability comes from. Only MELD 3.0 yields a probability
/// (Kim 2021); the others give a risk group, written as the qualitative risk. Scores without a published outcome and
/// horizon in docs/scores.md (CLIF-C ACLF, which Hepatica reports without a mortality estimate) are not in the table.
/// One wording throughout (docs/output.md, "Prognosis wording"): every prediction is of death (mortality); MELD 3.0,
/// whose source publishes survival, is written as 1 − survival, and the rationale says so.
/// </summary>
internal static class Prognoses
{
    /// <summary>One row: a score and what its prognosis means.</summary>
    /// <param name="Score">The score.</param>
    /// <param name="Outcome">The predicted outcome, in words.</param>
    /// <param name="Horizon">The horizon as a UCUM quantity (value, code, unit), or null when the source gives none.</param>
    /// <param name="ProbabilityExtra">The extra holding a probability of <paramref name="Outcome"/>, or null (qualitative only).</param>
    /// <param name="Rationale">Where the prediction comes from.</param>
    /// <param name="ExtraIsSurvival">True when the extra is a survival probability (written as 1 − it, the probability of death).</param>
    private sealed record Row(ScoreDefinition Score, string Outcome, (decimal Value, string Code, string Unit)? Horizon, string? ProbabilityExtra, string Rationale, bool ExtraIsSurvival = false);

    private static readonly Row[] Rows =
    [
        new(Meld3.Definition, "death", (90m, "d", "days"), Meld3.Survival90DayExtra,
            "Kim 2021: 90-day mortality = 1 − 90-day survival, survival = 0.946 ^ exp(0.17698 × MELD 3.0 − 3.56), from the rounded score before the cap of 40.",
            ExtraIsSurvival: true),
        new(Meld.Definition, "death", (3m, "mo", "months"), null,
            "Wiesner 2003: 3-month mortality by MELD band (≤ 9: 1.9%, 10-19: 6.0%, 20-29: 19.6%, 30-39: 52.6%, ≥ 40: 71.3%)."),
        new(Abic.Definition, "death", (90m, "d", "days"), null,
            "Dominguez 2008: 90-day risk group (mortality 0%, 30% and 75% in the derivation cohort)."),
        new(Lille.Definition, "death", (6m, "mo", "months"), null,
            "Louvet 2007: Lille ≥ 0.45 is non-response to corticosteroids (6-month mortality about 75% vs 15%)."),
        new(ClifCAd.Definition, "death", null, null,
            "Jalan 2015: CLIF-C AD risk group (≤ 45 low, 46-59 intermediate, ≥ 60 high)."),
        new(Gahs.Definition, "death", null, null,
            "Forrest 2005: GAHS ≥ 9 is a poor prognosis."),
    ];

    /// <summary>Writes the RiskAssessment for a score with a prognosis (nothing for other scores).</summary>
    public static void Write(ScoreResult result, ResourceReference observation, BundleScope scope)
    {
        var row = Array.Find(Rows, r => r.Score.Id == result.Definition.Id);
        if (row is null)
        {
            return;
        }

        var prediction = new RiskAssessment.PredictionComponent
        {
            Outcome = new CodeableConcept { Text = row.Outcome },
            Rationale = row.Rationale,
        };
        var notes = new List<Annotation>();
        if (row.ProbabilityExtra is { } extra && result.Extras.TryGetValue(extra, out var probability))
        {
            prediction.Probability = new FhirDecimal(ScoreObservations.Number(row.ExtraIsSurvival ? 1m - probability : probability));
        }
        else if (result.Category is { } category)
        {
            // A risk group without a probability is written WITHOUT a prediction: R4 ras-2 ("probability is decimal
            // implies (probability as decimal) <= 100") evaluates to empty on a prediction with no probability, and the
            // Firely validator (3.6.0) reports that as a failure, so a validating server may reject it. Inventing a
            // probability for the group would be worse. The group is the score Observation's category (basis[0]) and is
            // stated here in a note, with the outcome, horizon and rationale (docs/fhir.md, "Prognosis").
            notes.Add(new Annotation { Text = $"Risk group: {category}. Outcome: {row.Outcome}{HorizonText(row.Horizon)}. {row.Rationale}" });
            prediction = null;
        }
        else
        {
            return; // neither a probability nor a group: nothing to predict
        }

        if (row.Horizon is { } h && prediction is not null)
        {
            prediction.When = new FhirRange
            {
                Low = new Quantity { Value = 0m, Unit = h.Unit, System = HepaticaSystems.Ucum, Code = h.Code },
                High = new Quantity { Value = h.Value, Unit = h.Unit, System = HepaticaSystems.Ucum, Code = h.Code },
            };
        }

        notes.Add(new Annotation { Text = "Sources: " + ScoreObservations.Citations(result.Definition.Citations) });

        var def = result.Definition;
        var risk = new RiskAssessment
        {
            Status = ObservationStatus.Final,
            Method = ScoreObservations.Method(def),
            Code = new CodeableConcept(HepaticaSystems.Scores, def.Id, def.Name, "Prognosis from " + def.Name),
            Subject = scope.Subject,
            Occurrence = scope.Effective,
            Performer = scope.Device,
            Basis = [observation, .. scope.ObservationsFor(def.Inputs.Select(i => i.Path))],
            Prediction = prediction is null ? [] : [prediction],
            Note = notes,
        };
        scope.Add(risk, "RiskAssessment", def.Id);
    }

    private static string HorizonText((decimal Value, string Code, string Unit)? horizon) =>
        horizon is { } h ? $" within {h.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)} {h.Unit}" : "";
}
