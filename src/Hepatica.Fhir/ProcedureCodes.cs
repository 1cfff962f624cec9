namespace Hepatica.Fhir;

/// <summary>
/// Dialysis procedures (docs/fhir.md): SNOMED CT and CPT codes. A Procedure with one of them, completed (or in progress),
/// performed in the 7 days before the creatinine the snapshot uses, counts as one treatment; two or more set
/// <c>findings.dialysisTwiceInPastWeek</c> (OPTN policy 9.1.D: dialysis at least twice, or 24 hours of CVVHD, in the
/// week before the creatinine). A continuous therapy whose period spans 24 hours or more in that week also counts.
/// </summary>
internal static class ProcedureCodes
{
    public const string Cpt = "http://www.ama-assn.org/go/cpt";

    /// <summary>
    /// Code, display, continuous therapy?, cross-check tag (as in <see cref="ConditionCodes"/>; <c>V</c> = in an NLM VSAC
    /// value set expansion, eCQM update 2020-05-07, kept in a public repository).
    /// </summary>
    public static readonly IReadOnlyList<(string System, string Code, string Display, bool Continuous, string Checked)> Dialysis =
    [
        (ConditionCodes.Snomed, "265764009", "Renal dialysis", false, "S (Synthea dialysis module)"),
        (ConditionCodes.Snomed, "302497006", "Hemodialysis", false, "X; V (VSAC Hemodialysis 2.16.840.1.113883.3.526.3.1083)"),
        (ConditionCodes.Snomed, "71192002", "Peritoneal dialysis", false, "X; V (VSAC Peritoneal Dialysis 2.16.840.1.113883.3.526.3.1084)"),
        (ConditionCodes.Snomed, "714749008", "Continuous renal replacement therapy", true, "X"),
        (Cpt, "90935", "Hemodialysis procedure with single evaluation", false, "X (third-party dialysis code lists only; in no VSAC value set found)"),
        (Cpt, "90937", "Hemodialysis procedure requiring repeated evaluation", false, "X (third-party dialysis code lists only; in no VSAC value set found)"),
        (Cpt, "90945", "Dialysis procedure other than hemodialysis, single evaluation", false, "V (VSAC Peritoneal Dialysis 2.16.840.1.113883.3.526.3.1084)"),
        (Cpt, "90947", "Dialysis procedure other than hemodialysis, repeated evaluations", false, "V (VSAC Peritoneal Dialysis 2.16.840.1.113883.3.526.3.1084)"),
    ];

    /// <summary>Finds a dialysis code; null when the coding is not one.</summary>
    public static (string Code, bool Continuous)? Find(string? system, string? code)
    {
        foreach (var d in Dialysis)
        {
            if (d.System == system && d.Code == code)
            {
                return (d.Code, d.Continuous);
            }
        }

        return null;
    }
}
