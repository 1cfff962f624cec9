using System.Diagnostics;
using System.Globalization;
using System.Text;
using Hepatica.Store;

namespace Hepatica.Benchmarks;

/// <summary>
/// The longitudinal record's figures for docs/benchmarks.md (scripts/bench-record.sh; never a timed test), in process,
/// so the process start is not counted: the 10-year record of <see cref="RecordData"/> ingested whole (observations/s;
/// goal: the 5,000 in under a second), its timeline read (goal: under 20 ms), one more lab ingested (what the store
/// does per new lab: store it, re-make the timeline, evaluate the alert rules), and the managed heap and working set
/// while many small patients are ingested one after another (goal: flat in patients).
/// </summary>
public static class RecordBench
{
    /// <summary>Runs every measurement against <paramref name="storeText"/> (a SQLite path or a PostgreSQL connection string).</summary>
    public static async Task<int> Run(string storeText, int labs, int patients, bool smoke)
    {
        var location = StoreLocation.Parse(storeText);
        Console.WriteLine($"== record bench on {location.Provider} ({location.Display}); {labs} labs, {patients} patients{(smoke ? " (smoke: no timing claims)" : "")}");
        await using var store = await RecordStore.OpenAsync(location);

        // Warm-up (JIT, the FHIR SDK's model, the connection pool): one small patient, erased again.
        var warm = "bench-warm-" + Guid.NewGuid().ToString("N")[..8];
        await store.IngestAsync(IngestParser.Parse(RecordData.Bundle(25, warm), "bench").Single());
        await store.TimelineAsync(warm);
        await store.ErasePatientAsync(warm);

        // 1. The 10-year record, whole.
        var patient = "bench-10y-" + Guid.NewGuid().ToString("N")[..8];
        var bundle = RecordData.Bundle(labs, patient);
        var clock = Stopwatch.StartNew();
        var batch = IngestParser.Parse(bundle, "bench").Single();
        var parse = clock.Elapsed;
        if (!batch.IsStorable)
        {
            Console.Error.WriteLine("the generated Bundle was refused: " + string.Join(", ", batch.Issues.Select(i => i.Code + " " + i.Path)));
            return 1;
        }

        clock.Restart();
        var result = await store.IngestAsync(batch);
        var ingest = clock.Elapsed;
        var observations = batch.Arrivals.Count(a => a.ResourceType == "Observation");
        Console.WriteLine(Line($"FIGURE ingest {observations} observations (1 patient, 10 years): {Ms(parse + ingest)} ms ({Ms(parse)} parse + {Ms(ingest)} store, replay and rules), {observations / (parse + ingest).TotalSeconds:N0} observations/s; {result.AssessmentsMade} assessments made, {result.AlertsFired} alerts fired"));

        // 2. The timeline of that patient, warm: as the CLI and the API read it by default (without the assessments), then
        // with every assessment (hepatica timeline --format json --assessments), then one assessment on its own.
        var timelines = new List<double>();
        PatientTimeline? timeline = null;
        for (var i = 0; i < (smoke ? 2 : 23); i++)
        {
            clock.Restart();
            timeline = await store.TimelineAsync(patient, withAssessments: false);
            if (i >= (smoke ? 1 : 3))
            {
                timelines.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        Console.WriteLine(Line($"FIGURE timeline of that patient ({timeline?.Entries.Count ?? 0} entries, {timeline?.Report.Facts.Count ?? 0} trend facts), without the assessments: median {Median(timelines):F1} ms, min {timelines.Min():F1} ms over {timelines.Count} reads"));

        var fulls = new List<double>();
        for (var i = 0; i < (smoke ? 2 : 8); i++)
        {
            clock.Restart();
            timeline = await store.TimelineAsync(patient, withAssessments: true);
            if (i >= 1)
            {
                fulls.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        var texts = timeline!.Entries.Select(e => e.AssessmentJson!).ToList();
        var rules = new List<double>();
        for (var i = 0; i < (smoke ? 1 : 10); i++)
        {
            clock.Restart();
            _ = Hepatica.Clinical.Course.CourseRules.Evaluate([.. timeline.Entries.Select(e => e.Point)]);
            rules.Add(clock.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine(Line($"FIGURE of which the course rules over its {timeline.Entries.Count} points: median {Median(rules):F1} ms"));
        Console.WriteLine(Line($"FIGURE timeline of that patient with every assessment: median {Median(fulls):F1} ms, min {fulls.Min():F1} ms over {fulls.Count} reads"));

        var ones = new List<double>();
        foreach (var entry in timeline.Entries.Where((_, i) => i % Math.Max(1, timeline.Entries.Count / 20) == 0))
        {
            clock.Restart();
            _ = await store.AssessmentAsync(patient, entry.AsOf);
            ones.Add(clock.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine(Line($"FIGURE one assessment of that patient (by as-of): median {Median(ones):F2} ms over {ones.Count} reads"));

        // What the assessments take stored: their text, the stored (Brotli) form, and the time to make and undo it.
        var textBytes = texts.Sum(t => (long)Encoding.UTF8.GetByteCount(t));
        clock.Restart();
        var stored = texts.Select(Hepatica.Store.Database.AssessmentText.Compress).ToList();
        var compress = clock.Elapsed;
        clock.Restart();
        foreach (var b in stored)
        {
            _ = Hepatica.Store.Database.AssessmentText.Decompress(b);
        }

        var decompress = clock.Elapsed;
        var storedBytes = stored.Sum(b => (long)b.Length);
        Console.WriteLine(Line($"FIGURE assessments stored: {texts.Count} of {textBytes / (double)texts.Count / 1e3:F1} KB text on average, {textBytes / 1e6:F1} MB in all; stored {storedBytes / 1e6:F2} MB ({100.0 * storedBytes / textBytes:F1} %); compress {Ms(compress)} ms, decompress {Ms(decompress)} ms for all"));

        // Why Brotli quality 5 (AssessmentText): size and time of the choices over the first 100 assessments.
        if (!smoke)
        {
            var sample = texts.Take(100).Select(Encoding.UTF8.GetBytes).ToList();
            var sampleBytes = sample.Sum(b => (long)b.Length);
            var choices = new List<string>();
            foreach (var quality in new[] { 1, 3, 5, 7, 9, 11 })
            {
                clock.Restart();
                long size = 0;
                foreach (var bytes in sample)
                {
                    var buffer = new byte[System.IO.Compression.BrotliEncoder.GetMaxCompressedLength(bytes.Length)];
                    System.IO.Compression.BrotliEncoder.TryCompress(bytes, buffer, out var written, quality, 22);
                    size += written;
                }

                choices.Add(Line($"brotli {quality}: {100.0 * size / sampleBytes:F1} % in {clock.Elapsed.TotalMilliseconds / sample.Count:F2} ms each"));
            }

            foreach (var level in new[] { System.IO.Compression.CompressionLevel.Fastest, System.IO.Compression.CompressionLevel.Optimal })
            {
                clock.Restart();
                long size = 0;
                foreach (var bytes in sample)
                {
                    using var output = new MemoryStream();
                    using (var gzip = new System.IO.Compression.GZipStream(output, level, leaveOpen: true))
                    {
                        gzip.Write(bytes);
                    }

                    size += output.Length;
                }

                choices.Add(Line($"gzip {level}: {100.0 * size / sampleBytes:F1} % in {clock.Elapsed.TotalMilliseconds / sample.Count:F2} ms each"));
            }

            Console.WriteLine("FIGURE compression choices (100 assessments): " + string.Join("; ", choices));
        }

        // 3. One more lab at a time: store it, re-make the timeline, evaluate the alerts.
        var last = RecordData.Start + RecordData.Span;
        var perLab = new List<double>();
        var fired = 0;
        var updated = 0;
        for (var k = 1; k <= (smoke ? 2 : 11); k++)
        {
            var one = Encoding.UTF8.GetBytes("""{"resourceType":"Bundle","type":"collection","entry":[""" + RecordData.Observation($"{patient}-new-{k}", patient, "1975-2", 3.5m + (0.4m * k), "mg/dL", last.AddDays(k)) + "]}");
            clock.Restart();
            var r = await store.IngestAsync(IngestParser.Parse(one, "bench").Single());
            if (k > 1)
            {
                perLab.Add(clock.Elapsed.TotalMilliseconds);
            }

            fired += r.AlertsFired;
            updated += r.AlertsUpdated;
        }

        Console.WriteLine(Line($"FIGURE one new lab on that record (store, re-make its timeline, evaluate the alert rules): median {Median(perLab):F1} ms over {perLab.Count} labs; {fired} alerts fired, {updated} updated"));
        await store.ErasePatientAsync(patient);

        // 4. Memory over many patients, one small record each (50 labs over a year), ingested one after another.
        var run = Guid.NewGuid().ToString("N")[..6];
        var memoryClock = Stopwatch.StartNew();
        for (var p = 1; p <= patients; p++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"bench-{run}-{p:D6}");
            var small = IngestParser.Parse(RecordData.Bundle(50, id, RecordData.Start, TimeSpan.FromDays(365)), "bench").Single();
            await store.IngestAsync(small);
            if (p % Math.Max(1, patients / 5) == 0 || p == patients)
            {
                var heap = GC.GetTotalMemory(forceFullCollection: true);
                Console.WriteLine(Line($"FIGURE memory after {p} patients ({p * 50} labs): managed heap {heap / 1e6:F1} MB, working set {Environment.WorkingSet / 1e6:F1} MB, {p / memoryClock.Elapsed.TotalSeconds:F1} patients/s"));
            }
        }

        for (var p = 1; p <= patients; p++)
        {
            await store.ErasePatientAsync(string.Create(CultureInfo.InvariantCulture, $"bench-{run}-{p:D6}"));
        }

        return 0;
    }

    private static string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture);

    private static double Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
