namespace Hepatica.Clinical.Findings;

/// <summary>
/// Drug classes as the hepatitis B reactivation guidance distinguishes them (AGA 2015; AASLD 2018), plus the classes a
/// liver clinic needs to name. Snapshot ids are the kebab-case names in <see cref="Immunity.MedicationClasses"/>.
/// </summary>
public enum MedicationClass
{
    /// <summary>Anti-CD20 B-cell depleting antibodies (rituximab, ofatumumab, obinutuzumab, ocrelizumab): <c>b-cell-depleting</c>.</summary>
    BCellDepleting,

    /// <summary>Anthracycline derivatives (doxorubicin, epirubicin): <c>anthracycline</c>.</summary>
    Anthracycline,

    /// <summary>Systemic corticosteroids; dose (prednisone equivalent) and duration decide the risk: <c>corticosteroid</c>.</summary>
    Corticosteroid,

    /// <summary>TNF-α inhibitors (infliximab, adalimumab, etanercept, certolizumab, golimumab): <c>tnf-inhibitor</c>.</summary>
    TnfInhibitor,

    /// <summary>Other cytokine and integrin inhibitors (ustekinumab, abatacept, natalizumab, vedolizumab): <c>cytokine-integrin-inhibitor</c>.</summary>
    CytokineIntegrinInhibitor,

    /// <summary>Tyrosine kinase inhibitors (imatinib, nilotinib): <c>tyrosine-kinase-inhibitor</c>.</summary>
    TyrosineKinaseInhibitor,

    /// <summary>Traditional immunosuppressants (azathioprine, 6-mercaptopurine, methotrexate): <c>traditional-immunosuppressant</c>.</summary>
    TraditionalImmunosuppressant,

    /// <summary>Calcineurin inhibitors (tacrolimus, ciclosporin): <c>calcineurin-inhibitor</c>.</summary>
    CalcineurinInhibitor,

    /// <summary>Antimetabolite immunosuppressants used after transplant (mycophenolate): <c>antimetabolite</c>.</summary>
    Antimetabolite,

    /// <summary>Immune checkpoint inhibitors (nivolumab, pembrolizumab, ipilimumab): <c>checkpoint-inhibitor</c>.</summary>
    CheckpointInhibitor,

    /// <summary>Hepatitis C direct-acting antivirals: <c>hcv-daa</c>.</summary>
    HcvDirectActingAntiviral,

    /// <summary>Any other drug: <c>other</c>.</summary>
    Other,
}

/// <summary>The code system of a medication code.</summary>
public enum MedicationCodeSystem
{
    /// <summary>RxNorm concept id (RXCUI) of the ingredient: <c>rxnorm</c>.</summary>
    RxNorm,

    /// <summary>WHO Anatomical Therapeutic Chemical code: <c>atc</c>.</summary>
    Atc,
}

/// <summary>A medication code (RxNorm ingredient RXCUI or ATC code).</summary>
/// <param name="System">The code system.</param>
/// <param name="Value">The code as given (ATC upper-cased).</param>
public sealed record MedicationCode(MedicationCodeSystem System, string Value);

/// <summary>One medication the patient takes or is about to start, by class and (optionally) code.</summary>
/// <param name="Class">The drug class (from the snapshot, or from the code when only the code is given).</param>
public sealed record Medication(MedicationClass Class)
{
    /// <summary>The code, when given.</summary>
    public MedicationCode? Code { get; init; }

    /// <summary>The name as given (display only).</summary>
    public string? Name { get; init; }

    /// <summary>Daily dose in prednisone equivalent, mg/day (corticosteroids).</summary>
    public decimal? PrednisoneEquivalentMgPerDay { get; init; }

    /// <summary>Planned or actual duration, weeks.</summary>
    public decimal? DurationWeeks { get; init; }

    /// <summary>Start date.</summary>
    public DateOnly? Start { get; init; }
}
