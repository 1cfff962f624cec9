namespace Hepatica.Cli.Bulk;

/// <summary><c>hepatica batch --fhir-bulk DIR OUT</c>: validate the options into <see cref="BulkOptions"/>, run, summarise on standard error, exit code.</summary>
internal static class BulkCommand
{
    public static async Task<int> RunAsync(string dir, string? output, string? extra, bool explain, string? asOfText, string format, int threads, int memoryMb, int? partitions, bool noProgress, string? scoreIds, CancellationToken ct)
    {
        if (output is null || extra is not null)
        {
            return Fail("--fhir-bulk DIR takes one more argument, the output file: hepatica batch --fhir-bulk DIR OUT.");
        }

        if (explain)
        {
            return Fail("--explain is not available with --fhir-bulk: population records are compact (decision 0003); assess one patient's Bundle with hepatica assess --explain.");
        }

        if (!Directory.Exists(dir))
        {
            return Fail($"'{dir}' is not a folder: --fhir-bulk reads a Bulk Data export folder (Patient.000.ndjson, Observation.000.ndjson ...).");
        }

        if (BulkRunner.ListFiles(dir).Files.Count == 0)
        {
            return Fail($"'{dir}' holds no resource files (Type.NNN.ndjson).");
        }

        if (InputFile.OutputProblem(output) is { } outputProblem)
        {
            return Fail(outputProblem);
        }

        if (output == "-" || Path.GetFullPath(output).StartsWith(Path.GetFullPath(dir) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return Fail("the output must be a file outside the export folder (its error records go beside it, in OUT.errors.ndjson).");
        }

        if (!FhirInput.TryParseAsOf(asOfText, TimeProvider.System, out var asOf))
        {
            return Fail($"--as-of '{asOfText}' is not YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ (an offset such as +01:00 instead of Z is accepted).");
        }

        BulkOutput? kind = format switch { "json" => BulkOutput.Json, "fhir" => BulkOutput.Fhir, _ => null };
        if (kind is null)
        {
            return Fail($"--output '{format}' is not json or fhir.");
        }

        if (threads is < 1 or > Batch.BatchOptions.MaxWorkers)
        {
            return Fail($"--threads must be between 1 and {Batch.BatchOptions.MaxWorkers}.");
        }

        if (!Commands.TryParseScores(scoreIds, out var scores))
        {
            return ExitCodes.BadInput;
        }

        if (memoryMb < 64 || partitions is < 1 or > 4096)
        {
            return Fail("--memory-mb must be at least 64 and --partitions between 1 and 4096.");
        }

        var options = new BulkOptions(asOf, TimeProvider.System.GetUtcNow(), kind.Value, threads, memoryMb * (1L << 20), partitions, scores);
        using var progress = !noProgress && !Console.IsErrorRedirected ? new ProgressBar(null) : null;
        var summary = await BulkRunner.RunAsync(dir, output, options, progress, ct).ConfigureAwait(false);
        Console.Error.WriteLine(TerminalText.EscapeReport(summary.Describe(BulkRunner.ErrorsPath(output)))); // file names and resource types come from the export
        return summary.Problems > 0 ? ExitCodes.SomeLinesFailed : ExitCodes.Ok;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"hepatica: {TerminalText.Escape(message)}");
        return ExitCodes.BadInput;
    }
}
