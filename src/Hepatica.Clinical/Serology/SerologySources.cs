using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Serology;

/// <summary>The guidelines the viral hepatitis interpretations follow (docs/serology.md says what each one sets).</summary>
public static class SerologySources
{
    /// <summary>ACIP 2018: the hepatitis B serology interpretation table (reproduced as Table 5 of the CDC STI
    /// treatment guidelines 2021) and anti-HBs ≥ 10 mIU/mL as protective.</summary>
    public static readonly Citation Acip2018 = new(
        "CDC/ACIP 2018",
        "Schillie S, Vellozzi C, Reingold A, et al. Prevention of hepatitis B virus infection in the United States: recommendations of the Advisory Committee on Immunization Practices. MMWR Recomm Rep 2018;67(No. RR-1):1-31.",
        2018, "https://doi.org/10.15585/mmwr.rr6701a1");

    /// <summary>CDC 2023: universal triple-panel hepatitis B screening (HBsAg, anti-HBs, total anti-HBc).</summary>
    public static readonly Citation Cdc2023Hbv = new(
        "CDC 2023 HBV",
        "Conners EE, Panagiotakopoulos L, Hofmeister MG, et al. Screening and testing for hepatitis B virus infection: CDC recommendations - United States, 2023. MMWR Recomm Rep 2023;72(No. RR-1):1-25.",
        2023, "https://doi.org/10.15585/mmwr.rr7201a1");

    /// <summary>EASL 2017 HBV guideline: the phases of chronic HBV infection, anti-HDV screening of HBsAg-positive people.</summary>
    public static readonly Citation Easl2017Hbv = new(
        "EASL 2017 HBV",
        "European Association for the Study of the Liver. EASL 2017 Clinical Practice Guidelines on the management of hepatitis B virus infection. J Hepatol 2017;67(2):370-398.",
        2017, "https://doi.org/10.1016/j.jhep.2017.03.021");

    /// <summary>CDC 2013: the HCV test result table (anti-HCV then HCV RNA).</summary>
    public static readonly Citation Cdc2013Hcv = new(
        "CDC 2013 HCV",
        "Centers for Disease Control and Prevention. Testing for HCV infection: an update of guidance for clinicians and laboratorians. MMWR Morb Mortal Wkly Rep 2013;62(18):362-365.",
        2013, "https://www.cdc.gov/mmwr/preview/mmwrhtml/mm6218a5.htm");

    /// <summary>CDC 2020: hepatitis C screening of adults (antibody with reflex to HCV RNA).</summary>
    public static readonly Citation Cdc2020Hcv = new(
        "CDC 2020 HCV",
        "Schillie S, Wester C, Osborne M, Wesolowski L, Ryerson AB. CDC recommendations for hepatitis C screening among adults - United States, 2020. MMWR Recomm Rep 2020;69(No. RR-2):1-17.",
        2020, "https://doi.org/10.15585/mmwr.rr6902a1");

    /// <summary>AASLD-IDSA 2023 HCV guidance: antibody with reflex HCV RNA; HCV RNA to diagnose current infection.</summary>
    public static readonly Citation AasldIdsa2023Hcv = new(
        "AASLD-IDSA 2023 HCV",
        "Bhattacharya D, Aronsohn A, Price J, Lo Re V 3rd; AASLD-IDSA HCV Guidance Panel. Hepatitis C guidance 2023 update: AASLD-IDSA recommendations for testing, managing, and treating hepatitis C virus infection. Clin Infect Dis 2023 (published online 25 May 2023).",
        2023, "https://doi.org/10.1093/cid/ciad319");

    /// <summary>ACIP 2020: hepatitis A (IgM anti-HAV for acute infection, total anti-HAV for immunity).</summary>
    public static readonly Citation Acip2020Hav = new(
        "CDC/ACIP 2020 HAV",
        "Nelson NP, Weng MK, Hofmeister MG, et al. Prevention of hepatitis A virus infection in the United States: recommendations of the Advisory Committee on Immunization Practices, 2020. MMWR Recomm Rep 2020;69(No. RR-5):1-38.",
        2020, "https://doi.org/10.15585/mmwr.rr6905a1");

    /// <summary>EASL 2023 hepatitis delta guideline: anti-HDV screening, HDV RNA to confirm active infection.</summary>
    public static readonly Citation Easl2023Hdv = new(
        "EASL 2023 HDV",
        "European Association for the Study of the Liver. EASL Clinical Practice Guidelines on hepatitis delta virus. J Hepatol 2023;79(2):433-460.",
        2023, "https://doi.org/10.1016/j.jhep.2023.05.001");

    /// <summary>EASL 2018 hepatitis E guideline: anti-HEV IgM and HEV RNA for acute or chronic infection.</summary>
    public static readonly Citation Easl2018Hev = new(
        "EASL 2018 HEV",
        "European Association for the Study of the Liver. EASL Clinical Practice Guidelines on hepatitis E virus infection. J Hepatol 2018;68(6):1256-1271.",
        2018, "https://doi.org/10.1016/j.jhep.2018.03.005");
}
