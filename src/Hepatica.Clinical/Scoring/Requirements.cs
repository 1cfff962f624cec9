namespace Hepatica.Clinical.Scoring;

/// <summary>
/// Gathers a score's inputs from a snapshot and remembers every one that is missing, so the outcome can name
/// them all at once.
/// </summary>
public sealed class Requirements
{
    private readonly List<string> missing = [];

    /// <summary>Snapshot paths of the inputs found missing so far.</summary>
    public IReadOnlyList<string> Missing => missing;

    /// <summary>True when every input asked for was present.</summary>
    public bool AllPresent => missing.Count == 0;

    /// <summary>Returns the value, or records <paramref name="path"/> as missing and returns default.</summary>
    public T Need<T>(T? value, string path)
        where T : struct
    {
        if (value is { } present)
        {
            return present;
        }

        missing.Add(path);
        return default;
    }
}
