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

    /// <summary>O'Grady 1989: the King's College criteria (acetaminophen and non-acetaminophen).</summary>
    public static readonly Citation OGrady1989 = new(
        "O'Grady 1989",
        "O'Grady JG, Alexander GJ, Hayllar KM, Williams R. Early indicators of prognosis in fulminant hepatic failure. Gastroenterology 1989;97(2):439-445.",
        1989, "https://doi.org/10.1016/0016-5085(89)90081-4");

    /// <summary>Moreau 2013 (CANONIC): organ failure definitions and ACLF grades.</summary>
    public static readonly Citation Moreau2013 = new(
        "Moreau 2013",
        "Moreau R, Jalan R, Gines P, et al. Acute-on-chronic liver failure is a distinct syndrome that develops in patients with acute decompensation of cirrhosis. Gastroenterology 2013;144(7):1426-1437.e9.",
        2013, "https://doi.org/10.1053/j.gastro.2013.02.042");

    /// <summary>Jalan 2014: the CLIF-C OF score and the CLIF-C ACLF score.</summary>
    public static readonly Citation Jalan2014 = new(
        "Jalan 2014",
        "Jalan R, Saliba F, Pavesi M, et al. Development and validation of a prognostic score to predict mortality in patients with acute-on-chronic liver failure. J Hepatol 2014;61(5):1038-1047.",
        2014, "https://doi.org/10.1016/j.jhep.2014.06.012");

    /// <summary>The EF-CLIF score calculator pages (formulas of CLIF-C OF, CLIF-C ACLF 0-100 and CLIF-C AD as the consortium publishes them).</summary>
    public static readonly Citation EfClifCalculators = new(
        "EF-CLIF calculators",
        "European Foundation for the Study of Chronic Liver Failure. Score calculators: CLIF-C OF, CLIF-C ACLF (ranging from 0 to 100) and CLIF-C AD.",
        2024, "https://efclif.com/research-infrastructure/score-calculators/clif-c-of-ad-aclf");
}
