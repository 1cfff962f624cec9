using Hepatica.Clinical.Findings;
using Hepatica.Clinical.Immunity;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Prevention;

/// <summary>The rules of each vaccine and point of the plan.</summary>
public static partial class PreventionPlan
{
    /// <summary>The input that decides the chronic-liver-disease indications when nothing else implies one.</summary>
    private const string ChronicLiverDiseasePath = SnapshotKeys.Findings.ChronicLiverDisease;

    /// <summary>Engerix-B, Recombivax HB, PreHevbrio, or a mix of products: 0, 1, 6 months; minimum 4 weeks, 8 weeks, and 16 weeks from dose 1.</summary>
    public static readonly SeriesSpec HepB3Dose = new("3 doses at 0, 1 and 6 months (Engerix-B, Recombivax HB or PreHevbrio)",
        [Interval.Weeks(4), Interval.Weeks(8)], [null, Interval.Weeks(16)], [Interval.OfMonths(1), Interval.OfMonths(6)]);

    /// <summary>Heplisav-B: 0, 1 month; minimum 4 weeks.</summary>
    public static readonly SeriesSpec HepBCpg2Dose = new("2 doses of Heplisav-B at 0 and 1 month",
        [Interval.Weeks(4)], [null], [Interval.OfMonths(1)]);

    /// <summary>Twinrix (standard schedule): 0, 1, 6 months; minimum 4 weeks, then 5 months.</summary>
    public static readonly SeriesSpec Twinrix3Dose = new("3 doses of Twinrix at 0, 1 and 6 months",
        [Interval.Weeks(4), Interval.OfMonths(5)], [null, null], [Interval.OfMonths(1), Interval.OfMonths(6)]);

    /// <summary>Single-antigen hepatitis A (Havrix 0, 6-12 months; Vaqta 0, 6-18 months): minimum 6 months.</summary>
    public static readonly SeriesSpec HepA2Dose = new("2 doses 6 months or more apart (Havrix 0 and 6-12 months, Vaqta 0 and 6-18 months)",
        [Interval.OfMonths(6)], [null], [Interval.OfMonths(6)]);

    /// <summary>Recombinant zoster vaccine: 2 doses 2-6 months apart (1-2 months when immunocompromised); minimum 4 weeks.</summary>
    public static readonly SeriesSpec Rzv2Dose = new("2 doses of RZV 2-6 months apart",
        [Interval.Weeks(4)], [null], [Interval.OfMonths(2)]);

    /// <summary>Recombinant zoster vaccine for immunocompromised adults: second dose 1-2 months after the first.</summary>
    public static readonly SeriesSpec Rzv2DoseImmunocompromised = new("2 doses of RZV 1-2 months apart (immunocompromised schedule)",
        [Interval.Weeks(4)], [null], [Interval.OfMonths(1)]);

    private static void HepatitisA(Patient p, DateOnly today, List<Recommendation> items, List<string> missing)
    {
        if (p.Markers.AntiHavIgG is true)
        {
            items.Add(new("hepatitis-a", RecommendationStatus.Complete, null,
                "Hepatitis A: immune (anti-HAV IgG positive); no vaccine needed.", "You are protected against hepatitis A; you do not need this vaccine.", HepA2020));
            return;
        }

        var single = Of(p, Vaccine.HepA).ToList();
        var twinrix = Of(p, Vaccine.HepAHepB).ToList();
        if (p.ChronicLiverDisease is not true && single.Count == 0 && twinrix.Count == 0)
        {
            if (p.ChronicLiverDisease is null)
            {
                missing.Add(ChronicLiverDiseasePath);
            }

            return;
        }

        var (spec, doses) = single.Count > 0 || twinrix.Count == 0 ? (HepA2Dose, single) : (Twinrix3Dose, twinrix);
        items.Add(FromSeries("hepatitis-a", spec, DoseSeries.Evaluate(spec, doses), today,
            "Hepatitis A (chronic liver disease)", "hepatitis A", HepA2020,
            "Havrix or Vaqta, 2 doses 6 months or more apart (or Twinrix 0, 1, 6 months when hepatitis B vaccine is also due)"));
    }

    private static void HepatitisB(Patient p, decimal age, DateOnly today, List<Recommendation> items, List<string> missing)
    {
        var m = p.Markers;
        if (SerologyItem(m) is { } known)
        {
            items.Add(known);
            return;
        }

        var doses = Of(p, Vaccine.HepB, Vaccine.HepBCpg, Vaccine.HepB3Antigen, Vaccine.HepAHepB).ToList();
        if (age >= HepBUniversalBelow && p.ChronicLiverDisease is not true && doses.Count == 0)
        {
            if (p.ChronicLiverDisease is null)
            {
                missing.Add(ChronicLiverDiseasePath);
            }

            return;
        }

        var spec = doses.Count > 0 && doses.All(d => d.Vaccine == Vaccine.HepBCpg) ? HepBCpg2Dose
            : doses.Count > 0 && doses.All(d => d.Vaccine == Vaccine.HepAHepB) ? Twinrix3Dose
            : HepB3Dose;
        var state = DoseSeries.Evaluate(spec, doses);
        var testFirst = m.HbsAg is null ? " Test HBsAg, anti-HBc and anti-HBs (at the first dose at the latest) if not done." : string.Empty;
        var susceptible = m is { HbsAg: false, AntiHbc: false } && !m.AntiHbsProtective && (m.AntiHbsMilliIuPerMl is not null || m.AntiHbsPositive is false);
        var item = FromSeries("hepatitis-b", spec, state, today, "Hepatitis B" + (age < HepBUniversalBelow ? " (all adults 19-59)" : " (chronic liver disease)")
            + (susceptible ? ", susceptible (HBsAg, anti-HBc and anti-HBs negative)" : string.Empty),
            "hepatitis B", HepB2022, "Heplisav-B 2 doses at 0 and 1 month, or Engerix-B/Recombivax HB/PreHevbrio 3 doses at 0, 1 and 6 months");
        if (susceptible && state.Valid.Count == 0)
        {
            item = item with { Patient = "Your blood tests show you are not protected against hepatitis B. You should start the hepatitis B vaccine now." };
        }

        items.Add(state.Complete ? item : item with { Clinician = item.Clinician + testFirst });
        if (state.Complete && p.Immunocompromised)
        {
            var last = state.Valid[^1].Date;
            var from = last.AddMonths(1);
            var status = from > today ? RecommendationStatus.DueOn : RecommendationStatus.DueNow;
            items.Add(new("hepatitis-b-anti-hbs-test", status, status == RecommendationStatus.DueOn ? from : null,
                $"Anti-HBs 1-2 months after the last hepatitis B dose ({D(from)} to {D(last.AddMonths(2))}): post-vaccination testing is recommended when immunocompromised ({p.ImmunosuppressionReason}); below 10 mIU/mL, repeat the series.",
                "A blood test 1 to 2 months after your last hepatitis B dose will show whether the vaccine worked.", HepB2022));
        }
    }

    /// <summary>
    /// The hepatitis B item that the serology alone decides, or null when vaccination follows the schedule: distinct
    /// clinician and patient texts for current infection (HBsAg positive), anti-HBc positive with HBsAg not given,
    /// resolved infection (anti-HBc and anti-HBs positive), isolated anti-HBc (anti-HBs negative), anti-HBc positive with
    /// anti-HBs not given, and immunity (by vaccination when anti-HBc is negative). Interpretation: CDC 2023 (Conners),
    /// AASLD 2018 (isolated anti-HBc); vaccination: ACIP 2018/2022.
    /// </summary>
    private static Recommendation? SerologyItem(HepatitisMarkers m)
    {
        const string Id = "hepatitis-b";
        if (m.HbsAg is true)
        {
            return new(Id, RecommendationStatus.NotRecommended, null,
                "Hepatitis B: HBsAg positive (current infection); vaccination is not indicated. Assess the infection (HBeAg, HBV DNA, ALT, fibrosis) and treat or follow it (AASLD 2018); vaccinate household and sexual contacts.",
                "Your blood tests show you have hepatitis B now. A vaccine cannot treat an infection you already have; your care team will check it and may treat it.",
                HbvScreening2023);
        }

        if (m.AntiHbc is true && m.HbsAg is null)
        {
            return new(Id, RecommendationStatus.NotRecommended, null,
                "Hepatitis B: anti-HBc positive, HBsAg not given: past or current infection. Test HBsAg (and anti-HBs) before deciding on vaccination.",
                "Your blood tests show you have met the hepatitis B virus. One more blood test will show whether the infection is still there; your care team will arrange it.",
                HbvScreening2023);
        }

        if (m.AntiHbc is true && m.AntiHbsProtective)
        {
            return new(Id, RecommendationStatus.NotRecommended, null,
                "Hepatitis B: resolved infection (HBsAg negative, anti-HBc and anti-HBs positive): immune; vaccination is not indicated. HBV can reactivate under strong immunosuppression.",
                "Your blood tests show you had hepatitis B in the past and your body cleared it. You are protected and do not need this vaccine.",
                HbvScreening2023);
        }

        if (m.AntiHbc is true && m.AntiHbsMilliIuPerMl is null && m.AntiHbsPositive is null)
        {
            return new(Id, RecommendationStatus.NotRecommended, null,
                "Hepatitis B: anti-HBc positive, HBsAg negative, anti-HBs not given: resolved infection or isolated anti-HBc. Test anti-HBs; if negative, see isolated anti-HBc.",
                "Your blood tests show you had hepatitis B in the past and it is not active now. One more blood test will show whether you are protected.",
                HbvScreening2023);
        }

        if (m.AntiHbc is true)
        {
            return new(Id, RecommendationStatus.NotRecommended, null,
                "Hepatitis B: isolated anti-HBc (HBsAg and anti-HBs negative): resolved infection with waned anti-HBs, occult infection, or a false-positive anti-HBc. Vaccination is not routinely indicated; if the work-up points to a false positive, vaccinate as susceptible and check anti-HBs afterwards (AASLD 2018).",
                "Your blood tests show a sign of past contact with hepatitis B, but no infection now and no clear protection. Your care team will decide whether you need more tests or the vaccine.",
                HbvScreening2023);
        }

        if (m.AntiHbsProtective)
        {
            var titre = m.AntiHbsMilliIuPerMl is { } t ? $"anti-HBs {F(t)} mIU/mL, ≥ 10" : "anti-HBs positive";
            return m.AntiHbc is false
                ? new(Id, RecommendationStatus.Complete, null, $"Hepatitis B: immune by vaccination ({titre}, anti-HBc negative).",
                    "Your blood tests show the hepatitis B vaccine has protected you.", HepB2022)
                : new(Id, RecommendationStatus.Complete, null, $"Hepatitis B: immune ({titre}).", "You are protected against hepatitis B.", HepB2022);
        }

        return null;
    }

    private static void Pneumococcal(Patient p, decimal age, DateOnly today, List<Recommendation> items, List<string> missing)
    {
        var indicated = age >= Age50 || p.ChronicLiverDisease is true || p.Immunocompromised;
        if (!indicated)
        {
            if (p.ChronicLiverDisease is null)
            {
                missing.Add(ChronicLiverDiseasePath);
            }

            return;
        }

        const string Why = "Pneumococcal";
        var doses = Of(p, Vaccine.Pcv13, Vaccine.Pcv15, Vaccine.Pcv20, Vaccine.Pcv21, Vaccine.Ppsv23).OrderBy(d => d.Date).ToList();
        var complete = doses.FirstOrDefault(d => d.Vaccine is Vaccine.Pcv20 or Vaccine.Pcv21);
        var pcv15 = doses.FirstOrDefault(d => d.Vaccine == Vaccine.Pcv15);
        if (complete is not null || (pcv15 is not null && doses.Any(d => d.Vaccine == Vaccine.Ppsv23 && d.Date > pcv15.Date)))
        {
            items.Add(new("pneumococcal", RecommendationStatus.Complete, null,
                $"{Why}: complete ({(complete is not null ? Vaccines.VaccineCodesName(complete.Vaccine) + " on " + D(complete.Date) : "PCV15 then PPSV23")}).",
                "Your pneumonia vaccine is complete.", Pneumococcal2024));
            return;
        }

        DateOnly? due = null;
        string what;
        if (pcv15 is not null)
        {
            due = p.Immunocompromised ? Interval.Weeks(8).After(pcv15.Date) : Interval.OfMonths(12).After(pcv15.Date);
            what = $"PPSV23 {(p.Immunocompromised ? "8 weeks" : "1 year")} or more after PCV15 ({D(pcv15.Date)})";
        }
        else if (doses.Count > 0)
        {
            due = Interval.OfMonths(12).After(doses[^1].Date);
            what = $"PCV20 or PCV21 1 year or more after the last pneumococcal dose ({Vaccines.VaccineCodesName(doses[^1].Vaccine)}, {D(doses[^1].Date)})";
        }
        else
        {
            what = "one dose of PCV20 or PCV21 (or PCV15 followed by PPSV23)";
        }

        var reason = age >= Age50 ? "age 50 or older" : p.Immunocompromised ? "immunocompromised" : "chronic liver disease";
        items.Add(due is { } d && d > today
            ? new("pneumococcal", RecommendationStatus.DueOn, d, $"{Why} ({reason}): {what}, due on {D(d)}.", $"Your next pneumonia vaccine is due on {D(d)}.", Pneumococcal2024)
            : new("pneumococcal", RecommendationStatus.DueNow, null, $"{Why} ({reason}): {what}, due now.", "You should have a pneumonia vaccine now.", Pneumococcal2024));
    }

    private static void Influenza(Patient p, DateOnly today, List<Recommendation> items)
    {
        // The season runs July to June; vaccination is offered from September (July-August is too early for most adults).
        var seasonStart = new DateOnly(today.Month >= 7 ? today.Year : today.Year - 1, 7, 1);
        var nextOffer = new DateOnly(seasonStart.Year + 1, 9, 1);
        var thisSeason = Of(p, Vaccine.Influenza, Vaccine.Laiv).Where(d => d.Date >= seasonStart && d.Date <= today).OrderBy(d => d.Date).LastOrDefault();
        if (thisSeason is not null)
        {
            items.Add(new("influenza", RecommendationStatus.Complete, nextOffer,
                $"Influenza: given this season ({D(thisSeason.Date)}); next from {D(nextOffer)}. Use inactivated or recombinant vaccine (not LAIV) when immunocompromised.",
                $"You have had this season's flu vaccine; the next one is due from {D(nextOffer)}.", AcipSchedule2025));
            return;
        }

        var offer = new DateOnly(seasonStart.Year, 9, 1);
        items.Add(today < offer
            ? new("influenza", RecommendationStatus.DueOn, offer, $"Influenza: yearly; this season's dose due from {D(offer)} (inactivated or recombinant).", $"You need a flu vaccine every year; this year's is due from {D(offer)}.", AcipSchedule2025)
            : new("influenza", RecommendationStatus.DueNow, null, "Influenza: yearly; this season's dose due now (inactivated or recombinant; not LAIV when immunocompromised).", "You need a flu vaccine every year; have this year's now.", AcipSchedule2025));
    }

    private static void Zoster(Patient p, decimal age, DateOnly today, List<Recommendation> items)
    {
        if (age < Age50 && !p.Immunocompromised)
        {
            return;
        }

        var spec = p.Immunocompromised ? Rzv2DoseImmunocompromised : Rzv2Dose;
        var reason = age >= Age50 ? "age 50 or older" : "immunocompromised, 19 or older";
        items.Add(FromSeries("zoster", spec, DoseSeries.Evaluate(spec, Of(p, Vaccine.Rzv)), today,
            $"Recombinant zoster vaccine ({reason})", "shingles", Zoster2022));
    }

    private static void TdapTd(Patient p, DateOnly today, List<Recommendation> items)
    {
        var doses = Of(p, Vaccine.Tdap, Vaccine.Td).OrderBy(d => d.Date).ToList();
        var everTdap = doses.Any(d => d.Vaccine == Vaccine.Tdap);
        if (doses.Count == 0 || !everTdap)
        {
            items.Add(new("tdap-td", RecommendationStatus.DueNow, null,
                "Tdap: one dose now if never given as an adult (or unknown), then Td or Tdap every 10 years.",
                "You should have a tetanus, diphtheria and whooping cough vaccine now.", Tdap2020));
            return;
        }

        var next = doses[^1].Date.AddYears(10);
        items.Add(next > today
            ? new("tdap-td", RecommendationStatus.Complete, next, $"Tdap/Td: up to date (last {D(doses[^1].Date)}); next Td or Tdap on {D(next)}.", $"Your tetanus vaccine is up to date until {D(next)}.", Tdap2020)
            : new("tdap-td", RecommendationStatus.DueNow, null, $"Td or Tdap: booster due now (last {D(doses[^1].Date)}, 10 years or more ago).", "Your tetanus booster is due now.", Tdap2020));
    }

    private static void LiveVaccines(Patient p, List<Recommendation> items)
    {
        if (p.Immunocompromised)
        {
            items.Add(new("live-vaccines", RecommendationStatus.Caution, null,
                $"Live vaccines (MMR, varicella, live attenuated influenza, yellow fever, live zoster) are contraindicated: {p.ImmunosuppressionReason}. Use inactivated or recombinant vaccines; give needed live vaccines at least 4 weeks before immunosuppression or transplant.",
                "Some vaccines contain live, weakened germs. Because of your treatment they are not safe for you; tell every vaccinator about your medicines or transplant.",
                AcipSchedule2025));
        }
        else if (p.AssumedImmunosuppression is { } assumed)
        {
            items.Add(new("live-vaccines", RecommendationStatus.Caution, null,
                $"Live vaccines (MMR, varicella, live attenuated influenza, yellow fever, live zoster): withhold until the corticosteroid dose and duration are known: {assumed}. At ≥ {F(ImmunosuppressiveSteroidMgPerDay)} mg/day for ≥ 14 days they are contraindicated until at least 1 month after it stops; below that they may be given. Inactivated and recombinant vaccines are not affected.",
                "Some vaccines contain live, weakened germs. Your steroid medicine may make them unsafe for you; do not have a live vaccine until your care team has checked your dose.",
                AcipSchedule2025));
        }
    }

    /// <summary>
    /// Hepatitis B screening before or during immunosuppressive, cytotoxic or immunomodulatory therapy (every medication
    /// class the reactivation table reads, corticosteroids of any dose included) when HBsAg or anti-HBc is not known:
    /// AASLD 2018 (screen HBsAg and anti-HBc before such therapy; anti-HBs to decide vaccination) and AGA 2015.
    /// </summary>
    private static void HepatitisBScreening(PatientSnapshot s, Patient p, List<Recommendation> items)
    {
        var therapy = Treatments(s).Where(m => m.Class != MedicationClass.Other).ToList();
        if (therapy.Count == 0 || p.Markers.HbvSerostatus is not null)
        {
            return;
        }

        var m = p.Markers;
        var tests = new List<string>(3);
        if (m.HbsAg is null)
        {
            tests.Add("HBsAg");
        }

        if (m.AntiHbc is null)
        {
            tests.Add("anti-HBc (total)");
        }

        if (m.AntiHbsMilliIuPerMl is null && m.AntiHbsPositive is null)
        {
            tests.Add("anti-HBs");
        }

        var drugs = string.Join(", ", therapy.Select(d => d.Name ?? MedicationClasses.IdOf(d.Class)).Distinct());
        items.Add(new("hepatitis-b-screening", RecommendationStatus.DueNow, null,
            $"Hepatitis B screening before or during {drugs}: test {string.Join(", ", tests)} (not given). HBsAg or anti-HBc positive carries a risk of HBV reactivation: prophylaxis or monitoring by drug class (AGA 2015; AASLD 2018); anti-HBs decides vaccination.",
            "Some medicines can wake up a hidden hepatitis B infection. You need a blood test for hepatitis B before or early in your treatment.",
            HbvReactivation.Aasld2018));
    }

    private static void Alcohol(PatientSnapshot s, IReadOnlyList<ScoreOutcome> outcomes, List<Recommendation> items, List<string> missing)
    {
        var outcome = ScoreOutcome.Find(outcomes, Scores.AuditC.Definition);
        var audit = outcome?.Result;
        bool Positive(ScoreResult r) => r.Category is { } category
            ? category == Scores.AuditC.PositiveScreen
            : s.Sex is Sex.Female ? r.Value >= 3m : r.Value >= 4m;
        if (outcome?.Range is { } range)
        {
            // AUDIT-C over the values of a missing finding (sex sets its cut-off): positive only when positive for
            // every value; positive for some values names what settles it (issue 11 s.2), never one end silently.
            if (range.All(Positive))
            {
                audit = range.Lowest.Outcome.Result;
            }
            else if (range.Any(Positive))
            {
                missing.AddRange(range.SettledBy);
            }
        }

        var auditPositive = audit is not null && Positive(audit);
        var related = s.History.AlcoholRelatedLiverDisease is true ? "alcohol-related liver disease"
            : s.Findings.AlcoholAssociatedHepatitis is true ? "alcohol-associated hepatitis"
            : s.Findings.CorticosteroidStartDate is not null && s.Findings.AlcoholAssociatedHepatitis is null ? "corticosteroids for alcohol-associated hepatitis" : null;
        if (!auditPositive && related is null)
        {
            return;
        }

        var why = related is not null && auditPositive ? $"{related} and AUDIT-C {F(audit!.Value)} (positive)"
            : related ?? $"AUDIT-C {F(audit!.Value)} (positive)";
        items.Add(new("alcohol", RecommendationStatus.DueNow, null,
            $"Alcohol ({why}): advise complete abstinence; offer treatment for alcohol use disorder (brief intervention, counselling, relapse-prevention medicine suited to liver disease).",
            "Alcohol harms your liver. Stopping completely gives your liver the best chance; your care team can help you stop.",
            Aasld2019Alcohol));
    }

    /// <summary>Display names of vaccines (kept here so the rules read from one table).</summary>
    private static class Vaccines
    {
        public static string VaccineCodesName(Vaccine v) => VaccineCodes.IdOf(v).ToUpperInvariant();
    }
}
