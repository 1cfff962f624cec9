using System.Globalization;
using System.Text;
using System.Text.Json;
using Hepatica.Clinical.Prevention;
using Hepatica.Json;

namespace Hepatica.Fhir.Bulk;

/// <summary>
/// Spares the FHIR parse of one patient's resources that cannot change the snapshot (docs/fhir.md, "Bulk Data"),
/// from a <see cref="Utf8JsonReader"/> look at a few elements. Each rule mirrors what the reader does with the resource
/// when it is read, so that the snapshot, its issues and its sources are the same as reading every line (tested against
/// the equivalent Bundle):
/// <list type="bullet">
/// <item>An Observation that is final (or amended, corrected), has a plain <c>effectiveDateTime</c> and matches an
/// analyte is read without an issue; the reader then uses only the values at the latest time at or before as-of, so
/// an older one, or one after as-of, is spared.</item>
/// <item>A Condition none of whose codings is in the condition table only tells the reader that a problem list exists
/// (decision 0004); the first such Condition is kept for that, the others are spared.</item>
/// <item>An Immunization without a CVX coding, or completed with a CVX code the core does not plan, is skipped by the
/// reader without an issue: spared.</item>
/// </list>
/// A resource whose type and id appear more than once is always kept (the reader reports duplicates). Everything
/// else is kept too: other statuses (FHR012, FHR030), Periods, instants, partial dates or no time (FHR017),
/// codes the scan cannot place, lines it cannot read.
/// </summary>
public static class ParseFilter
{
    private const string Loinc = "http://loinc.org";
    private const string Cvx = "http://hl7.org/fhir/sid/cvx";

    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
    ];

    /// <summary>The members <see cref="Classifier"/> tells apart.</summary>
    internal enum MemberKind
    {
        Other,
        ResourceType,
        Id,
        Status,
        EffectiveDateTime,
        OtherEffective,
        Code,
    }

    internal enum Verdict
    {
        Keep,
        PlainObservation,
        Spare,
        ConditionNotInTable,
    }

    /// <summary>For each line of one patient (in file and line order): whether it must be parsed and read, and its resource type (null when unreadable).</summary>
    public static bool[] Select(IReadOnlyList<ReadOnlyMemory<byte>> lines, DateTimeOffset asOf, out string?[] types) => Select(lines, null, asOf, out types);

    /// <summary>
    /// As <see cref="Select(IReadOnlyList{ReadOnlyMemory{byte}}, DateTimeOffset, out string?[])"/>, with what pass 1 worked
    /// out about each line (<see cref="BulkLineScanner.Facts"/>): a line whose facts are known is not read again.
    /// </summary>
    public static bool[] Select(IReadOnlyList<ReadOnlyMemory<byte>> lines, IReadOnlyList<LineFacts>? facts, DateTimeOffset asOf, out string?[] types)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var keep = new bool[lines.Count];
        var typeNames = new string?[lines.Count];
        types = typeNames;
        var seen = new (Verdict Verdict, string? Id, IObservationRule? Rule, DateTimeOffset Time)[lines.Count];
        var ids = new Dictionary<(string?, string), int>();
        for (var i = 0; i < lines.Count; i++)
        {
            var (verdict, type, id, rule, time) = facts is not null && facts[i].IsKnown ? facts[i].Expand(lines[i].Span) : Classify(lines[i].Span);
            typeNames[i] = type;
            seen[i] = (verdict, id, rule, time);
            if (id is not null)
            {
                ids[(type, id)] = ids.GetValueOrDefault((type, id)) + 1;
            }
        }

        // A resource that appears more than once is always read: the reader reports duplicates (FHR007, FHR008).
        bool Repeated(int i) => seen[i].Id is { } id && ids[(typeNames[i], id)] > 1;

        var latest = new Dictionary<IObservationRule, DateTimeOffset>();
        var problemListKept = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var (verdict, _, rule, time) = seen[i];
            keep[i] = verdict == Verdict.Keep || Repeated(i);
            if (verdict == Verdict.ConditionNotInTable && !keep[i])
            {
                keep[i] = !problemListKept;
                problemListKept = true;
            }
            else if (verdict == Verdict.PlainObservation && time <= asOf)
            {
                keep[i] = true;
                if (!latest.TryGetValue(rule!, out var max) || time > max)
                {
                    latest[rule!] = time;
                }
            }
        }

        for (var i = 0; i < lines.Count; i++)
        {
            if (seen[i] is { Verdict: Verdict.PlainObservation, Rule: { } rule } && seen[i].Time <= asOf && seen[i].Time < latest[rule] && !Repeated(i))
            {
                keep[i] = false;
            }
        }

        return keep;
    }

    internal static (Verdict Verdict, string? Type, string? Id, IObservationRule? Rule, DateTimeOffset Time) Classify(ReadOnlySpan<byte> line)
    {
        var c = default(Classifier);
        try
        {
            var r = new Utf8JsonReader(JsonInput.WithoutBom(line));
            if (!r.Read() || r.TokenType != JsonTokenType.StartObject)
            {
                return (Verdict.Keep, null, null, null, default);
            }

            while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                if (!c.Member(ref r))
                {
                    return c.Kept; // not a CodeableConcept: the FHIR parse will report it
                }
            }

            return c.Result;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Syntax, or a string that is not text (a lone surrogate escape): the FHIR parse will report it.
            return c.Kept;
        }
    }

    /// <summary>
    /// What the filter decides on, gathered one top-level member at a time: <see cref="Classify"/> feeds it every member
    /// of a line, and pass 1's <see cref="BulkLineScanner"/> feeds it the same members while it scans the line, so the
    /// verdict is worked out in the one pass that reads the line anyway (<see cref="LineFacts"/>). The scanner's
    /// classifier (<see cref="ForScan"/>) reads lines already checked to be UTF-8 without lone surrogate escapes, so it
    /// compares strings in place instead of decoding them, and does not decode the id (<see cref="IdText"/> locates it).
    /// </summary>
    internal struct Classifier
    {
        private static readonly string[] TypeNames = ["Patient", "Observation", "Condition", "Procedure", "Immunization", "MedicationStatement", "MedicationRequest"];

        private static readonly byte[][] TypeNamesUtf8 = [.. TypeNames.Select(Encoding.UTF8.GetBytes)];

        private readonly bool scan;
        private readonly List<(string? System, string? Code)>? codingsBuffer;
        private readonly char[]? timeBuffer;
        private string? type;
        private string? id;
        private int idStart;
        private int idLength;
        private bool idEscaped;
        private string? status;
        private DateTimeOffset? time;
        private bool otherTime;
        private List<(string? System, string? Code)>? codings;

        private Classifier(List<(string? System, string? Code)> buffer, char[] chars)
        {
            scan = true;
            codingsBuffer = buffer;
            timeBuffer = chars;
        }

        /// <summary>A classifier for a line <see cref="BulkLineScanner"/> has checked to be decodable; the buffers are reused from line to line.</summary>
        public static Classifier ForScan(List<(string? System, string? Code)> buffer, char[] chars)
        {
            buffer.Clear();
            return new Classifier(buffer, chars);
        }

        /// <summary>The result when a member ends the classification early (a code that is not an object): keep.</summary>
        public readonly (Verdict Verdict, string? Type, string? Id, IObservationRule? Rule, DateTimeOffset Time) Kept => (Verdict.Keep, type, id, null, default);

        /// <summary>
        /// The result once every member has been read. The codings of every code and vaccineCode member are looked up only
        /// for the type that uses them (the first lab or serology rule of a LOINC coding, the condition table, the first
        /// CVX code), which is all the verdict depends on.
        /// </summary>
        public readonly (Verdict Verdict, string? Type, string? Id, IObservationRule? Rule, DateTimeOffset Time) Result => type switch
        {
            "Observation" when status is "final" or "amended" or "corrected" && FirstRule(codings) is { } rule && time is { } when && !otherTime => (Verdict.PlainObservation, type, id, rule, when),
            "Condition" when !AnyInConditionTable(codings) => (Verdict.ConditionNotInTable, type, id, null, default),
            "Immunization" when FirstCvx(codings) is not { } cvx || (cvx.Length > 0 && status == "completed" && VaccineCodes.FromCvx(cvx) is null) => (Verdict.Spare, type, id, null, default),
            _ => (Verdict.Keep, type, id, null, default),
        };

        /// <summary>Where the last id's UTF-8 text is in the line (start -1 when that id was not a string), and whether it has escapes.</summary>
        public readonly (int Start, int Length, bool Escaped) IdText => (id is null ? -1 : idStart, idLength, idEscaped);

        /// <summary>What a member is to the filter, the reader on its name.</summary>
        public static MemberKind KindOf(ref Utf8JsonReader r)
        {
            if (r.ValueIsEscaped)
            {
                return KindOfEscaped(ref r);
            }

            // The same answers as KindOfEscaped, which an unescaped name gives byte for byte: by length first.
            var name = r.ValueSpan;
            return name.Length switch
            {
                2 when name.SequenceEqual("id"u8) => MemberKind.Id,
                4 when name.SequenceEqual("code"u8) => MemberKind.Code,
                6 when name.SequenceEqual("status"u8) => MemberKind.Status,
                11 when name.SequenceEqual("vaccineCode"u8) => MemberKind.Code,
                12 when name.SequenceEqual("resourceType"u8) => MemberKind.ResourceType,
                17 when name.SequenceEqual("effectiveDateTime"u8) => MemberKind.EffectiveDateTime,
                _ when name.StartsWith("effective"u8) || name.StartsWith("_effective"u8) => MemberKind.OtherEffective,
                _ => MemberKind.Other,
            };
        }

        private static MemberKind KindOfEscaped(ref Utf8JsonReader r) =>
            r.ValueTextEquals("resourceType"u8) ? MemberKind.ResourceType
            : r.ValueTextEquals("id"u8) ? MemberKind.Id
            : r.ValueTextEquals("status"u8) ? MemberKind.Status
            : r.ValueTextEquals("effectiveDateTime"u8) ? MemberKind.EffectiveDateTime
            : r.ValueSpan.StartsWith("effective"u8) || r.ValueSpan.StartsWith("_effective"u8) ? MemberKind.OtherEffective
            : r.ValueTextEquals("code"u8) || r.ValueTextEquals("vaccineCode"u8) ? MemberKind.Code
            : MemberKind.Other;

        /// <summary>
        /// Reads one member, the reader on its name, and leaves the reader on the member's last token (or, for a value of
        /// a type the member does not allow, on its first token or inside it: the caller checks). False when the member
        /// decides the line (<see cref="Kept"/>).
        /// </summary>
        public bool Member(ref Utf8JsonReader r)
        {
            var kind = KindOf(ref r);
            r.Read();
            return Value(kind, ref r);
        }

        /// <summary>
        /// As <see cref="Member"/>, the reader on the member's value (the first token of it). A string, number or literal is
        /// only looked at, never read past, so a caller may look at the same token itself.
        /// </summary>
        public bool Value(MemberKind kind, ref Utf8JsonReader r)
        {
            switch (kind)
            {
                case MemberKind.ResourceType:
                    type = r.TokenType != JsonTokenType.String ? null : scan && KnownType(ref r) is { } known ? known : string.Intern(r.GetString()!);
                    break;
                case MemberKind.Id:
                    id = r.TokenType != JsonTokenType.String ? null : scan ? "" : r.GetString();
                    (idStart, idLength, idEscaped) = ((int)r.TokenStartIndex + 1, r.ValueSpan.Length, r.ValueIsEscaped);
                    break;
                case MemberKind.Status:
                    status = r.TokenType != JsonTokenType.String ? "" : scan ? KnownStatus(ref r) : r.GetString();
                    break;
                case MemberKind.EffectiveDateTime:
                    time = r.TokenType == JsonTokenType.String && ParseTime(ref r, timeBuffer) is { } t ? t : null;
                    otherTime |= time is null;
                    break;
                case MemberKind.OtherEffective:
                    otherTime = true; // a Period, an instant, or an extension on the time: left to the reader
                    r.Skip();
                    break;
                case MemberKind.Code:
                    codings ??= codingsBuffer ?? [];
                    if (!Codings(ref r, codings, scan))
                    {
                        return false;
                    }

                    break;
                default:
                    r.Skip();
                    break;
            }

            return true;
        }

        private static string? KnownType(ref Utf8JsonReader r)
        {
            for (var i = 0; i < TypeNames.Length; i++)
            {
                if (r.ValueTextEquals(TypeNamesUtf8[i]))
                {
                    return TypeNames[i];
                }
            }

            return null;
        }

        /// <summary>The statuses the verdict looks at, as themselves; any other as the empty string (a status the verdict treats alike).</summary>
        private static string KnownStatus(ref Utf8JsonReader r) =>
            r.ValueTextEquals("final"u8) ? "final" : r.ValueTextEquals("amended"u8) ? "amended" : r.ValueTextEquals("corrected"u8) ? "corrected" : r.ValueTextEquals("completed"u8) ? "completed" : "";

        private static DateTimeOffset? ParseTime(ref Utf8JsonReader r, char[]? chars)
        {
            if (chars is not null && r.ValueSpan.Length <= chars.Length)
            {
                var length = r.CopyString(chars);
                return DateTimeOffset.TryParseExact(chars.AsSpan(0, length), Formats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var t) ? t : null;
            }

            return DateTimeOffset.TryParseExact(r.GetString(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var parsed) ? parsed : null;
        }

        private static IObservationRule? FirstRule(List<(string? System, string? Code)>? codings)
        {
            foreach (var (system, code) in codings ?? [])
            {
                if (system == Loinc && code is not null && (LabCodes.TryFind(code, out var lab, out _) ? lab : (IObservationRule?)SerologyCodes.Find(code)) is { } rule)
                {
                    return rule;
                }
            }

            return null;
        }

        private static bool AnyInConditionTable(List<(string? System, string? Code)>? codings) =>
            codings is not null && codings.Exists(c => ConditionCodes.Match(c.System, c.Code).Any());

        private static string? FirstCvx(List<(string? System, string? Code)>? codings)
        {
            foreach (var (system, code) in codings ?? [])
            {
                if (system == Cvx)
                {
                    return code ?? "";
                }
            }

            return null;
        }
    }

    /// <summary>
    /// Adds the (system, code) of every coding of a CodeableConcept to <paramref name="codings"/>, in order (codes that are
    /// not strings are null); false when it is not an object. <paramref name="scan"/>: the two systems the verdict compares
    /// are taken as constants when they match, rather than decoded.
    /// </summary>
    private static bool Codings(ref Utf8JsonReader r, List<(string? System, string? Code)> codings, bool scan)
    {
        if (r.TokenType != JsonTokenType.StartObject)
        {
            r.Skip();
            return false;
        }

        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var coding = r.ValueTextEquals("coding"u8);
            r.Read();
            if (!coding || r.TokenType != JsonTokenType.StartArray)
            {
                r.Skip();
                continue;
            }

            while (r.Read() && r.TokenType == JsonTokenType.StartObject)
            {
                string? system = null, code = null;
                while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
                {
                    var isSystem = r.ValueTextEquals("system"u8);
                    var isCode = r.ValueTextEquals("code"u8);
                    r.Read();
                    if ((isSystem || isCode) && r.TokenType == JsonTokenType.String)
                    {
                        var text = isSystem && scan ? (r.ValueTextEquals("http://loinc.org"u8) ? Loinc : r.ValueTextEquals("http://hl7.org/fhir/sid/cvx"u8) ? Cvx : null) ?? r.GetString() : r.GetString();
                        (system, code) = isSystem ? (text, code) : (system, text);
                    }
                    else
                    {
                        r.Skip();
                    }
                }

                codings.Add((system, code));
            }
        }

        return true;
    }
}
