namespace Hepatica.Clinical.Scoring;

/// <summary>
/// What a score is: its stable id, version, name, the range its value can take, how it rounds, its inputs and
/// its sources. A change to a coefficient, bound or rounding rule bumps <see cref="Version"/>.
/// </summary>
/// <param name="Id">Stable kebab-case id, for example <c>meld-3.0</c>.</param>
/// <param name="Version">Version of Hepatica's implementation of this score (semantic: bump on any clinical change).</param>
/// <param name="Name">Display name.</param>
/// <param name="Minimum">Smallest value the score can report.</param>
/// <param name="Maximum">Largest value the score can report, or null when unbounded.</param>
/// <param name="Rounding">How the reported value is rounded, in words (rule and source).</param>
/// <param name="Inputs">The inputs the score reads: snapshot paths, required or optional.</param>
/// <param name="Citations">The sources of its coefficients, bounds and categories.</param>
public sealed record ScoreDefinition(
    string Id,
    string Version,
    string Name,
    decimal Minimum,
    decimal? Maximum,
    string Rounding,
    IReadOnlyList<ScoreInput> Inputs,
    IReadOnlyList<Citation> Citations)
{
    /// <summary>
    /// Who the score is for: the patients it was derived and validated in, with sources and the gates checked on a
    /// snapshot (<see cref="Applicability"/>). Every catalog score declares one.
    /// </summary>
    public Population Population { get; init; } = Population.Undeclared;
}
