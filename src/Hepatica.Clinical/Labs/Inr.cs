using System.Diagnostics.CodeAnalysis;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Labs;

/// <summary>
/// International normalised ratio of the prothrombin time. A ratio: given with no unit or UCUM 1.
/// Validated once at construction; equality and ordering compare the canonical value only, whatever unit was reported.
/// </summary>
public readonly record struct Inr : IComparable<Inr>
{
    /// <summary>Accepted units and their spellings (see docs/snapshot.md).</summary>
    internal static readonly UnitTable<InrUnit> Units = new(
        "INR",
        true,
        new UnitSpec<InrUnit>(InrUnit.Ratio, "1", 1m, "{INR}", "{ratio}", "ratio"));

    private Inr(decimal canonical, decimal reportedValue, InrUnit reportedUnit)
    {
        Ratio = canonical;
        ReportedValue = reportedValue;
        ReportedUnit = reportedUnit;
    }

    /// <summary>The value in the canonical unit.</summary>
    public decimal Ratio { get; }

    /// <summary>The value as the laboratory reported it, in <see cref="ReportedUnit"/> (provenance and display).</summary>
    public decimal ReportedValue { get; }

    /// <summary>The unit the laboratory reported.</summary>
    public InrUnit ReportedUnit { get; }

    /// <summary>The accepted units in words.</summary>
    public static string AcceptedUnits => Units.Accepted;

    /// <summary>UCUM code of a unit.</summary>
    public static string UcumOf(InrUnit unit) => Units[unit].Ucum;

    /// <summary>Creates a value from a ratio (no unit).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is impossible (see <see cref="PlausibilityLimits.Inr"/>).</exception>
    public static Inr FromRatio(decimal value) => From(value, InrUnit.Ratio);

    /// <summary>Creates a value in the given unit.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Unknown unit or impossible value.</exception>
    public static Inr From(decimal value, InrUnit unit) => new(Units.Create(value, unit, PlausibilityLimits.Inr), value, unit);

    /// <summary>Reads an untrusted value and unit text, adding every problem (coded, with <paramref name="path"/>) to <paramref name="issues"/>.</summary>
    /// <returns>True when the value can be used (possibly with a warning).</returns>
    public static bool TryRead(decimal value, string? unitText, string path, ICollection<InputIssue> issues, [NotNullWhen(true)] out Inr? result)
    {
        if (Units.TryRead(value, unitText, path, PlausibilityLimits.Inr, issues, out var canonical, out var unit))
        {
            result = new Inr(canonical, value, unit);
            return true;
        }

        result = null;
        return false;
    }

    /// <summary>Equal when the canonical values are equal, whatever units were reported.</summary>
    public bool Equals(Inr other) => Ratio == other.Ratio;

    /// <inheritdoc />
    public override int GetHashCode() => Ratio.GetHashCode();

    /// <inheritdoc />
    public int CompareTo(Inr other) => Ratio.CompareTo(other.Ratio);

    /// <summary>Compares canonical values.</summary>
    public static bool operator <(Inr left, Inr right) => left.CompareTo(right) < 0;

    /// <summary>Compares canonical values.</summary>
    public static bool operator >(Inr left, Inr right) => left.CompareTo(right) > 0;

    /// <summary>Compares canonical values.</summary>
    public static bool operator <=(Inr left, Inr right) => left.CompareTo(right) <= 0;

    /// <summary>Compares canonical values.</summary>
    public static bool operator >=(Inr left, Inr right) => left.CompareTo(right) >= 0;

    /// <inheritdoc />
    public override string ToString() => $"{Breakdown.F(Ratio)} {Units.Specs[0].Ucum}";
}
