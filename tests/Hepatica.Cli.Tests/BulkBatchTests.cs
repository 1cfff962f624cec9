using System.Globalization;
using System.Text.Json;

namespace Hepatica.Cli.Tests;

/// <summary>
/// <c>hepatica bulk DIR OUT</c> end to end, as a user runs it: the 10-patient Bulk sample
/// (../shared/data/fhir-samples/bulk-ndjson-10-patients), determinism over threads and partitions, error records,
/// and a hand-made export whose scores must equal those of the same resources assessed as one Bundle. Expected values
/// come from reading the input files here, independently of the code under test.
/// </summary>
public sealed class BulkBatchTests : IDisposable
{
    private static readonly string Sample = Path.GetFullPath(Path.Combine(RepoRoot.Path, "..", "shared", "data", "fhir-samples", "bulk-ndjson-10-patients"));
    private readonly string work = Directory.CreateTempSubdirectory("hepatica-bulk-test-").FullName;

    public void Dispose() => Directory.Delete(work, recursive: true);

    [Fact]
    public async Task Bulk_Sample_OneRecordPerPatientWithAgeAndConditionsFromTheFiles()
    {
        var output = Path.Combine(work, "out.ndjson");

        var r = await Hepatica.Run("bulk", Sample, output, "--as-of", "2026-11-20", "--no-progress");

        Assert.Equal(0, r.ExitCode);
        var patients = JsonLines(Path.Combine(Sample, "Patient.000.ndjson"));
        var conditions = JsonLines(Path.Combine(Sample, "Condition.000.ndjson"));
        var immunizations = JsonLines(Path.Combine(Sample, "Immunization.000.ndjson"));
        var records = JsonLines(output);
        Assert.Equal(patients.Count, records.Count);
        Assert.Equal(patients.Select(p => p.GetProperty("id").GetString()).Order(StringComparer.Ordinal), records.Select(x => x.GetProperty("id").GetString()));
        foreach (var patient in patients)
        {
            var id = patient.GetProperty("id").GetString()!;
            var record = records.Single(x => x.GetProperty("id").GetString() == id);
            Assert.Equal("ok", record.GetProperty("status").GetString());
            var birth = DateOnly.ParseExact(patient.GetProperty("birthDate").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            Assert.Equal(ExpectedAge(birth, new DateOnly(2026, 11, 20)), record.GetProperty("patient").GetProperty("ageYears").GetDecimal());
            Assert.Equal(patient.GetProperty("gender").GetString(), record.GetProperty("patient").GetProperty("sex").GetString());
            var resources = record.GetProperty("resources");
            Assert.Equal(conditions.Count(c => Subject(c, "subject") == "Patient/" + id), Count(resources, "Condition"));
            Assert.Equal(immunizations.Count(c => Subject(c, "patient") == "Patient/" + id), Count(resources, "Immunization"));
            Assert.False(resources.TryGetProperty("AllergyIntolerance", out _)); // a type the reader does not use
        }

        Assert.Equal(0, new FileInfo(output + ".errors.ndjson").Length);
        Assert.Contains("resources read: Condition 555, Immunization 161, Patient 13", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("AllergyIntolerance 11", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("skipped: log.ndjson", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bulk_ThreadsAndPartitions_OutputIdentical()
    {
        var outputs = new List<string>();
        foreach (var (threads, partitions) in new[] { ("1", "1"), ("2", "1"), ("2", "7"), ("1", "64") })
        {
            var output = Path.Combine(work, $"out-{threads}-{partitions}.ndjson");
            var r = await Hepatica.Run("bulk", Sample, output, "--as-of", "2026-11-20", "--threads", threads, "--partitions", partitions, "--no-progress");
            Assert.Equal(0, r.ExitCode);
            outputs.Add(await File.ReadAllTextAsync(output, TestContext.Current.CancellationToken));
        }

        Assert.All(outputs, o => Assert.Equal(outputs[0], o));
        Assert.Equal(13, outputs[0].Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Bulk_BadLines_ErrorRecordsWithFileAndLineAndTheRestStillRuns()
    {
        var export = CopySample();
        var patientId = JsonLines(Path.Combine(Sample, "Patient.000.ndjson"))[0].GetProperty("id").GetString();
        File.WriteAllLines(Path.Combine(export, "Observation.000.ndjson"),
        [
            Observation("o-ok", patientId!, "1975-2", 1.1m, "mg/dL", "2026-11-19T08:00:00Z"),
            Observation("o-orphan", "nobody-here", "1975-2", 1.1m, "mg/dL", "2026-11-19T08:00:00Z"),
            """{"resourceType":"Observation","id":"o-broken","status":"final","code":""",
            """{"resourceType":"Observation","id":"o-nosubject","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"1975-2"}]}}""",
            """{"id":"no-type"}""",
        ]);
        var output = Path.Combine(work, "out.ndjson");

        var r = await Hepatica.Run("bulk", export, output, "--as-of", "2026-11-20", "--no-progress");

        Assert.Equal(1, r.ExitCode);
        Assert.Equal(13, JsonLines(output).Count);
        var errors = JsonLines(output + ".errors.ndjson");
        Assert.Equal(
            [(2L, "BLK004"), (3L, "BLK001"), (4L, "BLK003"), (5L, "BLK002")],
            errors.Select(e => (e.GetProperty("line").GetInt64(), e.GetProperty("errors")[0].GetProperty("code").GetString())));
        Assert.All(errors, e => Assert.Equal("Observation.000.ndjson", e.GetProperty("file").GetString()));
        var withLab = JsonLines(output).Single(x => x.GetProperty("id").GetString() == patientId);
        Assert.Equal(1, Count(withLab.GetProperty("resources"), "Observation"));
        Assert.Contains("4 error records", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bulk_WithLabs_SameScoresAsTheEquivalentBundle()
    {
        string[] labs =
        [
            Observation("bili", "p1", "1975-2", 3.2m, "mg/dL", "2026-11-19T08:00:00Z"),
            Observation("creat", "p1", "2160-0", 1.9m, "mg/dL", "2026-11-19T08:00:00Z"),
            Observation("inr", "p1", "6301-6", 1.8m, "{INR}", "2026-11-19T08:00:00Z"),
            Observation("na", "p1", "2951-2", 131m, "mmol/L", "2026-11-19T08:00:00Z"),
            Observation("alb", "p1", "1751-7", 2.9m, "g/dL", "2026-11-19T08:00:00Z"),
            Observation("plt", "p1", "777-3", 88m, "10*3/uL", "2026-11-19T08:00:00Z"),
            Observation("ast", "p1", "1920-8", 96m, "U/L", "2026-11-19T08:00:00Z"),
            Observation("alt", "p1", "1742-6", 51m, "U/L", "2026-11-19T08:00:00Z"),
            Observation("bili-old", "p1", "1975-2", 1.0m, "mg/dL", "2026-10-01T08:00:00Z"), // older: spared the FHIR parse
            Observation("bili-future", "p1", "1975-2", 9.0m, "mg/dL", "2026-12-01T08:00:00Z"), // after as-of: spared
            Observation("creat-prelim", "p1", "2160-0", 2.5m, "mg/dL", "2026-10-01T08:00:00Z").Replace("\"final\"", "\"preliminary\"", StringComparison.Ordinal), // kept: FHR012
            Observation("plt-old", "p1", "777-3", 150m, "10*3/uL", "2026-09-01T08:00:00+02:00"),
            Observation("weight", "p1", "29463-7", 80m, "kg", "2026-11-19T08:00:00Z"), // not read: skipped by the scan
        ];
        string[] patient = ["""{"resourceType":"Patient","id":"p1","gender":"male","birthDate":"1961-03-15"}"""];
        string[] conditions =
        [
            Condition("c0", "59621000", "2020-01-01"), // not in the table: kept (it shows a problem list exists)
            Condition("c1", "19943007", "2024-01-01"), // cirrhosis
            Condition("c2", "444814009", "2021-01-01"), // not in the table: spared
        ];
        string[] immunizations =
        [
            """{"resourceType":"Immunization","id":"i1","status":"completed","vaccineCode":{"coding":[{"system":"http://hl7.org/fhir/sid/cvx","code":"62"}]},"patient":{"reference":"Patient/p1"},"occurrenceDateTime":"2025-10-01"}""", // HPV, not planned by the core: spared
            """{"resourceType":"Immunization","id":"i2","status":"completed","vaccineCode":{"coding":[{"system":"http://hl7.org/fhir/sid/cvx","code":"43"}]},"patient":{"reference":"Patient/p1"},"occurrenceDateTime":"2025-06-01"}""",
            """{"resourceType":"Immunization","id":"i3","status":"not-done","vaccineCode":{"coding":[{"system":"http://hl7.org/fhir/sid/cvx","code":"140"}]},"patient":{"reference":"Patient/p1"},"occurrenceDateTime":"2025-11-01"}""", // kept: FHR030
        ];
        var export = Directory.CreateDirectory(Path.Combine(work, "labs")).FullName;
        File.WriteAllLines(Path.Combine(export, "Patient.000.ndjson"), patient);
        File.WriteAllLines(Path.Combine(export, "Observation.000.ndjson"), labs);
        File.WriteAllLines(Path.Combine(export, "Condition.000.ndjson"), conditions);
        File.WriteAllLines(Path.Combine(export, "Immunization.000.ndjson"), immunizations);
        var bundle = Path.Combine(work, "bundle.json");
        File.WriteAllText(bundle, "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[" + string.Join(",", patient.Concat(labs).Concat(conditions).Concat(immunizations).Select(x => "{\"resource\":" + x + "}")) + "]}");
        var output = Path.Combine(work, "out.ndjson");

        var bulk = await Hepatica.Run("bulk", export, output, "--as-of", "2026-11-20", "--no-progress");
        var single = await Hepatica.Run("assess", bundle, "--as-of", "2026-11-20", "--format", "json");

        Assert.Equal(0, bulk.ExitCode);
        Assert.Equal(0, single.ExitCode);
        var fromBulk = Calculated(JsonLines(output).Single());
        var fromBundle = Calculated(JsonDocument.Parse(single.Stdout).RootElement);
        Assert.Equal(fromBundle, fromBulk);
        Assert.Equal(Warnings(JsonDocument.Parse(single.Stdout).RootElement), Warnings(JsonLines(output).Single()));
        Assert.Contains(Warnings(JsonLines(output).Single()), w => w.StartsWith("FHR012", StringComparison.Ordinal));
        Assert.Contains(Warnings(JsonLines(output).Single()), w => w.StartsWith("FHR030", StringComparison.Ordinal));
        Assert.Equal(Plan(JsonDocument.Parse(single.Stdout).RootElement), Plan(JsonLines(output).Single()));
        Assert.Equal(3, Count(JsonLines(output).Single().GetProperty("resources"), "Immunization")); // lines of the export, read or spared
        Assert.Contains("meld-3.0", fromBulk.Keys);
        Assert.Contains("albi", fromBulk.Keys); // FIB-4 is not applicable here: the Condition records cirrhosis (issue 11 s.1)
    }

    [Fact]
    public async Task Bulk_OutputFhir_OneBundlePerPatientLine()
    {
        var output = Path.Combine(work, "out.ndjson");

        var r = await Hepatica.Run("bulk", Sample, output, "--as-of", "2026-11-20", "--output", "fhir", "--no-progress");

        Assert.Equal(0, r.ExitCode);
        var lines = JsonLines(output);
        Assert.Equal(JsonLines(Path.Combine(Sample, "Patient.000.ndjson")).Count, lines.Count);
        Assert.All(lines, l => Assert.Equal("Bundle", l.GetProperty("resourceType").GetString()));
    }

    [Theory]
    [InlineData("no-such-folder", "out.ndjson")]
    [InlineData("SAMPLE", null)]
    public async Task Bulk_BadUsage_Exits2(string dir, string? output)
    {
        string[] args = ["bulk", dir == "SAMPLE" ? Sample : Path.Combine(work, dir), .. output is null ? Array.Empty<string>() : [Path.Combine(work, output)], "--no-progress"];

        var r = await Hepatica.Run(args);

        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("hepatica:", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bulk_BadOptions_Exits2WithEveryProblemNamedAndNothingWritten()
    {
        var output = Path.Combine(work, "out.ndjson");

        var r = await Hepatica.Run("bulk", Sample, output, "--as-of", "yesterday", "--output", "xml", "--threads", "0", "--memory-mb", "63", "--partitions", "4097", "--scores", "nope", "--profile", "mars", "--no-progress");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--as-of 'yesterday' is not YYYY-MM-DD", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("--output 'xml' is not json, fhir, csv or parquet.", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("--threads must be between 1 and 64.", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("--memory-mb must be at least 64.", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("--partitions must be between 1 and 4096.", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("unknown score 'nope'.", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("unknown --profile 'mars'. Known: us, uk.", r.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Theory]
    [InlineData("--explain")] // batch's options that do not apply to a Bulk export
    [InlineData("--max-input-mb")]
    public async Task Bulk_AnOptionOfAnotherCommand_Exits2(string option)
    {
        var r = await Hepatica.Run("bulk", Sample, Path.Combine(work, "out.ndjson"), option, "--no-progress");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"'{option}'", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bulk_OutputIsStandardOutput_Exits2()
    {
        var r = await Hepatica.Run("bulk", Sample, "-", "--no-progress");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("the output must be a file outside the export folder", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bulk_FolderWithoutResourceFiles_Exits2()
    {
        var empty = Directory.CreateDirectory(Path.Combine(work, "empty")).FullName;

        var r = await Hepatica.Run("bulk", empty, Path.Combine(work, "out.ndjson"), "--no-progress");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("holds no resource files (Type.NNN.ndjson)", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batch_DeprecatedFhirBulk_RunsBulkWithOneDeprecationLine()
    {
        var viaBulk = Path.Combine(work, "bulk.ndjson");
        var viaBatch = Path.Combine(work, "batch.ndjson");

        var bulk = await Hepatica.Run("bulk", Sample, viaBulk, "--as-of", "2026-11-20", "--output", "fhir", "--issued", "2026-11-21T09:00:00Z", "--no-progress");
        var batch = await Hepatica.Run("batch", "--no-progress", "--fhir-bulk", Sample, viaBatch, "--as-of", "2026-11-20", "--output", "fhir", "--issued", "2026-11-21T09:00:00Z");

        Assert.Equal(0, bulk.ExitCode);
        Assert.Equal(0, batch.ExitCode);
        Assert.Equal(await File.ReadAllBytesAsync(viaBulk, TestContext.Current.CancellationToken), await File.ReadAllBytesAsync(viaBatch, TestContext.Current.CancellationToken));
        Assert.DoesNotContain("deprecated", bulk.Stderr, StringComparison.Ordinal);
        Assert.Single(batch.Stderr.Split('\n'), l => l.Contains("deprecated", StringComparison.Ordinal));
        Assert.StartsWith("hepatica: 'batch --fhir-bulk DIR OUT' is deprecated; use 'hepatica bulk DIR OUT'", batch.Stderr, StringComparison.Ordinal);
    }

    /// <summary>Whole birthdays, plus days since the last birthday over the days to the next, cut (not rounded) to 2 decimals.</summary>
    private static decimal ExpectedAge(DateOnly birth, DateOnly on)
    {
        var last = birth;
        var years = 0;
        while (birth.AddYears(years + 1) <= on)
        {
            years++;
            last = birth.AddYears(years);
        }

        var next = birth.AddYears(years + 1);
        var fraction = (decimal)(on.DayNumber - last.DayNumber) / (next.DayNumber - last.DayNumber);
        return decimal.Truncate((years + fraction) * 100) / 100;
    }

    private static Dictionary<string, decimal> Calculated(JsonElement record) =>
        record.GetProperty("scores").EnumerateArray()
            .Where(s => s.GetProperty("status").GetString() == "calculated")
            .ToDictionary(s => s.GetProperty("id").GetString()!, s => s.GetProperty("value").GetDecimal());

    private static string Condition(string id, string snomed, string onset) =>
        "{\"resourceType\":\"Condition\",\"id\":\"" + id + "\",\"clinicalStatus\":{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/condition-clinical\",\"code\":\"active\"}]},"
        + "\"verificationStatus\":{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/condition-ver-status\",\"code\":\"confirmed\"}]},"
        + "\"code\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"" + snomed + "\"}]},\"subject\":{\"reference\":\"Patient/p1\"},\"onsetDateTime\":\"" + onset + "\"}";

    private static List<string> Plan(JsonElement record) =>
        [.. record.GetProperty("prevention").GetProperty("recommendations").EnumerateArray().Select(x => x.GetProperty("id").GetString() + " " + x.GetProperty("status").GetString())];

    private static List<string> Warnings(JsonElement record) =>
        [.. record.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("code").GetString() + " " + w.GetProperty("message").GetString())];

    private static string Observation(string id, string patient, string loinc, decimal value, string unit, string when) =>
        $$$"""{"resourceType":"Observation","id":"{{{id}}}","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"{{{loinc}}}"}]},"subject":{"reference":"Patient/{{{patient}}}"},"effectiveDateTime":"{{{when}}}","valueQuantity":{"value":{{{value.ToString(CultureInfo.InvariantCulture)}}},"unit":"{{{unit}}}","system":"http://unitsofmeasure.org","code":"{{{unit}}}"}}""";

    private string CopySample()
    {
        var copy = Directory.CreateDirectory(Path.Combine(work, "export")).FullName;
        foreach (var f in Directory.EnumerateFiles(Sample))
        {
            File.Copy(f, Path.Combine(copy, Path.GetFileName(f)));
        }

        return copy;
    }

    private static List<JsonElement> JsonLines(string path) =>
        [.. File.ReadLines(path).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement)];

    private static string? Subject(JsonElement resource, string element) =>
        resource.TryGetProperty(element, out var s) ? s.GetProperty("reference").GetString() : null;

    private static int Count(JsonElement resources, string type) => resources.TryGetProperty(type, out var n) ? n.GetInt32() : 0;
}
