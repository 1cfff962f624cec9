using System.Text.Json;
using Hepatica.Clinical;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Json;

/// <summary>How much of each result the JSON output carries.</summary>
public enum Detail
{
    /// <summary>Values, categories, extras, missing inputs, warnings and citation keys (the batch default).</summary>
    Compact,

    /// <summary>Everything in <see cref="Compact"/> plus every step and full citations (<c>--explain</c>, single assessments).</summary>
    Full,
}

/// <summary>
/// Writes the assessment JSON contract (docs/output.md). Keys are stable; numbers are JSON numbers in the score's
/// unit; <c>unrounded</c> is given to 6 decimals (half away from zero).
/// </summary>
public static class AssessmentWriter
{
    /// <summary>Writes one assessment as a JSON object. <paramref name="line"/> is written when reading a batch.</summary>
    public static void Write(Utf8JsonWriter w, Assessment assessment, Detail detail, long? line = null)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(assessment);
        w.WriteStartObject();
        if (line is { } n)
        {
            w.WriteNumber("line"u8, n);
        }

        WriteId(w, assessment.Snapshot.Id);
        w.WriteString("status"u8, "ok"u8);
        w.WriteStartArray("scores"u8);
        foreach (var outcome in assessment.Outcomes)
        {
            WriteOutcome(w, outcome, detail);
        }

        w.WriteEndArray();
        WriteIssues(w, assessment.Snapshot.Issues);
        w.WriteEndObject();
    }

    /// <summary>Writes the record for a document that could not be read at all (malformed JSON, not an object, too long).</summary>
    public static void WriteUnreadable(Utf8JsonWriter w, IReadOnlyList<InputIssue> issues, long? line = null)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.WriteStartObject();
        if (line is { } n)
        {
            w.WriteNumber("line"u8, n);
        }

        w.WriteString("status"u8, "error"u8);
        WriteIssues(w, issues);
        w.WriteEndObject();
    }

    /// <summary>Writes one score outcome.</summary>
    public static void WriteOutcome(Utf8JsonWriter w, ScoreOutcome outcome, Detail detail)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(outcome);
        var def = outcome.Definition;
        w.WriteStartObject();
        w.WriteString("id"u8, def.Id);
        w.WriteString("version"u8, def.Version);
        switch (outcome.Status)
        {
            case OutcomeStatus.Calculated:
                var r = outcome.Result!;
                w.WriteString("status"u8, "calculated"u8);
                w.WriteNumber("value"u8, r.Value);
                if (r.Unrounded is { } u)
                {
                    w.WriteNumber("unrounded"u8, ClinicalMath.RoundHalfAwayFromZero(u, 6));
                }

                if (r.Category is not null)
                {
                    w.WriteString("category"u8, r.Category);
                }

                if (r.Extras.Count > 0)
                {
                    w.WriteStartObject("extras"u8);
                    foreach (var (key, value) in r.Extras)
                    {
                        w.WriteNumber(key, value);
                    }

                    w.WriteEndObject();
                }

                if (detail == Detail.Full)
                {
                    WriteSteps(w, r.Steps);
                }

                if (r.Warnings.Count > 0)
                {
                    w.WriteStartArray("warnings"u8);
                    foreach (var issue in r.Warnings)
                    {
                        WriteIssue(w, issue);
                    }

                    w.WriteEndArray();
                }

                break;
            case OutcomeStatus.NotCalculable:
                w.WriteString("status"u8, "not-calculable"u8);
                w.WriteStartArray("missing"u8);
                foreach (var m in outcome.Missing)
                {
                    w.WriteStringValue(m);
                }

                w.WriteEndArray();
                break;
            case OutcomeStatus.NotApplicable:
                w.WriteString("status"u8, "not-applicable"u8);
                w.WriteString("reason"u8, outcome.Reason);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(outcome), outcome.Status, "Unknown outcome status.");
        }

        WriteCitations(w, def.Citations, detail);
        w.WriteEndObject();
    }

    /// <summary>Writes a score definition (the catalog entry).</summary>
    public static void WriteDefinition(Utf8JsonWriter w, ScoreDefinition def)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(def);
        w.WriteStartObject();
        w.WriteString("id"u8, def.Id);
        w.WriteString("version"u8, def.Version);
        w.WriteString("name"u8, def.Name);
        if (def.Minimum != decimal.MinValue)
        {
            w.WriteNumber("minimum"u8, def.Minimum);
        }

        if (def.Maximum is { } max)
        {
            w.WriteNumber("maximum"u8, max);
        }

        w.WriteString("rounding"u8, def.Rounding);
        w.WriteStartArray("inputs"u8);
        foreach (var input in def.Inputs)
        {
            w.WriteStringValue(input);
        }

        w.WriteEndArray();
        WriteCitations(w, def.Citations, Detail.Full);
        w.WriteEndObject();
    }

    private static void WriteId(Utf8JsonWriter w, string? id)
    {
        if (id is null)
        {
            w.WriteNull("id"u8);
        }
        else
        {
            w.WriteString("id"u8, id);
        }
    }

    private static void WriteSteps(Utf8JsonWriter w, IReadOnlyList<BreakdownStep> steps)
    {
        w.WriteStartArray("steps"u8);
        foreach (var s in steps)
        {
            w.WriteStartObject();
            w.WriteString("kind"u8, KindName(s.Kind));
            w.WriteString("label"u8, s.Label);
            if (s.Value is { } v)
            {
                w.WriteNumber("value"u8, ClinicalMath.RoundHalfAwayFromZero(v, 6));
            }

            w.WriteString("detail"u8, s.Detail);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteCitations(Utf8JsonWriter w, IReadOnlyList<Citation> citations, Detail detail)
    {
        w.WriteStartArray("citations"u8);
        foreach (var c in citations)
        {
            if (detail == Detail.Compact)
            {
                w.WriteStringValue(c.Key);
                continue;
            }

            w.WriteStartObject();
            w.WriteString("key"u8, c.Key);
            w.WriteString("reference"u8, c.Reference);
            w.WriteNumber("year"u8, c.Year);
            if (c.Url is not null)
            {
                w.WriteString("url"u8, c.Url);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteIssues(Utf8JsonWriter w, IReadOnlyList<InputIssue> issues)
    {
        w.WriteStartArray("errors"u8);
        foreach (var issue in issues)
        {
            if (issue.Severity == IssueSeverity.Error)
            {
                WriteIssue(w, issue);
            }
        }

        w.WriteEndArray();
        w.WriteStartArray("warnings"u8);
        foreach (var issue in issues)
        {
            if (issue.Severity == IssueSeverity.Warning)
            {
                WriteIssue(w, issue);
            }
        }

        w.WriteEndArray();
    }

    private static void WriteIssue(Utf8JsonWriter w, InputIssue issue)
    {
        w.WriteStartObject();
        w.WriteString("code"u8, issue.Code);
        w.WriteString("severity"u8, issue.Severity == IssueSeverity.Error ? "error"u8 : "warning"u8);
        w.WriteString("path"u8, issue.Path);
        w.WriteString("message"u8, issue.Message);
        w.WriteEndObject();
    }

    /// <summary>The JSON name of a step kind (kebab-case, stable).</summary>
    public static string KindName(StepKind kind) => kind switch
    {
        StepKind.Input => "input",
        StepKind.Floor => "floor",
        StepKind.Cap => "cap",
        StepKind.Substitution => "substitution",
        StepKind.Term => "term",
        StepKind.Points => "points",
        StepKind.Sum => "sum",
        StepKind.Rounding => "rounding",
        StepKind.Bound => "bound",
        StepKind.Category => "category",
        StepKind.Note => "note",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown step kind."),
    };
}
