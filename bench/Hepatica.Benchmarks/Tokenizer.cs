using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Hepatica.Benchmarks;

/// <summary>
/// The baseline the batch figure is compared with: read the same file in the same 1 MiB blocks, split it into
/// lines and run <see cref="Utf8JsonReader"/> over every token of every line, on one thread, doing nothing else.
/// </summary>
public static class Tokenizer
{
    /// <summary>Tokenizes <paramref name="path"/> and prints lines/s and MB/s; returns the process exit code.</summary>
    public static int Run(string path)
    {
        var clock = Stopwatch.StartNew();
        var (lines, tokens, bytes) = Count(path);
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"tokenize: {lines:N0} lines, {tokens:N0} tokens in {seconds:F2} s: {lines / seconds:N0} lines/s, {bytes / seconds / 1e6:N1} MB/s"));
        return 0;
    }

    /// <summary>
    /// The baseline of the Bulk Data batch: every line of every resource file of an export folder (the files
    /// <c>hepatica bulk</c> reads), tokenized on one thread.
    /// </summary>
    public static int RunBulk(string dir)
    {
        var clock = Stopwatch.StartNew();
        long lines = 0, tokens = 0, bytes = 0;
        foreach (var path in Directory.EnumerateFiles(dir, "*.ndjson").Where(f => Path.GetFileName(f) is [>= 'A' and <= 'Z', ..]).Order(StringComparer.Ordinal))
        {
            var (l, t, b) = Count(path);
            (lines, tokens, bytes) = (lines + l, tokens + t, bytes + b);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"tokenize-bulk: {lines:N0} lines, {tokens:N0} tokens, {bytes / 1e6:N1} MB in {seconds:F2} s: {bytes / seconds / 1e9:F3} GB/s (1 thread)"));
        return 0;
    }

    private static (long Lines, long Tokens, long Bytes) Count(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = new byte[2 << 20];
        int filled = 0, read;
        long lines = 0, tokens = 0, bytes = 0;
        while ((read = file.Read(buffer, filled, buffer.Length - filled)) > 0 || filled > 0)
        {
            filled += read;
            bytes += read;
            var span = buffer.AsSpan(0, filled);
            var last = span.LastIndexOf((byte)'\n');
            var take = last >= 0 ? last + 1 : (read == 0 ? filled : 0);
            foreach (var range in span[..take].Split((byte)'\n'))
            {
                var line = span[range];
                if (line.IsEmpty)
                {
                    continue;
                }

                lines++;
                var reader = new Utf8JsonReader(line);
                try
                {
                    while (reader.Read())
                    {
                        tokens++;
                    }
                }
                catch (JsonException)
                {
                    // Malformed lines are part of the file; the batch reports them, the baseline just counts.
                }
            }

            span[take..].CopyTo(buffer);
            filled -= take;
            if (read == 0)
            {
                break;
            }
        }

        return (lines, tokens, bytes);
    }
}
