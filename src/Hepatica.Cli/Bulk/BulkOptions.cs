using Hepatica.Clinical.Scoring;

namespace Hepatica.Cli.Bulk;

/// <summary>What each patient line of a Bulk Data batch holds.</summary>
internal enum BulkOutput
{
    /// <summary>The compact assessment record of docs/output.md, plus the patient's age and sex and the resources read.</summary>
    Json,

    /// <summary>One FHIR Bundle per patient (FhirAssessmentWriter); an OperationOutcome for a patient that could not be read.</summary>
    Fhir,
}

/// <summary>Settings of a Bulk Data batch run.</summary>
/// <param name="AsOf">The instant every patient is read as of.</param>
/// <param name="Issued">When the run was made (FHIR output: Observation.issued), the same for every patient.</param>
/// <param name="Output">JSON records or FHIR Bundles.</param>
/// <param name="Threads">Workers in both passes.</param>
/// <param name="MemoryBytes">The memory budget the partition count is chosen from.</param>
/// <param name="Partitions">A fixed partition count (null: chosen from the input size and the budget).</param>
/// <param name="Scores">The scores to compute (null: the whole catalog).</param>
/// <param name="MaxLineBytes">The longest accepted line; a longer one gets a BLK006 error record.</param>
/// <param name="AsOfGiven">False when <c>--as-of</c> was not given (<paramref name="AsOf"/> is then the run time, and records say <c>run-time</c>).</param>
internal sealed record BulkOptions(DateTimeOffset AsOf, DateTimeOffset Issued, BulkOutput Output, int Threads, long MemoryBytes, int? Partitions = null, IReadOnlyList<CatalogEntry>? Scores = null, int MaxLineBytes = 64 << 20, bool AsOfGiven = true)
{
    /// <summary>The guideline profile every patient is assessed under (<c>--profile</c>; default <c>us</c>).</summary>
    public Hepatica.Clinical.GuidelineProfile Profile { get; init; } = Hepatica.Clinical.GuidelineProfiles.Default;

    /// <summary>Table output (<c>--output csv|parquet</c>): each patient gives a row of these columns instead of a JSON record; null: <see cref="Output"/>.</summary>
    public Tables.TableLayout? Table { get; init; }

    /// <summary>The table's format, with <see cref="Table"/>.</summary>
    public Tables.TableFormat TableFormat { get; init; }

    /// <summary><c>--strict</c>: every resource line parsed by Firely's validated deserializer, none by the fast readers (decision 0007).</summary>
    public bool Strict { get; init; }

    /// <summary>Only the patients of this shard (<c>--shard i/N</c>) are kept in pass 1, assessed and written; null: every patient.</summary>
    public Shard? Shard { get; init; }

    /// <summary>The as-of every record carries: <c>--as-of</c>, or the run time.</summary>
    public Hepatica.Clinical.AsOf Basis { get; } = Hepatica.Clinical.AsOf.AtInstant(AsOf, AsOfGiven ? Hepatica.Clinical.AsOfSource.FhirAsOf : Hepatica.Clinical.AsOfSource.RunTime);

    /// <summary>
    /// Partitions so that one partition per worker fits in half the budget (the other half is left for the parsed
    /// resources of the patient being assessed and the runtime), and no partition reaches 1 GiB (one array holds it).
    /// Every line is counted, though pass 1 keeps only the lines the reader uses: the count errs on the safe side.
    /// At least four partitions per worker, so that every core has work until near the end of pass 2.
    /// </summary>
    public int PartitionsFor(long inputBytes)
    {
        if (Partitions is { } fixedCount)
        {
            return fixedCount;
        }

        var perPartition = Math.Max(1L << 20, MemoryBytes / 2 / Threads);
        var count = Math.Max((inputBytes + perPartition - 1) / perPartition, (inputBytes + (1L << 30) - 1) >> 30);
        return (int)Math.Clamp(Math.Max(count, 4L * Threads), 1, 4096);
    }

    /// <summary>
    /// Pass 1: blocks of <paramref name="blockBytes"/> read ahead of the workers, two per worker but within an eighth
    /// of the budget (at least two): 64 threads do not mean 128 blocks of 4 MiB.
    /// </summary>
    public int BlocksInFlight(int blockBytes) => (int)Math.Clamp(MemoryBytes / 8 / blockBytes, 2, Math.Max(2L, 2L * Threads));

    /// <summary>
    /// Pass 1: the write buffer of each worker's file of each partition (threads × partitions files), so that all of
    /// them fit in an eighth of the budget: 64 KiB each at most, 4 KiB at least.
    /// </summary>
    public int PartitionBufferBytes(int partitions) => (int)Math.Clamp(MemoryBytes / 8 / ((long)Threads * partitions), 4 << 10, 64 << 10);
}
