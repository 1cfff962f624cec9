using System.CommandLine;
using Hepatica.Cli;
using Hepatica.Cli.Bulk;
using Hepatica.Cli.Record;

var format = new Option<OutputFormat>("--format", "-f")
{
    Description = "Output format: text (a report), json (the contract in docs/output.md) or fhir (a FHIR R4 Bundle, docs/fhir.md).",
    DefaultValueFactory = _ => OutputFormat.Text,
};
var explain = new Option<bool>("--explain") { Description = "Show every step: inputs, floors, caps, terms, points, rounding." };
var file = new Argument<string>("file") { Description = "Snapshot JSON file (docs/snapshot.md) or FHIR R4 Bundle (docs/fhir.md), or - for standard input." };
var asOf = new Option<string?>("--as-of") { Description = "FHIR input: assess as of YYYY-MM-DD (end of that day, UTC) or YYYY-MM-DDTHH:MM:SSZ (default: now)." };
var issued = new Option<string?>("--issued") { Description = "The instant of the run, YYYY-MM-DDTHH:MM:SSZ (default: now), for reproducible output: every output's asOf when there is no assessmentDate or --as-of, and FHIR's issued." };
var profile = new Option<string?>("--profile") { Description = $"Guideline profile: us (OPTN, AASLD, ACIP; the default) or uk (NHSBT liver selection policy, UKELD): which score is the allocation score and which transplant signals show (docs/transplant.md)." };
var maxInputMb = new Option<int>("--max-input-mb") { Description = $"The largest input read, in MB (default {InputFile.DefaultMaxMegabytes}, at most {InputFile.MaxMegabytes}); a larger one is refused unread.", DefaultValueFactory = _ => InputFile.DefaultMaxMegabytes };

var assess = new Command("assess", "Assess one patient snapshot: every score whose inputs are present, and what is missing for the rest.")
{
    file, format, explain, asOf, issued, maxInputMb, profile,
};
assess.SetAction(parse => Commands.Assess(parse.GetValue(file)!, null, parse.GetValue(format), parse.GetValue(explain), parse.GetValue(asOf), parse.GetValue(issued), parse.GetValue(maxInputMb), parse.GetValue(profile)));

var scoreId = new Argument<string>("id") { Description = "Score id, as listed by `hepatica scores` (e.g. meld-3.0)." };
var score = new Command("score", "Compute one score on a snapshot.") { scoreId, file, format, explain, asOf, issued, maxInputMb, profile };
score.SetAction(parse => Commands.Assess(parse.GetValue(file)!, parse.GetValue(scoreId), parse.GetValue(format), parse.GetValue(explain), parse.GetValue(asOf), parse.GetValue(issued), parse.GetValue(maxInputMb), parse.GetValue(profile)));

var scores = new Command("scores", "List every score with its version, range and citations.") { format };
scores.SetAction(parse => Commands.ListScores(parse.GetValue(format)));

var input = new Argument<string>("input") { Description = "JSON Lines file: one snapshot per line (- for standard input)." };
var output = new Argument<string?>("output") { Description = "JSON Lines file to write: one result per input line, in order (- for standard output).", Arity = ArgumentArity.ZeroOrOne };
var threads = new Option<int>("--threads") { Description = $"Worker threads, 1 to {Hepatica.Cli.Batch.BatchOptions.MaxWorkers} (default: one per core, at most {Hepatica.Cli.Batch.BatchOptions.MaxWorkers}); memory does not grow with it.", DefaultValueFactory = _ => Math.Min(Environment.ProcessorCount, Hepatica.Cli.Batch.BatchOptions.MaxWorkers) };
var noProgress = new Option<bool>("--no-progress") { Description = "Do not draw the progress bar even on a terminal." };
var scoreList = new Option<string?>("--scores") { Description = "Comma-separated score ids to compute (default: every score), e.g. meld-3.0,child-pugh." };
var tableOutput = new Option<string?>("--output") { Description = "json (one JSON record per line, the default), csv or parquet (one row per line, one column per score field: docs/tables.md).", HelpName = "json|csv|parquet" };
var shard = new Option<string?>("--shard") { Description = "Only shard i of N, i/N (0/4 ... 3/4): a stable hash of each snapshot's id, so N runs on N machines cover the input once (docs/tables.md).", HelpName = "i/N" };
var batch = new Command("batch", "Assess every snapshot of a JSON Lines file, streaming, in bounded memory, on every core (a FHIR Bulk Data export: hepatica bulk).")
{
    input, output, explain, threads, noProgress, scoreList, issued, profile, tableOutput, shard,
};
batch.SetAction((parse, ct) => parse.GetValue(output) is { } outFile
    ? Commands.BatchAsync(parse.GetValue(input)!, outFile, parse.GetValue(explain), parse.GetValue(threads), parse.GetValue(noProgress), parse.GetValue(scoreList), ct, parse.GetValue(issued), parse.GetValue(profile), parse.GetValue(tableOutput), parse.GetValue(shard))
    : Task.FromResult(Commands.Usage("batch needs an input and an output file: hepatica batch IN OUT (a FHIR Bulk Data export: hepatica bulk DIR OUT).")));
var bulk = BulkCommand.Create();
var columnScores = new Option<string?>("--scores") { Description = "Comma-separated score ids, as given to batch or bulk (default: every score)." };
var columns = new Command("columns", "Print the column dictionary of batch and bulk --output csv|parquet as Markdown (docs/tables.md).") { columnScores };
columns.SetAction(parse => Commands.Columns(parse.GetValue(columnScores)));

var terminologyOut = new Option<string>("--out") { Description = "The folder to write to, e.g. docs/fhir (created if missing; its parent must exist).", Required = true, HelpName = "DIR" };
var terminologyForce = new Option<bool>("--force") { Description = "Replace files that differ from what this version generates (without it the run refuses and writes nothing)." };
var terminology = new Command("fhir-terminology", "Write Hepatica's FHIR conformance resources (a CodeSystem per local code system, the snapshot-id NamingSystem, a StructureDefinition per extension) as files: docs/fhir.md, \"Codes written\".")
{
    terminologyOut, terminologyForce,
};
terminology.SetAction((parse, ct) => Task.FromResult(FhirOutput.WriteTerminology(parse.GetValue(terminologyOut)!, parse.GetValue(terminologyForce), ct)));

var root = new RootCommand("Hepatica: liver-failure scores with their sources, every step shown. Decision support for clinicians.")
{
    assess, score, scores, batch, bulk, columns, terminology,
};
foreach (var command in RecordCommands.Create())
{
    root.Subcommands.Add(command);
}

StandardOutput.InstallAsConsoleOut(); // a closed output pipe is an error (exit 4), not a silent success
try
{
    // Inside the try: bulk's validators look at the disk (the export folder, OUT), which can refuse access.
    var parsed = root.Parse(BulkCommand.FromDeprecatedBatch(args));
    if (parsed.Errors.Count > 0)
    {
        foreach (var error in parsed.Errors)
        {
            Console.Error.WriteLine($"hepatica: {TerminalText.Escape(error.Message)}");
        }

        Console.Error.WriteLine("Run 'hepatica --help' for usage.");
        return ExitCodes.BadInput;
    }

    // Ctrl+C and SIGTERM: batch and bulk stop cleanly through the token (temporaries removed, OUT untouched); Interrupts.cs.
    using var signals = Interrupts.Register(stopsGracefully: parsed.CommandResult.Command == batch || parsed.CommandResult.Command == bulk || parsed.CommandResult.Command == terminology || RecordCommands.StopsGracefully(parsed.CommandResult.Command));
    var code = await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null }, Interrupts.Token);
    return code == ExitCodes.Interrupted ? Interrupts.ExitCode : code;
}
catch (IOFailureException e)
{
    // On the machine's side, after the files were opened: disk full, a closed pipe, a device error. The message says what is on disk.
    Console.Error.WriteLine($"hepatica: {TerminalText.Escape(e.Message)}");
    return ExitCodes.IoError;
}
catch (IOException e) when (e is FileNotFoundException or DirectoryNotFoundException)
{
    // What the user named is not there (InputFile says most of these first, plainly).
    Console.Error.WriteLine($"hepatica: {TerminalText.Escape(e.Message)}");
    return ExitCodes.BadInput;
}
catch (IOException e)
{
    // Any other I/O failure is the machine's side (a device error, a full disk outside the output paths): not bad input.
    Console.Error.WriteLine($"hepatica: {TerminalText.Escape(e.Message)}");
    return ExitCodes.IoError;
}
catch (UnauthorizedAccessException e)
{
    Console.Error.WriteLine($"hepatica: {TerminalText.Escape(e.Message)}");
    return ExitCodes.BadInput;
}
catch (OperationCanceledException) when (Interrupts.Signal is { } signal)
{
    Console.Error.WriteLine($"hepatica: interrupted by {signal}; no output file was replaced.");
    return Interrupts.ExitCode;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("hepatica: cancelled.");
    return ExitCodes.InternalError;
}
#pragma warning disable CA1031 // The last line of defence: a user never sees a stack trace.
catch (Exception e)
#pragma warning restore CA1031
{
    Console.Error.WriteLine($"hepatica: internal error ({e.GetType().Name}): {TerminalText.Escape(e.Message)}. This is a bug; please report it with the input.");
    return ExitCodes.InternalError;
}
