using System.Diagnostics.CodeAnalysis;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Labs;

/// <summary>
/// Serum albumin. Canonical unit g/dL, the unit MELD 3.0 and Child-Pugh are published in (ALBI reads g/L).
/// Validated once at construction; equality and ordering compare the canonical value only, whatever unit was reported.
/// </summary>
public readonly record struct Albumin : IComparable<Albumin>
{
    /// <summary>g/L per g/dL: 10 (1 dL = 0.1 L; exact).</summary>
    public const decimal GramsPerLiterPerGramPerDeciliter = 10m;

    /// <summary>Accepted units and their spellings (see docs/snapshot.md).</summary>
    internal static readonly UnitTable<AlbuminUnit> Units = new(
        "albumin",
        false,
        new(AlbuminUnit.GramPerDeciliter, "g/dL", 1m),
        new(AlbuminUnit.GramPerLiter, "g/L", GramsPerLiterPerGramPerDeciliter));

    private Albumin(decimal canonical, decimal reportedValue, AlbuminUnit reportedUnit)
    {
        GramsPerDeciliter = canonical;
        ReportedValue = reportedValue;
        ReportedUnit = reportedUnit;
    }

    /// <summary>The value in the canonical unit.</summary>
    public decimal GramsPerDeciliter { get; }

    /// <summary>The value in grams per litre: exactly the reported value when it was reported in this unit.</summary>
    public decimal GramsPerLiter => ReportedUnit == AlbuminUnit.GramPerLiter ? ReportedValue : Units.FromCanonical(GramsPerDeciliter, AlbuminUnit.GramPerLiter);

    /// <summary>The value as the laboratory reported it, in <see cref="ReportedUnit"/> (provenance and display).</summary>
    public decimal ReportedValue { get; }

    /// <summary>The unit the laboratory reported.</summary>
    public AlbuminUnit ReportedUnit { get; }

    /// <summary>The accepted units in words.</summary>
    public static string AcceptedUnits => Units.Accepted;

    /// <summary>UCUM code of a unit.</summary>
    public static string UcumOf(AlbuminUnit unit) => Units[unit].Ucum;

    /// <summary>Creates a value from grams per decilitre.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is impossible (see <see cref="PlausibilityLimits.Albumin"/>).</exception>
    public static Albumin FromGramsPerDeciliter(decimal value) => From(value, AlbuminUnit.GramPerDeciliter);

    /// <summary>Creates a value from grams per litre.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is impossible (see <see cref="PlausibilityLimits.Albumin"/>).</exception>
    public static Albumin FromGramsPerLiter(decimal value) => From(value, AlbuminUnit.GramPerLiter);

    /// <summary>Creates a value in the given unit.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Unknown unit or impossible value.</exception>
    public static Albumin From(decimal value, AlbuminUnit unit) => new(Units.Create(value, unit, PlausibilityLimits.Albumin), value, unit);

    /// <summary>Reads an untrusted value and unit text, adding every problem (coded, with <paramref name="path"/>) to <paramref name="issues"/>.</summary>
    /// <returns>True when the value can be used (possibly with a warning).</returns>
    public static bool TryRead(decimal value, string? unitText, string path, ICollection<InputIssue> issues, [NotNullWhen(true)] out Albumin? result)
    {
        if (Units.TryRead(value, unitText, path, PlausibilityLimits.Albumin, issues, out var canonical, out var unit))
        {
            result = new Albumin(canonical, value, unit);
            return true;
        }

        result = null;
        return false;
    }

    /// <summary>Equal when the canonical values are equal, whatever units were reported.</summary>
    public bool Equals(Albumin other) => GramsPerDeciliter == other.GramsPerDeciliter;

    /// <inheritdoc />
    public override int GetHashCode() => GramsPerDeciliter.GetHashCode();

    /// <inheritdoc />
    public int CompareTo(Albumin other) => GramsPerDeciliter.CompareTo(other.GramsPerDeciliter);

    /// <summary>Compares canonical values.</summary>
    public static bool operator <(Albumin left, Albumin right) => left.CompareTo(right) < 0;

    /// <summary>Compares canonical values.</summary>
    public static bool operator >(Albumin left, Albumin right) => left.CompareTo(right) > 0;

    /// <summary>Compares canonical values.</summary>
    public static bool operator <=(Albumin left, Albumin right) => left.CompareTo(right) <= 0;

    /// <summary>Compares canonical values.</summary>
    public static bool operator >=(Albumin left, Albumin right) => left.CompareTo(right) >= 0;

    /// <inheritdoc />
    public override string ToString() => $"{Breakdown.F(GramsPerDeciliter)} {Units.Specs[0].Ucum}";
}
