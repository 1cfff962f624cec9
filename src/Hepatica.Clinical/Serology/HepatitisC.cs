using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Serology;

/// <summary>
/// Hepatitis C read per the CDC test result table (MMWR 2013;62:362) and the CDC 2020 screening recommendation
/// and AASLD-IDSA 2023 guidance (anti-HCV with reflex to HCV RNA): HCV RNA detected is current infection, whatever the antibody; a reactive anti-HCV
/// with HCV RNA not detected is no current infection (resolved infection, or a false-positive antibody); a non-reactive
/// anti-HCV is no infection (HCV RNA if exposure in the last 6 months or immunosuppression); a reactive anti-HCV
/// without HCV RNA asks for HCV RNA.
/// </summary>
public static class HepatitisC
{
    /// <summary>The topic id.</summary>
    public const string Topic = "hepatitis-c";

    private static readonly Citation[] Sources = [SerologySources.Cdc2013Hcv, SerologySources.Cdc2020Hcv, SerologySources.AasldIdsa2023Hcv];

    /// <summary>Reads the hepatitis C tests of a panel (<c>hcv-not-tested</c> when none was given).</summary>
    /// <param name="panel">The tests.</param>
    public static SerologyInterpretation Interpret(SerologyPanel panel)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var inputs = SerologyPaths.Given((panel.AntiHcv, SerologyPaths.AntiHcv), (panel.HcvRna, SerologyPaths.HcvRna));
        bool? ab = SerologyPaths.Known(panel.AntiHcv), rna = SerologyPaths.Known(panel.HcvRna);
        var load = panel.HcvRna?.Value is { } v && v > 0m ? $" (HCV RNA {Breakdown.F(v)} IU/mL)" : string.Empty;
        if (rna is true)
        {
            return new(Topic, "hcv-current-infection",
                $"Current HCV infection: HCV RNA detected{load}" + (ab is false ? "; anti-HCV non-reactive, as in early acute infection or immunosuppression." : "."),
                "You have hepatitis C now. It can be cured with tablets.",
                inputs, ab is null ? ["anti-HCV (for the record of exposure); evaluate for direct-acting antiviral treatment"] : ["evaluate for direct-acting antiviral treatment"], Sources);
        }

        return (ab, rna) switch
        {
            (true, false) => new(Topic, "hcv-past-or-false-positive",
                "No current HCV infection: anti-HCV reactive, HCV RNA not detected: resolved infection or a false-positive antibody (CDC). Repeat HCV RNA if exposure in the last 6 months.",
                "You do not have hepatitis C now. You may have had it in the past and cleared it.",
                inputs, [], Sources),
            (true, null) => new(Topic, "hcv-rna-needed",
                "anti-HCV reactive: current or past infection; order HCV RNA to tell them apart (CDC 2020, AASLD-IDSA).",
                "A hepatitis C antibody test is positive. One more blood test shows whether the virus is there now.",
                inputs, [SerologyPaths.OrderOrRepeat(panel.HcvRna, "HCV RNA (NAT)", "current versus past infection")], Sources),
            (false, _) => new(Topic, "hcv-no-infection",
                "No HCV antibody detected: no HCV infection, unless exposure in the last 6 months or immunosuppression (then HCV RNA).",
                "You do not have hepatitis C.",
                inputs, [], Sources),
            (null, false) => new(Topic, "hcv-no-current-infection",
                "HCV RNA not detected: no current HCV infection; anti-HCV would show past infection.",
                "You do not have hepatitis C now.",
                inputs, [SerologyPaths.OrderOrRepeat(panel.AntiHcv, "anti-HCV", "past infection")], Sources),
            _ => inputs.Count == 0
                ? new(Topic, "hcv-not-tested", "Hepatitis C not tested: anti-HCV with reflex HCV RNA (CDC 2020).",
                    "You have not been tested for hepatitis C yet.", inputs, ["anti-HCV with reflex to HCV RNA: CDC 2020"], Sources)
                : new(Topic, "hcv-incomplete", "Hepatitis C status not settled: results indeterminate.",
                    "Your hepatitis C test needs repeating.", inputs,
                    [SerologyPaths.OrderOrRepeat(panel.AntiHcv, "anti-HCV", "screening"), SerologyPaths.OrderOrRepeat(panel.HcvRna, "HCV RNA (NAT)", "current infection")], Sources),
        };
    }
}
