using System.Diagnostics.CodeAnalysis;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Labs;

/// <summary>
/// Serum phosphate (inorganic phosphorus). Canonical unit mmol/L.
/// Validated once at construction; equality and ordering compare the canonical value only, whatever unit was reported.
/// </summary>
public readonly record struct Phosphate : IComparable<Phosphate>
{
    /// <summary>mg/dL of phosphorus per mmol/L of phosphate: 3.097 (atomic mass of phosphorus 30.97 g/mol; laboratories report phosphate in mg/dL as phosphorus).</summary>
    public const decimal MilligramsPerDeciliterPerMillimolePerLiter = 3.097m;

    /// <summary>Accepted units and their spellings (see docs/snapshot.md).</summary>
    internal static readonly UnitTable<PhosphateUnit> Units = new(
        "phosphate",
        false,
        new UnitSpec<PhosphateUnit>(PhosphateUnit.MillimolePerLiter, "mmol/L", 1m, "mM"),
        new UnitSpec<PhosphateUnit>(PhosphateUnit.MilligramPerDeciliter, "mg/dL", MilligramsPerDeciliterPerMillimolePerLiter, "mg/100mL"));

    private Phosphate(decimal canonical, decimal reportedValue, PhosphateUnit reportedUnit)
    {
        MillimolesPerLiter = canonical;
        ReportedValue = reportedValue;
        ReportedUnit = reportedUnit;
    }

    /// <summary>The value in the canonical unit.</summary>
    public decimal MillimolesPerLiter { get; }

    /// <summary>The value as the laboratory reported it, in <see cref="ReportedUnit"/> (provenance and display).</summary>
    public decimal ReportedValue { get; }

    /// <summary>The unit the laboratory reported.</summary>
    public PhosphateUnit ReportedUnit { get; }

    /// <summary>The accepted units in words.</summary>
    public static string AcceptedUnits => Units.Accepted;

    /// <summary>UCUM code of a unit.</summary>
    public static string UcumOf(PhosphateUnit unit) => Units[unit].Ucum;

    /// <summary>Creates a value from millimoles per liter.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is impossible (see <see cref="PlausibilityLimits.Phosphate"/>).</exception>
    public static Phosphate FromMillimolesPerLiter(decimal value) => From(value, PhosphateUnit.MillimolePerLiter);

    /// <summary>Creates a value from milligrams per deciliter.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is impossible (see <see cref="PlausibilityLimits.Phosphate"/>).</exception>
    public static Phosphate FromMilligramsPerDeciliter(decimal value) => From(value, PhosphateUnit.MilligramPerDeciliter);

    /// <summary>Creates a value in the given unit.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Unknown unit or impossible value.</exception>
    public static Phosphate From(decimal value, PhosphateUnit unit) => new(Units.Create(value, unit, PlausibilityLimits.Phosphate), value, unit);

    /// <summary>Reads an untrusted value and unit text, adding every problem (coded, with <paramref name="path"/>) to <paramref name="issues"/>.</summary>
    /// <returns>True when the value can be used (possibly with a warning).</returns>
    public static bool TryRead(decimal value, string? unitText, string path, ICollection<InputIssue> issues, [NotNullWhen(true)] out Phosphate? result)
    {
        if (Units.TryRead(value, unitText, path, PlausibilityLimits.Phosphate, issues, out var canonical, out var unit))
        {
            result = new Phosphate(canonical, value, unit);
            return true;
        }

        result = null;
        return false;
    }

    /// <summary>Equal when the canonical values are equal, whatever units were reported.</summary>
    public bool Equals(Phosphate other) => MillimolesPerLiter == other.MillimolesPerLiter;

    /// <inheritdoc />
    public override int GetHashCode() => MillimolesPerLiter.GetHashCode();

    /// <inheritdoc />
    public int CompareTo(Phosphate other) => MillimolesPerLiter.CompareTo(other.MillimolesPerLiter);

    /// <summary>Compares canonical values.</summary>
    public static bool operator <(Phosphate left, Phosphate right) => left.CompareTo(right) < 0;

    /// <summary>Compares canonical values.</summary>
    public static bool operator >(Phosphate left, Phosphate right) => left.CompareTo(right) > 0;

    /// <summary>Compares canonical values.</summary>
    public static bool operator <=(Phosphate left, Phosphate right) => left.CompareTo(right) <= 0;

    /// <summary>Compares canonical values.</summary>
    public static bool operator >=(Phosphate left, Phosphate right) => left.CompareTo(right) >= 0;

    /// <inheritdoc />
    public override string ToString() => $"{Breakdown.F(MillimolesPerLiter)} {Units.Specs[0].Ucum}";
}
