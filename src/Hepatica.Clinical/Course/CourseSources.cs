using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Course;

/// <summary>The publications behind the course rules that the scores do not already cite (docs/course.md).</summary>
public static class CourseSources
{
    /// <summary>Merion 2003: ΔMELD, the change in MELD over the preceding 30 days, as a predictor of waiting-list death.</summary>
    public static readonly Citation Merion2003 = new(
        "Merion 2003",
        "Merion RM, Wolfe RA, Dykstra DM, Leichtman AB, Gillespie B, Held PJ. Longitudinal assessment of mortality risk among candidates for liver transplantation. Liver Transpl 2003;9(1):12-18 (as cited by Brock GN et al., PLoS One 2019;14(10):e0223053).",
        2003, "https://doi.org/10.1053/jlts.2003.50009");

    /// <summary>ICA-ADQI 2015: acute kidney injury in cirrhosis (baseline creatinine, stages).</summary>
    public static readonly Citation Angeli2015 = new(
        "ICA-ADQI 2015",
        "Angeli P, Gines P, Wong F, et al. Diagnosis and management of acute kidney injury in patients with cirrhosis: revised consensus recommendations of the International Club of Ascites. J Hepatol 2015;62(4):968-974.",
        2015, "https://doi.org/10.1016/j.jhep.2014.12.029");

    /// <summary>D'Amico 2006: the clinical stages of cirrhosis; decompensation is ascites, variceal bleeding or encephalopathy.</summary>
    public static readonly Citation DAmico2006 = new(
        "D'Amico 2006",
        "D'Amico G, Garcia-Tsao G, Pagliaro L. Natural history and prognostic indicators of survival in cirrhosis: a systematic review of 118 studies. J Hepatol 2006;44(1):217-231.",
        2006, "https://doi.org/10.1016/j.jhep.2005.10.013");

    /// <summary>Baveno VII 2022: decompensation defined by overt ascites, overt encephalopathy or variceal bleeding.</summary>
    public static readonly Citation BavenoVii2022 = new(
        "Baveno VII 2022",
        "de Franchis R, Bosch J, Garcia-Tsao G, Reiberger T, Ripoll C; Baveno VII Faculty. Baveno VII - Renewing consensus in portal hypertension. J Hepatol 2022;76(4):959-974.",
        2022, "https://doi.org/10.1016/j.jhep.2021.12.022");

    /// <summary>The screening before anti-CD20 therapy: AGA 2015, CDC 2023 and ASCO 2020 all ask for HBsAg and anti-HBc.</summary>
    public static readonly Citation HbvScreeningBeforeAntiCd20 = new(
        "AGA 2015; CDC 2023; ASCO 2020",
        "Reddy KR, et al. AGA Institute guideline on HBV reactivation during immunosuppressive drug therapy. Gastroenterology 2015;148(1):215-219. Conners EE, et al. Screening and testing for hepatitis B virus infection: CDC recommendations - United States, 2023. MMWR Recomm Rep 2023;72(1):1-25. Hwang JP, et al. Hepatitis B virus screening and management for patients with cancer prior to therapy: ASCO provisional clinical opinion update. J Clin Oncol 2020;38(31):3698-3715.",
        2023, "https://doi.org/10.15585/mmwr.rr7201a1");
}
