using System.Globalization;
using System.Text;

namespace Hepatica.Cli.Bulk;

/// <summary>What a Bulk Data batch did, for the summary on standard error and the exit code.</summary>
internal sealed class BulkSummary
{
    public required IReadOnlyList<string> Files { get; init; }

    public required IReadOnlyList<string> SkippedFiles { get; init; }

    public required long BytesIn { get; init; }

    public required int Partitions { get; init; }

    public required ScanCounts Scan { get; init; }

    public required AssessCounts Assess { get; init; }

    public required TimeSpan ScanTime { get; init; }

    public required TimeSpan AssessTime { get; init; }

    public required TimeSpan MergeTime { get; init; }

    public TimeSpan Elapsed => ScanTime + AssessTime + MergeTime;

    /// <summary>Error records written, plus patients whose snapshot had errors.</summary>
    public long Problems => Assess.ErrorRecords + Assess.WithErrors;

    private static double Seconds(long ticks) => (double)ticks / System.Diagnostics.Stopwatch.Frequency;

    public string Describe(string errorsPath)
    {
        var sb = new StringBuilder();
        var seconds = Math.Max(Elapsed.TotalSeconds, 1e-9);
        var inv = CultureInfo.InvariantCulture;
        sb.Append(inv, $"{Files.Count} files, {BytesIn / 1e6:N1} MB, {Scan.Lines:N0} lines");
        if (SkippedFiles.Count > 0)
        {
            sb.Append(inv, $" (not resource files, skipped: {string.Join(", ", SkippedFiles)})");
        }

        sb.AppendLine(".");
        if (Scan.OtherShards > 0)
        {
            sb.AppendLine(string.Create(inv, $"left to other shards (--shard): {Scan.OtherShards:N0} resource lines of their patients."));
        }

        sb.Append("resources read: ").AppendJoin(", ", Scan.ByType.Where(t => t.Value.Used > 0).Select(t => string.Create(inv, $"{t.Key} {t.Value.Used:N0}"))).AppendLine();
        var notRead = Scan.ByType.Where(t => t.Value.NotRead > 0).Select(t => string.Create(inv, $"{t.Key} {t.Value.NotRead:N0}")).ToList();
        sb.Append("not read (types or Observation codes the reader does not use): ").Append(notRead.Count == 0 ? "none" : string.Join(", ", notRead)).AppendLine();
        sb.AppendLine(string.Create(inv,
            $"{Assess.Patients:N0} patients out: {Assess.Clean:N0} clean, {Assess.WithWarnings:N0} with warnings, {Assess.WithErrors:N0} with errors; {Assess.ErrorRecords:N0} error records ({errorsPath})."));
        sb.Append(inv,
            $"{Elapsed.TotalSeconds:F2} s, {BytesIn / seconds / 1e6:N1} MB/s, {Assess.Patients / seconds:N0} patients/s (pass 1 scan {ScanTime.TotalSeconds:F2} s, kept {Scan.BytesKept / 1e6:N1} MB in {Partitions} partitions; pass 2 assess {AssessTime.TotalSeconds:F2} s; merge {MergeTime.TotalSeconds:F2} s).");
        sb.AppendLine().Append(inv,
            $"pass 2 by step, summed over workers: filter {Seconds(Assess.FilterTicks):F2} s ({Assess.Spared:N0} resources spared), FHIR parse {Seconds(Assess.ParseTicks - Assess.FilterTicks):F2} s ({Assess.ResourcesParsed:N0} resources), snapshot read {Seconds(Assess.ReadTicks):F2} s, assess {Seconds(Assess.AssessTicks):F2} s, write {Seconds(Assess.WriteTicks):F2} s.");
        return sb.ToString();
    }
}
