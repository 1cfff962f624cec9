using System.Text.Json;

namespace Hepatica.Cli.Tests;

/// <summary>
/// Text meant for a terminal never carries a control character from the input (issue 10, "Also"): an id, a unit or
/// a key with ESC sequences could rewrite the screen. They are shown as <c>\u001B</c>; JSON output keeps JSON's
/// escapes. And issues go to standard error in every format, as the README says.
/// </summary>
public sealed class TerminalTextTests : IDisposable
{
    /// <summary>ESC (a colour and a clear-screen sequence), BEL, CR, NUL, DEL, the C1 CSI (U+009B) and a bidi override (U+202E).</summary>
    private const string Hostile = """
        {"id": "a\u001b[31mb\u009bc\u0007d\re\u0000f\u007fg\u202eh",
         "labs": {"bilirubin": {"value": 2, "unit": "mg\u001b[2J/dL"}},
         "k\u001b]0;title\u0007ey": 1}
        """;

    private readonly string work = Directory.CreateTempSubdirectory("hepatica-terminal-test-").FullName;

    public void Dispose() => Directory.Delete(work, recursive: true);

    private static void NoControlCharacters(string text)
    {
        foreach (var c in text)
        {
            Assert.False(TerminalTextTestsHelper.IsUnsafe(c) && c != '\n', $"U+{(int)c:X4} reached the terminal");
        }
    }

    [Fact]
    public async Task Assess_Text_EscapesControlCharactersInIdUnitKeyAndMessages()
    {
        var r = await Hepatica.RunWithInput(Hostile, "assess", "-");

        Assert.Equal(2, r.ExitCode); // the unit is unknown
        NoControlCharacters(r.Stdout);
        NoControlCharacters(r.Stderr);
        Assert.Contains(@"Hepatica assessment: a\u001B[31mb\u009Bc\u0007d\u000De\u0000f\u007Fg\u202Eh", r.Stdout, StringComparison.Ordinal);
        Assert.Contains(@"mg\u001B[2J/dL", r.Stdout, StringComparison.Ordinal); // the unit, in the LAB002 message
        Assert.Contains(@"k\u001B]0;title\u0007ey", r.Stdout, StringComparison.Ordinal); // the unknown key
        Assert.Contains(@"mg\u001B[2J/dL", r.Stderr, StringComparison.Ordinal);
        Assert.Contains(@"k\u001B]0;title\u0007ey", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assess_Json_KeepsJsonEscapesAndEscapesTheIssueLinesOnStandardError()
    {
        var r = await Hepatica.RunWithInput(Hostile, "assess", "-", "--format", "json");

        Assert.Equal(2, r.ExitCode);
        Assert.DoesNotContain(r.Stdout, c => char.IsControl(c) && c != '\n'); // the JSON writer escapes C0, DEL and C1 (a bidi override is text to JSON)
        NoControlCharacters(r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal("a\u001b[31mb\u009bc\u0007d\re\u0000f\u007fg\u202eh", doc.RootElement.GetProperty("id").GetString());
        Assert.Contains(@"\u001B[31m", r.Stdout, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(@"k\u001B]0;title\u0007ey", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assess_Fhir_EscapesTheIssueLinesOnStandardError()
    {
        var r = await Hepatica.RunWithInput(Hostile, "assess", "-", "--format", "fhir");

        NoControlCharacters(r.Stderr);
        Assert.Contains(@"mg\u001B[2J/dL", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assess_Explain_EscapesTheFhirSourcesSection()
    {
        var bundle = """
            {"resourceType": "Bundle", "type": "collection", "entry": [
              {"resource": {"resourceType": "Patient", "id": "p1", "gender": "male", "birthDate": "1970-01-01"}},
              {"resource": {"resourceType": "Observation", "id": "o1", "status": "final",
                "code": {"coding": [{"system": "http://loinc.org", "code": "1975-2"}]},
                "subject": {"reference": "Patient/p1"}, "effectiveDateTime": "2026-11-19",
                "valueQuantity": {"value": 2.1, "unit": "mg/dL\u001b[2J", "system": "http://unitsofmeasure.org", "code": "mg/dL"}}}]}
            """;

        var r = await Hepatica.RunWithInput(bundle, "assess", "-", "--as-of", "2026-11-20", "--explain");

        NoControlCharacters(r.Stdout);
        NoControlCharacters(r.Stderr);
    }

    [Fact]
    public async Task Score_UnknownIdWithControlCharacters_IsEscapedInTheMessage()
    {
        var r = await Hepatica.Run("score", "meld\u001b[2J", Path.Combine("samples", "demo-001.json"));

        Assert.Equal(2, r.ExitCode);
        NoControlCharacters(r.Stderr);
        Assert.Contains(@"unknown score 'meld\u001B[2J'", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batch_ScoresListWithControlCharacters_IsEscapedInTheMessage()
    {
        var r = await Hepatica.Run("batch", Path.Combine("samples", "batch-sample.jsonl"), Path.Combine(work, "out.jsonl"), "--scores", "x\u009b2J", "--no-progress");

        Assert.Equal(2, r.ExitCode);
        NoControlCharacters(r.Stderr);
        Assert.Contains(@"unknown score 'x\u009B2J'", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assess_AsOfWithControlCharacters_IsEscapedInTheMessage()
    {
        var r = await Hepatica.Run("assess", Path.Combine("samples", "demo-001.json"), "--issued", "2026\u001b[2J");

        Assert.Equal(2, r.ExitCode);
        NoControlCharacters(r.Stderr);
    }

    [Fact]
    public async Task Bulk_SummaryNamesASkippedFileWithControlCharactersEscaped()
    {
        var export = Directory.CreateDirectory(Path.Combine(work, "export")).FullName;
        await File.WriteAllTextAsync(Path.Combine(export, "Patient.000.ndjson"), """{"resourceType":"Patient","id":"p1","gender":"female","birthDate":"1960-05-01"}""" + "\n", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(export, "x\u001b[2J.ndjson"), "", TestContext.Current.CancellationToken);

        var r = await Hepatica.Run("bulk", export, Path.Combine(work, "out.ndjson"), "--as-of", "2026-11-20", "--no-progress");

        Assert.Equal(0, r.ExitCode);
        NoControlCharacters(r.Stderr);
        Assert.Contains(@"x\u001B[2J.ndjson", r.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("assess")]
    [InlineData("score")]
    public async Task Text_IssuesGoToStandardErrorAsTheReadmeSays(string command)
    {
        var snapshot = """{"id": "t", "labs": {"bilirubin": {"value": 2, "unit": "furlongs"}, "inr": {"value": 1.5}}, "colour": "blue"}""";

        var r = command == "score"
            ? await Hepatica.RunWithInput(snapshot, "score", "meld-3.0", "-")
            : await Hepatica.RunWithInput(snapshot, "assess", "-");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("LAB002 ERROR labs.bilirubin.unit", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("SNP003 WARNING colour", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("LAB002", r.Stdout, StringComparison.Ordinal); // the report lists them too
    }

    [Fact]
    public async Task Text_WarningsAloneGoToStandardErrorAndExit0()
    {
        var r = await Hepatica.RunWithInput("""{"id": "w", "colour": "blue"}""", "assess", "-");

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("SNP003 WARNING colour", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_UnreadableInputGoesToStandardError()
    {
        var r = await Hepatica.RunWithInput("{\"id\": ", "assess", "-");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("SNP001", r.Stderr, StringComparison.Ordinal);
    }
}

/// <summary>What the terminal must never receive raw: C0 controls, DEL, C1 controls and the bidirectional overrides.</summary>
internal static class TerminalTextTestsHelper
{
    public static bool IsUnsafe(char c) => c < 0x20 || c is >= '\u007f' and <= '\u009f' || c is '\u061c' or '\u200e' or '\u200f' || c is >= '\u202a' and <= '\u202e' || c is >= '\u2066' and <= '\u2069';
}
