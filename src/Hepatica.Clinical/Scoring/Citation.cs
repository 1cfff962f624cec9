namespace Hepatica.Clinical.Scoring;

/// <summary>A published source for a coefficient, bound, cut-off or rule.</summary>
/// <param name="Key">Short key used in steps and output, for example <c>Kamath 2001</c>.</param>
/// <param name="Reference">Full bibliographic reference or policy name.</param>
/// <param name="Year">Year of publication or of the policy version.</param>
/// <param name="Url">Where a reader can find it (DOI or official page), when there is one.</param>
public sealed record Citation(string Key, string Reference, int Year, string? Url = null);
