using System.Diagnostics.CodeAnalysis;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Labs;

/// <summary>
/// Serum sodium. Canonical unit mmol/L (equal to mEq/L for a monovalent ion).
/// Validated once at construction; equality and ordering compare the canonical value only, whatever unit was reported.
/// </summary>
public readonly record struct Sodium : IComparable<Sodium>
{
    /// <summary>mEq per mmol for sodium: 1 (valence 1; exact).</summary>
    public const decimal MilliequivalentsPerMillimole = 1m;

    /// <summary>Accepted units and their spellings (see docs/snapshot.md).</summary>
    internal static readonly UnitTable<SodiumUnit> Units = new(
        "sodium",
        false,
        new(SodiumUnit.MillimolePerLiter, "mmol/L", 1m),
        new(SodiumUnit.MilliequivalentPerLiter, "meq/L", MilliequivalentsPerMillimole, "mEq/L"));

    private Sodium(decimal canonical, decimal reportedValue, SodiumUnit reportedUnit)
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
    public SodiumUnit ReportedUnit { get; }

    /// <summary>The accepted units in words.</summary>
    public static string AcceptedUnits => Units.Accepted;

    /// <summary>UCUM code of a unit.</summary>
    public static string UcumOf(SodiumUnit unit) => Units[unit].Ucum;

    /// <summary>Creates a value from millimoles per litre.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is impossible (see <see cref="PlausibilityLimits.Sodium"/>).</exception>
    public static Sodium FromMillimolesPerLiter(decimal value) => From(value, SodiumUnit.MillimolePerLiter);

    /// <summary>Creates a value from milliequivalents per litre.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is impossible (see <see cref="PlausibilityLimits.Sodium"/>).</exception>
    public static Sodium FromMilliequivalentsPerLiter(decimal value) => From(value, SodiumUnit.MilliequivalentPerLiter);

    /// <summary>Creates a value in the given unit.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Unknown unit or impossible value.</exception>
    public static Sodium From(decimal value, SodiumUnit unit) => new(Units.Create(value, unit, PlausibilityLimits.Sodium), value, unit);

    /// <summary>Reads an untrusted value and unit text, adding every problem (coded, with <paramref name="path"/>) to <paramref name="issues"/>.</summary>
    /// <returns>True when the value can be used (possibly with a warning).</returns>
    public static bool TryRead(decimal value, string? unitText, string path, ICollection<InputIssue> issues, [NotNullWhen(true)] out Sodium? result)
    {
        if (Units.TryRead(value, unitText, path, PlausibilityLimits.Sodium, issues, out var canonical, out var unit))
        {
            result = new Sodium(canonical, value, unit);
            return true;
        }

        result = null;
        return false;
    }

    /// <summary>Equal when the canonical values are equal, whatever units were reported.</summary>
    public bool Equals(Sodium other) => MillimolesPerLiter == other.MillimolesPerLiter;

    /// <inheritdoc />
    public override int GetHashCode() => MillimolesPerLiter.GetHashCode();

    /// <inheritdoc />
    public int CompareTo(Sodium other) => MillimolesPerLiter.CompareTo(other.MillimolesPerLiter);

    /// <summary>Compares canonical values.</summary>
    public static bool operator <(Sodium left, Sodium right) => left.CompareTo(right) < 0;

    /// <summary>Compares canonical values.</summary>
    public static bool operator >(Sodium left, Sodium right) => left.CompareTo(right) > 0;

    /// <summary>Compares canonical values.</summary>
    public static bool operator <=(Sodium left, Sodium right) => left.CompareTo(right) <= 0;

    /// <summary>Compares canonical values.</summary>
    public static bool operator >=(Sodium left, Sodium right) => left.CompareTo(right) >= 0;

    /// <inheritdoc />
    public override string ToString() => $"{Breakdown.F(MillimolesPerLiter)} {Units.Specs[0].Ucum}";
}
