namespace Hepatica.Fhir.Terminology;

/// <summary>One concept of a Hepatica code system: the code the engine writes, a short display and a definition.</summary>
/// <param name="Code">The code, exactly as written in FHIR output (case-sensitive).</param>
/// <param name="Display">A short human-readable name.</param>
/// <param name="Definition">What the code means, in one or two sentences.</param>
public sealed record LocalConcept(string Code, string Display, string Definition);
