using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Serology;

/// <summary>
/// One reading of a viral hepatitis panel: decision support for the clinician, with a plain-language text for the
/// patient that never replaces the clinician's.
/// </summary>
/// <param name="Topic">What is interpreted: <c>hepatitis-b</c>, <c>hepatitis-b-phase</c>, <c>hepatitis-c</c>,
/// <c>hepatitis-a</c>, <c>hepatitis-d</c> or <c>hepatitis-e</c>.</param>
/// <param name="Category">Stable kebab-case category id, e.g. <c>hbv-immune-vaccination</c> (docs/serology.md lists them).</param>
/// <param name="Clinician">The interpretation for a clinician, with its caveats.</param>
/// <param name="Patient">The same in plain words for the patient.</param>
/// <param name="Inputs">Snapshot paths of the tests and labs used, e.g. <c>serology.hbsag</c>.</param>
/// <param name="NextTests">Tests to order next to settle or complete the interpretation, each with its reason; empty when none.</param>
/// <param name="Sources">The guidelines the reading follows.</param>
public sealed record SerologyInterpretation(
    string Topic,
    string Category,
    string Clinician,
    string Patient,
    IReadOnlyList<string> Inputs,
    IReadOnlyList<string> NextTests,
    IReadOnlyList<Citation> Sources)
{
    /// <summary>True when the tests given contradict each other (category ends in <c>-contradictory</c>).</summary>
    public bool IsContradictory => Category.EndsWith("-contradictory", StringComparison.Ordinal);
}

/// <summary>The viral hepatitis section of an assessment, in a fixed order: B, B phase, D, C, A, E.</summary>
/// <param name="Interpretations">The readings; empty when the snapshot has no <c>serology</c>.</param>
public sealed record SerologySection(IReadOnlyList<SerologyInterpretation> Interpretations)
{
    /// <summary>Nothing to read (no serology given).</summary>
    public static readonly SerologySection None = new([]);
}
