using System.Diagnostics.CodeAnalysis;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Labs;

/// <summary>
/// Serum immunoglobulin G (also used for its upper limit of normal). Canonical unit g/L; mg/dL accepted (÷ 100).
/// The IAIHG simplified criteria compare it with the laboratory's upper limit only, so the unit never changes a point.
/// Validated once at construction; equality and ordering compare the canonical value only, whatever unit was reported.
/// </summary>
public readonly record struct ImmunoglobulinG : IComparable<ImmunoglobulinG>
{
    /// <summary>mg/dL per g/L: 100 (1 g/L = 1000 mg / 10 dL; exact).</summary>
    public const decimal MilligramsPerDeciliterPerGramPerLiter = 100m;

    /// <summary>Accepted units and their spellings (see docs/snapshot.md).</summary>
    internal static readonly UnitTable<ImmunoglobulinGUnit> Units = new(
        "IgG",
        false,
        new(ImmunoglobulinGUnit.GramPerLiter, "g/L", 1m),
        new(ImmunoglobulinGUnit.MilligramPerDeciliter, "mg/dL", MilligramsPerDeciliterPerGramPerLiter));

    private ImmunoglobulinG(decimal canonical, decimal reportedValue, ImmunoglobulinGUnit reportedUnit)
    {
        GramsPerLiter = canonical;
        ReportedValue = reportedValue;
        ReportedUnit = reportedUnit;
    }

    /// <summary>The value in the canonical unit.</summary>
    public decimal GramsPerLiter { get; }

    /// <summary>The value in milligrams per decilitre: exactly the reported value when it was reported in this unit.</summary>
    public decimal MilligramsPerDeciliter => ReportedUnit == ImmunoglobulinGUnit.MilligramPerDeciliter ? ReportedValue : Units.FromCanonical(GramsPerLiter, ImmunoglobulinGUnit.MilligramPerDeciliter);

    /// <summary>The value as the laboratory reported it, in <see cref="ReportedUnit"/> (provenance and display).</summary>
    public decimal ReportedValue { get; }

    /// <summary>The unit the laboratory reported.</summary>
    public ImmunoglobulinGUnit ReportedUnit { get; }

    /// <summary>The accepted units in words.</summary>
    public static string AcceptedUnits => Units.Accepted;

    /// <summary>UCUM code of a unit.</summary>
    public static string UcumOf(ImmunoglobulinGUnit unit) => Units[unit].Ucum;

    /// <summary>Creates a value from grams per litre.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is impossible (see <see cref="PlausibilityLimits.ImmunoglobulinG"/>).</exception>
    public static ImmunoglobulinG FromGramsPerLiter(decimal value) => From(value, ImmunoglobulinGUnit.GramPerLiter);

    /// <summary>Creates a value from milligrams per decilitre.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is impossible (see <see cref="PlausibilityLimits.ImmunoglobulinG"/>).</exception>
    public static ImmunoglobulinG FromMilligramsPerDeciliter(decimal value) => From(value, ImmunoglobulinGUnit.MilligramPerDeciliter);

    /// <summary>Creates a value in the given unit.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Unknown unit or impossible value.</exception>
    public static ImmunoglobulinG From(decimal value, ImmunoglobulinGUnit unit) => new(Units.Create(value, unit, PlausibilityLimits.ImmunoglobulinG), value, unit);

    /// <summary>Reads an untrusted value and unit text, adding every problem (coded, with <paramref name="path"/>) to <paramref name="issues"/>.</summary>
    /// <returns>True when the value can be used (possibly with a warning).</returns>
    public static bool TryRead(decimal value, string? unitText, string path, ICollection<InputIssue> issues, [NotNullWhen(true)] out ImmunoglobulinG? result)
    {
        if (Units.TryRead(value, unitText, path, PlausibilityLimits.ImmunoglobulinG, issues, out var canonical, out var unit))
        {
            result = new ImmunoglobulinG(canonical, value, unit);
            return true;
        }

        result = null;
        return false;
    }

    /// <summary>Equal when the canonical values are equal, whatever units were reported.</summary>
    public bool Equals(ImmunoglobulinG other) => GramsPerLiter == other.GramsPerLiter;

    /// <inheritdoc />
    public override int GetHashCode() => GramsPerLiter.GetHashCode();

    /// <inheritdoc />
    public int CompareTo(ImmunoglobulinG other) => GramsPerLiter.CompareTo(other.GramsPerLiter);

    /// <summary>Compares canonical values.</summary>
    public static bool operator <(ImmunoglobulinG left, ImmunoglobulinG right) => left.CompareTo(right) < 0;

    /// <summary>Compares canonical values.</summary>
    public static bool operator >(ImmunoglobulinG left, ImmunoglobulinG right) => left.CompareTo(right) > 0;

    /// <summary>Compares canonical values.</summary>
    public static bool operator <=(ImmunoglobulinG left, ImmunoglobulinG right) => left.CompareTo(right) <= 0;

    /// <summary>Compares canonical values.</summary>
    public static bool operator >=(ImmunoglobulinG left, ImmunoglobulinG right) => left.CompareTo(right) >= 0;

    /// <inheritdoc />
    public override string ToString() => $"{Breakdown.F(GramsPerLiter)} {Units.Specs[0].Ucum}";
}
