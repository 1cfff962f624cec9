using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Serology;

/// <summary>
/// Hepatitis E, read only where tested, per EASL 2018: HEV RNA detected is current infection (chronic when it persists
/// beyond 3 months, mostly in immunosuppressed people); IgM anti-HEV positive without HEV RNA is acute or recent
/// infection (EASL advises serology and HEV RNA together); IgG alone is past infection; all negative is no evidence of
/// infection, except that antibodies can be missing in immunosuppression, where HEV RNA is the test.
/// </summary>
public static class HepatitisE
{
    /// <summary>The topic id.</summary>
    public const string Topic = "hepatitis-e";

    private static readonly Citation[] Sources = [SerologySources.Easl2018Hev];

    /// <summary>Reads the hepatitis E tests; null when none was given.</summary>
    /// <param name="panel">The tests.</param>
    public static SerologyInterpretation? Interpret(SerologyPanel panel)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var inputs = SerologyPaths.Given((panel.AntiHevIgm, SerologyPaths.AntiHevIgm), (panel.AntiHevIgg, SerologyPaths.AntiHevIgg), (panel.HevRna, SerologyPaths.HevRna));
        if (inputs.Count == 0)
        {
            return null;
        }

        bool? igm = SerologyPaths.Known(panel.AntiHevIgm), igg = SerologyPaths.Known(panel.AntiHevIgg), rna = SerologyPaths.Known(panel.HevRna);
        if (rna is true)
        {
            return new(Topic, "hev-current-infection",
                "Current HEV infection: HEV RNA detected" + (panel.HevRna?.Value is { } v && v > 0m ? $" ({Breakdown.F(v)} IU/mL)." : ".") + " Chronic if it persists beyond 3 months (immunosuppressed patients).",
                "You have hepatitis E now. It usually clears by itself; your doctor will check that it does.",
                inputs, ["HEV RNA again after 3 months if immunosuppressed (chronic infection)"], Sources);
        }

        if (igm is true)
        {
            return new(Topic, "hev-acute-or-recent",
                "Acute or recent hepatitis E: IgM anti-HEV positive" + (rna is false ? ", HEV RNA no longer detected." : "; HEV RNA confirms it (EASL advises both)."),
                "You have or recently had hepatitis E. It usually clears by itself.",
                inputs, rna is null ? [SerologyPaths.OrderOrRepeat(panel.HevRna, "HEV RNA", "confirms current infection")] : [], Sources);
        }

        if (igg is true)
        {
            return new(Topic, "hev-past-infection", "Past HEV infection: IgG anti-HEV positive, no IgM or HEV RNA detected.",
                "You had hepatitis E in the past. It is not active.", inputs, [], Sources);
        }

        if (igm is false || rna is false)
        {
            return new(Topic, "hev-no-evidence",
                "No evidence of HEV infection in the tests given. Antibodies can be absent in immunosuppression: HEV RNA is the test there.",
                "The tests show no hepatitis E.", inputs, rna is null ? ["HEV RNA: if immunosuppressed"] : [], Sources);
        }

        return new(Topic, "hev-incomplete", "Hepatitis E status not settled: results indeterminate.", "Your hepatitis E test needs repeating.",
            inputs, ["IgM anti-HEV and HEV RNA: EASL 2018"], Sources);
    }
}
