namespace Hepatica.Clinical.Serology;

/// <summary>
/// The viral hepatitis tests of one snapshot; null when not given (or given but unusable, in which case the snapshot's
/// issues say why). Snapshot keys are in docs/snapshot.md (<c>serology.hbsag</c>, ...).
/// </summary>
public sealed record SerologyPanel
{
    /// <summary>An empty panel.</summary>
    public static readonly SerologyPanel Empty = new();

    /// <summary>Hepatitis B surface antigen.</summary>
    public SerologyResult? HbsAg { get; init; }

    /// <summary>Total antibody to hepatitis B core antigen.</summary>
    public SerologyResult? AntiHbcTotal { get; init; }

    /// <summary>IgM antibody to hepatitis B core antigen.</summary>
    public SerologyResult? AntiHbcIgm { get; init; }

    /// <summary>Antibody to HBsAg (qualitative, or a titer in mIU/mL).</summary>
    public SerologyResult? AntiHbs { get; init; }

    /// <summary>Hepatitis B e antigen.</summary>
    public SerologyResult? HbeAg { get; init; }

    /// <summary>Antibody to HBeAg.</summary>
    public SerologyResult? AntiHbe { get; init; }

    /// <summary>HBV DNA (IU/mL when quantified).</summary>
    public SerologyResult? HbvDna { get; init; }

    /// <summary>Antibody to hepatitis C virus.</summary>
    public SerologyResult? AntiHcv { get; init; }

    /// <summary>HCV RNA (IU/mL when quantified).</summary>
    public SerologyResult? HcvRna { get; init; }

    /// <summary>Total (or IgG) antibody to hepatitis A virus.</summary>
    public SerologyResult? AntiHavTotal { get; init; }

    /// <summary>IgM antibody to hepatitis A virus.</summary>
    public SerologyResult? AntiHavIgm { get; init; }

    /// <summary>Antibody to hepatitis D (delta) virus.</summary>
    public SerologyResult? AntiHdv { get; init; }

    /// <summary>HDV RNA (IU/mL when quantified).</summary>
    public SerologyResult? HdvRna { get; init; }

    /// <summary>IgM antibody to hepatitis E virus.</summary>
    public SerologyResult? AntiHevIgm { get; init; }

    /// <summary>IgG antibody to hepatitis E virus.</summary>
    public SerologyResult? AntiHevIgg { get; init; }

    /// <summary>HEV RNA (IU/mL when quantified).</summary>
    public SerologyResult? HevRna { get; init; }

    /// <summary>True when no test is given.</summary>
    public bool IsEmpty => this == Empty;
}
