using System.Globalization;
using System.Text.Json;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Json;

/// <summary>
/// The value readers of the causes keys (docs/snapshot.md; the keys are rows of <see cref="Autoimmune"/>,
/// <see cref="Dili"/> and <see cref="Alcohol"/>): autoantibody titers as "1:80", 80 or "negative", IgG as a lab object,
/// AUDIT-C answers as points.
/// </summary>
public static partial class SnapshotReader
{
    private const string TiterAccepted = "a titer \"1:40\", its reciprocal as an integer (40), or \"negative\"";
    private const int MaximumTiter = 1_000_000;

    /// <summary>A titer as "1:80", 80 or "negative" (0); anything else SNP004/SNP002.</summary>
    private static int? ReadTiter(ref Utf8JsonReader reader, string path, List<InputIssue> issues)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.TryGetInt32(out var n) && n is >= 0 and <= MaximumTiter ? n : InvalidTiter(JsonInput.EchoNumber(reader.ValueSpan) + " is out of range:", path, issues);
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            return Issues.Invalid<int>(ref reader, path, TiterAccepted, issues);
        }

        var text = reader.GetString()!.Trim();
        if (text.Equals("negative", StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }

        return text.StartsWith("1:", StringComparison.Ordinal)
            && int.TryParse(text.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var t) && t is > 0 and <= MaximumTiter
            ? t
            : InvalidTiter("\"" + JsonInput.Echo(text) + "\" is not accepted:", path, issues);
    }

    private static int? InvalidTiter(string shown, string path, List<InputIssue> issues)
    {
        issues.Add(InputIssue.Error(IssueCodes.InvalidValue, path, $"{path} {shown} expected {TiterAccepted}."));
        return null;
    }

    private static ImmunoglobulinG? ReadIgG(ref Utf8JsonReader reader, string path, List<InputIssue> issues) =>
        ReadLabValue(ref reader, path, issues, out var e) && ImmunoglobulinG.TryRead(e.Value, e.Unit, path, issues, out var igg) ? igg : null;

    /// <summary>An AUDIT-C answer: an integer 0-4 (SNP004 outside, SNP002 when not a number).</summary>
    private static int? ReadAnswer(ref Utf8JsonReader reader, string path, List<InputIssue> issues)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var n) && n is >= 0 and <= 4)
        {
            return n;
        }

        if (reader.TokenType == JsonTokenType.Number)
        {
            issues.Add(InputIssue.Error(IssueCodes.InvalidValue, path, $"{path} {JsonInput.EchoNumber(reader.ValueSpan)} is out of range: an AUDIT-C answer is an integer 0 to 4."));
            return null;
        }

        Issues.WrongType(ref reader, path, "an integer 0 to 4", issues);
        return null;
    }
}
