using Hepatica.Clinical.Findings;

namespace Hepatica.Clinical.Scoring;

/// <summary>One value a small-domain finding can take, and how to set it on a snapshot.</summary>
/// <param name="Text">The value as the snapshot JSON spells it (<c>true</c>, <c>mild</c>, <c>2</c>, <c>female</c>).</param>
/// <param name="Label">The value in words, for a clinician (<c>with dialysis</c>, <c>ascites mild</c>).</param>
/// <param name="Apply">Returns the snapshot with the finding set to this value.</param>
public sealed record DomainValue(string Text, string Label, Func<PatientSnapshot, PatientSnapshot> Apply);

/// <summary>A finding with a small domain: its snapshot path and every value it can take, in order.</summary>
/// <param name="Path">Snapshot path, as the scores name it when it is missing.</param>
/// <param name="Values">Every value, lowest (or absent) first.</param>
public sealed record SmallDomain(string Path, IReadOnlyList<DomainValue> Values);

/// <summary>
/// The findings a score may be evaluated over when they are missing (issue 11 s.2: a range instead of a blank, never a
/// default): bedside yes/no findings and graded findings that modify a score computed from labs. Not here, on purpose:
/// labs and other numbers (a missing lab stays "not calculable"), and the items of questionnaire and work-up scores
/// (RUCAM, the simplified AIH criteria, AUDIT-C answers, King's College's cause of acute liver failure), which are the
/// score itself: ranging over them would report most of the score's scale, not one patient's score.
/// </summary>
public static class SmallDomains
{
    /// <summary>At most this many combinations of missing findings are evaluated for one score; beyond it the score is
    /// not calculable and names every missing finding (Child-Pugh's ascites × encephalopathy × cholestatic disease is 3 × 5 × 2 = 30).</summary>
    public const int MaxCombinations = 64;

    /// <summary>Every small-domain finding, by path.</summary>
    public static readonly IReadOnlyDictionary<string, SmallDomain> ByPath = Build(
        Bool(SnapshotKeys.Findings.DialysisTwiceInPastWeek, "dialysis", (s, v) => s with { Findings = s.Findings with { DialysisTwiceInPastWeek = v } }),
        new SmallDomain(SnapshotKeys.Findings.Ascites,
        [
            Value("none", "no ascites", s => s with { Findings = s.Findings with { Ascites = Ascites.None } }),
            Value("mild", "mild ascites", s => s with { Findings = s.Findings with { Ascites = Ascites.Mild } }),
            Value("moderate-severe", "moderate-severe ascites", s => s with { Findings = s.Findings with { Ascites = Ascites.ModerateSevere } }),
        ]),
        new SmallDomain(SnapshotKeys.Findings.EncephalopathyGrade,
        [
            .. Enumerable.Range(0, EncephalopathyGrade.MaximumGrade + 1).Select(g => Value(
                g.ToString(System.Globalization.CultureInfo.InvariantCulture),
                g == 0 ? "no encephalopathy" : $"encephalopathy grade {g}",
                s => s with { Findings = s.Findings with { Encephalopathy = EncephalopathyGrade.FromWestHaven(g) } })),
        ]),
        Bool(SnapshotKeys.Findings.CholestaticLiverDisease, "cholestatic disease", (s, v) => s with { Findings = s.Findings with { CholestaticLiverDisease = v } }),
        Bool(SnapshotKeys.Findings.RenalReplacementTherapy, "renal replacement therapy", (s, v) => s with { Findings = s.Findings with { RenalReplacementTherapy = v } }),
        Bool(SnapshotKeys.Findings.Vasopressors, "vasopressors", (s, v) => s with { Findings = s.Findings with { Vasopressors = v } }),
        Bool(SnapshotKeys.Findings.MechanicalVentilation, "mechanical ventilation", (s, v) => s with { Findings = s.Findings with { MechanicalVentilation = v } }),
        Bool(SnapshotKeys.Findings.VentilationForEncephalopathy, "ventilation for encephalopathy", (s, v) => s with { Findings = s.Findings with { VentilationForEncephalopathy = v } }),
        Bool(SnapshotKeys.Findings.GrowthFailure, "growth failure", (s, v) => s with { Findings = s.Findings with { GrowthFailure = v } }),
        Bool(SnapshotKeys.Findings.DiabetesOrImpairedFastingGlucose, "diabetes or impaired fasting glucose", (s, v) => s with { Findings = s.Findings with { DiabetesOrImpairedFastingGlucose = v } }),
        new SmallDomain(SnapshotKeys.Sex,
        [
            Value("female", "female", s => s with { Sex = Sex.Female }),
            Value("male", "male", s => s with { Sex = Sex.Male }),
        ]));

    private static SmallDomain Bool(string path, string words, Func<PatientSnapshot, bool, PatientSnapshot> set) => new(path,
    [
        Value("false", "without " + words, s => set(s, false)),
        Value("true", "with " + words, s => set(s, true)),
    ]);

    private static DomainValue Value(string text, string label, Func<PatientSnapshot, PatientSnapshot> apply) => new(text, label, apply);

    private static Dictionary<string, SmallDomain> Build(params SmallDomain[] domains) => domains.ToDictionary(d => d.Path, StringComparer.Ordinal);
}
