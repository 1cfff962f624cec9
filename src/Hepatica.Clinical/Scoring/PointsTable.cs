using System.Collections.Frozen;

namespace Hepatica.Clinical.Scoring;

/// <summary>One answer of a points item, in one row: the selection, how the snapshot spells it, the words a clinician
/// reads in the breakdown, and its points.</summary>
/// <typeparam name="T">The item's enum.</typeparam>
/// <param name="Value">The selection.</param>
/// <param name="Text">The selection as the snapshot JSON spells it (<c>decrease-50-within-8-days</c>).</param>
/// <param name="Words">The selection in words (<c>ALT decrease ≥ 50% within 8 days</c>).</param>
/// <param name="Score">The points it gives.</param>
public sealed record Choice<T>(T Value, string Text, string Words, int Score)
    where T : struct, Enum;

/// <summary>
/// The answers of one points item, one row each. A member of <typeparamref name="T"/> without a row has no points:
/// looking it up throws (a bug), never scores a default; the convention test checks that every member has a row.
/// </summary>
/// <typeparam name="T">The item's enum.</typeparam>
public sealed class PointsTable<T>
    where T : struct, Enum
{
    private readonly FrozenDictionary<T, Choice<T>> byValue;

    /// <summary>A table of rows, in the order the source lists them.</summary>
    /// <exception cref="ArgumentException">A selection or a spelling has two rows.</exception>
    public PointsTable(params Choice<T>[] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.DistinctBy(r => r.Value).Count() != rows.Length || rows.DistinctBy(r => r.Text, StringComparer.Ordinal).Count() != rows.Length)
        {
            throw new ArgumentException($"A {typeof(T).Name} selection or spelling has two rows.", nameof(rows));
        }

        Rows = rows;
        byValue = rows.ToFrozenDictionary(r => r.Value);
    }

    /// <summary>The rows, in the source's order.</summary>
    public IReadOnlyList<Choice<T>> Rows { get; }

    /// <summary>True when <paramref name="value"/> has a row (is on this item's scale).</summary>
    public bool Contains(T value) => byValue.ContainsKey(value);

    /// <summary>The row of <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The selection is not on this table's scale.</exception>
    public Choice<T> this[T value] => byValue.TryGetValue(value, out var row) ? row
        : throw new ArgumentOutOfRangeException(nameof(value), value, $"Not on this scale; one of {string.Join(", ", Rows.Select(r => r.Text))}.");
}
