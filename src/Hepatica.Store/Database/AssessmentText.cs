using System.Buffers.Binary;
using System.Data.Common;
using System.IO.Compression;
using System.Text;

namespace Hepatica.Store.Database;

/// <summary>
/// How an assessment's JSON is stored (schema v2; docs/store.md, "Schema and migrations"): its UTF-8 bytes,
/// Brotli-compressed, after a 4-byte little-endian count of those bytes (so the read decompresses into one buffer of the
/// right size). Decompressed, it is the same text byte for byte (its SHA-256 is the receipt's).
/// </summary>
internal static class AssessmentText
{
    /// <summary>
    /// Brotli quality 1 of 0-11, window 2^22: measured on the 10-year record's assessments (docs/benchmarks.md, "Stored
    /// assessments") it stores about a fifth of the text at about 0.2 ms an assessment; quality 5 saves a few percent
    /// more at nine times the time, and the compression runs on the ingest path (1,000 assessments for the 10-year record).
    /// </summary>
    private const int Quality = 1;

    private const int Window = 22;

    /// <summary>The stored form of <paramref name="json"/>.</summary>
    public static byte[] Compress(string json)
    {
        var utf8 = Encoding.UTF8.GetBytes(json);
        var buffer = new byte[4 + BrotliEncoder.GetMaxCompressedLength(utf8.Length)];
        BinaryPrimitives.WriteInt32LittleEndian(buffer, utf8.Length);
        if (!BrotliEncoder.TryCompress(utf8, buffer.AsSpan(4), out var written, Quality, Window))
        {
            throw new InvalidOperationException("Brotli could not compress an assessment into its maximum compressed length.");
        }

        return buffer.AsSpan(0, 4 + written).ToArray();
    }

    /// <summary>The JSON text of a stored form.</summary>
    public static string Decompress(byte[] stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (stored.Length < 4)
        {
            throw new InvalidDataException("A stored assessment is shorter than its length prefix.");
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(stored);
        var utf8 = new byte[length];
        if (!BrotliDecoder.TryDecompress(stored.AsSpan(4), utf8, out var written) || written != length)
        {
            throw new InvalidDataException("A stored assessment did not decompress to its recorded length.");
        }

        return Encoding.UTF8.GetString(utf8);
    }

    /// <summary>
    /// The assessment of a row read as <c>assessment_json, assessment_br</c> at <paramref name="ordinal"/> and the next:
    /// the text when the row is a v1 row not compressed yet, else the decompressed bytes.
    /// </summary>
    public static string Read(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? Decompress(reader.GetFieldValue<byte[]>(ordinal + 1)) : reader.GetString(ordinal);

    /// <summary>
    /// Compresses every assessment still stored as text (the rows of a v1 database, right after migration 0002), a batch
    /// of rows at a time so a large record does not have to fit in memory; inside the migration's transaction.
    /// </summary>
    public static async Task<int> CompressStoredAsync(DbTransaction transaction, CancellationToken cancellationToken)
    {
        const int Batch = 200;
        var done = 0;
        long after = 0;
        while (true)
        {
            var rows = new List<(long Id, string Json)>(Batch);
            await using (var select = Sql.Command(
                transaction,
                "SELECT id, assessment_json FROM assessments WHERE assessment_json IS NOT NULL AND id > @after ORDER BY id LIMIT @limit",
                ("after", after),
                ("limit", Batch)))
            await using (var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    rows.Add((reader.GetInt64(0), reader.GetString(1)));
                }
            }

            if (rows.Count == 0)
            {
                return done;
            }

            foreach (var (id, json) in rows)
            {
                await Sql.ExecuteAsync(transaction, "UPDATE assessments SET assessment_json = NULL, assessment_br = @br WHERE id = @id", cancellationToken, ("br", Compress(json)), ("id", id)).ConfigureAwait(false);
            }

            done += rows.Count;
            after = rows[^1].Id;
        }
    }
}
