using System.Globalization;
using Hepatica.Clinical.Findings;
using Hepatica.Clinical.Immunity;
using Hepatica.Clinical.Prevention;
using Hepatica.Clinical.Scoring;
using Hepatica.Clinical.Serology;
using Hepatica.Clinical.Transplant;
using Hl7.Fhir.Model;

namespace Hepatica.Fhir.Writing;

/// <summary>
/// The sections of an assessment as the resources that fit them (docs/fhir.md, "Writing", explains each choice):
/// vaccines as one ImmunizationRecommendation; tests to order and transplant referral as ServiceRequest (intent
/// proposal, status draft: a suggestion until a clinician orders it); serology readings as Observations; hepatitis B
/// reactivation risk as RiskAssessment; advice without an orderable code (SBP prophylaxis indications, immune
/// observations, alcohol, the adult-schedule notice) as CommunicationRequest to the clinician.
/// </summary>
internal static class PlanResources
{
    /// <summary>"Date vaccine due" (LOINC; checked in public immunization IGs, docs/fhir.md).</summary>
    private const string DateVaccineDue = "30980-7";

    /// <summary>
    /// The vaccines each prevention item recommends, as CVX codes (alternatives: one CodeableConcept each). Every code is
    /// a row of the core's verified CVX table (src/Hepatica.Clinical/Prevention/VaccineCodes.cs); a test checks it.
    /// </summary>
    internal static readonly IReadOnlyDictionary<string, Vaccine[]> PlanVaccines = new Dictionary<string, Vaccine[]>(StringComparer.Ordinal)
    {
        ["hepatitis-a"] = [Vaccine.HepA],
        ["hepatitis-b"] = [Vaccine.HepB, Vaccine.HepBCpg, Vaccine.HepB3Antigen],
        ["pneumococcal"] = [Vaccine.Pcv20, Vaccine.Pcv21, Vaccine.Pcv15, Vaccine.Ppsv23],
        ["influenza"] = [Vaccine.Influenza],
        ["zoster"] = [Vaccine.Rzv],
        ["tdap-td"] = [Vaccine.Tdap, Vaccine.Td],
        ["live-vaccines"] = [.. Enum.GetValues<Vaccine>().Where(VaccineCodes.IsLive)],
    };

    /// <summary>Prevention items that are tests to order (ServiceRequest).</summary>
    private static readonly HashSet<string> PlanTests = new(["hepatitis-b-anti-hbs-test"], StringComparer.Ordinal);

    public static void WriteSerology(SerologySection section, BundleScope scope)
    {
        foreach (var i in section.Interpretations)
        {
            var observation = new Observation
            {
                Status = ObservationStatus.Final,
                Category = [new CodeableConcept(HepaticaSystems.ObservationCategory, "serology-interpretation", "Serology interpretation", null)],
                Code = new CodeableConcept(HepaticaSystems.Serology, i.Topic, null, "Viral hepatitis serology: " + i.Topic),
                Subject = scope.Subject,
                Effective = scope.Effective,
                Issued = scope.Issued,
                Value = new CodeableConcept(HepaticaSystems.Serology, i.Category, null, i.Category),
                Device = scope.Device,
                DerivedFrom = scope.ObservationsFor(i.Inputs),
                Note =
                [
                    new Annotation { Text = i.Clinician },
                    new Annotation { Text = "For the patient: " + i.Patient },
                    new Annotation { Text = "Sources: " + ScoreObservations.Citations(i.Sources) },
                ],
            };
            var reading = scope.Add(observation, "Observation", "serology|" + i.Topic);
            foreach (var test in i.NextTests)
            {
                var request = Proposal(new CodeableConcept { Text = test }, scope);
                request.ReasonReference = [reading];
                scope.Add(request, "ServiceRequest", "serology|" + i.Topic + "|" + test);
            }
        }
    }

    /// <summary>The code of the one referral every transplant signal asks for (Recommendation CodeSystem).</summary>
    internal const string TransplantReferral = "transplant-referral";

    /// <summary>
    /// ONE referral for liver transplant assessment, whatever number of signals call for it (a US and a UK rule, MELD and
    /// decompensation): a clinician makes one referral, so two ServiceRequests would read as two. Each signal is a
    /// reason (its id and words) with its source; the priority is urgent when any signal is.
    /// </summary>
    public static void WriteTransplant(TransplantSection section, BundleScope scope)
    {
        if (section.Signals.Count == 0)
        {
            return;
        }

        var request = Proposal(new CodeableConcept(HepaticaSystems.Recommendation, TransplantReferral, "Referral for liver transplant assessment", "Referral for liver transplant assessment"), scope);
        request.Priority = section.Signals.Any(s => s.Urgency == SignalUrgency.Urgent) ? RequestPriority.Urgent : RequestPriority.Routine;
        request.ReasonCode = [.. section.Signals.Select(s => new CodeableConcept(HepaticaSystems.Recommendation, s.Id, null, s.Reason))];
        request.Note = [.. section.Signals.Select(s => new Annotation { Text = $"Source ({s.Id}): " + ScoreObservations.Citations([s.Source]) })];
        scope.Add(request, "ServiceRequest", "transplant|referral");
    }

    public static void WriteImmunity(ImmunitySection section, BundleScope scope, IReadOnlyList<string> serologyPaths)
    {
        var basis = scope.ObservationsFor(serologyPaths);
        foreach (var r in section.Reactivation)
        {
            // The AGA 2015 bands are probability ranges (high > 10 %, moderate 1-10 %, low < 1 %): written as
            // probabilityRange in UCUM %, which also satisfies ras-2 (Prognoses.cs says why a prediction needs a
            // probability). The band's words stay as text only: HL7 risk-probability "high" means more likely than not
            // (> 50 %), AGA 2015 "high" > 10 %. Not classified: no prediction, the words in a note.
            var prediction = r.Band is { } band ? new RiskAssessment.PredictionComponent
            {
                Outcome = new CodeableConcept { Text = "hepatitis B reactivation" },
                Probability = BandRange(band),
                QualitativeRisk = new CodeableConcept { Text = BandText(band) },
            } : null;
            var risk = new RiskAssessment
            {
                Status = ObservationStatus.Final,
                Code = new CodeableConcept(HepaticaSystems.Recommendation, r.Id, null, $"Hepatitis B reactivation risk under {r.Medication}"),
                Method = new CodeableConcept { Text = r.Source.Key },
                Subject = scope.Subject,
                Occurrence = scope.Effective,
                Performer = scope.Device,
                Basis = [.. basis],
                Prediction = prediction is null ? [] : [prediction],
                Mitigation = r.Text,
                Note =
                [
                    .. prediction is null ? [new Annotation { Text = "Hepatitis B reactivation risk: not classified by the AGA 2015 table." }] : Array.Empty<Annotation>(),
                    new Annotation { Text = "Source: " + ScoreObservations.Citations([r.Source]) },
                ],
            };
            scope.Add(risk, "RiskAssessment", "reactivation|" + r.Id + "|" + r.Medication);
        }

        foreach (var s in section.Sbp.Concat(section.Observations))
        {
            scope.Add(Advice(s.Id, s.Text, s.Source, scope), "CommunicationRequest", "immunity|" + s.Id);
        }
    }

    public static void WritePrevention(PreventionSection section, BundleScope scope)
    {
        // date: the as-of the plan is for (what is due is due as of it), not the moment the Bundle was written.
        var vaccines = new ImmunizationRecommendation { Patient = scope.Subject, DateElement = new FhirDateTime(scope.AsOfText) };
        foreach (var r in section.Items)
        {
            if (PlanVaccines.TryGetValue(r.Id, out var planned))
            {
                vaccines.Recommendation.Add(Vaccination(r, planned, scope));
            }
            else if (PlanTests.Contains(r.Id))
            {
                var request = Proposal(new CodeableConcept(HepaticaSystems.Recommendation, r.Id, null, r.Clinician), scope);
                if (r.DueOn is { } due)
                {
                    request.Occurrence = new FhirDateTime(Date(due));
                }

                request.Note = [new Annotation { Text = "Source: " + ScoreObservations.Citations([r.Source]) }];
                scope.Add(request, "ServiceRequest", "prevention|" + r.Id);
            }
            else
            {
                scope.Add(Advice(r.Id, r.Clinician, r.Source, scope), "CommunicationRequest", "prevention|" + r.Id);
            }
        }

        if (vaccines.Recommendation.Count > 0)
        {
            scope.Add(vaccines, "ImmunizationRecommendation", "prevention");
        }
    }

    private static ImmunizationRecommendation.RecommendationComponent Vaccination(Recommendation r, Vaccine[] planned, BundleScope scope)
    {
        var item = new ImmunizationRecommendation.RecommendationComponent
        {
            VaccineCode = [.. planned.Select(v => new CodeableConcept(HepaticaSystems.Cvx, VaccineCodes.CvxOf(v)[0], VaccineCodes.NameOf(v), null))],
            ForecastStatus = ForecastStatus(r.Status),
            ForecastReason = [new CodeableConcept(HepaticaSystems.Recommendation, r.Id, null, r.Id)],
            Description = r.Clinician,
        };
        var due = r.DueOn is { } d ? Date(d) : r.Status == RecommendationStatus.DueNow ? scope.Today : null;
        if (due is not null)
        {
            item.DateCriterion.Add(new ImmunizationRecommendation.DateCriterionComponent
            {
                Code = new CodeableConcept(HepaticaSystems.Loinc, DateVaccineDue, "Date vaccine due", null),
                ValueElement = new FhirDateTime(due),
            });
        }

        return item;
    }

    /// <summary>HL7 forecast status where one means the same; "not recommended" (already infected, outside the indication) has none: text only.</summary>
    private static CodeableConcept ForecastStatus(RecommendationStatus status) => status switch
    {
        RecommendationStatus.DueNow or RecommendationStatus.DueOn => new CodeableConcept(HepaticaSystems.ForecastStatus, "due", "Due", null),
        RecommendationStatus.Complete => new CodeableConcept(HepaticaSystems.ForecastStatus, "complete", "Complete", null),
        RecommendationStatus.Caution => new CodeableConcept(HepaticaSystems.ForecastStatus, "contraindicated", "Contraindicated", null),
        RecommendationStatus.NotRecommended => new CodeableConcept { Text = "not recommended" },
        RecommendationStatus.AfterRecovery => new CodeableConcept { Text = "after recovery (moderate or severe acute illness is a precaution)" },
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown recommendation status."),
    };

    private static ServiceRequest Proposal(CodeableConcept code, BundleScope scope) => new()
    {
        Status = RequestStatus.Draft,
        Intent = RequestIntent.Proposal,
        Code = code,
        Subject = scope.Subject,
        AuthoredOnElement = new FhirDateTime(scope.Issued),
        Requester = scope.Device,
    };

    /// <summary>Advice to the clinician: <c>draft</c> like every proposal of the Bundle (decision support suggests; nobody has acted on it yet).</summary>
    private static CommunicationRequest Advice(string id, string text, Citation source, BundleScope scope) => new()
    {
        Status = RequestStatus.Draft,
        Category = [new CodeableConcept(HepaticaSystems.Recommendation, id, null, id)],
        Subject = scope.Subject,
        Payload = [new CommunicationRequest.PayloadComponent { Content = new FhirString(text) }],
        AuthoredOnElement = new FhirDateTime(scope.Issued),
        Requester = scope.Device,
        Note = [new Annotation { Text = "Source: " + ScoreObservations.Citations([source]) }],
    };

    /// <summary>The AGA 2015 band as the probability range that defines it, in UCUM % (an open end has no bound).</summary>
    private static Hl7.Fhir.Model.Range BandRange(RiskBand band) => band switch
    {
        RiskBand.High => new() { Low = Percent(10m) },
        RiskBand.Moderate => new() { Low = Percent(1m), High = Percent(10m) },
        _ => new() { High = Percent(1m) },
    };

    private static Quantity Percent(decimal value) => new() { Value = value, Unit = "%", System = HepaticaSystems.Ucum, Code = "%" };

    private static string BandText(RiskBand band) => band switch
    {
        RiskBand.High => "high (> 10 %, AGA 2015)",
        RiskBand.Moderate => "moderate (1-10 %, AGA 2015)",
        _ => "low (< 1 %, AGA 2015)",
    };

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
