namespace Hepatica.Clinical.Findings;

/// <summary>Alcohol use (the snapshot's <c>alcohol</c> object); null when not given.</summary>
public sealed record AlcoholFindings
{
    /// <summary>Nothing given.</summary>
    public static readonly AlcoholFindings Empty = new();

    /// <summary>AUDIT-C question 1 (how often a drink containing alcohol), answer points 0-4.</summary>
    public int? AuditCQ1 { get; init; }

    /// <summary>AUDIT-C question 2 (drinks on a typical drinking day), answer points 0-4.</summary>
    public int? AuditCQ2 { get; init; }

    /// <summary>AUDIT-C question 3 (how often six or more drinks on one occasion), answer points 0-4.</summary>
    public int? AuditCQ3 { get; init; }
}
