using System.Diagnostics;
using System.Globalization;
using Hepatica.Cli.Batch;

namespace Hepatica.Cli;

/// <summary>A one-line progress bar on standard error, redrawn at most ten times a second; only used on a terminal.</summary>
internal sealed class ProgressBar(long? totalBytes) : IDisposable
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private long lastDraw = -1000;
    private long? total = totalBytes;
    private string unit = "lines";
    private string phase = "";

    public void Report(long bytes, long lines)
    {
        var now = clock.ElapsedMilliseconds;
        if (now - lastDraw < 100)
        {
            return;
        }

        lastDraw = now;
        var rate = lines / Math.Max(clock.Elapsed.TotalSeconds, 1e-3);
        string bar;
        if (this.total is > 0 and var total)
        {
            var fraction = Math.Clamp((double)bytes / total, 0, 1);
            var filled = (int)(fraction * 30);
            bar = $"[{new string('#', filled)}{new string('.', 30 - filled)}] {fraction * 100,5:F1}%";
        }
        else
        {
            bar = $"{bytes / 1e6:F1} MB";
        }

        Console.Error.Write(string.Create(CultureInfo.InvariantCulture, $"\r{phase}{bar}  {lines:N0} {unit}  {rate:N0} {unit}/s   "));
    }

    public void Complete(BatchSummary summary)
    {
        lastDraw = -1000;
        Report(summary.BytesIn, summary.Lines);
        Console.Error.WriteLine();
    }

    /// <summary>Ends the current bar's line and starts another (a second pass over other data), counting <paramref name="newUnit"/>.</summary>
    public void Restart(long? totalBytes, string newPhase, string newUnit = "patients")
    {
        if (lastDraw >= 0)
        {
            Console.Error.WriteLine();
        }

        total = totalBytes;
        phase = newPhase + " ";
        unit = newUnit;
        lastDraw = -1000;
        clock.Restart();
    }

    /// <summary>Draws the last state and ends the line.</summary>
    public void Finish(long bytes, long count)
    {
        lastDraw = -1000;
        Report(bytes, count);
        Console.Error.WriteLine();
    }

    public void Dispose() => clock.Stop();
}
