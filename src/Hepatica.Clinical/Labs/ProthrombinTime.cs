using System.Diagnostics.CodeAnalysis;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Labs;

/// <summary>
/// Prothrombin time (the patient's, or the laboratory's control/mean normal time). Canonical unit seconds (UCUM s).
/// Validated once at construction; equality and ordering compare the canonical value only, whatever unit was reported.
/// </summary>
public readonly record struct ProthrombinTime : IComparable<ProthrombinTime>
{
    /// <summary>Accepted units and their spellings (see docs/snapshot.md).</summary>
    internal static readonly UnitTable<ProthrombinTimeUnit> Units = new(
        "prothrombin time",
        false,
        new UnitSpec<ProthrombinTimeUnit>(ProthrombinTimeUnit.Second, "s", 1m, "sec", "second", "seconds"));

    private ProthrombinTime(decimal canonical, decimal reportedValue, ProthrombinTimeUnit reportedUnit)
    {
        Seconds = canonical;
        ReportedValue = reportedValue;
        ReportedUnit = reportedUnit;
    }

    /// <summary>The value in the canonical unit.</summary>
    public decimal Seconds { get; }

    /// <summary>The value as the laboratory reported it, in <see cref="ReportedUnit"/> (provenance and display).</summary>
    public decimal ReportedValue { get; }

    /// <summary>The unit the laboratory reported.</summary>
    public ProthrombinTimeUnit ReportedUnit { get; }

    /// <summary>The accepted units in words.</summary>
    public static string AcceptedUnits => Units.Accepted;

    /// <summary>UCUM code of a unit.</summary>
    public static string UcumOf(ProthrombinTimeUnit unit) => Units[unit].Ucum;

    /// <summary>Creates a value from seconds.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is impossible (see <see cref="PlausibilityLimits.ProthrombinTime"/>).</exception>
    public static ProthrombinTime FromSeconds(decimal value) => From(value, ProthrombinTimeUnit.Second);

    /// <summary>Creates a value in the given unit.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Unknown unit or impossible value.</exception>
    public static ProthrombinTime From(decimal value, ProthrombinTimeUnit unit) => new(Units.Create(value, unit, PlausibilityLimits.ProthrombinTime), value, unit);

    /// <summary>Reads an untrusted value and unit text, adding every problem (coded, with <paramref name="path"/>) to <paramref name="issues"/>.</summary>
    /// <returns>True when the value can be used (possibly with a warning).</returns>
    public static bool TryRead(decimal value, string? unitText, string path, ICollection<InputIssue> issues, [NotNullWhen(true)] out ProthrombinTime? result)
    {
        if (Units.TryRead(value, unitText, path, PlausibilityLimits.ProthrombinTime, issues, out var canonical, out var unit))
        {
            result = new ProthrombinTime(canonical, value, unit);
            return true;
        }

        result = null;
        return false;
    }

    /// <summary>Equal when the canonical values are equal, whatever units were reported.</summary>
    public bool Equals(ProthrombinTime other) => Seconds == other.Seconds;

    /// <inheritdoc />
    public override int GetHashCode() => Seconds.GetHashCode();

    /// <inheritdoc />
    public int CompareTo(ProthrombinTime other) => Seconds.CompareTo(other.Seconds);

    /// <summary>Compares canonical values.</summary>
    public static bool operator <(ProthrombinTime left, ProthrombinTime right) => left.CompareTo(right) < 0;

    /// <summary>Compares canonical values.</summary>
    public static bool operator >(ProthrombinTime left, ProthrombinTime right) => left.CompareTo(right) > 0;

    /// <summary>Compares canonical values.</summary>
    public static bool operator <=(ProthrombinTime left, ProthrombinTime right) => left.CompareTo(right) <= 0;

    /// <summary>Compares canonical values.</summary>
    public static bool operator >=(ProthrombinTime left, ProthrombinTime right) => left.CompareTo(right) >= 0;

    /// <inheritdoc />
    public override string ToString() => $"{Breakdown.F(Seconds)} {Units.Specs[0].Ucum}";
}
