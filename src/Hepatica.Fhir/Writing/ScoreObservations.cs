using Hepatica.Clinical.Scoring;
using Hl7.Fhir.Model;

namespace Hepatica.Fhir.Writing;

/// <summary>
/// A calculated score as an Observation (reference fhir-cds-hooks.md §4): code from the Hepatica score CodeSystem,
/// the value, one component per term or points item of the breakdown, the category, the unrounded value and the extras,
/// the method (id and version), derivedFrom the input Observations, and notes for every bound applied, every warning,
/// the rounding rule and the citations.
/// </summary>
internal static class ScoreObservations
{
    /// <summary>Scores whose value is an ordinal grade (valueInteger).</summary>
    private static readonly HashSet<string> Grades = new([Clinical.Scores.AclfGrade.Definition.Id, Clinical.Scores.IciHepatitisGrade.Definition.Id], StringComparer.Ordinal);

    /// <summary>A calculated score as a final Observation.</summary>
    public static ResourceReference Write(ScoreResult result, BundleScope scope)
    {
        var def = result.Definition;
        var observation = Shell(def, scope, ObservationStatus.Final, ValueOf(result));

        foreach (var step in result.Steps)
        {
            if (step.Kind is StepKind.Term or StepKind.Points && step.Value is { } v)
            {
                observation.Component.Add(Component(step.Kind == StepKind.Term ? "term" : "points", step.Label, ScoreQuantity(v)));
            }
        }

        if (result.Category is { } category)
        {
            observation.Component.Add(Component("category", "category", new CodeableConcept { Text = category }));
        }

        if (result.Unrounded is { } unrounded)
        {
            observation.Component.Add(Component("unrounded", "value before rounding and bounds", ScoreQuantity(unrounded)));
        }

        foreach (var (key, value) in result.Extras)
        {
            observation.Component.Add(Component("extra", key, new Quantity { Value = Number(value) }));
        }

        foreach (var step in result.Steps)
        {
            if (step.Kind is StepKind.Floor or StepKind.Cap or StepKind.Substitution or StepKind.Bound)
            {
                observation.Note.Add(new Annotation { Text = $"Bound applied ({step.Label}): {step.Detail}" });
            }
        }

        foreach (var warning in result.Warnings)
        {
            observation.Note.Add(new Annotation { Text = $"Warning {warning.Code} ({warning.Path}): {warning.Message}" });
        }

        observation.Note.Add(new Annotation { Text = "Rounding: " + def.Rounding });
        observation.Note.Add(new Annotation { Text = "Sources: " + Citations(def.Citations) });
        return scope.Add(observation, "Observation", def.Id);
    }

    /// <summary>What every score Observation carries: status, categories, code, subject, times, value, method, device, inputs.</summary>
    private static Observation Shell(ScoreDefinition def, BundleScope scope, ObservationStatus status, DataType value) => new()
    {
        Status = status,
        Category =
        [
            new CodeableConcept(HepaticaSystems.Hl7ObservationCategory, "survey", "Survey", null),
            new CodeableConcept(HepaticaSystems.ObservationCategory, "clinical-score", "Clinical score", null),
        ],
        Code = Code(def),
        Subject = scope.Subject,
        Effective = scope.Effective,
        Issued = scope.Issued,
        Value = value,
        Method = Method(def),
        Device = scope.Device,
        DerivedFrom = scope.ObservationsFor(def.Inputs.Select(i => i.Path)),
    };

    /// <summary>
    /// A ranged score (issue 11 s.2; docs/fhir.md): an Observation with status <c>preliminary</c> (the data are
    /// incomplete), <c>valueRange</c> from the lowest to the highest value in {score}, one <c>alternative</c> component
    /// per combination of the missing findings (its display the values assumed, its value the result), and notes with
    /// the range in words and the inputs that settle it.
    /// </summary>
    public static ResourceReference WriteRange(ScoreDefinition def, ScoreRange range, BundleScope scope)
    {
        var observation = Shell(def, scope, ObservationStatus.Preliminary,
            new Hl7.Fhir.Model.Range { Low = ScoreQuantity(range.Minimum), High = ScoreQuantity(range.Maximum) });

        foreach (var a in range.Alternatives)
        {
            if (a.Outcome.Result is { } r)
            {
                observation.Component.Add(Component("alternative", a.Words, ValueOf(r)));
            }
        }

        observation.Note.Add(new Annotation { Text = $"Range: {def.Name} {RangeText.Line(def, range)}" });
        observation.Note.Add(new Annotation { Text = "Settled by: " + string.Join(", ", range.SettledBy) });
        if (range.Immaterial.Count > 0)
        {
            observation.Note.Add(new Annotation { Text = "Not given, did not matter: " + string.Join(", ", range.Immaterial) });
        }

        observation.Note.Add(new Annotation { Text = "Rounding: " + def.Rounding });
        observation.Note.Add(new Annotation { Text = "Sources: " + Citations(def.Citations) });
        return scope.Add(observation, "Observation", def.Id);
    }

    /// <summary>
    /// LOINC codes for a score, only where verified against LOINC's own record (issue 16; docs/fhir.md, "LOINC for
    /// scores"): AUDIT-C total score 75626-2, "Total score [AUDIT-C]" (loinc.org/75626-2: component Total score,
    /// property Score, Pt, ^Patient, Qn, method AUDIT-C, example unit {score}, active). The codes reported for MELD
    /// (44760-7), MELD-Na (100348-2), FIB-4 (98488-0) and APRI (86465-2) were found only on third-party copies, not on
    /// loinc.org or in a LOINC release, so they are not written; 98153-0 is a Child-Pugh PANEL (an order code), not a score.
    /// </summary>
    internal static readonly IReadOnlyDictionary<string, (string Code, string Display)> Loinc = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        [Clinical.Scores.AuditC.Definition.Id] = ("75626-2", "Total score [AUDIT-C]"),
    };

    /// <summary>The score's code: Hepatica score CodeSystem, code = score id, display = name (always); the verified LOINC code beside it; text = name.</summary>
    public static CodeableConcept Code(ScoreDefinition def)
    {
        var code = new CodeableConcept(HepaticaSystems.Scores, def.Id, def.Name, def.Name);
        if (Loinc.TryGetValue(def.Id, out var loinc))
        {
            code.Coding.Add(new Coding(HepaticaSystems.Loinc, loinc.Code, loinc.Display));
        }

        return code;
    }

    /// <summary>The algorithm: the score id and version, with its sources.</summary>
    public static CodeableConcept Method(ScoreDefinition def) => new()
    {
        Coding = [new Coding(HepaticaSystems.Scores, def.Id, def.Name)],
        Text = $"{def.Id} version {def.Version} (Hepatica {HepaticaSystems.EngineVersion}; {string.Join("; ", def.Citations.Select(c => c.Key))})",
    };

    /// <summary>valueInteger for grades, valueBoolean for criteria met (1) or not (0), else valueQuantity in {score}.</summary>
    public static DataType ValueOf(ScoreResult result)
    {
        var id = result.Definition.Id;
        if (Grades.Contains(id))
        {
            return new Integer((int)result.Value);
        }

        return Hepatica.Clinical.Scoring.Criteria.IsCriteria(result.Definition) ? new FhirBoolean(result.Value == 1m) : ScoreQuantity(result.Value);
    }

    /// <summary>Citations as one line: "Key: reference (url)".</summary>
    public static string Citations(IEnumerable<Citation> citations) =>
        string.Join(" | ", citations.Select(c => c.Url is null ? $"{c.Key}: {c.Reference}" : $"{c.Key}: {c.Reference} {c.Url}"));

    /// <summary>A value in the UCUM unit {score}.</summary>
    public static Quantity ScoreQuantity(decimal value) =>
        new() { Value = Number(value), Unit = "{score}", System = HepaticaSystems.Ucum, Code = "{score}" };

    /// <summary>To 6 decimals (half away from zero), without trailing zeros, as the JSON contract writes numbers.</summary>
    public static decimal Number(decimal value) =>
        ClinicalMath.RoundHalfAwayFromZero(value, 6) / 1.000000000000000000000000000000000m;

    private static Observation.ComponentComponent Component(string kind, string label, DataType value) => new()
    {
        Code = new CodeableConcept(HepaticaSystems.ScoreComponent, kind, null, label),
        Value = value,
    };
}
