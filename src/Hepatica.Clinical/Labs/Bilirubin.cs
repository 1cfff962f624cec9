using System.Diagnostics.CodeAnalysis;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Labs;

/// <summary>
/// Total serum bilirubin. Canonical unit mg/dL, the unit MELD and Child-Pugh are published in.
/// Validated once at construction; equality and ordering compare the canonical value only, whatever unit was reported.
/// </summary>
public readonly record struct Bilirubin : IComparable<Bilirubin>
{
    /// <summary>µmol/L per mg/dL for bilirubin: 17.1 (molar mass 584.66 g/mol; 10 000 / 584.66 = 17.10, the factor OPTN, UK NHSBT and SI tables use).</summary>
    public const decimal MicromolesPerLiterPerMilligramPerDeciliter = 17.1m;

    /// <summary>Accepted units and their spellings (see docs/snapshot.md).</summary>
    internal static readonly UnitTable<BilirubinUnit> Units = new(
        "bilirubin",
        false,
        new(BilirubinUnit.MilligramPerDeciliter, "mg/dL", 1m),
        new(BilirubinUnit.MicromolePerLiter, "umol/L", MicromolesPerLiterPerMilligramPerDeciliter, "µmol/L", "μmol/L", "micromol/L"));

    private Bilirubin(decimal canonical, decimal reportedValue, BilirubinUnit reportedUnit)
    {
        MilligramsPerDeciliter = canonical;
        ReportedValue = reportedValue;
        ReportedUnit = reportedUnit;
    }

    /// <summary>The value in the canonical unit.</summary>
    public decimal MilligramsPerDeciliter { get; }

    /// <summary>The value in micromoles per litre: exactly the reported value when it was reported in this unit.</summary>
    public decimal MicromolesPerLiter => ReportedUnit == BilirubinUnit.MicromolePerLiter ? ReportedValue : Units.FromCanonical(MilligramsPerDeciliter, BilirubinUnit.MicromolePerLiter);

    /// <summary>The value as the laboratory reported it, in <see cref="ReportedUnit"/> (provenance and display).</summary>
    public decimal ReportedValue { get; }

    /// <summary>The unit the laboratory reported.</summary>
    public BilirubinUnit ReportedUnit { get; }

    /// <summary>The accepted units in words.</summary>
    public static string AcceptedUnits => Units.Accepted;

    /// <summary>UCUM code of a unit.</summary>
    public static string UcumOf(BilirubinUnit unit) => Units[unit].Ucum;

    /// <summary>Creates a value from milligrams per decilitre.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is impossible (see <see cref="PlausibilityLimits.Bilirubin"/>).</exception>
    public static Bilirubin FromMilligramsPerDeciliter(decimal value) => From(value, BilirubinUnit.MilligramPerDeciliter);

    /// <summary>Creates a value from micromoles per litre.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is impossible (see <see cref="PlausibilityLimits.Bilirubin"/>).</exception>
    public static Bilirubin FromMicromolesPerLiter(decimal value) => From(value, BilirubinUnit.MicromolePerLiter);

    /// <summary>Creates a value in the given unit.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Unknown unit or impossible value.</exception>
    public static Bilirubin From(decimal value, BilirubinUnit unit) => new(Units.Create(value, unit, PlausibilityLimits.Bilirubin), value, unit);

    /// <summary>Reads an untrusted value and unit text, adding every problem (coded, with <paramref name="path"/>) to <paramref name="issues"/>.</summary>
    /// <returns>True when the value can be used (possibly with a warning).</returns>
    public static bool TryRead(decimal value, string? unitText, string path, ICollection<InputIssue> issues, [NotNullWhen(true)] out Bilirubin? result)
    {
        if (Units.TryRead(value, unitText, path, PlausibilityLimits.Bilirubin, issues, out var canonical, out var unit))
        {
            result = new Bilirubin(canonical, value, unit);
            return true;
        }

        result = null;
        return false;
    }

    /// <summary>Equal when the canonical values are equal, whatever units were reported.</summary>
    public bool Equals(Bilirubin other) => MilligramsPerDeciliter == other.MilligramsPerDeciliter;

    /// <inheritdoc />
    public override int GetHashCode() => MilligramsPerDeciliter.GetHashCode();

    /// <inheritdoc />
    public int CompareTo(Bilirubin other) => MilligramsPerDeciliter.CompareTo(other.MilligramsPerDeciliter);

    /// <summary>Compares canonical values.</summary>
    public static bool operator <(Bilirubin left, Bilirubin right) => left.CompareTo(right) < 0;

    /// <summary>Compares canonical values.</summary>
    public static bool operator >(Bilirubin left, Bilirubin right) => left.CompareTo(right) > 0;

    /// <summary>Compares canonical values.</summary>
    public static bool operator <=(Bilirubin left, Bilirubin right) => left.CompareTo(right) <= 0;

    /// <summary>Compares canonical values.</summary>
    public static bool operator >=(Bilirubin left, Bilirubin right) => left.CompareTo(right) >= 0;

    /// <inheritdoc />
    public override string ToString() => $"{Breakdown.F(MilligramsPerDeciliter)} {Units.Specs[0].Ucum}";
}
