using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Hepatica.Clinical.Scoring;
using Hepatica.Store;

namespace Hepatica.Cli.Record;

/// <summary>
/// <c>hepatica ingest PATH... [--store S]</c> (README.md, "The longitudinal record"): each PATH is read into JSON
/// documents (<see cref="IngestInputs"/>), each document parsed into one batch per patient
/// (<see cref="IngestParser"/>), each batch stored whole or not at all (<see cref="IRecordStore.IngestAsync"/>), which
/// re-makes the patient's timeline and alerts. A bad line or a refused batch is reported (ids, issue codes and paths:
/// never a value) and the rest go on.
/// </summary>
internal static class IngestCommand
{
    /// <summary>The <c>ingest</c> command.</summary>
    public static Command Create()
    {
        var paths = new Argument<string[]>("path")
        {
            Arity = ArgumentArity.OneOrMore,
            Description = "What to ingest: a JSON Lines file (.jsonl, .ndjson; - for standard input) with one snapshot (docs/snapshot.md) "
                + "or FHIR document per line; a FHIR Bundle or single resource (.json, any other name); or a FHIR Bulk Data export folder "
                + "(Type.NNN.ndjson), whose resources are grouped by patient into one batch each. A Bulk folder is read twice: memory "
                + "grows with its number of resources (16 bytes each for their positions, plus each patient's id) and with its largest "
                + "patient, not with its size.",
        };
        var store = StoreOption.Create();
        var acks = new Option<bool>("--acks") { Description = "After each batch the store committed, print one line to standard output: ack PATIENT stored=N duplicates=N superseded=N assessments=N alerts-fired=N alerts-updated=N." };
        var noProgress = new Option<bool>("--no-progress") { Description = "Do not draw the progress bar even on a terminal." };
        var profile = new Option<string?>("--profile") { Description = "Guideline profile the timelines are made with: us (the default) or uk (docs/transplant.md)." };
        var ingest = new Command("ingest", "Store snapshots and FHIR resources in the patient record: each patient's arrivals are kept as they came (the same resource twice is stored once), and its timeline and alerts re-made. A summary goes to standard error.")
        {
            paths, store, acks, noProgress, profile,
        };
        ingest.SetAction((parse, ct) => RunAsync(parse.GetValue(paths)!, parse.GetValue(store), parse.GetValue(acks), parse.GetValue(noProgress), parse.GetValue(profile), ct));
        return ingest;
    }

    private static async Task<int> RunAsync(string[] paths, string? storeText, bool acks, bool noProgress, string? profileText, CancellationToken ct)
    {
        if (!Commands.TryParseProfile(profileText, out var profile))
        {
            return ExitCodes.BadInput;
        }

        // Every PATH is checked before anything is stored: a typo does not leave half a run behind.
        if (paths.Count(p => p == "-") > 1)
        {
            return Commands.Usage("standard input (-) can be named once.");
        }

        foreach (var path in paths)
        {
            if (IngestInputs.Problem(path) is { } problem)
            {
                return Commands.Usage(problem);
            }
        }

        if (StoreOption.Resolve(storeText) is not { } location)
        {
            return ExitCodes.BadInput;
        }

        var (opened, code) = await StoreOption.OpenAsync(location, profile, create: true, ct).ConfigureAwait(false);
        if (opened is null)
        {
            return code;
        }

        await using var record = opened;
        var summary = new IngestSummary();
        var clock = Stopwatch.StartNew();
        using var progress = !noProgress && !Console.IsErrorRedirected ? new ProgressBar(paths.Sum(IngestInputs.SizeOf)) : null;
        progress?.Restart(paths.Sum(IngestInputs.SizeOf), "ingest", "batches");
        var bytes = 0L;
        void Problem(string message)
        {
            summary.Unreadable++;
            Console.Error.WriteLine(TerminalText.Escape($"hepatica: {message}"));
        }

        try
        {
            foreach (var path in paths)
            {
                foreach (var document in IngestInputs.Read(path, Problem, n => summary.NotRead += n))
                {
                    // Between batches only: a batch in progress is finished (committed or refused), never cut.
                    ct.ThrowIfCancellationRequested();
                    summary.Documents++;
                    bytes += document.Bytes;
                    await IngestDocumentAsync(record, document, summary, acks, Problem).ConfigureAwait(false);
                    progress?.Report(bytes, summary.Batches);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            Console.Error.WriteLine(TerminalText.Escape($"hepatica: interrupted by {Interrupts.Signal} after {summary.Batches:N0} committed batches: each is stored whole; nothing after them was."));
            Console.Error.WriteLine(TerminalText.EscapeReport(summary.Describe(location.Display, clock.Elapsed)));
            return ExitCodes.Interrupted;
        }

        progress?.Finish(bytes, summary.Batches);
        Console.Error.WriteLine(TerminalText.EscapeReport(summary.Describe(location.Display, clock.Elapsed)));
        return summary.HasProblems ? ExitCodes.SomeLinesFailed : ExitCodes.Ok;
    }

    private static async Task IngestDocumentAsync(IRecordStore record, IngestDocument document, IngestSummary summary, bool acks, Action<string> problem)
    {
        IReadOnlyList<IngestBatch> batches;
        try
        {
            batches = IngestParser.Parse(document.Json, document.Source);
        }
        catch (JsonException e)
        {
            // Not the exception's message: it can quote the input.
            problem($"{document.Where}: not valid JSON{(e.BytePositionInLine is { } at ? $" (at byte {at + 1})" : "")}; nothing of it stored.");
            return;
        }

        if (batches.Count == 0)
        {
            problem($"{document.Where}: nothing to store (no patient found in it).");
            return;
        }

        foreach (var batch in batches)
        {
            if (!batch.IsStorable)
            {
                // A whole input refused before any patient was found (not JSON, no id) has no patient id.
                var patient = batch.PatientId.Length > 0 ? batch.PatientId : SnapshotId(document.Json.Span);
                summary.AddRefused(patient ?? "");
                var whose = patient is not null ? $"patient {patient} refused" : "refused";
                Console.Error.WriteLine(TerminalText.Escape($"hepatica: {document.Where}: {whose}, nothing of it stored: {Codes(batch.Issues)}"));
                continue;
            }

            // Not cancelled by the token: the store's transaction commits or rolls back whole, and is then acknowledged.
            var result = await record.IngestAsync(batch, CancellationToken.None).ConfigureAwait(false);
            summary.Add(result);
            if (result.Refused)
            {
                Console.Error.WriteLine(TerminalText.Escape($"hepatica: {document.Where}: patient {batch.PatientId} refused by the store, nothing of it stored: {Codes(batch.Issues)}"));
            }
            else if (acks)
            {
                Console.Out.WriteLine(IngestSummary.Ack(result));
            }
        }
    }

    /// <summary>
    /// The top-level <c>id</c> of a snapshot the reader refused (it gives no batch with the patient then), when the
    /// document is a JSON object with a string <c>id</c> and no <c>resourceType</c>; else null. Only the id is read.
    /// </summary>
    internal static string? SnapshotId(ReadOnlySpan<byte> json)
    {
        try
        {
            var r = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            if (!r.Read() || r.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            string? id = null;
            while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                if (r.ValueTextEquals("resourceType"u8))
                {
                    return null;
                }

                var isId = r.ValueTextEquals("id"u8);
                r.Read();
                if (isId && r.TokenType == JsonTokenType.String)
                {
                    id = r.GetString();
                }

                r.Skip();
            }

            return id is { Length: > 0 } ? id : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The errors (else the warnings) of a batch as codes and paths, without their messages, which can quote a value
    /// (`hepatica assess` on the same input shows them in full).
    /// </summary>
    private static string Codes(IReadOnlyList<InputIssue> issues)
    {
        var errors = issues.Where(i => i.Severity == IssueSeverity.Error).ToList();
        var shown = (errors.Count > 0 ? errors : issues).Take(10).Select(i => $"{i.Code} {i.Path}").ToList();
        var more = (errors.Count > 0 ? errors.Count : issues.Count) - shown.Count;
        return shown.Count == 0 ? "no resources for a patient" : string.Join(", ", shown) + (more > 0 ? $" and {more} more" : "") + " (hepatica assess on it shows the messages)";
    }
}
