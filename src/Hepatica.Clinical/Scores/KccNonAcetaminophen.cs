using Hepatica.Clinical.Findings;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Scores;

/// <summary>
/// King's College criteria for acute liver failure not caused by acetaminophen (O'Grady 1989): INR &gt; 6.5
/// (prothrombin time &gt; 100 s) irrespective of the grade of encephalopathy; or any three of age &lt; 10 or &gt; 40 years;
/// aetiology non-A non-B (indeterminate) hepatitis, halothane hepatitis or idiosyncratic drug reaction; jaundice to
/// encephalopathy &gt; 7 days; INR &gt; 3.5 (prothrombin time &gt; 50 s); bilirubin &gt; 300 µmol/L (17.5 mg/dL). The value
/// is 1 when met and 0 when not; the number of the five lesser criteria met is in the extras. Bilirubin is compared in
/// µmol/L, the unit of the paper. The abstract of O'Grady 1989 gives the age variable as "less than 11 and greater than
/// 40"; the selection criteria as the paper tabulates them, and every reproduction found, use &lt; 10, as we do.
/// </summary>
public static class KccNonAcetaminophen
{
    /// <summary>What the criteria are, their range and sources.</summary>
    public static readonly ScoreDefinition Definition = new(
        "kcc-non-acetaminophen", "1.0.0", "King's College criteria (non-acetaminophen)", 0m, 1m,
        "no rounding: 1 when the criteria are met, 0 when not (O'Grady 1989)",
        [SnapshotKeys.Findings.AcuteLiverFailureCause, SnapshotKeys.Labs.Inr, SnapshotKeys.Labs.Pt, SnapshotKeys.AgeYears, SnapshotKeys.Findings.JaundiceToEncephalopathyDays, SnapshotKeys.Labs.Bilirubin],
        [Sources.OGrady1989])
    {
        Population = new(
            "Patients with acute liver failure not caused by acetaminophen (O'Grady 1989: fulminant hepatic failure referred to King's College Hospital; EASL 2017 ALF).",
            [Sources.OGrady1989, Populations.Easl2017Alf],
            [Populations.AcuteLiverFailureRequired]) { RelevantWhen = Populations.AcuteLiverFailure },
    };

    /// <summary>INR cut-off on its own: above 6.5 (prothrombin time above 100 s; O'Grady 1989).</summary>
    public const decimal InrAbove = 6.5m;

    /// <summary>INR cut-off as one of the five: above 3.5 (prothrombin time above 50 s; O'Grady 1989).</summary>
    public const decimal InrMinorAbove = 3.5m;

    /// <summary>Bilirubin cut-off, µmol/L: above 300 (O'Grady 1989).</summary>
    public const decimal BilirubinMicromolesAbove = 300m;

    /// <summary>Jaundice to encephalopathy, days: more than 7 (O'Grady 1989).</summary>
    public const decimal JaundiceDaysAbove = 7m;

    /// <summary>How many of the five lesser criteria meet the criteria (O'Grady 1989).</summary>
    public const int MinorNeeded = 3;

    /// <summary>Name of the extra holding the number of lesser criteria met.</summary>
    public const string MinorMetExtra = "minorCriteriaMet";

    /// <summary>The inputs the criteria read; any but the cause may be missing.</summary>
    /// <param name="Cause">The cause of acute liver failure (not acetaminophen); null when not known (the aetiology criterion is then not determinable).</param>
    /// <param name="Inr">INR.</param>
    /// <param name="ProthrombinTime">Prothrombin time (alternative to INR).</param>
    /// <param name="AgeYears">Age in years.</param>
    /// <param name="JaundiceToEncephalopathyDays">Days from jaundice to encephalopathy.</param>
    /// <param name="Bilirubin">Total bilirubin.</param>
    public sealed record Inputs(AcuteLiverFailureCause? Cause, Inr? Inr, ProthrombinTime? ProthrombinTime, decimal? AgeYears, decimal? JaundiceToEncephalopathyDays, Bilirubin? Bilirubin);

    /// <summary>Gathers the inputs from a snapshot and decides, or names what is missing or why the criteria do not apply.</summary>
    /// <param name="snapshot">The patient.</param>
    /// <param name="recordSteps">False to compute without keeping the breakdown (same value).</param>
    public static ScoreOutcome Evaluate(PatientSnapshot snapshot, bool recordSteps = true)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var cause = snapshot.Findings.AcuteLiverFailureCause;
        var inputs = new Inputs(cause, snapshot.Labs.Inr, snapshot.Labs.ProthrombinTime, snapshot.AgeYears, snapshot.Findings.JaundiceToEncephalopathyDays, snapshot.Labs.Bilirubin);
        var notApplicable = cause == AcuteLiverFailureCause.Acetaminophen
            ? "for acute liver failure not caused by acetaminophen; the cause given is acetaminophen (see kcc-acetaminophen)"
            : null;
        return KccAcetaminophen.Outcome(Definition, snapshot, notApplicable, (b, missing) => Decide(inputs, b, missing, out _), () => Calculate(inputs, recordSteps));
    }

    /// <summary>Decides whether the criteria are met, with a step for each criterion.</summary>
    /// <exception cref="ArgumentException">Acetaminophen as the cause, or inputs that cannot decide (see <see cref="Evaluate"/>).</exception>
    public static ScoreResult Calculate(Inputs inputs, bool recordSteps = true)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Cause == AcuteLiverFailureCause.Acetaminophen)
        {
            throw new ArgumentException("These criteria are for causes other than acetaminophen; use KccAcetaminophen.", nameof(inputs));
        }

        var minorMet = 0;
        var result = KccAcetaminophen.Result(Definition, recordSteps, (b, missing) => Decide(inputs, b, missing, out minorMet), "criteria", Sources.OGrady1989);
        return result with { Extras = new Dictionary<string, decimal> { [MinorMetExtra] = minorMet } };
    }

    private static bool? Decide(Inputs inputs, Breakdown b, List<string> missing, out int minorMet)
    {
        var major = KccAcetaminophen.Coagulation(inputs.Inr, inputs.ProthrombinTime, InrAbove, 100m, b, "INR > 6.5 or PT > 100 s (on its own)");
        bool? age = inputs.AgeYears is { } a ? a < 10m || a > 40m : null;
        if (b.Recording)
        {
            KccAcetaminophen.Criterion(b, "1. age < 10 or > 40 years", age, inputs.AgeYears is { } av ? $"age {Breakdown.F(av)}" : "ageYears missing");
        }

        bool? aetiology = inputs.Cause is { } c ? c is AcuteLiverFailureCause.Indeterminate or AcuteLiverFailureCause.Halothane or AcuteLiverFailureCause.DrugReaction : null;
        if (b.Recording)
        {
            KccAcetaminophen.Criterion(b, "2. non-A non-B, halothane or idiosyncratic drug reaction", aetiology, inputs.Cause is { } cv ? $"cause {cv}" : "findings.acuteLiverFailureCause missing");
        }

        bool? jaundice = inputs.JaundiceToEncephalopathyDays is { } j ? j > JaundiceDaysAbove : null;
        if (b.Recording)
        {
            KccAcetaminophen.Criterion(b, "3. jaundice to encephalopathy > 7 days", jaundice, inputs.JaundiceToEncephalopathyDays is { } jv ? $"{Breakdown.F(jv)} days" : "findings.jaundiceToEncephalopathyDays missing");
        }

        var coagulation = KccAcetaminophen.Coagulation(inputs.Inr, inputs.ProthrombinTime, InrMinorAbove, 50m, b, "4. INR > 3.5 or PT > 50 s");
        bool? bilirubin = inputs.Bilirubin is { } bi ? bi.MicromolesPerLiter > BilirubinMicromolesAbove : null;
        if (b.Recording)
        {
            KccAcetaminophen.Criterion(b, "5. bilirubin > 300 µmol/L", bilirubin, inputs.Bilirubin is { } bv ? $"{Breakdown.F(bv.MicromolesPerLiter)} µmol/L" : "labs.bilirubin missing");
        }


        bool?[] minors = [age, aetiology, jaundice, coagulation, bilirubin];
        minorMet = minors.Count(m => m == true);
        var unknown = minors.Count(m => m is null);
        b.Add(StepKind.Sum, "lesser criteria met", minorMet, $"{minorMet} of 5 met{(unknown > 0 ? $", {unknown} not determinable" : string.Empty)}; {MinorNeeded} needed (O'Grady 1989)");
        bool? minorArm = minorMet >= MinorNeeded ? true : minorMet + unknown < MinorNeeded ? false : null;
        if (major == true && minorArm != true)
        {
            b.Note("INR alone", "INR > 6.5 (PT > 100 s) meets the criteria on its own, irrespective of the other criteria (O'Grady 1989)");
        }

        bool? met = major == true || minorArm == true ? true : major == false && minorArm == false ? false : null;
        if (met is null)
        {
            KccAcetaminophen.AddIf(missing, major is null, SnapshotKeys.Labs.Inr);
            KccAcetaminophen.AddIf(missing, age is null, SnapshotKeys.AgeYears);
            KccAcetaminophen.AddIf(missing, aetiology is null && !missing.Contains(SnapshotKeys.Findings.AcuteLiverFailureCause), SnapshotKeys.Findings.AcuteLiverFailureCause);
            KccAcetaminophen.AddIf(missing, jaundice is null, SnapshotKeys.Findings.JaundiceToEncephalopathyDays);
            KccAcetaminophen.AddIf(missing, bilirubin is null, SnapshotKeys.Labs.Bilirubin);
        }

        return met;
    }
}
