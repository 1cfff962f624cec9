namespace Hepatica.Clinical.Findings;

/// <summary>RUCAM item 1, time to onset (Danan 2016). The day limits differ by form and are the clinician's to apply.</summary>
public enum RucamTimeToOnset
{
    /// <summary>5-90 days from the start (rechallenge 1-15 days hepatocellular, 1-90 days cholestatic/mixed): +2.</summary>
    Suggestive,

    /// <summary>Under 5 or over 90 days from the start (rechallenge over 15 / over 90 days): +1.</summary>
    Compatible,

    /// <summary>From cessation: within 15 days (hepatocellular) or 30 days (cholestatic/mixed), except slowly metabolised drugs: +1.</summary>
    FromCessation,

    /// <summary>Onset before the drug was started, or later after cessation than the limits above: unrelated, RUCAM is not applied.</summary>
    Unrelated,
}

/// <summary>RUCAM item 2, course of ALT (hepatocellular) or ALP/bilirubin (cholestatic/mixed) after cessation (Danan 2016).</summary>
public enum RucamCourse
{
    /// <summary>Hepatocellular: ALT decrease ≥ 50% within 8 days: +3.</summary>
    Decrease50Within8Days,

    /// <summary>Hepatocellular: ALT decrease ≥ 50% within 30 days: +2.</summary>
    Decrease50Within30Days,

    /// <summary>Either form: no information or continued drug use: 0.</summary>
    NoInformationOrContinued,

    /// <summary>Hepatocellular: ALT decrease ≥ 50% after day 30: 0.</summary>
    Decrease50After30Days,

    /// <summary>Hepatocellular: ALT decrease &lt; 50% after day 30, or recurrent increase: −2.</summary>
    DecreaseUnder50After30DaysOrRecurrent,

    /// <summary>Cholestatic/mixed: ALP decrease ≥ 50% within 180 days: +2.</summary>
    Decrease50Within180Days,

    /// <summary>Cholestatic/mixed: ALP decrease &lt; 50% within 180 days: +1.</summary>
    DecreaseUnder50Within180Days,

    /// <summary>Cholestatic/mixed: persistence or increase: 0.</summary>
    PersistenceOrIncrease,
}

/// <summary>RUCAM item 4, concomitant drugs or herbs (Danan 2016).</summary>
public enum RucamConcomitant
{
    /// <summary>None or no information: 0.</summary>
    None,

    /// <summary>Concomitant drug with incompatible time to onset: 0.</summary>
    IncompatibleTiming,

    /// <summary>Concomitant drug with compatible or suggestive time to onset: −1.</summary>
    CompatibleTiming,

    /// <summary>Concomitant known hepatotoxin with compatible or suggestive time to onset: −2.</summary>
    KnownHepatotoxinCompatibleTiming,

    /// <summary>Concomitant drug with evidence for its role (positive rechallenge or validated test): −3.</summary>
    EvidenceOfRole,
}

/// <summary>RUCAM item 5, search for alternative causes (group I: HAV, HBV, HCV, HEV, hepatobiliary imaging, alcoholism, recent hypotension; group II: complications of underlying disease, CMV, EBV, HSV, VZV).</summary>
public enum RucamAlternativeCauses
{
    /// <summary>All causes of groups I and II reasonably ruled out: +2.</summary>
    AllRuledOut,

    /// <summary>The 7 causes of group I ruled out: +1.</summary>
    GroupOneRuledOut,

    /// <summary>6 or 5 causes of group I ruled out: 0.</summary>
    GroupOneFiveOrSixRuledOut,

    /// <summary>Fewer than 5 causes of group I ruled out: −2.</summary>
    GroupOneFewerThanFiveRuledOut,

    /// <summary>Alternative cause highly probable: −3.</summary>
    AlternativeHighlyProbable,
}

/// <summary>RUCAM item 6, previous hepatotoxicity of the drug (Danan 2016).</summary>
public enum RucamPreviousHepatotoxicity
{
    /// <summary>Reaction labelled in the product characteristics: +2.</summary>
    Labelled,

    /// <summary>Reaction published but unlabelled: +1.</summary>
    PublishedUnlabelled,

    /// <summary>Reaction unknown: 0.</summary>
    Unknown,
}

/// <summary>RUCAM item 7, response to unintentional re-exposure (Danan 2016).</summary>
public enum RucamReexposure
{
    /// <summary>Doubling of ALT (ALP) with the drug alone, provided it was below 5 × ULN (2 × ULN) before re-exposure: +3.</summary>
    PositiveDrugAlone,

    /// <summary>Doubling with the drugs already given at the time of the first reaction: +1.</summary>
    PositiveWithFirstDrugs,

    /// <summary>Increase but below the ULN in the same conditions as the first administration: −2.</summary>
    Negative,

    /// <summary>Other situations, or no re-exposure: 0.</summary>
    NotDoneOrOther,
}
