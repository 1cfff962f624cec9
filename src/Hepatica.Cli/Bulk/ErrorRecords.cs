using System.Buffers;
using System.Text.Json;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Cli.Bulk;

/// <summary>
/// The per-resource error records of a Bulk Data batch, written to <c>OUT.errors.ndjson</c> in file and line order
/// (docs/fhir.md, "Bulk Data"): <c>{"file","line","resourceType","patient","status":"error","errors":[...],"warnings":[...]}</c>,
/// each issue as in the assessment records (code, severity, path, message).
/// </summary>
internal static class ErrorRecords
{
    private static readonly JsonWriterOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>One record, newline-terminated.</summary>
    public static byte[] Render(string file, long line, string? resourceType, string? patient, IReadOnlyList<InputIssue> issues)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            w.WriteString("file"u8, file);
            w.WriteNumber("line"u8, line);
            if (resourceType is not null)
            {
                w.WriteString("resourceType"u8, resourceType);
            }

            if (patient is not null)
            {
                w.WriteString("patient"u8, patient);
            }

            w.WriteString("status"u8, "error"u8);
            WriteIssues(w, issues);
            w.WriteEndObject();
        }

        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The <c>errors</c> and <c>warnings</c> arrays, in the shape of the assessment records.</summary>
    public static void WriteIssues(Utf8JsonWriter w, IReadOnlyList<InputIssue> issues)
    {
        foreach (var (name, severity) in new[] { ("errors", IssueSeverity.Error), ("warnings", IssueSeverity.Warning) })
        {
            w.WriteStartArray(name);
            foreach (var issue in issues.Where(i => i.Severity == severity))
            {
                w.WriteStartObject();
                w.WriteString("code"u8, issue.Code);
                w.WriteString("severity"u8, severity == IssueSeverity.Error ? "error"u8 : "warning"u8);
                w.WriteString("path"u8, issue.Path);
                w.WriteString("message"u8, issue.Message);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }
    }
}
