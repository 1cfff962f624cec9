using Hepatica.Clinical.Findings;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Scores;

/// <summary>
/// King's College criteria for acetaminophen-induced acute liver failure (O'Grady 1989): arterial pH &lt; 7.30 after
/// fluid resuscitation, irrespective of the grade of encephalopathy; or all three of INR &gt; 6.5 (prothrombin time
/// &gt; 100 s), creatinine &gt; 300 µmol/L (3.4 mg/dL) and hepatic encephalopathy grade 3-4. The value is 1 when the
/// criteria are met and 0 when not. When pH alone meets them the result stands even if the other inputs are missing;
/// when the inputs given cannot decide, the score is not calculable and names them. INR or prothrombin time may be
/// given for the coagulation criterion (either one above its cut-off meets it). Creatinine is compared in µmol/L, the
/// unit of the paper (300 µmol/L = 3.39 mg/dL).
/// </summary>
public static class KccAcetaminophen
{
    /// <summary>What the criteria are, their range and sources.</summary>
    public static readonly ScoreDefinition Definition = new(
        "kcc-acetaminophen", "1.0.0", "King's College criteria (acetaminophen)", 0m, 1m,
        "no rounding: 1 when the criteria are met, 0 when not (O'Grady 1989)",
        [SnapshotKeys.Findings.AcuteLiverFailureCause, SnapshotKeys.Labs.ArterialPh, SnapshotKeys.Labs.Inr, SnapshotKeys.Labs.Pt, SnapshotKeys.Labs.Creatinine, SnapshotKeys.Findings.EncephalopathyGrade],
        [Sources.OGrady1989])
    {
        Population = new(
            "Patients with acute liver failure caused by acetaminophen (O'Grady 1989: fulminant hepatic failure referred to King's College Hospital; EASL 2017 ALF).",
            [Sources.OGrady1989, Populations.Easl2017Alf],
            [Populations.AcuteLiverFailureRequired]) { RelevantWhen = Populations.AcuteLiverFailure },
    };

    /// <summary>Arterial pH cut-off: below 7.30 (O'Grady 1989).</summary>
    public const decimal PhBelow = 7.30m;

    /// <summary>INR cut-off: above 6.5, the INR equivalent of O'Grady's prothrombin time above 100 s.</summary>
    public const decimal InrAbove = 6.5m;

    /// <summary>Prothrombin time cut-off, seconds: above 100 (O'Grady 1989).</summary>
    public const decimal PtSecondsAbove = 100m;

    /// <summary>Creatinine cut-off, µmol/L: above 300 (O'Grady 1989; 3.4 mg/dL in US texts).</summary>
    public const decimal CreatinineMicromolesAbove = 300m;

    /// <summary>The two outcomes as bands of the value.</summary>
    public static readonly IReadOnlyList<Band> Outcomes =
        [Band.Between(0m, 0m, "criteria not met"), Band.Between(1m, 1m, "criteria met")];

    /// <summary>The inputs the criteria read; any may be missing.</summary>
    /// <param name="ArterialPh">Arterial pH after fluid resuscitation.</param>
    /// <param name="Inr">INR.</param>
    /// <param name="ProthrombinTime">Prothrombin time (alternative to INR).</param>
    /// <param name="Creatinine">Serum creatinine.</param>
    /// <param name="Encephalopathy">West Haven grade.</param>
    public sealed record Inputs(ArterialPh? ArterialPh, Inr? Inr, ProthrombinTime? ProthrombinTime, Creatinine? Creatinine, EncephalopathyGrade? Encephalopathy);

    /// <summary>Gathers the inputs from a snapshot and decides, or names what is missing or why the criteria do not apply.</summary>
    /// <param name="snapshot">The patient.</param>
    /// <param name="recordSteps">False to compute without keeping the breakdown (same value).</param>
    public static ScoreOutcome Evaluate(PatientSnapshot snapshot, bool recordSteps = true)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var inputs = From(snapshot);
        return Outcome(Definition, snapshot, NotForOtherCauses(snapshot), (b, missing) => Decide(inputs, b, missing), () => Calculate(inputs, recordSteps));
    }

    /// <summary>Decides whether the criteria are met, with a step for each criterion.</summary>
    /// <exception cref="ArgumentException">The inputs given cannot decide (see <see cref="Evaluate"/>).</exception>
    public static ScoreResult Calculate(Inputs inputs, bool recordSteps = true)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return Result(Definition, recordSteps, (b, missing) => Decide(inputs, b, missing), "criteria", Sources.OGrady1989);
    }

    /// <summary>Why the acetaminophen criteria do not apply to <paramref name="snapshot"/> (another cause given), or null.</summary>
    internal static string? NotForOtherCauses(PatientSnapshot snapshot) =>
        snapshot.Findings.AcuteLiverFailureCause is { } cause && cause != AcuteLiverFailureCause.Acetaminophen
            ? $"for acetaminophen-induced acute liver failure; the cause given is {cause} (see kcc-non-acetaminophen)"
            : null;

    /// <summary>
    /// The outcome of one of the King's College variants: not applicable with <paramref name="notApplicable"/>'s
    /// reason, not calculable when the cause or the inputs that would decide are missing, else calculated.
    /// </summary>
    internal static ScoreOutcome Outcome(ScoreDefinition definition, PatientSnapshot snapshot, string? notApplicable, Func<Breakdown, List<string>, bool?> decide, Func<ScoreResult> calculate)
    {
        if (notApplicable is not null)
        {
            return ScoreOutcome.NotApplicable(definition, notApplicable);
        }

        var missing = new List<string>();
        AddIf(missing, snapshot.Findings.AcuteLiverFailureCause is null, SnapshotKeys.Findings.AcuteLiverFailureCause);
        decide(Breakdown.For(false), missing);
        return missing.Count == 0 ? ScoreOutcome.Calculated(calculate()) : ScoreOutcome.NotCalculable(definition, missing);
    }

    /// <summary>
    /// The result of one of the King's College variants: 1 when <paramref name="decide"/> says the
    /// <paramref name="criteria"/> are met, 0 when not, with the outcome band citing <paramref name="sources"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The inputs cannot decide.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2208:Instantiate argument exceptions correctly", Justification = "Thrown on behalf of the public Calculate, whose parameter is inputs.")]
    internal static ScoreResult Result(ScoreDefinition definition, bool recordSteps, Func<Breakdown, List<string>, bool?> decide, string criteria, params ReadOnlySpan<Citation> sources)
    {
        var b = Breakdown.For(recordSteps);
        var missing = new List<string>();
        var met = decide(b, missing) ?? throw new ArgumentException("The inputs cannot decide the criteria; missing: " + string.Join(", ", missing), "inputs");
        var value = b.Sum("criteria met", met ? 1m : 0m, met ? $"1: the {criteria} are met" : $"0: the {criteria} are not met");
        var category = b.Category("outcome", value, Bands.Find(Outcomes, value), sources);
        return new ScoreResult(definition, value, null, category, b.Steps, []);
    }

    /// <summary>The inputs of a snapshot.</summary>
    internal static Inputs From(PatientSnapshot snapshot) =>
        new(snapshot.Labs.ArterialPh, snapshot.Labs.Inr, snapshot.Labs.ProthrombinTime, snapshot.Labs.Creatinine, snapshot.Findings.Encephalopathy);

    /// <summary>
    /// True when met, false when not, null when the inputs given cannot decide (then the paths that would decide are
    /// added to <paramref name="missing"/>). Records a step per criterion.
    /// </summary>
    internal static bool? Decide(Inputs inputs, Breakdown b, List<string> missing)
    {
        bool? ph = inputs.ArterialPh is { } p ? p.Value < PhBelow : null;
        if (b.Recording)
        {
            Criterion(b, "arterial pH < 7.30", ph, inputs.ArterialPh is { } pv ? $"pH {Breakdown.F(pv.Value)}" : "labs.arterialPh missing");
        }

        var coagulation = Coagulation(inputs.Inr, inputs.ProthrombinTime, InrAbove, PtSecondsAbove, b, "INR > 6.5 or PT > 100 s");
        bool? creatinine = inputs.Creatinine is { } c ? c.MicromolesPerLiter > CreatinineMicromolesAbove : null;
        if (b.Recording)
        {
            Criterion(b, "creatinine > 300 µmol/L", creatinine, inputs.Creatinine is { } cv ? $"{Breakdown.F(cv.MicromolesPerLiter)} µmol/L" : "labs.creatinine missing");
        }

        bool? he = inputs.Encephalopathy is { } e ? e.Grade >= 3 : null;
        if (b.Recording)
        {
            Criterion(b, "encephalopathy grade 3-4", he, inputs.Encephalopathy is { } ev ? $"West Haven grade {ev.Grade}" : "findings.encephalopathyGrade missing");
        }

        bool? triad = coagulation == false || creatinine == false || he == false ? false
            : coagulation == true && creatinine == true && he == true ? true : null;
        if (ph == true && triad != true)
        {
            b.Note("pH alone", triad is null
                ? "pH < 7.30 meets the criteria on its own; the inputs missing from the second arm cannot change that (O'Grady 1989)"
                : "pH < 7.30 meets the criteria on its own (O'Grady 1989)");
        }

        bool? met = ph == true || triad == true ? true : ph == false && triad == false ? false : null;
        if (met is null)
        {
            AddIf(missing, ph is null, SnapshotKeys.Labs.ArterialPh);
            AddIf(missing, triad is null && coagulation is null, SnapshotKeys.Labs.Inr);
            AddIf(missing, triad is null && creatinine is null, SnapshotKeys.Labs.Creatinine);
            AddIf(missing, triad is null && he is null, SnapshotKeys.Findings.EncephalopathyGrade);
        }

        return met;
    }

    /// <summary>Adds <paramref name="path"/> when <paramref name="condition"/> holds.</summary>
    internal static void AddIf(List<string> missing, bool condition, string path)
    {
        if (condition)
        {
            missing.Add(path);
        }
    }

    /// <summary>
    /// The coagulation criterion from INR or prothrombin time: met when either given one is above its cut-off, not met
    /// when every given one is at or below it, null when neither is given. Records a step, and a note when they disagree.
    /// </summary>
    internal static bool? Coagulation(Inr? inr, ProthrombinTime? pt, decimal inrAbove, decimal ptAbove, Breakdown b, string label)
    {
        bool? byInr = inr is { } i ? i.Ratio > inrAbove : null;
        bool? byPt = pt is { } p ? p.Seconds > ptAbove : null;
        bool? met = byInr == true || byPt == true ? true : byInr is null && byPt is null ? null : false;
        if (b.Recording)
        {
            var given = string.Join(", ", new[] { inr is { } iv ? $"INR {Breakdown.F(iv.Ratio)}" : null, pt is { } pv ? $"PT {Breakdown.F(pv.Seconds)} s" : null }.OfType<string>());
            Criterion(b, label, met, met is null ? "labs.inr and labs.pt missing" : given);
            if (byInr is { } x && byPt is { } y && x != y)
            {
                b.Note(label, "INR and prothrombin time disagree about the cut-off; the one above it is used (O'Grady 1989 used prothrombin time, INR is its modern equivalent)");
            }
        }

        return met;
    }

    /// <summary>Records one criterion as met, not met or not determinable.</summary>
    internal static void Criterion(Breakdown b, string label, bool? met, string detail, string source = "O'Grady 1989")
    {
        if (b.Recording)
        {
            b.Note(label, $"{detail}: {(met is null ? "not determinable" : met.Value ? "met" : "not met")} ({source})");
        }
    }
}
