using Hepatica.Clinical.Immunity;
using static Hepatica.Clinical.Course.Episodes;

namespace Hepatica.Clinical.Course;

/// <summary>
/// Hepatitis B reactivation and ALT flare under immunosuppression, by the AASLD 2018 definitions (Terrault 2018). The
/// therapy is taken to start at the first point with <see cref="CourseFacts.Immunosuppressed"/>; the baseline is the
/// newest HBsAg, HBV DNA and ALT before it. Reactivation, for a patient HBsAg-positive at baseline (or, with no
/// baseline HBsAg, at the point): HBV DNA rising by 2 log10 (100-fold) or more from a measured baseline; HBV DNA of
/// 1,000 IU/mL (3 log10) or more when the baseline was undetectable; 10,000 IU/mL (4 log10) or more when no baseline is
/// known. For a patient HBsAg-negative: HBV DNA detectable, or HBsAg turning positive (reverse seroconversion: a
/// positive HBsAg after a negative one, the turn made under therapy). Hepatitis flare: ALT at least 3 times the
/// baseline and above 100 U/L; with no baseline ALT there is no flare to call (never guessed). Critical under B-cell
/// depleting therapy (AGA 2015: the highest-risk class).
/// </summary>
internal static class HbvReactivationRule
{
    /// <summary>Rise from a measured baseline that is reactivation: 100-fold, 2 log10 (AASLD 2018).</summary>
    internal const decimal FoldRise = 100m;

    /// <summary>HBV DNA that is reactivation after an undetectable baseline: 1,000 IU/mL, 3 log10 (AASLD 2018).</summary>
    internal const decimal AfterUndetectable = 1_000m;

    /// <summary>HBV DNA that is reactivation when no baseline is known: 10,000 IU/mL, 4 log10 (AASLD 2018).</summary>
    internal const decimal WithoutBaseline = 10_000m;

    /// <summary>ALT flare: at least 3 times the baseline (AASLD 2018).</summary>
    internal const decimal AltFold = 3m;

    /// <summary>ALT flare: and above 100 U/L (AASLD 2018).</summary>
    internal const decimal AltAbove = 100m;

    internal static void Evaluate(IReadOnlyList<CoursePoint> points, List<TrendFact> facts, List<AlertCandidate> alerts)
    {
        var start = -1;
        for (var i = 0; i < points.Count && start < 0; i++)
        {
            start = points[i].Facts.Contains(CourseFacts.Immunosuppressed) ? i : -1;
        }

        if (start < 0)
        {
            return;
        }

        CoursePoint? baseHbsAg = null, baseDna = null, baseAlt = null;
        for (var j = 0; j < start; j++)
        {
            var q = points[j];
            baseHbsAg = Has(q, CourseFacts.HbsAgPositive) || Has(q, CourseFacts.HbsAgNegative) ? q : baseHbsAg;
            baseDna = q.Values.ContainsKey(CourseValues.HbvDna) || Has(q, CourseFacts.HbvDnaUndetectable) || Has(q, CourseFacts.HbvDnaDetectable) ? q : baseDna;
            baseAlt = q.Values.ContainsKey(CourseValues.Alt) ? q : baseAlt;
        }

        Reactivation(points, start, baseHbsAg, baseDna, facts, alerts);
        if (baseAlt is not null)
        {
            Flare(points, start, baseAlt, facts, alerts);
        }
    }

    private static bool Has(CoursePoint p, string fact) => p.Facts.Contains(fact);

    private static AlertSeverity Severity(CoursePoint p) => Has(p, CourseFacts.BCellDepleting) ? AlertSeverity.Critical : AlertSeverity.Warning;

    private static void Reactivation(IReadOnlyList<CoursePoint> points, int start, CoursePoint? baseHbsAg, CoursePoint? baseDna, List<TrendFact> facts, List<AlertCandidate> alerts)
    {
        var readings = new List<Evaluation>();
        bool? lastHbsAg = baseHbsAg is null ? null : Has(baseHbsAg, CourseFacts.HbsAgPositive);
        var turnedPositiveUnderTherapy = false;
        for (var i = start; i < points.Count; i++)
        {
            var p = points[i];
            bool? hbsAg = Has(p, CourseFacts.HbsAgPositive) ? true : Has(p, CourseFacts.HbsAgNegative) ? false : null;
            var dnaKnown = p.Values.ContainsKey(CourseValues.HbvDna) || Has(p, CourseFacts.HbvDnaDetectable) || Has(p, CourseFacts.HbvDnaUndetectable);
            if (hbsAg is true && lastHbsAg is false)
            {
                turnedPositiveUnderTherapy = true;
            }
            else if (hbsAg is false)
            {
                turnedPositiveUnderTherapy = false;
            }

            if (hbsAg is { } h)
            {
                lastHbsAg = h;
            }

            if (hbsAg is null && !dnaKnown)
            {
                continue;
            }

            var why = Has(p, CourseFacts.Immunosuppressed) ? Criterion(p, hbsAg, turnedPositiveUnderTherapy, baseHbsAg, baseDna) : null;
            if (why is null && !dnaKnown && Has(p, CourseFacts.Immunosuppressed))
            {
                // An HBsAg result alone that meets nothing says nothing of the HBV DNA: it neither ends nor extends an episode.
                continue;
            }

            string Evidence() => $"{Instant(p.At)} hbsAg={Word(hbsAg)} hbvDna={Dna(p)}; baseline {(baseHbsAg is null ? "hbsAg=unknown" : $"{Instant(baseHbsAg.At)} hbsAg={Word(Has(baseHbsAg, CourseFacts.HbsAgPositive))}")} {(baseDna is null ? "hbvDna=unknown" : $"{Instant(baseDna.At)} hbvDna={Dna(baseDna)}")}";
            string Text() => $"Hepatitis B reactivation under immunosuppression on {Date(p.At)}: {why} (AASLD 2018). Start or continue entecavir or tenofovir now.";
            if (why is not null && (readings.Count == 0 || !readings[^1].Holds))
            {
                facts.Add(new TrendFact(CourseRuleIds.HbvReactivation, p.At, baseDna?.At ?? baseHbsAg?.At, Text(), [Evidence()], HbvReactivation.Aasld2018));
            }

            readings.Add(new Evaluation(p, why is not null, Evidence, Text, Severity(p)));
        }

        alerts.AddRange(Alerts(CourseRuleIds.HbvReactivation, readings, HbvReactivation.Aasld2018));
    }

    /// <summary>Which AASLD 2018 criterion the point meets, or null.</summary>
    private static string? Criterion(CoursePoint p, bool? hbsAg, bool turnedPositive, CoursePoint? baseHbsAg, CoursePoint? baseDna)
    {
        if (turnedPositive && hbsAg is true)
        {
            return "HBsAg turned positive after a negative result (reverse seroconversion)";
        }

        bool? positiveAtBaseline = baseHbsAg is not null ? Has(baseHbsAg, CourseFacts.HbsAgPositive) : hbsAg;
        p.Values.TryGetValue(CourseValues.HbvDna, out var dna);
        var detectable = Has(p, CourseFacts.HbvDnaDetectable);
        if (positiveAtBaseline is false)
        {
            return detectable ? "HBV DNA detectable in an HBsAg-negative patient" : null;
        }

        if (positiveAtBaseline is null || !p.Values.ContainsKey(CourseValues.HbvDna))
        {
            return null;
        }

        if (baseDna is null)
        {
            return dna >= WithoutBaseline ? $"HBV DNA {Num(dna)} IU/mL (at least 10,000 IU/mL with no baseline)" : null;
        }

        var measured = baseDna.Values.TryGetValue(CourseValues.HbvDna, out var b);
        if (measured && b > 0m)
        {
            return dna >= FoldRise * b ? $"HBV DNA rose from {Num(b)} to {Num(dna)} IU/mL (2 log10 or more)" : null;
        }

        return Has(baseDna, CourseFacts.HbvDnaUndetectable) || measured
            ? dna >= AfterUndetectable ? $"HBV DNA {Num(dna)} IU/mL after an undetectable baseline (at least 1,000 IU/mL)" : null
            : null;
    }

    private static void Flare(IReadOnlyList<CoursePoint> points, int start, CoursePoint baseAlt, List<TrendFact> facts, List<AlertCandidate> alerts)
    {
        var b = baseAlt.Values[CourseValues.Alt];
        var readings = new List<Evaluation>();
        for (var i = start; i < points.Count; i++)
        {
            var p = points[i];
            if (!p.Values.TryGetValue(CourseValues.Alt, out var alt))
            {
                continue;
            }

            var holds = Has(p, CourseFacts.Immunosuppressed) && alt >= AltFold * b && alt > AltAbove;
            string Evidence() => $"{Instant(baseAlt.At)} alt={Num(b)}; {Instant(p.At)} alt={Num(alt)}";
            string Text() => $"ALT flare under immunosuppression on {Date(p.At)}: ALT {Num(alt)} U/L, at least 3 times the baseline {Num(b)} U/L of {Date(baseAlt.At)} and above 100 U/L (AASLD 2018). Test HBsAg and HBV DNA.";
            if (holds && (readings.Count == 0 || !readings[^1].Holds))
            {
                facts.Add(new TrendFact(CourseRuleIds.AltFlare, p.At, baseAlt.At, Text(), [Evidence()], HbvReactivation.Aasld2018));
            }

            readings.Add(new Evaluation(p, holds, Evidence, Text, Severity(p)));
        }

        alerts.AddRange(Alerts(CourseRuleIds.AltFlare, readings, HbvReactivation.Aasld2018));
    }

    private static string Word(bool? v) => v switch { true => "positive", false => "negative", null => "unknown" };

    private static string Dna(CoursePoint p) =>
        p.Values.TryGetValue(CourseValues.HbvDna, out var v) ? Num(v) : Has(p, CourseFacts.HbvDnaUndetectable) ? "undetectable" : Has(p, CourseFacts.HbvDnaDetectable) ? "detectable" : "unknown";
}
