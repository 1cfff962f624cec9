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
/// missing or unknown units, impossible values. Unusable values are left out of the snapshot.
/// </summary>
public static class SnapshotReader
{
    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 16 };

    /// <summary>Reads one snapshot from UTF-8 JSON.</summary>
    public static SnapshotReadResult Read(ReadOnlySpan<byte> utf8Json)
    {
        var issues = new List<InputIssue>();
        if (IsBlank(utf8Json))
        {
            issues.Add(InputIssue.Error(IssueCodes.EmptyInput, "$", "The input is empty: expected a snapshot JSON object."));
            return new SnapshotReadResult(null, issues);
        }

        var reader = new Utf8JsonReader(utf8Json, Options);
        try
        {
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                issues.Add(InputIssue.Error(IssueCodes.WrongType, "$", $"Expected a JSON object, found {Describe(reader.TokenType)}."));
                return new SnapshotReadResult(null, issues);
            }

            var snapshot = ReadSnapshot(ref reader, issues);
            if (reader.Read())
            {
                issues.Add(InputIssue.Error(IssueCodes.MalformedJson, "$", $"Unexpected content after the snapshot object at byte {reader.TokenStartIndex}."));
                return new SnapshotReadResult(null, issues);
            }

            return new SnapshotReadResult(snapshot with { Issues = issues }, issues);
        }
        catch (JsonException e)
        {
            issues.Add(InputIssue.Error(IssueCodes.MalformedJson, "$", $"Malformed JSON at line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}: {FirstSentence(e.Message)}"));
            return new SnapshotReadResult(null, issues);
        }
    }

    /// <summary>Reads one snapshot from a string.</summary>
    public static SnapshotReadResult Read(string json) => Read(Encoding.UTF8.GetBytes(json ?? string.Empty));

    private static PatientSnapshot ReadSnapshot(ref Utf8JsonReader reader, List<InputIssue> issues)
    {
        string? id = null;
        Sex? sex = null;
        decimal? age = null;
        var labs = LabPanel.Empty;
        var findings = ClinicalFindings.Empty;
        var seen = new Seen();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();
            if (!seen.Add(key, key, issues))
            {
                reader.Skip();
                continue;
            }

            switch (key)
            {
                case "id":
                    id = reader.TokenType switch
                    {
                        JsonTokenType.String => reader.GetString(),
                        JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
                        _ => WrongType<string>(ref reader, "id", "a string", issues),
                    };
                    break;
                case "sex":
                    sex = ReadEnum(ref reader, "sex", issues, ("female", Sex.Female), ("male", Sex.Male));
                    break;
                case "ageYears":
                    age = ReadNumber(ref reader, "ageYears", issues) is { } a ? CheckAge(a, issues) : null;
                    break;
                case "labs":
                    labs = ReadLabs(ref reader, issues);
                    break;
                case "findings":
                    findings = ReadFindings(ref reader, issues);
                    break;
                default:
                    Unknown(ref reader, key, key, "id, sex, ageYears, labs, findings", issues);
                    break;
            }
        }

        return new PatientSnapshot { Id = id, Sex = sex, AgeYears = age, Labs = labs, Findings = findings };
    }

    private static decimal? CheckAge(decimal age, List<InputIssue> issues)
    {
        if (age < 0m || age > PlausibilityLimits.MaximumAgeYears)
        {
            issues.Add(InputIssue.Error(IssueCodes.ImpossibleValue, "ageYears", $"Age {age.ToString(System.Globalization.CultureInfo.InvariantCulture)} years is impossible: expected 0 to {PlausibilityLimits.MaximumAgeYears}."));
            return null;
        }

        return age;
    }

    private static LabPanel ReadLabs(ref Utf8JsonReader reader, List<InputIssue> issues)
    {
        var panel = LabPanel.Empty;
        if (!ExpectObject(ref reader, "labs", issues))
        {
            return panel;
        }

        var seen = new Seen();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            var path = "labs." + key;
            reader.Read();
            if (!seen.Add(key, path, issues))
            {
                reader.Skip();
                continue;
            }

            if (!LabFields.IsKnown(key))
            {
                Unknown(ref reader, key, path, LabFields.KnownList, issues);
                continue;
            }

            if (ReadLabValue(ref reader, path, issues) is { } lab)
            {
                panel = LabFields.Set(panel, key, lab.Value, lab.Unit, path, issues);
            }
        }

        return panel;
    }

    private static (decimal Value, string? Unit)? ReadLabValue(ref Utf8JsonReader reader, string path, List<InputIssue> issues)
    {
        if (!ExpectObject(ref reader, path, issues))
        {
            return null;
        }

        decimal? value = null;
        string? unit = null;
        var valueSeen = false;
        var ok = true;
        var seen = new Seen();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();
            if (!seen.Add(key, path + "." + key, issues))
            {
                reader.Skip();
                ok = false;
                continue;
            }

            switch (key)
            {
                case "value":
                    valueSeen = true;
                    value = ReadLabNumber(ref reader, path + ".value", issues);
                    ok &= value is not null;
                    break;
                case "unit":
                    if (reader.TokenType == JsonTokenType.String)
                    {
                        unit = reader.GetString();
                    }
                    else if (reader.TokenType != JsonTokenType.Null)
                    {
                        WrongType<string>(ref reader, path + ".unit", "a string (a UCUM unit such as \"mg/dL\")", issues);
                        ok = false;
                    }

                    break;
                default:
                    Unknown(ref reader, key, path + "." + key, "value, unit", issues);
                    break;
            }
        }

        if (!valueSeen)
        {
            issues.Add(InputIssue.Error(IssueCodes.MissingValue, path + ".value", $"{path} has no \"value\"."));
            return null;
        }

        return ok && value is { } v ? (v, unit) : null;
    }

    private static decimal? ReadLabNumber(ref Utf8JsonReader reader, string path, List<InputIssue> issues)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var d))
        {
            return d;
        }

        var shown = reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray ? Describe(reader.TokenType) : Encoding.UTF8.GetString(reader.ValueSpan);
        issues.Add(InputIssue.Error(IssueCodes.NotANumber, path, $"{path} must be a JSON number, found {(reader.TokenType == JsonTokenType.String ? "\"" + shown + "\"" : shown)}."));
        reader.Skip();
        return null;
    }

    private static ClinicalFindings ReadFindings(ref Utf8JsonReader reader, List<InputIssue> issues)
    {
        var f = ClinicalFindings.Empty;
        if (!ExpectObject(ref reader, "findings", issues))
        {
            return f;
        }

        var seen = new Seen();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            var path = "findings." + key;
            reader.Read();
            if (!seen.Add(key, path, issues))
            {
                reader.Skip();
                continue;
            }

            switch (key)
            {
                case "ascites":
                    f = f with { Ascites = ReadEnum(ref reader, path, issues, ("none", Ascites.None), ("mild", Ascites.Mild), ("moderate-severe", Ascites.ModerateSevere)) };
                    break;
                case "encephalopathyGrade":
                    f = f with { Encephalopathy = ReadGrade(ref reader, path, issues) };
                    break;
                case "dialysisTwiceInPastWeek":
                    f = f with { DialysisTwiceInPastWeek = ReadBool(ref reader, path, issues) };
                    break;
                case "cholestaticLiverDisease":
                    f = f with { CholestaticLiverDisease = ReadBool(ref reader, path, issues) };
                    break;
                case "fattyLiverDisease":
                    f = f with { FattyLiverDisease = ReadBool(ref reader, path, issues) };
                    break;
                default:
                    Unknown(ref reader, key, path, "ascites, encephalopathyGrade, dialysisTwiceInPastWeek, cholestaticLiverDisease, fattyLiverDisease", issues);
                    break;
            }
        }

        return f;
    }

    private static EncephalopathyGrade? ReadGrade(ref Utf8JsonReader reader, string path, List<InputIssue> issues)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var g) && g is >= 0 and <= EncephalopathyGrade.MaximumGrade)
        {
            return EncephalopathyGrade.FromWestHaven(g);
        }

        if (reader.TokenType == JsonTokenType.Number)
        {
            issues.Add(InputIssue.Error(IssueCodes.InvalidValue, path, $"{path} {Encoding.UTF8.GetString(reader.ValueSpan)} is not a West Haven grade: expected an integer 0 to 4."));
            return null;
        }

        return WrongTypeStruct<EncephalopathyGrade>(ref reader, path, "an integer 0 to 4 (West Haven grade)", issues);
    }

    private static bool? ReadBool(ref Utf8JsonReader reader, string path, List<InputIssue> issues) =>
        reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => WrongTypeStruct<bool>(ref reader, path, "true or false", issues),
        };

    private static decimal? ReadNumber(ref Utf8JsonReader reader, string path, List<InputIssue> issues)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var d))
        {
            return d;
        }

        return WrongTypeStruct<decimal>(ref reader, path, "a number", issues);
    }

    private static T? ReadEnum<T>(ref Utf8JsonReader reader, string path, List<InputIssue> issues, params (string Name, T Value)[] members)
        where T : struct
    {
        var accepted = string.Join(", ", members.Select(m => m.Name));
        if (reader.TokenType != JsonTokenType.String)
        {
            return WrongTypeStruct<T>(ref reader, path, $"one of {accepted}", issues);
        }

        foreach (var (name, value) in members)
        {
            if (reader.ValueTextEquals(name))
            {
                return value;
            }
        }

        issues.Add(InputIssue.Error(IssueCodes.InvalidValue, path, $"{path} \"{reader.GetString()}\" is not accepted: expected one of {accepted}."));
        return null;
    }

    private static bool ExpectObject(ref Utf8JsonReader reader, string path, List<InputIssue> issues)
    {
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            return true;
        }

        WrongType<object>(ref reader, path, "an object", issues);
        return false;
    }

    private static T? WrongType<T>(ref Utf8JsonReader reader, string path, string expected, List<InputIssue> issues)
        where T : class
    {
        issues.Add(InputIssue.Error(IssueCodes.WrongType, path, $"{path} must be {expected}, found {Describe(reader.TokenType)}."));
        reader.Skip();
        return null;
    }

    private static T? WrongTypeStruct<T>(ref Utf8JsonReader reader, string path, string expected, List<InputIssue> issues)
        where T : struct
    {
        WrongType<object>(ref reader, path, expected, issues);
        return null;
    }

    private static void Unknown(ref Utf8JsonReader reader, string key, string path, string known, List<InputIssue> issues)
    {
        issues.Add(InputIssue.Warning(IssueCodes.UnknownKey, path, $"Unknown key \"{key}\" ignored. Known keys here: {known}."));
        reader.Skip();
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    private static bool IsBlank(ReadOnlySpan<byte> utf8) => utf8.Trim(" \t\r\n"u8).IsEmpty || utf8.SequenceEqual("\uFEFF"u8);

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    /// <summary>Keys already seen in one object; a repeated key is an error (which value was meant is unknown).</summary>
    private struct Seen
    {
        private HashSet<string>? keys;

        public bool Add(string key, string path, List<InputIssue> issues)
        {
            keys ??= new HashSet<string>(StringComparer.Ordinal);
            if (keys.Add(key))
            {
                return true;
            }

            issues.Add(InputIssue.Error(IssueCodes.DuplicateKey, path, $"Key \"{key}\" appears more than once; its values are ignored."));
            return false;
        }
    }
}
