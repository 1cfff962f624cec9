using Hepatica.Clinical;
using Hepatica.Clinical.Scoring;
using Hepatica.Fhir.Terminology;
using Hepatica.Fhir.Writing;

namespace Hepatica.Cli;

/// <summary>
/// <c>--format fhir</c>: the assessment as a FHIR R4 Bundle, unreadable input as an OperationOutcome with every issue,
/// <c>scores --format fhir</c> as the Hepatica score CodeSystem, and <c>fhir-terminology</c>: every conformance resource
/// as files (docs/fhir.md, "Writing", "Codes written").
/// </summary>
internal static class FhirOutput
{
    /// <summary>
    /// Writes the Bundle. FHIR input: the subject is <c>Patient/{id}</c> and derivedFrom names the input Observations.
    /// Snapshot input has neither: the Bundle carries a local Patient standing for the snapshot, and no derivedFrom.
    /// </summary>
    public static void WriteBundle(Assessment assessment, FhirWriteContext context) =>
        Console.Out.WriteLine(FhirAssessmentWriter.ToJson(FhirAssessmentWriter.Write(assessment, context), indented: true));

    /// <summary>Every issue of an unreadable input as one OperationOutcome on standard output.</summary>
    public static void WriteUnreadable(IReadOnlyList<InputIssue> issues, Hepatica.Fhir.InputResources resources) =>
        Console.Out.WriteLine(FhirAssessmentWriter.ToJson(FhirAssessmentWriter.ToOperationOutcome(issues, resources), indented: true));

    /// <summary>The score CodeSystem (committed as docs/fhir/CodeSystem-hepatica-scores.json).</summary>
    public static void WriteCodeSystem() =>
        Console.Out.WriteLine(FhirAssessmentWriter.ToJson(ScoreCodeSystem.Build(), indented: true));

    /// <summary>
    /// <c>hepatica fhir-terminology --out DIR [--force]</c>: writes every conformance resource
    /// (<see cref="ConformanceResources.All"/>) to <paramref name="folder"/> (created if missing, inside an existing parent), one file each. A file
    /// whose content is already the generated one is left untouched; one that differs is replaced only with
    /// <paramref name="force"/>, else the run refuses before writing anything (exit 2). Each file is written to a temp
    /// beside it and renamed over it (decision 0006, <see cref="SafeOutput"/>): all temps first, then the renames, which
    /// a signal does not interrupt; an interrupted or failed run removes its temps and leaves every file whole.
    /// </summary>
    public static int WriteTerminology(string folder, bool force, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var dir = FileFacts.Of(folder);
        if (dir.Kind is not (FileKind.Directory or FileKind.Missing))
        {
            return Commands.Usage($"--out {folder} is not a folder. Nothing was written.");
        }

        var files = ConformanceResources.All()
            .Select(r => (r.FileName, Bytes: System.Text.Encoding.UTF8.GetBytes(FhirAssessmentWriter.ToJson(r.Resource, indented: true) + "\n")))
            .ToList();
        var pending = new List<(string FileName, byte[] Bytes, FileFacts Target)>();
        var refused = new List<string>();
        var unchanged = 0;
        foreach (var (name, bytes) in files)
        {
            var target = dir.Kind == FileKind.Missing
                ? new FileFacts(Path.Join(folder, name), Path.Join(Path.GetFullPath(folder), name), FileKind.Missing, null)
                : FileFacts.Of(Path.Join(folder, name));
            if (target.Kind is FileKind.Directory or FileKind.Other)
            {
                return Commands.Usage($"{target.Name} exists and is not a regular file. Nothing was written.");
            }

            if (target.Kind == FileKind.Regular && File.ReadAllBytes(target.Resolved).AsSpan().SequenceEqual(bytes))
            {
                unchanged++;
                continue;
            }

            if (target.Kind == FileKind.Regular && !force)
            {
                refused.Add(name);
            }

            pending.Add((name, bytes, target));
        }

        if (refused.Count > 0)
        {
            return Commands.Usage($"{string.Join(", ", refused)} in {folder} differ from what this version generates; nothing was written. Run again with --force to replace them.");
        }

        if (dir.Kind == FileKind.Missing)
        {
            Directory.CreateDirectory(folder);
        }

        var outputs = new List<SafeOutput>();
        try
        {
            foreach (var (_, bytes, target) in pending)
            {
                ct.ThrowIfCancellationRequested();
                var output = SafeOutput.Open(dir.Kind == FileKind.Missing ? FileFacts.Of(target.Name) : target); // the folder exists now: resolve it
                outputs.Add(output);
                output.Stream.Write(bytes);
            }

            ct.ThrowIfCancellationRequested();
            foreach (var output in outputs)
            {
                output.Commit(); // not cancelled from here on: every temp is whole
                if (output.Target.Kind == FileKind.Missing && !OperatingSystem.IsWindows())
                {
                    // Published definitions, not health data: readable by all, as a file the operator created would be.
                    File.SetUnixFileMode(output.Target.Resolved, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
                }
            }
        }
        catch (OperationCanceledException) when (Interrupts.Signal is { } signal)
        {
            Console.Error.WriteLine($"hepatica: interrupted by {signal}; no file in {folder} was replaced.");
            return ExitCodes.Interrupted;
        }
        finally
        {
            foreach (var output in outputs)
            {
                output.Dispose();
            }
        }

        foreach (var (name, _, target) in pending)
        {
            Console.Out.WriteLine($"{(target.Kind == FileKind.Missing ? "created " : "replaced")} {Path.Join(folder, name)}");
        }

        Console.Out.WriteLine($"{pending.Count} written, {unchanged} unchanged, in {folder}.");
        return ExitCodes.Ok;
    }
}
