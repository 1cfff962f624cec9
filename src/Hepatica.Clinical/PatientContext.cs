namespace Hepatica.Clinical;

/// <summary>
/// The clinical setting of a snapshot, read once from its findings so every score gate, section and text judges the
/// patient the same way. Each answer is true, false, or null when the snapshot does not say (never a guess).
/// </summary>
public static class PatientContext
{
    /// <summary>
    /// Acute liver failure: <c>findings.acuteLiverFailure</c> when given; true when <c>findings.acuteLiverFailureCause</c>
    /// is given (a cause of acute liver failure says the patient has it); false when neither is given and
    /// <c>findings.cirrhosis</c> is true (acute liver failure is defined in patients without pre-existing cirrhosis: EASL
    /// 2017 ALF; with cirrhosis an acute deterioration is acute-on-chronic liver failure); null otherwise.
    /// </summary>
    /// <param name="snapshot">The patient.</param>
    public static bool? AcuteLiverFailure(PatientSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var f = snapshot.Findings;
        return f.AcuteLiverFailure ?? (f.AcuteLiverFailureCause is not null ? true : f.Cirrhosis is true ? false : null);
    }

    /// <summary>
    /// Intensive care now: <c>findings.intensiveCare</c> when given; true when mechanical ventilation or vasopressors are
    /// given as true (both are delivered in intensive care); null otherwise.
    /// </summary>
    /// <param name="snapshot">The patient.</param>
    public static bool? IntensiveCare(PatientSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var f = snapshot.Findings;
        return f.IntensiveCare ?? (f.MechanicalVentilation is true || f.Vasopressors is true ? true : null);
    }

    /// <summary>Cirrhosis established: <c>findings.cirrhosis</c>; null when not given.</summary>
    /// <param name="snapshot">The patient.</param>
    public static bool? Cirrhosis(PatientSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return snapshot.Findings.Cirrhosis;
    }

    /// <summary>
    /// Chronic liver disease of any cause: true when <c>findings.chronicLiverDisease</c> is true or something that implies it
    /// is (cirrhosis, cholestatic or fatty liver disease, alcohol-related liver disease, a liver transplant, HBsAg positive);
    /// false when <c>findings.chronicLiverDisease</c> is false and nothing implies it; null otherwise. The same reading as the
    /// prevention plan's (ACIP's chronic liver disease).
    /// </summary>
    /// <param name="snapshot">The patient.</param>
    public static bool? ChronicLiverDisease(PatientSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var f = snapshot.Findings;
        var h = snapshot.History;
        return f.ChronicLiverDisease is true || f.Cirrhosis is true || f.CholestaticLiverDisease is true || f.FattyLiverDisease is true
            || h.AlcoholRelatedLiverDisease is true || h.TransplantRecipient is true || snapshot.Serology.HbsAg?.IsPositive == true
            ? true
            : f.ChronicLiverDisease;
    }

    /// <summary>
    /// Severe aminotransferase elevation above which ACG 2017 (Kwo 2017) sends the evaluation to acute hepatocellular
    /// injury (ischaemic, toxic, acute viral): more than 15 times the upper limit of normal.
    /// </summary>
    public const decimal AcuteHepatitisTimesUpperLimit = 15m;

    /// <summary>
    /// Acute hepatitis now, read from the aminotransferases against their own upper limits: true when ALT or AST is more
    /// than 15 times its upper limit of normal (Kwo 2017's "severe" band, the pattern of acute hepatocellular injury);
    /// false when at least one of them is known against its limit and neither is above it; null when neither ratio is known
    /// (settled by <c>labs.alt</c> with <c>labs.altUpperLimit</c>, or <c>labs.ast</c> with <c>labs.astUpperLimit</c>).
    /// </summary>
    /// <param name="snapshot">The patient.</param>
    public static bool? AcuteHepatitis(PatientSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var l = snapshot.Labs;
        bool? alt = l.Alt is { } a && l.AltUpperLimit is { } au && au.UnitsPerLiter > 0m ? a.UnitsPerLiter > AcuteHepatitisTimesUpperLimit * au.UnitsPerLiter : null;
        bool? ast = l.Ast is { } s && l.AstUpperLimit is { } su && su.UnitsPerLiter > 0m ? s.UnitsPerLiter > AcuteHepatitisTimesUpperLimit * su.UnitsPerLiter : null;
        return alt is true || ast is true ? true : alt ?? ast;
    }

    /// <summary>Alcohol-associated hepatitis: <c>findings.alcoholAssociatedHepatitis</c>; null when not given.</summary>
    /// <param name="snapshot">The patient.</param>
    public static bool? AlcoholAssociatedHepatitis(PatientSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return snapshot.Findings.AlcoholAssociatedHepatitis;
    }

    /// <summary>Fatty liver disease (NAFLD/MASLD): <c>findings.fattyLiverDisease</c>; null when not given.</summary>
    /// <param name="snapshot">The patient.</param>
    public static bool? FattyLiverDisease(PatientSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return snapshot.Findings.FattyLiverDisease;
    }

    /// <summary>A child under 12 (PELD's age, OPTN policy 9.1): from <c>ageYears</c>; null when not given.</summary>
    /// <param name="snapshot">The patient.</param>
    public static bool? ChildUnder12(PatientSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return snapshot.AgeYears is { } age ? age < 12m : null;
    }

    /// <summary>An adult, 18 or more (UKELD's population, Barber 2011): from <c>ageYears</c>; null when not given.</summary>
    /// <param name="snapshot">The patient.</param>
    public static bool? Adult(PatientSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return snapshot.AgeYears is { } age ? age >= 18m : null;
    }

    /// <summary>Treated with an immune checkpoint inhibitor: <c>dili.immuneCheckpointInhibitor</c>; null when not given.</summary>
    /// <param name="snapshot">The patient.</param>
    public static bool? ImmuneCheckpointInhibitor(PatientSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return snapshot.Dili.ImmuneCheckpointInhibitor;
    }

    /// <summary>
    /// A drug is suspected of causing liver injury: true when any RUCAM item or <c>dili.noOtherExplanation</c> is given (the
    /// clinician is assessing causality); null otherwise (the snapshot has no field that says "no drug is suspected").
    /// </summary>
    /// <param name="snapshot">The patient.</param>
    public static bool? SuspectedDrugInjury(PatientSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var d = snapshot.Dili;
        return d.RucamTimeToOnset is not null || d.RucamCourse is not null || d.RucamAlcohol is not null || d.RucamConcomitant is not null
            || d.RucamAlternativeCauses is not null || d.RucamPreviousHepatotoxicity is not null || d.RucamReexposure is not null
            || d.NoOtherExplanation is not null
            ? true
            : null;
    }
}
