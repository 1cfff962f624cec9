using System.Text;
using Hepatica.Cli.Record;
using Hepatica.Store;

namespace Hepatica.Cli.Tests.Record;

/// <summary>How ingest PATHs are cut into documents: JSON Lines line by line, a Bulk folder one Bundle per patient with each resource's bytes unchanged.</summary>
public sealed class IngestInputsTests : IDisposable
{
    private readonly RecordCli cli = new();

    public void Dispose() => cli.Dispose();

    [Theory]
    [InlineData("a\nb\n", new[] { "a", "b" })]
    [InlineData("a\r\nb", new[] { "a", "b" })] // CRLF, and a last line without its break
    [InlineData("\n\na\n", new[] { "", "", "a" })]
    [InlineData("", new string[0])]
    public void SplitLines_GivesEachLineWithoutItsBreak_AndTheBytesItTook(string text, string[] expected)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));

        var lines = IngestInputs.SplitLines(stream).ToList();

        Assert.Equal(expected, lines.Select(l => Encoding.UTF8.GetString(l.Line!)));
        Assert.Equal(Enumerable.Range(1, expected.Length).Select(i => (long)i), lines.Select(l => l.Number));
        Assert.Equal(Encoding.UTF8.GetByteCount(text), lines.Sum(l => l.Bytes));
    }

    [Fact]
    public void SplitLines_ALineLongerThanTheBuffer_IsWhole()
    {
        var longLine = new string('x', 300_000);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(longLine + "\nshort\n"));

        var lines = IngestInputs.SplitLines(stream).ToList();

        Assert.Equal([longLine, "short"], lines.Select(l => Encoding.UTF8.GetString(l.Line!)));
    }

    [Fact]
    public async Task Bulk_EachResourceIsStoredAsItsLine_ByteForByte()
    {
        var export = RepoRoot.SharedData("fhir-samples", "bulk-ndjson-10-patients");
        var lines = Directory.EnumerateFiles(export, "*.ndjson").Where(f => char.IsUpper(Path.GetFileName(f)[0]))
            .SelectMany(File.ReadLines).Where(l => l.Trim().Length > 0).Select(l => l.TrimStart('\uFEFF')).ToHashSet(StringComparer.Ordinal);
        var r = await cli.Run("ingest", export, "--acks");
        Assert.Equal(0, r.ExitCode);

        await using var record = await RecordStore.OpenAsync(StoreLocation.Sqlite(cli.DefaultStore), cancellationToken: TestContext.Current.CancellationToken);
        var stored = 0;
        foreach (var patient in RecordCli.Acked(r.Stdout))
        {
            foreach (var arrival in await record.ArrivalsAsync(patient, TestContext.Current.CancellationToken))
            {
                Assert.Contains(Encoding.UTF8.GetString(arrival.Arrival.Body.Span), lines);
                Assert.Equal(patient, arrival.Arrival.PatientId);
                stored++;
            }
        }

        Assert.True(stored > 13, "every patient's Conditions and Immunizations are stored, not only the Patient");
    }

    [Fact]
    public async Task Bulk_ALineWithoutAPatient_IsReportedByFileAndLine_TheRestStored()
    {
        var dir = Directory.CreateDirectory(Path.Combine(cli.Work, "export")).FullName;
        await File.WriteAllTextAsync(Path.Combine(dir, "Patient.000.ndjson"), """{"resourceType":"Patient","id":"b1","gender":"female","birthDate":"1970-01-01"}""" + "\n", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(dir, "Condition.000.ndjson"), """{"resourceType":"Condition","id":"c1","subject":{"reference":"Patient/b1"},"code":{"text":"x"}}""" + "\n" + """{"resourceType":"Condition","id":"c2","code":{"text":"orphan"}}""" + "\n{\"resourceType\":\n", TestContext.Current.CancellationToken);

        var r = await cli.Run("ingest", dir, "--acks");

        Assert.Equal(1, r.ExitCode);
        Assert.Equal(["b1"], RecordCli.Acked(r.Stdout));
        Assert.Contains("Condition.000.ndjson line 2: no patient", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("Condition.000.ndjson line 3: not a JSON object", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("stored=2 ", r.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("orphan", r.Stderr, StringComparison.Ordinal);
    }
}
