using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Hepatica.Clinical;
using Hepatica.Json;

namespace Hepatica.Benchmarks;

/// <summary>One snapshot through each stage of a batch line, and the whole line; the tokenizer baseline beside it.</summary>
[MemoryDiagnoser]
public class AssessmentBenchmarks : IDisposable
{
    private byte[] line = [];
    private PatientSnapshot snapshot = new();
    private Assessment assessment = null!;
    private readonly ArrayBufferWriter<byte> output = new(1 << 16);
    private Utf8JsonWriter writer = null!;

    [GlobalSetup]
    public void Setup()
    {
        line = File.ReadAllBytes(Path.Combine(FindRoot(), "samples", "demo-001.json"));
        snapshot = SnapshotReader.Read(line).Snapshot!;
        assessment = Assessment.Of(snapshot, recordSteps: false);
        writer = new Utf8JsonWriter(output, new JsonWriterOptions { SkipValidation = true });
    }

    public void Dispose()
    {
        writer?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true)]
    public int Tokenize()
    {
        var reader = new Utf8JsonReader(line);
        var n = 0;
        while (reader.Read())
        {
            n++;
        }

        return n;
    }

    [Benchmark]
    public SnapshotReadResult Read() => SnapshotReader.Read(line);

    [Benchmark]
    public Assessment Assess() => Assessment.Of(snapshot, recordSteps: false);

    [Benchmark]
    public Assessment AssessWithSteps() => Assessment.Of(snapshot, recordSteps: true);

    private static readonly AsOf RunTime = AsOf.AtInstant(new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero), AsOfSource.RunTime);

    [Benchmark]
    public int WriteCompact()
    {
        output.ResetWrittenCount();
        writer.Reset(output);
        AssessmentWriter.Write(writer, assessment, Detail.Compact, RunTime, 1);
        writer.Flush();
        return output.WrittenCount;
    }

    [Benchmark]
    public int WholeLine()
    {
        output.ResetWrittenCount();
        writer.Reset(output);
        var read = SnapshotReader.Read(line);
        AssessmentWriter.Write(writer, Assessment.Of(read.Snapshot!, recordSteps: false), Detail.Compact, RunTime, 1);
        writer.Flush();
        return output.WrittenCount;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Hepatica.slnx")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
