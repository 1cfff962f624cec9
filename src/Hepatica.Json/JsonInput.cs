using System.Globalization;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Json;

/// <summary>
/// What every reader of untrusted JSON does the same way (docs/snapshot.md, "Limits"): skips a UTF-8 byte order mark,
/// finds the escapes <see cref="System.Text.Json.Utf8JsonReader"/> accepts but cannot decode (a lone UTF-16 surrogate
/// such as <c>\ud800</c>: the reader throws <see cref="InvalidOperationException"/> only when the string is read or
/// compared), shortens input text echoed in messages, and bounds the number of issues of one code per document.
/// Used by the snapshot reader here, the FHIR readers (Hepatica.Fhir) and the CDS Hooks request reader (Hepatica.Web).
/// </summary>
public static class JsonInput
{
    /// <summary>At most this many characters of input text are echoed in a message or path; longer text is cut with "…" and its length.</summary>
    public const int MaxEchoLength = 64;

    /// <summary>At most this many issues of one code are reported per document; one more issue of that code says how many were left out.</summary>
    public const int MaxIssuesPerCode = 25;

    /// <summary>A message longer than this is cut (a safety net behind <see cref="Echo"/>).</summary>
    public const int MaxMessageLength = 1_000;

    /// <summary>A path longer than this is cut.</summary>
    public const int MaxPathLength = 200;

    /// <summary>The UTF-8 encoding of U+FEFF, the byte order mark.</summary>
    public static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];

    /// <summary>The text without a leading UTF-8 byte order mark.</summary>
    public static ReadOnlySpan<byte> WithoutBom(ReadOnlySpan<byte> utf8) => utf8.StartsWith(ByteOrderMark) ? utf8[3..] : utf8;

    /// <summary>
    /// Finds what <see cref="System.Text.Json.Utf8JsonReader"/> tokenises but cannot decode (it then throws
    /// <see cref="InvalidOperationException"/>, not <see cref="System.Text.Json.JsonException"/>): a byte sequence that
    /// is not UTF-8, or the first <c>\u</c> escape that does not decode to text: a low surrogate (<c>\udc00</c>-<c>\udfff</c>) not
    /// preceded by a high one, or a high surrogate (<c>\ud800</c>-<c>\udbff</c>) not followed by a low one. Escapes are
    /// read left to right from each backslash (in valid JSON a backslash occurs only inside strings, and <c>\\</c> is
    /// one escape), so no quote tracking is needed; other escape errors are left to the JSON reader. Returns the
    /// message "Malformed JSON at line L, byte B: ..." or null. Vectorised search: text with no backslash costs one scan.
    /// </summary>
    public static string? FindUndecodable(ReadOnlySpan<byte> utf8)
    {
        if (FirstInvalidUtf8Byte(utf8) is { } bad)
        {
            return string.Create(CultureInfo.InvariantCulture, $"Malformed JSON at byte {bad + 1}: not UTF-8 text (JSON must be UTF-8).");
        }

        var i = 0;
        while (i < utf8.Length)
        {
            var k = utf8[i..].IndexOf((byte)'\\');
            if (k < 0)
            {
                return null;
            }

            i += k;
            if (i + 1 >= utf8.Length || utf8[i + 1] != (byte)'u' || !TryHex(utf8, i + 2, out var unit))
            {
                i += 2; // another escape (\n, \", \\ ...), or one the JSON reader will report
                continue;
            }

            if (unit is >= 0xD800 and <= 0xDBFF)
            {
                if (i + 12 <= utf8.Length && utf8[i + 6] == (byte)'\\' && utf8[i + 7] == (byte)'u' && TryHex(utf8, i + 8, out var low) && low is >= 0xDC00 and <= 0xDFFF)
                {
                    i += 12;
                    continue;
                }

                return Bad(utf8, i, $"the escape \\u{unit:x4} is a high UTF-16 surrogate not followed by a low one (\\udc00 to \\udfff), so the string is not text");
            }

            if (unit is >= 0xDC00 and <= 0xDFFF)
            {
                return Bad(utf8, i, $"the escape \\u{unit:x4} is a lone low UTF-16 surrogate (it must follow a high one, \\ud800 to \\udbff), so the string is not text");
            }

            i += 6;
        }

        return null; // the text ends in a backslash (i passed the end): the JSON reader reports the cut string
    }

    /// <summary>Input text for a message: as is when short, else its first <see cref="MaxEchoLength"/> characters, "…" and its length.</summary>
    public static string Echo(string? text)
    {
        if (text is null || text.Length <= MaxEchoLength)
        {
            return text ?? string.Empty;
        }

        var cut = char.IsHighSurrogate(text[MaxEchoLength - 1]) ? MaxEchoLength - 1 : MaxEchoLength;
        return string.Create(CultureInfo.InvariantCulture, $"{text.AsSpan(0, cut)}… ({text.Length:N0} characters)");
    }

    /// <summary>A JSON number's text for a message: as is when short, else its first digits, "…" and its length.</summary>
    public static string EchoNumber(ReadOnlySpan<byte> utf8Number)
    {
        if (utf8Number.Length <= MaxEchoLength)
        {
            return System.Text.Encoding.UTF8.GetString(utf8Number);
        }

        return string.Create(CultureInfo.InvariantCulture, $"{System.Text.Encoding.UTF8.GetString(utf8Number[..24])}… ({utf8Number.Length:N0} digits)");
    }

    /// <summary>
    /// Whether an issue of <paramref name="code"/> may be added: always for a plain list; for an <see cref="IssueCounter"/>,
    /// only while fewer than <see cref="MaxIssuesPerCode"/> of that code were admitted (the others are counted, so the
    /// message of an issue left out is never built). Readers call it where one document can hold a flood of one kind.
    /// </summary>
    public static bool Admit(List<InputIssue> issues, string code, IssueSeverity severity) => issues is not IssueCounter c || c.Admit(code, severity);

    /// <summary>
    /// The issues with at most <see cref="MaxIssuesPerCode"/> of each code (the first ones, in order), each code over the
    /// cap followed at the end by one issue saying how many were left out, and every message and path cut to its bound.
    /// </summary>
    public static List<InputIssue> Cap(List<InputIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        if (issues.Count < MaxIssuesPerCode && issues.TrueForAll(i => i.Message.Length <= MaxMessageLength && i.Path.Length <= MaxPathLength))
        {
            return issues; // nothing over a cap (a code can be refused only after MaxIssuesPerCode were kept)
        }

        var counted = issues as IssueCounter;
        Dictionary<string, (int Count, IssueSeverity Severity)>? byCode = null;
        var result = new List<InputIssue>(Math.Min(issues.Count, 64));
        foreach (var issue in issues)
        {
            byCode ??= new Dictionary<string, (int, IssueSeverity)>(StringComparer.Ordinal);
            var (count, severity) = byCode.GetValueOrDefault(issue.Code);
            byCode[issue.Code] = (count + 1, count >= MaxIssuesPerCode && issue.Severity == IssueSeverity.Error ? IssueSeverity.Error : severity);
            if (count < MaxIssuesPerCode)
            {
                result.Add(Bounded(issue));
            }
        }

        foreach (var (code, (count, severity)) in byCode ?? [])
        {
            var left = count - MaxIssuesPerCode + (counted?.Dropped(code) ?? 0);
            if (left > 0)
            {
                var message = string.Create(CultureInfo.InvariantCulture, $"{left:N0} more {code} issues left out: at most {MaxIssuesPerCode} of one code are reported per document.");
                result.Add(new InputIssue(code, counted?.DroppedError(code) == true ? IssueSeverity.Error : severity, "$", message));
            }
        }

        return result;
    }

    private static InputIssue Bounded(InputIssue issue) =>
        issue.Message.Length <= MaxMessageLength && issue.Path.Length <= MaxPathLength
            ? issue
            : issue with { Message = Cut(issue.Message, MaxMessageLength), Path = Cut(issue.Path, MaxPathLength) };

    private static string Cut(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return string.Create(CultureInfo.InvariantCulture, $"{text.AsSpan(0, cut)}… ({text.Length:N0} characters)");
    }

    private static long? FirstInvalidUtf8Byte(ReadOnlySpan<byte> utf8)
    {
        if (System.Text.Unicode.Utf8.IsValid(utf8))
        {
            return null;
        }

        Span<char> chars = stackalloc char[512];
        long offset = 0;
        while (true)
        {
            var status = System.Text.Unicode.Utf8.ToUtf16(utf8, chars, out var read, out _, replaceInvalidSequences: false);
            if (status != System.Buffers.OperationStatus.DestinationTooSmall)
            {
                return offset + read;
            }

            utf8 = utf8[read..];
            offset += read;
        }
    }

    private static bool TryHex(ReadOnlySpan<byte> utf8, int at, out int value)
    {
        value = 0;
        if (at + 4 > utf8.Length)
        {
            return false;
        }

        for (var j = at; j < at + 4; j++)
        {
            var b = utf8[j];
            var digit = b is >= (byte)'0' and <= (byte)'9' ? b - '0' : (b | 0x20) is >= 'a' and <= 'f' ? (b | 0x20) - 'a' + 10 : -1;
            if (digit < 0)
            {
                return false;
            }

            value = (value << 4) | digit;
        }

        return true;
    }

    private static string Bad(ReadOnlySpan<byte> utf8, int at, string why)
    {
        var before = utf8[..at];
        var line = before.Count((byte)'\n') + 1;
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return string.Create(CultureInfo.InvariantCulture, $"Malformed JSON at line {line}, byte {at - lineStart + 1}: {why}.");
    }
}

/// <summary>
/// An issue list that also counts, per code, the issues admitted through <see cref="JsonInput.Admit"/> and the ones
/// refused once the cap is reached, so a flood of one kind (a megabyte of unknown keys) costs no memory;
/// <see cref="JsonInput.Cap"/> reports the count.
/// </summary>
public sealed class IssueCounter : List<InputIssue>
{
    private readonly Dictionary<string, (int Admitted, int Dropped, bool Error)> counts = new(StringComparer.Ordinal);

    /// <summary>True (and counted as admitted) while the cap for <paramref name="code"/> is not reached; else counted as left out.</summary>
    public bool Admit(string code, IssueSeverity severity)
    {
        var c = counts.GetValueOrDefault(code);
        if (c.Admitted >= JsonInput.MaxIssuesPerCode)
        {
            counts[code] = (c.Admitted, c.Dropped + 1, c.Error || severity == IssueSeverity.Error);
            return false;
        }

        counts[code] = (c.Admitted + 1, c.Dropped, c.Error);
        return true;
    }

    /// <summary>How many issues of <paramref name="code"/> were refused.</summary>
    public int Dropped(string code) => counts.TryGetValue(code, out var c) ? c.Dropped : 0;

    /// <summary>Whether an error of <paramref name="code"/> was among those refused.</summary>
    public bool DroppedError(string code) => counts.TryGetValue(code, out var c) && c.Error;
}
