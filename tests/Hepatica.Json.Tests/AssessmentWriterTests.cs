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

    [Fact]
    public void The_sample_gives_the_hand_computed_values()
    {
        using var doc = JsonDocument.Parse(Render(Sample, Detail.Full));
        var root = doc.RootElement;
        Assert.Equal("demo-001", root.GetProperty("id").GetString());
        Assert.Equal("ok", root.GetProperty("status").GetString());

        // Hand computation (docs/scores.md formulas), creatinine 150 µmol/L / 88.4 = 1.696833 mg/dL, albumin 28 g/L = 2.8 g/dL.
        // MELD (Kamath 2001 / OPTN): 10 × (0.957 ln 1.696833 + 0.378 ln 2.1 + 1.120 ln 1.8 + 0.643) = 20.88 → 21.
        var meld = Score(root, "meld");
        Assert.Equal(21m, meld.GetProperty("value").GetDecimal());
        var expectedUnrounded = 10 * ((0.957 * Math.Log(150 / 88.4)) + (0.378 * Math.Log(2.1)) + (1.120 * Math.Log(1.8)) + 0.643);
        Assert.Equal(expectedUnrounded, (double)meld.GetProperty("unrounded").GetDecimal(), 3);

        // MELD-Na (Kim 2008 / OPTN 2016): 21 + 1.32 × (137 − 131) − 0.033 × 21 × 6 = 24.762 → 25.
        Assert.Equal(25m, Score(root, "meld-na").GetProperty("value").GetDecimal());
        // MELD 3.0 (Kim 2021): 26, 90-day survival 0.8545 (Kim 2021 baseline 0.946^exp(0.17698 × 26 − 3.56)).
        var meld3 = Score(root, "meld-3.0");
        Assert.Equal(26m, meld3.GetProperty("value").GetDecimal());
        var survival = Math.Pow(0.946, Math.Exp((0.17698 * 26) - 3.56));
        Assert.Equal(survival, (double)meld3.GetProperty("extras").GetProperty("survival90Day").GetDecimal(), 3);

        // Child-Pugh (Pugh 1973): bilirubin 2.1 mg/dL 2, albumin 2.8 g/dL 2, INR 1.8 2, no ascites 1, no encephalopathy 1 = 8, class B.
        var childPugh = Score(root, "child-pugh");
        Assert.Equal(8m, childPugh.GetProperty("value").GetDecimal());
        Assert.StartsWith("B", childPugh.GetProperty("category").GetString(), StringComparison.Ordinal);

        // ALBI (Johnson 2015): 0.66 × log10(2.1 × 17.1) − 0.085 × 28 = −1.35, grade 3 (> −1.39).
        var albi = Score(root, "albi");
        Assert.Equal(-1.35m, albi.GetProperty("value").GetDecimal());
        Assert.Contains("3", albi.GetProperty("category").GetString(), StringComparison.Ordinal);

        // FIB-4 and APRI: the sample records cirrhosis, so they are not applicable (EASL 2021 NIT; issue 11 s.1).
        Assert.Equal("not-applicable", Score(root, "fib-4").GetProperty("status").GetString());
        Assert.Equal("EASL 2021 NIT", Score(root, "apri").GetProperty("reasonSource").GetProperty("key").GetString());

        // Maddrey DF (Carithers 1989): 4.6 × (19.5 − 12) + 2.1 = 36.6, severe (≥ 32).
        Assert.Equal(36.6m, Score(root, "maddrey-df").GetProperty("value").GetDecimal());
        Assert.Equal("severe", Score(root, "maddrey-df").GetProperty("category").GetString());

        // Lille (Louvet 2007): day 0 2026-11-01 bilirubin 2.9 mg/dL = 49.59 µmol/L, day 7 2.1 = 35.91; albumin 28 g/L;
        // creatinine 150 µmol/L = 1.697 mg/dL > 1.3; PT 19.5 s: R = 3.19 − 5.454 + 4.116 + 0.22572 − 0.206 − 0.322335 − 0.1872
        // = 1.362185; 1/(1+e^1.362185) = 0.2039 → 0.204, responder.
        Assert.Equal(0.204m, Score(root, "lille").GetProperty("value").GetDecimal());
        Assert.Equal("responder", Score(root, "lille").GetProperty("category").GetString());

        // GAHS (Forrest 2005): age 54 2, WBC 9.8 1, urea 7.1 2, INR 1.8 2, bilirubin 35.91 µmol/L 1 = 8.
        Assert.Equal(8m, Score(root, "gahs").GetProperty("value").GetDecimal());

        // ABIC (Dominguez 2008): 5.4 + 0.08 × 2.1 + 0.3 × 150 / 88.4 + 0.8 × 1.8 = 7.517 → 7.52, intermediate.
        Assert.Equal(7.52m, Score(root, "abic").GetProperty("value").GetDecimal());
        Assert.Equal("intermediate risk", Score(root, "abic").GetProperty("category").GetString());
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
