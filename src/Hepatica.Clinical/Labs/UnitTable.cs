using System.Collections.Frozen;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Labs;

/// <summary>One accepted unit of an analyte: its UCUM code, how many of it make one canonical unit, and the
/// spellings people type for it.</summary>
/// <typeparam name="TUnit">The analyte's unit enum.</typeparam>
/// <param name="Unit">The enum member.</param>
/// <param name="Ucum">The UCUM code, shown first in messages.</param>
/// <param name="PerCanonicalUnit">How many of this unit equal one canonical unit (1 for the canonical unit itself).</param>
/// <param name="Spellings">Other accepted spellings (matched ignoring case, spaces, and µ/μ/u).</param>
public sealed record UnitSpec<TUnit>(TUnit Unit, string Ucum, decimal PerCanonicalUnit, params string[] Spellings)
    where TUnit : struct, Enum;

/// <summary>The accepted units of one analyte and the spellings that name them.</summary>
/// <typeparam name="TUnit">The analyte's unit enum.</typeparam>
public sealed class UnitTable<TUnit>
    where TUnit : struct, Enum
{
    private readonly FrozenDictionary<string, UnitSpec<TUnit>> bySpelling;
    private readonly FrozenDictionary<string, UnitSpec<TUnit>>.AlternateLookup<ReadOnlySpan<char>> lookup;
    private readonly FrozenDictionary<TUnit, UnitSpec<TUnit>> byUnit;

    /// <summary>A table of the units read from text.</summary>
    /// <param name="analyte">Display name of the analyte, used in messages.</param>
    /// <param name="unitless">True when the value may be given without a unit (a ratio).</param>
    /// <param name="specs">The units, canonical first.</param>
    /// <exception cref="ArgumentException">One spelling names two units.</exception>
    public UnitTable(string analyte, bool unitless, params UnitSpec<TUnit>[] specs)
        : this(analyte, specs, [], unitless)
    {
    }

    /// <summary>A table of the units read from text plus units known by value only (urea's BUN mg/dL, read under its own key).</summary>
    /// <param name="analyte">Display name of the analyte, used in messages.</param>
    /// <param name="specs">The units read from text, canonical first.</param>
    /// <param name="notReadFromText">Units a value may carry that this table's spellings do not name.</param>
    /// <param name="unitless">True when the value may be given without a unit (a ratio).</param>
    /// <exception cref="ArgumentException">One spelling names two units.</exception>
    public UnitTable(string analyte, UnitSpec<TUnit>[] specs, UnitSpec<TUnit>[] notReadFromText, bool unitless = false)
    {
        ArgumentNullException.ThrowIfNull(specs);
        ArgumentNullException.ThrowIfNull(notReadFromText);
        Analyte = analyte;
        Unitless = unitless;
        Specs = specs;
        var spellings = new Dictionary<string, UnitSpec<TUnit>>(StringComparer.Ordinal);
        foreach (var spec in specs)
        {
            foreach (var spelling in spec.Spellings.Prepend(spec.Ucum))
            {
                var key = Normalize(spelling);
                if (!spellings.TryAdd(key, spec) && !ReferenceEquals(spellings[key], spec))
                {
                    throw new ArgumentException($"Spelling '{spelling}' names two units of {analyte}.", nameof(specs));
                }
            }
        }

        bySpelling = spellings.ToFrozenDictionary(StringComparer.Ordinal);
        lookup = bySpelling.GetAlternateLookup<ReadOnlySpan<char>>();
        byUnit = specs.Concat(notReadFromText).ToFrozenDictionary(s => s.Unit);
        Accepted = string.Join(", ", specs.Select(s => s.Spellings.Length == 0 ? s.Ucum : $"{s.Ucum} ({string.Join(", ", s.Spellings)})"));
    }

    /// <summary>Display name of the analyte, used in messages.</summary>
    public string Analyte { get; }

    /// <summary>True when the analyte is a ratio that may be given without a unit (INR).</summary>
    public bool Unitless { get; }

    /// <summary>The accepted units, canonical first.</summary>
    public IReadOnlyList<UnitSpec<TUnit>> Specs { get; }

    /// <summary>The accepted units in words, for messages and documentation.</summary>
    public string Accepted { get; }

    /// <summary>The canonical unit (the first entry).</summary>
    public TUnit Canonical => Specs[0].Unit;

    /// <summary>The entry of a unit.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not one of this analyte's units.</exception>
    public UnitSpec<TUnit> this[TUnit unit] =>
        byUnit.TryGetValue(unit, out var spec) ? spec : throw new ArgumentOutOfRangeException(nameof(unit), unit, $"Accepted: {Accepted}.");

    /// <summary>The unit a text names (ignoring case, spaces and µ/μ/u); no text names the canonical unit of a unitless analyte.</summary>
    public bool TryParse(string? text, out TUnit unit)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            unit = Canonical;
            return Unitless;
        }

        // Normalised in a stack buffer and looked up by span: no allocation for the units people actually send.
        Span<char> buffer = stackalloc char[MaxSpellingLength];
        if (Normalize(text, buffer) is { } length && lookup.TryGetValue(buffer[..length], out var spec))
        {
            unit = spec.Unit;
            return true;
        }

        unit = default;
        return false;
    }

    /// <summary>Converts a value in <paramref name="unit"/> to the canonical unit, exactly in decimal arithmetic.</summary>
    public decimal ToCanonical(decimal value, TUnit unit) => value / this[unit].PerCanonicalUnit;

    /// <summary>Converts a canonical value to <paramref name="unit"/>.</summary>
    public decimal FromCanonical(decimal canonical, TUnit unit) => canonical * this[unit].PerCanonicalUnit;

    /// <summary>Converts and range-checks a trusted value; throws on an impossible one (a bug in the caller).</summary>
    public decimal Create(decimal value, TUnit unit, LabLimits limits)
    {
        var canonical = ToCanonical(value, unit);
        if (limits.Check(canonical, value, this[unit].Ucum) is { Severity: IssueSeverity.Error } issue)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, issue.Message);
        }

        return canonical;
    }

    /// <summary>
    /// Reads an untrusted value and unit text. Adds every problem to <paramref name="issues"/>; returns false when
    /// the value cannot be used.
    /// </summary>
    public bool TryRead(decimal value, string? unitText, string path, LabLimits limits, ICollection<InputIssue> issues, out decimal canonical, out TUnit unit)
    {
        canonical = 0m;
        if (!TryParse(unitText, out unit))
        {
            issues.Add(string.IsNullOrWhiteSpace(unitText)
                ? InputIssue.Error(IssueCodes.MissingUnit, path + ".unit", $"{Analyte} {Breakdown.F(value)} has no unit. Accepted units: {Accepted}.")
                : InputIssue.Error(IssueCodes.UnknownUnit, path + ".unit", $"'{unitText}' is not an accepted unit for {Analyte}. Accepted units: {Accepted}."));
            return false;
        }

        var converted = ToCanonical(value, unit);
        if (limits.Check(converted, value, this[unit].Ucum) is { } issue)
        {
            issues.Add(issue with { Path = path + ".value" });
            if (issue.Severity == IssueSeverity.Error)
            {
                return false;
            }
        }

        canonical = converted;
        return true;
    }

    private const int MaxSpellingLength = 32;

    private static string Normalize(string text)
    {
        Span<char> buffer = stackalloc char[MaxSpellingLength];
        return Normalize(text, buffer) is { } length
            ? new string(buffer[..length])
            : throw new ArgumentException($"Unit spelling '{text}' is longer than {MaxSpellingLength} characters.", nameof(text));
    }

    /// <summary>Upper-cases, drops white space and maps µ/μ to U and × to X; null when longer than the buffer.</summary>
    private static int? Normalize(ReadOnlySpan<char> text, Span<char> buffer)
    {
        var n = 0;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            if (n == buffer.Length)
            {
                return null;
            }

            buffer[n++] = c switch
            {
                'µ' or 'μ' => 'U',
                '×' => 'X',
                _ => char.ToUpperInvariant(c),
            };
        }

        return n;
    }
}
