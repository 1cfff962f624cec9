namespace Hepatica.Clinical.Labs;

/// <summary>A validated lab value with the calendar date it was measured (no time of day, no time zone).</summary>
/// <typeparam name="T">The analyte, already validated into its canonical unit.</typeparam>
/// <param name="Date">The date the sample was taken (ISO 8601 calendar date).</param>
/// <param name="Value">The value.</param>
public readonly record struct Dated<T>(DateOnly Date, T Value)
    where T : struct;
