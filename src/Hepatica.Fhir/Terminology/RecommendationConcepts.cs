using Hepatica.Clinical.Findings;
using Hepatica.Clinical.Immunity;
using Hepatica.Clinical.Transplant;

namespace Hepatica.Fhir.Terminology;

/// <summary>
/// The recommendation code system (<see cref="Writing.HepaticaSystems.Recommendation"/>): the stable ids of the
/// prevention plan items, transplant signals, immune signals and hepatitis B reactivation rows that the FHIR writer
/// codes ServiceRequest, CommunicationRequest, RiskAssessment and ImmunizationRecommendation.forecastReason with.
/// Where the core keeps a list it is read from it (transplant signal constants, the SBP constants, the CTCAE thresholds,
/// the AGA 2015 reactivation table and the medication classes); the prevention ids are string literals in
/// src/Hepatica.Clinical/Prevention, listed here, and a test fails when the two differ. Published as
/// docs/fhir/CodeSystem-hepatica-recommendation.json.
/// </summary>
public static class RecommendationConcepts
{
    /// <summary>Prevention plan items (docs/prevention.md): vaccines, tests to order, advice.</summary>
    public static readonly IReadOnlyList<LocalConcept> Prevention =
    [
        new("hepatitis-a", "Hepatitis A vaccination", "Prevention item: hepatitis A vaccine series (or immune, complete) in chronic liver disease (ACIP)."),
        new("hepatitis-b", "Hepatitis B vaccination", "Prevention item: hepatitis B vaccine series (or immune, complete, or not recommended with the reason) (ACIP 2022)."),
        new("hepatitis-b-anti-hbs-test", "Anti-HBs test after hepatitis B vaccination", "Prevention item: a test to order, anti-HBs 1-2 months after the last hepatitis B dose in chronic liver disease."),
        new("pneumococcal", "Pneumococcal vaccination", "Prevention item: pneumococcal conjugate vaccine (PCV20 or PCV21, or PCV15 then PPSV23) in chronic liver disease (ACIP 2024)."),
        new("influenza", "Influenza vaccination", "Prevention item: yearly inactivated or recombinant influenza vaccine."),
        new("zoster", "Recombinant zoster vaccination", "Prevention item: two doses of recombinant zoster vaccine (RZV) where indicated (ACIP 2022)."),
        new("tdap-td", "Tdap/Td vaccination", "Prevention item: one Tdap, then a Td or Tdap booster every 10 years."),
        new("live-vaccines", "Live vaccines contraindicated or withheld", "Prevention item: live vaccines are contraindicated in immunosuppression, or withheld until the corticosteroid dose and duration are known."),
        new("hepatitis-b-screening", "Hepatitis B screening before immunosuppression", "Prevention item: HBsAg and anti-HBc (and anti-HBs) before or during immunosuppressive, cytotoxic or immunomodulatory therapy (AGA 2015; AASLD 2018)."),
        new("alcohol", "Alcohol abstinence advice", "Prevention item: advise complete abstinence and offer treatment for alcohol use disorder in alcohol-related liver disease."),
        new("adult-schedule", "Adult vaccine schedule does not apply", "Prevention item: the patient is younger than 19 years; the plan follows the adult schedule, use the child and adolescent schedule."),
    ];

    /// <summary>Transplant referral signals (docs/transplant.md), one per <see cref="TransplantSignal"/> constant.</summary>
    public static readonly IReadOnlyList<LocalConcept> Transplant =
    [
        new(TransplantSignal.AlfKingsCollege, "Acute liver failure meeting King's College criteria", "Transplant signal (urgent): acute liver failure meeting King's College criteria (any variant): contact a transplant centre now."),
        new(TransplantSignal.AclfGrade2To3, "ACLF grade 2 or 3", "Transplant signal (urgent): acute-on-chronic liver failure grade 2 or 3 (EASL-CLIF)."),
        new(TransplantSignal.Meld15Cirrhosis, "MELD-Na or MELD 3.0 of 15 or more in cirrhosis", "Transplant signal: MELD-Na or MELD 3.0 at or above 15 in cirrhosis: refer for transplant assessment (AASLD)."),
        new(TransplantSignal.Decompensation, "Decompensated cirrhosis", "Transplant signal: a major complication of cirrhosis (ascites, variceal bleeding, encephalopathy ...): refer for transplant assessment."),
        new(TransplantSignal.Ukeld49, "UKELD of 49 or more in cirrhosis", "Transplant signal (UK profile): UKELD at or above 49 in cirrhosis (NHSBT liver selection policy)."),
    ];

    /// <summary>What the Bundle proposes for the transplant signals: ONE referral, however many signals call for it (the signals are its reasons).</summary>
    public static readonly IReadOnlyList<LocalConcept> Requests =
    [
        new(Writing.PlanResources.TransplantReferral, "Referral for liver transplant assessment", "The referral every transplant signal asks for; the ServiceRequest's reasonCode lists the signals that call for it."),
    ];

    /// <summary>SBP prophylaxis indications and low blood counts (docs/immunity.md).</summary>
    public static IReadOnlyList<LocalConcept> Immune { get; } =
    [
        new(SbpProphylaxis.Secondary, "SBP secondary prophylaxis", "Immune signal: a prior episode of spontaneous bacterial peritonitis: secondary antibiotic prophylaxis is indicated (AASLD 2021)."),
        new(SbpProphylaxis.Primary, "SBP primary prophylaxis", "Immune signal: low ascitic fluid protein with renal dysfunction or liver failure: primary antibiotic prophylaxis is considered (AASLD 2021)."),
        new(SbpProphylaxis.GiBleeding, "Antibiotic prophylaxis in gastrointestinal bleeding", "Immune signal: cirrhosis with gastrointestinal bleeding: short-term antibiotic prophylaxis is indicated (AASLD 2021)."),
        .. ImmuneObservations.Thresholds.GroupBy(t => t.Id, StringComparer.Ordinal).Select(g => new LocalConcept(g.Key,
            $"Low {g.First().Analyte}",
            $"Immune observation: {g.First().Analyte} below the CTCAE v5.0 grade {g.Min(t => t.Grade)} boundary ({g.Max(t => t.Below).ToString(System.Globalization.CultureInfo.InvariantCulture)} × 10^9/L); the most severe grade reached is reported.")),
    ];

    /// <summary>
    /// Hepatitis B reactivation rows (docs/immunity.md): every row of the AGA 2015 table, then every other medication
    /// class the engine assesses without a band (coded with the class id).
    /// </summary>
    public static IReadOnlyList<LocalConcept> Reactivation { get; } =
    [
        .. HbvReactivation.Table.Select(r => new LocalConcept(r.Id, "HBV reactivation risk: " + r.Drugs,
            $"Hepatitis B reactivation risk under {r.Drugs}: AGA 2015 band {Band(r.HbsAgPositive)} when HBsAg-positive, {Band(r.AntiHbcOnly)} when HBsAg-negative and anti-HBc-positive.")),
        .. Enum.GetValues<MedicationClass>()
            .Where(c => c is not MedicationClass.Other and not MedicationClass.Corticosteroid)
            .Select(MedicationClasses.IdOf)
            .Where(id => HbvReactivation.Table.All(r => r.Id != id))
            .Select(id => new LocalConcept(id, "HBV reactivation risk: " + id + " (not banded)", Unbanded(id))),
    ];

    /// <summary>The whole code system: prevention, transplant, immune, reactivation.</summary>
    public static IReadOnlyList<LocalConcept> All { get; } = [.. Prevention, .. Transplant, .. Requests, .. Immune, .. Reactivation];

    private static string Band(RiskBand band) => band switch
    {
        RiskBand.High => "high (> 10 %)",
        RiskBand.Moderate => "moderate (1-10 %)",
        RiskBand.Low => "low (< 1 %)",
        _ => throw new ArgumentOutOfRangeException(nameof(band), band, "Unknown risk band."),
    };

    private static string Unbanded(string classId) => classId == MedicationClasses.IdOf(MedicationClass.HcvDirectActingAntiviral)
        ? "Hepatitis B reactivation under HCV direct-acting antivirals: HBV can reactivate as HCV clears in an HBsAg-positive patient; rare when only anti-HBc is positive (AASLD 2018)."
        : $"Hepatitis B reactivation under a medication of class {classId}, which the AGA 2015 table does not band: prophylaxis when HBsAg-positive, monitoring when only anti-HBc is positive (AASLD 2018).";
}
