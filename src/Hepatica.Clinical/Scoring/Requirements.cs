namespace Hepatica.Clinical.Scoring;

/// <summary>
/// Gathers a score's inputs from a snapshot and remembers every one that is missing, so the outcome can name
/// them all at once. A mutable struct used as a local: it allocates only when something is missing.
/// </summary>
public struct Requirements
{
    private List<string>? missing;

    /// <summary>Snapshot paths of the inputs found missing so far.</summary>
    public readonly IReadOnlyList<string> Missing => (IReadOnlyList<string>?)missing ?? [];

    /// <summary>True when every input asked for was present.</summary>
    public readonly bool AllPresent => missing is null;

    /// <summary>
    /// Calculated from <paramref name="inputs"/> when every input was present, else not calculable naming every
    /// missing one. Pass the score's <c>Calculate</c> as a method group: nothing is captured, nothing allocated.
    /// </summary>
    public readonly ScoreOutcome Outcome<TInputs>(ScoreDefinition definition, TInputs inputs, bool recordSteps, Func<TInputs, bool, ScoreResult> calculate)
    {
        ArgumentNullException.ThrowIfNull(calculate);
        return AllPresent ? ScoreOutcome.Calculated(calculate(inputs, recordSteps)) : ScoreOutcome.NotCalculable(definition, Missing);
    }

    /// <summary>Returns the value, or records <paramref name="path"/> as missing and returns default.</summary>
    public T Need<T>(T? value, string path)
        where T : struct
    {
        if (value is { } present)
        {
            return present;
        }

        (missing ??= new List<string>(4)).Add(path);
        return default;
    }
}
