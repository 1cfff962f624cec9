using System.Globalization;
using System.Text;

namespace Hepatica.Cli;

/// <summary>
/// Text for a terminal (the text report, messages on standard error): a control character from the input would
/// be obeyed by the terminal (an id holding <c>ESC [ 2 J</c> clears the screen, a CR overwrites the line, a bidi
/// override reorders what follows), so each is shown as <c>\uXXXX</c> instead: the C0 controls (NUL to US,
/// including CR, LF and TAB inside a value), DEL, the C1 controls (U+0080 to U+009F, CSI among them) and the
/// bidirectional formatting characters. JSON output is not touched: its writer escapes them as JSON does.
/// </summary>
internal static class TerminalText
{
    /// <summary>
    /// The longest issue path or message shown (characters); the rest is replaced by a note of how much was cut,
    /// so one message echoing a huge input value cannot flood a terminal or outgrow an output writer (docs/output.md).
    /// </summary>
    public const int MaxIssueTextChars = 4096;

    /// <summary><paramref name="text"/> with every unsafe character escaped (null stays empty).</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }

        var first = text.AsSpan().IndexOfAny(UnsafeChars);
        return first < 0 ? text : Append(new StringBuilder(text.Length + 16).Append(text, 0, first), text.AsSpan(first), keepNewlines: false).ToString();
    }

    /// <summary>A whole rendered report: its own line breaks are kept, any other unsafe character escaped (a safety net behind <see cref="Escape"/>).</summary>
    public static string EscapeReport(string report)
    {
        var first = report.AsSpan().IndexOfAny(UnsafeButNewline);
        return first < 0 ? report : Append(new StringBuilder(report.Length + 16).Append(report, 0, first), report.AsSpan(first), keepNewlines: true).ToString();
    }

    /// <summary>
    /// <paramref name="text"/> cut to <see cref="MaxIssueTextChars"/>, with a note of what was cut (not inside a
    /// surrogate pair). Applies to every output, JSON and FHIR included: the input limit bounds one echoed value,
    /// this bounds a message that echoes several.
    /// </summary>
    public static string Cut(string text)
    {
        if (text.Length <= MaxIssueTextChars)
        {
            return text;
        }

        var keep = char.IsHighSurrogate(text[MaxIssueTextChars - 1]) ? MaxIssueTextChars - 1 : MaxIssueTextChars;
        return string.Create(CultureInfo.InvariantCulture, $"{text.AsSpan(0, keep)}… ({text.Length - keep:N0} more characters not shown)");
    }

    /// <summary>True for a character a terminal must not receive raw.</summary>
    public static bool IsUnsafe(char c) => UnsafeChars.Contains(c);

    private static readonly System.Buffers.SearchValues<char> UnsafeChars = System.Buffers.SearchValues.Create(UnsafeList(withNewline: true));

    private static readonly System.Buffers.SearchValues<char> UnsafeButNewline = System.Buffers.SearchValues.Create(UnsafeList(withNewline: false));

    private static string UnsafeList(bool withNewline)
    {
        var sb = new StringBuilder();
        for (var c = '\0'; c < ' '; c++)
        {
            if (withNewline || c != '\n')
            {
                sb.Append(c);
            }
        }

        for (var c = '\u007f'; c <= '\u009f'; c++)
        {
            sb.Append(c);
        }

        sb.Append("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069");
        return sb.ToString();
    }

    private static StringBuilder Append(StringBuilder sb, ReadOnlySpan<char> rest, bool keepNewlines)
    {
        var crlf = Environment.NewLine == "\r\n";
        for (var i = 0; i < rest.Length; i++)
        {
            var c = rest[i];
            var lineBreak = keepNewlines && (c == '\n' || (crlf && c == '\r' && i + 1 < rest.Length && rest[i + 1] == '\n'));
            if (UnsafeChars.Contains(c) && !lineBreak)
            {
                sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb;
    }
}
