namespace Hepatica.Clinical.Labs;

/// <summary>
/// How far one analyte can change between two of the patient's dated results: a change by more than these factors
/// within <see cref="WithinDays"/> days is one no physiology explains. Each rule carries its source (a physiological
/// argument with its reference); see docs/snapshot.md ("Delta checks").
/// </summary>
/// <param name="WithinDays">The rule applies to two results at most this many days apart (0 = same day).</param>
/// <param name="MaxFallFactor">The largest plausible fall: earlier / later above this is impossible.</param>
/// <param name="MaxRiseFactor">The largest plausible rise: later / earlier above this is impossible (null: no rise rule).</param>
/// <param name="Source">Why these numbers: the physiological argument and its reference.</param>
public sealed record DeltaRule(int WithinDays, decimal MaxFallFactor, decimal? MaxRiseFactor, string Source);
