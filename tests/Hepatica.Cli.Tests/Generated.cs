using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Hepatica.Cli.Tests;

/// <summary>Inputs made for a test, big enough that a run takes a while: JSON Lines of the sample patient, and a Bulk Data export of generated patients.</summary>
internal static class Generated
{
    /// <summary>samples/demo-001.json on one line.</summary>
    public static string SnapshotLine { get; } = JsonSerializer.Serialize(JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoRoot.Path, "samples", "demo-001.json"))).RootElement);

    /// <summary>Writes <paramref name="lines"/> snapshots (ids <c>p1</c>, <c>p2</c> ...) to <paramref name="path"/>.</summary>
    public static string JsonLines(string path, int lines)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        for (var i = 1; i <= lines; i++)
        {
            w.Write(SnapshotLine.Replace("\"demo-001\"", "\"p" + i.ToString(CultureInfo.InvariantCulture) + "\"", StringComparison.Ordinal));
            w.Write('\n');
        }

        return path;
    }

    /// <summary>A Bulk Data export in <paramref name="dir"/>: <paramref name="patients"/> Patients, each with a few dated labs (Observation) and one Observation line cut short (an error record).</summary>
    public static string BulkExport(string dir, int patients, int labDays = 6)
    {
        Directory.CreateDirectory(dir);
        using var p = new StreamWriter(Path.Combine(dir, "Patient.000.ndjson"), false, new UTF8Encoding(false), 1 << 16);
        using var o = new StreamWriter(Path.Combine(dir, "Observation.000.ndjson"), false, new UTF8Encoding(false), 1 << 16);
        (string Loinc, decimal Value, string Unit)[] labs = [("1975-2", 2.1m, "mg/dL"), ("2160-0", 1.4m, "mg/dL"), ("6301-6", 1.6m, "{INR}"), ("2951-2", 133m, "mmol/L")];
        for (var i = 0; i < patients; i++)
        {
            var id = "g" + i.ToString("D6", CultureInfo.InvariantCulture);
            p.Write($$"""{"resourceType":"Patient","id":"{{id}}","gender":"{{(i % 2 == 0 ? "female" : "male")}}","birthDate":"1960-0{{1 + (i % 9)}}-15"}""");
            p.Write('\n');
            for (var day = 1; day <= labDays; day++)
            {
                foreach (var (loinc, value, unit) in labs)
                {
                    o.Write(Observation($"{id}-{loinc}-{day}", id, loinc, value + (day / 10m), unit, $"2026-11-{day:D2}T08:00:00Z"));
                    o.Write('\n');
                }
            }
        }

        o.Write("""{"resourceType":"Observation","id":"cut","status":"final","code":""");
        o.Write('\n');
        return dir;
    }

    /// <summary>Every name in a folder, hidden ones (<c>.OUT.hepatica-*.tmp</c>) included, in ordinal order.</summary>
    public static List<string> Entries(string dir) =>
        [.. new DirectoryInfo(dir).EnumerateFileSystemInfos("*", new EnumerationOptions { AttributesToSkip = 0 }).Select(f => f.Name).Order(StringComparer.Ordinal)];

    private static string Observation(string id, string patient, string loinc, decimal value, string unit, string when) =>
        $$$"""{"resourceType":"Observation","id":"{{{id}}}","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"{{{loinc}}}"}]},"subject":{"reference":"Patient/{{{patient}}}"},"effectiveDateTime":"{{{when}}}","valueQuantity":{"value":{{{value.ToString(CultureInfo.InvariantCulture)}}},"unit":"{{{unit}}}","system":"http://unitsofmeasure.org","code":"{{{unit}}}"}}""";
}
