using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Serology;

/// <summary>
/// Hepatitis B serology read per the CDC/ACIP table (Schillie 2018; Table 5 of the CDC STI guidelines 2021): from
/// HBsAg, total anti-HBc, IgM anti-HBc and anti-HBs (positive at ≥ 10 mIU/mL, ACIP 2018). Every row of the table is a
/// category; contradictory combinations are reported as <c>hbv-contradictory</c> and never forced into a row; tests
/// not given (or indeterminate) are named as the tests to order, starting from the CDC 2023 triple panel.
/// </summary>
public static class HepatitisB
{
    /// <summary>The topic id.</summary>
    public const string Topic = "hepatitis-b";

    private static readonly Citation[] Table = [SerologySources.Acip2018];
    private static readonly Citation[] Screening = [SerologySources.Acip2018, SerologySources.Cdc2023Hbv];

    /// <summary>Reads the hepatitis B tests of a panel (<c>hbv-not-tested</c> when none was given).</summary>
    /// <param name="panel">The tests.</param>
    public static SerologyInterpretation Interpret(SerologyPanel panel)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var p = panel;
        var inputs = SerologyPaths.Given((p.HbsAg, SerologyPaths.HbsAg), (p.AntiHbcTotal, SerologyPaths.AntiHbcTotal),
            (p.AntiHbcIgm, SerologyPaths.AntiHbcIgm), (p.AntiHbs, SerologyPaths.AntiHbs), (p.HbeAg, SerologyPaths.HbeAg),
            (p.HbvDna, SerologyPaths.HbvDna));
        if (inputs.Count == 0)
        {
            return new(Topic, "hbv-not-tested", "Hepatitis B not tested: screen with the triple panel (HBsAg, anti-HBs, total anti-HBc; CDC 2023).",
                "You have not been tested for hepatitis B yet.", inputs, ["HBsAg, anti-HBs and total anti-HBc: CDC 2023 triple panel"], Screening);
        }

        bool? s = SerologyPaths.Known(p.HbsAg), c = SerologyPaths.Known(p.AntiHbcTotal), m = SerologyPaths.Known(p.AntiHbcIgm), a = SerologyPaths.Known(p.AntiHbs);
        var contradictions = Contradictions(p, s, c, m, a);
        if (contradictions.Count > 0)
        {
            return new(Topic, "hbv-contradictory",
                "Contradictory hepatitis B results, not read against the CDC table: " + string.Join("; ", contradictions) + ".",
                "Some hepatitis B results do not fit together. The tests need to be repeated before they can be read.",
                inputs, ["repeat HBsAg, total anti-HBc, IgM anti-HBc and anti-HBs on a new sample (confirm a reactive HBsAg with a neutralizing test)"], Table);
        }

        if (s is null || c is null)
        {
            var next = new List<string>(3);
            if (s is null)
            {
                next.Add(SerologyPaths.OrderOrRepeat(p.HbsAg, "HBsAg", "CDC 2023 triple panel"));
            }

            if (c is null)
            {
                next.Add(SerologyPaths.OrderOrRepeat(p.AntiHbcTotal, "total anti-HBc", "CDC 2023 triple panel"));
            }

            if (a is null)
            {
                next.Add(SerologyPaths.OrderOrRepeat(p.AntiHbs, "anti-HBs", "CDC 2023 triple panel"));
            }

            return s is true
                ? new(Topic, "hbv-hbsag-positive-incomplete",
                    "HBsAg positive: current HBV infection (or transient antigenaemia up to 18 days after vaccination); anti-HBc is needed to tell acute from chronic.",
                    "The test shows hepatitis B virus in the blood. More tests are needed to know how long it has been there.",
                    inputs, [.. next, "IgM anti-HBc: acute versus chronic infection"], Table)
                : new(Topic, "hbv-incomplete",
                    "Hepatitis B status not settled: the CDC 2023 triple panel (HBsAg, total anti-HBc, anti-HBs) is incomplete.",
                    "Your hepatitis B tests are not complete yet.",
                    inputs, next, Screening);
        }

        return (s.Value, c.Value) switch
        {
            (true, false) => Row(inputs, "hbv-early-acute-or-post-vaccination",
                "HBsAg positive, anti-HBc negative: early acute infection, or transient HBsAg up to 18 days after hepatitis B vaccination (CDC/ACIP table).",
                "The test found hepatitis B, either a very new infection or a short-lived effect of a recent vaccine. It needs repeating.",
                "confirm HBsAg with a neutralizing test and repeat HBsAg and total and IgM anti-HBc in 1-2 weeks; ask about vaccination in the last 18 days"),
            (true, true) => m switch
            {
                true => Row(inputs, "hbv-acute",
                    "Acute hepatitis B: HBsAg, total and IgM anti-HBc positive, anti-HBs negative (CDC/ACIP table). IgM anti-HBc can also reappear in flares of chronic infection.",
                    "You have a recent (acute) hepatitis B infection.",
                    "HBV DNA, HBeAg; repeat HBsAg after 6 months (persisting HBsAg defines chronic infection); anti-HDV once"),
                false => Row(inputs, "hbv-chronic",
                    "Chronic hepatitis B: HBsAg and total anti-HBc positive, IgM anti-HBc and anti-HBs negative (CDC/ACIP table). See the EASL phase.",
                    "You have long-lasting (chronic) hepatitis B. Your team can check it and treat it.",
                    null),
                null => Row(inputs, "hbv-infected-acute-or-chronic",
                    "Current HBV infection: HBsAg and total anti-HBc positive; without IgM anti-HBc the table cannot tell acute from chronic infection.",
                    "You have hepatitis B. One more test tells whether it is new or long-lasting.",
                    SerologyPaths.OrderOrRepeat(p.AntiHbcIgm, "IgM anti-HBc", "acute versus chronic infection (or HBsAg again after 6 months)")),
            },
            (false, false) => a switch
            {
                false => Row(inputs, "hbv-susceptible",
                    "Susceptible, never infected: HBsAg, total anti-HBc and anti-HBs negative (CDC/ACIP table). Hepatitis B vaccination is indicated.",
                    "You have never had hepatitis B and are not protected against it. A vaccine can protect you.",
                    null),
                true => Row(inputs, "hbv-immune-vaccination",
                    $"Immune due to vaccination: anti-HBs ≥ {SerologyUnits.ProtectiveAntiHbs:0} mIU/mL (or positive) with HBsAg and total anti-HBc negative (CDC/ACIP table); anti-HBs can also come from hepatitis B immune globulin given in the last months.{Titer(p.AntiHbs)}",
                    "You are protected against hepatitis B, most likely by a vaccine.",
                    null),
                null => Row(inputs, "hbv-not-infected-immunity-unknown",
                    "Never infected (HBsAg and total anti-HBc negative); immunity unknown without anti-HBs.",
                    "You have not had hepatitis B. One more test shows whether you are protected.",
                    SerologyPaths.OrderOrRepeat(p.AntiHbs, "anti-HBs", "immune (≥ 10 mIU/mL) or susceptible (CDC 2023 triple panel)")),
            },
            (false, true) => (a, m) switch
            {
                (_, true) => Row(inputs, "hbv-acute-resolving",
                    "Acute resolving HBV infection: HBsAg negative, total and IgM anti-HBc positive (CDC/ACIP table)" + (a is true ? "; anti-HBs has appeared (recovery)." : "."),
                    "You had hepatitis B not long ago, and your body is getting rid of it.",
                    a switch
                    {
                        null => SerologyPaths.OrderOrRepeat(p.AntiHbs, "anti-HBs", "recovery and immunity"),
                        false => "anti-HBs again later: recovery and immunity",
                        true => null,
                    }),
                (true, _) => Row(inputs, "hbv-immune-natural-infection",
                    "Immune due to natural infection: HBsAg negative, total anti-HBc and anti-HBs positive (CDC/ACIP table). HBV can reactivate under strong immunosuppression.",
                    "You had hepatitis B in the past and your body cleared it. You are protected now.",
                    null),
                (false, _) => Row(inputs, "hbv-isolated-anti-hbc",
                    "Isolated anti-HBc (HBsAg and anti-HBs negative): unclear; could be resolved infection (most common), a false-positive anti-HBc (susceptible), low-level chronic infection, or resolving acute infection (CDC); in an infant, passive transfer from an HBsAg-positive mother. HBV can reactivate under strong immunosuppression.",
                    "One hepatitis B test is positive on its own. It has several possible meanings, and more tests can tell them apart.",
                    m is null
                        ? "IgM anti-HBc (resolving acute infection) and HBV DNA (low-level chronic infection)"
                        : "HBV DNA (low-level chronic infection); if negative, one vaccine dose and anti-HBs after 1-2 months can tell past infection from a false positive"),
                (null, _) => Row(inputs, "hbv-past-or-current-exposure-incomplete",
                    "HBsAg negative, total anti-HBc positive: past or resolving infection; anti-HBs is needed to read the CDC table.",
                    "You have had contact with hepatitis B. One more test shows whether you are protected.",
                    SerologyPaths.OrderOrRepeat(p.AntiHbs, "anti-HBs", "recovered and immune versus isolated anti-HBc")),
            },
        };
    }

    private static SerologyInterpretation Row(List<string> inputs, string category, string clinician, string patient, string? next) =>
        new(Topic, category, clinician, patient, inputs, next is null ? [] : [next], category == "hbv-susceptible" ? Screening : Table);

    private static string Titer(SerologyResult? antiHbs) =>
        antiHbs?.Value is { } v ? $" anti-HBs {Breakdown.F(v)} mIU/mL." : string.Empty;

    private static List<string> Contradictions(SerologyPanel p, bool? s, bool? c, bool? m, bool? a)
    {
        var list = new List<string>(2);
        if (m is true && c is false)
        {
            list.Add("IgM anti-HBc positive with total anti-HBc negative (total anti-HBc includes IgM)");
        }

        if (SerologyPaths.Known(p.HbeAg) is true && s is false)
        {
            list.Add("HBeAg positive with HBsAg negative");
        }

        if (s is true && a is true)
        {
            list.Add("HBsAg positive with anti-HBs " + (p.AntiHbs?.Value is { } v ? Breakdown.F(v) + " mIU/mL" : "positive")
                + " (seen in a minority of chronic infections with escape variants, after recent vaccination or with assay error)");
        }

        if (SerologyPaths.Known(p.HbvDna) is true && s is false && c is false)
        {
            list.Add("HBV DNA detected with HBsAg and total anti-HBc negative (window period or sample error)");
        }

        return list;
    }
}
