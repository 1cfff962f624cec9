using System.Buffers;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Hepatica.Cli.Tables;
using Hepatica.Clinical;
using Hepatica.Clinical.Findings;
using Hepatica.Clinical.Scoring;
using Hepatica.Fhir;
using Hepatica.Fhir.Bulk;
using Hepatica.Fhir.Writing;
using Hepatica.Json;
using Hl7.Fhir.Model;

namespace Hepatica.Cli.Bulk;

/// <summary>
/// Pass 2 for one partition (docs/decisions/0005-bulk-partitioning.md): load the partition's records (every pass-1
/// worker's file), sort them by patient id, file and line, and assess each patient in turn: parse its lines with
/// Firely (<see cref="BulkPatientReader"/>), read the snapshot as of the run's instant, assess, and write one record.
/// Results go to the partition's results file in patient-id order; error records to its errors file in file-and-line
/// order. Only this partition and one patient's parsed resources are in memory.
/// </summary>
internal sealed class PatientAssessor(BulkOptions options, IReadOnlyList<string> files, string tempDir, int pass1Workers)
{
    private static readonly JsonWriterOptions WriterOptions = new() { SkipValidation = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string ResultsFile(string tempDir, int partition) => Path.Combine(tempDir, $"results-{partition:D5}.bin");

    public static string ErrorsFile(string tempDir, int partition) => Path.Combine(tempDir, $"errors-{partition:D5}.bin");

    /// <summary>Assesses every patient of <paramref name="partition"/>; <paramref name="progress"/> gets partition bytes as they are done.</summary>
    public AssessCounts Run(int partition, Action<long>? progress, CancellationToken ct)
    {
        var data = Load(partition);
        var records = PartitionRecord.ReadAll(data);
        records.Sort((a, b) => PartitionRecord.Compare(data, a, b));

        var counts = new AssessCounts();
        var errors = new List<(byte[] Key, byte[] Record)>();
        var buffer = new ArrayBufferWriter<byte>(1 << 16);
        using var writer = new Utf8JsonWriter(buffer, WriterOptions);
        using var results = new FileStream(ResultsFile(tempDir, partition), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        for (var start = 0; start < records.Count;)
        {
            ct.ThrowIfCancellationRequested();
            var end = start + 1;
            while (end < records.Count && data.AsSpan(records[end].KeyOffset, records[end].KeyLength).SequenceEqual(data.AsSpan(records[start].KeyOffset, records[start].KeyLength)))
            {
                end++;
            }

            var group = records.GetRange(start, end - start);
            if (group[0].Kind == RecordKind.Error)
            {
                errors.AddRange(group.Select(r => (PartitionRecord.ErrorKey(r.FileIndex, r.Line), data.AsSpan(r.PayloadOffset, r.PayloadLength).ToArray())));
            }
            else
            {
                var id = data.AsSpan(group[0].KeyOffset, group[0].KeyLength);
                buffer.ResetWrittenCount();
                writer.Reset(buffer);
                if (AssessPatient(Encoding.UTF8.GetString(id), group, data, writer, errors, counts))
                {
                    writer.Flush();
                    buffer.Write("\n"u8);
                    SortedOutput.Write(results, id, buffer.WrittenSpan);
                }
            }

            progress?.Invoke(group.Sum(r => (long)r.PayloadLength + r.KeyLength + PartitionRecord.HeaderBytes));
            start = end;
        }

        errors.Sort((a, b) => a.Key.AsSpan().SequenceCompareTo(b.Key));
        using var errorFile = new FileStream(ErrorsFile(tempDir, partition), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        foreach (var (key, record) in errors)
        {
            SortedOutput.Write(errorFile, key, record);
        }

        counts.ErrorRecords = errors.Count;
        return counts;
    }

    private byte[] Load(int partition)
    {
        var parts = Enumerable.Range(0, pass1Workers).Select(w => Partitioner.PartitionFile(tempDir, partition, w)).Where(File.Exists).ToList();
        var data = new byte[parts.Sum(p => new FileInfo(p).Length)];
        var at = 0;
        foreach (var part in parts)
        {
            using var stream = new FileStream(part, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            stream.ReadExactly(data, at, (int)stream.Length);
            at += (int)stream.Length;
        }

        return data;
    }

    /// <summary>Parses, reads and assesses one patient; false when there is no result record (no Patient: every line is an error record).</summary>
    private bool AssessPatient(string id, List<PartitionRecord> group, byte[] data, Utf8JsonWriter w, List<(byte[] Key, byte[] Record)> errors, AssessCounts counts)
    {
        var parsed = new List<(Resource Resource, PartitionRecord From)>(group.Count);
        var t0 = Stopwatch.GetTimestamp();
        var lines = new ReadOnlyMemory<byte>[group.Count];
        var facts = new LineFacts[group.Count];
        for (var i = 0; i < group.Count; i++)
        {
            lines[i] = data.AsMemory(group[i].PayloadOffset, group[i].PayloadLength);
            facts[i] = group[i].Facts(data);
        }

        var keep = ParseFilter.Select(lines, facts, options.AsOf, out var types); // pass 1 worked out what the filter decides on (a line it could not is read here)
        counts.FilterTicks += Stopwatch.GetTimestamp() - t0;
        var index = 0;
        foreach (var r in group)
        {
            if (!keep[index++])
            {
                counts.Spared++;
                continue;
            }

            var issues = new List<InputIssue>();
            var fastType = options.Strict ? null : types[index - 1];
            if (BulkPatientReader.Parse(data.AsSpan(r.PayloadOffset, r.PayloadLength), issues, fastType) is { } resource)
            {
                parsed.Add((resource, r));
            }
            else
            {
                errors.Add((PartitionRecord.ErrorKey(r.FileIndex, r.Line), ErrorRecords.Render(Path.GetFileName(files[r.FileIndex]), r.Line, null, id, issues)));
            }
        }

        ReparseRepeated(parsed, data, (from, issues) => errors.Add((PartitionRecord.ErrorKey(from.FileIndex, from.Line), ErrorRecords.Render(Path.GetFileName(files[from.FileIndex]), from.Line, null, id, issues))));
        counts.ResourcesParsed += parsed.Count;
        var t1 = Stopwatch.GetTimestamp();
        counts.ParseTicks += t1 - t0;
        var patients = parsed.Count(p => p.Resource is Hl7.Fhir.Model.Patient);
        if (patients == 0)
        {
            foreach (var (resource, from) in parsed)
            {
                var issue = InputIssue.Error(BulkIssueCodes.OrphanResource, "subject", $"{resource.TypeName}/{resource.Id} refers to Patient/{id}, but the export holds no readable Patient with that id: not assessed.");
                errors.Add((PartitionRecord.ErrorKey(from.FileIndex, from.Line), ErrorRecords.Render(Path.GetFileName(files[from.FileIndex]), from.Line, resource.TypeName, id, [issue])));
            }

            return false;
        }

        counts.Patients++;
        FhirReadResult read;
        if (patients > 1)
        {
            var where = string.Join(", ", parsed.Where(p => p.Resource is Hl7.Fhir.Model.Patient).Select(p => $"{Path.GetFileName(files[p.From.FileIndex])} line {p.From.Line}"));
            read = new FhirReadResult(null, [InputIssue.Error(BulkIssueCodes.DuplicatePatient, "Patient.id", $"The export holds {patients} Patient resources with id '{id}' ({where}): which one is right cannot be known; not assessed.")], []);
        }
        else
        {
            read = BulkPatientReader.Read(parsed.Select(p => p.Resource), options.AsOf);
        }

        var t2 = Stopwatch.GetTimestamp();
        counts.ReadTicks += t2 - t1;
        if (read.Snapshot is not { } snapshot)
        {
            counts.WithErrors++;
            WriteUnreadable(w, id, read.Issues);
            return true;
        }

        var assessment = Assessment.Of(snapshot, options.Profile, options.Scores, recordSteps: options.Output == BulkOutput.Fhir); // the FHIR writer's components come from the steps
        counts.Count(snapshot.Issues);
        var t3 = Stopwatch.GetTimestamp();
        counts.AssessTicks += t3 - t2;
        if (options.Table is { } table)
        {
            TableRows.Write(w, table, assessment, options.Basis, line: null);
        }
        else if (options.Output == BulkOutput.Fhir)
        {
            var bundle = FhirAssessmentWriter.Write(assessment, new FhirWriteContext(options.Issued, options.AsOf, read.Resources.ReferenceTo("Patient", id), read.Sources, options.AsOfGiven, read.Resources));
            w.WriteRawValue(FhirAssessmentWriter.ToJson(bundle), skipInputValidation: true);
        }
        else
        {
            AssessmentWriter.Write(w, assessment, Detail.Compact, options.Basis, extra: x => WritePatient(x, snapshot, types));
        }

        counts.WriteTicks += Stopwatch.GetTimestamp() - t3;
        return true;
    }

    /// <summary>
    /// A resource that appears more than once is compared whole (FHR007 identical, FHR008 different): a resource a fast
    /// reader read holds only the elements Hepatica uses, so each copy is parsed again by Firely, as before.
    /// </summary>
    private static void ReparseRepeated(List<(Resource Resource, PartitionRecord From)> parsed, byte[] data, Action<PartitionRecord, List<InputIssue>> refused)
    {
        var repeated = parsed.Where(p => p.Resource.Id is not null).GroupBy(p => (p.Resource.TypeName, p.Resource.Id)).Where(g => g.Count() > 1).SelectMany(g => g).ToHashSet();
        if (repeated.Count == 0)
        {
            return;
        }

        for (var i = parsed.Count - 1; i >= 0; i--)
        {
            if (repeated.Contains(parsed[i]))
            {
                var from = parsed[i].From;
                var issues = new List<InputIssue>();
                if (BulkPatientReader.Parse(data.AsSpan(from.PayloadOffset, from.PayloadLength), issues) is { } whole)
                {
                    parsed[i] = (whole, from);
                }
                else
                {
                    parsed.RemoveAt(i); // Firely refuses it whole (a fault in an element the fast reader skips): an error record, as before
                    refused(from, issues);
                }
            }
        }
    }

    private void WriteUnreadable(Utf8JsonWriter w, string id, IReadOnlyList<InputIssue> issues)
    {
        if (options.Table is { } table)
        {
            TableRows.WriteUnreadable(w, table, issues, options.Basis, line: null, id);
            return;
        }

        if (options.Output == BulkOutput.Fhir)
        {
            var outcome = FhirAssessmentWriter.ToOperationOutcome(issues, InputResources.Unparsed);
            outcome.Id = id; // the patient the outcome is about: the one key a reader can join on
            w.WriteRawValue(FhirAssessmentWriter.ToJson(outcome), skipInputValidation: true);
            return;
        }

        w.WriteStartObject();
        w.WriteString("id"u8, id);
        w.WriteString("status"u8, "error"u8);
        AssessmentWriter.WriteRunFacts(w, options.Basis);
        ErrorRecords.WriteIssues(w, issues);
        w.WriteEndObject();
    }

    /// <summary>The members a population record adds: the patient's age and sex as read, and how many of the patient's lines of each resource type the export holds (read or spared).</summary>
    private static void WritePatient(Utf8JsonWriter w, PatientSnapshot snapshot, string?[] types)
    {
        w.WriteStartObject("patient"u8);
        if (snapshot.AgeYears is { } age)
        {
            w.WriteNumber("ageYears"u8, age);
        }

        if (snapshot.Sex is { } sex)
        {
            w.WriteString("sex"u8, sex == Sex.Female ? "female"u8 : "male"u8);
        }

        w.WriteEndObject();
        w.WriteStartObject("resources"u8);
        foreach (var type in types.OfType<string>().GroupBy(t => t).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            w.WriteNumber(type.Key, type.Count());
        }

        w.WriteEndObject();
    }
}

/// <summary>What pass 2 did in one partition: patients assessed (clean, with warnings, with errors), resources parsed, error records.</summary>
internal sealed class AssessCounts : Hepatica.Cli.Batch.IssueCounts
{
    public long Patients { get; set; }

    public long ResourcesParsed { get; set; }

    public long ErrorRecords { get; set; }

    /// <summary>Resources not parsed because they cannot change the snapshot (<see cref="ParseFilter"/>).</summary>
    public long Spared { get; set; }

    /// <summary>Time spent per step, summed over workers (Stopwatch ticks): FHIR parse, snapshot read, assessment, record writing.</summary>
    public long FilterTicks { get; set; }

    public long ParseTicks { get; set; }

    public long ReadTicks { get; set; }

    public long AssessTicks { get; set; }

    public long WriteTicks { get; set; }

    public void Add(AssessCounts other)
    {
        Patients += other.Patients;
        AddIssues(other);
        ResourcesParsed += other.ResourcesParsed;
        ErrorRecords += other.ErrorRecords;
        Spared += other.Spared;
        FilterTicks += other.FilterTicks;
        ParseTicks += other.ParseTicks;
        ReadTicks += other.ReadTicks;
        AssessTicks += other.AssessTicks;
        WriteTicks += other.WriteTicks;
    }
}
