using System.Diagnostics.CodeAnalysis;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Labs;

/// <summary>
/// Absolute neutrophil count. Canonical unit 10^9/L (UCUM 10*9/L), equal to 10^3/µL.
/// Validated once at construction; equality and ordering compare the canonical value only, whatever unit was reported.
/// </summary>
public readonly record struct Neutrophils : IComparable<Neutrophils>
{
    /// <summary>cells/µL per 10^9/L: 1000 (10^9/L = 10^9 / 10^6 µL = 10^3/µL; exact).</summary>
    public const decimal PerMicroliterPerBillionPerLiter = 1000m;

    /// <summary>Accepted units and their spellings (see docs/snapshot.md).</summary>
    internal static readonly UnitTable<NeutrophilsUnit> Units = new(
        "neutrophils",
        false,
        new UnitSpec<NeutrophilsUnit>(NeutrophilsUnit.BillionPerLiter, "10*9/L", 1m, "10^9/L", "x10^9/L", "x10*9/L", "×10^9/L", "/nL", "G/L"),
        new UnitSpec<NeutrophilsUnit>(NeutrophilsUnit.ThousandPerMicroliter, "10*3/uL", 1m, "10^3/uL", "x10^3/uL", "10*3/µL", "10^3/µL", "x10^3/µL", "K/uL", "10*3/mm3"),
        new UnitSpec<NeutrophilsUnit>(NeutrophilsUnit.PerMicroliter, "/uL", PerMicroliterPerBillionPerLiter, "/µL", "/mm3", "1/uL"));

    private Neutrophils(decimal canonical, decimal reportedValue, NeutrophilsUnit reportedUnit)
    {
        BillionsPerLiter = canonical;
        ReportedValue = reportedValue;
        ReportedUnit = reportedUnit;
    }

    /// <summary>The value in the canonical unit.</summary>
    public decimal BillionsPerLiter { get; }

    /// <summary>The value as the laboratory reported it, in <see cref="ReportedUnit"/> (provenance and display).</summary>
    public decimal ReportedValue { get; }

    /// <summary>The unit the laboratory reported.</summary>
    public NeutrophilsUnit ReportedUnit { get; }

    /// <summary>The accepted units in words.</summary>
    public static string AcceptedUnits => Units.Accepted;

    /// <summary>UCUM code of a unit.</summary>
    public static string UcumOf(NeutrophilsUnit unit) => Units[unit].Ucum;

    /// <summary>Creates a value from billions per liter.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is impossible (see <see cref="PlausibilityLimits.Neutrophils"/>).</exception>
    public static Neutrophils FromBillionsPerLiter(decimal value) => From(value, NeutrophilsUnit.BillionPerLiter);

    /// <summary>Creates a value from thousands per microliter.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is impossible (see <see cref="PlausibilityLimits.Neutrophils"/>).</exception>
    public static Neutrophils FromThousandsPerMicroliter(decimal value) => From(value, NeutrophilsUnit.ThousandPerMicroliter);

    /// <summary>Creates a value from per microliter.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is impossible (see <see cref="PlausibilityLimits.Neutrophils"/>).</exception>
    public static Neutrophils FromPerMicroliter(decimal value) => From(value, NeutrophilsUnit.PerMicroliter);

    /// <summary>Creates a value in the given unit.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Unknown unit or impossible value.</exception>
    public static Neutrophils From(decimal value, NeutrophilsUnit unit) => new(Units.Create(value, unit, PlausibilityLimits.Neutrophils), value, unit);

    /// <summary>Reads an untrusted value and unit text, adding every problem (coded, with <paramref name="path"/>) to <paramref name="issues"/>.</summary>
    /// <returns>True when the value can be used (possibly with a warning).</returns>
    public static bool TryRead(decimal value, string? unitText, string path, ICollection<InputIssue> issues, [NotNullWhen(true)] out Neutrophils? result)
    {
        if (Units.TryRead(value, unitText, path, PlausibilityLimits.Neutrophils, issues, out var canonical, out var unit))
        {
            result = new Neutrophils(canonical, value, unit);
            return true;
        }

        result = null;
        return false;
    }

    /// <summary>Equal when the canonical values are equal, whatever units were reported.</summary>
    public bool Equals(Neutrophils other) => BillionsPerLiter == other.BillionsPerLiter;

    /// <inheritdoc />
    public override int GetHashCode() => BillionsPerLiter.GetHashCode();

    /// <inheritdoc />
    public int CompareTo(Neutrophils other) => BillionsPerLiter.CompareTo(other.BillionsPerLiter);

    /// <summary>Compares canonical values.</summary>
    public static bool operator <(Neutrophils left, Neutrophils right) => left.CompareTo(right) < 0;

    /// <summary>Compares canonical values.</summary>
    public static bool operator >(Neutrophils left, Neutrophils right) => left.CompareTo(right) > 0;

    /// <summary>Compares canonical values.</summary>
    public static bool operator <=(Neutrophils left, Neutrophils right) => left.CompareTo(right) <= 0;

    /// <summary>Compares canonical values.</summary>
    public static bool operator >=(Neutrophils left, Neutrophils right) => left.CompareTo(right) >= 0;

    /// <inheritdoc />
    public override string ToString() => $"{Breakdown.F(BillionsPerLiter)} {Units.Specs[0].Ucum}";
}
