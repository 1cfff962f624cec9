using System.Text;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Cli.Tables;

/// <summary>What a table cell holds (docs/tables.md, "Column dictionary").</summary>
internal enum CellType
{
    /// <summary>UTF-8 text; in Parquet a <c>BYTE_ARRAY</c> string.</summary>
    Text,

    /// <summary>A whole number; in Parquet <c>INT64</c>.</summary>
    Integer,

    /// <summary>A score value as the JSON record gives it; in Parquet <c>DOUBLE</c> (the nearest double), in CSV the record's exact decimal text.</summary>
    Number,
}

/// <summary>One column: its stable name, what it holds, and the score it belongs to (null for the record's own columns).</summary>
internal sealed record TableColumn(string Name, CellType Type, string Description, string? ScoreId = null);

/// <summary>
/// The columns of <c>--output csv</c> and <c>--output parquet</c> (docs/tables.md): the record's provenance, then
/// for each score asked for, in catalog order, the same eleven columns named <c>{stem}_{field}</c>, where the stem is
/// the score id with every character other than a-z and 0-9 replaced by <c>_</c> (<c>meld-3.0</c>: <c>meld_3_0</c>).
/// Names are stable: a column is never renamed or reordered within one <see cref="Version"/>; new scores add columns.
/// One row per input line (<c>batch</c>) or per patient (<c>bulk</c>), exactly as the JSON Lines output has records.
/// </summary>
internal sealed class TableLayout
{
    /// <summary>The column dictionary's version, written into every Parquet file (<c>hepatica.columns</c>).</summary>
    public const string Version = "1";

    /// <summary>The separator of a list held in one cell (missing inputs, issue codes): never part of a path or a code.</summary>
    public const char ListSeparator = ';';

    /// <summary>The record's own columns, before the scores'.</summary>
    public static readonly IReadOnlyList<TableColumn> RecordColumns =
    [
        new("line", CellType.Integer, "The input line the row is for (`batch`); empty for `bulk`, whose rows are patients."),
        new("id", CellType.Text, "The snapshot's `id` (`batch`) or the Patient id (`bulk`); empty when the line had none or could not be read."),
        new("record_status", CellType.Text, "`ok`, `input-errors` (some values unusable; the scores use the rest) or `error` (nothing could be read: every score column is empty)."),
        new("engine_version", CellType.Text, "The Hepatica engine version that computed the row."),
        new("as_of", CellType.Text, "What the row is assessed as of, exactly the JSON record's `asOf`: an instant (`2026-12-01T00:00:00Z`) or, from a snapshot's `assessmentDate`, a date (`2026-11-20`); `CAST(as_of AS TIMESTAMPTZ)` in DuckDB where it is an instant."),
        new("as_of_source", CellType.Text, "Where `as_of` came from: `assessmentDate` (the snapshot's), `fhir-as-of` (`--as-of`) or `run-time` (`--issued` or now) (docs/output.md)."),
        new("profile", CellType.Text, "The guideline profile (`us` or `uk`); empty when the line could not be read."),
        new("allocation_score", CellType.Text, "The id of the profile's allocation (under `uk`: listing) score."),
        new("error_count", CellType.Integer, "Input issues of severity error (values not used)."),
        new("warning_count", CellType.Integer, "Input issues of severity warning (values used, with a caution)."),
        new("error_codes", CellType.Text, "The error codes, `;`-separated, in the record's order (docs/snapshot.md, \"Issues\")."),
        new("warning_codes", CellType.Text, "The warning codes, `;`-separated, in the record's order."),
    ];

    /// <summary>The fields every score has, in column order: (suffix, type, description).</summary>
    public static readonly IReadOnlyList<(string Suffix, CellType Type, string Description)> ScoreFields =
    [
        ("status", CellType.Text, "`calculated`, `range` (a small-domain finding was not given; see minimum and maximum), `not-calculable` (see missing) or `not-applicable` (outside the score's population)."),
        ("value", CellType.Number, "The value as the source reports it (rounded and bounded as the source says), when calculated."),
        ("unrounded", CellType.Number, "The value before the final rounding and bounds, to 6 decimals, where the source rounds."),
        ("category", CellType.Text, "The category or interpretation the source defines, when calculated."),
        ("minimum", CellType.Number, "The lowest value over the values the missing findings can take, when a range."),
        ("maximum", CellType.Number, "The highest value over the values the missing findings can take, when a range."),
        ("minimum_category", CellType.Text, "The category of the minimum, when a range and the score has categories."),
        ("maximum_category", CellType.Text, "The category of the maximum, when a range and the score has categories."),
        ("settled_by", CellType.Text, "The missing findings that would settle a range, `;`-separated snapshot paths."),
        ("missing", CellType.Text, "The missing or unusable inputs of a not-calculable score, `;`-separated snapshot paths (the flag: empty when nothing is missing)."),
        ("warnings", CellType.Text, "The score's own warning codes (population gates, assumptions), `;`-separated."),
    ];

    private TableLayout(IReadOnlyList<CatalogEntry> scores)
    {
        Scores = scores;
        var columns = new List<TableColumn>(RecordColumns);
        foreach (var entry in scores)
        {
            var stem = Stem(entry.Definition.Id);
            columns.AddRange(ScoreFields.Select(f => new TableColumn($"{stem}_{f.Suffix}", f.Type, f.Description, entry.Definition.Id)));
        }

        var clash = columns.GroupBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
        {
            throw new InvalidOperationException($"Two scores give the column name {clash.Key}: rename one id (docs/tables.md).");
        }

        Columns = columns;
    }

    /// <summary>The scores, in column order.</summary>
    public IReadOnlyList<CatalogEntry> Scores { get; }

    /// <summary>Every column, in order.</summary>
    public IReadOnlyList<TableColumn> Columns { get; }

    /// <summary>The layout for the scores a run computes (null: the whole catalog).</summary>
    public static TableLayout For(IReadOnlyList<CatalogEntry>? scores) => new(scores ?? ScoreCatalog.All);

    /// <summary>A score id as a column-name stem: lower case, every character other than a-z and 0-9 replaced by <c>_</c>.</summary>
    public static string Stem(string scoreId)
    {
        ArgumentNullException.ThrowIfNull(scoreId);
        var b = new StringBuilder(scoreId.Length);
        foreach (var c in scoreId.ToLowerInvariant())
        {
            b.Append(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') ? c : '_');
        }

        return b.ToString();
    }

    /// <summary>The column dictionary of this layout as Markdown (docs/tables.md holds the one of the whole catalog).</summary>
    public string Dictionary()
    {
        var b = new StringBuilder();
        b.Append("| column | type | holds |\n|---|---|---|\n");
        foreach (var c in RecordColumns)
        {
            b.Append(CultureInvariant($"| `{c.Name}` | {TypeName(c.Type)} | {c.Description} |\n"));
        }

        b.Append("\nEach score has these eleven columns, `{stem}_{field}`:\n\n| field | type | holds |\n|---|---|---|\n");
        foreach (var (suffix, type, description) in ScoreFields)
        {
            b.Append(CultureInvariant($"| `{suffix}` | {TypeName(type)} | {description} |\n"));
        }

        b.Append("\nThe scores, in column order (stem, score id, name, version):\n\n| stem | score | name | version |\n|---|---|---|---|\n");
        foreach (var e in Scores)
        {
            b.Append(CultureInvariant($"| `{Stem(e.Definition.Id)}` | `{e.Definition.Id}` | {e.Definition.Name} | {e.Definition.Version} |\n"));
        }

        return b.ToString();
    }

    /// <summary>How docs/tables.md names a cell type.</summary>
    public static string TypeName(CellType type) => type switch
    {
        CellType.Text => "text",
        CellType.Integer => "integer (INT64)",
        CellType.Number => "number (DOUBLE; CSV: exact decimal text)",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    private static string CultureInvariant(FormattableString s) => FormattableString.Invariant(s);
}
