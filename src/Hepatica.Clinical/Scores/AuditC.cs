using Hepatica.Clinical.Findings;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Scores;

/// <summary>
/// AUDIT-C, the consumption questions of the AUDIT (Bush 1998): three questions each answered 0-4 points (how often a
/// drink; drinks on a typical drinking day; how often six or more drinks on one occasion), total 0-12. A positive screen
/// for unhealthy alcohol use is ≥ 4 in men and ≥ 3 in women (Bradley 2007).
/// </summary>
public static class AuditC
{
    /// <summary>Bush 1998: the AUDIT-C questions and their scoring.</summary>
    public static readonly Citation Bush1998 = new(
        "Bush 1998",
        "Bush K, Kivlahan DR, McDonell MB, Fihn SD, Bradley KA. The AUDIT alcohol consumption questions (AUDIT-C): an effective brief screening test for problem drinking. Arch Intern Med 1998;158(16):1789-1795.",
        1998, "https://doi.org/10.1001/archinte.158.16.1789");

    /// <summary>Bradley 2007: the cut-offs ≥ 4 for men and ≥ 3 for women.</summary>
    public static readonly Citation Bradley2007 = new(
        "Bradley 2007",
        "Bradley KA, DeBenedetti AF, Volk RJ, Williams EC, Frank D, Kivlahan DR. AUDIT-C as a brief screen for alcohol misuse in primary care. Alcohol Clin Exp Res 2007;31(7):1208-1217.",
        2007, "https://doi.org/10.1111/j.1530-0277.2007.00403.x");

    /// <summary>What AUDIT-C is, its range and sources.</summary>
    public static readonly ScoreDefinition Definition = new(
        "audit-c", "1.0.0", "AUDIT-C", 0m, 12m, "integer points; no rounding",
        [SnapshotKeys.Alcohol.AuditC.Q1, SnapshotKeys.Alcohol.AuditC.Q2, SnapshotKeys.Alcohol.AuditC.Q3, SnapshotKeys.Sex], [Bush1998, Bradley2007])
    {
        Population = new(
            "Adults screened for alcohol use (Bush 1998: male veterans; Bradley 2007: women and men, the sex-specific cut-offs); no gate is checked.",
            [Bush1998, Bradley2007], []),
    };

    /// <summary>The category of a positive screen, for either sex's cut-off (Bradley 2007).</summary>
    public const string PositiveScreen = "positive screen (unhealthy alcohol use)";

    /// <summary>Screen in men (Bradley 2007): positive at 4 or more.</summary>
    public static readonly IReadOnlyList<Band> MenBands =
        [Band.Between(0m, 3m, "negative screen"), Band.Between(4m, 12m, PositiveScreen)];

    /// <summary>Screen in women (Bradley 2007): positive at 3 or more.</summary>
    public static readonly IReadOnlyList<Band> WomenBands =
        [Band.Between(0m, 2m, "negative screen"), Band.Between(3m, 12m, PositiveScreen)];

    /// <summary>The inputs AUDIT-C needs.</summary>
    /// <param name="Q1">Question 1 points, 0-4.</param>
    /// <param name="Q2">Question 2 points, 0-4.</param>
    /// <param name="Q3">Question 3 points, 0-4.</param>
    /// <param name="Sex">Sex (selects the cut-off).</param>
    public sealed record Inputs(int Q1, int Q2, int Q3, Sex Sex);

    /// <summary>Gathers the inputs from a snapshot and calculates, or names what is missing.</summary>
    /// <param name="snapshot">The patient.</param>
    /// <param name="recordSteps">False to compute without keeping the breakdown (same value).</param>
    public static ScoreOutcome Evaluate(PatientSnapshot snapshot, bool recordSteps = true)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var a = snapshot.Alcohol;
        var r = new Requirements();
        var inputs = new Inputs(
            r.Need(a.AuditCQ1, SnapshotKeys.Alcohol.AuditC.Q1), r.Need(a.AuditCQ2, SnapshotKeys.Alcohol.AuditC.Q2), r.Need(a.AuditCQ3, SnapshotKeys.Alcohol.AuditC.Q3), r.Need(snapshot.Sex, SnapshotKeys.Sex));
        return r.Outcome(Definition, inputs, recordSteps, Calculate);
    }

    /// <summary>Adds the answers and screens by sex.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An answer outside 0-4.</exception>
    public static ScoreResult Calculate(Inputs inputs, bool recordSteps = true)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var b = Breakdown.For(recordSteps);
        var total = Answer(b, "Q1 how often a drink", inputs.Q1, "never 0, monthly or less 1, 2-4 times a month 2, 2-3 times a week 3, 4 or more times a week 4")
            + Answer(b, "Q2 drinks on a typical day", inputs.Q2, "1-2 0, 3-4 1, 5-6 2, 7-9 3, 10 or more 4")
            + Answer(b, "Q3 six or more drinks on one occasion", inputs.Q3, "never 0, less than monthly 1, monthly 2, weekly 3, daily or almost daily 4");
        b.Sum("total", total, "sum of the three answers (Bush 1998)");
        var (bands, source) = inputs.Sex == Sex.Female ? (WomenBands, "Bradley 2007: positive at 3 or more in women") : (MenBands, "Bradley 2007: positive at 4 or more in men");
        var category = b.Category("screen", total, Bands.Find(bands, total), source);
        return new ScoreResult(Definition, total, null, category, b.Steps, []);
    }

    private static decimal Answer(Breakdown b, string label, int points, string scale) =>
        points is >= 0 and <= 4
            ? b.Points(label, points, $"{points} ({scale}; Bush 1998)")
            : throw new ArgumentOutOfRangeException(nameof(points), points, "AUDIT-C answers score 0 to 4.");
}
