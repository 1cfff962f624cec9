namespace Hepatica.Cli;

/// <summary>
/// Opens the input a command names, or says plainly why it cannot (README.md, "Exit codes": 2): an empty path, a
/// path that does not exist, a folder, permission denied. A FIFO or a device is read like a file. <c>assess</c>
/// reads its input whole, so <see cref="TryReadAll"/> reads incrementally and stops as soon as the input is past
/// its limit (<c>--max-input-mb</c>, docs/snapshot.md "Size"): <c>/dev/zero</c> costs the limit, not the memory.
/// </summary>
internal static class InputFile
{
    /// <summary>The default input limit of <c>assess</c> and <c>score</c>, in MiB: a large single-patient FHIR Bundle is a few MB.</summary>
    public const int DefaultMaxMegabytes = 64;

    /// <summary>
    /// The highest <c>--max-input-mb</c>, in MiB. 128 MiB keeps every string of the input below the 166,666,666
    /// characters the JSON writer accepts (<c>Utf8JsonWriter</c>), so no input can make the output unwritable.
    /// </summary>
    public const int MaxMegabytes = 128;

    /// <summary>The input opened for streaming (batch), or null with the reason on standard error.</summary>
    public static Stream? TryOpen(string path)
    {
        if (InputProblem(path) is { } problem)
        {
            Report(problem);
            return null;
        }

        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (UnauthorizedAccessException)
        {
            Report($"'{path}' cannot be read: permission denied.");
        }
        catch (FileNotFoundException)
        {
            Report($"'{path}' does not exist.");
        }
        catch (DirectoryNotFoundException)
        {
            Report($"'{path}' does not exist.");
        }

        return null;
    }

    /// <summary>
    /// The whole input (<c>-</c>: standard input), or null with the reason on standard error: unusable, or larger
    /// than <paramref name="maxMegabytes"/> MiB (found from the size of a regular file before reading anything,
    /// otherwise while reading, stopping at the first byte past the limit).
    /// </summary>
    public static byte[]? TryReadAll(string path, int maxMegabytes)
    {
        var limit = (long)maxMegabytes << 20;
        var name = path == "-" ? "standard input" : $"'{path}'";
        using var stream = path == "-" ? Console.OpenStandardInput() : TryOpen(path);
        if (stream is null)
        {
            return null;
        }

        if (stream.CanSeek && stream.Length > limit)
        {
            Report(TooLarge(name, maxMegabytes));
            return null;
        }

        var buffer = new byte[stream.CanSeek ? (int)stream.Length : 1 << 16];
        var filled = 0;
        while (true)
        {
            if (filled == buffer.Length)
            {
                if (filled > limit)
                {
                    Report(TooLarge(name, maxMegabytes));
                    return null;
                }

                // Grow by doubling, but never past the limit plus the one byte that proves the input is over it.
                Array.Resize(ref buffer, (int)Math.Min(Math.Max(buffer.Length * 2L, 1 << 16), limit + 1));
            }

            var n = stream.Read(buffer, filled, buffer.Length - filled);
            if (n == 0)
            {
                break;
            }

            filled += n;
        }

        if (filled > limit)
        {
            Report(TooLarge(name, maxMegabytes));
            return null;
        }

        return filled == buffer.Length ? buffer : buffer[..filled];
    }

    /// <summary>Why <paramref name="path"/> cannot be an input file, or null when it may be opened.</summary>
    public static string? InputProblem(string path)
    {
        if (path.Length == 0)
        {
            return "the input path is empty: give a file, or - for standard input.";
        }

        if (Directory.Exists(path))
        {
            return $"'{path}' is a folder, not a file.";
        }

        return File.Exists(path) ? null : $"'{path}' does not exist.";
    }

    /// <summary>Why <paramref name="path"/> cannot be an output file (a folder, an empty path), or null.</summary>
    public static string? OutputProblem(string path) =>
        path == "-" ? null
        : path.Length == 0 ? "the output path is empty: give a file, or - for standard output."
        : Directory.Exists(path) ? $"'{path}' is a folder; the output must be a file."
        : null;

    private static string TooLarge(string name, int maxMegabytes) =>
        $"{name} is larger than the input limit of {maxMegabytes} MB; not read (--max-input-mb raises it, up to {MaxMegabytes}).";

    private static void Report(string message) => Console.Error.WriteLine("hepatica: " + TerminalText.Escape(message));
}
