namespace Hepatica.Clinical.Findings;

/// <summary>Bedside findings and history of one snapshot; null when not given.</summary>
public sealed record ClinicalFindings
{
    /// <summary>No findings given.</summary>
    public static readonly ClinicalFindings Empty = new();

    /// <summary>Ascites grade.</summary>
    public Ascites? Ascites { get; init; }

    /// <summary>Hepatic encephalopathy, West Haven grade.</summary>
    public EncephalopathyGrade? Encephalopathy { get; init; }

    /// <summary>
    /// At least two dialysis treatments, or 24 hours of continuous veno-venous hemodialysis, in the week before
    /// the creatinine (OPTN policy 9.1.D).
    /// </summary>
    public bool? DialysisTwiceInPastWeek { get; init; }

    /// <summary>Cholestatic liver disease (PBC or PSC): selects Child-Pugh's cholestatic bilirubin bands.</summary>
    public bool? CholestaticLiverDisease { get; init; }

    /// <summary>Metabolic dysfunction-associated (non-alcoholic) fatty liver disease: selects the FIB-4 cut-offs validated in it.</summary>
    public bool? FattyLiverDisease { get; init; }

    /// <summary>Alcohol-associated hepatitis (clinical diagnosis, NIAAA criteria or biopsy): the population of Maddrey, Lille, GAHS and ABIC.</summary>
    public bool? AlcoholAssociatedHepatitis { get; init; }

    /// <summary>
    /// Chronic liver disease of any cause, with or without cirrhosis (the ACIP indication for hepatitis A and B and
    /// pneumococcal vaccines). Cirrhosis, cholestatic or fatty liver disease, alcohol-related liver disease, a liver
    /// transplant or a positive HBsAg imply it; false here says the patient has none.
    /// </summary>
    public bool? ChronicLiverDisease { get; init; }

    /// <summary>Cirrhosis established (clinically, by imaging or histology): transplant referral signals that apply to cirrhosis need it.</summary>
    public bool? Cirrhosis { get; init; }

    /// <summary>Variceal (portal hypertensive) bleeding: a decompensating event.</summary>
    public bool? VaricealBleeding { get; init; }

    /// <summary>Mean arterial pressure, mmHg (a plausible value is above <see cref="MeanArterialPressureAbove"/> and at most <see cref="MeanArterialPressureAtMost"/>).</summary>
    public decimal? MeanArterialPressure { get; init; }

    /// <summary>Mean arterial pressure must be above this, mmHg: a plausibility limit every reader applies, not a clinical cut-off.</summary>
    public const decimal MeanArterialPressureAbove = 0m;

    /// <summary>Mean arterial pressure must be at most this, mmHg: a plausibility limit every reader applies, not a clinical cut-off.</summary>
    public const decimal MeanArterialPressureAtMost = 300m;

    /// <summary>Vasopressors (or terlipressin) given to support the circulation.</summary>
    public bool? Vasopressors { get; init; }

    /// <summary>Ratio of arterial oxygen partial pressure (mmHg) to the fraction of inspired oxygen.</summary>
    public decimal? PaO2FiO2 { get; init; }

    /// <summary>Ratio of pulse-oximetry oxygen saturation (%) to the fraction of inspired oxygen.</summary>
    public decimal? SpO2FiO2 { get; init; }

    /// <summary>Mechanical ventilation.</summary>
    public bool? MechanicalVentilation { get; init; }

    /// <summary>Mechanical ventilation given to protect the airway in hepatic encephalopathy, not for respiratory failure.</summary>
    public bool? VentilationForEncephalopathy { get; init; }

    /// <summary>Renal replacement therapy (any modality) now.</summary>
    public bool? RenalReplacementTherapy { get; init; }

    /// <summary>
    /// Acute liver failure (coagulopathy with INR ≥ 1.5 and encephalopathy, no prior cirrhosis, illness under 26 weeks:
    /// AASLD 2011 position paper; EASL 2017). Giving <see cref="AcuteLiverFailureCause"/> implies it; false says the patient
    /// does not have it. Read through <see cref="PatientContext.AcuteLiverFailure"/>.
    /// </summary>
    public bool? AcuteLiverFailure { get; init; }

    /// <summary>
    /// Cared for in intensive care now. Mechanical ventilation or vasopressors imply it; read through
    /// <see cref="PatientContext.IntensiveCare"/>.
    /// </summary>
    public bool? IntensiveCare { get; init; }

    /// <summary>The cause of acute liver failure, as the King's College criteria group it.</summary>
    public AcuteLiverFailureCause? AcuteLiverFailureCause { get; init; }

    /// <summary>Days from the onset of jaundice to the onset of encephalopathy.</summary>
    public decimal? JaundiceToEncephalopathyDays { get; init; }

    /// <summary>Growth failure (height or weight below −2 SD for age): a PELD term.</summary>
    public bool? GrowthFailure { get; init; }

    /// <summary>Date corticosteroids were started for alcohol-associated hepatitis: day 0 of the Lille model.</summary>
    public DateOnly? CorticosteroidStartDate { get; init; }

    /// <summary>Impaired fasting glucose or diabetes: a term of the NAFLD fibrosis score.</summary>
    public bool? DiabetesOrImpairedFastingGlucose { get; init; }
}
