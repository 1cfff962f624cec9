using Hepatica.Clinical.Serology;

namespace Hepatica.Clinical.Immunity;

/// <summary>Hepatitis B serostatus as the reactivation guidance groups it (AGA 2015; AASLD 2018).</summary>
public enum HbvSerostatus
{
    /// <summary>HBsAg negative and anti-HBc negative: never infected (reactivation does not apply).</summary>
    NotExposed,

    /// <summary>HBsAg positive (chronic infection; anti-HBc positive).</summary>
    HbsAgPositive,

    /// <summary>HBsAg negative, anti-HBc positive (resolved or occult infection).</summary>
    HbsAgNegativeAntiHbcPositive,
}

/// <summary>
/// The few hepatitis markers the immune side and the prevention plan read: a minimal interface that
/// <see cref="From"/> fills from the snapshot's serology panel (an indeterminate result counts as unknown). Tests
/// build the markers directly.
/// </summary>
public sealed record HepatitisMarkers
{
    /// <summary>Nothing known.</summary>
    public static readonly HepatitisMarkers Unknown = new();

    /// <summary>Anti-HBs titre at or above which a person is immune to hepatitis B (ACIP 2018): 10 mIU/mL.</summary>
    public const decimal ProtectiveAntiHbs = 10m;

    /// <summary>HBsAg result.</summary>
    public bool? HbsAg { get; init; }

    /// <summary>Anti-HBc (total) result.</summary>
    public bool? AntiHbc { get; init; }

    /// <summary>Anti-HBs titre, mIU/mL.</summary>
    public decimal? AntiHbsMilliIuPerMl { get; init; }

    /// <summary>Anti-HBs qualitative result (positive means ≥ 10 mIU/mL), when no titre is known or beside it.</summary>
    public bool? AntiHbsPositive { get; init; }

    /// <summary>Hepatitis A IgG (total anti-HAV) result.</summary>
    public bool? AntiHavIgG { get; init; }

    /// <summary>The markers of a snapshot, from its serology panel (HBsAg, anti-HBc total, anti-HBs, anti-HAV total).</summary>
    /// <param name="snapshot">The patient.</param>
    public static HepatitisMarkers From(PatientSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var s = snapshot.Serology;
        return s.IsEmpty ? Unknown : new HepatitisMarkers
        {
            HbsAg = Known(s.HbsAg),
            AntiHbc = Known(s.AntiHbcTotal),
            AntiHbsMilliIuPerMl = s.AntiHbs?.Value,
            AntiHbsPositive = Known(s.AntiHbs),
            AntiHavIgG = Known(s.AntiHavTotal),
        };
    }

    /// <summary>True when anti-HBs is at least 10 mIU/mL (by titre, or by the qualitative result when no titre is given).</summary>
    public bool AntiHbsProtective => AntiHbsMilliIuPerMl is { } titre ? titre >= ProtectiveAntiHbs : AntiHbsPositive == true;

    private static bool? Known(SerologyResult? r) => r is null ? null : r.IsPositive ? true : r.IsNegative ? false : null;

    /// <summary>The HBV serostatus, or null when HBsAg (or, with HBsAg negative, anti-HBc) is not known.</summary>
    public HbvSerostatus? HbvSerostatus => (HbsAg, AntiHbc) switch
    {
        (true, _) => Immunity.HbvSerostatus.HbsAgPositive,
        (false, true) => Immunity.HbvSerostatus.HbsAgNegativeAntiHbcPositive,
        (false, false) => Immunity.HbvSerostatus.NotExposed,
        _ => null,
    };

}
