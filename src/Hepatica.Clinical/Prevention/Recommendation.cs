using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Prevention;

/// <summary>Where a recommendation stands on the assessment date.</summary>
public enum RecommendationStatus
{
    /// <summary>Give (or do) now: <c>due-now</c>.</summary>
    DueNow,

    /// <summary>Next dose due on <see cref="Recommendation.DueOn"/>: <c>due-on</c>.</summary>
    DueOn,

    /// <summary>Series complete or immune: <c>complete</c>.</summary>
    Complete,

    /// <summary>Not recommended for this patient (already infected, outside the indication): <c>not-recommended</c>.</summary>
    NotRecommended,

    /// <summary>A caution (live vaccines under immunosuppression): <c>caution</c>.</summary>
    Caution,

    /// <summary>
    /// Indicated, but not now: give after recovery from a moderate or severe acute illness (acute liver failure, ACLF
    /// grade 2-3, intensive care), a precaution to every vaccine (ACIP General Best Practice Guidelines): <c>after-recovery</c>.
    /// </summary>
    AfterRecovery,
}

/// <summary>One item of the prevention plan, with its source and two texts.</summary>
/// <param name="Id">Stable id: <c>hepatitis-a</c>, <c>hepatitis-b</c>, <c>hepatitis-b-anti-hbs-test</c>, <c>pneumococcal</c>, <c>influenza</c>, <c>zoster</c>, <c>tdap-td</c>, <c>live-vaccines</c>, <c>hepatitis-b-screening</c>, <c>alcohol</c>, <c>adult-schedule</c>.</param>
/// <param name="Status">Where it stands on the assessment date.</param>
/// <param name="DueOn">The date the next dose is due (status <c>due-on</c>; for <c>complete</c>, when a repeat is due, if ever).</param>
/// <param name="Clinician">For the clinician: what, why, and the schedule.</param>
/// <param name="Patient">The same in plain language for the patient.</param>
/// <param name="Source">The ACIP recommendation (MMWR) or guideline.</param>
public sealed record Recommendation(string Id, RecommendationStatus Status, DateOnly? DueOn, string Clinician, string Patient, Citation Source);

/// <summary>The prevention plan of an assessment.</summary>
/// <param name="Items">The recommendations, in a fixed order (hepatitis A, hepatitis B, pneumococcal, influenza, zoster, Tdap/Td, cautions, lifestyle).</param>
/// <param name="Missing">Snapshot paths that would decide further items.</param>
public sealed record PreventionSection(IReadOnlyList<Recommendation> Items, IReadOnlyList<string> Missing)
{
    /// <summary>Nothing to report.</summary>
    public static readonly PreventionSection None = new([], []);

    /// <summary>True when there is nothing to show.</summary>
    public bool IsEmpty => Items.Count == 0 && Missing.Count == 0;
}
