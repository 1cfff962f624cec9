using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Hepatica.Clinical;
using Hepatica.Clinical.Scoring;
using Hepatica.Fhir.Writing;
using Hepatica.Json;
using Hl7.Fhir.Model;

namespace Hepatica.Web.Api;

/// <summary>One issue as the <c>issues</c> extension of a ProblemDetails lists it.</summary>
internal sealed record IssueBody(string Code, string Severity, string Path, string Message)
{
    public static IssueBody Of(InputIssue issue) => new(issue.Code, issue.Severity == IssueSeverity.Error ? "error" : "warning", issue.Path, issue.Message);
}

/// <summary>The responses of the API: the JSON contract written as the CLI writes it, FHIR resources, and problems with their issues.</summary>
internal static class ApiResults
{
    private const string JsonUtf8 = MediaTypes.Json + "; charset=utf-8";
    private const string FhirJsonUtf8 = MediaTypes.FhirJson + "; charset=utf-8";

    // The writer options of `hepatica assess --format json`, so the same input gives the same bytes.
    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The assessment contract (docs/output.md); <c>sources</c> last for FHIR input, as the CLI writes it.</summary>
    public static IResult Assessment(Assessment assessment, Detail detail, AsOf asOf, IReadOnlyList<FhirSource> sources) =>
        Json(w => AssessmentWriter.Write(w, assessment, detail, asOf, sources: sources));

    /// <summary>The bytes <see cref="Assessment"/> answers with (the receipts route stores exactly these).</summary>
    public static byte[] AssessmentBytes(Assessment assessment, Detail detail, AsOf asOf, IReadOnlyList<FhirSource> sources)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using (var w = new Utf8JsonWriter(buffer, Indented))
        {
            AssessmentWriter.Write(w, assessment, detail, asOf, sources: sources);
        }

        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>A FHIR resource as application/fhir+json.</summary>
    public static IResult Fhir(Resource resource, int status = StatusCodes.Status200OK) =>
        Results.Text(FhirAssessmentWriter.ToJson(resource), FhirJsonUtf8, Encoding.UTF8, status);

    /// <summary>Anything written with the CLI's writer options, one trailing newline, as application/json.</summary>
    public static IResult Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using (var w = new Utf8JsonWriter(buffer, Indented))
        {
            write(w);
        }

        buffer.Write("\n"u8);
        return Results.Bytes(buffer.WrittenMemory, JsonUtf8);
    }

    /// <summary>
    /// An error: a ProblemDetails whose <c>issues</c> extension lists every issue, or, when the client asked for FHIR,
    /// an OperationOutcome with the same issues and status.
    /// </summary>
    public static IResult Problem(WireFormat format, int status, string title, string detail, IReadOnlyList<InputIssue> issues, IDictionary<string, object?>? extensions = null)
    {
        if (format == WireFormat.Fhir)
        {
            return Fhir(FhirAssessmentWriter.ToOperationOutcome(issues), status);
        }

        var members = new Dictionary<string, object?>(extensions ?? new Dictionary<string, object?>())
        {
            ["issues"] = issues.Select(IssueBody.Of).ToArray(),
        };
        return TypedResults.Problem(detail, statusCode: status, title: title, extensions: members);
    }
}
