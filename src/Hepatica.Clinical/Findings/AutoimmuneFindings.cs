
namespace Hepatica.Clinical.Findings;

/// <summary>
/// Autoimmune hepatitis work-up (the snapshot's <c>autoimmune</c> object); null when not given. Titers are held as the
/// reciprocal of the dilution by indirect immunofluorescence (1:80 is 80; negative is 0).
/// </summary>
public sealed record AutoimmuneFindings
{
    /// <summary>Nothing given.</summary>
    public static readonly AutoimmuneFindings Empty = new();

    /// <summary>Antinuclear antibody titer (reciprocal; 0 when negative).</summary>
    public int? AnaTiter { get; init; }

    /// <summary>Smooth muscle antibody titer (reciprocal; 0 when negative).</summary>
    public int? SmaTiter { get; init; }

    /// <summary>Liver-kidney microsomal antibody titer (reciprocal; 0 when negative).</summary>
    public int? LkmTiter { get; init; }

    /// <summary>Antibody to soluble liver antigen / liver-pancreas (SLA/LP) positive.</summary>
    public bool? SlaLpPositive { get; init; }

    /// <summary>Serum immunoglobulin G.</summary>
    public ImmunoglobulinG? IgG { get; init; }

    /// <summary>The laboratory's upper limit of normal for IgG.</summary>
    public ImmunoglobulinG? IgGUpperLimit { get; init; }

    /// <summary>Liver histology graded for AIH.</summary>
    public AihHistology? Histology { get; init; }

    /// <summary>Viral hepatitis excluded (the simplified criteria's "absence of viral hepatitis").</summary>
    public bool? ViralHepatitisExcluded { get; init; }
}
