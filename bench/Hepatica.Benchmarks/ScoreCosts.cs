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

/// <summary>`sections FILE`: the same rough table for the non-score sections of an assessment.</summary>
internal static class SectionCosts
{
    public static int Run(string path)
    {
        var snapshot = SnapshotReader.Read(File.ReadAllBytes(path)).Snapshot ?? throw new InvalidOperationException("unreadable snapshot");
        var outcomes = ScoreCatalog.All.Select(e => e.Evaluate(snapshot, false)).ToArray();
        var markers = Hepatica.Clinical.Immunity.HepatitisMarkers.From(snapshot);
        Measure("transplant", () => Hepatica.Clinical.Transplant.TransplantSignals.Evaluate(snapshot, outcomes));
        Measure("serology", () => Hepatica.Clinical.Serology.ViralHepatitis.Evaluate(snapshot));
        Measure("markers", () => Hepatica.Clinical.Immunity.HepatitisMarkers.From(snapshot));
        Measure("immunity", () => Hepatica.Clinical.Immunity.ImmunitySection.Evaluate(snapshot, outcomes, markers));
        Measure("prevention", () => Hepatica.Clinical.Prevention.PreventionPlan.Evaluate(snapshot, outcomes, markers));
        Measure("read", () => SnapshotReader.Read(File.ReadAllBytes(path)));
        return 0;
    }

    private static void Measure(string name, Func<object> f)
    {
        const int N = 20_000;
        for (var i = 0; i < 2_000; i++)
        {
            f();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < N; i++)
        {
            f();
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-28} {clock.Elapsed.TotalNanoseconds / N,8:F0} ns {(GC.GetAllocatedBytesForCurrentThread() - before) / N,7} B"));
    }
}
