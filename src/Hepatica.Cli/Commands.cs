using System.Globalization;
using System.Text.Json;
using Hepatica.Clinical;
using Hepatica.Clinical.Scoring;
using Hepatica.Cli.Batch;
using Hepatica.Cli.Tables;
using Hepatica.Fhir;
using Hepatica.Json;

namespace Hepatica.Cli;

/// <summary>What each command does, top to bottom: read, validate, compute, render, exit code.</summary>
internal static class Commands
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static int Assess(string path, string? scoreId, OutputFormat format, bool explain, string? asOf = null, string? issuedText = null, int maxInputMb = InputFile.DefaultMaxMegabytes, string? profileText = null)
    {
        if (!TryParseProfile(profileText, out var profile))
        {
            return ExitCodes.BadInput;
        }

        var issued = TimeProvider.System.GetUtcNow();
        if (issuedText is not null && !AsOfText.TryParse(issuedText, TimeProvider.System, out issued))
        {
            return Usage(BadIssued(issuedText));
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

        // One instant for the run: --issued when given (reproducible output), FHIR's default as-of and every output's run time.
        var read = CutIssues(InputReader.Read(bytes, asOf, new FixedClock(issued), "--as-of"));
        if (read.Snapshot is not { } snapshot)
        {
            if (format == OutputFormat.Fhir)
            {
                FhirOutput.WriteUnreadable(read.Issues, read.Resources);
            }

            WriteIssues(read.Issues);
            return ExitCodes.BadInput;
        }

        var assessment = only is null ? Assessment.Of(snapshot, profile) : Assessment.OfScore(snapshot, only, profile);
        var basis = read.Basis!;
        if (format == OutputFormat.Json)
        {
            using var stdout = StandardOutput.Open();
            using (var w = new Utf8JsonWriter(stdout, Indented))
            {
                AssessmentWriter.Write(w, assessment, Detail.Full, basis, sources: read.Sources);
            }

            stdout.Write("\n"u8);
            WriteIssues(snapshot.Issues);
        }
        else if (format == OutputFormat.Fhir)
        {
            FhirOutput.WriteBundle(assessment, read.WriteContext);
            WriteIssues(snapshot.Issues);
        }
        else
        {
            Console.Out.Write(TerminalText.EscapeReport(TextReport.Render(assessment, basis, explain) + (read.IsFhir ? FhirInput.RenderToSupply(assessment) : "") + (explain ? FhirInput.RenderSources(read.Sources) : "")));
            WriteIssues(snapshot.Issues); // to standard error as in the other formats (README.md): the report lists them too
        }

        if (read.SuggestedAsOf is { } suggested)
        {
            Console.Error.WriteLine(TerminalText.Escape($"hepatica: to assess the record as it stood on the newest values left out as too old ({FhirIssueCodes.StaleAnalytes}): "
                + AssessCommandLine(path, scoreId, format, explain, suggested, issuedText, maxInputMb, profileText)));
        }

        return assessment.HasErrors ? ExitCodes.BadInput : ExitCodes.Ok;
    }

    /// <summary>
    /// The command line that repeats this <c>assess</c> (or <c>score</c>) with <c>--as-of</c> <paramref name="asOf"/>: the
    /// same file and options, the file quoted for a POSIX shell when it needs it.
    /// </summary>
    internal static string AssessCommandLine(string path, string? scoreId, OutputFormat format, bool explain, DateOnly asOf, string? issuedText, int maxInputMb, string? profileText)
    {
        var parts = new List<string> { "hepatica" };
        parts.AddRange(scoreId is null ? ["assess"] : ["score", ShellWord(scoreId)]);
        parts.Add(ShellWord(path));
        if (format != OutputFormat.Text)
        {
            parts.AddRange(["--format", format.ToString().ToLowerInvariant()]);
        }

        if (explain)
        {
            parts.Add("--explain");
        }

        if (profileText is not null)
        {
            parts.AddRange(["--profile", ShellWord(profileText)]);
        }

        if (issuedText is not null)
        {
            parts.AddRange(["--issued", ShellWord(issuedText)]);
        }

        if (maxInputMb != InputFile.DefaultMaxMegabytes)
        {
            parts.AddRange(["--max-input-mb", maxInputMb.ToString(CultureInfo.InvariantCulture)]);
        }

        parts.AddRange(["--as-of", asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]);
        return string.Join(' ', parts);
    }

    /// <summary>A word as a POSIX shell reads it back: unchanged when it holds only safe characters, else in single quotes.</summary>
    private static string ShellWord(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ':' or '+' or '=' or ',' or '@')
            ? word
            : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    public static int ListScores(OutputFormat format)
    {
        if (format == OutputFormat.Json)
        {
            using var stdout = StandardOutput.Open();
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

    public static async Task<int> BatchAsync(string input, string output, bool explain, int threads, bool noProgress, string? scoreIds, CancellationToken ct, string? issuedText = null, string? profileText = null, string? formatText = null, string? shardText = null)
    {
        if (!TryParseTableFormat(formatText, allowFhir: false, out var table, out _))
        {
            return Usage($"--output '{formatText}' is not json, csv or parquet.");
        }

        if (table is not null && explain)
        {
            return Usage("--explain shows every step in JSON records; a table (--output csv or parquet) has one row per line without steps. Leave one out.");
        }

        Shard? shard = null;
        if (shardText is not null && (shard = Shard.Parse(shardText, out var shardProblem)) is null)
        {
            return Usage(shardProblem!);
        }

        if (!TryParseProfile(profileText, out var profile))
        {
            return ExitCodes.BadInput;
        }

        var runTime = TimeProvider.System.GetUtcNow();
        if (issuedText is not null && !AsOfText.TryParse(issuedText, TimeProvider.System, out runTime))
        {
            return Usage(BadIssued(issuedText));
        }

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

        if (!TryOutputFor(input, output, out var target))
        {
            return ExitCodes.BadInput;
        }

        if ((input == "-" ? Console.OpenStandardInput() : InputFile.TryOpen(input)) is not { } opened)
        {
            return ExitCodes.BadInput;
        }

        await using var inStream = opened;
        using var outFile = output == "-" ? SafeOutput.OpenStandardOutput(target) : SafeOutput.Open(target!);
        var showProgress = !noProgress && !Console.IsErrorRedirected && output != "-";
        using var progress = showProgress ? new ProgressBar(inStream.CanSeek ? inStream.Length : null) : null;
        var layout = table is null ? null : TableLayout.For(scores);
        var options = new BatchOptions(explain ? Detail.Full : Detail.Compact, threads, Scores: scores, RunTime: runTime) { Profile = profile, Table = layout, Shard = shard };
        var linesOut = 0L;
        BatchSummary summary;
        try
        {
            await using var tableOut = table is { } format ? TableOutput.Create(format, layout!, outFile.Stream, TableMetadata(layout!, profile, runTime, null, shard)) : null;
            summary = await BatchRunner.RunAsync(inStream, (Stream?)tableOut ?? outFile.Stream, options, (bytes, lines) => { linesOut = lines; progress?.Report(bytes, lines); }, ct).ConfigureAwait(false);
            ct.ThrowIfCancellationRequested();
            if (tableOut is not null)
            {
                await tableOut.CompleteAsync(ct).ConfigureAwait(false);
            }

            outFile.Commit();
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            outFile.Dispose(); // removes the temp before saying so
            Console.Error.WriteLine(outFile.Replaces
                ? $"hepatica: interrupted by {Interrupts.Signal} after {linesOut:N0} lines; {output} was not written (left as it was) and its temp file was removed."
                : $"hepatica: interrupted by {Interrupts.Signal} after {linesOut:N0} lines; {outFile.Target.Name} got the results of those lines only, not written for the rest.");
            return ExitCodes.Interrupted;
        }
        catch (IOException e) when (e is not IOFailureException)
        {
            throw ReadFailed(input, output, outFile, e);
        }
        catch (System.Threading.Channels.ChannelClosedException e) when (e.InnerException is IOException io and not IOFailureException)
        {
            throw ReadFailed(input, output, outFile, io);
        }

        progress?.Complete(summary);
        Console.Error.WriteLine(TerminalText.EscapeReport(summary.Describe()));
        return summary.LinesWithErrors > 0 ? ExitCodes.SomeLinesFailed : ExitCodes.Ok;
    }

    /// <summary><c>hepatica columns</c>: the column dictionary of a table run with these scores (docs/tables.md holds the whole catalog's).</summary>
    public static int Columns(string? scoreIds)
    {
        if (!TryParseScores(scoreIds, out var scores))
        {
            return ExitCodes.BadInput;
        }

        Console.Out.Write(TableLayout.For(scores).Dictionary());
        return ExitCodes.Ok;
    }

    /// <summary>
    /// <c>--output</c> of <c>batch</c> and <c>bulk</c>: <c>json</c> (the default: JSON Lines records), <c>csv</c> or
    /// <c>parquet</c> (a table: <paramref name="table"/>), and for <c>bulk</c> also <c>fhir</c> (<paramref name="fhir"/>).
    /// </summary>
    public static bool TryParseTableFormat(string? text, bool allowFhir, out TableFormat? table, out bool fhir)
    {
        (table, fhir) = (null, false);
        switch (text)
        {
            case null or "json":
                return true;
            case "csv":
                table = TableFormat.Csv;
                return true;
            case "parquet":
                table = TableFormat.Parquet;
                return true;
            case "fhir" when allowFhir:
                fhir = true;
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// What a Parquet file says about its run (key-value metadata; docs/tables.md): the column dictionary's version, the
    /// engine, the profile, the scores, the run's instant, the as-of of a Bulk run and the shard.
    /// </summary>
    public static Dictionary<string, string> TableMetadata(TableLayout layout, GuidelineProfile profile, DateTimeOffset runTime, DateTimeOffset? asOf, Shard? shard)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["hepatica.columns"] = TableLayout.Version,
            ["hepatica.engineVersion"] = Hepatica.Clinical.Engine.Version,
            ["hepatica.profile"] = GuidelineProfiles.IdOf(profile),
            ["hepatica.scores"] = string.Join(',', layout.Scores.Select(e => e.Definition.Id)),
            ["hepatica.issued"] = runTime.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        };
        if (asOf is { } at)
        {
            metadata["hepatica.asOf"] = at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        }

        if (shard is not null)
        {
            metadata["hepatica.shard"] = shard.Text;
        }

        return metadata;
    }

    /// <summary>Reading the input failed after it was opened (a device error, a file cut under us): on the machine's side, exit 4.</summary>
    private static IOFailureException ReadFailed(string input, string output, SafeOutput outFile, IOException e) =>
        new($"reading {input} failed: {IOFailureException.Reason(e)}. {(outFile.Replaces ? output + " was not changed." : "The output is incomplete.")}", IOFailureException.ErrnoOf(e), e);

    /// <summary>
    /// Resolves OUT and checks it against the input before anything is opened (issue 10, item 12): the same file by
    /// another name (a link, a hard link, <c>./F</c>, standard input or output redirected to it) is refused, the reason
    /// on standard error. <paramref name="target"/>: the output file, or standard output's facts (null where unknown).
    /// </summary>
    private static bool TryOutputFor(string input, string output, out FileFacts? target)
    {
        var source = input == "-" ? FileFacts.OfDescriptor(0, "standard input") : FileFacts.Of(input);
        target = output == "-" ? FileFacts.OfDescriptor(1, StandardOutput.Name) : FileFacts.Of(output);
        if (target is { Kind: FileKind.Directory })
        {
            Usage($"the output '{output}' is a folder; name a file (or - for standard output).");
            return false;
        }

        if (target is not null && SafeOutput.Collision(target, [source]) is { } why)
        {
            Usage(why);
            return false;
        }

        return true;
    }

    /// <summary>The catalog entries named by <c>--scores</c> (null: all); false, with the reason on standard error, for an unknown id or an empty list.</summary>
    internal static bool TryParseScores(string? scoreIds, out List<CatalogEntry>? scores)
    {
        scores = null;
        if (scoreIds is not null && (scores = ParseScores(scoreIds, out var problem)) is null)
        {
            Usage(problem!);
            return false;
        }

        return true;
    }

    /// <summary>The catalog entries named by a <c>--scores</c> list; null, with <paramref name="problem"/> saying why, for an unknown id or an empty list.</summary>
    internal static List<CatalogEntry>? ParseScores(string scoreIds, out string? problem)
    {
        problem = null;
        List<CatalogEntry> scores = [];
        foreach (var id in scoreIds.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (ScoreCatalog.Find(id) is not { } entry)
            {
                problem = $"unknown score '{id}'. Known: {string.Join(", ", ScoreCatalog.All.Select(e => e.Definition.Id))}.";
                return null;
            }

            scores.Add(entry);
        }

        problem = scores.Count == 0 ? "--scores needs at least one score id." : null;
        return problem is null ? scores : null;
    }

    /// <summary>The guideline profile named by <c>--profile</c> (<see cref="GuidelineProfiles.Default"/> when not given); false, with the reason on standard error, for an unknown id.</summary>
    internal static bool TryParseProfile(string? text, out GuidelineProfile profile)
    {
        profile = GuidelineProfiles.Default;
        if (text is null)
        {
            return true;
        }

        if (GuidelineProfiles.Parse(text) is not { } chosen)
        {
            Usage(UnknownProfile(text));
            return false;
        }

        profile = chosen;
        return true;
    }

    /// <summary>The usage error for an <c>--issued</c> that is not an instant.</summary>
    internal static string BadIssued(string text) => $"--issued '{text}' is not YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ.";

    /// <summary>The usage error for a <c>--profile</c> that is not a known profile id.</summary>
    internal static string UnknownProfile(string text) => $"unknown --profile '{text}'. Known: {GuidelineProfiles.AcceptedIds}.";

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

/// <summary>A clock that always answers one instant: the run's (<c>--issued</c>, or now taken once).</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow() => now;
}
