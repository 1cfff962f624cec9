using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Hepatica.Clinical;
using Hepatica.Clinical.Immunity;
using Hepatica.Clinical.Prevention;
using Hepatica.Clinical.Scores;
using Hepatica.Clinical.Scoring;
using Hepatica.Clinical.Serology;
using Hepatica.Clinical.Transplant;
using static Hepatica.Web.CdsHooks.CardKit;

namespace Hepatica.Web.CdsHooks;

/// <summary>
/// The patient-view cards, from one assessment: what matters now, most urgent first. Each card reads a section the core
/// computed (docs/cds-hooks.md lists them with their rules); nothing here decides clinically, and an input that is not
/// in the record is named as missing, never guessed.
/// </summary>
internal static class PatientViewCards
{
    private static readonly Dictionary<string, ScoreDefinition[]> SignalScores = new(StringComparer.Ordinal)
    {
        [TransplantSignal.AlfKingsCollege] = [KccAcetaminophen.Definition, KccAcetaminophenLactate.Definition, KccNonAcetaminophen.Definition],
        [TransplantSignal.AclfGrade2To3] = [AclfGrade.Definition, ClifCOf.Definition, ClifCAclf.Definition],
        [TransplantSignal.Meld15Cirrhosis] = [Meld3.Definition, MeldNa.Definition],
        [TransplantSignal.Decompensation] = [ChildPugh.Definition],
        [TransplantSignal.Ukeld49] = [Ukeld.Definition],
    };

    public static List<Card> For(Assessment a, string patientId, DateTimeOffset asOf)
    {
        var cards = new List<Card>();
        Conflicting(a, cards);
        Transplant(a, cards);
        Aclf(a, cards);
        AlcoholicHepatitis(a, cards);
        cards.AddRange(ReactivationCards.For(a.Immunity, a.Snapshot.Medications, patientId));
        Sbp(a, cards);
        if (!a.Immunity.Missing.Contains(SerologyPaths.HbsAg))
        {
            Screening(a, patientId, cards);
        }

        Vaccines(a, patientId, asOf, cards);
        return cards;
    }

    /// <summary>One card per contradiction (the core's note, docs/output.md), first: it qualifies the cards that follow.</summary>
    private static void Conflicting(Assessment a, List<Card> cards)
    {
        foreach (var c in a.Conflicts)
        {
            var (summary, source) = c.Id == ConflictNote.HysLawOtherExplanation
                ? ("Conflict: Hy's law is met, but another result explains the liver injury", HysLaw.Fda2009)
                : ("Conflict: definite AIH (simplified criteria) and highly probable DILI (RUCAM)", AihSimplified.Definition.Citations[0]);
            cards.Add(Make(summary, Warning, source, c.Text));
        }
    }

    private static void Transplant(Assessment a, List<Card> cards)
    {
        foreach (var s in a.Transplant.Signals)
        {
            var summary = s.Id switch
            {
                TransplantSignal.AlfKingsCollege => "Acute liver failure meeting King's College criteria: discuss with a transplant centre now",
                TransplantSignal.AclfGrade2To3 => $"ACLF grade {Shown(a, AclfGrade.Definition)} (EASL-CLIF): assess urgently for liver transplantation",
                TransplantSignal.Meld15Cirrhosis => $"Cirrhosis with {HighestMeld(a)} (≥ 15): refer for transplant evaluation",
                TransplantSignal.Decompensation => "Decompensated cirrhosis: refer to a transplant centre",
                TransplantSignal.Ukeld49 => $"UKELD {Shown(a, Ukeld.Definition)} (≥ 49): meets the UK minimum for liver transplant listing",
                _ => "Transplant referral signal: " + s.Id,
            };
            var detail = new StringBuilder(s.Reason).Append("\n\n");
            foreach (var score in SignalScores.GetValueOrDefault(s.Id, []))
            {
                if (a.Outcome(score) is { } o && (o.Result is not null || o.Range is not null))
                {
                    detail.Append(Breakdown(o)).Append('\n');
                }
            }

            detail.Append(Cite(s.Source));
            cards.Add(Make(summary, s.Urgency == SignalUrgency.Urgent ? Critical : Warning, s.Source, detail.ToString()));
        }

        PossibleSignals(a, cards);
        if (a.Transplant.Possible.Any(p => p.SettledBy is ["findings.cirrhosis"]))
        {
            var detail = new StringBuilder("A transplant referral threshold (MELD ≥ 15, UKELD ≥ 49 or a major complication) is crossed, but the record says neither that the patient has cirrhosis nor that they do not. The referral signals apply to cirrhosis; record the diagnosis (or its absence) to settle them.\n\n");
            foreach (var score in (ScoreDefinition[])[Meld3.Definition, MeldNa.Definition, Ukeld.Definition])
            {
                if (a.Outcome(score) is { } o && (o.Result is not null || o.Range is not null))
                {
                    detail.Append(Breakdown(o)).Append('\n');
                }
            }

            detail.Append(Cite(TransplantSignals.Aasld2013, TransplantSignals.Easl2016));
            cards.Add(Make("Transplant referral threshold crossed, but cirrhosis is not recorded: confirm to settle referral", Info, TransplantSignals.Aasld2013, detail.ToString()));
        }
    }

    /// <summary>
    /// A possible transplant signal (issue 11 s.2): some values of a missing input raise it, others not. An info card
    /// (a warning for an urgent one) naming what settles it; one settled by <c>findings.cirrhosis</c> alone comes as the
    /// cirrhosis card above.
    /// </summary>
    private static void PossibleSignals(Assessment a, List<Card> cards)
    {
        foreach (var p in a.Transplant.Possible.Where(p => p.SettledBy is not ["findings.cirrhosis"]))
        {
            var what = p.Signal.Id switch
            {
                TransplantSignal.AlfKingsCollege => "King's College criteria met",
                TransplantSignal.AclfGrade2To3 => "ACLF grade 2-3",
                TransplantSignal.Meld15Cirrhosis => "MELD ≥ 15 in cirrhosis",
                TransplantSignal.Decompensation => "decompensated cirrhosis",
                TransplantSignal.Ukeld49 => "UKELD ≥ 49",
                _ => p.Signal.Id,
            };
            var more = p.SettledBy.Count > 1 ? $" and {p.SettledBy.Count - 1} more" : string.Empty;
            var summary = $"Possibly {what}: record {p.SettledBy[0]}{more} to settle transplant referral";
            var detail = new StringBuilder(p.Signal.Reason).Append("\n\nSettled by: ").Append(string.Join(", ", p.SettledBy)).Append("\n\n");
            foreach (var score in SignalScores.GetValueOrDefault(p.Signal.Id, []))
            {
                if (a.Outcome(score) is { } o && (o.Result is not null || o.Range is not null))
                {
                    detail.Append(Breakdown(o)).Append('\n');
                }
            }

            detail.Append(Cite(p.Signal.Source));
            cards.Add(Make(summary, p.Signal.Urgency == SignalUrgency.Urgent ? Warning : Info, p.Signal.Source, detail.ToString()));
        }
    }

    /// <summary>ACLF grade 1 (grades 2-3 come as the transplant card, with the same breakdown).</summary>
    private static void Aclf(Assessment a, List<Card> cards)
    {
        if (a.Outcome(AclfGrade.Definition) is { Range: { } range } ranged)
        {
            // Grade 1 for some values of a missing finding only (grades 2-3 come as the possible transplant card).
            if (range.Any(r => r.Value == 1m) && range.Maximum < 2m)
            {
                var text = $"ACLF grade {RangeText.Line(ranged.Definition, range)}. Reassess the grade as the guideline describes (EASL 2023).\n\n{Breakdown(ranged)}\n{Cite(TransplantSignals.Easl2023Aclf)}";
                cards.Add(Make("Possibly ACLF grade 1 (EASL-CLIF): record the missing organ findings to settle it", Info, TransplantSignals.Easl2023Aclf, text));
            }

            return;
        }

        if (a.Outcome(AclfGrade.Definition)?.Result?.Value is not 1m)
        {
            return;
        }

        var detail = new StringBuilder("Acute-on-chronic liver failure grade 1 by the EASL-CLIF criteria. The grade can change over the first days; reassess it as the guideline describes (EASL 2023).\n\n");
        foreach (var score in SignalScores[TransplantSignal.AclfGrade2To3])
        {
            if (a.Outcome(score) is { Result: not null } o)
            {
                detail.Append(Breakdown(o)).Append('\n');
            }
        }

        detail.Append(Cite(TransplantSignals.Easl2023Aclf));
        cards.Add(Make("ACLF grade 1 (EASL-CLIF): acute-on-chronic liver failure criteria met", Warning, TransplantSignals.Easl2023Aclf, detail.ToString()));
    }

    private static void AlcoholicHepatitis(Assessment a, List<Card> cards)
    {
        var severe = new List<string>();
        if (a.Outcome(MaddreyDf.Definition) is { Result: { Category: MaddreyDf.Severe } m })
        {
            severe.Add($"Maddrey DF {F(m.Value)} (≥ 32)");
        }

        if (a.Outcome(Gahs.Definition) is { Result: { Category: Gahs.PoorPrognosis } g })
        {
            severe.Add($"GAHS {F(g.Value)} (≥ 9)");
        }

        if (severe.Count == 0)
        {
            return;
        }

        var detail = new StringBuilder($"Severe alcohol-associated hepatitis by {string.Join(" and ", severe)}. Severe disease carries a high short-term mortality; AASLD 2019 guidance discusses corticosteroid therapy for it, after excluding contraindications (active infection, gastrointestinal bleeding, kidney injury), and the Lille model at day 7 to judge response.\n\n");
        foreach (var score in (ScoreDefinition[])[MaddreyDf.Definition, Gahs.Definition, Abic.Definition, Lille.Definition, MeldNa.Definition])
        {
            if (a.Outcome(score) is { Result: not null } o)
            {
                detail.Append(Breakdown(o)).Append('\n');
            }
        }

        detail.Append(Cite(PreventionPlan.Aasld2019Alcohol));
        cards.Add(Make($"Severe alcohol-associated hepatitis: {string.Join(", ", severe)}", Warning, PreventionPlan.Aasld2019Alcohol, detail.ToString()));
    }

    private static void Sbp(Assessment a, List<Card> cards)
    {
        if (a.Immunity.Sbp.Count == 0)
        {
            return;
        }

        var detail = new StringBuilder();
        foreach (var s in a.Immunity.Sbp)
        {
            detail.Append("- ").Append(s.Text).Append('\n');
        }

        var source = a.Immunity.Sbp[0].Source;
        detail.Append(Cite(source));
        var kinds = string.Join(", ", a.Immunity.Sbp.Select(s => s.Id switch
        {
            SbpProphylaxis.Secondary => "secondary",
            SbpProphylaxis.Primary => "primary",
            SbpProphylaxis.GiBleeding => "GI bleeding",
            _ => s.Id,
        }));
        cards.Add(Make($"Antibiotic prophylaxis of SBP indicated ({kinds})", Warning, source, detail.ToString()));
    }

    /// <summary>Adults with no hepatitis B or C result in the record: CDC screens every adult once (the rule: <see cref="HepatitisScreening"/>).</summary>
    private static void Screening(Assessment a, string patientId, List<Card> cards)
    {
        var due = HepatitisScreening.Evaluate(a.Snapshot);
        if (!due.HepatitisB && !due.HepatitisC)
        {
            return;
        }

        var tests = new List<LabTest>();
        if (due.HepatitisB)
        {
            tests.AddRange([LabTest.HbsAg, LabTest.AntiHbc, LabTest.AntiHbs]);
        }

        if (due.HepatitisC)
        {
            tests.Add(LabTest.AntiHcv);
        }

        var hbv = due.HepatitisB;
        var hcv = due.HepatitisC;
        var what = hbv && hcv ? "hepatitis B or C" : hbv ? "hepatitis B" : "hepatitis C";
        var detail = new StringBuilder($"No {what} result was found in the record read (HBsAg counts only within the last year).\n\n");
        if (hbv)
        {
            detail.Append("- Hepatitis B: CDC recommends screening every adult at least once with the triple panel (HBsAg, anti-HBc total, anti-HBs).\n");
        }

        if (hcv)
        {
            detail.Append("- Hepatitis C: CDC recommends screening every adult at least once (anti-HCV, with reflex HCV RNA when reactive).\n");
        }

        var sources = due.Sources.ToArray();
        detail.Append(Cite(sources));
        cards.Add(Make($"No {what} serology on record: screening recommended for all adults", Info, sources[0], detail.ToString(),
            [OrderTests("Order " + string.Join(", ", tests.Select(t => t.Name)), patientId, tests)]));
    }

    private static readonly Dictionary<string, (string Name, (string Code, string Display)[] Diseases)> VaccineTargets = new(StringComparer.Ordinal)
    {
        ["hepatitis-a"] = ("hepatitis A", [("40468003", "Viral hepatitis, type A")]),
        ["hepatitis-b"] = ("hepatitis B", [("66071002", "Viral hepatitis type B")]),
        ["pneumococcal"] = ("pneumococcal", [("16814004", "Pneumococcal infectious disease")]),
        ["influenza"] = ("influenza", [("6142004", "Influenza")]),
        ["zoster"] = ("zoster", [("4740000", "Herpes zoster")]),
        ["tdap-td"] = ("Tdap/Td", [("76902006", "Tetanus"), ("397430003", "Diphtheria")]),
    };

    private static void Vaccines(Assessment a, string patientId, DateTimeOffset asOf, List<Card> cards)
    {
        var due = a.Prevention.Items.Where(i => i.Status == RecommendationStatus.DueNow && VaccineTargets.ContainsKey(i.Id)).ToList();
        if (due.Count == 0)
        {
            return;
        }

        var detail = new StringBuilder();
        foreach (var r in due)
        {
            detail.Append("- ").Append(r.Clinician).Append('\n');
        }

        var caution = a.Prevention.Items.FirstOrDefault(i => i.Status == RecommendationStatus.Caution);
        if (caution is not null)
        {
            detail.Append("\n**Caution:** ").Append(caution.Clinician).Append('\n');
        }

        detail.Append(Cite([.. due.Select(d => d.Source).Prepend(PreventionPlan.AcipSchedule2025)]));
        var suggestions = due.Select(r => new Suggestion($"Propose {VaccineTargets[r.Id].Name} vaccination", Guid.NewGuid().ToString(), true,
            [new CdsAction("create", $"Record a recommendation that {VaccineTargets[r.Id].Name} vaccination is due.", Recommendation(patientId, r, asOf))])).ToList();
        var names = string.Join(", ", due.Select(d => VaccineTargets[d.Id].Name));
        var summary = $"Vaccines due now: {names}";
        cards.Add(Make(summary.Length < SummaryLimit ? summary : $"{due.Count} vaccines due now (ACIP)", Info, PreventionPlan.AcipSchedule2025, detail.ToString(), suggestions));
    }

    /// <summary>An ImmunizationRecommendation (forecast status "due") for one vaccine, by target disease (SNOMED CT).</summary>
    private static JsonObject Recommendation(string patientId, Recommendation r, DateTimeOffset asOf)
    {
        var diseases = new JsonArray();
        foreach (var (code, display) in VaccineTargets[r.Id].Diseases)
        {
            diseases.Add(new JsonObject { ["system"] = "http://snomed.info/sct", ["code"] = code, ["display"] = display });
        }

        return new JsonObject
        {
            ["resourceType"] = "ImmunizationRecommendation",
            ["patient"] = new JsonObject { ["reference"] = "Patient/" + patientId },
            ["date"] = asOf.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["recommendation"] = new JsonArray(new JsonObject
            {
                ["targetDisease"] = new JsonObject { ["coding"] = diseases, ["text"] = VaccineTargets[r.Id].Name },
                ["forecastStatus"] = new JsonObject
                {
                    ["coding"] = new JsonArray(new JsonObject { ["system"] = "http://terminology.hl7.org/CodeSystem/immunization-recommendation-status", ["code"] = "due", ["display"] = "Due" }),
                },
                ["description"] = r.Clinician,
            }),
        };
    }

    /// <summary>
    /// The higher of MELD 3.0 and MELD-Na with its short name, as TransplantSignals reads them: a ranged score by its
    /// lowest value (the signal is raised only when every value crosses), shown as its range.
    /// </summary>
    private static string HighestMeld(Assessment a)
    {
        var best = SignalScores[TransplantSignal.Meld15Cirrhosis].Select(a.Outcome).OfType<ScoreOutcome>()
            .Where(o => o.Result is not null || o.Range is not null)
            .OrderByDescending(o => o.Result?.Value ?? o.Range!.Minimum).FirstOrDefault();
        return best is null ? "MELD" : $"{best.Definition.Name} {Shown(a, best.Definition)}";
    }

    /// <summary>A score's value, or its range (<c>26-32</c>) when a small-domain finding was missing; never one end silently.</summary>
    private static string Shown(Assessment a, ScoreDefinition score) => a.Outcome(score) switch
    {
        { Result: { } r } => F(r.Value),
        { Range: { } range } o => RangeText.Span(o.Definition, range),
        _ => "?",
    };
}
