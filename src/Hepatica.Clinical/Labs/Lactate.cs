using System.Diagnostics.CodeAnalysis;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Labs;

/// <summary>
/// Blood lactate (arterial or venous, as the score defines). Canonical unit mmol/L.
/// Validated once at construction; equality and ordering compare the canonical value only, whatever unit was reported.
/// </summary>
public readonly record struct Lactate : IComparable<Lactate>
{
    /// <summary>mg/dL per mmol/L of lactate: 9.008 (molar mass of lactic acid 90.08 g/mol; 1 mmol/L = 90.08 mg/L = 9.008 mg/dL).</summary>
    public const decimal MilligramsPerDeciliterPerMillimolePerLiter = 9.008m;

    /// <summary>Accepted units and their spellings (see docs/snapshot.md).</summary>
    internal static readonly UnitTable<LactateUnit> Units = new(
        "lactate",
        false,
        new UnitSpec<LactateUnit>(LactateUnit.MillimolePerLiter, "mmol/L", 1m, "mM"),
        new UnitSpec<LactateUnit>(LactateUnit.MilligramPerDeciliter, "mg/dL", MilligramsPerDeciliterPerMillimolePerLiter, "mg/100mL"));

    private Lactate(decimal canonical, decimal reportedValue, LactateUnit reportedUnit)
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
    public LactateUnit ReportedUnit { get; }

    /// <summary>The accepted units in words.</summary>
    public static string AcceptedUnits => Units.Accepted;

    /// <summary>UCUM code of a unit.</summary>
    public static string UcumOf(LactateUnit unit) => Units[unit].Ucum;

    /// <summary>Creates a value from millimoles per liter.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is impossible (see <see cref="PlausibilityLimits.Lactate"/>).</exception>
    public static Lactate FromMillimolesPerLiter(decimal value) => From(value, LactateUnit.MillimolePerLiter);

    /// <summary>Creates a value from milligrams per deciliter.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is impossible (see <see cref="PlausibilityLimits.Lactate"/>).</exception>
    public static Lactate FromMilligramsPerDeciliter(decimal value) => From(value, LactateUnit.MilligramPerDeciliter);

    /// <summary>Creates a value in the given unit.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Unknown unit or impossible value.</exception>
    public static Lactate From(decimal value, LactateUnit unit) => new(Units.Create(value, unit, PlausibilityLimits.Lactate), value, unit);

    /// <summary>Reads an untrusted value and unit text, adding every problem (coded, with <paramref name="path"/>) to <paramref name="issues"/>.</summary>
    /// <returns>True when the value can be used (possibly with a warning).</returns>
    public static bool TryRead(decimal value, string? unitText, string path, ICollection<InputIssue> issues, [NotNullWhen(true)] out Lactate? result)
    {
        if (Units.TryRead(value, unitText, path, PlausibilityLimits.Lactate, issues, out var canonical, out var unit))
        {
            result = new Lactate(canonical, value, unit);
            return true;
        }

        result = null;
        return false;
    }

    /// <summary>Equal when the canonical values are equal, whatever units were reported.</summary>
    public bool Equals(Lactate other) => MillimolesPerLiter == other.MillimolesPerLiter;

    /// <inheritdoc />
    public override int GetHashCode() => MillimolesPerLiter.GetHashCode();

    /// <inheritdoc />
    public int CompareTo(Lactate other) => MillimolesPerLiter.CompareTo(other.MillimolesPerLiter);

    /// <summary>Compares canonical values.</summary>
    public static bool operator <(Lactate left, Lactate right) => left.CompareTo(right) < 0;

    /// <summary>Compares canonical values.</summary>
    public static bool operator >(Lactate left, Lactate right) => left.CompareTo(right) > 0;

    /// <summary>Compares canonical values.</summary>
    public static bool operator <=(Lactate left, Lactate right) => left.CompareTo(right) <= 0;

    /// <summary>Compares canonical values.</summary>
    public static bool operator >=(Lactate left, Lactate right) => left.CompareTo(right) >= 0;

    /// <inheritdoc />
    public override string ToString() => $"{Breakdown.F(MillimolesPerLiter)} {Units.Specs[0].Ucum}";
}
