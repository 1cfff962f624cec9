using System.Globalization;
using System.Runtime.CompilerServices;

namespace Hepatica.Clinical.Scoring;

/// <summary>
/// Collects the steps of one calculation, in order. One instance per calculation; not thread-safe.
/// A breakdown that is not <see cref="Recording"/> keeps no steps and formats no text (population runs that do
/// not output steps), while the calculation and its value are exactly the same.
/// </summary>
public sealed class Breakdown
{
    private static readonly Breakdown Silent = new(recording: false);

    private readonly List<BreakdownStep>? steps;

    private Breakdown(bool recording)
    {
        Recording = recording;
        steps = recording ? new(16) : null;
    }

    /// <summary>A breakdown that keeps steps, or the shared one that keeps none (it has no state to share): the only way to make one.</summary>
    public static Breakdown For(bool recordSteps) => recordSteps ? new Breakdown(recording: true) : Silent;

    /// <summary>True when steps are kept.</summary>
    public bool Recording { get; }

    /// <summary>The steps so far (empty when not recording).</summary>
    public IReadOnlyList<BreakdownStep> Steps => (IReadOnlyList<BreakdownStep>?)steps ?? [];

    /// <summary>Records a step and returns its value, so formulas read top to bottom.</summary>
    public decimal Add(StepKind kind, string label, decimal value, string detail)
    {
        steps?.Add(new BreakdownStep(kind, label, value, detail));
        return value;
    }

    /// <summary>Records a step whose detail is formatted only when recording; returns its value.</summary>
    public decimal Add(StepKind kind, string label, decimal value, [InterpolatedStringHandlerArgument("")] ref DetailHandler detail)
    {
        steps?.Add(new BreakdownStep(kind, label, value, detail.ToStringAndClear()));
        return value;
    }

    /// <summary>Records a step without a number.</summary>
    public void Note(string label, string detail) => steps?.Add(new BreakdownStep(StepKind.Note, label, null, detail));

    /// <summary>
    /// A result the formula gives from valid inputs but no patient can have: the RES001 warning carried in the result,
    /// and the same text as a note step, so the breakdown says it where it happened.
    /// </summary>
    public InputIssue Implausible(string path, string message)
    {
        Note("implausible result", message);
        return InputIssue.Warning(IssueCodes.ImplausibleResult, path, message);
    }

    /// <summary>Records a step without a number, formatted only when recording.</summary>
    public void Note(string label, [InterpolatedStringHandlerArgument("")] ref DetailHandler detail) =>
        steps?.Add(new BreakdownStep(StepKind.Note, label, null, detail.ToStringAndClear()));

    /// <summary>Applies a lower bound: if <paramref name="value"/> is below <paramref name="floor"/>, records the floor step and returns the floor.</summary>
    public decimal Floor(string label, decimal value, decimal floor, string source) =>
        value < floor ? Add(StepKind.Floor, label, floor, $"{F(value)} is below {F(floor)}: set to {F(floor)} ({source}).") : value;

    /// <summary>Applies an upper bound, recording a cap step if it fired.</summary>
    public decimal Cap(string label, decimal value, decimal cap, string source) =>
        value > cap ? Add(StepKind.Cap, label, cap, $"{F(value)} is above {F(cap)}: set to {F(cap)} ({source}).") : value;

    /// <summary>Applies both bounds of a clamp, recording whichever fired.</summary>
    public decimal Clamp(string label, decimal value, decimal lower, decimal upper, string source) =>
        Cap(label, Floor(label, value, lower, source), upper, source);

    /// <summary>Records a band lookup as a category step and returns the band's label.</summary>
    public string Category(string label, decimal value, Band band, string source)
    {
        ArgumentNullException.ThrowIfNull(band);
        Add(StepKind.Category, label, value, $"{F(value)} is {band.Describe()}: {band.Label} ({source}).");
        return band.Label;
    }

    /// <summary>Formats a number with the invariant culture, to at most 6 decimals (half away from zero), no trailing zeros.</summary>
    public static string F(decimal value) =>
        decimal.Round(value, 6, MidpointRounding.AwayFromZero).ToString("0.######", CultureInfo.InvariantCulture);
}

/// <summary>
/// Formats a step's detail text only when its <see cref="Breakdown"/> is recording, in the invariant culture.
/// </summary>
[InterpolatedStringHandler]
public ref struct DetailHandler
{
    private DefaultInterpolatedStringHandler inner;
    private readonly bool enabled;

    /// <summary>Starts a detail text for <paramref name="breakdown"/>.</summary>
    public DetailHandler(int literalLength, int formattedCount, Breakdown breakdown, out bool shouldAppend)
    {
        ArgumentNullException.ThrowIfNull(breakdown);
        enabled = shouldAppend = breakdown.Recording;
        inner = enabled ? new DefaultInterpolatedStringHandler(literalLength, formattedCount, CultureInfo.InvariantCulture) : default;
    }

    /// <summary>Appends literal text.</summary>
    public void AppendLiteral(string value) => inner.AppendLiteral(value);

    /// <summary>Appends a formatted value.</summary>
    public void AppendFormatted<T>(T value) => inner.AppendFormatted(value);

    /// <summary>Appends a formatted value with a format string.</summary>
    public void AppendFormatted<T>(T value, string? format) => inner.AppendFormatted(value, format);

    /// <summary>Appends a string.</summary>
    public void AppendFormatted(string? value) => inner.AppendFormatted(value);

    /// <summary>The text, or empty when not recording.</summary>
    internal string ToStringAndClear() => enabled ? inner.ToStringAndClear() : string.Empty;
}

/// <summary>Number helpers with the rounding rule always named.</summary>
public static class ClinicalMath
{
    /// <summary>
    /// Natural logarithm, evaluated in double precision and carried in decimal (15 significant digits), so that the
    /// linear parts of a formula and the rounding are exact in decimal arithmetic. ln(1) is exactly 0.
    /// </summary>
    public static decimal Ln(decimal value) => value == 1m ? 0m : (decimal)Math.Log((double)value);

    /// <summary>Base-10 logarithm, as <see cref="Ln"/>.</summary>
    public static decimal Log10(decimal value) => value == 1m ? 0m : (decimal)Math.Log10((double)value);

    /// <summary>Square root, evaluated in double precision and carried in decimal.</summary>
    public static decimal Sqrt(decimal value) => (decimal)Math.Sqrt((double)value);

    /// <summary>Rounds half away from zero (the rule of arithmetic, not banker's rounding) to <paramref name="decimals"/> places.</summary>
    public static decimal RoundHalfAwayFromZero(decimal value, int decimals) =>
        decimal.Round(value, decimals, MidpointRounding.AwayFromZero);
}
