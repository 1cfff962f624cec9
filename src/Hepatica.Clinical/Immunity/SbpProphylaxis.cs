using Hepatica.Clinical.Labs;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Immunity;

/// <summary>
/// Indications for antibiotic prophylaxis of spontaneous bacterial peritonitis in cirrhosis (AASLD 2021 guidance on
/// ascites, SBP and HRS, Biggins 2021):
/// <list type="bullet">
/// <item><c>sbp-secondary</c>: a prior episode of SBP (long-term prophylaxis).</item>
/// <item><c>sbp-primary</c>: ascitic fluid protein &lt; 1.5 g/dL with renal dysfunction (creatinine ≥ 1.2 mg/dL, BUN
/// ≥ 25 mg/dL or sodium ≤ 130 mmol/L) or liver failure (Child-Pugh ≥ 9 with bilirubin ≥ 3 mg/dL).</item>
/// <item><c>sbp-gi-bleeding</c>: gastrointestinal bleeding in cirrhosis (ceftriaxone 1 g/24 h, up to 7 days).</item>
/// </list>
/// Each needs <c>findings.cirrhosis</c> true; when it is not given and a rule would apply, the section asks for it.
/// </summary>
public static class SbpProphylaxis
{
    /// <summary>AASLD 2021 practice guidance on ascites, SBP and hepatorenal syndrome.</summary>
    public static readonly Citation Aasld2021 = new(
        "AASLD 2021 ascites",
        "Biggins SW, Angeli P, Garcia-Tsao G, et al. Diagnosis, evaluation, and management of ascites, spontaneous bacterial peritonitis and hepatorenal syndrome: 2021 practice guidance by the American Association for the Study of Liver Diseases. Hepatology 2021;74(2):1014-1048.",
        2021, "https://doi.org/10.1002/hep.31884");

    /// <summary>Id of the secondary prophylaxis signal (a prior episode).</summary>
    public const string Secondary = "sbp-secondary";

    /// <summary>Id of the primary prophylaxis signal (low ascitic protein with renal dysfunction or liver failure).</summary>
    public const string Primary = "sbp-primary";

    /// <summary>Id of the prophylaxis signal in gastrointestinal bleeding.</summary>
    public const string GiBleeding = "sbp-gi-bleeding";

    /// <summary>Ascitic fluid protein below which primary prophylaxis is considered, g/dL (strictly below).</summary>
    public const decimal LowProteinGramsPerDeciliter = 1.5m;

    /// <summary>Creatinine from which renal function counts as impaired, mg/dL (at or above).</summary>
    public const decimal CreatinineMgPerDl = 1.2m;

    /// <summary>BUN from which renal function counts as impaired, mg/dL (at or above).</summary>
    public const decimal BunMgPerDl = 25m;

    /// <summary>Sodium at or below which the criterion is met, mmol/L.</summary>
    public const decimal SodiumMmolPerL = 130m;

    /// <summary>Child-Pugh points from which liver failure counts (with bilirubin ≥ 3 mg/dL).</summary>
    public const decimal ChildPughPoints = 9m;

    /// <summary>Bilirubin from which liver failure counts (with Child-Pugh ≥ 9), mg/dL.</summary>
    public const decimal BilirubinMgPerDl = 3m;

    /// <summary>The indications that apply; inputs that would decide others are added to <paramref name="missing"/>.</summary>
    /// <param name="snapshot">The patient.</param>
    /// <param name="outcomes">Score outcomes (Child-Pugh is read).</param>
    /// <param name="missing">Collects snapshot paths that would decide.</param>
    public static IReadOnlyList<ImmuneSignal> Evaluate(PatientSnapshot snapshot, IReadOnlyList<ScoreOutcome> outcomes, ICollection<string> missing)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(missing);
        var candidates = new List<ImmuneSignal>();
        var h = snapshot.History;
        if (h.PriorSbp is true)
        {
            candidates.Add(new(Secondary, "Prior spontaneous bacterial peritonitis: long-term antibiotic prophylaxis (secondary prophylaxis), e.g. ciprofloxacin, norfloxacin or trimethoprim-sulfamethoxazole daily.", Aasld2021));
        }

        if (snapshot.Labs.AscitesProtein is { } protein && protein.GramsPerDeciliter < LowProteinGramsPerDeciliter)
        {
            var reasons = PrimaryReasons(snapshot.Labs, ChildPugh(outcomes, out var childPughRange), out var undecided);
            if (reasons.Count == 0 && childPughRange is { } cp && snapshot.Labs.Bilirubin is { } bili && bili.MilligramsPerDeciliter >= BilirubinMgPerDl
                && cp.Any(r => r.Value >= ChildPughPoints))
            {
                // A ranged Child-Pugh counts only when every alternative reaches 9 (never one end silently): here some do.
                undecided.AddRange(cp.SettledBy);
            }
            else if (childPughRange is { } all && reasons.Count > 0 && all.Minimum != all.Maximum)
            {
                // Every alternative reaches 9: say the whole range, not its low end.
                var low = $"Child-Pugh {Breakdown.F(all.Minimum)} ";
                reasons = [.. reasons.Select(x => x.Replace(low, $"Child-Pugh {Breakdown.F(all.Minimum)}-{Breakdown.F(all.Maximum)} ", StringComparison.Ordinal))];
            }

            if (reasons.Count > 0)
            {
                candidates.Add(new(Primary,
                    $"Ascitic fluid protein {Breakdown.F(protein.GramsPerDeciliter)} g/dL (< {Breakdown.F(LowProteinGramsPerDeciliter)}) with {string.Join(" and ", reasons)}: primary antibiotic prophylaxis of SBP.", Aasld2021));
            }
            else
            {
                foreach (var path in undecided)
                {
                    missing.Add(path);
                }
            }
        }

        if (h.GiBleedingNow is true)
        {
            candidates.Add(new(GiBleeding, "Gastrointestinal bleeding in cirrhosis: antibiotic prophylaxis now, ceftriaxone 1 g every 24 hours for up to 7 days.", Aasld2021));
        }

        if (candidates.Count == 0)
        {
            return [];
        }

        if (snapshot.Findings.Cirrhosis is null)
        {
            missing.Add(SnapshotKeys.Findings.Cirrhosis);
            return [];
        }

        return snapshot.Findings.Cirrhosis is true ? candidates : [];
    }

    /// <summary>
    /// Child-Pugh points: the value when calculated; when ranged over missing findings, the lowest value if every
    /// alternative was calculated (so "≥ 9" holds for every value), with the range itself in <paramref name="range"/>.
    /// </summary>
    private static decimal? ChildPugh(IReadOnlyList<ScoreOutcome> outcomes, out ScoreRange? range)
    {
        var o = ScoreOutcome.Find(outcomes, Scores.ChildPugh.Definition);
        range = o?.Range;
        return o?.Result?.Value ?? (o?.Range is { } r && r.All(_ => true) ? r.Minimum : null);
    }

    private static List<string> PrimaryReasons(LabPanel labs, decimal? childPugh, out List<string> undecided)
    {
        var reasons = new List<string>();
        undecided = [];
        var renal = new List<string>();
        if (labs.Creatinine is { } c && c.MilligramsPerDeciliter >= CreatinineMgPerDl)
        {
            renal.Add($"creatinine {Breakdown.F(decimal.Round(c.MilligramsPerDeciliter, 2, MidpointRounding.AwayFromZero))} mg/dL (≥ {Breakdown.F(CreatinineMgPerDl)})");
        }

        if (labs.Urea is { } u && Bun(u) >= BunMgPerDl)
        {
            renal.Add($"BUN {Breakdown.F(decimal.Round(Bun(u), 1, MidpointRounding.AwayFromZero))} mg/dL (≥ {Breakdown.F(BunMgPerDl)})");
        }

        if (labs.Sodium is { } na && na.MillimolesPerLiter <= SodiumMmolPerL)
        {
            renal.Add($"sodium {Breakdown.F(na.MillimolesPerLiter)} mmol/L (≤ {Breakdown.F(SodiumMmolPerL)})");
        }

        if (renal.Count > 0)
        {
            reasons.Add("renal dysfunction: " + string.Join(", ", renal));
        }

        if (childPugh >= ChildPughPoints && labs.Bilirubin is { } b && b.MilligramsPerDeciliter >= BilirubinMgPerDl)
        {
            reasons.Add($"liver failure: Child-Pugh {Breakdown.F(childPugh.Value)} (≥ {Breakdown.F(ChildPughPoints)}) and bilirubin {Breakdown.F(b.MilligramsPerDeciliter)} mg/dL (≥ {Breakdown.F(BilirubinMgPerDl)})");
        }

        if (reasons.Count == 0)
        {
            if (labs.Creatinine is null)
            {
                undecided.Add(SnapshotKeys.Labs.Creatinine);
            }

            if (labs.Urea is null)
            {
                undecided.Add(SnapshotKeys.Labs.Bun);
            }

            if (labs.Sodium is null)
            {
                undecided.Add(SnapshotKeys.Labs.Sodium);
            }

            if (labs.Bilirubin is null)
            {
                undecided.Add(SnapshotKeys.Labs.Bilirubin);
            }
            else if (childPugh is null && labs.Bilirubin.Value.MilligramsPerDeciliter >= BilirubinMgPerDl)
            {
                undecided.Add("child-pugh (labs.albumin, labs.inr, findings.ascites, findings.encephalopathyGrade)");
            }
        }

        return reasons;
    }

    /// <summary>
    /// Blood urea nitrogen, mg/dL, from urea in mmol/L (1 mmol/L urea = 2.801 mg/dL BUN), rounded to 6 decimals so that
    /// a BUN given as 25 mg/dL reads back as 25 after the round trip through mmol/L.
    /// </summary>
    private static decimal Bun(Urea urea) =>
        decimal.Round(urea.MillimolesPerLiter * Urea.MilligramsNitrogenPerDeciliterPerMillimolePerLiter, 6, MidpointRounding.AwayFromZero);
}
