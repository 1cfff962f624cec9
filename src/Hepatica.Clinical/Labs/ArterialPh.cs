using System.Diagnostics.CodeAnalysis;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Labs;

/// <summary>
/// Arterial blood pH. No unit (UCUM [pH]); given with no unit, [pH] or pH.
/// Validated once at construction; equality and ordering compare the canonical value only, whatever unit was reported.
/// </summary>
public readonly record struct ArterialPh : IComparable<ArterialPh>
{
    /// <summary>Accepted units and their spellings (see docs/snapshot.md).</summary>
    internal static readonly UnitTable<ArterialPhUnit> Units = new(
        "arterial pH",
        true,
        new UnitSpec<ArterialPhUnit>(ArterialPhUnit.Ph, "[pH]", 1m, "pH"));

    private ArterialPh(decimal canonical, decimal reportedValue, ArterialPhUnit reportedUnit)
    {
        Value = canonical;
        ReportedValue = reportedValue;
        ReportedUnit = reportedUnit;
    }

    /// <summary>The value in the canonical unit.</summary>
    public decimal Value { get; }

    /// <summary>The value as the laboratory reported it, in <see cref="ReportedUnit"/> (provenance and display).</summary>
    public decimal ReportedValue { get; }

    /// <summary>The unit the laboratory reported.</summary>
    public ArterialPhUnit ReportedUnit { get; }

    /// <summary>The accepted units in words.</summary>
    public static string AcceptedUnits => Units.Accepted;

    /// <summary>UCUM code of a unit.</summary>
    public static string UcumOf(ArterialPhUnit unit) => Units[unit].Ucum;

    /// <summary>Creates a value from value.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is impossible (see <see cref="PlausibilityLimits.ArterialPh"/>).</exception>
    public static ArterialPh FromValue(decimal value) => From(value, ArterialPhUnit.Ph);

    /// <summary>Creates a value in the given unit.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Unknown unit or impossible value.</exception>
    public static ArterialPh From(decimal value, ArterialPhUnit unit) => new(Units.Create(value, unit, PlausibilityLimits.ArterialPh), value, unit);

    /// <summary>Reads an untrusted value and unit text, adding every problem (coded, with <paramref name="path"/>) to <paramref name="issues"/>.</summary>
    /// <returns>True when the value can be used (possibly with a warning).</returns>
    public static bool TryRead(decimal value, string? unitText, string path, ICollection<InputIssue> issues, [NotNullWhen(true)] out ArterialPh? result)
    {
        if (Units.TryRead(value, unitText, path, PlausibilityLimits.ArterialPh, issues, out var canonical, out var unit))
        {
            result = new ArterialPh(canonical, value, unit);
            return true;
        }

        result = null;
        return false;
    }

    /// <summary>Equal when the canonical values are equal, whatever units were reported.</summary>
    public bool Equals(ArterialPh other) => Value == other.Value;

    /// <inheritdoc />
    public override int GetHashCode() => Value.GetHashCode();

    /// <inheritdoc />
    public int CompareTo(ArterialPh other) => Value.CompareTo(other.Value);

    /// <summary>Compares canonical values.</summary>
    public static bool operator <(ArterialPh left, ArterialPh right) => left.CompareTo(right) < 0;

    /// <summary>Compares canonical values.</summary>
    public static bool operator >(ArterialPh left, ArterialPh right) => left.CompareTo(right) > 0;

    /// <summary>Compares canonical values.</summary>
    public static bool operator <=(ArterialPh left, ArterialPh right) => left.CompareTo(right) <= 0;

    /// <summary>Compares canonical values.</summary>
    public static bool operator >=(ArterialPh left, ArterialPh right) => left.CompareTo(right) >= 0;

    /// <inheritdoc />
    public override string ToString() => $"{Breakdown.F(Value)} {Units.Specs[0].Ucum}";
}
