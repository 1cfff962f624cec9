using System.Buffers.Binary;
using System.Text;
using Hepatica.Json;

namespace Hepatica.Fhir.Bulk;

/// <summary>
/// What <see cref="ParseFilter"/> decides on for one line (its verdict, resource type, id, analyte and time), worked out
/// by pass 1's <see cref="BulkLineScanner"/> in the one read of the line it makes anyway and carried to pass 2 in the
/// partition record, so pass 2 does not read the line a second time before parsing it. Unknown (the default) when the
/// scan could not be sure to see the line as <see cref="ParseFilter"/> would (a member of an unexpected JSON type, an id
/// with escapes ...): pass 2 then reads that line itself, as before. A fixed <see cref="Size"/> bytes, little-endian.
/// </summary>
public readonly record struct LineFacts
{
    /// <summary>The bytes <see cref="WriteTo"/> writes.</summary>
    public const int Size = 16;

    private const ushort NoId = ushort.MaxValue;

    /// <summary>The resource types a known line can have (the types the snapshot reader reads).</summary>
    private static readonly string[] Types = ["Patient", "Observation", "Condition", "Procedure", "Immunization", "MedicationStatement", "MedicationRequest"];

    private static readonly IObservationRule[] Rules = [.. LabCodes.Rules, .. SerologyCodes.Rules];

    private static readonly Dictionary<IObservationRule, int> RuleIndex = BuildRuleIndex();

    private readonly byte verdict; // 0: unknown, else ParseFilter.Verdict + 1
    private readonly byte type;
    private readonly ushort rule;
    private readonly ushort idStart;
    private readonly ushort idLength;
    private readonly long utcTicks;

    private LineFacts(byte verdict, byte type, ushort rule, ushort idStart, ushort idLength, long utcTicks) =>
        (this.verdict, this.type, this.rule, this.idStart, this.idLength, this.utcTicks) = (verdict, type, rule, idStart, idLength, utcTicks);

    /// <summary>False when pass 2 must read the line itself.</summary>
    public bool IsKnown => verdict != 0;

    /// <summary>Reads facts written by <see cref="WriteTo"/>.</summary>
    public static LineFacts ReadFrom(ReadOnlySpan<byte> from) => new(
        from[0], from[1], BinaryPrimitives.ReadUInt16LittleEndian(from[2..]), BinaryPrimitives.ReadUInt16LittleEndian(from[4..]),
        BinaryPrimitives.ReadUInt16LittleEndian(from[6..]), BinaryPrimitives.ReadInt64LittleEndian(from[8..]));

    /// <summary>Writes the <see cref="Size"/> bytes of these facts.</summary>
    public void WriteTo(Span<byte> to)
    {
        to[0] = verdict;
        to[1] = type;
        BinaryPrimitives.WriteUInt16LittleEndian(to[2..], rule);
        BinaryPrimitives.WriteUInt16LittleEndian(to[4..], idStart);
        BinaryPrimitives.WriteUInt16LittleEndian(to[6..], idLength);
        BinaryPrimitives.WriteInt64LittleEndian(to[8..], utcTicks);
    }

    /// <summary>
    /// The facts of a classification (the id where the classifier read it in the line without its byte order mark), or
    /// unknown when they cannot be carried exactly: a type outside <see cref="Types"/>, an id with escapes or far into the line.
    /// </summary>
    internal static LineFacts From((ParseFilter.Verdict Verdict, string? Type, string? Id, IObservationRule? Rule, DateTimeOffset Time) c, (int Start, int Length, bool Escaped) idText)
    {
        var typeIndex = Array.IndexOf(Types, c.Type);
        var ruleIndex = c.Rule is null ? 0 : RuleIndex.GetValueOrDefault(c.Rule, -1);
        if (typeIndex < 0 || ruleIndex < 0)
        {
            return default;
        }

        ushort start = NoId, length = 0;
        if (c.Id is not null)
        {
            if (idText.Escaped || idText.Start < 0 || idText.Start >= NoId || idText.Length >= NoId)
            {
                return default;
            }

            (start, length) = ((ushort)idText.Start, (ushort)idText.Length);
        }

        return new((byte)((int)c.Verdict + 1), (byte)typeIndex, (ushort)ruleIndex, start, length, c.Verdict == ParseFilter.Verdict.PlainObservation ? c.Time.UtcTicks : 0);
    }

    /// <summary>The classification these facts stand for, the id read from <paramref name="line"/> (the line they were worked out from).</summary>
    internal (ParseFilter.Verdict Verdict, string? Type, string? Id, IObservationRule? Rule, DateTimeOffset Time) Expand(ReadOnlySpan<byte> line)
    {
        var v = (ParseFilter.Verdict)(verdict - 1);
        var id = idStart == NoId ? null : Encoding.UTF8.GetString(JsonInput.WithoutBom(line).Slice(idStart, idLength));
        return v == ParseFilter.Verdict.PlainObservation
            ? (v, Types[type], id, Rules[rule], new DateTimeOffset(utcTicks, TimeSpan.Zero))
            : (v, Types[type], id, null, default);
    }

    private static Dictionary<IObservationRule, int> BuildRuleIndex()
    {
        var index = new Dictionary<IObservationRule, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < Rules.Length; i++)
        {
            index[Rules[i]] = i;
        }

        return index;
    }
}
