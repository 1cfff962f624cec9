using System.Globalization;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Hepatica.Clinical;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Json.Tests;

/// <summary>The output contract of docs/output.md, read back with <see cref="JsonDocument"/>.</summary>
public sealed class AssessmentWriterTests
{
    private static readonly string[] StepKinds = ["input", "floor", "cap", "substitution", "term", "points", "sum", "rounding", "bound", "category", "note"];

    /// <summary>The run time the records are written with (a snapshot without assessmentDate reports it as asOf).</summary>
    internal static readonly DateTimeOffset RunTime = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    internal static string Render(string snapshotJson, Detail detail, long? line = null)
    {
        var read = SnapshotReader.Read(snapshotJson);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            if (read.Snapshot is { } snapshot)
            {
                AssessmentWriter.Write(w, Assessment.Of(snapshot, recordSteps: detail == Detail.Full), detail, AsOf.For(snapshot, RunTime), line);
            }
            else
            {
                AssessmentWriter.WriteUnreadable(w, read.Issues, AsOf.AtInstant(RunTime, AsOfSource.RunTime), line);
            }
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Sample => File.ReadAllText(Path.Combine(RepoRoot.Path, "samples", "demo-001.json"));

    private static JsonElement Score(JsonElement root, string id) =>
        root.GetProperty("scores").EnumerateArray().Single(s => s.GetProperty("id").GetString() == id);

    // The writer's shape, not its numbers: the values are the core's (Any_snapshot_gives_valid_json_whose_values_are_the_cores)
    // and each score's value is tested against its published cases in Hepatica.Clinical.Tests. Orders are docs/output.md's.
    private static readonly string[] TopLevel = ["line", "id", "status", "engineVersion", "asOf", "asOfSource", "profile", "allocationScore", "scores",
        "notCalculable", "conflicts", "transplant", "serology", "immunity", "prevention", "errors", "warnings"];

    private static readonly Dictionary<string, string[]> ScoreKeys = new(StringComparer.Ordinal)
    {
        ["calculated"] = ["id", "version", "role", "roleText", "status", "value", "unrounded", "category", "extras", "steps", "warnings", "immaterial", "citations"],
        ["range"] = ["id", "version", "role", "roleText", "status", "minimum", "maximum", "minimumCategory", "maximumCategory", "settledBy", "immaterial", "text", "alternatives", "citations"],
        ["not-calculable"] = ["id", "version", "role", "roleText", "status", "missing", "citations"],
        ["not-applicable"] = ["id", "version", "role", "roleText", "status", "reason", "reasonSource", "citations"],
    };

    private static readonly Dictionary<string, JsonValueKind> Kinds = new(StringComparer.Ordinal)
    {
        ["id"] = JsonValueKind.String, ["version"] = JsonValueKind.String, ["role"] = JsonValueKind.String, ["roleText"] = JsonValueKind.String,
        ["status"] = JsonValueKind.String, ["value"] = JsonValueKind.Number, ["unrounded"] = JsonValueKind.Number, ["category"] = JsonValueKind.String,
        ["extras"] = JsonValueKind.Object, ["steps"] = JsonValueKind.Array, ["warnings"] = JsonValueKind.Array, ["immaterial"] = JsonValueKind.Array,
        ["citations"] = JsonValueKind.Array, ["minimum"] = JsonValueKind.Number, ["maximum"] = JsonValueKind.Number, ["minimumCategory"] = JsonValueKind.String,
        ["maximumCategory"] = JsonValueKind.String, ["settledBy"] = JsonValueKind.Array, ["text"] = JsonValueKind.String, ["alternatives"] = JsonValueKind.Array,
        ["missing"] = JsonValueKind.Array, ["reason"] = JsonValueKind.String, ["reasonSource"] = JsonValueKind.Object,
    };

    /// <summary>The names of an object's members, in the order written.</summary>
    private static string[] Keys(JsonElement e) => [.. e.EnumerateObject().Select(p => p.Name)];

    /// <summary>Every key is in <paramref name="order"/>, in that order, and the <paramref name="required"/> ones are there.</summary>
    private static void InOrder(string[] keys, string[] order, string what, params string[] required)
    {
        var positions = keys.Select(k => Array.IndexOf(order, k)).ToArray();
        Assert.True(positions.All(p => p >= 0), $"{what}: unknown key in [{string.Join(", ", keys)}]");
        Assert.True(positions.Zip(positions.Skip(1)).All(p => p.First < p.Second), $"{what}: keys out of order: [{string.Join(", ", keys)}]");
        Assert.All(required, r => Assert.Contains(r, keys));
    }

    [Theory]
    [InlineData(Detail.Full)]
    [InlineData(Detail.Compact)]
    public void Write_Record_TopLevelKeysInContractOrder(Detail detail)
    {
        using var doc = JsonDocument.Parse(Render(Sample, detail, line: 3));
        InOrder(Keys(doc.RootElement), TopLevel, "record", "line", "id", "status", "engineVersion", "asOf", "asOfSource", "profile", "allocationScore", "scores",
            "transplant", "serology", "immunity", "prevention", "errors", "warnings");
        Assert.Equal(detail == Detail.Compact, doc.RootElement.TryGetProperty("notCalculable", out _));
        Assert.Equal(["id", "role", "text", "source"], Keys(doc.RootElement.GetProperty("allocationScore")));
    }

    [Theory]
    [InlineData(Detail.Full)]
    [InlineData(Detail.Compact)]
    public void Write_Score_KeysInOrderAndTypedForEachStatus(Detail detail)
    {
        // demo-001 gives calculated, not-calculable and not-applicable scores; without its dialysis finding, MELD 3.0 is a range.
        var statuses = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sample in (string[])["demo-001.json", "demo-001-no-dialysis.json"])
        {
            using var doc = JsonDocument.Parse(Render(File.ReadAllText(Path.Combine(RepoRoot.Path, "samples", sample)), detail));
            foreach (var score in doc.RootElement.GetProperty("scores").EnumerateArray())
            {
                var status = score.GetProperty("status").GetString()!;
                statuses.Add(status);
                var keys = Keys(score);
                var id = score.GetProperty("id").GetString()!;
                InOrder(keys, ScoreKeys[status], $"{sample} {id}", "id", "version", "status", "citations");
                foreach (var key in keys.Where(k => detail == Detail.Full || k != "reasonSource"))
                {
                    Assert.True(Kinds[key] == score.GetProperty(key).ValueKind, $"{sample} {id}.{key} is {score.GetProperty(key).ValueKind}, not {Kinds[key]}");
                }

                Assert.Equal(detail == Detail.Full && status == "calculated", keys.Contains("steps"));
                Assert.All(score.GetProperty("citations").EnumerateArray(), c => Assert.Equal(detail == Detail.Full ? JsonValueKind.Object : JsonValueKind.String, c.ValueKind));
                if (score.TryGetProperty("extras", out var extras))
                {
                    Assert.All(extras.EnumerateObject(), x => Assert.Equal(JsonValueKind.Number, x.Value.ValueKind));
                }

                foreach (var step in score.TryGetProperty("steps", out var steps) ? steps.EnumerateArray() : default)
                {
                    InOrder(Keys(step), ["kind", "label", "value", "detail"], $"{id} step", "kind", "label", "detail");
                }
            }
        }

        // Compact records name not-calculable scores in notCalculable instead (Compact_detail_has_no_steps_...).
        string[] expected = detail == Detail.Full ? ["calculated", "not-applicable", "not-calculable", "range"] : ["calculated", "not-applicable", "range"];
        Assert.Equal(expected, statuses.Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void Full_detail_has_steps_of_known_kinds_and_citation_objects()
    {
        // The sample has the inputs of the MELD family, Child-Pugh, ALBI, FIB-4 and APRI; the acute liver failure and
        // EASL-CLIF scores need inputs it does not give, so only calculated scores have steps.
        using var doc = JsonDocument.Parse(Render(Sample, Detail.Full));
        var calculated = 0;
        foreach (var score in doc.RootElement.GetProperty("scores").EnumerateArray())
        {
            if (score.GetProperty("status").GetString() != "calculated")
            {
                Assert.False(score.TryGetProperty("steps", out _));
                continue;
            }

            calculated++;
            var steps = score.GetProperty("steps").EnumerateArray().ToList();
            Assert.NotEmpty(steps);
            Assert.All(steps, s => Assert.Contains(s.GetProperty("kind").GetString(), StepKinds));
            Assert.All(steps, s => Assert.False(string.IsNullOrWhiteSpace(s.GetProperty("label").GetString())));
            var citations = score.GetProperty("citations").EnumerateArray().ToList();
            Assert.NotEmpty(citations);
            Assert.All(citations, c =>
            {
                Assert.Equal(JsonValueKind.Object, c.ValueKind);
                Assert.False(string.IsNullOrWhiteSpace(c.GetProperty("key").GetString()));
                Assert.False(string.IsNullOrWhiteSpace(c.GetProperty("reference").GetString()));
                Assert.InRange(c.GetProperty("year").GetInt32(), 1960, 2030);
            });
        }

        Assert.True(calculated >= 7, "the sample has the inputs of the seven scores of cirrhosis");
    }

    [Fact]
    public void Compact_detail_has_no_steps_and_citation_keys_only_and_the_same_values()
    {
        using var full = JsonDocument.Parse(Render(Sample, Detail.Full));
        using var compact = JsonDocument.Parse(Render(Sample, Detail.Compact));
        foreach (var score in compact.RootElement.GetProperty("scores").EnumerateArray())
        {
            Assert.False(score.TryGetProperty("steps", out _));
            Assert.All(score.GetProperty("citations").EnumerateArray(), c => Assert.Equal(JsonValueKind.String, c.ValueKind));
            var same = Score(full.RootElement, score.GetProperty("id").GetString()!);
            Assert.Equal(same.GetProperty("status").GetString(), score.GetProperty("status").GetString());
            if (score.TryGetProperty("value", out var value))
            {
                Assert.Equal(same.GetProperty("value").GetDecimal(), value.GetDecimal());
            }
        }

        // Not-calculable scores are named by id only in compact records, in catalog order; full detail keeps them in "scores".
        var notCalculable = full.RootElement.GetProperty("scores").EnumerateArray()
            .Where(s => s.GetProperty("status").GetString() == "not-calculable").Select(s => s.GetProperty("id").GetString()).ToArray();
        Assert.NotEmpty(notCalculable);
        Assert.Equal(notCalculable, compact.RootElement.GetProperty("notCalculable").EnumerateArray().Select(e => e.GetString()).ToArray());
        Assert.DoesNotContain(compact.RootElement.GetProperty("scores").EnumerateArray(), s => s.GetProperty("status").GetString() == "not-calculable");
        Assert.False(full.RootElement.TryGetProperty("notCalculable", out _));
    }

    // docs/output.md (issue 11): compact records keep a score warning's code and path and the role, not the repeated sentences.
    [Fact]
    public void Compact_detail_gives_score_warnings_as_code_and_path_and_no_role_text()
    {
        const string FourLabs = """{"sex": "female", "ageYears": 60, "labs": {"bilirubin": {"value": 2.0, "unit": "mg/dL"}, "creatinine": {"value": 1.1, "unit": "mg/dL"}, "inr": {"value": 1.4}, "sodium": {"value": 134, "unit": "mmol/L"}}}""";
        using var full = JsonDocument.Parse(Render(FourLabs, Detail.Full));
        using var compact = JsonDocument.Parse(Render(FourLabs, Detail.Compact));
        var fullUkeld = Score(full.RootElement, "ukeld");
        var compactUkeld = Score(compact.RootElement, "ukeld");
        Assert.True(fullUkeld.GetProperty("warnings")[0].TryGetProperty("message", out _));
        Assert.True(fullUkeld.TryGetProperty("roleText", out _));
        var warnings = compactUkeld.GetProperty("warnings").EnumerateArray().ToList();
        Assert.Equal(fullUkeld.GetProperty("warnings").GetArrayLength(), warnings.Count);
        Assert.All(warnings, w => Assert.Equal(["code", "path"], w.EnumerateObject().Select(p => p.Name).ToArray()));
        Assert.Contains(warnings, w => w.GetProperty("path").GetString() == "findings.acuteLiverFailure");
        Assert.Equal("other-system", compactUkeld.GetProperty("role").GetString());
        Assert.False(compactUkeld.TryGetProperty("roleText", out _));
    }

    [Fact]
    public void A_batch_line_number_comes_first()
    {
        using var doc = JsonDocument.Parse(Render(Sample, Detail.Compact, line: 7));
        var first = doc.RootElement.EnumerateObject().First();
        Assert.Equal("line", first.Name);
        Assert.Equal(7, first.Value.GetInt64());
    }

    [Fact]
    public void Missing_inputs_are_listed_by_path_and_not_applicable_scores_say_why()
    {
        using var doc = JsonDocument.Parse(Render("""{"id": "kid", "ageYears": 10, "labs": {"bilirubin": {"value": 1, "unit": "mg/dL"}}}""", Detail.Full));
        var root = doc.RootElement;
        var meld = Score(root, "meld");
        Assert.Equal("not-applicable", meld.GetProperty("status").GetString());
        Assert.False(string.IsNullOrWhiteSpace(meld.GetProperty("reason").GetString()));
        var albi = Score(root, "albi");
        Assert.Equal("not-calculable", albi.GetProperty("status").GetString());
        Assert.Equal(["labs.albumin"], albi.GetProperty("missing").EnumerateArray().Select(m => m.GetString()).ToArray());
    }

    [Fact]
    public void Snapshot_errors_and_warnings_are_written_with_code_severity_path_and_message()
    {
        using var doc = JsonDocument.Parse(Render("""{"labs": {"albumin": {"value": 3, "unit": "mg/dL"}, "ggt": {"value": 1, "unit": "U/L"}}}""", Detail.Compact));
        var root = doc.RootElement;
        var error = Assert.Single(root.GetProperty("errors").EnumerateArray());
        Assert.Equal("LAB002", error.GetProperty("code").GetString());
        Assert.Equal("error", error.GetProperty("severity").GetString());
        Assert.Equal("labs.albumin.unit", error.GetProperty("path").GetString());
        var warning = Assert.Single(root.GetProperty("warnings").EnumerateArray());
        Assert.Equal("SNP003", warning.GetProperty("code").GetString());
        Assert.Equal("warning", warning.GetProperty("severity").GetString());
    }

    [Fact]
    public void An_unreadable_document_gives_status_error_and_only_its_errors()
    {
        using var doc = JsonDocument.Parse(Render("{not json", Detail.Compact, line: 3));
        var root = doc.RootElement;
        Assert.Equal(3, root.GetProperty("line").GetInt64());
        Assert.Equal("error", root.GetProperty("status").GetString());
        Assert.False(root.TryGetProperty("scores", out _));
        Assert.Equal("SNP001", Assert.Single(root.GetProperty("errors").EnumerateArray()).GetProperty("code").GetString());
    }

    [Fact]
    public void Identifiers_with_quotes_and_non_ascii_text_round_trip()
    {
        var id = "Ünïcødé \"quoted\" \\ </script>";
        var json = "{\"id\": " + JsonSerializer.Serialize(id) + "}";
        using var doc = JsonDocument.Parse(Render(json, Detail.Compact));
        Assert.Equal(id, doc.RootElement.GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("0", "0")]
    [InlineData("21", "21")]
    [InlineData("21.000", "21")]
    [InlineData("-1.350", "-1.35")]
    [InlineData("20.877999", "20.877999")]
    [InlineData("0.000001", "0.000001")]
    [InlineData("123456789.5", "123456789.5")]
    public void Numbers_are_written_plainly_without_trailing_zeros_or_exponents(string value, string expected)
    {
        var buffer = new byte[64];
        var n = AssessmentWriter.FormatNumber(decimal.Parse(value, CultureInfo.InvariantCulture), buffer);
        Assert.Equal(expected, Encoding.ASCII.GetString(buffer, 0, n));
    }

    [Fact]
    public void Every_score_definition_is_written_with_its_range_rounding_inputs_and_citations()
    {
        foreach (var entry in ScoreCatalog.All)
        {
            using var buffer = new MemoryStream();
            using (var w = new Utf8JsonWriter(buffer))
            {
                AssessmentWriter.WriteDefinition(w, entry.Definition);
            }

            using var doc = JsonDocument.Parse(buffer.ToArray());
            var root = doc.RootElement;
            Assert.Equal(entry.Definition.Id, root.GetProperty("id").GetString());
            Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("name").GetString()));
            Assert.NotEmpty(root.GetProperty("citations").EnumerateArray());
        }
    }

    /// <summary>Random lab panels, some values outside the plausible range, some units wrong: the output is always one valid JSON object whose values match the core's.</summary>
    [Fact]
    public void Any_snapshot_gives_valid_json_whose_values_are_the_cores()
    {
        var labs = new (string Key, string Unit, int Lo, int Hi, int Scale)[]
        {
            ("bilirubin", "mg/dL", -10, 1200, 10), ("creatinine", "umol/L", 0, 1500, 1), ("inr", "1", 0, 400, 100),
            ("sodium", "mmol/L", 70, 210, 1), ("albumin", "g/L", 0, 70, 1), ("platelets", "10*9/L", 0, 800, 1),
            ("ast", "U/L", 0, 2000, 1), ("alt", "IU/L", 0, 2000, 1), ("astUpperLimit", "U/L", 0, 60, 1),
        };
        var gen =
            from values in Gen.ArrayOf(Gen.Choose(0, 100_000), labs.Length)
            from present in Gen.ArrayOf(Gen.Elements(true, true, true, false), labs.Length)
            from age in Gen.Choose(-1, 131)
            from ascites in Gen.Elements("none", "mild", "moderate-severe", "lots")
            from grade in Gen.Choose(0, 5)
            from sex in Gen.Elements("female", "male")
            select (values, present, age, ascites, grade, sex);

        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var sb = new StringBuilder("{\"id\":\"p\",\"sex\":\"").Append(t.sex).Append("\",\"ageYears\":").Append(t.age).Append(",\"labs\":{");
            var first = true;
            for (var i = 0; i < labs.Length; i++)
            {
                if (!t.present[i])
                {
                    continue;
                }

                var (key, unit, lo, hi, scale) = labs[i];
                var value = (decimal)(lo + (t.values[i] % (hi - lo + 1))) / scale;
                sb.Append(first ? "" : ",").Append('"').Append(key).Append("\":{\"value\":").Append(value.ToString(CultureInfo.InvariantCulture)).Append(",\"unit\":\"").Append(unit).Append("\"}");
                first = false;
            }

            sb.Append("},\"findings\":{\"ascites\":\"").Append(t.ascites).Append("\",\"encephalopathyGrade\":").Append(t.grade)
              .Append(",\"dialysisTwiceInPastWeek\":false,\"cholestaticLiverDisease\":false}}");
            var json = sb.ToString();
            var snapshot = SnapshotReader.Read(json).Snapshot!;
            var assessment = Assessment.Of(snapshot);
            using var doc = JsonDocument.Parse(Render(json, Detail.Full));
            var scores = doc.RootElement.GetProperty("scores").EnumerateArray().ToList();
            Assert.Equal(assessment.Outcomes.Count, scores.Count);
            for (var i = 0; i < scores.Count; i++)
            {
                var outcome = assessment.Outcomes[i];
                Assert.Equal(outcome.Definition.Id, scores[i].GetProperty("id").GetString());
                if (outcome.Result is { } result)
                {
                    Assert.Equal(result.Value, scores[i].GetProperty("value").GetDecimal());
                }
            }
        }).QuickCheckThrowOnFailure();
    }
}
