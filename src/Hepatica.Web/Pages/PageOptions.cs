namespace Hepatica.Web.Pages;

/// <summary>
/// Settings of the pages the host serves (the clinician page <c>/</c>, the patient report, the SMART launch),
/// configuration section <c>Hepatica:Pages</c> (docs/web.md, "Pages"). Every default is the safe one: the pages
/// talk to this host only, nobody frames them, nothing is written back to an EHR.
/// </summary>
internal sealed class PageOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Hepatica:Pages";

    /// <summary>Which unit each lab's unit choice starts on in the form: <c>si</c> (the default) or <c>us</c>.</summary>
    public string Units { get; set; } = "si";

    /// <summary>
    /// Origins the pages may connect to besides this host (Content-Security-Policy <c>connect-src</c>): the FHIR
    /// servers and authorization servers of the EHRs that launch the app (SMART App Launch). None by default.
    /// </summary>
    public IList<string> ConnectSources { get; } = [];

    /// <summary>
    /// Origins that may show the pages in a frame (Content-Security-Policy <c>frame-ancestors</c>): the EHR that embeds
    /// the app. None by default (<c>frame-ancestors 'none'</c> and <c>X-Frame-Options: DENY</c>).
    /// </summary>
    public IList<string> FrameAncestors { get; } = [];

    /// <summary>
    /// How many days a saved assessment (a receipt: <c>POST /api/receipts</c>) is kept before it is deleted; 30 by
    /// default. A receipt holds the patient's input, so it is kept no longer than a link is useful.
    /// </summary>
    public int ReceiptDays { get; set; } = 30;

    /// <summary>SMART App Launch settings of the app (docs/web.md, "Inside the EHR").</summary>
    public SmartOptions Smart { get; } = new();
}

/// <summary>The SMART on FHIR client settings: the app's registration at the EHR and what it may do there.</summary>
internal sealed class SmartOptions
{
    /// <summary>The client id the EHR registered the app under.</summary>
    public string ClientId { get; set; } = "hepatica";

    /// <summary>
    /// The scopes asked for: launch context, the patient's resources the FHIR reader uses (read and search), the user's
    /// identity (SMART App Launch 2.x scope syntax).
    /// </summary>
    public string Scope { get; set; } =
        "launch launch/patient openid fhirUser patient/Patient.rs patient/Observation.rs patient/Condition.rs patient/MedicationRequest.rs patient/MedicationStatement.rs patient/Immunization.rs patient/Procedure.rs";

    /// <summary>
    /// The app's SMART launch URL as the EHR registered it (absolute, e.g. <c>https://hepatica.example.org/launch.html</c>).
    /// When set, every CDS Hooks card carries a <c>smart</c> link to it; unset (the default), cards carry none.
    /// </summary>
    public string? LaunchUrl { get; set; }

    /// <summary>True to offer writing the results back to the EHR as Observation + Provenance. Off by default.</summary>
    public bool WriteBack { get; set; }

    /// <summary>The scopes write-back needs, added to <see cref="Scope"/> only when <see cref="WriteBack"/> is on.</summary>
    public string WriteBackScope { get; set; } = "patient/Observation.c patient/RiskAssessment.c patient/Provenance.c";
}
