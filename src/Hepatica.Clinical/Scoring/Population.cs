namespace Hepatica.Clinical.Scoring;

/// <summary>
/// A question about the patient's setting that a score's population depends on, answered from the snapshot as true,
/// false, or null when the snapshot does not say (never a guess).
/// </summary>
/// <param name="Name">What is asked, in words, for example <c>acute liver failure</c>.</param>
/// <param name="SettledBy">The snapshot input(s) that settle it when the answer is unknown, for example <c>findings.acuteLiverFailure</c>.</param>
/// <param name="Answer">Reads the answer from a snapshot (see <see cref="PatientContext"/>).</param>
public sealed record ContextQuestion(string Name, string SettledBy, Func<PatientSnapshot, bool?> Answer)
{
    /// <summary>The answer "no" in words (default: "no" and the name), for assumptions and reasons.</summary>
    public string Negation { get; init; } = "no " + Name;

    /// <summary>What a not-applicable reason says the snapshot records when the answer is true (default: the name and where it comes from).</summary>
    public string WhenTrue { get; init; } = Name + " (" + SettledBy + ")";

    /// <summary>What a not-applicable reason says the snapshot records when the answer is false (default: the negation and where it comes from).</summary>
    public string WhenFalse { get; init; } = "no " + Name + " (" + SettledBy + ")";
}

/// <summary>
/// One rule of a score's population: the answer to <paramref name="Question"/> the population requires, with its source.
/// The other answer puts the patient outside (not applicable); no answer is an assumption, stated as a warning.
/// </summary>
/// <param name="Question">The context question.</param>
/// <param name="Required">The answer patients in the population have.</param>
/// <param name="Rule">The rule in words, starting with "for", for example "for chronic liver disease, not acute liver failure".</param>
/// <param name="Source">Where the rule comes from (derivation cohort or governing guideline).</param>
public sealed record PopulationGate(ContextQuestion Question, bool Required, string Rule, Citation Source)
{
    /// <summary>The assumption made when the snapshot does not answer: the question's name, negated when the population requires "no".</summary>
    public string Assumed => Required ? Question.Name : Question.Negation;
}

/// <summary>
/// The patients a score was derived and validated in, as data beside its citations: a sentence, its sources, and the
/// gates Hepatica checks on the snapshot (only those a source supports; the rest of the sentence is for the reader).
/// </summary>
/// <param name="Description">Who the score is for, in one sentence.</param>
/// <param name="Sources">Where the population is described (derivation paper, validation, guideline).</param>
/// <param name="Gates">The rules checked on a snapshot, in order; the first one the snapshot contradicts decides.</param>
public sealed record Population(string Description, IReadOnlyList<Citation> Sources, IReadOnlyList<PopulationGate> Gates)
{
    /// <summary>The placeholder of a definition that declares none (only tests build such definitions; every catalog score declares one).</summary>
    public static readonly Population Undeclared = new("not declared", [], []);

    /// <summary>
    /// The question whose answer must be true for the score to matter to this patient when it cannot be calculated
    /// (for example acute liver failure for the King's College criteria); null when the score matters to every patient
    /// with liver disease. Used to keep the "Not calculated" list of a report to the relevant scores.
    /// </summary>
    public ContextQuestion? RelevantWhen { get; init; }

    /// <summary>
    /// True when a score that was not calculated matters in this patient's context: it has no <see cref="RelevantWhen"/>,
    /// or the snapshot answers it true, or a gate on another question put the patient outside the population (that
    /// reason is news: FIB-4 not applicable in acute hepatitis). False when the setting the score is for is not recorded,
    /// or recorded as absent (King's College criteria without acute liver failure).
    /// </summary>
    /// <param name="snapshot">The patient.</param>
    public bool IsRelevant(PatientSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (RelevantWhen is null || RelevantWhen.Answer(snapshot) is true)
        {
            return true;
        }

        foreach (var gate in Gates)
        {
            if (gate.Question.Answer(snapshot) is { } answer && answer != gate.Required)
            {
                return !ReferenceEquals(gate.Question, RelevantWhen);
            }
        }

        return false;
    }
}
