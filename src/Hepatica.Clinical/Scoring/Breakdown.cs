using System.Globalization;
using System.Runtime.CompilerServices;
using Hepatica.Clinical.Labs;

namespace Hepatica.Clinical.Scoring;

/// <summary>
/// Collects the steps of one calculation, in order. One instance per calculation; not thread-safe.
/// A breakdown that is not <see cref="Recording"/> keeps no steps and formats no text (population runs that do
/// not output steps), while the calculation and its value are exactly the same.
/// The typed helpers (<see cref="Input(string, decimal, string)"/>, <see cref="Term(decimal, string, decimal, ReadOnlySpan{Citation})"/>,
/// <see cref="Points(string, decimal, string)"/>, <see cref="Round(string, decimal, int, string?)"/>, ...) build each
/// step's label from the number it records and cite <see cref="Source"/> unless told otherwise, so a coefficient and
/// a source are each written once in a score's file.
/// </summary>
public sealed class Breakdown
{
    private readonly List<BreakdownStep>? steps;

    private Breakdown(bool recording, Citation? source)
    {
        steps = recording ? new(16) : null;
        Recording = recording;
        Source = source;
    }

    /// <summary>A breakdown that keeps steps, or one that keeps none.</summary>
    /// <param name="recordSteps">False to compute without keeping steps.</param>
    /// <param name="source">The publication the steps cite when they name none (the score's formula).</param>
    public static Breakdown For(bool recordSteps, Citation? source = null) => recordSteps ? new(true, source) : Silent;

    // Keeps no steps and formats nothing, so it has no state to share (its source is never read).
    private static readonly Breakdown Silent = new(false, null);

    /// <summary>True when steps are kept.</summary>
    public bool Recording { get; }

    /// <summary>The publication a step cites when it names none.</summary>
    public Citation? Source { get; }

    /// <summary>The steps so far (empty when not recording).</summary>
    public IReadOnlyList<BreakdownStep> Steps => (IReadOnlyList<BreakdownStep>?)steps ?? [];

    private string Cited => Source?.Key ?? throw new InvalidOperationException("This breakdown has no default source: name the step's source.");

    // The sources of a step: those named, or the breakdown's own when none is.
    private string Keys(ReadOnlySpan<Citation> sources)
    {
        if (sources.IsEmpty)
        {
            return Cited;
        }

        var keys = new string[sources.Length];
        for (var i = 0; i < sources.Length; i++)
        {
            keys[i] = sources[i].Key;
        }

        return string.Join("; ", keys);
    }

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

    /// <summary>A lower bound citing <paramref name="sources"/>, or <see cref="Source"/> when none is named.</summary>
    public decimal Floor(string label, decimal value, decimal floor, params ReadOnlySpan<Citation> sources) =>
        value < floor ? Add(StepKind.Floor, label, floor, $"{F(value)} is below {F(floor)}: set to {F(floor)} ({Keys(sources)}).") : value;

    /// <summary>Applies an upper bound, recording a cap step if it fired.</summary>
    public decimal Cap(string label, decimal value, decimal cap, string source) =>
        value > cap ? Add(StepKind.Cap, label, cap, $"{F(value)} is above {F(cap)}: set to {F(cap)} ({source}).") : value;

    /// <summary>An upper bound citing <paramref name="sources"/>, or <see cref="Source"/> when none is named.</summary>
    public decimal Cap(string label, decimal value, decimal cap, params ReadOnlySpan<Citation> sources) =>
        value > cap ? Add(StepKind.Cap, label, cap, $"{F(value)} is above {F(cap)}: set to {F(cap)} ({Keys(sources)}).") : value;

    /// <summary>Applies both bounds of a clamp, recording whichever fired.</summary>
    public decimal Clamp(string label, decimal value, decimal lower, decimal upper, string source) =>
        Cap(label, Floor(label, value, lower, source), upper, source);

    /// <summary>Both bounds citing <paramref name="sources"/>, or <see cref="Source"/> when none is named.</summary>
    public decimal Clamp(string label, decimal value, decimal lower, decimal upper, params ReadOnlySpan<Citation> sources) =>
        Cap(label, Floor(label, value, lower, sources), upper, sources);

    /// <summary>Records a band lookup as a category step and returns the band's label.</summary>
    public string Category(string label, decimal value, Band band, string source)
    {
        ArgumentNullException.ThrowIfNull(band);
        Add(StepKind.Category, label, value, $"{F(value)} is {band.Describe()}: {band.Label} ({source}).");
        return band.Label;
    }

    /// <summary>A band lookup citing <paramref name="sources"/>, or <see cref="Source"/> when none is named.</summary>
    public string Category(string label, decimal value, Band band, params ReadOnlySpan<Citation> sources)
    {
        ArgumentNullException.ThrowIfNull(band);
        Add(StepKind.Category, label, value, $"{F(value)} is {band.Describe()}: {band.Label} ({Keys(sources)}).");
        return band.Label;
    }

    /// <summary>An input value as used, in the score's unit.</summary>
    public decimal Input(string label, decimal value, string detail) => Add(StepKind.Input, label, value, detail);

    /// <summary>An input value as used, with a detail formatted only when recording.</summary>
    public decimal Input(string label, decimal value, [InterpolatedStringHandlerArgument("")] ref DetailHandler detail) =>
        Add(StepKind.Input, label, value, ref detail);

    /// <summary>A lab value as used, in its analyte's canonical unit; the label is the analyte's name.</summary>
    public decimal Input<TAnalyte, TUnit>(Lab<TAnalyte, TUnit> lab, string detail)
        where TAnalyte : IAnalyte<TUnit>
        where TUnit : struct, Enum => Add(StepKind.Input, TAnalyte.Units.Analyte, lab.Canonical, detail);

    /// <summary>A lab value as used, in <paramref name="unit"/>; the label is the analyte's name.</summary>
    public decimal Input<TAnalyte, TUnit>(Lab<TAnalyte, TUnit> lab, TUnit unit, string detail)
        where TAnalyte : IAnalyte<TUnit>
        where TUnit : struct, Enum => Add(StepKind.Input, TAnalyte.Units.Analyte, lab.In(unit), detail);

    /// <summary>
    /// One additive term, <paramref name="coefficient"/> × <paramref name="of"/>: the label is built from the coefficient
    /// as written (<c>1.120m</c> gives "1.120 × ln(INR)"), the value is <c>coefficient × x</c>; the detail cites
    /// <paramref name="sources"/>, or <see cref="Source"/> when none is named.
    /// </summary>
    public decimal Term(decimal coefficient, string of, decimal x, params ReadOnlySpan<Citation> sources)
    {
        var value = coefficient * x;
        steps?.Add(new BreakdownStep(StepKind.Term, Times(coefficient, of), value, Keys(sources)));
        return value;
    }

    /// <summary>A term with its own detail (the value of a yes/no factor, the change it measures).</summary>
    public decimal Term(decimal coefficient, string of, decimal x, [InterpolatedStringHandlerArgument("")] ref DetailHandler detail)
    {
        var value = coefficient * x;
        var text = detail.ToStringAndClear();
        steps?.Add(new BreakdownStep(StepKind.Term, Times(coefficient, of), value, text));
        return value;
    }

    /// <summary>A yes/no term, <paramref name="coefficient"/> × <paramref name="of"/>: the coefficient when
    /// <paramref name="present"/>, else 0; the detail cites <paramref name="sources"/>, or <see cref="Source"/>.</summary>
    public decimal Factor(decimal coefficient, string of, bool present, params ReadOnlySpan<Citation> sources)
    {
        var value = present ? coefficient : 0m;
        steps?.Add(new BreakdownStep(StepKind.Term, Times(coefficient, of), value, Keys(sources)));
        return value;
    }

    /// <summary>A yes/no term with its own detail (why the factor is present or not).</summary>
    public decimal Factor(decimal coefficient, string of, bool present, [InterpolatedStringHandlerArgument("")] ref DetailHandler detail)
    {
        var value = present ? coefficient : 0m;
        var text = detail.ToStringAndClear();
        steps?.Add(new BreakdownStep(StepKind.Term, Times(coefficient, of), value, text));
        return value;
    }

    /// <summary>A term the formula subtracts: recorded and returned positive, the detail says "subtracted (source)".</summary>
    public decimal Subtracted(decimal coefficient, string of, decimal x, params ReadOnlySpan<Citation> sources)
    {
        var value = coefficient * x;
        steps?.Add(new BreakdownStep(StepKind.Term, Times(coefficient, of), value, $"subtracted ({Keys(sources)})"));
        return value;
    }

    /// <summary>The formula's constant term, citing <see cref="Source"/>.</summary>
    public decimal Constant(decimal value) => Add(StepKind.Term, "constant", value, Recording ? Cited : string.Empty);

    /// <summary>The formula's constant term with its own detail.</summary>
    public decimal Constant(decimal value, string detail) => Add(StepKind.Term, "constant", value, detail);

    /// <summary>Points given for one item.</summary>
    public decimal Points(string label, decimal points, string detail) => Add(StepKind.Points, label, points, detail);

    /// <summary>Points given for one item, the detail formatted only when recording.</summary>
    public decimal Points(string label, decimal points, [InterpolatedStringHandlerArgument("")] ref DetailHandler detail) =>
        Add(StepKind.Points, label, points, ref detail);

    /// <summary>
    /// The points of the band of <paramref name="bands"/> that holds <paramref name="value"/>, as a step
    /// "value is range: n points (source)".
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">No band holds the value, or the band gives no points (a bug).</exception>
    public decimal BandPoints(string label, decimal value, IReadOnlyList<Band> bands, string source)
    {
        var (band, points) = Bands.FindPoints(bands, value);
        return Points(label, points, $"{F(value)} is {band.Describe()}: {points} point{(points == 1 ? string.Empty : "s")} ({source})");
    }

    /// <summary>Points of a row of a points table: "its words: +2 (source)", the source being <see cref="Source"/>,
    /// followed by <paramref name="scale"/> when the item has more than one scale.</summary>
    public decimal Points<T>(string label, Choice<T> row, string? scale = null)
        where T : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(row);
        return Add(StepKind.Points, label, row.Score, $"{row.Words}: {SignedPoints(row.Score)} ({Cited}{(scale is null ? string.Empty : ", " + scale)})");
    }

    /// <summary>An intermediate or total before rounding.</summary>
    public decimal Sum(string label, decimal value, string detail) => Add(StepKind.Sum, label, value, detail);

    /// <summary>
    /// Rounds half away from zero to <paramref name="decimals"/> places and records it; the detail names the rule
    /// ("two decimals, half away from zero") unless given.
    /// </summary>
    public decimal Round(string label, decimal value, int decimals, string? detail = null) =>
        Add(StepKind.Rounding, label, ClinicalMath.RoundHalfAwayFromZero(value, decimals), detail ?? RoundingRule(decimals));

    /// <summary>A value replaced by rule (creatinine set to 3.0 with dialysis).</summary>
    public decimal Substitute(string label, decimal value, string detail) => Add(StepKind.Substitution, label, value, detail);

    /// <summary>A value replaced by rule, the detail formatted only when recording.</summary>
    public decimal Substitute(string label, decimal value, [InterpolatedStringHandlerArgument("")] ref DetailHandler detail) =>
        Add(StepKind.Substitution, label, value, ref detail);

    /// <summary>The rounding rule in words: "nearest integer", "one decimal", "two decimals", ..., half away from zero.</summary>
    public static string RoundingRule(int decimals) => decimals switch
    {
        0 => "nearest integer, half away from zero",
        1 => "one decimal, half away from zero",
        2 => "two decimals, half away from zero",
        3 => "three decimals, half away from zero",
        _ => throw new ArgumentOutOfRangeException(nameof(decimals), decimals, "Scores round to 0-3 decimals."),
    };

    /// <summary>Points with their sign as a points table prints them: +2, 0, −3.</summary>
    public static string SignedPoints(decimal points) => points > 0m ? "+" + F(points) : points < 0m ? "−" + F(-points) : "0";

    private static string Times(decimal coefficient, string of) =>
        coefficient.ToString(CultureInfo.InvariantCulture) + " × " + of;

    private static string Key(Citation source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.Key;
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
