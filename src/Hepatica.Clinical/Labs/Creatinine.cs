using System.Diagnostics.CodeAnalysis;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Labs;

/// <summary>
/// Serum creatinine. Canonical unit mg/dL, the unit the MELD family is published in.
/// Validated once at construction; equality and ordering compare the canonical value only, whatever unit was reported.
/// </summary>
public readonly record struct Creatinine : IComparable<Creatinine>
{
    /// <summary>µmol/L per mg/dL for creatinine: 88.4 (molar mass 113.12 g/mol; 10 000 / 113.12 = 88.40; KDIGO 2012 and SI conversion tables).</summary>
    public const decimal MicromolesPerLiterPerMilligramPerDeciliter = 88.4m;

    /// <summary>Accepted units and their spellings (see docs/snapshot.md).</summary>
    internal static readonly UnitTable<CreatinineUnit> Units = new(
        "creatinine",
        false,
        new(CreatinineUnit.MilligramPerDeciliter, "mg/dL", 1m),
        new(CreatinineUnit.MicromolePerLiter, "umol/L", MicromolesPerLiterPerMilligramPerDeciliter, "µmol/L", "μmol/L", "micromol/L"));

    private Creatinine(decimal canonical, decimal reportedValue, CreatinineUnit reportedUnit)
    {
        MilligramsPerDeciliter = canonical;
        ReportedValue = reportedValue;
        ReportedUnit = reportedUnit;
    }

    /// <summary>The value in the canonical unit.</summary>
    public decimal MilligramsPerDeciliter { get; }

    /// <summary>The value in micromoles per litre: exactly the reported value when it was reported in this unit.</summary>
    public decimal MicromolesPerLiter => ReportedUnit == CreatinineUnit.MicromolePerLiter ? ReportedValue : Units.FromCanonical(MilligramsPerDeciliter, CreatinineUnit.MicromolePerLiter);

    /// <summary>The value as the laboratory reported it, in <see cref="ReportedUnit"/> (provenance and display).</summary>
    public decimal ReportedValue { get; }

    /// <summary>The unit the laboratory reported.</summary>
    public CreatinineUnit ReportedUnit { get; }

    /// <summary>The accepted units in words.</summary>
    public static string AcceptedUnits => Units.Accepted;

    /// <summary>UCUM code of a unit.</summary>
    public static string UcumOf(CreatinineUnit unit) => Units[unit].Ucum;

    /// <summary>Creates a value from milligrams per decilitre.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is impossible (see <see cref="PlausibilityLimits.Creatinine"/>).</exception>
    public static Creatinine FromMilligramsPerDeciliter(decimal value) => From(value, CreatinineUnit.MilligramPerDeciliter);

    /// <summary>Creates a value from micromoles per litre.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is impossible (see <see cref="PlausibilityLimits.Creatinine"/>).</exception>
    public static Creatinine FromMicromolesPerLiter(decimal value) => From(value, CreatinineUnit.MicromolePerLiter);

    /// <summary>Creates a value in the given unit.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Unknown unit or impossible value.</exception>
    public static Creatinine From(decimal value, CreatinineUnit unit) => new(Units.Create(value, unit, PlausibilityLimits.Creatinine), value, unit);

    /// <summary>Reads an untrusted value and unit text, adding every problem (coded, with <paramref name="path"/>) to <paramref name="issues"/>.</summary>
    /// <returns>True when the value can be used (possibly with a warning).</returns>
    public static bool TryRead(decimal value, string? unitText, string path, ICollection<InputIssue> issues, [NotNullWhen(true)] out Creatinine? result)
    {
        if (Units.TryRead(value, unitText, path, PlausibilityLimits.Creatinine, issues, out var canonical, out var unit))
        {
            result = new Creatinine(canonical, value, unit);
            return true;
        }

        result = null;
        return false;
    }

    /// <summary>Equal when the canonical values are equal, whatever units were reported.</summary>
    public bool Equals(Creatinine other) => MilligramsPerDeciliter == other.MilligramsPerDeciliter;

    /// <inheritdoc />
    public override int GetHashCode() => MilligramsPerDeciliter.GetHashCode();

    /// <inheritdoc />
    public int CompareTo(Creatinine other) => MilligramsPerDeciliter.CompareTo(other.MilligramsPerDeciliter);

    /// <summary>Compares canonical values.</summary>
    public static bool operator <(Creatinine left, Creatinine right) => left.CompareTo(right) < 0;

    /// <summary>Compares canonical values.</summary>
    public static bool operator >(Creatinine left, Creatinine right) => left.CompareTo(right) > 0;

    /// <summary>Compares canonical values.</summary>
    public static bool operator <=(Creatinine left, Creatinine right) => left.CompareTo(right) <= 0;

    /// <summary>Compares canonical values.</summary>
    public static bool operator >=(Creatinine left, Creatinine right) => left.CompareTo(right) >= 0;

    /// <inheritdoc />
    public override string ToString() => $"{Breakdown.F(MilligramsPerDeciliter)} {Units.Specs[0].Ucum}";
}
