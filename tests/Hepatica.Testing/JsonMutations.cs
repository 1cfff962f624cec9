using System.Text;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;

namespace Hepatica.Tests;

/// <summary>
/// FsCheck generators of hostile JSON for the reader fuzz tests (issue 10): documents built from a contract's own keys
/// with values of every type and extreme, and seed documents mutated (cut anywhere, undecodable escapes, byte order
/// marks, deep nesting, huge numbers, wrong types, repeated keys, dates at the ends of the calendar, random bytes).
/// In the test-support project, used by the snapshot, FHIR and CDS Hooks readers.
/// </summary>
public static partial class JsonMutations
{
    /// <summary>Values that have broken, or could break, a reader.</summary>
    public static readonly string[] Values =
    [
        "\"\\ud800\"", "\"\\udc00\"", "\"a\\ud800x\"", "\"\\ud800\\u0041\"", "\"\\uDBFF\\uDBFF\"", "\"\\ud83d\\ude00\"", "\"\\u0000\"", "\"\\\\ud800\"",
        "1e400", "-1e400", "1e40", "123456789012345678901234567890123456789", "79228162514264337593543950336", "-0", "0.0000000000000000000000000001", "1E-400",
        "\"9999-12-31\"", "\"9999-12-30\"", "\"0001-01-01\"", "\"1899-12-31\"", "\"2201-01-01\"", "\"9999-12-31T23:59:59Z\"", "\"0001-01-01T00:00:00+14:00\"", "\"2026-02-30\"",
        "null", "true", "false", "{}", "[]", "\"\"", "\"x\"", "2", "-5", "[1,\"a\",null]", "{\"value\":1e40,\"unit\":\"mg/dL\"}", "{\"value\":2,\"unit\":\"\\ud800\"}",
        new string('[', 300) + new string(']', 300), "\"" + new string('k', 3000) + "\"",
    ];

    /// <summary>Fragments dropped in anywhere.</summary>
    private static readonly string[] Fragments = ["{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "\\ud800", "\uFEFF", "\u0001", "//", "/*", "\r\n", "NaN", "Infinity"];

    /// <summary>An object of <paramref name="keys"/> (some repeated, some unknown) with values drawn from <see cref="Values"/> and nested objects of the same keys.</summary>
    public static Gen<byte[]> FromKeys(IReadOnlyList<string> keys) =>
        from members in Gen.ListOf(Member(keys, 2))
        select Encoding.UTF8.GetBytes("{" + string.Join(",", members) + "}");

    private static Gen<string> Member(IReadOnlyList<string> keys, int depth) =>
        from key in Gen.OneOf(Gen.Elements(keys.ToArray()), Gen.Elements("unknown", "\\ud800", "ÿ", "resourceType"))
        from value in depth == 0 ? Gen.Elements(Values) : Gen.Frequency((4, Gen.Elements(Values)), (1, Nested(keys, depth - 1)))
        select "\"" + key + "\":" + value;

    private static Gen<string> Nested(IReadOnlyList<string> keys, int depth) =>
        Gen.OneOf(
            from members in Gen.ListOf(Member(keys, depth)) select "{" + string.Join(",", members) + "}",
            from members in Gen.ListOf(Member(keys, depth)) select "[{" + string.Join(",", members) + "}]");

    /// <summary>One of <paramref name="seeds"/> with one to three mutations.</summary>
    public static Gen<byte[]> Mutated(IReadOnlyList<byte[]> seeds) =>
        from seed in Gen.Elements(seeds.ToArray())
        from count in Gen.Choose(1, 3)
        from steps in Gen.ArrayOf(Step(), count)
        select steps.Aggregate(seed, (doc, step) => step(doc));

    private static Gen<Func<byte[], byte[]>> Step() =>
        from kind in Gen.Choose(0, 8)
        from at in Gen.Choose(0, int.MaxValue)
        from pick in Gen.Choose(0, int.MaxValue)
        select (Func<byte[], byte[]>)(doc => Apply(kind, doc, at, pick));

    private static byte[] Apply(int kind, byte[] doc, int at, int pick)
    {
        var here = doc.Length == 0 ? 0 : at % (doc.Length + 1);
        var text = Encoding.UTF8.GetString(doc);
        switch (kind)
        {
            case 0: // cut anywhere
                return doc[..here];
            case 1: // a fragment dropped in
                return [.. doc[..here], .. Encoding.UTF8.GetBytes(Fragments[pick % Fragments.Length]), .. doc[here..]];
            case 2: // every string value after a key replaced by a hostile value (a wrong type, a bad escape, an extreme date ...)
            {
                var matches = StringValue().Matches(text);
                if (matches.Count == 0)
                {
                    return doc;
                }

                var m = matches[at % matches.Count];
                return Encoding.UTF8.GetBytes(text[..m.Groups[1].Index] + Values[pick % Values.Length] + text[(m.Groups[1].Index + m.Groups[1].Length)..]);
            }

            case 3: // a number replaced by a huge or tiny one
            {
                var matches = NumberValue().Matches(text);
                if (matches.Count == 0)
                {
                    return doc;
                }

                var m = matches[at % matches.Count];
                var extreme = new[] { "1e400", "123456789012345678901234567890123456789", "-1e40", "1E-400", "0", "-0", "2147483648" }[pick % 7];
                return Encoding.UTF8.GetBytes(text[..m.Groups[1].Index] + extreme + text[(m.Groups[1].Index + m.Groups[1].Length)..]);
            }

            case 4: // a byte order mark in front
                return [0xEF, 0xBB, 0xBF, .. doc];
            case 5: // a member repeated (duplicate keys)
            {
                var matches = StringValue().Matches(text);
                if (matches.Count == 0)
                {
                    return doc;
                }

                var m = matches[at % matches.Count];
                return Encoding.UTF8.GetBytes(text[..m.Index] + m.Value + "," + text[m.Index..]);
            }

            case 6: // deep nesting
                return [.. doc[..here], .. Encoding.UTF8.GetBytes(new string('[', 200) + new string(']', 200)), .. doc[here..]];
            case 7: // a few random bytes
            {
                var copy = (byte[])doc.Clone();
                if (copy.Length > 0)
                {
                    copy[here % copy.Length] = (byte)(pick & 0xFF);
                }

                return copy;
            }

            default: // a section removed
                var length = doc.Length - here == 0 ? 0 : pick % (doc.Length - here + 1);
                return [.. doc[..here], .. doc[(here + length)..]];
        }
    }

    [GeneratedRegex("\"[A-Za-z_]+\"\\s*:\\s*(\"[^\"\\\\]*\")")]
    private static partial Regex StringValue();

    [GeneratedRegex("\"[A-Za-z_]+\"\\s*:\\s*(-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?)")]
    private static partial Regex NumberValue();
}

/// <summary>
/// Runs a fuzz property a bounded number of times from a fixed seed, so every CI run tries the same cases and a
/// failure repeats (HEPATICA_FUZZ_CASES and HEPATICA_FUZZ_SEED override both for a longer or different run by hand).
/// </summary>
public static class Fuzz
{
    private const ulong DefaultSeed = 20261201;
    private const ulong Gamma = 0x9E3779B97F4A7C15; // SplitMix's golden gamma (odd, as FsCheck's generator needs)

    public static void Check<T>(int cases, Gen<T> gen, Action<T> property)
    {
        if (int.TryParse(Environment.GetEnvironmentVariable("HEPATICA_FUZZ_CASES"), out var n) && n > 0)
        {
            cases = n;
        }

        var seed = ulong.TryParse(Environment.GetEnvironmentVariable("HEPATICA_FUZZ_SEED"), out var s) ? s : DefaultSeed;
        var config = Config.QuickThrowOnFailure.WithMaxTest(cases).WithQuietOnSuccess(true).WithReplay(seed, Gamma);
        FsCheck.Check.One(config, Prop.ForAll(Arb.From(gen), (T x) =>
        {
            property(x);
            return true;
        }));
    }

    /// <summary>A stable issue code: three capitals and three digits (LAB001, SNP003, FHR009, BLK005 ...).</summary>
    public static bool IsCode(string code) => code.Length == 6 && code[..3].All(char.IsAsciiLetterUpper) && code[3..].All(char.IsAsciiDigit);
}
