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

    /// <summary>Code, display, continuous therapy?, cross-check tag (as in <see cref="ConditionCodes"/>).</summary>
    public static readonly IReadOnlyList<(string System, string Code, string Display, bool Continuous, string Checked)> Dialysis =
    [
        (ConditionCodes.Snomed, "265764009", "Renal dialysis", false, "S (Synthea dialysis module)"),
        (ConditionCodes.Snomed, "302497006", "Hemodialysis", false, "X"),
        (ConditionCodes.Snomed, "71192002", "Peritoneal dialysis", false, "X"),
        (ConditionCodes.Snomed, "714749008", "Continuous renal replacement therapy", true, "X"),
        (Cpt, "90935", "Hemodialysis procedure with single evaluation", false, "unverified (CPT is licensed; not found in public code)"),
        (Cpt, "90937", "Hemodialysis procedure requiring repeated evaluation", false, "unverified"),
        (Cpt, "90945", "Dialysis procedure other than hemodialysis, single evaluation", false, "unverified"),
        (Cpt, "90947", "Dialysis procedure other than hemodialysis, repeated evaluations", false, "unverified"),
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
