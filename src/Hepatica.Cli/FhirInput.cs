using Hepatica.Clinical;
using Hepatica.Clinical.Scoring;
using Hepatica.Fhir;
using Hepatica.Json;

namespace Hepatica.Cli;

/// <summary>
/// The text report's FHIR sections (docs/fhir.md): what FHIR would fill each missing input, and with <c>--explain</c>
/// the resource behind each value, read by <see cref="InputReader"/>.
/// </summary>
internal static class FhirInput
{
    /// <summary>
    /// One line per input the report names as missing (scores not calculated, transplant, immunity, prevention) that
    /// the FHIR reader can fill: its snapshot path and what to supply (<see cref="FhirInputCodes.For"/>); empty when none.
    /// </summary>
    public static string RenderToSupply(Assessment assessment)
    {
        var missing = assessment.Outcomes.Where(o => o.Status == OutcomeStatus.NotCalculable).SelectMany(o => o.Missing)
            .Concat(assessment.Transplant.Missing).Concat(assessment.Immunity.Missing).Concat(assessment.Prevention.Missing)
            .Distinct(StringComparer.Ordinal)
            .Select(path => (path, text: FhirInputCodes.For(path)))
            .Where(x => x.text is not null)
            .ToList();
        if (missing.Count == 0)
        {
            return "";
        }

        var sb = new System.Text.StringBuilder();
        sb.AppendLine().AppendLine("To supply in FHIR (missing inputs the reader can fill)");
        foreach (var (path, text) in missing)
        {
            sb.Append("  ").Append(TerminalText.Escape(path)).Append(": ").AppendLine(text);
        }

        return sb.ToString();
    }

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
