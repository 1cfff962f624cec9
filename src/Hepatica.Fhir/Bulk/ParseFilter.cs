using System.Globalization;
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

    private enum Verdict
    {
        Keep,
        PlainObservation,
        Spare,
        ConditionNotInTable,
    }

    /// <summary>For each line of one patient (in file and line order): whether it must be parsed and read, and its resource type (null when unreadable).</summary>
    public static bool[] Select(IReadOnlyList<ReadOnlyMemory<byte>> lines, DateTimeOffset asOf, out string?[] types)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var keep = new bool[lines.Count];
        var typeNames = new string?[lines.Count];
        types = typeNames;
        var seen = new (Verdict Verdict, string? Id, IObservationRule? Rule, DateTimeOffset Time)[lines.Count];
        var ids = new Dictionary<(string?, string), int>();
        for (var i = 0; i < lines.Count; i++)
        {
            var (verdict, type, id, rule, time) = Classify(lines[i].Span);
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

    private static (Verdict Verdict, string? Type, string? Id, IObservationRule? Rule, DateTimeOffset Time) Classify(ReadOnlySpan<byte> line)
    {
        string? type = null;
        string? id = null;
        try
        {
            var r = new Utf8JsonReader(JsonInput.WithoutBom(line));
            if (!r.Read() || r.TokenType != JsonTokenType.StartObject)
            {
                return (Verdict.Keep, null, null, null, default);
            }

            string? status = null;
            IObservationRule? rule = null;
            DateTimeOffset? time = null;
            var otherTime = false;
            var conditionHit = false;
            string? cvx = null;
            while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                if (r.ValueTextEquals("resourceType"u8))
                {
                    r.Read();
                    type = r.TokenType == JsonTokenType.String ? string.Intern(r.GetString()!) : null;
                }
                else if (r.ValueTextEquals("id"u8))
                {
                    r.Read();
                    id = r.TokenType == JsonTokenType.String ? r.GetString() : null;
                }
                else if (r.ValueTextEquals("status"u8))
                {
                    r.Read();
                    status = r.TokenType == JsonTokenType.String ? r.GetString() : "";
                }
                else if (r.ValueTextEquals("effectiveDateTime"u8))
                {
                    r.Read();
                    time = r.TokenType == JsonTokenType.String
                        && DateTimeOffset.TryParseExact(r.GetString(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var t) ? t : null;
                    otherTime |= time is null;
                }
                else if (r.ValueSpan.StartsWith("effective"u8) || r.ValueSpan.StartsWith("_effective"u8))
                {
                    otherTime = true; // a Period, an instant, or an extension on the time: left to the reader
                    r.Read();
                    r.Skip();
                }
                else if (r.ValueTextEquals("code"u8) || r.ValueTextEquals("vaccineCode"u8))
                {
                    r.Read();
                    if (Codings(ref r) is not { } codings)
                    {
                        return (Verdict.Keep, type, id, null, default); // not a CodeableConcept: the FHIR parse will report it
                    }

                    foreach (var (system, code) in codings)
                    {
                        rule ??= system == Loinc && code is not null ? (LabCodes.TryFind(code, out var lab, out _) ? lab : SerologyCodes.Find(code)) : null;
                        conditionHit |= ConditionCodes.Match(system, code).Any();
                        cvx ??= system == Cvx ? code ?? "" : null;
                    }
                }
                else
                {
                    r.Read();
                    r.Skip();
                }
            }

            return type switch
            {
                "Observation" when status is "final" or "amended" or "corrected" && rule is not null && time is { } when && !otherTime => (Verdict.PlainObservation, type, id, rule, when),
                "Condition" when !conditionHit => (Verdict.ConditionNotInTable, type, id, null, default),
                "Immunization" when cvx is null || (cvx.Length > 0 && status == "completed" && VaccineCodes.FromCvx(cvx) is null) => (Verdict.Spare, type, id, null, default),
                _ => (Verdict.Keep, type, id, null, default),
            };
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Syntax, or a string that is not text (a lone surrogate escape): the FHIR parse will report it.
            return (Verdict.Keep, type, id, null, default);
        }
    }

    /// <summary>The (system, code) of every coding of a CodeableConcept, in order (codes that are not strings are null); null when it is not an object.</summary>
    private static List<(string? System, string? Code)>? Codings(ref Utf8JsonReader r)
    {
        if (r.TokenType != JsonTokenType.StartObject)
        {
            r.Skip();
            return null;
        }

        var codings = new List<(string?, string?)>();
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
                        (system, code) = isSystem ? (r.GetString(), code) : (system, r.GetString());
                    }
                    else
                    {
                        r.Skip();
                    }
                }

                codings.Add((system, code));
            }
        }

        return codings;
    }
}
