using System.Globalization;

namespace Hepatica.Clinical.Scoring;

/// <summary>Collects the steps of one calculation, in order. One instance per calculation; not thread-safe.</summary>
public sealed class Breakdown
{
    private readonly List<BreakdownStep> steps = new(16);

    /// <summary>The steps so far.</summary>
    public IReadOnlyList<BreakdownStep> Steps => steps;

    /// <summary>Records a step and returns its value, so formulas read top to bottom.</summary>
    public decimal Add(StepKind kind, string label, decimal value, string detail)
    {
        steps.Add(new BreakdownStep(kind, label, value, detail));
        return value;
    }

    /// <summary>Records a step without a number.</summary>
    public void Note(string label, string detail) => steps.Add(new BreakdownStep(StepKind.Note, label, null, detail));

    /// <summary>
    /// Applies a lower bound: records the input and, if it was below <paramref name="floor"/>, the floor step.
    /// </summary>
    public decimal Floor(string label, decimal value, decimal floor, string source)
    {
        if (value < floor)
        {
            return Add(StepKind.Floor, label, floor, $"{F(value)} is below {F(floor)}: set to {F(floor)} ({source}).");
        }

        return value;
    }

    /// <summary>Applies an upper bound, recording a cap step if it fired.</summary>
    public decimal Cap(string label, decimal value, decimal cap, string source)
    {
        if (value > cap)
        {
            return Add(StepKind.Cap, label, cap, $"{F(value)} is above {F(cap)}: set to {F(cap)} ({source}).");
        }

        return value;
    }

    /// <summary>Applies both bounds of a clamp, recording whichever fired.</summary>
    public decimal Clamp(string label, decimal value, decimal lower, decimal upper, string source) =>
        Cap(label, Floor(label, value, lower, source), upper, source);

    /// <summary>Records a band lookup as a category step.</summary>
    public string Category(string label, decimal value, Band band, string source)
    {
        steps.Add(new BreakdownStep(StepKind.Category, label, value, $"{F(value)} is {band.Describe()}: {band.Label} ({source})."));
        return band.Label;
    }

    /// <summary>Formats a number with the invariant culture, trimmed of trailing zeros after 6 places.</summary>
    public static string F(decimal value) =>
        decimal.Round(value, 6, MidpointRounding.AwayFromZero).ToString("0.######", CultureInfo.InvariantCulture);
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
