using Hepatica.Clinical.Serology;

namespace Hepatica.Fhir.Terminology;

/// <summary>
/// The serology code system (<see cref="Writing.HepaticaSystems.Serology"/>, docs/serology.md): the topics a serology
/// interpretation Observation is coded with (the core's <c>Topic</c> constants) and the categories its value is coded
/// with. The categories are the ids the interpreters in src/Hepatica.Clinical/Serology write; a test fails when an id
/// there is missing here (or a row here is no longer written), and when the engine writes a code not listed.
/// Published as docs/fhir/CodeSystem-hepatica-serology.json.
/// </summary>
public static class SerologyConcepts
{
    /// <summary>What an interpretation is about (<c>Observation.code</c>).</summary>
    public static readonly IReadOnlyList<LocalConcept> Topics =
    [
        new(HepatitisA.Topic, "Hepatitis A serology", "Topic: the reading of hepatitis A serology (total and IgM anti-HAV)."),
        new(HepatitisB.Topic, "Hepatitis B serology", "Topic: the reading of the hepatitis B panel (HBsAg, total and IgM anti-HBc, anti-HBs) against the CDC/ACIP table."),
        new(HepatitisBPhase.Topic, "Phase of chronic hepatitis B", "Topic: the EASL 2017 phase of chronic HBV infection (HBeAg, HBV DNA, ALT)."),
        new(HepatitisC.Topic, "Hepatitis C serology", "Topic: the reading of anti-HCV and HCV RNA."),
        new(HepatitisD.Topic, "Hepatitis D serology", "Topic: the reading of anti-HDV and HDV RNA in an HBsAg-positive person."),
        new(HepatitisE.Topic, "Hepatitis E serology", "Topic: the reading of IgM and IgG anti-HEV and HEV RNA."),
    ];

    /// <summary>What the serology says (<c>Observation.valueCodeableConcept</c>).</summary>
    public static readonly IReadOnlyList<LocalConcept> Categories =
    [
        new("hav-acute", "Acute hepatitis A", "Acute (or recent) hepatitis A: IgM anti-HAV positive."),
        new("hav-contradictory", "Contradictory hepatitis A results", "IgM anti-HAV positive with total anti-HAV negative (total anti-HAV includes IgM)."),
        new("hav-immune", "Immune to hepatitis A", "Total anti-HAV positive and IgM anti-HAV negative or not given: past infection or vaccination."),
        new("hav-susceptible", "Susceptible to hepatitis A", "Total anti-HAV negative."),
        new("hav-not-acute-immunity-unknown", "No acute hepatitis A, immunity unknown", "IgM anti-HAV negative; immunity unknown without total anti-HAV."),
        new("hav-not-tested", "Hepatitis A not tested", "No hepatitis A serology given."),
        new("hav-incomplete", "Hepatitis A status not settled", "Hepatitis A results given but indeterminate."),
        new("hbv-not-tested", "Hepatitis B not tested", "No hepatitis B serology given: screen with the triple panel (HBsAg, anti-HBs, total anti-HBc)."),
        new("hbv-contradictory", "Contradictory hepatitis B results", "Hepatitis B results that contradict each other; not read against the CDC table."),
        new("hbv-hbsag-positive-incomplete", "HBsAg positive, panel incomplete", "HBsAg positive: current infection (or transient antigenaemia after vaccination); anti-HBc is needed to tell acute from chronic."),
        new("hbv-incomplete", "Hepatitis B status not settled", "The CDC 2023 triple panel (HBsAg, total anti-HBc, anti-HBs) is incomplete."),
        new("hbv-early-acute-or-post-vaccination", "Early acute HBV infection or after vaccination", "HBsAg positive, anti-HBc negative: early acute infection, or transient HBsAg up to 18 days after vaccination."),
        new("hbv-acute", "Acute hepatitis B", "HBsAg, total and IgM anti-HBc positive, anti-HBs negative."),
        new("hbv-chronic", "Chronic hepatitis B", "HBsAg and total anti-HBc positive, IgM anti-HBc and anti-HBs negative."),
        new("hbv-infected-acute-or-chronic", "Current HBV infection, acute or chronic", "HBsAg and total anti-HBc positive; without IgM anti-HBc acute and chronic infection cannot be told apart."),
        new("hbv-susceptible", "Susceptible to hepatitis B", "HBsAg, total anti-HBc and anti-HBs negative: never infected, not immune."),
        new("hbv-immune-vaccination", "Immune to hepatitis B by vaccination", "Protective anti-HBs with HBsAg and total anti-HBc negative."),
        new("hbv-not-infected-immunity-unknown", "Never infected with HBV, immunity unknown", "HBsAg and total anti-HBc negative; immunity unknown without anti-HBs."),
        new("hbv-acute-resolving", "Acute resolving HBV infection", "HBsAg negative, total and IgM anti-HBc positive."),
        new("hbv-immune-natural-infection", "Immune to hepatitis B by natural infection", "HBsAg negative, total anti-HBc and anti-HBs positive."),
        new("hbv-isolated-anti-hbc", "Isolated anti-HBc", "Total anti-HBc positive with HBsAg and anti-HBs negative: resolved infection, false-positive anti-HBc, low-level chronic or resolving acute infection."),
        new("hbv-past-or-current-exposure-incomplete", "Past or resolving HBV infection, anti-HBs needed", "HBsAg negative, total anti-HBc positive; anti-HBs is needed to read the CDC table."),
        new("hbv-hbeag-positive-chronic-infection", "HBeAg-positive chronic infection", "EASL 2017 phase: HBeAg positive, very high HBV DNA, normal ALT (formerly immune tolerant)."),
        new("hbv-hbeag-positive-chronic-hepatitis", "HBeAg-positive chronic hepatitis", "EASL 2017 phase: HBeAg positive, high HBV DNA, raised ALT."),
        new("hbv-hbeag-negative-chronic-infection", "HBeAg-negative chronic infection", "EASL 2017 phase: HBeAg negative, HBV DNA below 2,000 IU/mL, normal ALT (formerly inactive carrier)."),
        new("hbv-hbeag-negative-chronic-hepatitis", "HBeAg-negative chronic hepatitis", "EASL 2017 phase: HBeAg negative, HBV DNA above 2,000 IU/mL, raised ALT."),
        new("hbv-phase-grey-zone", "Phase of chronic HBV indeterminate (grey zone)", "The HBeAg, HBV DNA and ALT values fit no EASL 2017 phase; follow-up decides."),
        new("hbv-phase-incomplete", "Phase of chronic HBV not determined", "Chronic hepatitis B, but an input the EASL 2017 phase needs (HBeAg, HBV DNA, ALT) is missing."),
        new("hcv-current-infection", "Current HCV infection", "HCV RNA detected."),
        new("hcv-past-or-false-positive", "No current HCV infection, antibody reactive", "Anti-HCV reactive, HCV RNA not detected: resolved infection or a false-positive antibody."),
        new("hcv-rna-needed", "Anti-HCV reactive, HCV RNA needed", "Anti-HCV reactive: current or past infection; HCV RNA tells them apart."),
        new("hcv-no-infection", "No HCV infection", "No HCV antibody detected."),
        new("hcv-no-current-infection", "No current HCV infection", "HCV RNA not detected; anti-HCV would show past infection."),
        new("hcv-not-tested", "Hepatitis C not tested", "No hepatitis C serology given."),
        new("hcv-incomplete", "Hepatitis C status not settled", "Hepatitis C results given but indeterminate."),
        new("hdv-contradictory", "Contradictory hepatitis D results", "HDV RNA detected with HBsAg negative (HDV cannot replicate without HBsAg)."),
        new("hdv-active", "Active hepatitis D", "HDV RNA detected (HBV-HDV coinfection)."),
        new("hdv-resolved-or-controlled", "Resolved or controlled HDV infection", "Anti-HDV positive, HDV RNA not detected."),
        new("hdv-rna-needed", "Anti-HDV positive, HDV RNA needed", "Anti-HDV positive: HDV exposure; HDV RNA confirms active infection."),
        new("hdv-no-infection", "No hepatitis D", "Anti-HDV negative in an HBsAg-positive person."),
        new("hdv-not-tested", "Hepatitis D not tested", "HBsAg positive without an anti-HDV result."),
        new("hev-current-infection", "Current HEV infection", "HEV RNA detected."),
        new("hev-acute-or-recent", "Acute or recent hepatitis E", "IgM anti-HEV positive."),
        new("hev-past-infection", "Past HEV infection", "IgG anti-HEV positive, no IgM anti-HEV or HEV RNA detected."),
        new("hev-no-evidence", "No evidence of HEV infection", "No marker of HEV infection in the tests given."),
        new("hev-incomplete", "Hepatitis E status not settled", "Hepatitis E results given but indeterminate."),
    ];

    /// <summary>The whole code system: topics, then categories.</summary>
    public static IReadOnlyList<LocalConcept> All { get; } = [.. Topics, .. Categories];
}
