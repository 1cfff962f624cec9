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

        // 2. The timeline of that patient, warm.
        var timelines = new List<double>();
        PatientTimeline? timeline = null;
        for (var i = 0; i < (smoke ? 2 : 23); i++)
        {
            clock.Restart();
            timeline = await store.TimelineAsync(patient);
            if (i >= (smoke ? 1 : 3))
            {
                timelines.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        Console.WriteLine(Line($"FIGURE timeline of that patient ({timeline?.Entries.Count ?? 0} entries, {timeline?.Report.Facts.Count ?? 0} trend facts): median {Median(timelines):F1} ms, min {timelines.Min():F1} ms over {timelines.Count} reads"));

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
