using System.Globalization;
using System.Text;
using System.Text.Json;
using Hepatica.Clinical;
using Hepatica.Clinical.Findings;
using Hepatica.Clinical.Labs;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Json;

/// <summary>The result of reading one snapshot document: the snapshot (null when the document is unreadable) and every issue found.</summary>
/// <param name="Snapshot">The validated snapshot, or null when the document is not a readable JSON object.</param>
/// <param name="Issues">Every error and warning, in document order.</param>
public sealed record SnapshotReadResult(PatientSnapshot? Snapshot, IReadOnlyList<InputIssue> Issues);

/// <summary>
/// Reads the patient snapshot JSON contract (docs/snapshot.md) with <see cref="Utf8JsonReader"/>, reporting every
/// problem as a coded issue and never stopping at the first: malformed JSON, wrong types, unknown keys (warnings),
/// keys given twice, missing or unknown units, impossible values. Unusable values are left out of the snapshot.
/// Each object of the contract is a table of its keys (SnapshotContract.cs) walked by one engine
/// (<see cref="ContractObject{T}"/>); this file holds the value readers the tables call. Known keys are matched on
/// their UTF-8 bytes, so a clean document allocates little beyond the snapshot itself.
/// </summary>
public static partial class SnapshotReader
{
    /// <summary>At most this many issues of one code are reported per document; one more issue of that code says how many were left out.</summary>
    public const int MaxIssuesPerCode = JsonInput.MaxIssuesPerCode;

    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 16 };

    /// <summary>
    /// Reads one snapshot from UTF-8 JSON (a leading byte order mark is skipped). Never throws for bad input: an
    /// undecodable escape such as a lone surrogate <c>\ud800</c> is SNP001 with its line and byte, like any syntax error.
    /// At most <see cref="MaxIssuesPerCode"/> issues of one code are listed, then one saying how many more there were.
    /// </summary>
    public static SnapshotReadResult Read(ReadOnlySpan<byte> utf8Json)
    {
        var issues = new IssueCounter();
        utf8Json = JsonInput.WithoutBom(utf8Json);
        if (IsBlank(utf8Json))
        {
            issues.Add(InputIssue.Error(IssueCodes.EmptyInput, "$", "The input is empty: expected a snapshot JSON object."));
            return new SnapshotReadResult(null, issues);
        }

        // Utf8JsonReader checks UTF-8 only when a string is decoded, and then throws InvalidOperationException, not
        // JsonException: refuse a document that is not UTF-8 here, once, as malformed. Likewise an escape that is not
        // UTF-16 text (a lone surrogate), which it tokenises and only refuses when the string is read or compared.
        if (JsonInput.FindUndecodable(utf8Json) is { } escape)
        {
            issues.Add(InputIssue.Error(IssueCodes.MalformedJson, "$", escape));
            return new SnapshotReadResult(null, issues);
        }

        var reader = new Utf8JsonReader(utf8Json, Options);
        try
        {
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                issues.Add(InputIssue.Error(IssueCodes.WrongType, "$", $"Expected a JSON object, found {Issues.Describe(reader.TokenType)}."));
                return new SnapshotReadResult(null, issues);
            }

            var snapshot = ReadSnapshot(ref reader, issues);
            if (reader.Read())
            {
                issues.Add(InputIssue.Error(IssueCodes.MalformedJson, "$", $"Unexpected content after the snapshot object at byte {reader.TokenStartIndex + 1}."));
                return new SnapshotReadResult(null, JsonInput.Cap(issues));
            }

            var capped = JsonInput.Cap(issues);
            return new SnapshotReadResult(ReferenceEquals(capped, issues) ? snapshot : snapshot with { Issues = capped }, capped);
        }
        catch (JsonException e)
        {
            issues.Add(InputIssue.Error(IssueCodes.MalformedJson, "$", $"Malformed JSON at line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}: {FirstSentence(e.Message)}"));
            return new SnapshotReadResult(null, JsonInput.Cap(issues));
        }
    }

    /// <summary>Reads one snapshot from a string.</summary>
    public static SnapshotReadResult Read(string json) => Read(Encoding.UTF8.GetBytes(json ?? string.Empty));

    private static PatientSnapshot ReadSnapshot(ref Utf8JsonReader reader, List<InputIssue> issues)
    {
        var s = new SnapshotParts();
        Top.Read(ref reader, ref s, string.Empty, issues);
        var ageAtListing = s.AgeAtListing;
        if (s.Age is { } now && ageAtListing is { } listed && listed > now)
        {
            issues.Add(InputIssue.Error(IssueCodes.InvalidValue, "ageAtListingYears", $"Age at listing {Breakdown.F(listed)} years is after the current age {Breakdown.F(now)} years; not used."));
            ageAtListing = null;
        }

        // Delta checks against the patient's own dated values (issue 11 s.3), once in the core: a later result that
        // no physiology explains is an error (LAB007) and is used neither in its series nor, when current, by any score.
        var (dated, checkedLabs) = DeltaCheck.Apply(s.Series.Build(issues), s.Panel, issues);
        return new PatientSnapshot
        {
            Id = s.Id, Sex = s.Sex, AgeYears = s.Age, AgeAtListingYears = ageAtListing, Labs = checkedLabs, Series = dated, Findings = s.Findings,
            Serology = s.Serology, Bmi = s.Bmi, Autoimmune = s.Autoimmune, Dili = s.Dili, Alcohol = s.Alcohol,
            AssessmentDate = s.AssessmentDate, Medications = s.Medications, Vaccinations = [.. s.Vaccinations.OrderBy(v => v.Date)],
            History = s.History, Issues = issues,
        };
    }

    private static readonly string AgeRange = $"0 to {PlausibilityLimits.MaximumAgeYears} years";

    private static decimal? CheckAge(decimal age, string path, List<InputIssue> issues)
    {
        if (age < 0m || age > PlausibilityLimits.MaximumAgeYears)
        {
            issues.Add(InputIssue.Error(IssueCodes.ImpossibleValue, path, $"Age {age.ToString(CultureInfo.InvariantCulture)} years is impossible: expected 0 to {PlausibilityLimits.MaximumAgeYears}."));
            return null;
        }

        return age;
    }

    private static decimal? ReadAge(ref Utf8JsonReader reader, string path, List<InputIssue> issues) =>
        ReadNumber(ref reader, path, AgeRange, issues, IssueCodes.ImpossibleValue) is { } a ? CheckAge(a, path, issues) : null;

    /// <summary>
    /// Reads a lab object <c>{"value", "unit", "date"}</c> (<see cref="LabValue"/>): true when its value is usable. An
    /// unusable date is reported (DAT001) and left null without making the value unusable.
    /// </summary>
    private static bool ReadLabValue(ref Utf8JsonReader reader, string path, List<InputIssue> issues, out LabEntry entry)
    {
        entry = default;
        if (!LabValue.Read(ref reader, ref entry, path, issues, out var repeated))
        {
            return false;
        }

        if (!entry.ValueGiven)
        {
            issues.Add(InputIssue.Error(IssueCodes.MissingValue, path + ".value", $"{path} has no \"value\"."));
            return false;
        }

        return !repeated && !entry.Unusable;
    }

    /// <summary>An ISO 8601 calendar date <c>YYYY-MM-DD</c> (DAT001 when the text is not one; SNP002 when not a string).</summary>
    private static DateOnly? ReadDate(ref Utf8JsonReader reader, string path, List<InputIssue> issues)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            Issues.WrongType(ref reader, path, "a date string \"YYYY-MM-DD\"", issues);
            return null;
        }

        var text = reader.GetString();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            if (date >= PlausibilityLimits.EarliestDate && date <= PlausibilityLimits.LatestDate)
            {
                return date;
            }

            issues.Add(InputIssue.Error(IssueCodes.InvalidDate, path, $"{path} {text} is outside the accepted range of dates: {PlausibilityLimits.DateRange}; not used."));
            return null;
        }

        issues.Add(InputIssue.Error(IssueCodes.InvalidDate, path, $"{path} \"{JsonInput.Echo(text)}\" is not a calendar date: expected YYYY-MM-DD (ISO 8601), for example \"2026-11-01\"."));
        return null;
    }

    private static decimal? ReadLabNumber(ref Utf8JsonReader reader, string labPath, List<InputIssue> issues)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var d))
        {
            return d;
        }

        var path = labPath + ".value";
        if (reader.TokenType == JsonTokenType.Number)
        {
            issues.Add(InputIssue.Error(IssueCodes.ImpossibleValue, path, $"{path} {JsonInput.EchoNumber(reader.ValueSpan)} is out of range: {OutOfRange} (the value's own plausibility limits then apply, docs/snapshot.md)."));
            return null;
        }

        var shown = reader.TokenType == JsonTokenType.String ? "\"" + JsonInput.Echo(reader.GetString()) + "\"" : Issues.Describe(reader.TokenType);
        issues.Add(InputIssue.Error(IssueCodes.NotANumber, path, $"{path} must be a JSON number, found {shown}."));
        reader.Skip();
        return null;
    }

    /// <summary>A number in (<paramref name="above"/>, <paramref name="atMost"/>] (or [above, atMost] when <paramref name="lowerInclusive"/>); outside it, SNP004 and not used.</summary>
    private static decimal? ReadInRange(ref Utf8JsonReader reader, string path, decimal above, decimal atMost, string unit, List<InputIssue> issues, bool lowerInclusive = false)
    {
        var range = $"{(lowerInclusive ? "at least" : "more than")} {Breakdown.F(above)} and at most {Breakdown.F(atMost)} {unit}";
        if (ReadNumber(ref reader, path, range, issues) is not { } value)
        {
            return null;
        }

        if ((lowerInclusive ? value < above : value <= above) || value > atMost)
        {
            issues.Add(InputIssue.Error(IssueCodes.InvalidValue, path, $"{path} {Breakdown.F(value)} is outside the accepted range: {(lowerInclusive ? "at least" : "more than")} {Breakdown.F(above)} and at most {Breakdown.F(atMost)} {unit}."));
            return null;
        }

        return value;
    }

    private static EncephalopathyGrade? ReadGrade(ref Utf8JsonReader reader, string path, List<InputIssue> issues)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var g) && g is >= 0 and <= EncephalopathyGrade.MaximumGrade)
        {
            return EncephalopathyGrade.FromWestHaven(g);
        }

        if (reader.TokenType == JsonTokenType.Number)
        {
            issues.Add(InputIssue.Error(IssueCodes.InvalidValue, path, $"{path} {JsonInput.EchoNumber(reader.ValueSpan)} is out of range: a West Haven grade is an integer 0 to 4."));
            return null;
        }

        Issues.WrongType(ref reader, path, "an integer 0 to 4 (West Haven grade)", issues);
        return null;
    }

    private static bool? ReadBool(ref Utf8JsonReader reader, string path, List<InputIssue> issues)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            default:
                Issues.WrongType(ref reader, path, "true or false", issues);
                return null;
        }
    }

    /// <summary>What a number too large for <see cref="decimal"/> is told, with the range every number is read in.</summary>
    private const string OutOfRange = "numbers are read from -79,228,162,514,264,337,593,543,950,335 to 79,228,162,514,264,337,593,543,950,335";

    /// <summary>
    /// A JSON number as a decimal. A number beyond decimal's range is reported as out of range with
    /// <paramref name="accepted"/> (the field's own range, e.g. "0 to 130 years") under <paramref name="code"/>; any other token is SNP002.
    /// </summary>
    private static decimal? ReadNumber(ref Utf8JsonReader reader, string path, string accepted, List<InputIssue> issues, string code = IssueCodes.InvalidValue)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var d))
        {
            return d;
        }

        if (reader.TokenType == JsonTokenType.Number)
        {
            issues.Add(InputIssue.Error(code, path, $"{path} {JsonInput.EchoNumber(reader.ValueSpan)} is out of range: expected {accepted}."));
            return null;
        }

        Issues.WrongType(ref reader, path, $"a number ({accepted})", issues);
        return null;
    }

    /// <summary>SNP002 (see <see cref="Issues.WrongType"/>) as a null value of the field.</summary>
    private static T? WrongType<T>(ref Utf8JsonReader reader, string path, string expected, List<InputIssue> issues)
        where T : class
    {
        Issues.WrongType(ref reader, path, expected, issues);
        return null;
    }

    private static bool IsBlank(ReadOnlySpan<byte> utf8)
    {
        var trimmed = utf8.Trim(" \t\r\n"u8);
        return trimmed.IsEmpty || trimmed.SequenceEqual("\uFEFF"u8);
    }

    private static string FirstSentence(string message)
    {
        foreach (var marker in (ReadOnlySpan<string>)[" LineNumber:", " Path:"])
        {
            var cut = message.IndexOf(marker, StringComparison.Ordinal);
            if (cut > 0)
            {
                message = message[..cut];
            }
        }

        return message.TrimEnd();
    }
}
