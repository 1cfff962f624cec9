namespace Hepatica.Clinical.Course;

/// <summary>
/// One instant of a patient's course, as the trend and alert rules read it (docs/course.md): the values of the scores
/// and analytes the rules follow, and the clinical facts they watch (decompensation, organ failures, ACLF grade,
/// hepatitis B markers, immunosuppression), taken from the snapshot and the assessment made as of that instant.
/// Built only by <see cref="Of"/>, so every rule reads the same facts the same way.
/// </summary>
/// <param name="At">The as-of instant of the assessment this point is taken from.</param>
/// <param name="Values">Numeric values by <see cref="CourseValues"/> key (MELD 3.0, MELD-Na, bilirubin in mg/dL...); a key is absent when the value is not known at <paramref name="At"/>.</param>
/// <param name="Facts">Clinical facts known true at <paramref name="At"/>, by <see cref="CourseFacts"/> key.</param>
/// <param name="Evidence">For each key of <paramref name="Values"/> or <paramref name="Facts"/>, what it was taken from (a snapshot path, a resource), for the trend fact's source.</param>
public sealed record CoursePoint(
    DateTimeOffset At,
    IReadOnlyDictionary<string, decimal> Values,
    IReadOnlySet<string> Facts,
    IReadOnlyDictionary<string, string> Evidence)
{
    /// <summary>
    /// The point of the course an assessment gives: its snapshot's values and facts as of <paramref name="at"/>
    /// (docs/course.md, "Points"). Scores are read from the assessment's outcomes, never re-computed: only a calculated
    /// outcome gives a value (a ranged or not calculable score leaves its key absent). Labs are read in the unit each
    /// <see cref="CourseValues"/> key names. A fact is present only when the snapshot says it is true; the "known
    /// false" side of a fact the rules compare over time has its own key (<see cref="CourseFacts.Compensated"/>,
    /// <see cref="CourseFacts.HbsAgNegative"/>, <see cref="CourseFacts.HbvDnaUndetectable"/>,
    /// <see cref="CourseValues.OrganFailures"/>), so a missing finding is never read as a negative one.
    /// </summary>
    /// <param name="snapshot">The snapshot assessed.</param>
    /// <param name="assessment">The assessment made of it as of <paramref name="at"/>.</param>
    /// <param name="at">The as-of instant.</param>
    public static CoursePoint Of(PatientSnapshot snapshot, Assessment assessment, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(assessment);
        var values = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        var facts = new SortedSet<string>(StringComparer.Ordinal);
        var evidence = new SortedDictionary<string, string>(StringComparer.Ordinal);
        CoursePointReader.Read(snapshot, assessment, values, facts, evidence);
        return new CoursePoint(at, values, facts, evidence);
    }
}

/// <summary>The keys of <see cref="CoursePoint.Values"/>.</summary>
public static class CourseValues
{
    /// <summary>MELD 3.0 (OPTN 2023), points.</summary>
    public const string Meld3 = "meld3";

    /// <summary>MELD-Na (OPTN 2016), points.</summary>
    public const string MeldNa = "meldNa";

    /// <summary>Child-Pugh, points.</summary>
    public const string ChildPugh = "childPugh";

    /// <summary>Total bilirubin, mg/dL.</summary>
    public const string Bilirubin = "bilirubin";

    /// <summary>Creatinine, mg/dL.</summary>
    public const string Creatinine = "creatinine";

    /// <summary>INR.</summary>
    public const string Inr = "inr";

    /// <summary>Sodium, mmol/L.</summary>
    public const string Sodium = "sodium";

    /// <summary>Albumin, g/dL.</summary>
    public const string Albumin = "albumin";

    /// <summary>ALT, U/L.</summary>
    public const string Alt = "alt";

    /// <summary>HBV DNA, IU/mL.</summary>
    public const string HbvDna = "hbvDna";

    /// <summary>ACLF grade (CLIF-C, 0-3).</summary>
    public const string AclfGrade = "aclfGrade";

    /// <summary>Number of organ failures (Moreau 2013 definitions, from the CLIF-C OF outcome): present whenever the organs were assessed, so an absent <c>organFailure:</c> fact with this key present means the organ did not fail.</summary>
    public const string OrganFailures = "organFailures";
}

/// <summary>The keys of <see cref="CoursePoint.Facts"/>.</summary>
public static class CourseFacts
{
    /// <summary>Ascites, encephalopathy or variceal bleeding present: decompensated.</summary>
    public const string Decompensated = "decompensated";

    /// <summary>Ascites, encephalopathy and variceal bleeding all given and all absent: compensated (the known-false side of <see cref="Decompensated"/>).</summary>
    public const string Compensated = "compensated";

    /// <summary>HBsAg positive.</summary>
    public const string HbsAgPositive = "hbsAgPositive";

    /// <summary>HBsAg negative (tested).</summary>
    public const string HbsAgNegative = "hbsAgNegative";

    /// <summary>HBV DNA tested and not detected.</summary>
    public const string HbvDnaUndetectable = "hbvDnaUndetectable";

    /// <summary>HBV DNA detectable.</summary>
    public const string HbvDnaDetectable = "hbvDnaDetectable";

    /// <summary>On immunosuppressive or B-cell depleting therapy (current or planned).</summary>
    public const string Immunosuppressed = "immunosuppressed";

    /// <summary>On or planned for B-cell depleting therapy (anti-CD20).</summary>
    public const string BCellDepleting = "bCellDepleting";

    /// <summary>Hepatitis B status not known (HBsAg or anti-HBc not tested).</summary>
    public const string HbvStatusUnknown = "hbvStatusUnknown";

    /// <summary>Referred for transplant assessment.</summary>
    public const string Referred = "referred";

    /// <summary>Prefix of an organ failure fact: <c>organFailure:kidney</c> (CLIF-C OF).</summary>
    public const string OrganFailurePrefix = "organFailure:";
}
