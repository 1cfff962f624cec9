using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Serology;

/// <summary>
/// Hepatitis D (delta), read only in HBsAg-positive people (HDV needs HBsAg): anti-HDV once in every HBsAg-positive
/// person (EASL 2017 HBV; EASL 2023 HDV), HDV RNA to confirm active infection when anti-HDV is positive (EASL 2023).
/// HDV RNA detected is active infection; anti-HDV positive with HDV RNA not detected is resolved or controlled
/// infection, to be confirmed by repeating HDV RNA (viraemia fluctuates). HDV RNA detected without HBsAg is
/// contradictory.
/// </summary>
public static class HepatitisD
{
    /// <summary>The topic id.</summary>
    public const string Topic = "hepatitis-d";

    private static readonly Citation[] Sources = [SerologySources.Easl2017Hbv, SerologySources.Easl2023Hdv];

    /// <summary>Reads the hepatitis D tests; null when HBsAg is not positive and HDV RNA is not detected.</summary>
    /// <param name="panel">The tests.</param>
    public static SerologyInterpretation? Interpret(SerologyPanel panel)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var inputs = SerologyPaths.Given((panel.HbsAg, SerologyPaths.HbsAg), (panel.AntiHdv, SerologyPaths.AntiHdv), (panel.HdvRna, SerologyPaths.HdvRna));
        bool? ab = SerologyPaths.Known(panel.AntiHdv), rna = SerologyPaths.Known(panel.HdvRna);
        if (!panel.HbsAg?.IsPositive ?? true)
        {
            return rna is true && panel.HbsAg?.IsNegative == true
                ? new(Topic, "hdv-contradictory", "Contradictory: HDV RNA detected with HBsAg negative (HDV cannot replicate without HBsAg).",
                    "Your hepatitis D and B results do not fit together and need repeating.", inputs, ["repeat HBsAg and HDV RNA"], Sources)
                : null;
        }

        return (ab, rna) switch
        {
            (_, true) => new(Topic, "hdv-active",
                "Active hepatitis D (HBV-HDV coinfection): HDV RNA detected" + (panel.HdvRna?.Value is { } v && v > 0m ? $" ({Breakdown.F(v)} IU/mL)." : ".") + " The most severe form of viral hepatitis; refer to a specialist.",
                "You also have hepatitis D. It makes hepatitis B worse. A specialist will advise you.",
                inputs, [], Sources),
            (true, false) => new(Topic, "hdv-resolved-or-controlled",
                "anti-HDV positive, HDV RNA not detected: resolved or controlled HDV infection; HDV RNA fluctuates, so repeat it.",
                "You have had hepatitis D. It is not active in this test, and the test should be repeated.",
                inputs, ["repeat HDV RNA: viraemia fluctuates (EASL 2023)"], Sources),
            (true, null) => new(Topic, "hdv-rna-needed",
                "anti-HDV positive: HDV exposure; order HDV RNA to confirm active infection (EASL 2023).",
                "A hepatitis D antibody test is positive. One more blood test shows whether the virus is active.",
                inputs, [SerologyPaths.OrderOrRepeat(panel.HdvRna, "HDV RNA", "active versus past infection")], Sources),
            (false, _) => new(Topic, "hdv-no-infection",
                "No hepatitis D: anti-HDV negative in an HBsAg-positive person. Retest if exposure risk persists.",
                "You do not have hepatitis D.",
                inputs, [], Sources),
            _ => new(Topic, "hdv-not-tested",
                "HBsAg positive without an anti-HDV result: every HBsAg-positive person should be tested once for anti-HDV (EASL).",
                "People with hepatitis B should be tested once for hepatitis D.",
                inputs, [SerologyPaths.OrderOrRepeat(panel.AntiHdv, "anti-HDV", "once in every HBsAg-positive person (EASL 2017)")], Sources),
        };
    }
}
