using System.Globalization;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Serology;

/// <summary>
/// Units of the quantitative serology tests and how untrusted values are read into them. anti-HBs: mIU/mL (UCUM
/// <c>m[IU]/mL</c>), which equals IU/L. Nucleic acids: IU/mL (UCUM <c>[IU]/mL</c>), or <c>log IU/mL</c> converted as
/// 10^value and rounded to a whole IU/mL (half away from zero). <c>copies/mL</c> is rejected (LAB002): the
/// copies-per-IU factor depends on the assay (about 5 to 6 for common HBV DNA assays), so no single factor is right.
/// </summary>
public static class SerologyUnits
{
    /// <summary>Canonical unit of anti-HBs (UCUM).</summary>
    public const string MilliInternationalUnitsPerMilliliter = "m[IU]/mL";

    /// <summary>Canonical unit of viral loads (UCUM).</summary>
    public const string InternationalUnitsPerMilliliter = "[IU]/mL";

    /// <summary>anti-HBs titer at or above which a person is protected (ACIP 2018: ≥ 10 mIU/mL after vaccination).</summary>
    public const decimal ProtectiveAntiHbs = 10m;

    /// <summary>Largest accepted anti-HBs titer (mIU/mL); above it the value is taken for an entry error.</summary>
    public const decimal MaximumAntiHbs = 1_000_000m;

    /// <summary>Largest accepted viral load (IU/mL, 10^10); above it the value is taken for an entry error.</summary>
    public const decimal MaximumViralLoad = 10_000_000_000m;

    /// <summary>Largest accepted log10 viral load (= <see cref="MaximumViralLoad"/>).</summary>
    public const decimal MaximumLogViralLoad = 10m;

    /// <summary>Accepted spellings of the anti-HBs units, in words.</summary>
    public const string AntiHbsAccepted = "m[IU]/mL (mIU/mL), [IU]/L (IU/L)";

    /// <summary>Accepted spellings of the viral load units, in words.</summary>
    public const string ViralLoadAccepted = "[IU]/mL (IU/mL), log IU/mL (log10 IU/mL)";

    private static readonly string[] AntiHbsSpellings = ["M[IU]/ML", "MIU/ML", "[IU]/L", "IU/L"];
    private static readonly string[] IuSpellings = ["[IU]/ML", "IU/ML"];
    private static readonly string[] LogSpellings = ["LOGIU/ML", "LOG10IU/ML", "LOG[IU]/ML", "LOG10[IU]/ML", "LOG(IU/ML)", "LOG10(IU/ML)"];

    internal static void CheckRange(decimal value, decimal maximum, string name)
    {
        if (value < 0m || value > maximum)
        {
            throw new ArgumentOutOfRangeException(name, value, $"Expected 0 to {Breakdown.F(maximum)}.");
        }
    }

    /// <summary>Reads an untrusted anti-HBs titer, adding every problem (coded, at <paramref name="path"/>) to <paramref name="issues"/>.</summary>
    /// <returns>The titer in mIU/mL, or null when unusable.</returns>
    public static decimal? TryReadAntiHbs(decimal value, string? unitText, string path, ICollection<InputIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        if (!HasUnit(value, unitText, "anti-HBs", AntiHbsAccepted, path, issues))
        {
            return null;
        }

        if (!Array.Exists(AntiHbsSpellings, s => s == Normalize(unitText!)))
        {
            issues.Add(InputIssue.Error(IssueCodes.UnknownUnit, path + ".unit", $"'{unitText}' is not an accepted unit for anti-HBs. Accepted units: {AntiHbsAccepted}."));
            return null;
        }

        return InRange(value, MaximumAntiHbs, "anti-HBs", "mIU/mL", path, issues);
    }

    /// <summary>Reads an untrusted viral load (IU/mL or log IU/mL), adding every problem to <paramref name="issues"/>.</summary>
    /// <param name="value">The number as given.</param>
    /// <param name="unitText">The unit as given.</param>
    /// <param name="analyte">Display name, e.g. "HBV DNA".</param>
    /// <param name="path">Snapshot path of the test, e.g. <c>serology.hbvDna</c>.</param>
    /// <param name="issues">Where problems go.</param>
    /// <returns>The load in IU/mL, or null when unusable.</returns>
    public static decimal? TryReadViralLoad(decimal value, string? unitText, string analyte, string path, ICollection<InputIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        if (!HasUnit(value, unitText, analyte, ViralLoadAccepted, path, issues))
        {
            return null;
        }

        var unit = Normalize(unitText!);
        if (Array.Exists(IuSpellings, s => s == unit))
        {
            return InRange(value, MaximumViralLoad, analyte, "IU/mL", path, issues);
        }

        if (Array.Exists(LogSpellings, s => s == unit))
        {
            return InRange(value, MaximumLogViralLoad, analyte, "log IU/mL", path, issues) is { } log ? FromLog(log) : null;
        }

        var hint = unit.Contains("COPIES", StringComparison.Ordinal)
            ? " copies/mL is not converted: the number of copies per IU depends on the assay; give the laboratory's IU/mL result."
            : string.Empty;
        issues.Add(InputIssue.Error(IssueCodes.UnknownUnit, path + ".unit", $"'{unitText}' is not an accepted unit for {analyte}. Accepted units: {ViralLoadAccepted}.{hint}"));
        return null;
    }

    /// <summary>10^<paramref name="log10"/> IU/mL, rounded to a whole IU/mL half away from zero.</summary>
    /// <param name="log10">The log10 load, 0 to <see cref="MaximumLogViralLoad"/>.</param>
    public static decimal FromLog(decimal log10)
    {
        CheckRange(log10, MaximumLogViralLoad, nameof(log10));
        return Math.Round((decimal)Math.Pow(10d, (double)log10), 0, MidpointRounding.AwayFromZero);
    }

    private static bool HasUnit(decimal value, string? unitText, string analyte, string accepted, string path, ICollection<InputIssue> issues)
    {
        if (!string.IsNullOrWhiteSpace(unitText))
        {
            return true;
        }

        issues.Add(InputIssue.Error(IssueCodes.MissingUnit, path + ".unit", $"{analyte} {Breakdown.F(value)} has no unit. Accepted units: {accepted}."));
        return false;
    }

    private static decimal? InRange(decimal value, decimal maximum, string analyte, string unit, string path, ICollection<InputIssue> issues)
    {
        if (value >= 0m && value <= maximum)
        {
            return value;
        }

        issues.Add(InputIssue.Error(IssueCodes.ImpossibleValue, path + ".value",
            $"{analyte} {value.ToString(CultureInfo.InvariantCulture)} {unit} is impossible: expected 0 to {Breakdown.F(maximum)} {unit}."));
        return null;
    }

    private static string Normalize(string text) =>
        string.Concat(text.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
}
