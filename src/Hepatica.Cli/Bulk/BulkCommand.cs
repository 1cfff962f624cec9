using Hepatica.Fhir;

namespace Hepatica.Cli.Bulk;

/// <summary><c>hepatica batch --fhir-bulk DIR OUT</c>: validate the options into <see cref="BulkOptions"/>, run, summarise on standard error, exit code.</summary>
internal static class BulkCommand
{
    public static async Task<int> RunAsync(string dir, string? output, string? extra, bool explain, string? asOfText, string format, int threads, int memoryMb, int? partitions, bool noProgress, string? scoreIds, CancellationToken ct, string? profileText = null, string? issuedText = null)
    {
        if (!Commands.TryParseProfile(profileText, out var profile))
        {
            return ExitCodes.BadInput;
        }

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

        var files = BulkRunner.ListFiles(dir).Files;
        if (files.Count == 0)
        {
            return Fail($"'{dir}' holds no resource files (Type.NNN.ndjson).");
        }

        if (InputFile.OutputProblem(output) is { } outputProblem)
        {
            return Fail(outputProblem);
        }

        if (output == "-")
        {
            return Fail("the output must be a file outside the export folder (its error records go beside it, in OUT.errors.ndjson).");
        }

        var results = FileFacts.Of(output);
        var errors = FileFacts.Of(BulkRunner.ErrorsPath(output));
        if (Refusal(dir, files, results, errors) is { } why)
        {
            return Fail(why);
        }

        if (!AsOfText.TryParse(asOfText, TimeProvider.System, out var asOf))
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

        var runTime = TimeProvider.System.GetUtcNow();
        if (issuedText is not null && !AsOfText.TryParse(issuedText, TimeProvider.System, out runTime))
        {
            return Fail($"--issued '{issuedText}' is not YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ.");
        }

        var options = new BulkOptions(asOfText is null ? runTime : asOf, runTime, kind.Value, threads, memoryMb * (1L << 20), partitions, scores, AsOfGiven: asOfText is not null) { Profile = profile };
        using var progress = !noProgress && !Console.IsErrorRedirected ? new ProgressBar(null) : null;
        BulkSummary summary;
        try
        {
            summary = await BulkRunner.RunAsync(dir, results, errors, options, progress, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (ct.IsCancellationRequested)
        {
            Console.Error.WriteLine(TerminalText.Escape($"hepatica: interrupted by {Interrupts.Signal} {e.Message}; {output} and {errors.Name} were not written (left as they were) and the temporary folder was removed."));
            return ExitCodes.Interrupted;
        }

        Console.Error.WriteLine(TerminalText.EscapeReport(summary.Describe(errors.Name))); // file names and resource types come from the export
        return summary.Problems > 0 ? ExitCodes.SomeLinesFailed : ExitCodes.Ok;
    }

    /// <summary>
    /// Why OUT or OUT.errors.ndjson must not be written (issue 10, item 12), links resolved first: a folder, inside the
    /// export folder, the same file as an export file (a link, a hard link) or as each other. Null: safe.
    /// </summary>
    private static string? Refusal(string dir, IReadOnlyList<string> files, FileFacts results, FileFacts errors)
    {
        var export = FileFacts.Resolve(dir);
        var inputs = files.Select(f => FileFacts.Of(f) with { Name = f }).ToList();
        foreach (var output in (FileFacts[])[results, errors])
        {
            if (output.Kind == FileKind.Directory)
            {
                return $"the output '{output.Name}' is a folder; name a file.";
            }

            if (output.Resolved.StartsWith(export + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                return $"the output '{output.Name}' is inside the export folder '{dir}' (it resolves to {output.Resolved}); write it outside the export (its error records go beside it, in OUT.errors.ndjson).";
            }

            if (SafeOutput.Collision(output, inputs, "export file") is { } why)
            {
                return why;
            }
        }

        return errors.IsSameFile(results)
            ? $"the error records file '{errors.Name}' is the same file as the output '{results.Name}' (both are {results.Resolved}); one would overwrite the other. Nothing was written."
            : null;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"hepatica: {TerminalText.Escape(message)}");
        return ExitCodes.BadInput;
    }
}
