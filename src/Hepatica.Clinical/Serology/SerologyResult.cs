namespace Hepatica.Clinical.Serology;

/// <summary>The qualitative reading of a serology test.</summary>
public enum QualitativeResult
{
    /// <summary>Negative, non-reactive, not detected (for anti-HBs: below 10 mIU/mL).</summary>
    Negative,

    /// <summary>Positive, reactive, detected (for anti-HBs: 10 mIU/mL or more).</summary>
    Positive,

    /// <summary>Indeterminate or equivocal: the test settles nothing and should be repeated.</summary>
    Indeterminate,
}

/// <summary>
/// One serology test as read from the snapshot: its qualitative result and, for the quantitative tests (anti-HBs,
/// HBV DNA, HCV RNA, HDV RNA, HEV RNA), the value in the test's canonical unit (mIU/mL for anti-HBs, IU/mL for
/// nucleic acids). When a value is given it decides <see cref="Result"/> (anti-HBs ≥ 10 mIU/mL is positive; a
/// viral load above 0 IU/mL is detected). Built only by the factories, which check the range once (no public
/// setters, so <c>with</c> cannot bypass them).
/// </summary>
public sealed record SerologyResult
{
    private SerologyResult(QualitativeResult result, decimal? value, decimal? reportedValue, string? reportedUnit, DateOnly? date)
    {
        Result = result;
        Value = value;
        ReportedValue = reportedValue;
        ReportedUnit = reportedUnit;
        Date = date;
    }

    /// <summary>The qualitative result (derived from <see cref="Value"/> when a value was given).</summary>
    public QualitativeResult Result { get; }

    /// <summary>The value in the canonical unit (<see cref="SerologyUnits.MilliInternationalUnitsPerMilliliter"/> or
    /// <see cref="SerologyUnits.InternationalUnitsPerMilliliter"/>), when the test was quantitative.</summary>
    public decimal? Value { get; }

    /// <summary>The value as reported (for example 4.3 for "log IU/mL"), for provenance and display.</summary>
    public decimal? ReportedValue { get; }

    /// <summary>The unit as reported, for provenance and display.</summary>
    public string? ReportedUnit { get; }

    /// <summary>The date the sample was taken, when given.</summary>
    public DateOnly? Date { get; }

    /// <summary>True when positive.</summary>
    public bool IsPositive => Result == QualitativeResult.Positive;

    /// <summary>True when negative.</summary>
    public bool IsNegative => Result == QualitativeResult.Negative;

    /// <summary>A qualitative result without a value.</summary>
    /// <param name="result">The result.</param>
    /// <param name="date">The sample date.</param>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined <see cref="QualitativeResult"/>.</exception>
    public static SerologyResult Of(QualitativeResult result, DateOnly? date = null) =>
        Enum.IsDefined(result)
            ? new(result, null, null, null, date)
            : throw new ArgumentOutOfRangeException(nameof(result), result, "Expected Negative, Positive or Indeterminate.");

    /// <summary>An anti-HBs titer in mIU/mL (= IU/L); positive at 10 mIU/mL or more (<see cref="SerologyUnits.ProtectiveAntiHbs"/>).</summary>
    /// <param name="milliIuPerMl">The titer; 0 to <see cref="SerologyUnits.MaximumAntiHbs"/>.</param>
    /// <param name="date">The sample date.</param>
    /// <param name="reportedValue">The value as the laboratory reported it (defaults to <paramref name="milliIuPerMl"/>).</param>
    /// <param name="reportedUnit">The unit as the laboratory reported it (defaults to <c>m[IU]/mL</c>).</param>
    /// <exception cref="ArgumentOutOfRangeException">Negative or above <see cref="SerologyUnits.MaximumAntiHbs"/>.</exception>
    public static SerologyResult AntiHbsTiter(decimal milliIuPerMl, DateOnly? date = null, decimal? reportedValue = null, string? reportedUnit = null)
    {
        SerologyUnits.CheckRange(milliIuPerMl, SerologyUnits.MaximumAntiHbs, nameof(milliIuPerMl));
        return new(milliIuPerMl >= SerologyUnits.ProtectiveAntiHbs ? QualitativeResult.Positive : QualitativeResult.Negative,
            milliIuPerMl, reportedValue ?? milliIuPerMl, reportedUnit ?? SerologyUnits.MilliInternationalUnitsPerMilliliter, date);
    }

    /// <summary>A viral load (HBV DNA, HCV RNA, HDV RNA, HEV RNA) in IU/mL; 0 means not detected.</summary>
    /// <param name="iuPerMl">The load; 0 to <see cref="SerologyUnits.MaximumViralLoad"/>.</param>
    /// <param name="date">The sample date.</param>
    /// <param name="reportedValue">The value as the laboratory reported it (e.g. 4.3 for log IU/mL; defaults to <paramref name="iuPerMl"/>).</param>
    /// <param name="reportedUnit">The unit as the laboratory reported it (defaults to <c>[IU]/mL</c>).</param>
    /// <exception cref="ArgumentOutOfRangeException">Negative or above <see cref="SerologyUnits.MaximumViralLoad"/>.</exception>
    public static SerologyResult ViralLoad(decimal iuPerMl, DateOnly? date = null, decimal? reportedValue = null, string? reportedUnit = null)
    {
        SerologyUnits.CheckRange(iuPerMl, SerologyUnits.MaximumViralLoad, nameof(iuPerMl));
        return new(iuPerMl > 0m ? QualitativeResult.Positive : QualitativeResult.Negative,
            iuPerMl, reportedValue ?? iuPerMl, reportedUnit ?? SerologyUnits.InternationalUnitsPerMilliliter, date);
    }
}
