using Hepatica.Json;

namespace Hepatica.Cli;

/// <summary><c>assess --explain</c> on FHIR input (docs/fhir.md): the resource behind each value, read by <see cref="Fhir.InputReader"/>.</summary>
internal static class FhirInput
{
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
