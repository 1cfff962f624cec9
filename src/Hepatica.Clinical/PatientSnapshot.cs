using Hepatica.Clinical.Findings;
using Hepatica.Clinical.Labs;
using Hepatica.Clinical.Scoring;
using Hepatica.Clinical.Serology;

namespace Hepatica.Clinical;

/// <summary>
/// One patient at one point in time: the validated input every score reads. Built by an adapter (the snapshot
/// JSON reader, later FHIR) that reports every problem in <see cref="Issues"/>; unusable values are left null.
/// </summary>
public sealed record PatientSnapshot
{
    /// <summary>Caller's identifier for the snapshot (echoed in results).</summary>
    public string? Id { get; init; }

    /// <summary>Sex.</summary>
    public Sex? Sex { get; init; }

    /// <summary>Age in years (may be fractional).</summary>
    public decimal? AgeYears { get; init; }

    /// <summary>Age in years when listed for transplant (PELD's infant term persists for a child listed before age 1).</summary>
    public decimal? AgeAtListingYears { get; init; }

    /// <summary>Laboratory values.</summary>
    public LabPanel Labs { get; init; } = LabPanel.Empty;

    /// <summary>Earlier (and the panel's own) dated lab values, by analyte and date.</summary>
    public LabSeries Series { get; init; } = LabSeries.Empty;

    /// <summary>Bedside findings.</summary>
    public ClinicalFindings Findings { get; init; } = ClinicalFindings.Empty;

    /// <summary>The date the assessment is for ("now" for schedules: the core has no clock).</summary>
    public DateOnly? AssessmentDate { get; init; }

    /// <summary>Medications taken or about to start.</summary>
    public IReadOnlyList<Medication> Medications { get; init; } = [];

    /// <summary>Vaccine doses given, in date order.</summary>
    public IReadOnlyList<Vaccination> Vaccinations { get; init; } = [];

    /// <summary>History items (prior SBP, GI bleeding now, transplant, alcohol-related disease).</summary>
    public MedicalHistory History { get; init; } = MedicalHistory.Empty;

    /// <summary>Viral hepatitis serology (empty when not given).</summary>
    public SerologyPanel Serology { get; init; } = SerologyPanel.Empty;

    /// <summary>Body mass index, kg/m².</summary>
    public decimal? Bmi { get; init; }

    /// <summary>Autoimmune hepatitis work-up: autoantibodies, IgG, histology, viral hepatitis excluded.</summary>
    public AutoimmuneFindings Autoimmune { get; init; } = AutoimmuneFindings.Empty;

    /// <summary>Suspected drug-induced or immune-mediated liver injury: Hy's law context, checkpoint inhibitor, RUCAM items.</summary>
    public DrugInjuryFindings Dili { get; init; } = DrugInjuryFindings.Empty;

    /// <summary>Alcohol use: AUDIT-C answers.</summary>
    public AlcoholFindings Alcohol { get; init; } = AlcoholFindings.Empty;

    /// <summary>Errors and warnings found while reading the snapshot.</summary>
    public IReadOnlyList<InputIssue> Issues { get; init; } = [];
}
