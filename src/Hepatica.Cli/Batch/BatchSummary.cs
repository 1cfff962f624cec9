using System.Globalization;

namespace Hepatica.Cli.Batch;

/// <summary>What a batch run did: lines in (= lines out), how many were clean, had warnings, had errors, or could not be read.</summary>
internal sealed class BatchSummary
{
    public long Lines { get; private set; }

    public long Clean { get; private set; }

    public long WithWarnings { get; private set; }

    /// <summary>Lines whose snapshot had errors (values not used), plus unreadable lines.</summary>
    public long LinesWithErrors => ValueErrors + Unreadable;

    public long ValueErrors { get; private set; }

    public long Unreadable { get; private set; }

    /// <summary>Lines left to other shards (<c>--shard</c>).</summary>
    public long OtherShards { get; private set; }

    public long BytesIn { get; set; }

    public TimeSpan Elapsed { get; set; }

    public void Add(ChunkCounts counts)
    {
        Lines += counts.Lines;
        Clean += counts.Clean;
        WithWarnings += counts.WithWarnings;
        ValueErrors += counts.WithErrors;
        Unreadable += counts.Unreadable;
        OtherShards += counts.OtherShards;
    }

    public string Describe()
    {
        var seconds = Math.Max(Elapsed.TotalSeconds, 1e-9);
        var shard = OtherShards > 0 ? string.Create(CultureInfo.InvariantCulture, $" this shard's ({OtherShards:N0} more left to other shards)") : string.Empty;
        return string.Create(CultureInfo.InvariantCulture,
            $"{Lines:N0} lines in{shard}, {Lines:N0} results out: {Clean:N0} clean, {WithWarnings:N0} with warnings, {ValueErrors:N0} with unusable values, {Unreadable:N0} unreadable. {Elapsed.TotalSeconds:F2} s, {Lines / seconds:N0} lines/s, {BytesIn / seconds / 1e6:N1} MB/s.");
    }
}
