using System.Text;
using System.Text.Json;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Json;

/// <summary>What a field's value looks like, for the JSON Schema (docs/schema/snapshot.schema.json); the reader itself checks more.</summary>
/// <param name="Type">The JSON Schema type(s), e.g. <c>"number"</c> or <c>["string", "integer"]</c> written as <c>"string integer"</c>.</param>
/// <param name="Enum">The accepted strings, when the reader has a fixed list.</param>
/// <param name="Object">The object's own table, for an object or (with <paramref name="Array"/>) an array of objects.</param>
/// <param name="Array">True when the value is an array of <paramref name="Object"/> (or of <paramref name="Type"/>).</param>
/// <param name="Format">A JSON Schema format, e.g. <c>date</c>.</param>
/// <param name="Units">For a lab object: the unit spellings of its unit table, and whether the unit may be left out.</param>
internal sealed record Shape(string Type, IReadOnlyList<string>? Enum = null, ContractObject? Object = null, bool Array = false, string? Format = null, (IReadOnlyList<string> Spellings, bool Unitless)? Units = null)
{
    public static readonly Shape Boolean = new("boolean");
    public static readonly Shape Number = new("number");
    public static readonly Shape Integer = new("integer");
    public static readonly Shape String = new("string");
    public static readonly Shape Date = new("string", Format: "date");

    public static Shape Of(ContractObject table) => new("object", Object: table);

    public static Shape ArrayOf(ContractObject table) => new("array", Object: table, Array: true);

    public static Shape OneOf<T>(Choices<T> choices)
        where T : struct => new("string", choices.Texts);
}

/// <summary>One key of an object of the contract: its name (matched on its UTF-8 bytes), shape, documentation and the version it came in.</summary>
internal abstract class ContractField(string name, Shape shape, string doc, string since)
{
    public string Name { get; } = name;

    public byte[] Utf8 { get; } = Encoding.UTF8.GetBytes(name);

    public Shape Shape { get; } = shape;

    public string Doc { get; } = doc;

    /// <summary>The Hepatica version the key was added in.</summary>
    public string Since { get; } = since;

    /// <summary>
    /// False for a key the object accepts only to answer it with its own issue (a <c>value</c> on a qualitative serology
    /// test is SER002): left out of the known keys and of the schema.
    /// </summary>
    public bool Listed { get; init; } = true;

    /// <summary>The whole path when the object sits at a fixed path (set by its table), else null.</summary>
    public string? Path { get; set; }
}

/// <summary>Reads one field's value into the object being built; the reader is on the value, and leaves it on its last token.</summary>
internal delegate void FieldReader<T>(ref Utf8JsonReader reader, ref T target, in Site at);

/// <summary>One key of a <see cref="ContractObject{T}"/> and how its value is read.</summary>
internal sealed class Field<T>(string name, Shape shape, string doc, FieldReader<T> read, string since = Field<T>.First) : ContractField(name, shape, doc, since)
{
    /// <summary>The version of the first contract (every key until a later one says otherwise).</summary>
    public const string First = "0.1.0";

    public FieldReader<T> Read { get; } = read;
}

/// <summary>Where a field's value is: its path (built only when asked, for objects without a fixed path) and the issue list.</summary>
internal readonly struct Site(string parent, ContractField key, List<InputIssue> issues)
{
    /// <summary>The path of the object holding the field, e.g. <c>labs.bilirubin</c>.</summary>
    public string Parent { get; } = parent;

    public List<InputIssue> Issues { get; } = issues;

    /// <summary>The field's own path, e.g. <c>labs.bilirubin.date</c>.</summary>
    public string Path => key.Path ?? ContractObject.Join(Parent, key.Name);
}

/// <summary>One object of the snapshot contract as data: its keys in documented order (the order of "Known keys here").</summary>
internal abstract class ContractObject(string? path, string doc, IReadOnlyList<ContractField> fields)
{
    /// <summary>The object's path when fixed (<c>findings</c>; the empty string at the top), null when it depends on where it is (array items).</summary>
    public string? Path { get; } = path;

    public string Doc { get; } = doc;

    public IReadOnlyList<ContractField> Fields { get; } = fields;

    /// <summary>The listed keys, as the SNP003 message names them.</summary>
    public string Known { get; } = string.Join(", ", fields.Where(f => f.Listed).Select(f => f.Name));

    /// <summary>The child path <paramref name="parent"/>.<paramref name="name"/> (just the name at the top level).</summary>
    public static string Join(string parent, string name) => parent.Length == 0 ? name : string.Concat(parent, ".", name);
}

/// <summary>
/// An object of the contract and the one engine that walks any object by its table (as Firely's
/// BaseFhirJsonPocoDeserializer walks any resource): a property name is matched on its UTF-8 bytes; an unknown key is
/// SNP003 (a warning naming the known keys) and skipped; a key given again is SNP007 and its repeat skipped (any number
/// of keys); a known key's value goes to the field's reader, which reports wrong types and values.
/// </summary>
internal sealed class ContractObject<T> : ContractObject
{
    private readonly Field<T>[] fields;

    public ContractObject(string? path, string doc, params Field<T>[] fields)
        : base(path, doc, fields)
    {
        this.fields = fields;
        if (path is not null)
        {
            foreach (var f in fields)
            {
                f.Path = Join(path, f.Name);
            }
        }
    }

    /// <summary>Reads the object at the reader into <paramref name="target"/>; false (after SNP002) when the value is not an object.</summary>
    public bool Read(ref Utf8JsonReader reader, ref T target, string path, List<InputIssue> issues) => Read(ref reader, ref target, path, issues, out _);

    /// <summary>As <see cref="Read(ref Utf8JsonReader, ref T, string, List{InputIssue})"/>; <paramref name="repeated"/> says whether a key was given twice.</summary>
    public bool Read(ref Utf8JsonReader reader, ref T target, string path, List<InputIssue> issues, out bool repeated)
    {
        repeated = false;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            Issues.WrongType(ref reader, path, "an object", issues);
            return false;
        }

        Span<bool> seen = fields.Length <= 256 ? stackalloc bool[fields.Length] : new bool[fields.Length];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var i = IndexOf(ref reader);
            if (i < 0)
            {
                Issues.Unknown(ref reader, path, Known, issues);
            }
            else if (seen[i])
            {
                Issues.Repeated(ref reader, path, issues);
                repeated = true;
            }
            else
            {
                seen[i] = true;
                reader.Read();
                fields[i].Read(ref reader, ref target, new Site(path, fields[i], issues));
            }
        }

        return true;
    }

    private int IndexOf(ref Utf8JsonReader reader)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (reader.ValueTextEquals(fields[i].Utf8))
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>Accepted strings taken from a points table, so a spelling is written once, in its row.</summary>
internal static class Choices
{
    /// <summary>The spellings of a points table's rows, in their order.</summary>
    public static Choices<T> Of<T>(IEnumerable<Choice<T>> rows)
        where T : struct, Enum => new([.. rows.Select(r => (r.Text, r.Value))]);
}

/// <summary>A fixed set of accepted strings and the value each one means, matched on UTF-8 bytes.</summary>
internal sealed class Choices<T>
    where T : struct
{
    private readonly (byte[] Utf8, T Value)[] rows;

    public Choices(params (string Text, T Value)[] rows)
    {
        this.rows = [.. rows.Select(r => (Encoding.UTF8.GetBytes(r.Text), r.Value))];
        Texts = [.. rows.Select(r => r.Text)];
        Accepted = "one of " + string.Join(", ", Texts);
    }

    public IReadOnlyList<string> Texts { get; }

    /// <summary>"one of a, b, c", as messages say it.</summary>
    public string Accepted { get; }

    /// <summary>The value of the string at the reader; otherwise SNP004 (another string) or SNP002 (not a string), and null.</summary>
    public T? Read(ref Utf8JsonReader reader, string path, List<InputIssue> issues)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            foreach (var (utf8, value) in rows)
            {
                if (reader.ValueTextEquals(utf8))
                {
                    return value;
                }
            }
        }

        return Issues.Invalid<T>(ref reader, path, Accepted, issues);
    }
}

/// <summary>The issues the engine and the field readers report: codes, severities and message texts together.</summary>
internal static class Issues
{
    /// <summary>SNP002: <c>{path} must be {expected}, found {what}.</c>; the value is skipped.</summary>
    public static void WrongType(ref Utf8JsonReader reader, string path, string expected, List<InputIssue> issues)
    {
        issues.Add(InputIssue.Error(IssueCodes.WrongType, path, $"{path} must be {expected}, found {Describe(reader.TokenType)}."));
        reader.Skip();
    }

    /// <summary>SNP004 for a string outside an enumeration, SNP002 for a value of the wrong type; null.</summary>
    public static T? Invalid<T>(ref Utf8JsonReader reader, string path, string accepted, List<InputIssue> issues)
        where T : struct
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            issues.Add(InputIssue.Error(IssueCodes.InvalidValue, path, $"{path} \"{JsonInput.Echo(reader.GetString())}\" is not accepted: expected {accepted}."));
        }
        else
        {
            WrongType(ref reader, path, accepted, issues);
        }

        return null;
    }

    /// <summary>At a property name of an unknown key: SNP003 (a warning naming the known keys), and its value skipped.</summary>
    public static void Unknown(ref Utf8JsonReader reader, string parent, string known, List<InputIssue> issues)
    {
        if (JsonInput.Admit(issues, IssueCodes.UnknownKey, IssueSeverity.Warning))
        {
            var key = JsonInput.Echo(reader.GetString());
            issues.Add(InputIssue.Warning(IssueCodes.UnknownKey, ContractObject.Join(parent, key.Length == 0 ? "\"\"" : key), $"Unknown key \"{key}\" ignored. Known keys here: {known}."));
        }

        reader.Read();
        reader.Skip();
    }

    /// <summary>At a property name of a key already read in this object: SNP007, and the repeated value skipped.</summary>
    public static void Repeated(ref Utf8JsonReader reader, string parent, List<InputIssue> issues)
    {
        var name = JsonInput.Echo(reader.GetString());
        issues.Add(InputIssue.Error(IssueCodes.DuplicateKey, ContractObject.Join(parent, name), $"Key \"{name}\" appears more than once; only its first value is used, the repeat is ignored."));
        reader.Read();
        reader.Skip();
    }

    public static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
