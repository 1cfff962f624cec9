namespace Hepatica.Clinical.Scoring;

/// <summary>
/// The assumption warnings of one score (<see cref="Applicability.Assumptions"/>, one per population gate) and, for each
/// set of gates a snapshot leaves unanswered, the list of their warnings in gate order, built on first use and then
/// shared: every snapshot with the same unanswered gates gets the same list instead of a new one.
/// </summary>
public sealed class AssumptionSets
{
    /// <summary>The most gates a population may have here (each score has a handful; the sets of 10 are 1,024 lists at most).</summary>
    public const int MaxGates = 10;

    private readonly IReadOnlyList<InputIssue>?[] bySet;

    /// <summary>Wraps the warnings of a score's gates.</summary>
    /// <param name="warnings">One warning per gate, in gate order (<see cref="Applicability.Assumptions"/>).</param>
    public AssumptionSets(IReadOnlyList<InputIssue> warnings)
    {
        ArgumentNullException.ThrowIfNull(warnings);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(warnings.Count, MaxGates, nameof(warnings));
        Warnings = warnings;
        bySet = new IReadOnlyList<InputIssue>?[1 << warnings.Count];
    }

    /// <summary>One warning per gate, in gate order.</summary>
    public IReadOnlyList<InputIssue> Warnings { get; }

    /// <summary>The warnings of the gates whose bits are set in <paramref name="unanswered"/> (bit i: gate i), in gate order.</summary>
    /// <param name="unanswered">A non-empty set of gate indexes, as bits.</param>
    public IReadOnlyList<InputIssue> Of(int unanswered)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(unanswered);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(unanswered, bySet.Length);
        if (bySet[unanswered] is { } cached)
        {
            return cached;
        }

        var list = new List<InputIssue>();
        for (var i = 0; i < Warnings.Count; i++)
        {
            if ((unanswered & (1 << i)) != 0)
            {
                list.Add(Warnings[i]);
            }
        }

        // A race only builds the same list twice; a reference write is atomic.
        bySet[unanswered] = list;
        return list;
    }
}
