using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Hepatica.Benchmarks;

/// <summary>
/// Deterministic, realistic snapshot lines for the batch benchmark: values drawn around the ranges seen in
/// cirrhosis clinics (bilirubin 0.3-30 mg/dL, creatinine 0.5-6, INR 0.9-4 ...), units mixed between conventional
/// and SI, some inputs missing, findings varied, and about one line in a thousand malformed or with an unknown unit.
/// </summary>
public static class BatchData
{
    /// <summary>Writes <paramref name="count"/> lines to <paramref name="path"/>; returns the process exit code.</summary>
    public static int Generate(long count, string path)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        var buffer = new ArrayBufferWriter<byte>(1 << 20);
        using var w = new Utf8JsonWriter(buffer);
        var random = new Random(20261125);
        for (long i = 0; i < count; i++)
        {
            Line(w, random, i);
            w.Flush();
            w.Reset();
            buffer.Write("\n"u8);
            if (buffer.WrittenCount > (1 << 20) - 4096)
            {
                file.Write(buffer.WrittenSpan);
                buffer.ResetWrittenCount();
            }
        }

        file.Write(buffer.WrittenSpan);
        return 0;
    }

    /// <summary>One snapshot line (exposed for the BenchmarkDotNet inputs).</summary>
    public static byte[] OneLine(int seed)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var w = new Utf8JsonWriter(buffer))
        {
            Line(w, new Random(seed), seed);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void Line(Utf8JsonWriter w, Random r, long i)
    {
        if (i % 1000 == 999)
        {
            // A malformed line: the run must report it and go on.
            w.WriteRawValue("{\"id\":\"broken\",\"labs\":{\"bilirubin\":{\"value\":1.2,\"unit\":\"mg/dL\"}"u8, skipInputValidation: true);
            return;
        }

        w.WriteStartObject();
        w.WriteString("id"u8, string.Create(CultureInfo.InvariantCulture, $"p{i:D8}"));
        w.WriteString("sex"u8, r.Next(2) == 0 ? "female"u8 : "male"u8);
        w.WriteNumber("ageYears"u8, r.Next(18, 90));
        w.WriteStartObject("labs"u8);
        var si = r.Next(3) == 0;
        Lab(w, "bilirubin"u8, Round(Skewed(r, 0.3, 30), 1), si, 17.1, "umol/L"u8, "mg/dL"u8, 0);
        Lab(w, "creatinine"u8, Round(Skewed(r, 0.5, 6), 2), si, 88.4, "umol/L"u8, "mg/dL"u8, 0);
        w.WriteStartObject("inr"u8);
        w.WriteNumber("value"u8, Round(Skewed(r, 0.9, 4), 2));
        w.WriteEndObject();
        if (r.Next(10) != 0)
        {
            Lab(w, "sodium"u8, r.Next(120, 146), false, 1, ""u8, "mmol/L"u8, 0);
        }

        if (r.Next(8) != 0)
        {
            Lab(w, "albumin"u8, Round(1.8 + (r.NextDouble() * 3), 1), si, 10, "g/L"u8, "g/dL"u8, 0);
        }

        Lab(w, "platelets"u8, r.Next(30, 350), false, 1, ""u8, "10*9/L"u8, 0);
        Lab(w, "ast"u8, r.Next(15, 300), false, 1, ""u8, "U/L"u8, 0);
        Lab(w, "alt"u8, r.Next(10, 250), false, 1, ""u8, "U/L"u8, 0);
        Lab(w, "astUpperLimit"u8, 40, false, 1, ""u8, "U/L"u8, 0);
        if (i % 997 == 5)
        {
            Lab(w, "alp"u8, 120, false, 1, ""u8, "U/mL"u8, 0); // an unknown unit: LAB002
        }

        w.WriteEndObject();
        w.WriteStartObject("findings"u8);
        w.WriteString("ascites"u8, r.Next(3) switch { 0 => "none"u8, 1 => "mild"u8, _ => "moderate-severe"u8 });
        w.WriteNumber("encephalopathyGrade"u8, r.Next(5) == 0 ? r.Next(1, 5) : 0);
        w.WriteBoolean("dialysisTwiceInPastWeek"u8, r.Next(20) == 0);
        w.WriteBoolean("cholestaticLiverDisease"u8, r.Next(10) == 0);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Lab(Utf8JsonWriter w, ReadOnlySpan<byte> name, double value, bool si, double factor, ReadOnlySpan<byte> siUnit, ReadOnlySpan<byte> unit, int _)
    {
        w.WriteStartObject(name);
        w.WriteNumber("value"u8, si ? Math.Round(value * factor, 0, MidpointRounding.AwayFromZero) : value);
        w.WriteString("unit"u8, si ? siUnit : unit);
        w.WriteEndObject();
    }

    private static double Skewed(Random r, double lo, double hi) => lo * Math.Pow(hi / lo, r.NextDouble() * r.NextDouble());

    private static double Round(double value, int decimals) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);
}
