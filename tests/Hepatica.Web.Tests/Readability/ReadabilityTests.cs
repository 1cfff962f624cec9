using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using static Hepatica.Web.Tests.Api;

namespace Hepatica.Web.Tests.Readability;

/// <summary>
/// Every text the patient report can contain reads at grade 8 or lower (Flesch-Kincaid, <see cref="FleschKincaid"/>):
/// every string of the report's own texts (src/Hepatica.Web/ClientApp/src/report/texts/en.json, placeholders filled
/// with typical values) and every patient text the engine writes (serology and prevention <c>patient</c>).
/// The engine's texts are produced, not copied: the API assesses every sample, every FHIR fixture and a grid of
/// serology panels (each hepatitis marker positive, negative or absent, titers and viral loads low, high or absent)
/// at three ages, with and without cirrhosis, and the test collects every <c>patient</c> text of the answers.
/// <para>The rule: a text of 12 words or more is graded alone; a shorter text (a heading, a label, one short
/// sentence, where the formula is unstable) is graded with the other short texts of its section (an en.json group,
/// one serology topic, one prevention recommendation id), read together as one passage.</para>
/// </summary>
public sealed partial class ReadabilityTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private const double MaximumGrade = 8.0;
    private const int ShortText = 12;

    /// <summary>Typical values for the placeholders of en.json, as the page fills them.</summary>
    private static readonly Dictionary<string, string> Placeholders = new()
    {
        ["value"] = "21", ["category"] = "B", ["date"] = "November 9, 2026", ["alive"] = "80", ["dead"] = "20", ["medication"] = "rituximab",
    };

    [Theory]
    // Dictionary syllable counts (Merriam-Webster's hyphenation) of words the report uses, and a few of the
    // exceptions the rules name.
    [InlineData("the", 1)]
    [InlineData("liver", 2)]
    [InlineData("cirrhosis", 3)]
    [InlineData("hepatitis", 4)]
    [InlineData("vaccine", 2)]
    public void Syllables_ReportWords_DictionaryCount(string word, int expected) => Assert.Equal(expected, FleschKincaid.Syllables(word));

    [Fact]
    public void Syllables_WordList_DictionaryCounts()
    {
        // Word, syllables by Merriam-Webster's hyphenation: short words, silent e, -le, -es, -ed, vowel pairs, y.
        var words = new (string Word, int Syllables)[]
        {
            ("make", 1), ("table", 2), ("people", 2), ("scores", 1), ("tests", 1), ("medicine", 3), ("alive", 2),
            ("months", 1), ("transplant", 2), ("blood", 1), ("your", 1), ("protected", 3), ("used", 1), ("pages", 2),
            ("nurses", 2), ("infection", 3), ("recovery", 4), ("hospital", 3), ("patient", 2), ("immune", 2),
            ("virus", 2), ("reptilian", 4), ("platypus", 3), ("seemingly", 3), ("creature", 2), ("mammal", 2),
            ("hybrid", 2), ("yes", 1), ("wanted", 2), ("jumped", 1), ("free", 1), ("question", 2), ("organ", 2),
            ("donor", 2), ("damage", 2), ("operation", 4), ("illness", 2), ("shot", 1), ("team", 1), ("scar", 1),
        };
        var wrong = words.Where(w => FleschKincaid.Syllables(w.Word) != w.Syllables).Select(w => $"{w.Word}: {FleschKincaid.Syllables(w.Word)}, not {w.Syllables}").ToList();
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    [Fact]
    public void Grade_PublishedExamples()
    {
        // Wikipedia, "Flesch-Kincaid readability tests": "The Australian platypus is seemingly a hybrid of a mammal and
        // reptilian creature" is grade 11.3 with 24 syllables and 13 words (one sentence).
        Assert.Equal(11.3, Math.Round(FleschKincaid.Grade(13, 1, 24), 1, MidpointRounding.AwayFromZero));
        // One-syllable words only: the formula's floor per word, 0.39 × words + 11.8 − 15.59 ("The cat sat on the mat.": −1.45).
        Assert.Equal(-1.45, FleschKincaid.Grade("The cat sat on the mat."), 2);
        Assert.Equal((6, 1, 6), FleschKincaid.Count("The cat sat on the mat."));
    }

    [Fact]
    public void Count_SentencesWordsAndHyphens()
    {
        Assert.Equal((9, 2, 10), FleschKincaid.Count("Your Child-Pugh class is B. It is 3.0 now!"));
        Assert.Equal((2, 1, 2), FleschKincaid.Count("Due now"));
    }

    [Fact]
    public void ReportTexts_EveryString_GradeEightOrLower()
    {
        var path = RepoRoot.File("src", "Hepatica.Web", "ClientApp", "src", "report", "texts", "en.json");
        var texts = new List<(string Section, string Text)>();
        Collect(JsonNode.Parse(File.ReadAllText(path))!, "", texts);
        texts.RemoveAll(t => t.Section == "lang");
        Assert.True(texts.Count > 50, $"only {texts.Count} texts in en.json");
        AssertReadable(texts.Select(t => (t.Section, Fill(t.Text))).ToList(), "en.json");
    }

    [Fact]
    public async Task EngineTexts_EveryPatientText_GradeEightOrLower()
    {
        var texts = await EnginePatientTexts();
        Assert.Contains(texts, t => t.Section.StartsWith("serology hepatitis-b", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Section.StartsWith("serology hepatitis-c", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Section.StartsWith("prevention hepatitis-a", StringComparison.Ordinal));
        Assert.True(texts.Count > 30, $"only {texts.Count} distinct patient texts");
        AssertReadable(texts, "engine");
    }

    private static void AssertReadable(List<(string Section, string Text)> texts, string what)
    {
        var failures = new List<string>();
        foreach (var (section, text) in texts.Where(t => FleschKincaid.Count(t.Text).Words >= ShortText))
        {
            var grade = FleschKincaid.Grade(text);
            if (grade > MaximumGrade)
            {
                failures.Add($"[{section}] grade {FleschKincaid.Format(grade)}: {text}");
            }
        }

        foreach (var group in texts.Where(t => FleschKincaid.Count(t.Text).Words < ShortText).GroupBy(t => t.Section))
        {
            var passage = string.Join(' ', group.Select(t => Sentence(t.Text)));
            var grade = FleschKincaid.Grade(passage);
            if (grade > MaximumGrade)
            {
                failures.Add($"[{group.Key}, short texts together] grade {FleschKincaid.Format(grade)}: {passage}");
            }
        }

        Assert.True(failures.Count == 0, $"{what}: {failures.Count} texts above grade {MaximumGrade}:\n" + string.Join('\n', failures));
    }

    /// <summary>A short text read as a sentence of the passage (a heading or label ends without a full stop).</summary>
    private static string Sentence(string text) => text.TrimEnd() is var t && (t.EndsWith('.') || t.EndsWith('?') || t.EndsWith('!')) ? t : t + ".";

    private static string Fill(string text) => Placeholder().Replace(text, m => Placeholders.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);

    /// <summary>Every string under a node, with its section: the top-level key, or "scores/&lt;id&gt;" for a score's texts.</summary>
    private static void Collect(JsonNode node, string section, List<(string, string)> texts)
    {
        switch (node)
        {
            case JsonObject o:
                // A glossary term is the unavoidable word itself: it is graded inside its definition, which names it.
                foreach (var (key, child) in o.Where(p => p.Key != "term"))
                {
                    Collect(child!, section.Length == 0 ? key : section == "scores" ? $"scores/{key}" : section, texts);
                }

                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    Collect(child!, section, texts);
                }

                break;
            case JsonValue v when v.TryGetValue<string>(out var s):
                texts.Add((section, s));
                break;
        }
    }

    private async Task<List<(string Section, string Text)>> EnginePatientTexts()
    {
        using var client = factory.CreateClient();
        var found = new ConcurrentDictionary<(string, string), byte>();
        var bodies = new List<(string Url, string Body, string ContentType)>();
        foreach (var sample in Directory.GetFiles(RepoRoot.File("samples"), "*.json"))
        {
            bodies.Add(("/api/assess?explain=true", File.ReadAllText(sample), AppJson));
        }

        foreach (var fixture in Directory.GetFiles(RepoRoot.File("tests", "Hepatica.Fhir.Tests", "Fixtures"), "*.json"))
        {
            bodies.Add(("/api/assess?explain=true&asOf=2026-11-20", File.ReadAllText(fixture), FhirJson));
        }

        bodies.AddRange(SerologyGrid().Select(b => ("/api/assess?explain=true", b, AppJson)));
        var answered = 0;
        await Parallel.ForEachAsync(bodies, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = Ct }, async (b, _) =>
        {
            using var response = await Post(client, b.Url, Body(b.Body, b.ContentType));
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return;
            }

            Interlocked.Increment(ref answered);
            var json = await ReadJson(response);
            foreach (var i in json.GetProperty("serology").GetProperty("interpretations").EnumerateArray())
            {
                Add(found, $"serology {i.GetProperty("topic").GetString()}", i);
            }

            foreach (var r in json.GetProperty("prevention").GetProperty("recommendations").EnumerateArray())
            {
                Add(found, $"prevention {r.GetProperty("id").GetString()}", r);
            }
        });
        Assert.True(answered > bodies.Count / 2, $"only {answered} of {bodies.Count} inputs were assessed");
        return [.. found.Keys.OrderBy(k => k.Item1, StringComparer.Ordinal).ThenBy(k => k.Item2, StringComparer.Ordinal)];
    }

    private static void Add(ConcurrentDictionary<(string, string), byte> found, string section, JsonElement item)
    {
        if (item.TryGetProperty("patient", out var p) && p.GetString() is { Length: > 0 } text)
        {
            found.TryAdd((section, text), 0);
        }
    }

    /// <summary>Snapshots of the hbv-chronic sample with every combination of hepatitis markers, at three ages, with and without cirrhosis.</summary>
    private static IEnumerable<string> SerologyGrid()
    {
        var sample = JsonNode.Parse(File.ReadAllText(RepoRoot.File("samples", "hbv-chronic.json")))!.AsObject();
        JsonNode? Q(string? r) => r is null ? null : new JsonObject { ["result"] = r };
        JsonNode? N(double? v, string unit) => v is null ? null : new JsonObject { ["value"] = v, ["unit"] = unit };
        string?[] q = ["positive", "negative", null];
        var panels = new List<Dictionary<string, JsonNode?>>();
        foreach (var hbsag in q)
        foreach (var core in q)
        foreach (var igm in q)
        foreach (var e in q)
        foreach (var antiHbs in new double?[] { null, 2, 50 })
        foreach (var dna in new double?[] { null, 2.0, 5.0 })
        {
            panels.Add(new()
            {
                ["hbsag"] = Q(hbsag), ["antiHbcTotal"] = Q(core), ["antiHbcIgm"] = Q(igm), ["hbeag"] = Q(e),
                ["antiHbe"] = Q(e is null ? null : e == "positive" ? "negative" : "positive"), ["antiHbs"] = N(antiHbs, "mIU/mL"), ["hbvDna"] = N(dna, "log IU/mL"),
            });
        }

        foreach (var a in q)
        foreach (var b in q)
        foreach (var rna in new double?[] { null, 0, 5.0 })
        {
            panels.Add(new() { ["antiHavTotal"] = Q(a), ["antiHavIgm"] = Q(b), ["antiHcv"] = Q(a), ["hcvRna"] = N(rna, "log IU/mL") });
            panels.Add(new() { ["hbsag"] = Q("positive"), ["antiHdv"] = Q(a), ["hdvRna"] = N(rna, "log IU/mL"), ["antiHevIgm"] = Q(a), ["antiHevIgg"] = Q(b), ["hevRna"] = N(rna, "log IU/mL") });
        }

        var i = 0;
        foreach (var panel in panels)
        {
            var snapshot = sample.DeepClone().AsObject();
            var serology = new JsonObject();
            foreach (var (key, value) in panel.Where(p => p.Value is not null))
            {
                serology[key] = value;
            }

            snapshot["serology"] = serology;
            snapshot["ageYears"] = (i % 3) switch { 0 => 46, 1 => 25, _ => 70 };
            snapshot["findings"]!["cirrhosis"] = i % 2 == 0;
            i++;
            yield return snapshot.ToJsonString();
        }
    }

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();
}
