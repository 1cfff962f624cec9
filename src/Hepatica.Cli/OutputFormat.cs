namespace Hepatica.Cli;

/// <summary>Output formats of <c>assess</c>, <c>score</c> and <c>scores</c>.</summary>
internal enum OutputFormat
{
    /// <summary>A readable report.</summary>
    Text,

    /// <summary>The JSON contract (docs/output.md).</summary>
    Json,

    /// <summary>A FHIR R4 Bundle (docs/fhir.md, "Writing"); for <c>scores</c>, the Hepatica score CodeSystem.</summary>
    Fhir,
}
