using Hepatica.Clinical.Findings;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Scores;

/// <summary>
/// Updated RUCAM (Danan and Teschke 2016), causality of one suspected drug or herb. The form is chosen by R (from the
/// labs, <see cref="DiliRRatio"/>): R ≥ 5 hepatocellular, otherwise cholestatic or mixed. Seven items: time to onset;
/// course after cessation (ALT, or ALP for the cholestatic/mixed form); risk factors (alcohol, age ≥ 55, and pregnancy in
/// the cholestatic/mixed form); concomitant drugs; alternative causes; previous hepatotoxicity; unintentional
/// re-exposure. Total −9 to 14: ≤ 0 excluded, 1-2 unlikely, 3-5 possible, 6-8 probable, ≥ 9 highly probable. An onset
/// unrelated in time means RUCAM is not applied. Items are given as the clinician's selections (docs/snapshot.md).
/// </summary>
public static class Rucam
{
    /// <summary>Danan 2016: the updated scales, point values and causality grades.</summary>
    public static readonly Citation Danan2016 = new(
        "Danan 2016",
        "Danan G, Teschke R. RUCAM in drug and herb induced liver injury: the update. Int J Mol Sci 2016;17(1):14.",
        2016, "https://doi.org/10.3390/ijms17010014");

    /// <summary>What RUCAM is, its range and sources.</summary>
    public static readonly ScoreDefinition Definition = new(
        "rucam", "1.0.0", "RUCAM (updated 2016)", -9m, 14m, "integer points; no rounding",
        [SnapshotKeys.Labs.Alt, SnapshotKeys.Labs.AltUpperLimit, SnapshotKeys.Labs.Alp, SnapshotKeys.Labs.AlpUpperLimit, SnapshotKeys.AgeYears, SnapshotKeys.Dili.Rucam.TimeToOnset, SnapshotKeys.Dili.Rucam.CourseAfterCessation,
         SnapshotKeys.Dili.Rucam.Alcohol, new ScoreInput(SnapshotKeys.Dili.Rucam.Pregnancy, true, "cholestatic or mixed form"), SnapshotKeys.Dili.Rucam.ConcomitantDrugs, SnapshotKeys.Dili.Rucam.AlternativeCauses,
         SnapshotKeys.Dili.Rucam.PreviousHepatotoxicity, SnapshotKeys.Dili.Rucam.Reexposure],
        [Danan2016, DiliRRatio.Benichou1990])
    {
        Population = new(
            "Patients with suspected drug-induced liver injury, for causality (Danan 2016); no gate is checked beyond RUCAM's own (an unrelated onset).",
            [Danan2016], []) { RelevantWhen = Populations.SuspectedDrugInjury },
    };

    /// <summary>Causality grades (Danan 2016).</summary>
    public static readonly IReadOnlyList<Band> Causality =
    [
        Band.AtMost(0m, "excluded"), Band.Between(1m, 2m, "unlikely"), Band.Between(3m, 5m, "possible"),
        Band.Between(6m, 8m, "probable"), Band.AtLeast(9m, "highly probable"),
    ];

    // On both scales of item 2: one row, so its spelling and words are written once.
    private static readonly Choice<RucamCourse> NoInformation = new(RucamCourse.NoInformationOrContinued, "no-information-or-continued", "no information, or continued drug use", 0);

    /// <summary>Item 1, time to onset (Danan 2016). An unrelated onset has a row for its spelling and words, and no
    /// points: RUCAM is not applied (<see cref="Calculate"/> refuses it).</summary>
    public static readonly PointsTable<RucamTimeToOnset> TimeToOnset = new(
        new(RucamTimeToOnset.Suggestive, "suggestive", "suggestive (5-90 days from the start, or the rechallenge limits)", 2),
        new(RucamTimeToOnset.Compatible, "compatible", "compatible (under 5 or over 90 days from the start)", 1),
        new(RucamTimeToOnset.FromCessation, "from-cessation", "from cessation, within the form's limit", 1),
        new(RucamTimeToOnset.Unrelated, "unrelated", "unrelated (before the drug, or too long after its cessation)", 0));

    /// <summary>Item 2, course of ALT after cessation, hepatocellular form (Danan 2016).</summary>
    public static readonly PointsTable<RucamCourse> HepatocellularCourse = new(
        new(RucamCourse.Decrease50Within8Days, "decrease-50-within-8-days", "ALT decrease ≥ 50% within 8 days", 3),
        new(RucamCourse.Decrease50Within30Days, "decrease-50-within-30-days", "ALT decrease ≥ 50% within 30 days", 2),
        NoInformation,
        new(RucamCourse.Decrease50After30Days, "decrease-50-after-30-days", "ALT decrease ≥ 50% after day 30", 0),
        new(RucamCourse.DecreaseUnder50After30DaysOrRecurrent, "decrease-under-50-after-30-days-or-recurrent", "ALT decrease < 50% after day 30, or recurrent increase", -2));

    /// <summary>Item 2, course of ALP (or bilirubin) after cessation, cholestatic or mixed form (Danan 2016).</summary>
    public static readonly PointsTable<RucamCourse> CholestaticCourse = new(
        new(RucamCourse.Decrease50Within180Days, "decrease-50-within-180-days", "ALP decrease ≥ 50% within 180 days", 2),
        new(RucamCourse.DecreaseUnder50Within180Days, "decrease-under-50-within-180-days", "ALP decrease < 50% within 180 days", 1),
        NoInformation,
        new(RucamCourse.PersistenceOrIncrease, "persistence-or-increase", "persistence or increase", 0));

    /// <summary>Item 4, concomitant drugs or herbs (Danan 2016).</summary>
    public static readonly PointsTable<RucamConcomitant> Concomitant = new(
        new(RucamConcomitant.None, "none", "none or no information", 0),
        new(RucamConcomitant.IncompatibleTiming, "incompatible", "concomitant drug with incompatible time to onset", 0),
        new(RucamConcomitant.CompatibleTiming, "compatible", "concomitant drug with compatible or suggestive time to onset", -1),
        new(RucamConcomitant.KnownHepatotoxinCompatibleTiming, "hepatotoxin-compatible", "concomitant known hepatotoxin with compatible or suggestive time to onset", -2),
        new(RucamConcomitant.EvidenceOfRole, "evidence", "concomitant drug with evidence of its role (positive rechallenge or validated test)", -3));

    /// <summary>Item 5, search for alternative causes (Danan 2016; group I: HAV, HBV, HCV, HEV, hepatobiliary imaging,
    /// alcoholism, recent hypotension; group II: complications of underlying disease, CMV, EBV, HSV, VZV).</summary>
    public static readonly PointsTable<RucamAlternativeCauses> AlternativeCauses = new(
        new(RucamAlternativeCauses.AllRuledOut, "groups-1-and-2-ruled-out", "all causes of groups I and II ruled out", 2),
        new(RucamAlternativeCauses.GroupOneRuledOut, "group-1-ruled-out", "the 7 causes of group I ruled out", 1),
        new(RucamAlternativeCauses.GroupOneFiveOrSixRuledOut, "group-1-five-or-six-ruled-out", "6 or 5 causes of group I ruled out", 0),
        new(RucamAlternativeCauses.GroupOneFewerThanFiveRuledOut, "group-1-fewer-than-five-ruled-out", "fewer than 5 causes of group I ruled out", -2),
        new(RucamAlternativeCauses.AlternativeHighlyProbable, "alternative-highly-probable", "alternative cause highly probable", -3));

    /// <summary>Item 6, previous hepatotoxicity of the drug (Danan 2016).</summary>
    public static readonly PointsTable<RucamPreviousHepatotoxicity> PreviousHepatotoxicity = new(
        new(RucamPreviousHepatotoxicity.Labelled, "labelled", "reaction labelled in the product characteristics", 2),
        new(RucamPreviousHepatotoxicity.PublishedUnlabelled, "published", "reaction published but unlabelled", 1),
        new(RucamPreviousHepatotoxicity.Unknown, "unknown", "reaction unknown", 0));

    /// <summary>Item 7, response to unintentional re-exposure (Danan 2016).</summary>
    public static readonly PointsTable<RucamReexposure> Reexposure = new(
        new(RucamReexposure.PositiveDrugAlone, "positive-drug-alone", "doubling with the drug alone", 3),
        new(RucamReexposure.PositiveWithFirstDrugs, "positive-with-first-drugs", "doubling with the drugs given at the first reaction", 1),
        new(RucamReexposure.Negative, "negative", "increase but below the ULN in the same conditions", -2),
        new(RucamReexposure.NotDoneOrOther, "not-done-or-other", "no re-exposure, or other situations", 0));

    /// <summary>Every course of item 2, each once, in the order of the two scales (the snapshot's spellings).</summary>
    public static IEnumerable<Choice<RucamCourse>> Courses => HepatocellularCourse.Rows.Concat(CholestaticCourse.Rows).DistinctBy(r => r.Value);

    /// <summary>The inputs of RUCAM, as selected for the form <paramref name="Hepatocellular"/> names.</summary>
    /// <param name="Hepatocellular">True for the hepatocellular form (R ≥ 5), false for cholestatic or mixed.</param>
    /// <param name="TimeToOnset">Item 1 (not <see cref="RucamTimeToOnset.Unrelated"/>).</param>
    /// <param name="Course">Item 2, a course of the form's scale.</param>
    /// <param name="Alcohol">Item 3: alcohol above 2 drinks a day (women) or 3 (men).</param>
    /// <param name="AgeYears">Item 3: age.</param>
    /// <param name="Pregnancy">Item 3, cholestatic/mixed form only (ignored in the hepatocellular form).</param>
    /// <param name="Concomitant">Item 4.</param>
    /// <param name="AlternativeCauses">Item 5.</param>
    /// <param name="PreviousHepatotoxicity">Item 6.</param>
    /// <param name="Reexposure">Item 7.</param>
    public sealed record Inputs(
        bool Hepatocellular, RucamTimeToOnset TimeToOnset, RucamCourse Course, bool Alcohol, decimal AgeYears, bool Pregnancy,
        RucamConcomitant Concomitant, RucamAlternativeCauses AlternativeCauses, RucamPreviousHepatotoxicity PreviousHepatotoxicity, RucamReexposure Reexposure);

    /// <summary>Gathers the inputs, selects the form by R and calculates; names what is missing; not applicable when the onset is unrelated.</summary>
    /// <param name="snapshot">The patient.</param>
    /// <param name="recordSteps">False to compute without keeping the breakdown (same value).</param>
    public static ScoreOutcome Evaluate(PatientSnapshot snapshot, bool recordSteps = true)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var d = snapshot.Dili;
        if (d.RucamTimeToOnset == RucamTimeToOnset.Unrelated)
        {
            return ScoreOutcome.NotApplicable(Definition, "onset before the drug or too long after its cessation: the injury is unrelated to it and RUCAM is not applied (Danan 2016)");
        }

        var r = new Requirements();
        var pattern = DiliRRatio.Evaluate(snapshot, recordSteps: false);
        foreach (var path in pattern.Missing)
        {
            r.Need<bool>(null, path);
        }

        bool? hepatocellular = pattern.Result is { } p ? p.Unrounded >= 5m : null;
        var onset = r.Need(d.RucamTimeToOnset, SnapshotKeys.Dili.Rucam.TimeToOnset);
        var onScale = d.RucamCourse is not { } given || hepatocellular is not { } h || (h ? HepatocellularCourse : CholestaticCourse).Contains(given);
        var course = r.Need(onScale ? d.RucamCourse : null, onScale ? SnapshotKeys.Dili.Rucam.CourseAfterCessation
            : hepatocellular == true ? "dili.rucam.courseAfterCessation (an ALT course is needed: the form is hepatocellular, R ≥ 5)"
            : "dili.rucam.courseAfterCessation (an ALP course is needed: the form is cholestatic or mixed, R < 5)");
        var inputs = new Inputs(
            hepatocellular ?? false, onset, course, r.Need(d.RucamAlcohol, SnapshotKeys.Dili.Rucam.Alcohol),
            r.Need(snapshot.AgeYears, SnapshotKeys.AgeYears), hepatocellular == false ? r.Need(d.RucamPregnancy, SnapshotKeys.Dili.Rucam.Pregnancy) : false,
            r.Need(d.RucamConcomitant, SnapshotKeys.Dili.Rucam.ConcomitantDrugs), r.Need(d.RucamAlternativeCauses, SnapshotKeys.Dili.Rucam.AlternativeCauses),
            r.Need(d.RucamPreviousHepatotoxicity, SnapshotKeys.Dili.Rucam.PreviousHepatotoxicity), r.Need(d.RucamReexposure, SnapshotKeys.Dili.Rucam.Reexposure));
        return r.Outcome(Definition, inputs, recordSteps, Calculate);
    }

    /// <summary>Calculates the seven items, the total and the causality grade.</summary>
    /// <exception cref="ArgumentException">An unrelated onset, or a course that is not on the form's scale.</exception>
    public static ScoreResult Calculate(Inputs inputs, bool recordSteps = true)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.TimeToOnset == RucamTimeToOnset.Unrelated)
        {
            throw new ArgumentException("An unrelated time to onset excludes the drug; RUCAM is not applied.", nameof(inputs));
        }

        var b = Breakdown.For(recordSteps, Danan2016);
        var form = inputs.Hepatocellular ? "hepatocellular" : "cholestatic or mixed";
        b.Note("form", $"{form} (R {(inputs.Hepatocellular ? "≥ 5" : "< 5")}; Danan 2016)");
        var total = b.Points("1 time to onset", TimeToOnset[inputs.TimeToOnset]);
        var scale = inputs.Hepatocellular ? HepatocellularCourse : CholestaticCourse;
        total += b.Points(inputs.Hepatocellular ? "2 course of ALT" : "2 course of ALP", scale.Contains(inputs.Course) ? scale[inputs.Course]
            : throw new ArgumentException($"{Courses.First(c => c.Value == inputs.Course).Words} is not on the {form} scale.", nameof(inputs)), $"{form} scale");
        total += b.Points("3 alcohol", inputs.Alcohol ? 1m : 0m, inputs.Alcohol ? "above 2 drinks a day (women) or 3 (men): +1" : "not above the limit: 0");
        total += b.Points("3 age", inputs.AgeYears >= 55m ? 1m : 0m, $"{Breakdown.F(inputs.AgeYears)} years: ≥ 55 +1 (Danan 2016)");
        if (!inputs.Hepatocellular)
        {
            total += b.Points("3 pregnancy", inputs.Pregnancy ? 1m : 0m, inputs.Pregnancy ? "pregnant: +1 (cholestatic or mixed form)" : "not pregnant: 0");
        }

        total += b.Points("4 concomitant drugs", Concomitant[inputs.Concomitant]);
        total += b.Points("5 alternative causes", AlternativeCauses[inputs.AlternativeCauses]);
        total += b.Points("6 previous hepatotoxicity", PreviousHepatotoxicity[inputs.PreviousHepatotoxicity]);
        total += b.Points("7 re-exposure", Reexposure[inputs.Reexposure]);
        b.Sum("total", total, "sum of the seven items");
        var category = b.Category("causality", total, Bands.Find(Causality, total));
        return new ScoreResult(Definition, total, null, category, b.Steps, []);
    }
}
