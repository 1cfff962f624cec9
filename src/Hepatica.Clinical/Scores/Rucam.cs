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
        ["labs.alt", "labs.altUpperLimit", "labs.alp", "labs.alpUpperLimit", "ageYears", "dili.rucam.timeToOnset", "dili.rucam.courseAfterCessation",
         "dili.rucam.alcohol", new ScoreInput("dili.rucam.pregnancy", true, "cholestatic or mixed form"), "dili.rucam.concomitantDrugs", "dili.rucam.alternativeCauses",
         "dili.rucam.previousHepatotoxicity", "dili.rucam.reexposure"],
        [Danan2016, DiliRRatio.Benichou1990])
    {
        Population = new(
            "Patients with suspected drug-induced liver injury, for causality (Danan 2016); no gate is checked beyond RUCAM's own (an unrelated onset).",
            [Danan2016], []) { RelevantWhen = Populations.SuspectedDrugInjury },
    };

    /// <summary>Causality grades (Danan 2016).</summary>
    public static readonly IReadOnlyList<Band> Causality =
    [
        new(null, false, 0m, true, "excluded"), new(1m, true, 2m, true, "unlikely"), new(3m, true, 5m, true, "possible"),
        new(6m, true, 8m, true, "probable"), new(9m, true, null, false, "highly probable"),
    ];

    private static readonly Dictionary<RucamCourse, decimal> HepatocellularCourse = new()
    {
        [RucamCourse.Decrease50Within8Days] = 3m, [RucamCourse.Decrease50Within30Days] = 2m, [RucamCourse.NoInformationOrContinued] = 0m,
        [RucamCourse.Decrease50After30Days] = 0m, [RucamCourse.DecreaseUnder50After30DaysOrRecurrent] = -2m,
    };

    private static readonly Dictionary<RucamCourse, decimal> CholestaticCourse = new()
    {
        [RucamCourse.Decrease50Within180Days] = 2m, [RucamCourse.DecreaseUnder50Within180Days] = 1m,
        [RucamCourse.NoInformationOrContinued] = 0m, [RucamCourse.PersistenceOrIncrease] = 0m,
    };

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
        var onset = r.Need(d.RucamTimeToOnset, "dili.rucam.timeToOnset");
        var onScale = d.RucamCourse is not { } given || hepatocellular is not { } h || (h ? HepatocellularCourse : CholestaticCourse).ContainsKey(given);
        var course = r.Need(onScale ? d.RucamCourse : null, onScale ? "dili.rucam.courseAfterCessation"
            : hepatocellular == true ? "dili.rucam.courseAfterCessation (an ALT course is needed: the form is hepatocellular, R ≥ 5)"
            : "dili.rucam.courseAfterCessation (an ALP course is needed: the form is cholestatic or mixed, R < 5)");
        var inputs = new Inputs(
            hepatocellular ?? false, onset, course, r.Need(d.RucamAlcohol, "dili.rucam.alcohol"),
            r.Need(snapshot.AgeYears, "ageYears"), hepatocellular == false ? r.Need(d.RucamPregnancy, "dili.rucam.pregnancy") : false,
            r.Need(d.RucamConcomitant, "dili.rucam.concomitantDrugs"), r.Need(d.RucamAlternativeCauses, "dili.rucam.alternativeCauses"),
            r.Need(d.RucamPreviousHepatotoxicity, "dili.rucam.previousHepatotoxicity"), r.Need(d.RucamReexposure, "dili.rucam.reexposure"));
        return r.AllPresent ? ScoreOutcome.Calculated(Calculate(inputs, recordSteps)) : ScoreOutcome.NotCalculable(Definition, r.Missing);
    }

    /// <summary>Calculates the seven items, the total and the causality grade.</summary>
    /// <exception cref="ArgumentException">An unrelated onset, or a course that is not on the form's scale.</exception>
    public static ScoreResult Calculate(Inputs inputs, bool recordSteps = true)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var b = Breakdown.For(recordSteps);
        var form = inputs.Hepatocellular ? "hepatocellular" : "cholestatic or mixed";
        b.Note("form", $"{form} (R {(inputs.Hepatocellular ? "≥ 5" : "< 5")}; Danan 2016)");
        var onset = inputs.TimeToOnset switch
        {
            RucamTimeToOnset.Suggestive => 2m,
            RucamTimeToOnset.Compatible or RucamTimeToOnset.FromCessation => 1m,
            _ => throw new ArgumentException("An unrelated time to onset excludes the drug; RUCAM is not applied.", nameof(inputs)),
        };
        var total = b.Add(StepKind.Points, "1 time to onset", onset, $"{inputs.TimeToOnset}: suggestive +2, compatible or from cessation +1 (Danan 2016)");
        var scale = inputs.Hepatocellular ? HepatocellularCourse : CholestaticCourse;
        total += b.Add(StepKind.Points, inputs.Hepatocellular ? "2 course of ALT" : "2 course of ALP", scale.TryGetValue(inputs.Course, out var course) ? course
            : throw new ArgumentException($"{inputs.Course} is not on the {form} scale.", nameof(inputs)), $"{inputs.Course} (Danan 2016, {form} scale)");
        total += b.Add(StepKind.Points, "3 alcohol", inputs.Alcohol ? 1m : 0m, inputs.Alcohol ? "above 2 drinks a day (women) or 3 (men): +1" : "not above the limit: 0");
        total += b.Add(StepKind.Points, "3 age", inputs.AgeYears >= 55m ? 1m : 0m, $"{Breakdown.F(inputs.AgeYears)} years: ≥ 55 +1 (Danan 2016)");
        if (!inputs.Hepatocellular)
        {
            total += b.Add(StepKind.Points, "3 pregnancy", inputs.Pregnancy ? 1m : 0m, inputs.Pregnancy ? "pregnant: +1 (cholestatic or mixed form)" : "not pregnant: 0");
        }

        total += b.Add(StepKind.Points, "4 concomitant drugs", inputs.Concomitant switch
        {
            RucamConcomitant.None or RucamConcomitant.IncompatibleTiming => 0m,
            RucamConcomitant.CompatibleTiming => -1m,
            RucamConcomitant.KnownHepatotoxinCompatibleTiming => -2m,
            _ => -3m,
        }, $"{inputs.Concomitant}: none or incompatible 0, compatible −1, known hepatotoxin −2, evidence of its role −3");
        total += b.Add(StepKind.Points, "5 alternative causes", inputs.AlternativeCauses switch
        {
            RucamAlternativeCauses.AllRuledOut => 2m,
            RucamAlternativeCauses.GroupOneRuledOut => 1m,
            RucamAlternativeCauses.GroupOneFiveOrSixRuledOut => 0m,
            RucamAlternativeCauses.GroupOneFewerThanFiveRuledOut => -2m,
            _ => -3m,
        }, $"{inputs.AlternativeCauses}: groups I and II +2, group I (7) +1, 6 or 5 of group I 0, fewer −2, alternative highly probable −3");
        total += b.Add(StepKind.Points, "6 previous hepatotoxicity", inputs.PreviousHepatotoxicity switch
        {
            RucamPreviousHepatotoxicity.Labelled => 2m,
            RucamPreviousHepatotoxicity.PublishedUnlabelled => 1m,
            _ => 0m,
        }, $"{inputs.PreviousHepatotoxicity}: labelled +2, published +1, unknown 0");
        total += b.Add(StepKind.Points, "7 re-exposure", inputs.Reexposure switch
        {
            RucamReexposure.PositiveDrugAlone => 3m,
            RucamReexposure.PositiveWithFirstDrugs => 1m,
            RucamReexposure.Negative => -2m,
            _ => 0m,
        }, $"{inputs.Reexposure}: doubling with the drug alone +3, with the first drugs +1, rise below ULN −2, otherwise 0");
        b.Add(StepKind.Sum, "total", total, "sum of the seven items");
        var category = b.Category("causality", total, Bands.Find(Causality, total), "Danan 2016");
        return new ScoreResult(Definition, total, null, category, b.Steps, []);
    }
}
