using Hepatica.Clinical.Findings;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Scores;

/// <summary>
/// Simplified criteria of the International Autoimmune Hepatitis Group (Hennes 2008). Autoantibodies: ANA or SMA (one
/// item, the higher titer) ≥ 1:40 1 point, ≥ 1:80 2 points; LKM ≥ 1:40 2 points; SLA/LP positive 2 points; the
/// autoantibody points are added and capped at 2. IgG &gt; ULN 1, &gt; 1.10 × ULN 2. Histology compatible 1, typical 2
/// (evidence of hepatitis is a necessary condition). Absence of viral hepatitis 2. Total 0-8: ≥ 6 probable, ≥ 7 definite AIH.
/// An untested autoantibody is missing unless the tested ones already reach the cap of 2.
/// </summary>
public static class AihSimplified
{
    /// <summary>Hennes 2008: the simplified criteria, the cap of 2 autoantibody points and the cut-offs 6 and 7.</summary>
    public static readonly Citation Hennes2008 = new(
        "Hennes 2008",
        "Hennes EM, Zeniya M, Czaja AJ, et al. Simplified criteria for the diagnosis of autoimmune hepatitis. Hepatology 2008;48(1):169-176.",
        2008, "https://doi.org/10.1002/hep.22322");

    /// <summary>The cap on the autoantibody points (Hennes 2008: "maximum 2 points for all autoantibodies").</summary>
    public const decimal AutoantibodyCap = 2m;

    /// <summary>What the simplified AIH score is, its range and sources.</summary>
    public static readonly ScoreDefinition Definition = new(
        "aih-simplified", "1.0.0", "Simplified AIH criteria (IAIHG)", 0m, 8m, "integer points; no rounding",
        [SnapshotKeys.Autoimmune.Ana, SnapshotKeys.Autoimmune.Sma, SnapshotKeys.Autoimmune.Lkm, SnapshotKeys.Autoimmune.SlaLp, SnapshotKeys.Autoimmune.Igg, SnapshotKeys.Autoimmune.IggUpperLimit,
         SnapshotKeys.Autoimmune.Histology, SnapshotKeys.Autoimmune.ViralHepatitisExcluded],
        [Hennes2008])
    {
        Population = new(
            "Patients evaluated for suspected autoimmune hepatitis (Hennes 2008: AIH and controls with other liver diseases); no gate is checked.",
            [Hennes2008], []),
    };

    /// <summary>Diagnosis by total (Hennes 2008): ≥ 6 probable, ≥ 7 definite.</summary>
    public static readonly IReadOnlyList<Band> DiagnosisBands =
        [Band.Between(0m, 5m, "below the probable AIH threshold"), Band.Between(6m, 6m, "probable AIH"), Band.Between(7m, 8m, "definite AIH")];

    /// <summary>The inputs of the simplified criteria. A null autoantibody was not tested (0 points; the evaluator asks for it unless the cap is reached).</summary>
    /// <param name="AnaTiter">ANA titer, reciprocal (80 for 1:80; 0 negative).</param>
    /// <param name="SmaTiter">SMA titer, reciprocal.</param>
    /// <param name="LkmTiter">LKM titer, reciprocal.</param>
    /// <param name="SlaLpPositive">SLA/LP antibody positive.</param>
    /// <param name="IgG">Serum IgG.</param>
    /// <param name="IgGUpperLimit">The laboratory's upper limit of normal for IgG.</param>
    /// <param name="Histology">Histology graded for AIH.</param>
    /// <param name="ViralHepatitisExcluded">Viral hepatitis excluded.</param>
    public sealed record Inputs(int? AnaTiter, int? SmaTiter, int? LkmTiter, bool? SlaLpPositive, ImmunoglobulinG IgG, ImmunoglobulinG IgGUpperLimit, AihHistology Histology, bool ViralHepatitisExcluded);

    /// <summary>Gathers the inputs from a snapshot and calculates, or names what is missing.</summary>
    /// <param name="snapshot">The patient.</param>
    /// <param name="recordSteps">False to compute without keeping the breakdown (same value).</param>
    public static ScoreOutcome Evaluate(PatientSnapshot snapshot, bool recordSteps = true)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var a = snapshot.Autoimmune;
        var r = new Requirements();
        if (AutoantibodyPoints(Breakdown.For(false), a.AnaTiter, a.SmaTiter, a.LkmTiter, a.SlaLpPositive) < AutoantibodyCap)
        {
            r.Need(a.AnaTiter, SnapshotKeys.Autoimmune.Ana);
            r.Need(a.SmaTiter, SnapshotKeys.Autoimmune.Sma);
            r.Need(a.LkmTiter, SnapshotKeys.Autoimmune.Lkm);
            r.Need(a.SlaLpPositive, SnapshotKeys.Autoimmune.SlaLp);
        }

        var inputs = new Inputs(
            a.AnaTiter, a.SmaTiter, a.LkmTiter, a.SlaLpPositive, r.Need(a.IgG, SnapshotKeys.Autoimmune.Igg), r.Need(a.IgGUpperLimit, SnapshotKeys.Autoimmune.IggUpperLimit),
            r.Need(a.Histology, SnapshotKeys.Autoimmune.Histology), r.Need(a.ViralHepatitisExcluded, SnapshotKeys.Autoimmune.ViralHepatitisExcluded));
        return r.Outcome(Definition, inputs, recordSteps, Calculate);
    }

    /// <summary>Histology points (Hennes 2008): atypical 0, compatible with AIH 1, typical 2.</summary>
    public static readonly PointsTable<AihHistology> Histology = new(
        new(AihHistology.Atypical, "atypical", "atypical", 0), new(AihHistology.Compatible, "compatible", "compatible", 1),
        new(AihHistology.Typical, "typical", "typical", 2));

    /// <summary>Calculates the points, total and diagnosis with a step for each item and the autoantibody cap.</summary>
    public static ScoreResult Calculate(Inputs inputs, bool recordSteps = true)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var b = Breakdown.For(recordSteps);
        var total = AutoantibodyPoints(b, inputs.AnaTiter, inputs.SmaTiter, inputs.LkmTiter, inputs.SlaLpPositive);
        var ratio = inputs.IgG.GramsPerLiter / inputs.IgGUpperLimit.GramsPerLiter;
        var igg = ratio > 1.10m ? 2m : ratio > 1m ? 1m : 0m;
        total += b.Points("IgG", igg, $"IgG {Breakdown.F(inputs.IgG.GramsPerLiter)} g/L is {Breakdown.F(ratio)} × ULN {Breakdown.F(inputs.IgGUpperLimit.GramsPerLiter)} g/L: {igg} (> ULN 1, > 1.10 × ULN 2; Hennes 2008)");
        var histology = Histology[inputs.Histology];
        total += b.Points("histology", histology.Score, $"{histology.Words}: {histology.Score} (compatible 1, typical 2; evidence of hepatitis is a necessary condition; Hennes 2008)");
        var viral = inputs.ViralHepatitisExcluded ? 2m : 0m;
        total += b.Points("absence of viral hepatitis", viral, $"{(inputs.ViralHepatitisExcluded ? "yes" : "no")}: {viral} (yes 2; Hennes 2008)");
        b.Sum("total", total, "autoantibodies (at most 2) + IgG + histology + absence of viral hepatitis");
        var category = b.Category("diagnosis", total, Bands.Find(DiagnosisBands, total), "Hennes 2008: ≥ 6 probable, ≥ 7 definite");
        return new ScoreResult(Definition, total, null, category, b.Steps, []);
    }

    private static decimal AutoantibodyPoints(Breakdown b, int? ana, int? sma, int? lkm, bool? slaLp)
    {
        var anaSma = Math.Max(ana ?? 0, sma ?? 0);
        var sum = b.Points("ANA or SMA", anaSma >= 80 ? 2m : anaSma >= 40 ? 1m : 0m, $"higher titer {Titer(anaSma)} (ANA {Titer(ana)}, SMA {Titer(sma)}): ≥ 1:40 1, ≥ 1:80 2 (Hennes 2008)");
        sum += b.Points("LKM", lkm >= 40 ? 2m : 0m, $"LKM {Titer(lkm)}: ≥ 1:40 2 (Hennes 2008)");
        sum += b.Points("SLA/LP", slaLp == true ? 2m : 0m, $"SLA/LP {(slaLp is { } p ? (p ? "positive" : "negative") : "not tested")}: positive 2 (Hennes 2008)");
        // The cap is an item rule, recorded as the item's points (a Cap step is reserved for the reported value).
        var capped = Math.Min(sum, AutoantibodyCap);
        return b.Points("autoantibodies", capped, sum > AutoantibodyCap
            ? $"sum {sum} is above the cap: {capped} (Hennes 2008: at most 2 points for all autoantibodies)"
            : $"sum {sum}, within the cap of 2 (Hennes 2008: at most 2 points for all autoantibodies)");
    }

    private static string Titer(int? reciprocal) => reciprocal switch
    {
        null => "not tested",
        0 => "negative",
        { } t => $"1:{t}",
    };
}
