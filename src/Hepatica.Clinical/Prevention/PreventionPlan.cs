using System.Globalization;
using Hepatica.Clinical.Findings;
using Hepatica.Clinical.Immunity;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Prevention;

/// <summary>
/// The prevention plan for an adult with liver disease: vaccines per the ACIP adult schedule and its MMWR
/// recommendations (hepatitis A and B, pneumococcal, influenza, recombinant zoster, Tdap/Td), a caution on live
/// vaccines under immunosuppression or after transplant, and the alcohol point when the disease is alcohol-related or
/// AUDIT-C is positive. "Now" is <see cref="PatientSnapshot.AssessmentDate"/> (the core has no clock). Each item has
/// its source and a clinician and a patient text. Rules and sources: docs/prevention.md.
/// </summary>
public static partial class PreventionPlan
{
    /// <summary>ACIP adult immunization schedule, 2025.</summary>
    public static readonly Citation AcipSchedule2025 = new(
        "ACIP adult schedule 2025",
        "Centers for Disease Control and Prevention. Recommended Adult Immunization Schedule for ages 19 years or older, United States, 2025 (approved by ACIP), with the General Best Practice Guidelines for Immunization (timing and spacing; altered immunocompetence).",
        2025, "https://www.cdc.gov/vaccines/hcp/imz-schedules/adult-age.html");

    /// <summary>ACIP General Best Practice Guidelines, Contraindications and Precautions: moderate or severe acute illness is a precaution to every vaccine.</summary>
    public static readonly Citation AcipPrecautions2023 = new(
        "ACIP General Best Practices 2023",
        "Kroger A, Bahta L, Long S, Sanchez P. General Best Practice Guidelines for Immunization. Best Practices Guidance of the Advisory Committee on Immunization Practices (ACIP): Contraindications and Precautions (updated 2023-08-01): a moderate or severe acute illness, with or without fever, is a precaution to every vaccine; vaccinate when it has resolved (during a hospital stay when the patient is not moderately or severely ill).",
        2023, "https://www.cdc.gov/vaccines/hcp/acip-recs/general-recs/contraindications.html");

    /// <summary>ACIP hepatitis A recommendations (Nelson 2020).</summary>
    public static readonly Citation HepA2020 = new(
        "MMWR 2020 hepatitis A",
        "Nelson NP, Weng MK, Hofmeister MG, et al. Prevention of hepatitis A virus infection in the United States: recommendations of the Advisory Committee on Immunization Practices, 2020. MMWR Recomm Rep 2020;69(5):1-38.",
        2020, "https://doi.org/10.15585/mmwr.rr6905a1");

    /// <summary>ACIP universal adult hepatitis B vaccination (Weng 2022), with the 2018 recommendations (Schillie) it extends.</summary>
    public static readonly Citation HepB2022 = new(
        "MMWR 2022 hepatitis B",
        "Weng MK, Doshani M, Khan MA, et al. Universal hepatitis B vaccination in adults aged 19-59 years: updated recommendations of the Advisory Committee on Immunization Practices - United States, 2022. MMWR 2022;71(13):477-483; and Schillie S, Vellozzi C, Reingold A, et al. Prevention of hepatitis B virus infection in the United States: recommendations of the ACIP. MMWR Recomm Rep 2018;67(1):1-31.",
        2022, "https://doi.org/10.15585/mmwr.mm7113a1");

    /// <summary>CDC 2023 hepatitis B screening and testing recommendations, with the interpretation of serologic results.</summary>
    public static readonly Citation HbvScreening2023 = new(
        "CDC 2023 HBV screening",
        "Conners EE, Panagiotakopoulos L, Hofmeister MG, et al. Screening and testing for hepatitis B virus infection: CDC recommendations - United States, 2023. MMWR Recomm Rep 2023;72(1):1-25 (triple-panel HBsAg, anti-HBc, anti-HBs; interpretation of results: current, resolved, isolated anti-HBc, immune by vaccination, susceptible).",
        2023, "https://doi.org/10.15585/mmwr.rr7201a1");

    /// <summary>ACIP pneumococcal recommendations for adults ≥ 50 (Kobayashi 2025), with PCV21 (2024) and the 2023 summary.</summary>
    public static readonly Citation Pneumococcal2024 = new(
        "MMWR 2025 pneumococcal",
        "Kobayashi M, Leidner AJ, Gierke R, et al. Expanded recommendations for use of pneumococcal conjugate vaccines among adults aged ≥50 years: recommendations of the ACIP - United States, 2024. MMWR 2025;74(1):1-8; Kobayashi M, et al. Use of 21-valent pneumococcal conjugate vaccine among U.S. adults. MMWR 2024;73(36):793-798.",
        2025, "https://doi.org/10.15585/mmwr.mm7401a1");

    /// <summary>ACIP recombinant zoster vaccine recommendations (Anderson 2022).</summary>
    public static readonly Citation Zoster2022 = new(
        "MMWR 2022 zoster",
        "Anderson TC, Masters NB, Guo A, et al. Use of recombinant zoster vaccine in immunocompromised adults aged ≥19 years: recommendations of the ACIP - United States, 2022. MMWR 2022;71(3):80-84; Dooling KL, et al. MMWR 2018;67(3):103-108 (adults ≥ 50).",
        2022, "https://doi.org/10.15585/mmwr.mm7103a2");

    /// <summary>ACIP Tdap/Td recommendations (Havers 2020).</summary>
    public static readonly Citation Tdap2020 = new(
        "MMWR 2020 Tdap",
        "Havers FP, Moro PL, Hunter P, Hariri S, Bernstein H. Use of tetanus toxoid, reduced diphtheria toxoid, and acellular pertussis vaccines: updated recommendations of the ACIP - United States, 2019. MMWR 2020;69(3):77-83.",
        2020, "https://doi.org/10.15585/mmwr.mm6903a5");

    /// <summary>AASLD 2019 guidance on alcohol-associated liver disease.</summary>
    public static readonly Citation Aasld2019Alcohol = new(
        "AASLD 2019 alcohol",
        "Crabb DW, Im GY, Szabo G, Mellinger JL, Lucey MR. Diagnosis and treatment of alcohol-associated liver diseases: 2019 practice guidance from the American Association for the Study of Liver Diseases. Hepatology 2020;71(1):306-333.",
        2020, "https://doi.org/10.1002/hep.30866");

    /// <summary>Adult schedule from this age (years).</summary>
    public const decimal AdultAge = 19m;

    /// <summary>Age from which pneumococcal conjugate vaccine and recombinant zoster vaccine are recommended for everyone (years).</summary>
    public const decimal Age50 = 50m;

    /// <summary>Age up to which hepatitis B vaccination is universal (ACIP 2022: 19-59 years).</summary>
    public const decimal HepBUniversalBelow = 60m;

    /// <summary>Daily prednisone-equivalent dose (mg) that, for 14 days or more, makes live vaccines contraindicated (CDC General Best Practices).</summary>
    public const decimal ImmunosuppressiveSteroidMgPerDay = 20m;

    /// <summary>Duration (weeks) from which a corticosteroid at <see cref="ImmunosuppressiveSteroidMgPerDay"/> is immunosuppressive: 14 days (CDC General Best Practices, altered immunocompetence).</summary>
    public const decimal ImmunosuppressiveSteroidWeeks = 2m;

    /// <summary>The routine vaccine items deferred during a moderate or severe acute illness, with the patient's name of each.</summary>
    private static readonly (string Id, string PatientName)[] RoutineVaccines =
    [
        ("hepatitis-a", "hepatitis A"), ("hepatitis-b", "hepatitis B"), ("pneumococcal", "pneumonia"),
        ("influenza", "flu"), ("zoster", "shingles"), ("tdap-td", "tetanus, diphtheria and whooping cough"),
    ];

    /// <summary>The plan for a snapshot.</summary>
    /// <param name="snapshot">The patient.</param>
    /// <param name="outcomes">The score outcomes of the same snapshot (AUDIT-C is read when the catalog has it).</param>
    /// <param name="markers">Hepatitis markers (see <see cref="HepatitisMarkers.From"/>).</param>
    public static PreventionSection Evaluate(PatientSnapshot snapshot, IReadOnlyList<ScoreOutcome> outcomes, HepatitisMarkers markers)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(markers);
        var items = new List<Recommendation>();
        var missing = new List<string>();
        var p = Patient.Of(snapshot, markers);
        if (snapshot.AgeYears is not { } age)
        {
            missing.Add(SnapshotKeys.AgeYears);
        }
        else if (age < AdultAge)
        {
            items.Add(new("adult-schedule", RecommendationStatus.NotRecommended, null,
                $"Age {F(age)} years: this plan follows the adult schedule (19 years and older); use the child and adolescent schedule.",
                "Your vaccine plan follows the schedule for children and teenagers; your care team will go through it with you.", AcipSchedule2025));
        }
        else if (snapshot.AssessmentDate is not { } today)
        {
            missing.Add(SnapshotKeys.AssessmentDate);
        }
        else
        {
            HepatitisA(p, today, items, missing);
            HepatitisB(p, age, today, items, missing);
            Pneumococcal(p, age, today, items, missing);
            Influenza(p, today, items);
            Zoster(p, age, today, items);
            TdapTd(p, today, items);
        }

        if (AcuteIllness(snapshot, outcomes) is { } illness)
        {
            Defer(items, illness);
        }

        LiveVaccines(p, items);
        HepatitisBScreening(snapshot, p, items);
        missing.AddRange(p.Missing);
        Alcohol(snapshot, outcomes, items, missing);
        return new PreventionSection(items, missing.Distinct().ToList());
    }

    /// <summary>What the rules read about the patient.</summary>
    private sealed record Patient(
        IReadOnlyList<Vaccination> Doses,
        HepatitisMarkers Markers,
        bool? ChronicLiverDisease,
        bool Immunocompromised,
        bool Transplant,
        string? ImmunosuppressionReason,
        string? AssumedImmunosuppression,
        IReadOnlyList<string> Missing)
    {
        public static Patient Of(PatientSnapshot s, HepatitisMarkers markers)
        {
            var f = s.Findings;
            var h = s.History;
            bool? cld = f.ChronicLiverDisease is true || f.Cirrhosis is true || f.CholestaticLiverDisease is true || f.FattyLiverDisease is true
                || h.AlcoholRelatedLiverDisease is true || h.TransplantRecipient is true || markers.HbsAg is true
                ? true
                : f.ChronicLiverDisease is false ? false : null;
            var meds = Treatments(s);
            var reason = h.TransplantRecipient is true ? "liver transplant recipient" : ImmunosuppressiveDrug(meds);
            var missing = new List<string>();
            var assumed = reason is null ? AssumedSteroid(meds, s.Medications.Count, missing) : null;
            return new Patient(s.Vaccinations, markers, cld, reason is not null, h.TransplantRecipient is true, reason, assumed, missing);
        }
    }

    /// <summary>
    /// The moderate or severe acute illness that defers routine vaccines, in words, or null: acute liver failure
    /// (<see cref="PatientContext.AcuteLiverFailure"/>), ACLF grade 2 or 3 (the <c>aclf-grade</c> outcome), intensive care
    /// (<see cref="PatientContext.IntensiveCare"/>). ACIP General Best Practices: a moderate or severe acute illness is a
    /// precaution to every vaccine. Unknown (null) answers defer nothing: vaccines are indicated and the precaution is
    /// the vaccinator's bedside check.
    /// </summary>
    private static string? AcuteIllness(PatientSnapshot s, IReadOnlyList<ScoreOutcome> outcomes)
    {
        // A ranged grade (a finding not given: issue 11 s.2) defers only when every alternative is grade 2 or more.
        var grade = ScoreOutcome.Find(outcomes, Scores.AclfGrade.Definition);
        var aclf = grade?.Result?.Value ?? (grade?.Range is { } range && range.All(r => r.Value >= 2m) ? range.Minimum : null);
        return PatientContext.AcuteLiverFailure(s) is true ? "acute liver failure"
            : aclf >= 2m ? $"ACLF grade {aclf:0}"
            : PatientContext.IntensiveCare(s) is true ? "intensive care"
            : null;
    }

    /// <summary>
    /// Routine vaccine items due now become <see cref="RecommendationStatus.AfterRecovery"/> (clinician text says why,
    /// patient text says "once you have recovered"); items due on a date say the same applies then.
    /// </summary>
    private static void Defer(List<Recommendation> items, string illness)
    {
        var why = $"{illness} is a moderate or severe acute illness, a precaution to every vaccine (ACIP General Best Practices 2023)";
        for (var i = 0; i < items.Count; i++)
        {
            var r = items[i];
            var name = RoutineVaccines.FirstOrDefault(v => v.Id == r.Id).PatientName;
            if (name is null)
            {
                continue;
            }

            if (r.Status == RecommendationStatus.DueNow)
            {
                var text = r.Clinician.Replace(", due now.", ".", StringComparison.Ordinal)
                    .Replace("start the series now", "start the series", StringComparison.Ordinal)
                    .Replace("one dose now", "one dose", StringComparison.Ordinal)
                    .Replace("due now", "due", StringComparison.Ordinal);
                items[i] = r with
                {
                    Status = RecommendationStatus.AfterRecovery,
                    Clinician = $"After recovery, not now: {why}. {text}",
                    Patient = $"You will need the {name} vaccine when you are well again. Your care team will plan it with you.",
                };
            }
            else if (r.Status == RecommendationStatus.DueOn)
            {
                items[i] = r with { Clinician = $"{r.Clinician} If still acutely ill then ({illness}), give it after recovery." };
            }
        }
    }

    /// <summary>
    /// The snapshot's medications, plus a corticosteroid of unknown dose and duration when
    /// <c>findings.corticosteroidStartDate</c> says corticosteroids were started (for alcohol-associated hepatitis: the
    /// Lille model's day 0) and no corticosteroid is listed: the snapshot says the patient is on them.
    /// </summary>
    internal static IReadOnlyList<Medication> Treatments(PatientSnapshot s)
    {
        if (s.Findings.CorticosteroidStartDate is not { } start || s.Medications.Any(m => m.Class == MedicationClass.Corticosteroid))
        {
            return s.Medications;
        }

        return [.. s.Medications, new Medication(MedicationClass.Corticosteroid) { Name = $"corticosteroids started on {D(start)}" }];
    }

    /// <summary>
    /// The first corticosteroid whose dose or duration is not given and whose known part does not rule out
    /// ≥ 20 mg/day for ≥ 14 days, in words with the assumption; its missing inputs go to <paramref name="missing"/>.
    /// Unknown dose or duration must not mean "no caution": live vaccines are withheld until it is known.
    /// </summary>
    private static string? AssumedSteroid(IReadOnlyList<Medication> medications, int listed, List<string> missing)
    {
        for (var i = 0; i < medications.Count; i++)
        {
            var m = medications[i];
            if (m.Class != MedicationClass.Corticosteroid
                || m.PrednisoneEquivalentMgPerDay < ImmunosuppressiveSteroidMgPerDay || m.DurationWeeks < ImmunosuppressiveSteroidWeeks)
            {
                continue;
            }

            var unknown = new List<string>(2);
            if (m.PrednisoneEquivalentMgPerDay is null)
            {
                unknown.Add("dose");
                AddIf(i < listed, $"medications[{i}].prednisoneEquivalentMgPerDay");
            }

            if (m.DurationWeeks is null)
            {
                unknown.Add("duration");
                AddIf(i < listed, $"medications[{i}].durationWeeks");
            }

            // A course known only from findings.corticosteroidStartDate has no medications[i] to name: the text says what to give.
            void AddIf(bool isListed, string path)
            {
                if (isListed)
                {
                    missing.Add(path);
                }
            }

            return $"{m.Name ?? MedicationClasses.IdOf(m.Class)} (corticosteroid; {string.Join(" and ", unknown)} not given, so assumed ≥ {F(ImmunosuppressiveSteroidMgPerDay)} mg/day prednisone equivalent for ≥ 14 days until known)";
        }

        return null;
    }

    /// <summary>The first medication that makes the patient immunocompromised for vaccine purposes, in words; null if none.</summary>
    private static string? ImmunosuppressiveDrug(IReadOnlyList<Medication> medications)
    {
        foreach (var m in medications)
        {
            var suppressive = m.Class switch
            {
                MedicationClass.Corticosteroid => m.PrednisoneEquivalentMgPerDay >= ImmunosuppressiveSteroidMgPerDay && m.DurationWeeks >= ImmunosuppressiveSteroidWeeks,
                MedicationClass.BCellDepleting or MedicationClass.Anthracycline or MedicationClass.TnfInhibitor
                    or MedicationClass.CytokineIntegrinInhibitor or MedicationClass.TyrosineKinaseInhibitor
                    or MedicationClass.TraditionalImmunosuppressant or MedicationClass.CalcineurinInhibitor
                    or MedicationClass.Antimetabolite => true,
                _ => false,
            };
            if (suppressive)
            {
                return (m.Name ?? MedicationClasses.IdOf(m.Class)) + " (" + MedicationClasses.IdOf(m.Class) + ")";
            }
        }

        return null;
    }

    private static IEnumerable<Vaccination> Of(Patient p, params Vaccine[] vaccines) => p.Doses.Where(d => vaccines.Contains(d.Vaccine));

    /// <summary>A series item from its state: complete, due now (first dose, or overdue: continue, no restart) or due on a date.</summary>
    private static Recommendation FromSeries(string id, SeriesSpec spec, SeriesState state, DateOnly today, string what, string patientWhat, Citation source, string? firstDose = null)
    {
        var early = state.TooEarly.Count == 0
            ? string.Empty
            : $" Dose(s) of {string.Join(", ", state.TooEarly.Select(d => D(d.Date)))} came more than {DoseSeries.GraceDays} days before the minimum interval and do not count; repeat them.";
        if (state.Complete)
        {
            return new(id, RecommendationStatus.Complete, null,
                $"{what}: series complete ({spec.Name}; last dose {D(state.Valid[^1].Date)}).{early}",
                $"Your {patientWhat} vaccine series is complete.", source);
        }

        if (state.Valid.Count == 0)
        {
            return new(id, RecommendationStatus.DueNow, null,
                $"{what}: start the series now: {firstDose ?? spec.Name}.{early}",
                $"You should start the {patientWhat} vaccine now.", source);
        }

        var next = state.Valid.Count + 1;
        var due = state.NextDue!.Value;
        if (due <= today)
        {
            var overdue = due < today ? $" It was due on {D(due)}: the series is interrupted; continue it, no restart is needed." : string.Empty;
            return new(id, RecommendationStatus.DueNow, null,
                $"{what}: dose {next} of {spec.Doses} due now ({spec.Name}; earliest valid date {D(state.NextMinimum!.Value)}).{overdue}{early}",
                $"Your next {patientWhat} vaccine dose is due now. The doses you already had still count.", source);
        }

        return new(id, RecommendationStatus.DueOn, due,
            $"{what}: dose {next} of {spec.Doses} due on {D(due)} ({spec.Name}; not before {D(state.NextMinimum!.Value.AddDays(-DoseSeries.GraceDays))}).{early}",
            $"Your next {patientWhat} vaccine dose is due on {D(due)}.", source);
    }

    private static string D(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string F(decimal value) => Breakdown.F(value);
}
