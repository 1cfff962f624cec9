namespace Hepatica.Clinical.Scoring;

/// <summary>
/// One input a score reads: its snapshot path, whether the score needs it (a required input missing makes the score
/// not calculable; an optional one only refines it), and a note for the reader. A plain path converts to a required
/// input without a note, so a definition lists most inputs as their paths.
/// </summary>
/// <param name="Path">The snapshot path, for example <c>labs.bilirubin</c>.</param>
/// <param name="Required">True when the score cannot be computed without it.</param>
/// <param name="Note">When or why it is read, or null.</param>
public sealed record ScoreInput(string Path, bool Required, string? Note = null)
{
    /// <summary>An input the score reads when given and does without otherwise.</summary>
    /// <param name="path">The snapshot path.</param>
    /// <param name="note">What it decides.</param>
    public static ScoreInput Optional(string path, string note) => new(path, false, note);

    /// <summary>A required input without a note.</summary>
    /// <param name="path">The snapshot path (a note in parentheses goes in <see cref="Note"/>).</param>
    public static ScoreInput FromString(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return path.Contains(" (", StringComparison.Ordinal)
            ? throw new ArgumentException($"'{path}' is not a snapshot path: give a note as ScoreInput.Note.", nameof(path))
            : new(path, true);
    }

    /// <summary>A required input without a note (<see cref="FromString"/>).</summary>
    /// <param name="path">The snapshot path.</param>
    public static implicit operator ScoreInput(string path) => FromString(path);

    /// <summary>The input as docs and outputs write it: <c>path</c>, <c>path (note)</c> or <c>path (optional: note)</c>.</summary>
    public override string ToString() => Note is null ? Path : Required ? $"{Path} ({Note})" : $"{Path} (optional: {Note})";
}
