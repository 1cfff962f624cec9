using System.Text;
using System.Text.Json;
using Hepatica.Json;

namespace Hepatica.Fhir.Bulk;

/// <summary>What the first pass of a Bulk Data batch decided about one NDJSON line.</summary>
public enum BulkLineKind
{
    /// <summary>A resource the snapshot reader uses, with its patient: it goes to that patient's partition.</summary>
    Used,

    /// <summary>A resource type the snapshot reader does not read (Encounter, Claim, AllergyIntolerance ...): counted, not kept.</summary>
    TypeNotRead,

    /// <summary>An Observation none of whose LOINC codes the reader uses (vital signs, other labs): counted, not kept.</summary>
    ObservationNotRead,

    /// <summary>Not a JSON object (syntax error, truncated line, empty line).</summary>
    Malformed,

    /// <summary>A JSON object without a string <c>resourceType</c>.</summary>
    NoResourceType,

    /// <summary>A used resource whose patient cannot be found (Patient without id; no <c>Patient/&lt;id&gt;</c> subject or patient reference).</summary>
    NoPatient,
}

/// <summary>
/// The first pass of <c>hepatica bulk</c> (docs/fhir.md, "Bulk Data"): finds a line's resource type and
/// patient with <see cref="Utf8JsonReader"/>, without a FHIR parse, and decodes no more than it needs (the rest of the
/// line is only tokenised, so every malformed line is an error record, whether or not its resource is read). A Patient is
/// its own <c>id</c>; other resources name it in <c>subject</c> or <c>patient</c> as <c>Patient/&lt;id&gt;</c> (or an
/// absolute URL ending so). Observations are kept only when a coding could match the reader's LOINC tables
/// (<see cref="LabCodes"/>, <see cref="SerologyCodes"/>), or when none has a code (the reader then warns FHR018), so
/// skipping the rest changes no result. One instance per thread: <see cref="PatientId"/> is valid until the next scan.
/// </summary>
public sealed class BulkLineScanner
{
    private const string Loinc = "http://loinc.org";

    /// <summary>The resource types the snapshot reader reads; every other type is counted and skipped.</summary>
    public static readonly IReadOnlySet<string> TypesRead = new HashSet<string>(StringComparer.Ordinal)
    {
        "Patient", "Observation", "Condition", "Procedure", "Immunization", "MedicationStatement", "MedicationRequest",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> LoincCodesRead = BuildLoincLookup();

    private byte[] idBuffer = new byte[128];
    private byte[] ownId = new byte[128];
    private int idLength;
    private int ownIdLength;
    private string? lastType;
    private readonly List<(string? System, string? Code)> codings = [];
    private readonly char[] chars = new char[64];
    private ParseFilter.Classifier classifier;
    private Classifying classifying;

    private enum Classifying
    {
        Active,
        Ended,
        Unknown,
    }

    /// <summary>The decision of the last scan.</summary>
    public BulkLineKind Kind { get; private set; }

    /// <summary>The resource type of the last line (null when it had none).</summary>
    public string? ResourceType { get; private set; }

    /// <summary>The patient id (UTF-8) of the last line, when <see cref="Kind"/> is <see cref="BulkLineKind.Used"/>.</summary>
    public ReadOnlySpan<byte> PatientId => idBuffer.AsSpan(0, idLength);

    /// <summary>
    /// What <see cref="ParseFilter"/> decides on for the last line, when <see cref="Kind"/> is <see cref="BulkLineKind.Used"/>
    /// (else unknown): pass 2 reads it instead of the line.
    /// </summary>
    public LineFacts Facts { get; private set; }

    /// <summary>Why the last line was not usable (for the error record), else null.</summary>
    public string? Problem { get; private set; }

    /// <summary>
    /// Scans one line (without its newline; a leading byte order mark is skipped). The whole line is tokenised even when
    /// the decision comes early, so a line cut or broken anywhere is <see cref="BulkLineKind.Malformed"/>, read or not.
    /// </summary>
    public BulkLineKind Scan(ReadOnlySpan<byte> line)
    {
        ResourceType = null;
        Problem = null;
        Facts = default;
        idLength = 0;
        ownIdLength = 0;
        line = JsonInput.WithoutBom(line);
        if (JsonInput.FindUndecodable(line) is { } escape)
        {
            Problem = escape;
            return Kind = BulkLineKind.Malformed;
        }

        try
        {
            var r = new Utf8JsonReader(line);
            var kind = ScanObject(ref r, line);
            if (kind != BulkLineKind.Malformed)
            {
                // The decision is made; the rest of the line is only checked (syntax, and nothing after the object).
                while (r.Read())
                {
                }
            }

            return Kind = kind;
        }
        catch (JsonException e)
        {
            Facts = default; // the line is not used after all
            Problem = $"Malformed JSON at byte {(e.BytePositionInLine ?? 0) + 1}: {e.Message.Split(". ")[0]}.";
            return Kind = BulkLineKind.Malformed;
        }
    }

    private BulkLineKind ScanObject(ref Utf8JsonReader r, ReadOnlySpan<byte> line)
    {
        if (!r.Read() || r.TokenType != JsonTokenType.StartObject)
        {
            Problem = line.Trim(" \t\r"u8).IsEmpty ? "The line is empty: expected one FHIR resource." : $"Expected a FHIR resource (a JSON object), found {r.TokenType}.";
            return BulkLineKind.Malformed;
        }

        // The parse filter's classifier sees every member as ParseFilter would, on this scan's reader (a copy only for
        // the code, which both read their own way); it stops, and the facts are unknown, when a member leaves the two
        // out of step (a value of an unexpected JSON type).
        classifier = ParseFilter.Classifier.ForScan(codings, chars);
        classifying = Classifying.Active;
        bool? observationKept = null; // Observations only: null until the code is seen
        var referenceSeen = false;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var member = classifying == Classifying.Active ? ParseFilter.Classifier.KindOf(ref r) : ParseFilter.MemberKind.Other;
            var stop = false;
            if (r.ValueTextEquals("resourceType"u8))
            {
                r.Read();
                if (r.TokenType != JsonTokenType.String)
                {
                    stop = true;
                }
                else
                {
                    ResourceType = TypeName(ref r);
                    if (!TypesRead.Contains(ResourceType))
                    {
                        return BulkLineKind.TypeNotRead;
                    }
                }

                Classify(member, ref r); // looks at the value without reading on
            }
            else if (r.ValueTextEquals("id"u8))
            {
                r.Read();
                Classify(member, ref r); // looks at the value without reading on
                if (r.TokenType == JsonTokenType.String)
                {
                    ownIdLength = Copy(ref r, ref ownId);
                }
            }
            else if (r.ValueTextEquals("subject"u8) || r.ValueTextEquals("patient"u8))
            {
                r.Read();
                referenceSeen |= ReadReference(ref r); // the classifier skips it
            }
            else if (r.ValueTextEquals("code"u8))
            {
                r.Read();
                var copy = r;
                observationKept = CodeIsRead(ref r);
                if (ResourceType == "Observation" && observationKept == false)
                {
                    return BulkLineKind.ObservationNotRead;
                }

                Classify(member, ref copy);
            }
            else if (classifying == Classifying.Active)
            {
                r.Read();
                Classify(member, ref r);
                if (!AtValueEnd(ref r))
                {
                    ToValueEnd(ref r); // where r.Skip() would have left it
                }
            }
            else
            {
                r.Read();
                r.Skip();
            }

            if (classifying != Classifying.Unknown && !AtValueEnd(ref r))
            {
                classifying = Classifying.Unknown; // this scan stopped inside the value: later members are not where the filter reads them
            }

            // Stop reading fields as soon as the line is decided (the caller still checks the rest of the line's syntax).
            if (stop)
            {
                break;
            }

            if (ResourceType == "Observation" && observationKept == false)
            {
                return BulkLineKind.ObservationNotRead;
            }

            if (ResourceType == "Patient" ? ownIdLength > 0 : (ResourceType is not null && referenceSeen && (ResourceType != "Observation" || observationKept == true)))
            {
                break;
            }
        }

        var kind = Decide(referenceSeen);
        if (kind == BulkLineKind.Used)
        {
            // The rest of the members, for the classifier only (the scan is decided).
            while (classifying == Classifying.Active && r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                var member = ParseFilter.Classifier.KindOf(ref r);
                r.Read();
                Classify(member, ref r);
            }

            Facts = classifying switch
            {
                Classifying.Active => LineFacts.From(classifier.Result, classifier.IdText),
                Classifying.Ended => LineFacts.From(classifier.Kept, classifier.IdText),
                _ => default,
            };
        }

        return kind;
    }

    /// <summary>Feeds a member's value (the reader on its first token) to the classifier while it is active.</summary>
    private void Classify(ParseFilter.MemberKind kind, ref Utf8JsonReader r)
    {
        if (classifying != Classifying.Active)
        {
            return;
        }

        try
        {
            var more = classifier.Value(kind, ref r);
            classifying = !AtValueEnd(ref r) ? Classifying.Unknown : more ? Classifying.Active : Classifying.Ended;
        }
        catch (InvalidOperationException)
        {
            classifying = Classifying.Unknown; // a string that is not text: pass 2 reads the line (the decodable check above makes this unreachable)
        }
    }

    /// <summary>Reads on to the last token of the member value the reader is on or inside.</summary>
    private static void ToValueEnd(ref Utf8JsonReader r)
    {
        if (r.CurrentDepth == 1 && r.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            r.Skip();
            return;
        }

        while (r.CurrentDepth > 1 && r.Read())
        {
        }
    }

    /// <summary>Whether the reader is on the last token of a member of the resource (not inside its value, not at its start).</summary>
    private static bool AtValueEnd(ref Utf8JsonReader r) =>
        r.CurrentDepth == 1 && r.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray or JsonTokenType.PropertyName);

    private BulkLineKind Decide(bool referenceSeen)
    {
        if (ResourceType is null)
        {
            Problem = "The resource has no resourceType string.";
            return BulkLineKind.NoResourceType;
        }

        if (ResourceType == "Patient")
        {
            if (ownIdLength == 0)
            {
                Problem = "The Patient has no id: no other resource can refer to it.";
                return BulkLineKind.NoPatient;
            }

            (idBuffer, ownId) = (ownId, idBuffer);
            idLength = ownIdLength;
            return BulkLineKind.Used;
        }

        if (!referenceSeen)
        {
            Problem ??= $"The {ResourceType} names no patient (no subject or patient reference 'Patient/<id>').";
            return BulkLineKind.NoPatient;
        }

        return BulkLineKind.Used;
    }

    /// <summary>The type name, allocated once per run of lines of the same type (export files hold one type each).</summary>
    private string TypeName(ref Utf8JsonReader r)
    {
        if (lastType is not null && r.ValueTextEquals(lastType))
        {
            return lastType;
        }

        return lastType = r.GetString()!;
    }

    /// <summary>Reads a Reference object; true (and <see cref="PatientId"/> set) when it is <c>Patient/&lt;id&gt;</c>.</summary>
    private bool ReadReference(ref Utf8JsonReader r)
    {
        if (r.TokenType != JsonTokenType.StartObject)
        {
            r.Skip();
            return false;
        }

        var found = false;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("reference"u8))
            {
                r.Read();
                if (r.TokenType == JsonTokenType.String)
                {
                    var length = Copy(ref r, ref idBuffer);
                    var text = idBuffer.AsSpan(0, length);
                    var at = text.LastIndexOf("Patient/"u8);
                    if (at >= 0 && (at == 0 || text[at - 1] == (byte)'/') && at + 8 < length && text[(at + 8)..].IndexOf((byte)'/') < 0)
                    {
                        text[(at + 8)..].CopyTo(idBuffer);
                        idLength = length - at - 8;
                        found = true;
                    }
                    else
                    {
                        Problem = $"The reference '{Encoding.UTF8.GetString(text)}' is not 'Patient/<id>': the patient cannot be found.";
                    }
                }
            }
            else
            {
                r.Read();
                r.Skip();
            }
        }

        return found;
    }

    /// <summary>
    /// Reads a CodeableConcept: true when a coding has the LOINC system and a code the reader uses, or when no coding
    /// has a code (the reader reports that); false when codes are present and none is used.
    /// </summary>
    private static bool CodeIsRead(ref Utf8JsonReader r)
    {
        if (r.TokenType != JsonTokenType.StartObject)
        {
            r.Skip();
            return true; // not a CodeableConcept: let the FHIR parse report it
        }

        var anyCode = false;
        var used = false;
        Span<char> chars = stackalloc char[64];
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (!r.ValueTextEquals("coding"u8))
            {
                r.Read();
                r.Skip();
                continue;
            }

            r.Read();
            if (r.TokenType != JsonTokenType.StartArray)
            {
                r.Skip();
                return true;
            }

            while (r.Read() && r.TokenType == JsonTokenType.StartObject)
            {
                var loinc = false;
                var codeLength = -1;
                while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
                {
                    if (r.ValueTextEquals("system"u8))
                    {
                        r.Read();
                        loinc = r.TokenType == JsonTokenType.String && r.ValueTextEquals("http://loinc.org"u8);
                    }
                    else if (r.ValueTextEquals("code"u8))
                    {
                        r.Read();
                        if (r.TokenType == JsonTokenType.String)
                        {
                            codeLength = r.ValueSpan.Length <= chars.Length ? r.CopyString(chars) : int.MaxValue;
                        }
                    }
                    else
                    {
                        r.Read();
                        r.Skip();
                    }
                }

                anyCode |= codeLength > 0;
                used |= loinc && codeLength is > 0 and <= 64 && LoincCodesRead.Contains(chars[..codeLength]);
            }
        }

        return used || !anyCode;
    }

    private static int Copy(ref Utf8JsonReader r, ref byte[] buffer)
    {
        var needed = r.HasValueSequence ? (int)r.ValueSequence.Length : r.ValueSpan.Length;
        if (buffer.Length < needed)
        {
            buffer = new byte[Math.Max(needed, buffer.Length * 2)];
        }

        return r.CopyString(buffer);
    }

    private static HashSet<string>.AlternateLookup<ReadOnlySpan<char>> BuildLoincLookup()
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in LabCodes.Rules)
        {
            codes.UnionWith(rule.Codes.Select(c => c.Loinc));
        }

        codes.UnionWith(SerologyCodes.Rules.SelectMany(r => r.Codes));
        codes.Add(VitalSignCodes.MeanArterialPressure.Code.Loinc);
        return codes.GetAlternateLookup<ReadOnlySpan<char>>();
    }
}
