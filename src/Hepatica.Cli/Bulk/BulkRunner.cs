using System.Diagnostics;
using Hepatica.Cli.Tables;

namespace Hepatica.Cli.Bulk;

/// <summary>
/// <c>hepatica bulk DIR OUT</c> top to bottom (docs/decisions/0005-bulk-partitioning.md): list the
/// export's resource files, pass 1 partitions the lines by patient into a temp folder, pass 2 assesses the partitions
/// on every core, and a merge writes the results in patient-id order to <c>OUT</c> and the error records in file
/// and line order to <c>OUT.errors.ndjson</c>, both through temps committed at the end (decision 0006). The temp
/// folder is deleted at the end, also on error, cancel, Ctrl+C or SIGTERM.
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

    /// <summary>Where the error records of OUT go: OUT.errors.ndjson, beside OUT as named.</summary>
    public static string ErrorsPath(string output) => output + ".errors.ndjson";

    /// <summary>
    /// Runs the export in <paramref name="dir"/> into <paramref name="output"/> and <paramref name="errorsOutput"/>
    /// (checked by <see cref="BulkCommand"/>). Both are written to temps beside them (<see cref="SafeOutput"/>) and
    /// committed at the very end, the error records first: a new OUT always has its own error records beside it, and
    /// until then both files are as they were. A cancelled run throws <see cref="OperationCanceledException"/> whose
    /// message says where it stopped ("during pass 2"); an I/O failure is an <see cref="IOFailureException"/>.
    /// </summary>
    public static async Task<BulkSummary> RunAsync(string dir, FileFacts output, FileFacts errorsOutput, BulkOptions options, ProgressBar? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errorsOutput);
        ArgumentNullException.ThrowIfNull(options);
        var (files, skipped) = ListFiles(dir);
        var bytesIn = files.Sum(f => new FileInfo(f).Length);
        var partitions = options.PartitionsFor(bytesIn);
        using var results = SafeOutput.Open(output);
        using var errors = SafeOutput.Open(errorsOutput);
        var temp = Directory.CreateTempSubdirectory("hepatica-bulk-").FullName;
        var stage = "pass 1 (partitioning)";
        try
        {
            var clock = Stopwatch.StartNew();
            progress?.Restart(bytesIn, "pass 1", "MB");
            var scan = await new Partitioner(options, files, temp, partitions)
                .RunAsync(progress is null ? null : b => progress.Report(b, b / 1_000_000), ct).ConfigureAwait(false);
            var scanTime = clock.Elapsed;

            stage = "pass 2 (assessing)";
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

            stage = "the merge";
            await using (var table = options.Table is { } layout
                ? TableOutput.Create(options.TableFormat, layout, results.Stream, Commands.TableMetadata(layout, options.Profile, options.Issued, options.AsOfGiven ? options.AsOf : null, options.Shard))
                : null)
            {
                SortedOutput.Merge([.. Enumerable.Range(0, partitions).Select(p => PatientAssessor.ResultsFile(temp, p))], (Stream?)table ?? results.Stream, ct);
                if (table is not null)
                {
                    await table.CompleteAsync(ct).ConfigureAwait(false);
                }
            }


            SortedOutput.Merge([.. Enumerable.Range(0, partitions).Select(p => PatientAssessor.ErrorsFile(temp, p))], errors.Stream, ct);
            ct.ThrowIfCancellationRequested();
            errors.Commit();
            results.Commit();

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
        catch (OperationCanceledException e) when (ct.IsCancellationRequested)
        {
            throw new OperationCanceledException("during " + stage, e, ct);
        }
        catch (IOException e) when (e is not IOFailureException)
        {
            // The temp folder (a full disk under the temp path) or an export file read after it was listed.
            throw new IOFailureException($"the Bulk run failed in {stage}: {e.Message}. {output.Name} and {errorsOutput.Name} were not changed; the temporary folder was removed.", IOFailureException.ErrnoOf(e), e);
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
