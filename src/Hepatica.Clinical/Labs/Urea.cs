using System.Diagnostics.CodeAnalysis;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Labs;

/// <summary>
/// Serum or plasma urea. Canonical unit mmol/L of urea. Read from <c>labs.urea</c> (mmol/L, or mg/dL of urea as
/// some European laboratories report it) or from <c>labs.bun</c> (blood urea nitrogen, mg/dL as US laboratories report it,
/// or mmol/L); the two mg/dL differ by a factor of 2.14, so the key says which is meant.
/// Validated once at construction; equality and ordering compare the canonical value only, whatever unit was reported.
/// </summary>
public readonly record struct Urea : IComparable<Urea>
{
    /// <summary>mg/dL of urea per mmol/L: 6.006 (molar mass of urea 60.06 g/mol).</summary>
    public const decimal MilligramsPerDeciliterPerMillimolePerLiter = 6.006m;

    /// <summary>mg/dL of urea nitrogen (BUN) per mmol/L of urea: 2.801 (two nitrogen atoms, 2 × 14.007 g/mol; 1 mg/dL BUN = 0.357 mmol/L urea).</summary>
    public const decimal MilligramsNitrogenPerDeciliterPerMillimolePerLiter = 2.801m;

    /// <summary>Accepted units and their spellings (see docs/snapshot.md).</summary>
    internal static readonly UnitTable<UreaUnit> Units = new(
        "urea",
        false,
        new UnitSpec<UreaUnit>(UreaUnit.MillimolePerLiter, "mmol/L", 1m, "mM"),
        new UnitSpec<UreaUnit>(UreaUnit.MilligramPerDeciliter, "mg/dL", MilligramsPerDeciliterPerMillimolePerLiter, "mg/100mL"));

    /// <summary>Accepted units under <c>labs.bun</c>: mg/dL there is urea nitrogen.</summary>
    internal static readonly UnitTable<UreaUnit> BunUnits = new(
        "urea nitrogen (BUN)",
        false,
        new UnitSpec<UreaUnit>(UreaUnit.MilligramNitrogenPerDeciliter, "mg/dL", MilligramsNitrogenPerDeciliterPerMillimolePerLiter, "mg/100mL"),
        new UnitSpec<UreaUnit>(UreaUnit.MillimolePerLiter, "mmol/L", 1m, "mM"));

    private Urea(decimal canonical, decimal reportedValue, UreaUnit reportedUnit)
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
    public UreaUnit ReportedUnit { get; }

    /// <summary>The accepted units in words.</summary>
    public static string AcceptedUnits => Units.Accepted;

    /// <summary>UCUM code of a unit.</summary>
    public static string UcumOf(UreaUnit unit) => unit == UreaUnit.MilligramNitrogenPerDeciliter ? BunUnits[unit].Ucum : Units[unit].Ucum;

    /// <summary>The accepted units of blood urea nitrogen (<c>labs.bun</c>) in words.</summary>
    public static string AcceptedBunUnits => BunUnits.Accepted;

    /// <summary>Creates a value from millimoles per liter.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is impossible (see <see cref="PlausibilityLimits.Urea"/>).</exception>
    public static Urea FromMillimolesPerLiter(decimal value) => From(value, UreaUnit.MillimolePerLiter);

    /// <summary>Creates a value from milligrams per deciliter.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is impossible (see <see cref="PlausibilityLimits.Urea"/>).</exception>
    public static Urea FromMilligramsPerDeciliter(decimal value) => From(value, UreaUnit.MilligramPerDeciliter);

    /// <summary>Creates a value from blood urea nitrogen in milligrams of nitrogen per decilitre.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is impossible (see <see cref="PlausibilityLimits.Urea"/>).</exception>
    public static Urea FromMilligramsNitrogenPerDeciliter(decimal value) => From(value, UreaUnit.MilligramNitrogenPerDeciliter);

    /// <summary>Creates a value in the given unit.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Unknown unit or impossible value.</exception>
    public static Urea From(decimal value, UreaUnit unit) => new((unit == UreaUnit.MilligramNitrogenPerDeciliter ? BunUnits : Units).Create(value, unit, PlausibilityLimits.Urea), value, unit);

    /// <summary>Reads an untrusted value and unit text, adding every problem (coded, with <paramref name="path"/>) to <paramref name="issues"/>.</summary>
    /// <returns>True when the value can be used (possibly with a warning).</returns>
    public static bool TryRead(decimal value, string? unitText, string path, ICollection<InputIssue> issues, [NotNullWhen(true)] out Urea? result)
    {
        if (Units.TryRead(value, unitText, path, PlausibilityLimits.Urea, issues, out var canonical, out var unit))
        {
            result = new Urea(canonical, value, unit);
            return true;
        }

        result = null;
        return false;
    }

    /// <summary>Reads an untrusted blood urea nitrogen value (<c>labs.bun</c>: mg/dL is nitrogen), as <see cref="TryRead"/>.</summary>
    /// <returns>True when the value can be used (possibly with a warning).</returns>
    public static bool TryReadBun(decimal value, string? unitText, string path, ICollection<InputIssue> issues, [NotNullWhen(true)] out Urea? result)
    {
        if (BunUnits.TryRead(value, unitText, path, PlausibilityLimits.Urea, issues, out var canonical, out var unit))
        {
            result = new Urea(canonical, value, unit);
            return true;
        }

        result = null;
        return false;
    }

    /// <summary>Equal when the canonical values are equal, whatever units were reported.</summary>
    public bool Equals(Urea other) => MillimolesPerLiter == other.MillimolesPerLiter;

    /// <inheritdoc />
    public override int GetHashCode() => MillimolesPerLiter.GetHashCode();

    /// <inheritdoc />
    public int CompareTo(Urea other) => MillimolesPerLiter.CompareTo(other.MillimolesPerLiter);

    /// <summary>Compares canonical values.</summary>
    public static bool operator <(Urea left, Urea right) => left.CompareTo(right) < 0;

    /// <summary>Compares canonical values.</summary>
    public static bool operator >(Urea left, Urea right) => left.CompareTo(right) > 0;

    /// <summary>Compares canonical values.</summary>
    public static bool operator <=(Urea left, Urea right) => left.CompareTo(right) <= 0;

    /// <summary>Compares canonical values.</summary>
    public static bool operator >=(Urea left, Urea right) => left.CompareTo(right) >= 0;

    /// <inheritdoc />
    public override string ToString() => $"{Breakdown.F(MillimolesPerLiter)} {Units.Specs[0].Ucum}";
}
