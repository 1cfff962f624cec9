using System.Text;
using System.Text.RegularExpressions;

namespace Hepatica.Tests;

/// <summary>
/// Compares text with a reviewed <c>*.approved.*</c> file; on a difference writes <c>*.received.*</c> beside it and
/// fails. Review the received file and, if it is right, move it over the approved one (docs/testing.md).
/// </summary>
public static partial class Golden
{
    /// <summary>The file of a split golden that lists its parts in output order.</summary>
    public const string Index = "index";

    /// <summary>
    /// Verifies an indented JSON output (2 spaces, as the writers indent) part by part, one file a behaviour, in
    /// <paramref name="folder"/>: each top-level member that spans lines is a part, and each object of a top-level array of
    /// objects (<c>scores</c>, a Bundle's <c>entry</c>, CDS <c>cards</c>) is a part of its own, named by its key and what
    /// it is (<c>scores.meld-3.0</c>, <c>entry.Observation-meld</c>, <c>cards.cirrhosis-with-meld-...</c>). The parts,
    /// concatenated in the order <c>index.approved.txt</c> lists them, are the output byte for byte (<see cref="Assemble"/>).
    /// Each differing part writes its own <c>*.received.txt</c>; a part no longer produced fails by name.
    /// </summary>
    public static void VerifyParts(string actual, string folder)
    {
        var parts = Split(actual.ReplaceLineEndings("\n"));
        var differing = new List<string>();
        foreach (var (name, text) in parts.Append((Index, string.Concat(parts.Select(p => p.Name + "\n")))))
        {
            var approved = Path.Combine(folder, name + ".approved.txt");
            var expected = File.Exists(approved) ? File.ReadAllText(approved).ReplaceLineEndings("\n") : null;
            if (expected == text)
            {
                File.Delete(ReceivedPath(approved));
                continue;
            }

            Directory.CreateDirectory(folder);
            File.WriteAllText(ReceivedPath(approved), text);
            differing.Add(name + (expected is null ? " (new)" : string.Empty));
        }

        var produced = parts.Select(p => p.Name).Append(Index).ToHashSet(StringComparer.Ordinal);
        var gone = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.approved.txt").Select(f => Path.GetFileName(f)[..^".approved.txt".Length]).Where(n => !produced.Contains(n)).Order(StringComparer.Ordinal).ToList()
            : [];
        if (differing.Count > 0 || gone.Count > 0)
        {
            Assert.Fail($"{folder}: {string.Join(", ", differing)} differ from the output (see their *.received.txt)"
                + (gone.Count > 0 ? $"; no longer produced: {string.Join(", ", gone)} (delete them if that is right)" : string.Empty) + ".");
        }
    }

    /// <summary>The approved output of a split golden: its parts in the order of its index.</summary>
    public static string Assemble(string folder) => string.Concat(File.ReadAllLines(Path.Combine(folder, Index + ".approved.txt"))
        .Where(n => n.Length > 0)
        .Select(n => File.ReadAllText(Path.Combine(folder, n + ".approved.txt")).ReplaceLineEndings("\n")));

    /// <summary>Splits an indented JSON object into named parts whose concatenation is the text (a text of another shape is one part, <c>all</c>).</summary>
    public static IReadOnlyList<(string Name, string Text)> Split(string text)
    {
        var lines = Regex.Split(text, "(?<=\n)").Where(l => l.Length > 0).ToList();
        if (lines.Count < 3 || lines[0] != "{\n" || !lines[1].StartsWith("  \"", StringComparison.Ordinal) || lines[^1].TrimEnd('\n') != "}")
        {
            return [("all", text)];
        }

        // Top-level members: each starts at a line indented by exactly two spaces and a quote.
        var starts = Enumerable.Range(1, lines.Count - 2).Where(i => lines[i].StartsWith("  \"", StringComparison.Ordinal)).Append(lines.Count - 1).ToList();
        var parts = new List<(string Name, StringBuilder Text)>();
        var pendingSingle = false;
        for (var m = 0; m < starts.Count - 1; m++)
        {
            var (from, to) = (starts[m], starts[m + 1]);
            var key = KeyOf(lines[from]);
            if (lines[from].EndsWith("[\n", StringComparison.Ordinal) && lines[from + 1] == "    {\n")
            {
                // An array of objects: one part per object; the opening line goes with the first, the closing with the last.
                var element = from + 1;
                while (element < to - 1)
                {
                    var end = element + 1;
                    while (lines[end] is not ("    }\n" or "    },\n"))
                    {
                        end++;
                    }

                    var part = new StringBuilder();
                    if (element == from + 1)
                    {
                        part.Append(lines[from]);
                    }

                    foreach (var l in lines[element..(end + 1)])
                    {
                        part.Append(l);
                    }

                    if (end + 1 == to - 1)
                    {
                        part.Append(lines[end + 1]);
                    }

                    parts.Add((Unique(parts, key + "." + Label(lines[element..end])), part));
                    element = end + 1;
                }

                pendingSingle = false;
                continue;
            }

            var single = to - from == 1;
            if (!(single && pendingSingle))
            {
                parts.Add((Unique(parts, key), new StringBuilder()));
            }

            foreach (var l in lines[from..to])
            {
                parts[^1].Text.Append(l);
            }

            pendingSingle = single;
        }

        parts[0].Text.Insert(0, lines[0]);
        parts[^1].Text.Append(lines[^1]);
        return [.. parts.Select(p => (p.Name, p.Text.ToString()))];
    }

    private static string KeyOf(string line) => line.Trim()[1..line.Trim().IndexOf('"', 1)];

    /// <summary>What an element is: a score's id, a card's summary in words, or a FHIR resource's type and Hepatica score code.</summary>
    private static string Label(List<string> element)
    {
        foreach (var key in (string[])["id", "summary"])
        {
            if (element.Skip(1).Select(l => Member(key).Match(l)).FirstOrDefault(m => m.Success && m.Index == 6) is { } found)
            {
                // A card's summary without its numbers (they are values, which the part's content shows), cut at a word; a score id whole.
                var words = (key == "summary" ? NotLetter() : NotWord()).Replace(found.Groups[1].Value.ToLowerInvariant(), "-").Trim('-');
                return words.Length <= 48 ? words : words[..words.LastIndexOf('-', 48)];
            }
        }

        var type = element.Select(l => ResourceType().Match(l)).FirstOrDefault(m => m.Success)?.Groups[1].Value;
        if (type is null)
        {
            return "item";
        }

        var code = element.Zip(element.Skip(1)).Where(p => p.First.Contains("/fhir/CodeSystem/scores\"", StringComparison.Ordinal)).Select(p => Member("code").Match(p.Second)).FirstOrDefault(m => m.Success);
        return type + (code is null ? string.Empty : "-" + code.Groups[1].Value);
    }

    private static string Unique(List<(string Name, StringBuilder Text)> parts, string name)
    {
        var unique = name;
        for (var n = 2; parts.Any(p => p.Name == unique); n++)
        {
            unique = name + "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return unique;
    }

    private static Regex Member(string key) => new("\"" + key + "\": \"([^\"]*)\"");

    [GeneratedRegex("\"resourceType\": \"([A-Za-z]+)\"")]
    private static partial Regex ResourceType();

    [GeneratedRegex("[^a-z0-9.]+")]
    private static partial Regex NotWord();

    [GeneratedRegex("[^a-z]+")]
    private static partial Regex NotLetter();

    public static void Verify(string actual, string approvedPath)
    {
        var received = ReceivedPath(approvedPath);
        actual = actual.ReplaceLineEndings("\n");
        var expected = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(approvedPath)!);
        File.WriteAllText(received, actual);
        Assert.Fail($"{approvedPath} differs from the output; see {received}.");
    }

    /// <summary><c>X.approved.json</c> becomes <c>X.received.json</c>; a file without <c>.approved.</c> (docs/openapi/v1.json) gets <c>.received</c> before its extension.</summary>
    public static string ReceivedPath(string approvedPath)
    {
        var name = Path.GetFileName(approvedPath);
        return Path.Combine(Path.GetDirectoryName(approvedPath)!, name.Contains(".approved.", StringComparison.Ordinal)
            ? name.Replace(".approved.", ".received.", StringComparison.Ordinal)
            : Path.GetFileNameWithoutExtension(name) + ".received" + Path.GetExtension(name));
    }
}
