using Hepatica.Clinical.Labs;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Serology;

/// <summary>
/// The EASL 2017 phase of chronic HBV infection (J Hepatol 2017;67:370, Figure 1), read only when the CDC reading is
/// chronic infection, from HBeAg, quantitative HBV DNA and ALT against the laboratory's upper limit of normal (ULN):
/// <list type="bullet">
/// <item>HBeAg positive, ALT ≤ ULN, HBV DNA &gt; 10^7 IU/mL: HBeAg-positive chronic infection.</item>
/// <item>HBeAg positive, ALT &gt; ULN, HBV DNA ≥ 10^4 IU/mL (EASL: 10^4-10^7, "high"): HBeAg-positive chronic hepatitis.</item>
/// <item>HBeAg negative, ALT ≤ ULN, HBV DNA &lt; 2,000 IU/mL: HBeAg-negative chronic infection.</item>
/// <item>HBeAg negative, ALT &gt; ULN, HBV DNA &gt; 2,000 IU/mL: HBeAg-negative chronic hepatitis.</item>
/// <item>Anything else is the grey zone (indeterminate), including HBeAg negative with normal ALT and HBV DNA 2,000 to
/// 20,000 IU/mL, which EASL says some people with chronic infection have.</item>
/// </list>
/// EASL defines the phases on serial values ("persistently normal ALT"); one measurement suggests a phase and never
/// settles it, so every phase says so and asks for serial ALT and HBV DNA over at least a year.
/// </summary>
public static class HepatitisBPhase
{
    /// <summary>The topic id.</summary>
    public const string Topic = "hepatitis-b-phase";

    /// <summary>HBV DNA above which HBeAg-positive chronic infection is typical (EASL 2017: &gt; 10^7 IU/mL).</summary>
    public const decimal HbeAgPositiveInfectionDna = 10_000_000m;

    /// <summary>Lower bound of HBV DNA in HBeAg-positive chronic hepatitis (EASL 2017: 10^4 IU/mL).</summary>
    public const decimal HbeAgPositiveHepatitisDna = 10_000m;

    /// <summary>HBV DNA below which HBeAg-negative chronic infection is typical, and above which HBeAg-negative chronic hepatitis is (EASL 2017: 2,000 IU/mL).</summary>
    public const decimal HbeAgNegativeDna = 2_000m;

    /// <summary>Upper bound of the HBV DNA that EASL 2017 says some people with HBeAg-negative chronic infection have with normal ALT (20,000 IU/mL).</summary>
    public const decimal HbeAgNegativeInfectionUpperDna = 20_000m;

    private const string FollowUp = "One measurement suggests a phase but cannot settle it: EASL defines the phases on serial ALT and HBV DNA, followed over at least a year.";
    private static readonly Citation[] Sources = [SerologySources.Easl2017Hbv];

    /// <summary>The phase, or null when the CDC reading is not chronic infection.</summary>
    /// <param name="panel">The serology.</param>
    /// <param name="labs">The labs (ALT and its upper limit).</param>
    /// <param name="cdc">The hepatitis B reading of the same panel.</param>
    public static SerologyInterpretation? Interpret(SerologyPanel panel, LabPanel labs, SerologyInterpretation? cdc)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(labs);
        if (cdc?.Category != "hbv-chronic")
        {
            return null;
        }

        var inputs = new List<string> { SerologyPaths.HbeAg, SerologyPaths.HbvDna, SnapshotKeys.Labs.Alt, SnapshotKeys.Labs.AltUpperLimit };
        var next = new List<string>(4);
        var e = SerologyPaths.Known(panel.HbeAg);
        if (e is null)
        {
            next.Add(SerologyPaths.OrderOrRepeat(panel.HbeAg, "HBeAg (with anti-HBe)", "EASL phase"));
        }

        // Not detected (result negative) counts as below every threshold; detected without a number cannot be placed.
        var dna = panel.HbvDna?.Value ?? (panel.HbvDna?.Result == QualitativeResult.Negative ? 0m : (decimal?)null);
        if (dna is null)
        {
            next.Add("quantitative HBV DNA (IU/mL): EASL phase");
        }

        if (labs.Alt is null)
        {
            next.Add("ALT: EASL phase");
        }

        if (labs.AltUpperLimit is null)
        {
            next.Add("the laboratory's ALT upper limit of normal (labs.altUpperLimit): EASL phase");
        }

        if (next.Count > 0)
        {
            return new(Topic, "hbv-phase-incomplete", "EASL phase of chronic HBV infection not determined: missing " + string.Join(", ", next.Select(n => n[..n.IndexOf(':', StringComparison.Ordinal)])) + ".",
                "More tests are needed to know how active your hepatitis B is.", inputs, next, Sources);
        }

        var alt = labs.Alt!.Value;
        var uln = labs.AltUpperLimit!.Value;
        var raised = alt > uln;
        var v = dna!.Value;
        var facts = $"HBeAg {(e!.Value ? "positive" : "negative")}, HBV DNA {Breakdown.F(v)} IU/mL, ALT {alt} {(raised ? ">" : "≤")} ULN {uln}";
        var follow = new[] { "serial ALT and HBV DNA over at least a year to confirm the phase (EASL 2017)" };
        (string Id, string Clinician, string Patient)? phase = (e.Value, raised) switch
        {
            (true, false) when v > HbeAgPositiveInfectionDna => ("hbv-hbeag-positive-chronic-infection", "HBeAg-positive chronic infection (formerly immune tolerant)",
                "The virus is very active in the blood, but the liver shows no inflammation in this test."),
            (true, true) when v >= HbeAgPositiveHepatitisDna => ("hbv-hbeag-positive-chronic-hepatitis", "HBeAg-positive chronic hepatitis",
                "The virus is active and the liver is inflamed. Your doctor will discuss treatment."),
            (false, false) when v < HbeAgNegativeDna => ("hbv-hbeag-negative-chronic-infection", "HBeAg-negative chronic infection (formerly inactive carrier)",
                "The virus is quiet and the liver shows no inflammation in this test. Regular checks are still needed."),
            (false, true) when v > HbeAgNegativeDna => ("hbv-hbeag-negative-chronic-hepatitis", "HBeAg-negative chronic hepatitis",
                "The virus is active and the liver is inflamed. Your doctor will discuss treatment."),
            _ => null,
        };

        if (phase is { } ph)
        {
            return new(Topic, ph.Id, $"{ph.Clinician} by EASL 2017: {facts}. {FollowUp}", ph.Patient, inputs, follow, Sources);
        }

        var why = !e.Value && !raised && v <= HbeAgNegativeInfectionUpperDna
            ? $" HBV DNA of {Breakdown.F(HbeAgNegativeDna)}-{Breakdown.F(HbeAgNegativeInfectionUpperDna)} IU/mL with normal ALT is seen in some people with HBeAg-negative chronic infection (EASL); follow-up, and liver fibrosis assessment, decide."
            : " The values fit no single phase; follow-up, and liver fibrosis assessment, decide.";
        return new(Topic, "hbv-phase-grey-zone", $"Indeterminate (grey zone) by EASL 2017: {facts}.{why} {FollowUp}",
            "Your hepatitis B tests do not yet show clearly how active it is. Repeat tests over the next year will tell.",
            inputs, [.. follow, "non-invasive fibrosis assessment (elastography)"], Sources);
    }
}
