using Hepatica.Clinical.Findings;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Transplant;

/// <summary>
/// Transplant referral signals read from an assessment's scores and findings. Each signal names the guideline that
/// sets its threshold; none is a decision, each is a prompt for the clinician. The chronic-disease signals need
/// <c>findings.cirrhosis</c> to be true; when it is not given and a threshold is crossed, the section says so instead
/// of guessing. Thresholds:
/// <list type="bullet">
/// <item>MELD-Na or MELD 3.0 ≥ 15 in cirrhosis: refer for transplant evaluation (AASLD/AST 2013; EASL 2016).</item>
/// <item>A major complication of cirrhosis (ascites, variceal bleeding, hepatic encephalopathy): refer (EASL 2016;
/// AASLD/AST 2013).</item>
/// <item>UKELD ≥ 49 in cirrhosis: meets the UK minimum for listing for chronic liver disease (Barber 2011).</item>
/// <item>Acute liver failure meeting King's College criteria (any variant): urgent (EASL 2017 acute liver failure CPG).</item>
/// <item>ACLF grade 2 or 3: urgent assessment for transplant (EASL 2023 ACLF CPG).</item>
/// </list>
/// </summary>
public static class TransplantSignals
{
    /// <summary>AASLD/AST 2013 guideline on evaluation for liver transplantation in adults.</summary>
    public static readonly Citation Aasld2013 = new(
        "AASLD/AST 2013",
        "Martin P, DiMartini A, Feng S, Brown R Jr, Fallon M. Evaluation for liver transplantation in adults: 2013 practice guideline by the American Association for the Study of Liver Diseases and the American Society of Transplantation. Hepatology 2014;59(3):1144-1165.",
        2014, "https://doi.org/10.1002/hep.26972");

    /// <summary>EASL 2016 clinical practice guidelines on liver transplantation.</summary>
    public static readonly Citation Easl2016 = new(
        "EASL 2016",
        "European Association for the Study of the Liver. EASL Clinical Practice Guidelines: Liver transplantation. J Hepatol 2016;64(2):433-485.",
        2016, "https://doi.org/10.1016/j.jhep.2015.10.006");

    /// <summary>EASL 2017 clinical practice guidelines on acute (fulminant) liver failure (one citation with the score populations).</summary>
    public static readonly Citation Easl2017Alf = Scores.Populations.Easl2017Alf;

    /// <summary>EASL 2023 clinical practice guidelines on acute-on-chronic liver failure.</summary>
    public static readonly Citation Easl2023Aclf = new(
        "EASL 2023 ACLF",
        "European Association for the Study of the Liver. EASL Clinical Practice Guidelines on acute-on-chronic liver failure. J Hepatol 2023;79(2):461-491.",
        2023, "https://doi.org/10.1016/j.jhep.2023.04.021");

    /// <summary>MELD threshold for referral in cirrhosis (AASLD/AST 2013; EASL 2016).</summary>
    public const decimal MeldReferralThreshold = 15m;

    /// <summary>UKELD threshold for listing in the UK (Barber 2011).</summary>
    public const decimal UkeldListingThreshold = 49m;

    private static readonly ScoreDefinition[] KingsCollege = [Scores.KccAcetaminophen.Definition, Scores.KccAcetaminophenLactate.Definition, Scores.KccNonAcetaminophen.Definition];

    /// <summary>
    /// The signals that apply to a snapshot given its score outcomes. A signal is raised only when every value of the
    /// missing inputs raises it: a ranged score (<see cref="OutcomeStatus.Range"/>) raises only when every alternative
    /// crosses the threshold, and a chronic-disease signal only when <c>findings.cirrhosis</c> is true. When some values
    /// would raise it and others not, it is possible (<see cref="TransplantSection.Possible"/>) and names what settles it.
    /// </summary>
    /// <param name="snapshot">The patient.</param>
    /// <param name="outcomes">The score outcomes of the same snapshot.</param>
    public static TransplantSection Evaluate(PatientSnapshot snapshot, IReadOnlyList<ScoreOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(outcomes);
        var signals = new List<TransplantSignal>();
        var possible = new List<PossibleTransplantSignal>();

        PossibleTransplantSignal? kingsPossible = null;
        foreach (var score in KingsCollege)
        {
            if (Test(outcomes, score, v => v == 1m) is not { } t)
            {
                continue;
            }

            if (t.All)
            {
                signals.Add(new(TransplantSignal.AlfKingsCollege, SignalUrgency.Urgent,
                    $"Acute liver failure meeting the {t.Name}: discuss with a transplant centre now for emergency listing.", Easl2017Alf));
                kingsPossible = null;
                break;
            }

            if (t.Any)
            {
                kingsPossible ??= new(new(TransplantSignal.AlfKingsCollege, SignalUrgency.Urgent,
                    $"Possible: the {t.Name} are met for some values of {string.Join(", ", t.SettledBy)}: give them to decide whether to discuss emergency listing now.", Easl2017Alf), t.SettledBy);
            }
        }

        if (kingsPossible is not null)
        {
            possible.Add(kingsPossible);
        }

        if (Test(outcomes, Scores.AclfGrade.Definition, v => v >= 2m) is { } aclf)
        {
            if (aclf.All)
            {
                signals.Add(new(TransplantSignal.AclfGrade2To3, SignalUrgency.Urgent,
                    $"ACLF grade {aclf.Words}: assess urgently for liver transplantation.", Easl2023Aclf));
            }
            else if (aclf.Any)
            {
                possible.Add(new(new(TransplantSignal.AclfGrade2To3, SignalUrgency.Urgent,
                    $"Possible: ACLF grade {aclf.Words} depending on {string.Join(", ", aclf.SettledBy)}; grade 2 or 3 needs urgent assessment for liver transplantation.", Easl2023Aclf), aclf.SettledBy));
            }
        }

        var findings = snapshot.Findings;
        var cirrhosis = findings.Cirrhosis;
        string[] cirrhosisPath = cirrhosis is null ? [SnapshotKeys.Findings.Cirrhosis] : [];
        if (cirrhosis is not false)
        {
            ChronicThreshold(possible, signals, cirrhosis, cirrhosisPath, TransplantSignal.Meld15Cirrhosis,
                [Test(outcomes, Scores.Meld3.Definition, v => v >= MeldReferralThreshold), Test(outcomes, Scores.MeldNa.Definition, v => v >= MeldReferralThreshold)],
                t => $"Cirrhosis with {t.Name} {t.Words} (≥ {MeldReferralThreshold:0}): refer for transplant evaluation.", Aasld2013);
            Decompensation(possible, signals, findings, cirrhosisPath);
            ChronicThreshold(possible, signals, cirrhosis, cirrhosisPath, TransplantSignal.Ukeld49,
                [Test(outcomes, Scores.Ukeld.Definition, v => v >= UkeldListingThreshold)],
                t => $"UKELD {t.Words} (≥ {UkeldListingThreshold:0}): meets the UK minimum for listing for chronic liver disease.", Scores.Ukeld.Barber2011);
        }

        signals.Sort((a, b) => b.Urgency.CompareTo(a.Urgency));
        possible.Sort((a, b) => b.Signal.Urgency.CompareTo(a.Signal.Urgency));
        return new TransplantSection(signals, [.. possible.SelectMany(p => p.SettledBy).Distinct()]) { Possible = possible };
    }

    /// <summary>
    /// A chronic-disease threshold signal from one or more scores (the higher MELD of MELD 3.0 and MELD-Na): raised
    /// when cirrhosis is true and some score crosses it for every value; possible when cirrhosis is unknown, or when the
    /// scores cross it for some values only.
    /// </summary>
    private static void ChronicThreshold(List<PossibleTransplantSignal> possible, List<TransplantSignal> signals, bool? cirrhosis, string[] cirrhosisPath,
        string id, ScoreTest?[] tests, Func<ScoreTest, string> reason, Citation source)
    {
        var known = tests.OfType<ScoreTest>().ToList();
        var all = known.Where(t => t.All).OrderByDescending(t => t.Low).FirstOrDefault();
        if (all is not null && cirrhosis is true)
        {
            signals.Add(new(id, SignalUrgency.Refer, reason(all), source));
            return;
        }

        var some = all ?? known.Where(t => t.Any).OrderByDescending(t => t.High).FirstOrDefault();
        if (some is null)
        {
            return;
        }

        string[] settledBy = [.. cirrhosisPath, .. all is null ? known.Where(t => t.Any).SelectMany(t => t.SettledBy).Distinct() : []];
        possible.Add(new(new(id, SignalUrgency.Refer, $"Possible: {reason(some)} Give {string.Join(", ", settledBy)} to decide.", source), settledBy));
    }

    /// <summary>
    /// A major complication of cirrhosis: raised when cirrhosis is true and one is present; possible when one is present
    /// and cirrhosis is unknown, or when cirrhosis is true, none is present and some are not given.
    /// </summary>
    private static void Decompensation(List<PossibleTransplantSignal> possible, List<TransplantSignal> signals, ClinicalFindings findings, string[] cirrhosisPath)
    {
        var complications = Complications(findings);
        if (complications.Count > 0)
        {
            var text = $"Cirrhosis with {string.Join(", ", complications)}: a major complication; refer to a transplant centre.";
            if (cirrhosisPath.Length == 0)
            {
                signals.Add(new(TransplantSignal.Decompensation, SignalUrgency.Refer, text, Easl2016));
            }
            else
            {
                possible.Add(new(new(TransplantSignal.Decompensation, SignalUrgency.Refer, $"Possible: {text} Give findings.cirrhosis to decide.", Easl2016), cirrhosisPath));
            }

            return;
        }

        string[] unknown =
        [
            .. findings.Ascites is null ? [SnapshotKeys.Findings.Ascites] : Array.Empty<string>(),
            .. findings.VaricealBleeding is null ? [SnapshotKeys.Findings.VaricealBleeding] : Array.Empty<string>(),
            .. findings.Encephalopathy is null ? [SnapshotKeys.Findings.EncephalopathyGrade] : Array.Empty<string>(),
        ];
        if (cirrhosisPath.Length == 0 && unknown.Length > 0)
        {
            possible.Add(new(new(TransplantSignal.Decompensation, SignalUrgency.Refer,
                $"Possible: cirrhosis with a major complication (ascites, variceal bleeding, hepatic encephalopathy) not ruled out; give {string.Join(", ", unknown)} to decide.", Easl2016), unknown));
        }
    }

    private static List<string> Complications(ClinicalFindings f)
    {
        var list = new List<string>(3);
        if (f.Ascites is Ascites.Mild or Ascites.ModerateSevere)
        {
            list.Add("ascites");
        }

        if (f.VaricealBleeding is true)
        {
            list.Add("variceal bleeding");
        }

        if (f.Encephalopathy is { Grade: > 0 })
        {
            list.Add("hepatic encephalopathy");
        }

        return list;
    }

    /// <summary>A score read against a threshold: whether every alternative crosses it, whether some do, and what settles it.</summary>
    private sealed record ScoreTest(string Name, bool All, bool Any, decimal Low, decimal High, IReadOnlyList<string> SettledBy)
    {
        /// <summary>The value, or the range <c>low-high</c>.</summary>
        public string Words => Low == High ? Low.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)
            : $"{Low.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}-{High.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}";
    }

    /// <summary>Tests a calculated or ranged outcome (never one end of a range silently); null when the score was not computed.</summary>
    private static ScoreTest? Test(IReadOnlyList<ScoreOutcome> outcomes, ScoreDefinition score, Func<decimal, bool> crosses)
    {
        var o = ScoreOutcome.Find(outcomes, score);
        return o switch
        {
            { Result: { } r } => new(o.Definition.Name, crosses(r.Value), crosses(r.Value), r.Value, r.Value, []),
            { Range: { } range } => new(o.Definition.Name, range.All(r => crosses(r.Value)), range.Any(r => crosses(r.Value)), range.Minimum, range.Maximum, range.SettledBy),
            _ => null,
        };
    }
}
