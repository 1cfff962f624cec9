using System.Text.Json;
using Hepatica.Clinical;
using Hepatica.Clinical.Scoring;
using Hepatica.Json;

namespace Hepatica.Cli.Tables;

/// <summary>
/// Writes one table row as a JSON array of cells in <see cref="TableLayout.Columns"/> order: null, a string, or a number
/// written exactly as the JSON record writes it (<see cref="AssessmentWriter.FormatNumber"/>). Workers write rows in
/// parallel, in the same places JSON records go; <see cref="TableOutput"/> turns the row lines into CSV or Parquet, so
/// the table holds the same values as the JSON Lines output of the same run by construction.
/// </summary>
internal static class TableRows
{
    /// <summary>The row of one assessment.</summary>
    public static void Write(Utf8JsonWriter w, TableLayout layout, Assessment assessment, AsOf asOf, long? line)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(asOf);
        var issues = assessment.Snapshot.Issues;
        w.WriteStartArray();
        WriteRecordCells(w, line, assessment.Snapshot.Id, AssessmentWriter.StatusName(assessment), asOf, GuidelineProfiles.IdOf(assessment.Profile), assessment.Allocation.ScoreId, issues);
        foreach (var entry in layout.Scores)
        {
            var outcome = assessment.Outcome(entry.Definition);
            if (outcome is null)
            {
                WriteNulls(w, TableLayout.ScoreFields.Count);
                continue;
            }

            WriteScore(w, outcome);
        }

        w.WriteEndArray();
    }

    /// <summary>The row of a line or patient that could not be read: the record's columns, every score column empty.</summary>
    public static void WriteUnreadable(Utf8JsonWriter w, TableLayout layout, IReadOnlyList<InputIssue> issues, AsOf asOf, long? line, string? id = null)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(layout);
        w.WriteStartArray();
        WriteRecordCells(w, line, id, "error", asOf, null, null, issues);
        WriteNulls(w, layout.Scores.Count * TableLayout.ScoreFields.Count);
        w.WriteEndArray();
    }

    private static void WriteRecordCells(Utf8JsonWriter w, long? line, string? id, string status, AsOf asOf, string? profile, string? allocation, IReadOnlyList<InputIssue> issues)
    {
        if (line is { } n)
        {
            w.WriteNumberValue(n);
        }
        else
        {
            w.WriteNullValue();
        }

        WriteText(w, id);
        w.WriteStringValue(status);
        w.WriteStringValue(Engine.Version);
        w.WriteStringValue(asOf.Text);
        w.WriteStringValue(asOf.SourceName);
        WriteText(w, profile);
        WriteText(w, allocation);
        var errors = issues.Count(i => i.Severity == IssueSeverity.Error);
        w.WriteNumberValue(errors);
        w.WriteNumberValue(issues.Count - errors);
        WriteList(w, issues.Where(i => i.Severity == IssueSeverity.Error).Select(i => i.Code));
        WriteList(w, issues.Where(i => i.Severity != IssueSeverity.Error).Select(i => i.Code));
    }

    /// <summary>The eleven cells of one score, in <see cref="TableLayout.ScoreFields"/> order.</summary>
    private static void WriteScore(Utf8JsonWriter w, ScoreOutcome outcome)
    {
        switch (outcome.Status)
        {
            case OutcomeStatus.Calculated:
                var r = outcome.Result!;
                w.WriteStringValue("calculated");
                WriteNumber(w, r.Value);
                WriteNumber(w, r.Unrounded is { } u ? ClinicalMath.RoundHalfAwayFromZero(u, 6) : null); // as the record: 6 decimals, half away from zero
                WriteText(w, r.Category);
                WriteNulls(w, 6);
                WriteList(w, r.Warnings.Select(x => x.Code));
                break;
            case OutcomeStatus.Range:
                var range = outcome.Range!;
                var low = range.Lowest.Outcome.Result!;
                var high = range.Highest.Outcome.Result!;
                w.WriteStringValue("range");
                WriteNulls(w, 3);
                WriteNumber(w, low.Value);
                WriteNumber(w, high.Value);
                WriteText(w, low.Category);
                WriteText(w, high.Category);
                WriteList(w, range.SettledBy);
                WriteNulls(w, 2);
                break;
            case OutcomeStatus.NotCalculable:
                w.WriteStringValue("not-calculable");
                WriteNulls(w, 8);
                WriteList(w, outcome.Missing);
                w.WriteNullValue();
                break;
            case OutcomeStatus.NotApplicable:
                w.WriteStringValue("not-applicable");
                WriteNulls(w, 10);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(outcome), outcome.Status, "Unknown outcome status.");
        }
    }

    private static void WriteNumber(Utf8JsonWriter w, decimal? value)
    {
        if (value is not { } v)
        {
            w.WriteNullValue();
            return;
        }

        Span<byte> buffer = stackalloc byte[40];
        w.WriteRawValue(buffer[..AssessmentWriter.FormatNumber(v, buffer)], skipInputValidation: true);
    }

    private static void WriteText(Utf8JsonWriter w, string? text)
    {
        if (text is null)
        {
            w.WriteNullValue();
        }
        else
        {
            w.WriteStringValue(text);
        }
    }

    /// <summary>A list as one <c>;</c>-separated cell; null when empty.</summary>
    private static void WriteList(Utf8JsonWriter w, IEnumerable<string> items)
    {
        var joined = string.Join(TableLayout.ListSeparator, items);
        WriteText(w, joined.Length == 0 ? null : joined);
    }

    private static void WriteNulls(Utf8JsonWriter w, int count)
    {
        for (var i = 0; i < count; i++)
        {
            w.WriteNullValue();
        }
    }
}
