using System.Diagnostics.CodeAnalysis;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Labs;

/// <summary>
/// A validated laboratory value of one analyte, held in the analyte's canonical unit (the unit its scores are
/// published in) with the value and unit the laboratory reported kept beside it for provenance and display.
/// Validated once by the factories (<see cref="From"/>, <c>TryRead</c>); equality and ordering compare the
/// canonical value only, whatever unit was reported. The analyte is part of the type, so a bilirubin is never
/// accepted where a creatinine is wanted; each closed type has a global alias (<c>Creatinine</c>, <c>Bilirubin</c>, ...
/// in Directory.Build.props) and its named factories and properties are extension members in <c>Analytes.cs</c>.
/// </summary>
/// <typeparam name="TAnalyte">The analyte declaration (units, factors, limits).</typeparam>
/// <typeparam name="TUnit">The analyte's unit enum.</typeparam>
[SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "The factories are reached through the per-analyte aliases (Creatinine.From), where the type arguments are already closed.")]
public readonly struct Lab<TAnalyte, TUnit> : IEquatable<Lab<TAnalyte, TUnit>>, IComparable<Lab<TAnalyte, TUnit>>
    where TAnalyte : IAnalyte<TUnit>
    where TUnit : struct, Enum
{
    private Lab(decimal canonical, decimal reportedValue, TUnit reportedUnit)
    {
        Canonical = canonical;
        ReportedValue = reportedValue;
        ReportedUnit = reportedUnit;
    }

    /// <summary>The value in the canonical unit.</summary>
    public decimal Canonical { get; }

    /// <summary>The value as the laboratory reported it, in <see cref="ReportedUnit"/> (provenance and display).</summary>
    public decimal ReportedValue { get; }

    /// <summary>The unit the laboratory reported.</summary>
    public TUnit ReportedUnit { get; }

    /// <summary>The accepted units in words.</summary>
    public static string AcceptedUnits => TAnalyte.Units.Accepted;

    /// <summary>The value in <paramref name="unit"/>: exactly the reported value when it was reported in that unit.</summary>
    public decimal In(TUnit unit) =>
        EqualityComparer<TUnit>.Default.Equals(ReportedUnit, unit) ? ReportedValue : TAnalyte.Units.FromCanonical(Canonical, unit);

    /// <summary>Creates a value in the given unit (trusted input: a bug in the caller throws).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Unknown unit or impossible value (see the analyte's limits).</exception>
    public static Lab<TAnalyte, TUnit> From(decimal value, TUnit unit) => new(TAnalyte.Units.Create(value, unit, TAnalyte.Limits), value, unit);

    /// <summary>Reads an untrusted value and unit text, adding every problem (coded, with <paramref name="path"/>) to <paramref name="issues"/>.</summary>
    /// <returns>True when the value can be used (possibly with a warning).</returns>
    public static bool TryRead(decimal value, string? unitText, string path, ICollection<InputIssue> issues, [NotNullWhen(true)] out Lab<TAnalyte, TUnit>? result) =>
        TryRead(TAnalyte.Units, value, unitText, path, issues, out result);

    /// <summary>As <see cref="TryRead(decimal, string?, string, ICollection{InputIssue}, out Lab{TAnalyte, TUnit}?)"/>, reading the unit text with <paramref name="units"/> (urea under <c>labs.bun</c>).</summary>
    internal static bool TryRead(UnitTable<TUnit> units, decimal value, string? unitText, string path, ICollection<InputIssue> issues, [NotNullWhen(true)] out Lab<TAnalyte, TUnit>? result)
    {
        if (units.TryRead(value, unitText, path, TAnalyte.Limits, issues, out var canonical, out var unit))
        {
            result = new Lab<TAnalyte, TUnit>(canonical, value, unit);
            return true;
        }

        result = null;
        return false;
    }

    /// <summary>Equal when the canonical values are equal, whatever units were reported.</summary>
    public bool Equals(Lab<TAnalyte, TUnit> other) => Canonical == other.Canonical;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Lab<TAnalyte, TUnit> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Canonical.GetHashCode();

    /// <inheritdoc />
    public int CompareTo(Lab<TAnalyte, TUnit> other) => Canonical.CompareTo(other.Canonical);

    /// <summary>Equal canonical values.</summary>
    public static bool operator ==(Lab<TAnalyte, TUnit> left, Lab<TAnalyte, TUnit> right) => left.Equals(right);

    /// <summary>Different canonical values.</summary>
    public static bool operator !=(Lab<TAnalyte, TUnit> left, Lab<TAnalyte, TUnit> right) => !left.Equals(right);

    /// <summary>Compares canonical values.</summary>
    public static bool operator <(Lab<TAnalyte, TUnit> left, Lab<TAnalyte, TUnit> right) => left.CompareTo(right) < 0;

    /// <summary>Compares canonical values.</summary>
    public static bool operator >(Lab<TAnalyte, TUnit> left, Lab<TAnalyte, TUnit> right) => left.CompareTo(right) > 0;

    /// <summary>Compares canonical values.</summary>
    public static bool operator <=(Lab<TAnalyte, TUnit> left, Lab<TAnalyte, TUnit> right) => left.CompareTo(right) <= 0;

    /// <summary>Compares canonical values.</summary>
    public static bool operator >=(Lab<TAnalyte, TUnit> left, Lab<TAnalyte, TUnit> right) => left.CompareTo(right) >= 0;

    /// <summary>The canonical value and unit, e.g. "1.2 mg/dL".</summary>
    public override string ToString() => $"{Breakdown.F(Canonical)} {TAnalyte.Units.Specs[0].Ucum}";
}
