using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Hepatica.Cli.Tests;

/// <summary>
/// Speed never changes a number (issue 15; decision 0007): <c>hepatica bulk</c> with its fast readers and with
/// <c>--strict</c> (Firely's validated parse of every line, the path before) writes byte-identical records and error
/// records, on the Bulk sample, on the 15 Synthea patients as an export, on a generated export, and on exports with
/// deliberate faults in the elements the fast readers read.
/// </summary>
public sealed partial class BulkFastReaderTests : IDisposable
{
    private readonly string work = Directory.CreateTempSubdirectory("hepatica-fast-test-").FullName;

    public void Dispose() => Directory.Delete(work, recursive: true);

    [Fact]
    public async Task BulkSample_FastAndStrictIdentical() =>
        await AssertIdentical(Path.GetFullPath(Path.Combine(RepoRoot.Path, "..", "shared", "data", "fhir-samples", "bulk-ndjson-10-patients")), "2026-11-20");

    [Fact]
    public async Task Synthea_AsAnExport_FastAndStrictIdentical()
    {
        var export = SyntheaExport(Path.Combine(work, "synthea"));

        // Synthea's labs are years old: assess as of a date inside their range, so that values are read, not just skipped.
        foreach (var asOf in new[] { "2020-06-30", "2026-11-20" })
        {
            await AssertIdentical(export, asOf);
        }
    }

    [Fact]
    public async Task Generated_FastAndStrictIdentical() => await AssertIdentical(Generated.BulkExport(Path.Combine(work, "gen"), 120), "2026-11-20");

    [Fact]
    public async Task DeliberateFaultsInWhatTheFastReadersRead_FastAndStrictIdentical()
    {
        var export = SyntheaExport(Path.Combine(work, "faults"));
        // Each fault is in an element the fast readers read (top-level status, the value of valueQuantity, a LOINC code,
        // a date, the subject): a fault in a skipped element is the one documented difference (decision 0007).
        string[][] faults =
        [
            ["\"status\":\"final\"", "\"status\":\"bogus\""],
            ["\"effectiveDateTime\":\"", "\"effectiveDateTime\":\"20x"],
            ["\"valueQuantity\":{\"value\":", "\"valueQuantity\":{\"value\":\"1\",\"x\":"],
            ["\"system\":\"http://loinc.org\",\"code\":\"", "\"system\":\"http://loinc.org\",\"code\":\" "],
            ["\"gender\":\"", "\"gender\":\"x"],
            ["\"birthDate\":\"", "\"birthDate\":\"19"],
            ["\"onsetDateTime\":\"", "\"onsetDateTime\":\"0001-01-01T00:00:00+14:00\",\"x\":\""],
            ["\"status\":\"completed\"", "\"status\":\"done\""],
            ["\"subject\":{", "\"subject\":{\"reference\":1,"],
            ["\"resourceType\":\"Observation\",", "\"resourceType\":\"Observation\",\"_status\":{\"id\":\"x\"},"],
        ];
        foreach (var file in Directory.EnumerateFiles(export, "*.ndjson"))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var fault = faults[i % faults.Length];
                if (i % 3 == 0 && lines[i].Contains(fault[0], StringComparison.Ordinal))
                {
                    lines[i] = new Regex(Regex.Escape(fault[0])).Replace(lines[i], fault[1], 1);
                }
            }

            File.WriteAllLines(file, lines);
        }

        var (fast, _) = await AssertIdentical(export, "2020-06-30");
        Assert.True(new FileInfo(fast + ".errors.ndjson").Length > 0); // the faults gave error records, the same ones
    }

    private async Task<(string Fast, string Strict)> AssertIdentical(string export, string asOf)
    {
        var fast = Path.Combine(work, $"fast-{Path.GetFileName(export)}-{asOf}.ndjson");
        var strict = Path.Combine(work, $"strict-{Path.GetFileName(export)}-{asOf}.ndjson");
        var a = await Hepatica.Run("bulk", export, fast, "--as-of", asOf, "--issued", "2026-12-01T00:00:00Z", "--no-progress");
        var b = await Hepatica.Run("bulk", export, strict, "--as-of", asOf, "--issued", "2026-12-01T00:00:00Z", "--no-progress", "--strict");

        Assert.True(a.ExitCode is 0 or 1, a.Stderr);
        Assert.Equal(a.ExitCode, b.ExitCode);
        Assert.True(File.ReadAllBytes(strict).AsSpan().SequenceEqual(File.ReadAllBytes(fast)), $"records differ for {export} as of {asOf}");
        Assert.True(File.ReadAllBytes(strict + ".errors.ndjson").AsSpan().SequenceEqual(File.ReadAllBytes(fast + ".errors.ndjson")), $"error records differ for {export} as of {asOf}");
        Assert.True(new FileInfo(fast).Length > 0);
        return (fast, strict);
    }

    /// <summary>The 15 Synthea bundles as one Bulk export: each entry's resource on a line of its type's file, urn:uuid references rewritten to Type/id as a server's export has them.</summary>
    private static string SyntheaExport(string dir)
    {
        Directory.CreateDirectory(dir);
        var byType = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(RepoRoot.SharedData("fhir-samples", "synthea-r4-bundles"), "*.json").Order(StringComparer.Ordinal))
        {
            var bundle = JsonNode.Parse(File.ReadAllText(file))!;
            var entries = bundle["entry"]!.AsArray().Select(e => e!).ToList();
            var names = entries.Where(e => e["fullUrl"] is not null)
                .ToDictionary(e => (string)e["fullUrl"]!, e => (string)e["resource"]!["resourceType"]! + "/" + (string)e["resource"]!["id"]!, StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                var resource = entry["resource"]!;
                var text = Urn().Replace(resource.ToJsonString(), m => names.TryGetValue(m.Groups[1].Value, out var name) ? $"\"{name}\"" : m.Value);
                var type = (string)resource["resourceType"]!;
                if (!byType.TryGetValue(type, out var lines))
                {
                    byType[type] = lines = [];
                }

                lines.Add(text);
            }
        }

        foreach (var (type, lines) in byType)
        {
            File.WriteAllText(Path.Combine(dir, type + ".000.ndjson"), string.Join('\n', lines) + "\n", new UTF8Encoding(false));
        }

        return dir;
    }

    [GeneratedRegex("\"(urn:uuid:[0-9a-f-]+)\"")]
    private static partial Regex Urn();
}
