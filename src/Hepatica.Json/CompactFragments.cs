using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using Hepatica.Clinical;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Json;

/// <summary>
/// UTF-8 fragments of compact records that are the same on every line (a score's <c>id</c>, <c>version</c> and
/// <c>role</c>; an assumption warning's <c>code</c> and <c>path</c>; the profile members), rendered once and written
/// raw. Only for a writer that would write the same bytes itself: not indented, and escaping as batch output does
/// (<see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/>); members (not array elements) also need a writer that
/// skips validation, since raw text stands for name/value pairs there. Any other writer takes the ordinary path.
/// </summary>
internal static class CompactFragments
{
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
    private static readonly ConditionalWeakTable<ScoreDefinition, Heads> HeadsOf = [];
    private static readonly ConditionalWeakTable<InputIssue, byte[]> Warnings = [];
    private static readonly byte[]?[] Profiles = new byte[]?[Enum.GetValues<GuidelineProfile>().Length];

    /// <summary>True when raw array elements give the bytes the writer would write.</summary>
    public static bool RawElements(Utf8JsonWriter w) => !w.Options.Indented && ReferenceEquals(w.Options.Encoder, Encoder);

    /// <summary>True when raw members (name/value pairs inside an object) give the bytes the writer would write.</summary>
    public static bool RawMembers(Utf8JsonWriter w) => w.Options.SkipValidation && RawElements(w);

    /// <summary><c>"id":…,"version":…</c> and, for a score in the allocation family, <c>,"role":…</c>.</summary>
    public static byte[] Head(ScoreDefinition def, ScoreRole? role)
    {
        var heads = HeadsOf.GetValue(def, d => new Heads(d));
        return role is null ? heads.NoRole : heads.WithRole(role.KindName);
    }

    /// <summary>A compact score warning: <c>{"code":…,"path":…}</c>.</summary>
    public static byte[] Warning(InputIssue issue) => Warnings.GetValue(issue, i => Render(w =>
    {
        w.WriteStartObject();
        w.WriteString(Names.Code, i.Code);
        w.WriteString(Names.Path, i.Path);
        w.WriteEndObject();
    }));

    /// <summary><c>"profile":…,"allocationScore":{…}</c>, as <see cref="AssessmentWriter.WriteProfile"/> writes them; null for a value outside the enum.</summary>
    public static byte[]? Profile(GuidelineProfile profile)
    {
        var index = (int)profile;
        return (uint)index < (uint)Profiles.Length ? Profiles[index] ??= Members(w => AssessmentWriter.WriteProfile(w, profile)) : null;
    }

    // Members written inside an object, without its braces.
    private static byte[] Members(Action<Utf8JsonWriter> write)
    {
        var whole = Render(w =>
        {
            w.WriteStartObject();
            write(w);
            w.WriteEndObject();
        });
        return whole[1..^1];
    }

    private static byte[] Render(Action<Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Encoder }))
        {
            write(w);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The heads of one score: without a role, and with each role name met so far.</summary>
    private sealed class Heads(ScoreDefinition def)
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> byRole = new(StringComparer.Ordinal);

        public byte[] NoRole { get; } = Members(w => Write(w, def, null));

        public byte[] WithRole(string role) => byRole.GetOrAdd(role, r => Members(w => Write(w, def, r)));

        private static void Write(Utf8JsonWriter w, ScoreDefinition def, string? role)
        {
            w.WriteString(Names.Id, Encoded.Of(def.Id));
            w.WriteString(Names.Version, Encoded.Of(def.Version));
            if (role is not null)
            {
                w.WriteString(Names.Role, role);
            }
        }
    }
}
