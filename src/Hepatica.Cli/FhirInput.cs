using Hepatica.Clinical;
using Hepatica.Clinical.Scoring;
using Hepatica.Fhir;
using Hepatica.Json;

namespace Hepatica.Cli;

/// <summary>What <c>assess</c> read: the snapshot (null when unreadable), its issues and, for FHIR input, where each value came from.</summary>
/// <param name="Snapshot">The snapshot, or null when the input is unreadable.</param>
/// <param name="Issues">Every issue found.</param>
/// <param name="Sources">FHIR input: the resource behind each value; empty for a snapshot document.</param>
/// <param name="AsOf">FHIR input: the instant it was read as of; null for a snapshot document.</param>
internal sealed record InputRead(PatientSnapshot? Snapshot, IReadOnlyList<InputIssue> Issues, IReadOnlyList<FhirSource> Sources, DateTimeOffset? AsOf = null)
{
    /// <summary>True when the input was a FHIR document.</summary>
    public bool IsFhir => AsOf is not null;
}

/// <summary>
/// Chooses the reader for <c>assess</c>: a JSON object with a top-level <c>resourceType</c> is FHIR (docs/fhir.md),
/// anything else the snapshot contract (docs/snapshot.md). FHIR is read as of <c>--as-of</c>, default now.
/// </summary>
internal static class FhirInput
{
    public static InputRead Read(byte[] bytes, string? asOfText, TimeProvider clock)
    {
        if (!FhirSnapshotReader.LooksLikeFhir(bytes))
        {
            if (asOfText is not null)
            {
                return new InputRead(null, [InputIssue.Error(IssueCodes.InvalidValue, "--as-of", "--as-of applies to FHIR input; a snapshot document gives its own assessmentDate.")], []);
            }

            var read = SnapshotReader.Read(bytes);
            return new InputRead(read.Snapshot, read.Issues, []);
        }

        if (!TryParseAsOf(asOfText, clock, out var asOf))
        {
            return new InputRead(null, [InputIssue.Error(IssueCodes.InvalidValue, "--as-of", $"'{asOfText}' is not {AsOfText.Accepted}.")], []);
        }

        var fhir = FhirSnapshotReader.Read(bytes, asOf);
        return new InputRead(fhir.Snapshot, fhir.Issues, fhir.Sources, asOf);
    }

    /// <summary>The as-of instant (<see cref="AsOfText"/>): a date alone is the end of that day in UTC; no value means now.</summary>
    internal static bool TryParseAsOf(string? text, TimeProvider clock, out DateTimeOffset asOf) => AsOfText.TryParse(text, clock, out asOf);

    /// <summary>The <c>--explain</c> section: one line per FHIR resource used.</summary>
    public static string RenderSources(IReadOnlyList<FhirSource> sources)
    {
        if (sources.Count == 0)
        {
            return "";
        }

        var sb = new System.Text.StringBuilder();
        sb.AppendLine().AppendLine("Sources (FHIR)");
        foreach (var s in sources)
        {
            sb.Append("  ").AppendLine(TerminalText.Escape(s.ToString())); // ids, codes and units as the input gave them
        }

        return sb.ToString();
    }
}
