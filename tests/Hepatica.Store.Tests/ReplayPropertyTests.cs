using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FsCheck.Fluent;
using Hepatica.Clinical;
using Hepatica.Fhir;
using Hepatica.Json;
using static Hepatica.Store.Tests.IngestInputs;

namespace Hepatica.Store.Tests;

/// <summary>
/// The replay gives the reader only what it would not pass over (FhirRecord): for any record (labs on colliding days and
/// times, statuses that draw issues, values that disagree at one time, codes it does not read, values outside their
/// window) every entry is what the CLI writes for the whole Bundle as of that instant, and its receipt re-makes it.
/// </summary>
public sealed class ReplayPropertyTests
{
    private static readonly (string Loinc, string Unit, int Low, int High)[] Codes =
    [
        ("1975-2", "mg/dL", 3, 300), // bilirubin x 0.1
        ("2160-0", "mg/dL", 5, 60), // creatinine x 0.1
        ("6301-6", "{INR}", 9, 40), // INR x 0.1
        ("2951-2", "mmol/L", 1200, 1500), // sodium x 0.1
        ("8302-2", "cm", 1500, 1900), // body height: not read
    ];

    private static readonly string[] Statuses = ["final", "final", "final", "final", "amended", "preliminary", "entered-in-error"];

    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static string Cli(byte[] input, DateTimeOffset t)
    {
        var read = InputReader.Read(input, t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), new FixedClock(Received), "--as-of");
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            AssessmentWriter.Write(w, Assessment.Of(read.Snapshot!, GuidelineProfile.Us), Detail.Full, read.Basis!, sources: read.Sources);
        }

        stream.Write("\n"u8);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static readonly FsCheck.Gen<string> Lab =
        from code in Gen.Elements(Codes)
        from day in Gen.Choose(0, 45)
        from hour in Gen.Elements(8, 8, 8, 16)
        from value in Gen.Choose(code.Low, code.High)
        from status in Gen.Elements(Statuses)
        select (code, day, hour, value, status) into x
        select Observation("", x.code.Loinc, x.value / 10m, x.code.Unit, Start.AddDays(x.day).AddHours(x.hour).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), status: x.status);

    [Fact]
    public void Build_AnyRecord_EveryEntryIsTheCliOutputAndItsReceiptRemakesIt() =>
        Fuzz.Check(40, Gen.ListOf(Lab).Select(l => l.Take(25).ToList()).Where(l => l.Count > 0), labs =>
        {
            var resources = labs.Select((o, i) => o.Replace("\"id\":\"\"", $"\"id\":\"o{i}\"", StringComparison.Ordinal)).Prepend(Patient("p1")).ToArray();
            var input = Encoding.UTF8.GetBytes(Bundle(resources));
            var stored = Stored(input);
            foreach (var entry in Replay.Build("p1", stored, GuidelineProfile.Us))
            {
                Assert.Equal(Cli(input, entry.AsOf), entry.AssessmentJson);
                Assert.Equal(entry.AssessmentJson, Replay.Rerun(entry.Receipt, [.. stored.Where(s => entry.Receipt.ArrivalIds.Contains(s.Id))]).Json);
            }
        });
}
