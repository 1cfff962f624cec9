using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Serology;

/// <summary>
/// Hepatitis A read per ACIP 2020: IgM anti-HAV positive is acute (or recent) hepatitis A; total (or IgG) anti-HAV
/// positive with IgM negative is immunity from past infection or vaccination; total anti-HAV negative is susceptible
/// (vaccination indicated in chronic liver disease). IgM positive with total negative is contradictory (total
/// anti-HAV includes IgM).
/// </summary>
public static class HepatitisA
{
    /// <summary>The topic id.</summary>
    public const string Topic = "hepatitis-a";

    private static readonly Citation[] Sources = [SerologySources.Acip2020Hav];

    /// <summary>Reads the hepatitis A tests of a panel (<c>hav-not-tested</c> when none was given).</summary>
    /// <param name="panel">The tests.</param>
    public static SerologyInterpretation Interpret(SerologyPanel panel)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var inputs = SerologyPaths.Given((panel.AntiHavTotal, SerologyPaths.AntiHavTotal), (panel.AntiHavIgm, SerologyPaths.AntiHavIgm));
        bool? total = SerologyPaths.Known(panel.AntiHavTotal), igm = SerologyPaths.Known(panel.AntiHavIgm);
        return (total, igm) switch
        {
            (false, true) => new(Topic, "hav-contradictory",
                "Contradictory hepatitis A results: IgM anti-HAV positive with total anti-HAV negative (total anti-HAV includes IgM).",
                "Your hepatitis A results do not fit together, so the tests need to be done again.",
                inputs, ["repeat total and IgM anti-HAV"], Sources),
            (_, true) => new(Topic, "hav-acute",
                "Acute (or recent) hepatitis A: IgM anti-HAV positive. IgM can persist for months and false positives occur without symptoms.",
                "You have a recent hepatitis A infection. Most people recover fully.",
                inputs, [], Sources),
            (true, false) => new(Topic, "hav-immune",
                "Immune to hepatitis A (past infection or vaccination): total anti-HAV positive, IgM anti-HAV negative.",
                "You are protected against hepatitis A.",
                inputs, [], Sources),
            (true, null) => new(Topic, "hav-immune",
                "Immune to hepatitis A (past infection or vaccination), unless acute: total anti-HAV positive, IgM anti-HAV not tested.",
                "You are protected against hepatitis A.",
                inputs, [SerologyPaths.OrderOrRepeat(panel.AntiHavIgm, "IgM anti-HAV", "only if hepatitis is acute")], Sources),
            (false, _) => new(Topic, "hav-susceptible",
                "Susceptible to hepatitis A: total anti-HAV negative. Hepatitis A vaccination is recommended in chronic liver disease (ACIP).",
                "You are not protected against hepatitis A. A vaccine can protect you.",
                inputs, [], Sources),
            (null, false) => new(Topic, "hav-not-acute-immunity-unknown",
                "No acute hepatitis A (IgM anti-HAV negative); immunity unknown without total anti-HAV.",
                "You do not have hepatitis A now. One more test shows whether you are protected.",
                inputs, [SerologyPaths.OrderOrRepeat(panel.AntiHavTotal, "total anti-HAV", "immune versus susceptible")], Sources),
            _ => inputs.Count == 0
                ? new(Topic, "hav-not-tested", "Hepatitis A immunity not tested: total anti-HAV (IgM anti-HAV if hepatitis is acute).",
                    "You have not been tested for hepatitis A yet.", inputs, ["total anti-HAV: immune versus susceptible", "IgM anti-HAV: only if hepatitis is acute"], Sources)
                : new(Topic, "hav-incomplete", "Hepatitis A status not settled: results indeterminate.",
                    "Your hepatitis A test needs repeating.", inputs, [SerologyPaths.OrderOrRepeat(panel.AntiHavTotal, "total anti-HAV", "immunity")], Sources),
        };
    }
}
