using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Labs;

/// <summary>
/// Plausibility limits of one analyte, in its canonical unit. A value at or below <see cref="ImpossibleAtOrBelow"/>
/// or above <see cref="ImpossibleAbove"/> is an error; a value below <see cref="UnusualBelow"/> or above
/// <see cref="UnusualAbove"/> is a warning carried in the result. All limits live in <see cref="PlausibilityLimits"/>.
/// </summary>
/// <param name="Analyte">Display name.</param>
/// <param name="CanonicalUnit">UCUM code of the canonical unit.</param>
/// <param name="ImpossibleAtOrBelow">Values at or below this are impossible.</param>
/// <param name="ImpossibleAbove">Values above this are impossible (usually a unit mix-up).</param>
/// <param name="UnusualBelow">Values below this are unusual.</param>
/// <param name="UnusualAbove">Values above this are unusual.</param>
/// <param name="MixUpHint">What an impossibly high value most likely is, for the message.</param>
public sealed record LabLimits(
    string Analyte,
    string CanonicalUnit,
    decimal ImpossibleAtOrBelow,
    decimal ImpossibleAbove,
    decimal UnusualBelow,
    decimal UnusualAbove,
    string? MixUpHint = null)
{
    /// <summary>The issue a canonical value raises, or null when it is plausible.</summary>
    /// <param name="canonical">The value in the canonical unit.</param>
    /// <param name="reported">The value as reported.</param>
    /// <param name="reportedUnit">The unit as reported (UCUM).</param>
    public InputIssue? Check(decimal canonical, decimal reported, string reportedUnit)
    {
        if (canonical <= ImpossibleAtOrBelow)
        {
            return InputIssue.Error(IssueCodes.ImpossibleValue, Analyte, $"{Analyte} {Given(canonical, reported, reportedUnit)} is impossible: it must be greater than {Breakdown.F(ImpossibleAtOrBelow)}{UnitSuffix}.");
        }

        if (canonical > ImpossibleAbove)
        {
            return InputIssue.Error(IssueCodes.ImpossibleValue, Analyte, $"{Analyte} {Given(canonical, reported, reportedUnit)} is impossible: the largest accepted value is {Breakdown.F(ImpossibleAbove)}{UnitSuffix}.{(MixUpHint is null ? string.Empty : " " + MixUpHint)}");
        }

        if (canonical < UnusualBelow || canonical > UnusualAbove)
        {
            return InputIssue.Warning(IssueCodes.UnusualValue, Analyte, $"{Analyte} {Given(canonical, reported, reportedUnit)} is unusual (expected {Breakdown.F(UnusualBelow)} to {Breakdown.F(UnusualAbove)}{UnitSuffix}); check it was entered in the right unit.");
        }

        return null;
    }

    /// <summary>" mg/dL" after a number, or nothing for a ratio (UCUM unit 1).</summary>
    private string UnitSuffix => CanonicalUnit == "1" ? string.Empty : " " + CanonicalUnit;

    /// <summary>The value as given, with its canonical equivalent when the unit differs: "150 umol/L (= 1.697 mg/dL)".</summary>
    private string Given(decimal canonical, decimal reported, string reportedUnit)
    {
        var given = reportedUnit.Length == 0 || reportedUnit == "1" ? Breakdown.F(reported) : $"{Breakdown.F(reported)} {reportedUnit}";
        return reportedUnit == CanonicalUnit
            ? given
            : $"{given} (= {Breakdown.F(decimal.Round(canonical, 3, MidpointRounding.AwayFromZero))} {CanonicalUnit})";
    }

}

/// <summary>
/// Every plausibility limit in one place, in canonical units. Impossible limits are physiological bounds wide
/// enough never to reject a real measurement; values beyond them are almost always a unit mix-up (bilirubin
/// 300 "mg/dL" is 300 µmol/L). Unusual limits flag values that are possible but rare enough to be worth a second
/// look. These are engineering choices for data checking, not clinical cut-offs; see docs/snapshot.md.
/// </summary>
public static class PlausibilityLimits
{
    /// <summary>Total bilirubin, mg/dL.</summary>
    public static readonly LabLimits Bilirubin = new("bilirubin", "mg/dL", 0m, 100m, 0.1m, 50m,
        "A value this high is almost certainly in µmol/L (1 mg/dL = 17.1 µmol/L).");

    /// <summary>Serum creatinine, mg/dL.</summary>
    public static readonly LabLimits Creatinine = new("creatinine", "mg/dL", 0m, 40m, 0.2m, 15m,
        "A value this high is almost certainly in µmol/L (1 mg/dL = 88.4 µmol/L).");

    /// <summary>International normalised ratio (no unit).</summary>
    public static readonly LabLimits Inr = new("INR", "1", 0m, 30m, 0.8m, 10m);

    /// <summary>Serum albumin, g/dL.</summary>
    public static readonly LabLimits Albumin = new("albumin", "g/dL", 0m, 10m, 1.0m, 6.0m,
        "A value this high is almost certainly in g/L (1 g/dL = 10 g/L).");

    /// <summary>Serum sodium, mmol/L.</summary>
    public static readonly LabLimits Sodium = new("sodium", "mmol/L", 80m, 200m, 115m, 160m);

    /// <summary>Platelet count, 10^9/L.</summary>
    public static readonly LabLimits Platelets = new("platelets", "10*9/L", 0m, 5000m, 10m, 1000m,
        "A value this high is probably per µL; give it as /uL or in 10*9/L.");

    /// <summary>Aspartate aminotransferase (and its upper limit of normal), U/L.</summary>
    public static readonly LabLimits Ast = new("AST", "U/L", 0m, 100_000m, 5m, 10_000m);

    /// <summary>Alanine aminotransferase (and its upper limit of normal), U/L.</summary>
    public static readonly LabLimits Alt = new("ALT", "U/L", 0m, 100_000m, 5m, 10_000m);

    /// <summary>Alkaline phosphatase (and its upper limit of normal), U/L.</summary>
    public static readonly LabLimits Alp = new("ALP", "U/L", 0m, 100_000m, 10m, 5_000m);

    /// <summary>White blood cell count, 10^9/L.</summary>
    public static readonly LabLimits WhiteCells = new("white cells", "10*9/L", 0m, 1000m, 1m, 100m,
        "A value this high is probably per µL; give it as /uL or in 10*9/L.");

    /// <summary>Absolute lymphocyte count, 10^9/L (a count reported as 0 is rejected: give the detection limit).</summary>
    public static readonly LabLimits Lymphocytes = new("lymphocytes", "10*9/L", 0m, 500m, 0.1m, 50m,
        "A value this high is probably per µL; give it as /uL or in 10*9/L.");

    /// <summary>Absolute neutrophil count, 10^9/L (a count reported as 0 is rejected: give the detection limit).</summary>
    public static readonly LabLimits Neutrophils = new("neutrophils", "10*9/L", 0m, 500m, 0.1m, 80m,
        "A value this high is probably per µL; give it as /uL or in 10*9/L.");

    /// <summary>Ascitic fluid total protein, g/dL.</summary>
    public static readonly LabLimits AscitesProtein = new("ascitic fluid protein", "g/dL", 0m, 10m, 0.1m, 6m,
        "A value this high is almost certainly in g/L (1 g/dL = 10 g/L).");

    /// <summary>Urea, mmol/L (from urea or blood urea nitrogen).</summary>
    public static readonly LabLimits Urea = new("urea", "mmol/L", 0m, 200m, 1m, 60m,
        "A value this high is probably in mg/dL: give it under labs.bun (urea nitrogen) or with unit mg/dL under labs.urea.");

    /// <summary>Prothrombin time, seconds (the patient's or the control).</summary>
    public static readonly LabLimits ProthrombinTime = new("prothrombin time", "s", 0m, 300m, 8m, 150m);

    /// <summary>Arterial pH (no unit). Survivable extremes reported are about 6.5-7.9.</summary>
    public static readonly LabLimits ArterialPh = new("arterial pH", "1", 6.0m, 8.0m, 6.8m, 7.7m);

    /// <summary>Lactate, mmol/L.</summary>
    public static readonly LabLimits Lactate = new("lactate", "mmol/L", 0m, 50m, 0.3m, 20m,
        "A value this high is probably in mg/dL (1 mmol/L = 9.008 mg/dL).");

    /// <summary>Phosphate, mmol/L.</summary>
    public static readonly LabLimits Phosphate = new("phosphate", "mmol/L", 0m, 10m, 0.3m, 4m,
        "A value this high is probably in mg/dL (1 mmol/L = 3.097 mg/dL of phosphorus).");

    /// <summary>Immunoglobulin G (and its upper limit of normal), g/L.</summary>
    public static readonly LabLimits ImmunoglobulinG = new("IgG", "g/L", 0m, 150m, 2m, 60m,
        "A value this high is almost certainly in mg/dL (1 g/L = 100 mg/dL).");

    /// <summary>Age in years: negative or above 130 is impossible.</summary>
    public const decimal MaximumAgeYears = 130m;

    /// <summary>
    /// The earliest date the readers accept (an assessment or as-of date, a dated value, a dose, a medication start):
    /// older than any living patient's record, and far enough from <see cref="DateOnly.MinValue"/> that no window,
    /// grace period or dose interval the core subtracts can leave the calendar.
    /// </summary>
    public static readonly DateOnly EarliestDate = new(1900, 1, 1);

    /// <summary>The latest date the readers accept: far from <see cref="DateOnly.MaxValue"/>, so adding a dose interval or a booster's ten years stays in the calendar.</summary>
    public static readonly DateOnly LatestDate = new(2200, 12, 31);

    /// <summary>"1900-01-01 to 2200-12-31", for messages.</summary>
    public const string DateRange = "1900-01-01 to 2200-12-31";
}
