using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Scores;

/// <summary>Citations shared by more than one score. Each score lists its own sources in its definition.</summary>
public static class Sources
{
    /// <summary>Kamath 2001: the MELD model.</summary>
    public static readonly Citation Kamath2001 = new(
        "Kamath 2001",
        "Kamath PS, Wiesner RH, Malinchoc M, et al. A model to predict survival in patients with end-stage liver disease. Hepatology 2001;33(2):464-470.",
        2001, "https://doi.org/10.1053/jhep.2001.22172");

    /// <summary>OPTN policy 9.1.D as in force from 2016-01 to 2023-07 (MELD and MELD-Na).</summary>
    public static readonly Citation OptnPolicy2016 = new(
        "OPTN policy 9.1.D (2016)",
        "Organ Procurement and Transplantation Network. Policy 9.1.D MELD Score, as amended by the policy notice of 2015-11-01 (in force 2016-01-11): floors of 1.0, creatinine 4.0 with dialysis or above 4.0, MELD(i) rounded to the tenth and multiplied by 10, sodium step when MELD(i) > 11 with sodium bounded 125-137, maximum 40.",
        2016, "https://optn.transplant.hrsa.gov/media/1575/policynotice_20151101.pdf");
}
