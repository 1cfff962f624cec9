using System.Text.Json;
using Hepatica.Clinical;
using Hepatica.Clinical.Scoring;
using Hepatica.Clinical.Transplant;

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
public static partial class AssessmentWriter
{
    /// <summary>Writes one assessment as a JSON object. <paramref name="line"/> is written when reading a batch.</summary>
    /// <param name="w">The writer.</param>
    /// <param name="assessment">The assessment.</param>
    /// <param name="detail">Full or compact.</param>
    /// <param name="asOf">The instant the assessment is for and where it came from (<see cref="AsOf.For"/>).</param>
    /// <param name="line">The batch line number, if any.</param>
    /// <param name="sources">FHIR input: the resource behind each value, written last as <c>sources</c>; none for a snapshot document.</param>
    /// <param name="extra">Writes further top-level members last, before the object closes (a bulk record's <c>patient</c> and <c>resources</c>).</param>
    public static void Write(Utf8JsonWriter w, Assessment assessment, Detail detail, AsOf asOf, long? line = null, IReadOnlyList<FhirSource>? sources = null, Action<Utf8JsonWriter>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(asOf);
        w.WriteStartObject();
        if (line is { } n)
        {
            w.WriteNumber(Names.Line, n);
        }

        WriteId(w, assessment.Snapshot.Id);
        w.WriteString(Names.Status, StatusName(assessment));
        WriteRunFacts(w, asOf);
        WriteProfile(w, assessment.Profile);
        w.WriteStartArray(Names.Scores);
        var notCalculable = 0;
        foreach (var outcome in assessment.Outcomes)
        {
            // Compact records (population runs) name not-calculable scores by id only, below: their missing-input
            // lists were two thirds of a record. Full detail writes every outcome with its missing inputs.
            if (detail == Detail.Compact && outcome.Status == OutcomeStatus.NotCalculable)
            {
                notCalculable++;
                continue;
            }

            WriteOutcome(w, outcome, detail, assessment.RoleOf(outcome.Definition));
        }

        w.WriteEndArray();
        if (notCalculable > 0)
        {
            w.WriteStartArray(Names.NotCalculable);
            foreach (var outcome in assessment.Outcomes)
            {
                if (outcome.Status == OutcomeStatus.NotCalculable)
                {
                    w.WriteStringValue(Encoded.Of(outcome.Definition.Id));
                }
            }

            w.WriteEndArray();
        }

        WriteConflicts(w, assessment.Conflicts);
        WriteTransplant(w, assessment.Transplant, detail);
        WriteSerology(w, assessment.Serology, detail);
        WriteImmunity(w, assessment.Immunity, detail);
        WritePrevention(w, assessment.Prevention, detail);
        WriteIssues(w, assessment.Snapshot.Issues);
        WriteSources(w, sources);
        extra?.Invoke(w);
        w.WriteEndObject();
    }

    /// <summary><c>sources</c>, only for FHIR input: one object per resource used (docs/output.md).</summary>
    private static void WriteSources(Utf8JsonWriter w, IReadOnlyList<FhirSource>? sources)
    {
        if (sources is not { Count: > 0 })
        {
            return;
        }

        w.WriteStartArray(Names.Sources);
        foreach (var s in sources)
        {
            w.WriteStartObject();
            w.WriteString(Names.Path, s.Path);
            w.WriteString(Names.Resource, s.ResourceType + "/" + s.Id);
            if (s.Date is { } d)
            {
                w.WriteString(Names.Date, d.ToString("yyyy-MM-dd'T'HH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture));
            }

            w.WriteString(Names.System, s.System);
            w.WriteString(Names.Code, s.Code);
            if (s.Reported is { } r)
            {
                w.WriteString(Names.Reported, r);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary><c>conflicts</c>, only when two interpretations contradict (docs/output.md).</summary>
    private static void WriteConflicts(Utf8JsonWriter w, IReadOnlyList<ConflictNote> conflicts)
    {
        if (conflicts.Count == 0)
        {
            return;
        }

        w.WriteStartArray(Names.Conflicts);
        foreach (var c in conflicts)
        {
            w.WriteStartObject();
            w.WriteString(Names.Id, Encoded.Of(c.Id));
            w.WriteString(Names.Text, c.Text);
            w.WriteStartArray(Names.Results);
            foreach (var r in c.Results)
            {
                w.WriteStringValue(Encoded.Of(r));
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteTransplant(Utf8JsonWriter w, TransplantSection section, Detail detail)
    {
        w.WriteStartObject(Names.Transplant);
        w.WriteStartArray(Names.Signals);
        foreach (var signal in section.Signals)
        {
            w.WriteStartObject();
            w.WriteString(Names.Id, Encoded.Of(signal.Id));
            w.WriteString(Names.Urgency, signal.Urgency == SignalUrgency.Urgent ? "urgent"u8 : "refer"u8);
            w.WriteString(Names.Reason, signal.Reason);
            if (detail == Detail.Full)
            {
                w.WritePropertyName(Names.Source);
                WriteCitation(w, signal.Source);
            }
            else
            {
                w.WriteString(Names.Source, Encoded.Of(signal.Source.Key));
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (section.Possible.Count > 0)
        {
            // Signals some values of the missing inputs would raise (issue 11 s.2): never in "signals".
            w.WriteStartArray(Names.Possible);
            foreach (var p in section.Possible)
            {
                w.WriteStartObject();
                w.WriteString(Names.Id, Encoded.Of(p.Signal.Id));
                w.WriteString(Names.Urgency, p.Signal.Urgency == SignalUrgency.Urgent ? "urgent"u8 : "refer"u8);
                w.WriteString(Names.Reason, p.Signal.Reason);
                w.WriteString(Names.Source, Encoded.Of(p.Signal.Source.Key));
                WritePaths(w, Names.SettledBy, p.SettledBy);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (section.Missing.Count > 0)
        {
            w.WriteStartArray(Names.Missing);
            foreach (var m in section.Missing)
            {
                w.WriteStringValue(Encoded.Of(m));
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    /// <summary>
    /// The record's <c>status</c> (docs/output.md): <c>ok</c> when no input had an error, <c>input-errors</c> when some
    /// values were unusable and the scores were computed from the rest. (<c>error</c>: the input could not be read at all.)
    /// </summary>
    public static string StatusName(Assessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return assessment.HasErrors ? "input-errors" : "ok";
    }

    /// <summary>Writes <c>engineVersion</c>, <c>asOf</c> and <c>asOfSource</c> (every record carries them).</summary>
    public static void WriteRunFacts(Utf8JsonWriter w, AsOf asOf)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(asOf);
        w.WriteString(Names.EngineVersion, Encoded.Of(Engine.Version));
        w.WriteString(Names.AsOf, Encoded.Of(asOf.Text));
        w.WriteString(Names.AsOfSource, Encoded.Of(asOf.SourceName));
    }

    /// <summary>Writes the record for a document that could not be read at all (malformed JSON, not an object, too long).</summary>
    public static void WriteUnreadable(Utf8JsonWriter w, IReadOnlyList<InputIssue> issues, AsOf asOf, long? line = null)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.WriteStartObject();
        if (line is { } n)
        {
            w.WriteNumber(Names.Line, n);
        }

        w.WriteString(Names.Status, "error"u8);
        WriteRunFacts(w, asOf);
        WriteIssues(w, issues);
        w.WriteEndObject();
    }

    /// <summary>Writes one score outcome.</summary>
    /// <param name="w">The writer.</param>
    /// <param name="outcome">The outcome.</param>
    /// <param name="detail">Full or compact.</param>
    /// <param name="role">What the score is for under the assessment's profile (allocation family only), or null.</param>
    public static void WriteOutcome(Utf8JsonWriter w, ScoreOutcome outcome, Detail detail, ScoreRole? role = null)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(outcome);
        var def = outcome.Definition;
        w.WriteStartObject();
        w.WriteString(Names.Id, Encoded.Of(def.Id));
        w.WriteString(Names.Version, Encoded.Of(def.Version));
        WriteRole(w, role, detail);
        switch (outcome.Status)
        {
            case OutcomeStatus.Calculated:
                var r = outcome.Result!;
                w.WriteString(Names.Status, "calculated"u8);
                WriteNumber(w, Names.Value, r.Value);
                if (r.Unrounded is { } u)
                {
                    WriteNumber(w, Names.Unrounded, ClinicalMath.RoundHalfAwayFromZero(u, 6));
                }

                if (r.Category is not null)
                {
                    w.WriteString(Names.Category, Encoded.Of(r.Category));
                }

                if (r.Extras.Count > 0)
                {
                    w.WriteStartObject(Names.Extras);
                    foreach (var (key, value) in r.Extras)
                    {
                        w.WritePropertyName(Encoded.Of(key));
                        WriteNumberValue(w, value);
                    }

                    w.WriteEndObject();
                }

                if (detail == Detail.Full)
                {
                    WriteSteps(w, r.Steps);
                }

                WriteScoreWarnings(w, r.Warnings, detail);
                WritePaths(w, Names.Immaterial, outcome.Immaterial);
                break;
            case OutcomeStatus.Range:
                WriteRange(w, def, outcome.Range!, detail);
                break;
            case OutcomeStatus.NotCalculable:
                w.WriteString(Names.Status, "not-calculable"u8);
                w.WriteStartArray(Names.Missing);
                foreach (var m in outcome.Missing)
                {
                    w.WriteStringValue(Encoded.Of(m));
                }

                w.WriteEndArray();
                break;
            case OutcomeStatus.NotApplicable:
                w.WriteString(Names.Status, "not-applicable"u8);
                w.WriteString(Names.Reason, outcome.Reason);
                if (outcome.Source is { } reasonSource)
                {
                    // Like transplant signals' source: the citation object in full detail, its key in compact records.
                    if (detail == Detail.Compact)
                    {
                        w.WriteString(Names.ReasonSource, reasonSource.Key);
                    }
                    else
                    {
                        w.WritePropertyName(Names.ReasonSource);
                        WriteCitation(w, reasonSource);
                    }
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(outcome), outcome.Status, "Unknown outcome status.");
        }

        WriteCitations(w, def.Citations, detail);
        w.WriteEndObject();
    }

    /// <summary>
    /// A ranged outcome (issue 11 s.2; docs/output.md): <c>status</c> <c>range</c>, <c>minimum</c>, <c>maximum</c>, their
    /// categories, <c>settledBy</c> and <c>immaterial</c> in every record; full detail adds <c>text</c> and the
    /// <c>alternatives</c> (the values assumed, and the value and category each gives).
    /// </summary>
    private static void WriteRange(Utf8JsonWriter w, ScoreDefinition def, ScoreRange range, Detail detail)
    {
        w.WriteString(Names.Status, "range"u8);
        var low = range.Lowest.Outcome.Result!;
        var high = range.Highest.Outcome.Result!;
        WriteNumber(w, Names.Minimum, low.Value);
        WriteNumber(w, Names.Maximum, high.Value);
        if (low.Category is not null)
        {
            w.WriteString(Names.MinimumCategory, Encoded.Of(low.Category));
        }

        if (high.Category is not null)
        {
            w.WriteString(Names.MaximumCategory, Encoded.Of(high.Category));
        }

        WritePaths(w, Names.SettledBy, range.SettledBy);
        WritePaths(w, Names.Immaterial, range.Immaterial);
        if (detail == Detail.Compact)
        {
            return;
        }

        w.WriteString(Names.Text, RangeText.Line(def, range));
        w.WriteStartArray(Names.Alternatives);
        foreach (var a in range.Alternatives)
        {
            w.WriteStartObject();
            w.WriteStartObject(Names.Assume);
            foreach (var x in a.Assumptions)
            {
                w.WritePropertyName(Encoded.Of(x.Path));
                if (x.Value is "true" or "false")
                {
                    w.WriteBooleanValue(x.Value == "true");
                }
                else if (int.TryParse(x.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
                {
                    w.WriteNumberValue(n);
                }
                else
                {
                    w.WriteStringValue(Encoded.Of(x.Value));
                }
            }

            w.WriteEndObject();
            if (a.Outcome.Result is { } r)
            {
                w.WriteString(Names.Status, "calculated"u8);
                WriteNumber(w, Names.Value, r.Value);
                if (r.Category is not null)
                {
                    w.WriteString(Names.Category, Encoded.Of(r.Category));
                }
            }
            else
            {
                w.WriteString(Names.Status, "not-applicable"u8);
                w.WriteString(Names.Reason, a.Outcome.Reason);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WritePaths(Utf8JsonWriter w, JsonEncodedText name, IReadOnlyList<string> paths)
    {
        if (paths.Count == 0)
        {
            return;
        }

        w.WriteStartArray(name);
        foreach (var p in paths)
        {
            w.WriteStringValue(Encoded.Of(p));
        }

        w.WriteEndArray();
    }

    /// <summary>Writes a score definition (the catalog entry).</summary>
    public static void WriteDefinition(Utf8JsonWriter w, ScoreDefinition def)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(def);
        w.WriteStartObject();
        w.WriteString(Names.Id, def.Id);
        w.WriteString(Names.Version, def.Version);
        w.WriteString(Names.Name, def.Name);
        if (def.Minimum != decimal.MinValue)
        {
            w.WriteNumber(Names.Minimum, def.Minimum);
        }

        if (def.Maximum is { } max)
        {
            w.WriteNumber(Names.Maximum, max);
        }

        w.WriteString(Names.Rounding, def.Rounding);
        w.WriteStartArray(Names.Inputs);
        foreach (var input in def.Inputs)
        {
            w.WriteStringValue(input.ToString());
        }

        w.WriteEndArray();
        WriteCitations(w, def.Citations, Detail.Full);
        WritePopulation(w, def.Population);
        w.WriteEndObject();
    }

    /// <summary>Who the score is for (issue 11 s.1): the sentence, its sources and the gates checked on a snapshot.</summary>
    private static void WritePopulation(Utf8JsonWriter w, Population population)
    {
        w.WriteStartObject(Names.Population);
        w.WriteString(Names.Description, population.Description);
        WriteCitations(w, population.Sources, Detail.Full);
        w.WriteStartArray(Names.Gates);
        foreach (var gate in population.Gates)
        {
            w.WriteStartObject();
            w.WriteString(Names.Question, gate.Question.Name);
            w.WriteBoolean(Names.Requires, gate.Required);
            w.WriteString(Names.Rule, gate.Rule);
            w.WriteString(Names.SettledBy, gate.Question.SettledBy);
            w.WriteString(Names.Source, gate.Source.Key);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (population.RelevantWhen is { } relevant)
        {
            w.WriteString(Names.RelevantWhen, relevant.Name);
        }

        w.WriteEndObject();
    }

    private static void WriteId(Utf8JsonWriter w, string? id)
    {
        if (id is null)
        {
            w.WriteNull(Names.Id);
        }
        else
        {
            w.WriteString(Names.Id, id);
        }
    }

    private static void WriteSteps(Utf8JsonWriter w, IReadOnlyList<BreakdownStep> steps)
    {
        w.WriteStartArray(Names.Steps);
        foreach (var s in steps)
        {
            w.WriteStartObject();
            w.WriteString(Names.Kind, KindName(s.Kind));
            w.WriteString(Names.Label, s.Label);
            if (s.Value is { } v)
            {
                WriteNumber(w, Names.Value, ClinicalMath.RoundHalfAwayFromZero(v, 6));
            }

            w.WriteString(Names.Detail, s.Detail);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteCitations(Utf8JsonWriter w, IReadOnlyList<Citation> citations, Detail detail)
    {
        if (detail == Detail.Compact)
        {
            w.WritePropertyName(Names.Citations);
            w.WriteRawValue(CompactCitations.Of(citations), skipInputValidation: true);
            return;
        }

        w.WriteStartArray(Names.Citations);
        foreach (var c in citations)
        {
            WriteCitation(w, c);
        }

        w.WriteEndArray();
    }

    private static void WriteCitation(Utf8JsonWriter w, Citation c)
    {
        w.WriteStartObject();
        w.WriteString(Names.Key, c.Key);
        w.WriteString(Names.Reference, c.Reference);
        w.WriteNumber(Names.Year, c.Year);
        if (c.Url is not null)
        {
            w.WriteString(Names.Url, c.Url);
        }

        w.WriteEndObject();
    }

    /// <summary>
    /// A score's warnings: in full detail each issue whole; in compact (population) records only <c>code</c> and <c>path</c>,
    /// because the message of a population assumption repeats on every record and tripled their size (docs/output.md).
    /// </summary>
    private static void WriteScoreWarnings(Utf8JsonWriter w, IReadOnlyList<InputIssue> warnings, Detail detail)
    {
        if (warnings.Count == 0)
        {
            return;
        }

        w.WriteStartArray(Names.Warnings);
        foreach (var issue in warnings)
        {
            if (detail == Detail.Full)
            {
                WriteIssue(w, issue);
                continue;
            }

            w.WriteStartObject();
            w.WriteString(Names.Code, issue.Code);
            w.WriteString(Names.Path, issue.Path);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteIssues(Utf8JsonWriter w, IReadOnlyList<InputIssue> issues)
    {
        w.WriteStartArray(Names.Errors);
        foreach (var issue in issues)
        {
            if (issue.Severity == IssueSeverity.Error)
            {
                WriteIssue(w, issue);
            }
        }

        w.WriteEndArray();
        w.WriteStartArray(Names.Warnings);
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
        w.WriteString(Names.Code, issue.Code);
        w.WriteString(Names.Severity, issue.Severity == IssueSeverity.Error ? "error"u8 : "warning"u8);
        w.WriteString(Names.Path, issue.Path);
        w.WriteString(Names.Message, issue.Message);
        w.WriteEndObject();
    }

    /// <summary>Writes a decimal without trailing zeros (21, not 21.0; 24.762, not 24.7620).</summary>
    private static void WriteNumber(Utf8JsonWriter w, JsonEncodedText name, decimal value)
    {
        w.WritePropertyName(name);
        WriteNumberValue(w, value);
    }

    private static void WriteNumberValue(Utf8JsonWriter w, decimal value)
    {
        Span<byte> buffer = stackalloc byte[40];
        w.WriteRawValue(buffer[..FormatNumber(value, buffer)], skipInputValidation: true);
    }

    /// <summary>
    /// Formats a decimal as a JSON number without trailing zeros (the text every record gives; table output writes the same). Values with at most 6 decimals and 12 integer
    /// digits (every value this writer emits) take a fast integer path; others use "G29", which also drops trailing
    /// zeros.
    /// </summary>
    public static int FormatNumber(decimal value, Span<byte> buffer)
    {
        const decimal Scale = 1_000_000m;
        if (value > -1e12m && value < 1e12m)
        {
            var scaled = value * Scale;
            if (scaled == decimal.Truncate(scaled))
            {
                var n = (long)scaled;
                var written = 0;
                if (n < 0)
                {
                    buffer[written++] = (byte)'-';
                    n = -n;
                }

                System.Buffers.Text.Utf8Formatter.TryFormat(n / 1_000_000, buffer[written..], out var intDigits);
                written += intDigits;
                var fraction = n % 1_000_000;
                if (fraction != 0)
                {
                    buffer[written++] = (byte)'.';
                    var divisor = 100_000L;
                    while (fraction != 0)
                    {
                        buffer[written++] = (byte)('0' + (fraction / divisor));
                        fraction %= divisor;
                        divisor /= 10;
                    }
                }

                return written;
            }
        }

        return value.TryFormat(buffer, out var length, "G29", System.Globalization.CultureInfo.InvariantCulture)
            ? length
            : throw new InvalidOperationException("A decimal does not fit in 40 bytes.");
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

/// <summary>The property names of the output contract, encoded once.</summary>
internal static class Names
{
    public static readonly JsonEncodedText Line = JsonEncodedText.Encode("line");
    public static readonly JsonEncodedText EngineVersion = JsonEncodedText.Encode("engineVersion");
    public static readonly JsonEncodedText Conflicts = JsonEncodedText.Encode("conflicts");
    public static readonly JsonEncodedText Text = JsonEncodedText.Encode("text");
    public static readonly JsonEncodedText Results = JsonEncodedText.Encode("results");
    public static readonly JsonEncodedText AsOf = JsonEncodedText.Encode("asOf");
    public static readonly JsonEncodedText AsOfSource = JsonEncodedText.Encode("asOfSource");
    public static readonly JsonEncodedText Transplant = JsonEncodedText.Encode("transplant");
    public static readonly JsonEncodedText NotCalculable = JsonEncodedText.Encode("notCalculable");
    public static readonly JsonEncodedText Signals = JsonEncodedText.Encode("signals");
    public static readonly JsonEncodedText Urgency = JsonEncodedText.Encode("urgency");
    public static readonly JsonEncodedText Source = JsonEncodedText.Encode("source");
    public static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
    public static readonly JsonEncodedText Status = JsonEncodedText.Encode("status");
    public static readonly JsonEncodedText Scores = JsonEncodedText.Encode("scores");
    public static readonly JsonEncodedText Version = JsonEncodedText.Encode("version");
    public static readonly JsonEncodedText Value = JsonEncodedText.Encode("value");
    public static readonly JsonEncodedText Unrounded = JsonEncodedText.Encode("unrounded");
    public static readonly JsonEncodedText Category = JsonEncodedText.Encode("category");
    public static readonly JsonEncodedText Extras = JsonEncodedText.Encode("extras");
    public static readonly JsonEncodedText Warnings = JsonEncodedText.Encode("warnings");
    public static readonly JsonEncodedText Missing = JsonEncodedText.Encode("missing");
    public static readonly JsonEncodedText Reason = JsonEncodedText.Encode("reason");
    public static readonly JsonEncodedText ReasonSource = JsonEncodedText.Encode("reasonSource");
    public static readonly JsonEncodedText Description = JsonEncodedText.Encode("description");
    public static readonly JsonEncodedText Population = JsonEncodedText.Encode("population");
    public static readonly JsonEncodedText Gates = JsonEncodedText.Encode("gates");
    public static readonly JsonEncodedText Question = JsonEncodedText.Encode("question");
    public static readonly JsonEncodedText Requires = JsonEncodedText.Encode("requires");
    public static readonly JsonEncodedText Rule = JsonEncodedText.Encode("rule");
    public static readonly JsonEncodedText SettledBy = JsonEncodedText.Encode("settledBy");
    public static readonly JsonEncodedText RelevantWhen = JsonEncodedText.Encode("relevantWhen");
    public static readonly JsonEncodedText Citations = JsonEncodedText.Encode("citations");
    public static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
    public static readonly JsonEncodedText Minimum = JsonEncodedText.Encode("minimum");
    public static readonly JsonEncodedText Maximum = JsonEncodedText.Encode("maximum");
    public static readonly JsonEncodedText Rounding = JsonEncodedText.Encode("rounding");
    public static readonly JsonEncodedText Inputs = JsonEncodedText.Encode("inputs");
    public static readonly JsonEncodedText Steps = JsonEncodedText.Encode("steps");
    public static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind");
    public static readonly JsonEncodedText Label = JsonEncodedText.Encode("label");
    public static readonly JsonEncodedText Detail = JsonEncodedText.Encode("detail");
    public static readonly JsonEncodedText Key = JsonEncodedText.Encode("key");
    public static readonly JsonEncodedText Reference = JsonEncodedText.Encode("reference");
    public static readonly JsonEncodedText Year = JsonEncodedText.Encode("year");
    public static readonly JsonEncodedText Url = JsonEncodedText.Encode("url");
    public static readonly JsonEncodedText Errors = JsonEncodedText.Encode("errors");
    public static readonly JsonEncodedText Code = JsonEncodedText.Encode("code");
    public static readonly JsonEncodedText Severity = JsonEncodedText.Encode("severity");
    public static readonly JsonEncodedText Path = JsonEncodedText.Encode("path");
    public static readonly JsonEncodedText MinimumCategory = JsonEncodedText.Encode("minimumCategory");
    public static readonly JsonEncodedText MaximumCategory = JsonEncodedText.Encode("maximumCategory");
    public static readonly JsonEncodedText Immaterial = JsonEncodedText.Encode("immaterial");
    public static readonly JsonEncodedText Alternatives = JsonEncodedText.Encode("alternatives");
    public static readonly JsonEncodedText Assume = JsonEncodedText.Encode("assume");
    public static readonly JsonEncodedText Possible = JsonEncodedText.Encode("possible");
    public static readonly JsonEncodedText Message = JsonEncodedText.Encode("message");
    public static readonly JsonEncodedText Sources = JsonEncodedText.Encode("sources");
    public static readonly JsonEncodedText Resource = JsonEncodedText.Encode("resource");
    public static readonly JsonEncodedText Date = JsonEncodedText.Encode("date");
    public static readonly JsonEncodedText System = JsonEncodedText.Encode("system");
    public static readonly JsonEncodedText Reported = JsonEncodedText.Encode("reported");
    public static readonly JsonEncodedText Immunity = JsonEncodedText.Encode("immunity");
    public static readonly JsonEncodedText Prevention = JsonEncodedText.Encode("prevention");
    public static readonly JsonEncodedText HbvSerostatus = JsonEncodedText.Encode("hbvSerostatus");
    public static readonly JsonEncodedText Reactivation = JsonEncodedText.Encode("reactivation");
    public static readonly JsonEncodedText Sbp = JsonEncodedText.Encode("sbpProphylaxis");
    public static readonly JsonEncodedText Observations = JsonEncodedText.Encode("observations");
    public static readonly JsonEncodedText Medication = JsonEncodedText.Encode("medication");
    public static readonly JsonEncodedText Class = JsonEncodedText.Encode("class");
    public static readonly JsonEncodedText Band = JsonEncodedText.Encode("band");
    public static readonly JsonEncodedText Action = JsonEncodedText.Encode("action");
    public static readonly JsonEncodedText Recommendations = JsonEncodedText.Encode("recommendations");
    public static readonly JsonEncodedText DueOn = JsonEncodedText.Encode("dueOn");
    public static readonly JsonEncodedText Serology = JsonEncodedText.Encode("serology");
    public static readonly JsonEncodedText Interpretations = JsonEncodedText.Encode("interpretations");
    public static readonly JsonEncodedText Topic = JsonEncodedText.Encode("topic");
    public static readonly JsonEncodedText Clinician = JsonEncodedText.Encode("clinician");
    public static readonly JsonEncodedText Patient = JsonEncodedText.Encode("patient");
    public static readonly JsonEncodedText NextTests = JsonEncodedText.Encode("nextTests");
    public static readonly JsonEncodedText Profile = JsonEncodedText.Encode("profile");
    public static readonly JsonEncodedText AllocationScore = JsonEncodedText.Encode("allocationScore");
    public static readonly JsonEncodedText Role = JsonEncodedText.Encode("role");
    public static readonly JsonEncodedText RoleText = JsonEncodedText.Encode("roleText");
}

/// <summary>
/// JSON-encoded forms of the strings the writer repeats on every line (score ids, versions, citation keys,
/// categories, missing paths): they come from a small, fixed set, so each is encoded once. Bounded: past the bound,
/// strings are encoded each time.
/// </summary>
internal static class Encoded
{
    private const int MaxCached = 4096;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, JsonEncodedText> Cache = new(StringComparer.Ordinal);
    private static readonly System.Text.Encodings.Web.JavaScriptEncoder Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    public static JsonEncodedText Of(string text)
    {
        if (Cache.TryGetValue(text, out var encoded))
        {
            return encoded;
        }

        encoded = JsonEncodedText.Encode(text, Encoder);
        if (Cache.Count < MaxCached)
        {
            Cache.TryAdd(text, encoded);
        }

        return encoded;
    }
}

/// <summary>The compact citation arrays (<c>["Kamath 2001", ...]</c>) of each score, rendered once per citation list.</summary>
internal static class CompactCitations
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyList<Citation>, byte[]> Cache = [];

    public static byte[] Of(IReadOnlyList<Citation> citations) => Cache.GetValue(citations, Render);

    private static byte[] Render(IReadOnlyList<Citation> citations)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartArray();
            foreach (var c in citations)
            {
                w.WriteStringValue(c.Key);
            }

            w.WriteEndArray();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
