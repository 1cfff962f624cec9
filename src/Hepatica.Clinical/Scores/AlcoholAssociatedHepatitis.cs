using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Scores;

/// <summary>
/// The population rule shared by the alcohol-associated hepatitis scores (Maddrey, Lille, GAHS, ABIC): each was derived
/// and validated in patients with alcohol-associated hepatitis, and its cut-offs mean nothing outside it (an ABIC of 9
/// in acetaminophen poisoning is not a prognosis). <c>findings.alcoholAssociatedHepatitis</c> false: not applicable.
/// Not given: the score is calculated (the inputs may come from a patient being worked up) with a PAT001 warning that
/// the diagnosis is not stated. True: calculated without the warning.
/// </summary>
internal static class AlcoholAssociatedHepatitis
{
    /// <summary>Not applicable when the snapshot says the patient does not have alcohol-associated hepatitis.</summary>
    public static ScoreOutcome? NotApplicable(PatientSnapshot snapshot, ScoreDefinition definition) =>
        snapshot.Findings.AlcoholAssociatedHepatitis is false
            ? ScoreOutcome.NotApplicable(definition, "validated in alcohol-associated hepatitis only; findings.alcoholAssociatedHepatitis is false.")
            : null;

    /// <summary>The calculated outcome, with a PAT001 warning when the diagnosis is not stated.</summary>
    public static ScoreOutcome Calculated(PatientSnapshot snapshot, ScoreResult result)
    {
        if (snapshot.Findings.AlcoholAssociatedHepatitis is null)
        {
            result = result with
            {
                Warnings = [.. result.Warnings, InputIssue.Warning(IssueCodes.UnusualPatient, "findings.alcoholAssociatedHepatitis",
                    $"{result.Definition.Name} is validated only in alcohol-associated hepatitis, which the snapshot does not state; read it only if the patient has it.")],
            };
        }

        return ScoreOutcome.Calculated(result);
    }
}
