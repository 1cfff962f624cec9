using System.Buffers.Binary;

namespace Hepatica.Cli.Bulk;

/// <summary>
/// The temporary output of one partition: NDJSON records, each behind its sort key (<c>u16</c> key length, key,
/// <c>i32</c> record length, record), written in key order. <see cref="Merge"/> interleaves the partitions' files
/// by key into the final file, so the output is in one global order whatever the partition and thread counts, with
/// one record per file in memory.
/// </summary>
internal static class SortedOutput
{
    /// <summary>Appends one keyed record.</summary>
    public static void Write(Stream to, ReadOnlySpan<byte> key, ReadOnlySpan<byte> record)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt16LittleEndian(length, checked((ushort)key.Length));
        to.Write(length[..2]);
        to.Write(key);
        BinaryPrimitives.WriteInt32LittleEndian(length, record.Length);
        to.Write(length);
        to.Write(record);
    }

    /// <summary>Merges files each sorted by key into <paramref name="output"/> (records only, keys dropped); returns the record count. Checks <paramref name="ct"/> every 1,024 records.</summary>
    public static long Merge(IReadOnlyList<string> files, Stream output, CancellationToken ct = default)
    {
        var readers = files.Where(File.Exists).Select(f => new Cursor(f)).Where(c => c.Next()).ToList();
        long count = 0;
        try
        {
            while (readers.Count > 0)
            {
                var min = 0;
                for (var i = 1; i < readers.Count; i++)
                {
                    if (readers[i].Key.AsSpan().SequenceCompareTo(readers[min].Key) < 0)
                    {
                        min = i;
                    }
                }

                output.Write(readers[min].Record);
                if ((++count & 1023) == 0)
                {
                    ct.ThrowIfCancellationRequested();
                }

                if (!readers[min].Next())
                {
                    readers[min].Dispose();
                    readers.RemoveAt(min);
                }
            }
        }
        finally
        {
            readers.ForEach(r => r.Dispose());
        }

        return count;
    }

    private sealed class Cursor(string path) : IDisposable
    {
        private readonly BinaryReader reader = new(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan));

        public byte[] Key { get; private set; } = [];

        public byte[] Record { get; private set; } = [];

        public bool Next()
        {
            if (reader.BaseStream.Position >= reader.BaseStream.Length)
            {
                return false;
            }

            Key = reader.ReadBytes(reader.ReadUInt16());
            Record = reader.ReadBytes(reader.ReadInt32());
            return true;
        }

        public void Dispose() => reader.Dispose();
    }
}
