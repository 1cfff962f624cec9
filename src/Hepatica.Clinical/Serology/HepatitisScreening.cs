using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Serology;

/// <summary>
/// Universal one-time screening of adults for viral hepatitis: hepatitis B with the triple panel (HBsAg, anti-HBc
/// total, anti-HBs; CDC 2023) and hepatitis C with anti-HCV (reflex HCV RNA; CDC 2020), each recommended for every
/// adult aged 18 or more. Due when the snapshot holds no result of that virus's screening tests (an HBsAg older than a
/// year is not in the snapshot: the readers keep it only within the last year). Age unknown: not due (never guessed).
/// </summary>
public static class HepatitisScreening
{
    /// <summary>CDC 2023 universal hepatitis B screening of adults (triple panel once).</summary>
    public static readonly Citation Cdc2023Hbv = new(
        "CDC 2023 hepatitis B screening",
        "Conners EE, Panagiotakopoulos L, Hofmeister MG, et al. Screening and testing for hepatitis B virus infection: CDC recommendations - United States, 2023. MMWR Recomm Rep 2023;72(1):1-25.",
        2023, "https://doi.org/10.15585/mmwr.rr7201a1");

    /// <summary>CDC 2020 universal hepatitis C screening of adults.</summary>
    public static readonly Citation Cdc2020Hcv = new(
        "CDC 2020 hepatitis C screening",
        "Schillie S, Wester C, Osborne M, Wesolowski L, Ryerson AB. CDC recommendations for hepatitis C screening among adults - United States, 2020. MMWR Recomm Rep 2020;69(2):1-17.",
        2020, "https://doi.org/10.15585/mmwr.rr6902a1");

    /// <summary>Age from which both CDC screening recommendations apply, years (at or above: "adults aged ≥ 18").</summary>
    public const decimal AdultAgeYears = 18m;

    /// <summary>Which screening is due for a snapshot: none under 18 or when the age is unknown.</summary>
    /// <param name="snapshot">The patient.</param>
    public static ScreeningDue Evaluate(PatientSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.AgeYears is not >= AdultAgeYears)
        {
            return ScreeningDue.None;
        }

        var s = snapshot.Serology;
        return new(
            HepatitisB: s.HbsAg is null && s.AntiHbcTotal is null && s.AntiHbs is null,
            HepatitisC: s.AntiHcv is null && s.HcvRna is null);
    }
}

/// <summary>The screening due for one patient (<see cref="HepatitisScreening"/>).</summary>
/// <param name="HepatitisB">The hepatitis B triple panel is due (no HBsAg, anti-HBc total or anti-HBs result).</param>
/// <param name="HepatitisC">Hepatitis C screening is due (no anti-HCV or HCV RNA result).</param>
public sealed record ScreeningDue(bool HepatitisB, bool HepatitisC)
{
    /// <summary>Nothing due.</summary>
    public static readonly ScreeningDue None = new(false, false);

    /// <summary>The sources of what is due: CDC 2023 for hepatitis B, CDC 2020 for hepatitis C (empty when nothing is).</summary>
    public IReadOnlyList<Citation> Sources =>
        [.. HepatitisB ? [HepatitisScreening.Cdc2023Hbv] : Array.Empty<Citation>(), .. HepatitisC ? [HepatitisScreening.Cdc2020Hcv] : Array.Empty<Citation>()];
}
