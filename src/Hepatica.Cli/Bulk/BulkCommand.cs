using System.CommandLine;
using System.Globalization;
using System.CommandLine.Parsing;
using Hepatica.Cli.Tables;
using Hepatica.Clinical;
using Hepatica.Clinical.Scoring;
using Hepatica.Fhir;

namespace Hepatica.Cli.Bulk;

/// <summary>
/// <c>hepatica bulk DIR OUT</c>: its arguments and options, each validated by System.CommandLine into a domain value
/// (a usage error is a parse error: exit 2, every problem named), then run and summarised on standard error.
/// </summary>
internal static class BulkCommand
{
    /// <summary>The subcommand's name.</summary>
    public const string Name = "bulk";

    private const string DeprecatedOption = "--fhir-bulk";

    /// <summary>The <c>bulk</c> command, ready to add to the root command.</summary>
    public static Command Create()
    {
        var dir = new Argument<string>("export") { Description = "A FHIR Bulk Data export folder: Patient.000.ndjson, Observation.000.ndjson ... (docs/fhir.md, \"Bulk Data\")." };
        dir.Validators.Add(r =>
        {
            var path = r.GetValueOrDefault<string>();
            if (!Directory.Exists(path))
            {
                r.AddError($"'{path}' is not a folder: bulk reads a Bulk Data export folder (Patient.000.ndjson, Observation.000.ndjson ...).");
            }
            else if (BulkRunner.ListFiles(path).Files.Count == 0)
            {
                r.AddError($"'{path}' holds no resource files (Type.NNN.ndjson).");
            }
        });
        var output = new Argument<string>("output") { Description = "The file to write: one record per patient, sorted by patient id; error records beside it, in OUT.errors.ndjson." };
        output.Validators.Add(r =>
        {
            // The export is validated first (arguments in order); OUT is then checked against it, links resolved (issue 10, item 12).
            var path = r.GetValueOrDefault<string>();
            if ((path == "-" ? "the output must be a file outside the export folder (its error records go beside it, in OUT.errors.ndjson)." : InputFile.OutputProblem(path)) is { } problem)
            {
                r.AddError(problem);
            }
            else if (r.GetResult(dir)?.Tokens is [{ Value: var export }] && Directory.Exists(export) && BulkRunner.ListFiles(export).Files is { Count: > 0 } files
                && Refusal(export, files, FileFacts.Of(path), FileFacts.Of(BulkRunner.ErrorsPath(path))) is { } why)
            {
                r.AddError(why);
            }
        });
        var asOf = new Option<DateTimeOffset?>("--as-of")
        {
            HelpName = "date",
            Description = "Assess every patient as of YYYY-MM-DD (end of that day, UTC) or YYYY-MM-DDTHH:MM:SSZ (default: the run time).",
            CustomParser = r => AsOfText.TryParse(Text(r), TimeProvider.System, out var at) ? at : Refuse<DateTimeOffset?>(r, $"--as-of '{Text(r)}' is not YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ (an offset such as +01:00 instead of Z is accepted)."),
        };
        var issued = new Option<DateTimeOffset?>("--issued")
        {
            HelpName = "instant",
            Description = "The instant of the run, YYYY-MM-DDTHH:MM:SSZ (default: now), for reproducible output: every record's asOf when there is no --as-of, and FHIR's issued.",
            CustomParser = r => AsOfText.TryParse(Text(r), TimeProvider.System, out var at) ? at : Refuse<DateTimeOffset?>(r, Commands.BadIssued(Text(r))),
        };
        var format = new Option<(BulkOutput Output, TableFormat? Table)?>("--output")
        {
            Description = "json (assessment records, the default), fhir (one Bundle per patient), csv or parquet (one row per patient, one column per score field: docs/tables.md).",
            HelpName = "json|fhir|csv|parquet",
            CustomParser = r => Commands.TryParseTableFormat(Text(r), allowFhir: true, out var table, out var fhir)
                ? (fhir ? BulkOutput.Fhir : BulkOutput.Json, table)
                : Refuse<(BulkOutput, TableFormat?)?>(r, $"--output '{Text(r)}' is not json, fhir, csv or parquet."),
        };
        var shard = new Option<Shard?>("--shard")
        {
            Description = "Only shard i of N, i/N (0/4 ... 3/4): a stable hash of each Patient id, so N runs on N machines cover the export once (docs/tables.md).",
            HelpName = "i/N",
            CustomParser = r => Shard.Parse(Text(r), out var problem) ?? Refuse<Shard?>(r, problem!),
        };
        var threads = new Option<int>("--threads") { Description = $"Worker threads in both passes, 1 to {Batch.BatchOptions.MaxWorkers} (default: one per core, at most {Batch.BatchOptions.MaxWorkers}).", DefaultValueFactory = _ => Math.Min(Environment.ProcessorCount, Batch.BatchOptions.MaxWorkers) };
        threads.Validators.Add(Within(1, Batch.BatchOptions.MaxWorkers, $"--threads must be between 1 and {Batch.BatchOptions.MaxWorkers}."));
        var memoryMb = new Option<int>("--memory-mb") { Description = "Memory budget in MB (at least 64); sets how many partitions the export is split into.", DefaultValueFactory = _ => 1024 };
        memoryMb.Validators.Add(Within(64, int.MaxValue, "--memory-mb must be at least 64."));
        var partitions = new Option<int?>("--partitions") { Description = "A fixed partition count, 1 to 4096, instead of one chosen from --memory-mb." };
        partitions.Validators.Add(Within(1, 4096, "--partitions must be between 1 and 4096."));
        var scores = new Option<IReadOnlyList<CatalogEntry>?>("--scores")
        {
            Description = "Comma-separated score ids to compute (default: every score), e.g. meld-3.0,child-pugh.",
            HelpName = "ids",
            CustomParser = r => Commands.ParseScores(Text(r), out var problem) ?? Refuse<IReadOnlyList<CatalogEntry>>(r, problem!),
        };
        var profile = new Option<GuidelineProfile?>("--profile")
        {
            Description = "Guideline profile: us (OPTN, AASLD, ACIP; the default) or uk (NHSBT liver selection policy, UKELD) (docs/transplant.md).",
            HelpName = "us|uk",
            CustomParser = r => GuidelineProfiles.Parse(Text(r)) ?? Refuse<GuidelineProfile?>(r, Commands.UnknownProfile(Text(r))),
        };
        var noProgress = new Option<bool>("--no-progress") { Description = "Do not draw the progress bar even on a terminal." };
        var strict = new Option<bool>("--strict") { Description = "Validate every resource whole with the Firely SDK (slower): by default Observations, Patients, Conditions, Immunizations and Procedures are read by fast readers that validate the elements Hepatica uses (docs/decisions/0007-bulk-fast-reader.md)." };
        var bulk = new Command(Name, "Assess every patient of a FHIR Bulk Data export folder, in bounded memory, on every core: one record per patient in OUT, error records in OUT.errors.ndjson (docs/fhir.md).")
        {
            dir, output, asOf, issued, format, threads, memoryMb, partitions, scores, profile, noProgress, shard, strict,
        };
        bulk.SetAction((parse, ct) =>
        {
            var runTime = parse.GetValue(issued) ?? TimeProvider.System.GetUtcNow();
            var given = parse.GetValue(asOf);
            var (kind, table) = parse.GetValue(format) ?? (BulkOutput.Json, null);
            var chosen = parse.GetValue(scores);
            var options = new BulkOptions(given ?? runTime, runTime, kind, parse.GetValue(threads), parse.GetValue(memoryMb) * (1L << 20), parse.GetValue(partitions), chosen, AsOfGiven: given is not null)
            {
                Profile = parse.GetValue(profile) ?? GuidelineProfiles.Default,
                Table = table is null ? null : TableLayout.For(chosen),
                TableFormat = table ?? default,
                Shard = parse.GetValue(shard),
                Strict = parse.GetValue(strict),
            };
            return RunAsync(parse.GetValue(dir)!, parse.GetValue(output)!, options, parse.GetValue(noProgress), ct);
        });
        return bulk;
    }

    /// <summary>
    /// The deprecated form <c>hepatica batch --fhir-bulk DIR OUT [options]</c> as <c>hepatica bulk DIR OUT [options]</c>,
    /// with one line to standard error saying so, so that scripts keep working and run the same code; other arguments
    /// are returned as they are.
    /// </summary>
    public static string[] FromDeprecatedBatch(string[] args)
    {
        if (args is not ["batch", .. var rest])
        {
            return args;
        }

        var i = Array.FindIndex(rest, a => a == DeprecatedOption || a.StartsWith(DeprecatedOption + "=", StringComparison.Ordinal) || a.StartsWith(DeprecatedOption + ":", StringComparison.Ordinal));
        if (i < 0)
        {
            return args;
        }

        Console.Error.WriteLine("hepatica: 'batch --fhir-bulk DIR OUT' is deprecated; use 'hepatica bulk DIR OUT' (the same options).");
        var joined = rest[i].Length > DeprecatedOption.Length; // --fhir-bulk=DIR
        string[] dir = joined ? [rest[i][(DeprecatedOption.Length + 1)..]] : rest[(i + 1)..Math.Min(i + 2, rest.Length)];
        return [Name, .. dir, .. rest[..i], .. rest[(i + 1 + (joined ? 0 : dir.Length))..]];
    }

    private static async Task<int> RunAsync(string dir, string output, BulkOptions options, bool noProgress, CancellationToken ct)
    {
        var results = FileFacts.Of(output);
        var errors = FileFacts.Of(BulkRunner.ErrorsPath(output));
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

    /// <summary>An option's value as typed (its arity is one token).</summary>
    private static string Text(ArgumentResult r) => r.Tokens[0].Value;

    /// <summary>Records why an option's value is not accepted (a parse error: exit 2); the value is then unused.</summary>
    private static T? Refuse<T>(ArgumentResult r, string message)
    {
        r.AddError(message);
        return default;
    }

    /// <summary>A validator for a whole-number option typed outside <paramref name="min"/> to <paramref name="max"/> (text that is no number is System.CommandLine's own error).</summary>
    private static Action<OptionResult> Within(int min, int max, string message) => r =>
    {
        if (r.Tokens is [{ Value: var text }] && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && (n < min || n > max))
        {
            r.AddError(message);
        }
    };

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
}
