using System.Diagnostics;
using System.Globalization;
using Hepatica.Clinical.Scoring;
using Hepatica.Json;

namespace Hepatica.Benchmarks;

/// <summary>
/// `scores FILE`: a rough per-score table of time and allocation on one snapshot (no steps, as batch runs), to find
/// where an assessment's cost goes. Indicative only: BenchmarkDotNet (AssessmentBenchmarks) gives the figures we record.
/// </summary>
internal static class ScoreCosts
{
    public static int Run(string path)
    {
        var snapshot = SnapshotReader.Read(File.ReadAllBytes(path)).Snapshot ?? throw new InvalidOperationException("unreadable snapshot");
        const int N = 20_000;
        foreach (var entry in ScoreCatalog.All)
        {
            for (var i = 0; i < 2_000; i++)
            {
                entry.Evaluate(snapshot, false);
            }

            var before = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            ScoreOutcome? last = null;
            for (var i = 0; i < N; i++)
            {
                last = entry.Evaluate(snapshot, false);
            }

            var ns = clock.Elapsed.TotalNanoseconds / N;
            var bytes = (GC.GetAllocatedBytesForCurrentThread() - before) / N;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{entry.Definition.Id,-28} {last!.Status,-14} {ns,8:F0} ns {bytes,7} B"));
        }

        return 0;
    }
}
