using System.Buffers.Binary;
using Hepatica.Fhir.Bulk;

namespace Hepatica.Cli.Bulk;

/// <summary>What a partition record holds.</summary>
internal enum RecordKind : byte
{
    /// <summary>A resource line kept for its patient (the key is the patient id).</summary>
    Resource = 0,

    /// <summary>A finished error record from the first pass (no patient; the payload is the JSON record).</summary>
    Error = 1,
}

/// <summary>
/// One record of a temporary partition file: a fixed 35-byte header (kind, file index, line number, key length,
/// payload length, and what pass 1 worked out for the parse filter, <see cref="LineFacts"/>), the key (the patient id,
/// UTF-8) and the payload (the raw NDJSON line, or a pass-1 error record).
/// Little-endian; the files live only for one run, in its temp folder.
/// </summary>
internal readonly record struct PartitionRecord(RecordKind Kind, int FileIndex, long Line, int KeyOffset, int KeyLength, int PayloadOffset, int PayloadLength)
{
    public const int HeaderBytes = 1 + 4 + 8 + 2 + 4 + LineFacts.Size;

    private const int FactsAt = HeaderBytes - LineFacts.Size;

    /// <summary>The parse filter's facts of a resource line (unknown for an error record), from the header before the key.</summary>
    public LineFacts Facts(ReadOnlySpan<byte> data) => LineFacts.ReadFrom(data[(KeyOffset - LineFacts.Size)..]);

    /// <summary>Appends a record to <paramref name="to"/>.</summary>
    public static void Write(Stream to, RecordKind kind, int fileIndex, long line, ReadOnlySpan<byte> key, ReadOnlySpan<byte> payload, LineFacts facts = default)
    {
        Span<byte> header = stackalloc byte[HeaderBytes];
        header[0] = (byte)kind;
        BinaryPrimitives.WriteInt32LittleEndian(header[1..], fileIndex);
        BinaryPrimitives.WriteInt64LittleEndian(header[5..], line);
        BinaryPrimitives.WriteUInt16LittleEndian(header[13..], checked((ushort)key.Length));
        BinaryPrimitives.WriteInt32LittleEndian(header[15..], payload.Length);
        facts.WriteTo(header[FactsAt..]);
        to.Write(header);
        to.Write(key);
        to.Write(payload);
    }

    /// <summary>Every record in <paramref name="data"/> (the concatenated files of one partition).</summary>
    public static List<PartitionRecord> ReadAll(ReadOnlySpan<byte> data)
    {
        var records = new List<PartitionRecord>();
        var at = 0;
        while (at < data.Length)
        {
            var h = data[at..];
            var keyLength = BinaryPrimitives.ReadUInt16LittleEndian(h[13..]);
            var payloadLength = BinaryPrimitives.ReadInt32LittleEndian(h[15..]);
            var keyOffset = at + HeaderBytes;
            records.Add(new PartitionRecord((RecordKind)h[0], BinaryPrimitives.ReadInt32LittleEndian(h[1..]), BinaryPrimitives.ReadInt64LittleEndian(h[5..]), keyOffset, keyLength, keyOffset + keyLength, payloadLength));
            at = keyOffset + keyLength + payloadLength;
        }

        return records;
    }

    /// <summary>Patient id (ordinal bytes), then file, then line: the order a patient's resources are read in, whatever the thread count.</summary>
    public static int Compare(byte[] data, PartitionRecord a, PartitionRecord b)
    {
        var byKey = data.AsSpan(a.KeyOffset, a.KeyLength).SequenceCompareTo(data.AsSpan(b.KeyOffset, b.KeyLength));
        if (byKey != 0)
        {
            return byKey;
        }

        return a.FileIndex != b.FileIndex ? a.FileIndex.CompareTo(b.FileIndex) : a.Line.CompareTo(b.Line);
    }

    /// <summary>The partition of a patient: FNV-1a of the id's UTF-8 bytes (stable across runs and machines), modulo the count.</summary>
    public static int PartitionOf(ReadOnlySpan<byte> key, int partitions)
    {
        var hash = 2166136261u;
        foreach (var b in key)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)(hash % (uint)partitions);
    }

    /// <summary>The sort key of an error record: file index then line, big-endian so that bytes compare as numbers.</summary>
    public static byte[] ErrorKey(int fileIndex, long line)
    {
        var key = new byte[12];
        BinaryPrimitives.WriteInt32BigEndian(key, fileIndex);
        BinaryPrimitives.WriteInt64BigEndian(key.AsSpan(4), line);
        return key;
    }
}
