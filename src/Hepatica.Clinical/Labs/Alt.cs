using System.Diagnostics.CodeAnalysis;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Labs;

/// <summary>
/// Alanine aminotransferase activity (also used for its upper limit of normal). Canonical unit U/L.
/// Validated once at construction; equality and ordering compare the canonical value only, whatever unit was reported.
/// </summary>
public readonly record struct Alt : IComparable<Alt>
{
    /// <summary>Accepted units and their spellings (see docs/snapshot.md).</summary>
    internal static readonly UnitTable<EnzymeActivityUnit> Units = new(
        "ALT",
        false,
        new UnitSpec<EnzymeActivityUnit>(EnzymeActivityUnit.UnitPerLiter, "U/L", 1m, "IU/L", "[IU]/L"));

    private Alt(decimal canonical, decimal reportedValue, EnzymeActivityUnit reportedUnit)
    {
        UnitsPerLiter = canonical;
        ReportedValue = reportedValue;
        ReportedUnit = reportedUnit;
    }

    /// <summary>The value in the canonical unit.</summary>
    public decimal UnitsPerLiter { get; }

    /// <summary>The value as the laboratory reported it, in <see cref="ReportedUnit"/> (provenance and display).</summary>
    public decimal ReportedValue { get; }

    /// <summary>The unit the laboratory reported.</summary>
    public EnzymeActivityUnit ReportedUnit { get; }

    /// <summary>The accepted units in words.</summary>
    public static string AcceptedUnits => Units.Accepted;

    /// <summary>UCUM code of a unit.</summary>
    public static string UcumOf(EnzymeActivityUnit unit) => Units[unit].Ucum;

    /// <summary>Creates a value from international units per litre.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is impossible (see <see cref="PlausibilityLimits.Alt"/>).</exception>
    public static Alt FromUnitsPerLiter(decimal value) => From(value, EnzymeActivityUnit.UnitPerLiter);

    /// <summary>Creates a value in the given unit.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Unknown unit or impossible value.</exception>
    public static Alt From(decimal value, EnzymeActivityUnit unit) => new(Units.Create(value, unit, PlausibilityLimits.Alt), value, unit);

    /// <summary>Reads an untrusted value and unit text, adding every problem (coded, with <paramref name="path"/>) to <paramref name="issues"/>.</summary>
    /// <returns>True when the value can be used (possibly with a warning).</returns>
    public static bool TryRead(decimal value, string? unitText, string path, ICollection<InputIssue> issues, [NotNullWhen(true)] out Alt? result)
    {
        if (Units.TryRead(value, unitText, path, PlausibilityLimits.Alt, issues, out var canonical, out var unit))
        {
            result = new Alt(canonical, value, unit);
            return true;
        }

        result = null;
        return false;
    }

    /// <summary>Equal when the canonical values are equal, whatever units were reported.</summary>
    public bool Equals(Alt other) => UnitsPerLiter == other.UnitsPerLiter;

    /// <inheritdoc />
    public override int GetHashCode() => UnitsPerLiter.GetHashCode();

    /// <inheritdoc />
    public int CompareTo(Alt other) => UnitsPerLiter.CompareTo(other.UnitsPerLiter);

    /// <summary>Compares canonical values.</summary>
    public static bool operator <(Alt left, Alt right) => left.CompareTo(right) < 0;

    /// <summary>Compares canonical values.</summary>
    public static bool operator >(Alt left, Alt right) => left.CompareTo(right) > 0;

    /// <summary>Compares canonical values.</summary>
    public static bool operator <=(Alt left, Alt right) => left.CompareTo(right) <= 0;

    /// <summary>Compares canonical values.</summary>
    public static bool operator >=(Alt left, Alt right) => left.CompareTo(right) >= 0;

    /// <inheritdoc />
    public override string ToString() => $"{Breakdown.F(UnitsPerLiter)} {Units.Specs[0].Ucum}";
}
