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
/// <see cref="From"/> fills from the snapshot. Until the serology panel is part of the snapshot, every marker is
/// unknown (null) and the sections say which tests would decide; tests build the markers directly.
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

    /// <summary>Hepatitis A IgG (total anti-HAV) result.</summary>
    public bool? AntiHavIgG { get; init; }

    /// <summary>The markers of a snapshot (all unknown until the snapshot carries serology).</summary>
    /// <param name="snapshot">The patient.</param>
    public static HepatitisMarkers From(PatientSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return Unknown;
    }

    /// <summary>The HBV serostatus, or null when HBsAg (or, with HBsAg negative, anti-HBc) is not known.</summary>
    public HbvSerostatus? HbvSerostatus => (HbsAg, AntiHbc) switch
    {
        (true, _) => Immunity.HbvSerostatus.HbsAgPositive,
        (false, true) => Immunity.HbvSerostatus.HbsAgNegativeAntiHbcPositive,
        (false, false) => Immunity.HbvSerostatus.NotExposed,
        _ => null,
    };

}
