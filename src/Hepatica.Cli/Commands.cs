using System.Text.Json;
using Hepatica.Clinical;
using Hepatica.Clinical.Scoring;
using Hepatica.Cli.Batch;
using Hepatica.Json;

namespace Hepatica.Cli;

/// <summary>What each command does, top to bottom: read, validate, compute, render, exit code.</summary>
internal static class Commands
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static int Assess(string path, string? scoreId, OutputFormat format, bool explain, string? asOf = null, string? issuedText = null, int maxInputMb = InputFile.DefaultMaxMegabytes)
    {
        var issued = TimeProvider.System.GetUtcNow();
        if (issuedText is not null && !FhirInput.TryParseAsOf(issuedText, TimeProvider.System, out issued))
        {
            return Usage($"--issued '{issuedText}' is not YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ.");
        }

        CatalogEntry? only = null;
        if (scoreId is not null && (only = ScoreCatalog.Find(scoreId)) is null)
        {
            return Usage($"unknown score '{scoreId}'. Known: {string.Join(", ", ScoreCatalog.All.Select(e => e.Definition.Id))}.");
        }

        if (maxInputMb is < 1 or > InputFile.MaxMegabytes)
        {
            return Usage($"--max-input-mb must be between 1 and {InputFile.MaxMegabytes}.");
        }

        if (InputFile.TryReadAll(path, maxInputMb) is not { } bytes)
        {
            return ExitCodes.BadInput;
        }

        var read = CutIssues(FhirInput.Read(bytes, asOf, TimeProvider.System));
        if (read.Snapshot is not { } snapshot)
        {
            if (format == OutputFormat.Fhir)
            {
                FhirOutput.WriteUnreadable(read.Issues);
            }

            WriteIssues(read.Issues);
            return ExitCodes.BadInput;
        }

        var assessment = only is null ? Assessment.Of(snapshot) : new Assessment(snapshot, [only.Evaluate(snapshot)]);
        if (format == OutputFormat.Json)
        {
            using var stdout = Console.OpenStandardOutput();
            using (var w = new Utf8JsonWriter(stdout, Indented))
            {
                AssessmentWriter.Write(w, assessment, Detail.Full, extra: read.Sources.Count == 0 ? null : x => FhirInput.WriteSources(x, read.Sources));
            }

            stdout.Write("\n"u8);
            WriteIssues(snapshot.Issues);
        }
        else if (format == OutputFormat.Fhir)
        {
            FhirOutput.WriteBundle(read, assessment, issued);
            WriteIssues(snapshot.Issues);
        }
        else
        {
            Console.Out.Write(TerminalText.EscapeReport(TextReport.Render(assessment, explain) + (explain ? FhirInput.RenderSources(read.Sources) : "")));
            WriteIssues(snapshot.Issues); // to standard error as in the other formats (README.md): the report lists them too
        }

        return assessment.HasErrors ? ExitCodes.BadInput : ExitCodes.Ok;
    }

    public static int ListScores(OutputFormat format)
    {
        if (format == OutputFormat.Json)
        {
            using var stdout = Console.OpenStandardOutput();
            using (var w = new Utf8JsonWriter(stdout, Indented))
            {
                w.WriteStartArray();
                foreach (var entry in ScoreCatalog.All)
                {
                    AssessmentWriter.WriteDefinition(w, entry.Definition);
                }

                w.WriteEndArray();
            }

            stdout.Write("\n"u8);
        }
        else if (format == OutputFormat.Fhir)
        {
            FhirOutput.WriteCodeSystem();
        }
        else
        {
            Console.Out.Write(TextReport.RenderCatalog());
        }

        return ExitCodes.Ok;
    }

    public static async Task<int> BatchAsync(string input, string output, bool explain, int threads, bool noProgress, string? scoreIds, CancellationToken ct)
    {
        if (!TryParseScores(scoreIds, out var scores))
        {
            return ExitCodes.BadInput;
        }

        if (threads is < 1 or > BatchOptions.MaxWorkers)
        {
            return Usage($"--threads must be between 1 and {BatchOptions.MaxWorkers}.");
        }

        if (((input == "-" ? null : InputFile.InputProblem(input)) ?? InputFile.OutputProblem(output)) is { } problem)
        {
            return Usage(problem);
        }

        if (input != "-" && output != "-" && string.Equals(Path.GetFullPath(input), Path.GetFullPath(output), StringComparison.Ordinal))
        {
            Console.Error.WriteLine("hepatica: the output file is the input file; writing it would destroy the input.");
            return ExitCodes.BadInput;
        }

        if ((input == "-" ? Console.OpenStandardInput() : InputFile.TryOpen(input)) is not { } opened)
        {
            return ExitCodes.BadInput;
        }

        await using var inStream = opened;
        await using var outStream = output == "-" ? Console.OpenStandardOutput() : new FileStream(output, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.SequentialScan);
        var showProgress = !noProgress && !Console.IsErrorRedirected && output != "-";
        using var progress = showProgress ? new ProgressBar(inStream.CanSeek ? inStream.Length : null) : null;
        var options = new BatchOptions(explain ? Detail.Full : Detail.Compact, threads, Scores: scores);
        var summary = await BatchRunner.RunAsync(inStream, outStream, options, progress is null ? null : progress.Report, ct).ConfigureAwait(false);
        progress?.Complete(summary);
        Console.Error.WriteLine(TerminalText.EscapeReport(summary.Describe()));
        return summary.LinesWithErrors > 0 ? ExitCodes.SomeLinesFailed : ExitCodes.Ok;
    }

    /// <summary>The catalog entries named by <c>--scores</c> (null: all); false, with the reason on standard error, for an unknown id or an empty list.</summary>
    internal static bool TryParseScores(string? scoreIds, out List<CatalogEntry>? scores)
    {
        scores = null;
        if (scoreIds is null)
        {
            return true;
        }

        scores = [];
        foreach (var id in scoreIds.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (ScoreCatalog.Find(id) is not { } entry)
            {
                Usage($"unknown score '{id}'. Known: {string.Join(", ", ScoreCatalog.All.Select(e => e.Definition.Id))}.");
                return false;
            }

            scores.Add(entry);
        }

        if (scores.Count == 0)
        {
            Usage("--scores needs at least one score id.");
            return false;
        }

        return true;
    }

    /// <summary>Reports a usage error (control characters from the arguments escaped); returns the bad-input exit code.</summary>
    internal static int Usage(string message)
    {
        Console.Error.WriteLine($"hepatica: {TerminalText.Escape(message)}");
        return ExitCodes.BadInput;
    }

    /// <summary>The read with every issue's path and message cut to <see cref="TerminalText.MaxIssueTextChars"/>, in the snapshot too, for every output format.</summary>
    private static InputRead CutIssues(InputRead read)
    {
        static IReadOnlyList<InputIssue> Cut(IReadOnlyList<InputIssue> issues) =>
            issues.Any(i => i.Path.Length > TerminalText.MaxIssueTextChars || i.Message.Length > TerminalText.MaxIssueTextChars)
                ? [.. issues.Select(i => i with { Path = TerminalText.Cut(i.Path), Message = TerminalText.Cut(i.Message) })]
                : issues;

        return read with { Issues = Cut(read.Issues), Snapshot = read.Snapshot is { } s ? s with { Issues = Cut(s.Issues) } : null };
    }

    /// <summary>Each issue on its own line of standard error, control characters escaped.</summary>
    private static void WriteIssues(IReadOnlyList<InputIssue> issues)
    {
        foreach (var issue in issues)
        {
            Console.Error.WriteLine(TerminalText.Escape(issue.ToString()));
        }
    }
}
