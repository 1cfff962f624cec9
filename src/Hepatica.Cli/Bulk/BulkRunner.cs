using System.Diagnostics;

namespace Hepatica.Cli.Bulk;

/// <summary>
/// <c>hepatica batch --fhir-bulk DIR OUT</c> top to bottom (docs/decisions/0005-bulk-partitioning.md): list the
/// export's resource files, pass 1 partitions the lines by patient into a temp folder, pass 2 assesses the partitions
/// on every core, and a merge writes the results in patient-id order to <c>OUT</c> and the error records in file
/// and line order to <c>OUT.errors.ndjson</c>. The temp folder is deleted at the end, also on error or cancel.
/// </summary>
internal static class BulkRunner
{
    /// <summary>The export files read: <c>*.ndjson</c> whose name starts with a capital letter (<c>Patient.000.ndjson</c>), in ordinal order; the rest (<c>log.ndjson</c>) are skipped.</summary>
    public static (List<string> Files, List<string> Skipped) ListFiles(string dir)
    {
        var all = Directory.EnumerateFiles(dir, "*.ndjson").Order(StringComparer.Ordinal).ToList();
        var files = all.Where(f => Path.GetFileName(f) is [>= 'A' and <= 'Z', ..]).ToList();
        return (files, [.. all.Except(files).Select(f => Path.GetFileName(f))]);
    }

    public static string ErrorsPath(string output) => output + ".errors.ndjson";

    public static async Task<BulkSummary> RunAsync(string dir, string output, BulkOptions options, ProgressBar? progress, CancellationToken ct)
    {
        var (files, skipped) = ListFiles(dir);
        var bytesIn = files.Sum(f => new FileInfo(f).Length);
        var partitions = options.PartitionsFor(bytesIn);
        var temp = Directory.CreateTempSubdirectory("hepatica-bulk-").FullName;
        try
        {
            var clock = Stopwatch.StartNew();
            progress?.Restart(bytesIn, "pass 1", "MB");
            var scan = await new Partitioner(options, files, temp, partitions)
                .RunAsync(progress is null ? null : b => progress.Report(b, b / 1_000_000), ct).ConfigureAwait(false);
            var scanTime = clock.Elapsed;

            var assessor = new PatientAssessor(options, files, temp, options.Threads);
            var assess = new AssessCounts();
            var done = 0L;
            var gate = new object();
            progress?.Restart(scan.BytesKept, "pass 2");
            await Parallel.ForEachAsync(Enumerable.Range(0, partitions), new ParallelOptions { MaxDegreeOfParallelism = options.Threads, CancellationToken = ct }, (p, token) =>
            {
                var counts = assessor.Run(p, progress is null ? null : n =>
                {
                    lock (gate)
                    {
                        done += n;
                        progress.Report(done, assess.Patients);
                    }
                }, token);
                lock (gate)
                {
                    assess.Add(counts);
                }

                return ValueTask.CompletedTask;
            }).ConfigureAwait(false);
            var assessTime = clock.Elapsed - scanTime;
            progress?.Finish(done, assess.Patients);

            await using (var results = new FileStream(output, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                SortedOutput.Merge([.. Enumerable.Range(0, partitions).Select(p => PatientAssessor.ResultsFile(temp, p))], results);
            }

            await using (var errors = new FileStream(ErrorsPath(output), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                SortedOutput.Merge([.. Enumerable.Range(0, partitions).Select(p => PatientAssessor.ErrorsFile(temp, p))], errors);
            }

            return new BulkSummary
            {
                Files = [.. files.Select(f => Path.GetFileName(f))],
                SkippedFiles = skipped,
                BytesIn = bytesIn,
                Partitions = partitions,
                Scan = scan,
                Assess = assess,
                ScanTime = scanTime,
                AssessTime = assessTime,
                MergeTime = clock.Elapsed - scanTime - assessTime,
            };
        }
        finally
        {
            try
            {
                Directory.Delete(temp, recursive: true);
            }
            catch (IOException e)
            {
                Console.Error.WriteLine($"hepatica: could not delete the temp folder {temp}: {e.Message}");
            }
        }
    }
}
