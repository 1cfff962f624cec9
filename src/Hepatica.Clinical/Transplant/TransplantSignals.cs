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

    private static readonly string[] KingsCollege = ["kcc-acetaminophen", "kcc-acetaminophen-lactate", "kcc-non-acetaminophen"];

    /// <summary>The signals that apply to a snapshot given its score outcomes.</summary>
    /// <param name="snapshot">The patient.</param>
    /// <param name="outcomes">The score outcomes of the same snapshot.</param>
    public static TransplantSection Evaluate(PatientSnapshot snapshot, IReadOnlyList<ScoreOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(outcomes);
        var signals = new List<TransplantSignal>();
        var missing = new List<string>();

        foreach (var id in KingsCollege)
        {
            if (Value(outcomes, id) is 1m)
            {
                var name = outcomes.First(o => o.Definition.Id == id).Definition.Name;
                signals.Add(new("alf-kings-college", SignalUrgency.Urgent,
                    $"Acute liver failure meeting the {name}: discuss with a transplant centre now for emergency listing.", Easl2017Alf));
                break;
            }
        }

        if (Value(outcomes, "aclf-grade") is >= 2m and var grade)
        {
            signals.Add(new("aclf-grade-2-3", SignalUrgency.Urgent,
                $"ACLF grade {grade:0}: assess urgently for liver transplantation.", Easl2023Aclf));
        }

        var meld = MaxMeld(outcomes);
        var findings = snapshot.Findings;
        var complications = Complications(findings);
        if (findings.Cirrhosis is true)
        {
            if (meld is { } m && m.Value >= MeldReferralThreshold)
            {
                signals.Add(new("meld-15-cirrhosis", SignalUrgency.Refer,
                    $"Cirrhosis with {m.Name} {m.Value:0} (≥ {MeldReferralThreshold:0}): refer for transplant evaluation.", Aasld2013));
            }

            if (complications.Count > 0)
            {
                signals.Add(new("decompensation", SignalUrgency.Refer,
                    $"Cirrhosis with {string.Join(", ", complications)}: a major complication; refer to a transplant centre.", Easl2016));
            }
        }

        var ukeld = Value(outcomes, "ukeld");
        if (findings.Cirrhosis is true && ukeld >= UkeldListingThreshold)
        {
            signals.Add(new("ukeld-49", SignalUrgency.Refer,
                $"UKELD {ukeld:0} (≥ {UkeldListingThreshold:0}): meets the UK minimum for listing for chronic liver disease.", Scores.Ukeld.Barber2011));
        }

        if (findings.Cirrhosis is null && (meld?.Value >= MeldReferralThreshold || complications.Count > 0 || ukeld >= UkeldListingThreshold))
        {
            missing.Add("findings.cirrhosis");
        }

        signals.Sort((a, b) => b.Urgency.CompareTo(a.Urgency));
        return new TransplantSection(signals, missing);
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

    private static decimal? Value(IReadOnlyList<ScoreOutcome> outcomes, string id)
    {
        foreach (var o in outcomes)
        {
            if (o.Definition.Id == id)
            {
                return o.Result?.Value;
            }
        }

        return null;
    }

    /// <summary>The higher of MELD 3.0 and MELD-Na (the allocation scores of now and before 2023), with its name.</summary>
    private static (string Name, decimal Value)? MaxMeld(IReadOnlyList<ScoreOutcome> outcomes)
    {
        (string, decimal)? best = null;
        foreach (var id in (ReadOnlySpan<string>)["meld-3.0", "meld-na"])
        {
            if (Value(outcomes, id) is { } v && (best is null || v > best.Value.Item2))
            {
                best = (outcomes.First(o => o.Definition.Id == id).Definition.Name, v);
            }
        }

        return best;
    }
}
