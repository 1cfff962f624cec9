using System.Globalization;
using Hepatica.Clinical.Findings;
using Hepatica.Clinical.Scoring;
using static Hepatica.Clinical.Scoring.ClinicalMath;

namespace Hepatica.Clinical.Scores;

/// <summary>
/// MELD 3.0 (Kim et al., Gastroenterology 2021) as OPTN policy 9.1.D applies it since 2023-07-13:
/// <c>1.33 (female) + 4.56 ln(bili) + 0.82 (137 − Na) − 0.24 (137 − Na) ln(bili) + 9.09 ln(INR) + 11.14 ln(Cr)
/// + 1.85 (3.5 − Alb) − 1.83 (3.5 − Alb) ln(Cr) + 6</c>; bilirubin, INR and creatinine below 1.0 set to 1.0;
/// creatinine above 3.0, or with dialysis twice in the past week, set to 3.0; sodium bounded 125-137; albumin bounded
/// 1.5-3.5 g/dL; the sex term applies only to a candidate aged 18 or more at registration (OPTN "Learn about MELD":
/// sex is an input "only if candidate's age at registration is 18 years or older"; the CU-Anschutz SAS macro writes
/// <c>1.33 female (age at listing ≥ 18) − 1.33 (age at listing ≥ 18) + 7.33</c>): a candidate registered at 12-17 receives
/// the 1.33 term whatever the sex, and needs no sex to be scored. The age at registration is <c>ageAtListingYears</c> when
/// given, the current age otherwise, and the steps say which; rounded to the nearest integer
/// (half away from zero); OPTN maximum 40 (Kim 2021 sets no maximum: the uncapped value is kept in the extras).
/// Not for candidates under 12 (PELD applies). 90-day survival: <c>0.946 ^ exp(0.17698 × MELD 3.0 − 3.56)</c>
/// (Kim 2021), from the rounded, uncapped score.
/// </summary>
public static class Meld3
{
    /// <summary>Kim 2021: MELD 3.0.</summary>
    public static readonly Citation Kim2021 = new(
        "Kim 2021",
        "Kim WR, Mannalithara A, Heimbach JK, et al. MELD 3.0: the model for end-stage liver disease updated for the modern era. Gastroenterology 2021;161(6):1887-1895.e4.",
        2021, "https://doi.org/10.1053/j.gastro.2021.08.050");

    /// <summary>OPTN policy 9.1.D as amended for MELD 3.0 (in force 2023-07-13).</summary>
    public static readonly Citation OptnPolicy2023 = new(
        "OPTN policy 9.1.D (2023)",
        "Organ Procurement and Transplantation Network. Policy 9.1.D MELD 3.0 Score (in force 2023-07-13): floors of 1.0, creatinine 3.0 with dialysis or above 3.0, sodium 125-137, albumin 1.5-3.5, candidates 12-17 years old receive the female coefficient, maximum 40.",
        2023, "https://optn.transplant.hrsa.gov/policies-bylaws/policies/");

    /// <summary>OPTN "Learn about MELD": sex is an input only when the candidate is 18 or more at registration.</summary>
    public static readonly Citation OptnLearnAboutMeld = new(
        "OPTN Learn about MELD",
        "Organ Procurement and Transplantation Network. Learn about MELD: the inputs are creatinine, bilirubin, INR, sodium, albumin, candidate age at listing, and sex for purposes of adult MELD calculation (only if the candidate's age at registration is 18 years or older).",
        2023, "https://optn.transplant.hrsa.gov/data/allocation-calculators/meld-calculator/learn-about-meld/");

    /// <summary>What MELD 3.0 is, its range and sources.</summary>
    public static readonly ScoreDefinition Definition = new(
        "meld-3.0", "1.1.0", "MELD 3.0", 6m, 40m,
        "rounded to the nearest integer, half away from zero, no intermediate rounding (Kim 2021; OPTN policy 9.1.D, 2023)",
        [new ScoreInput(SnapshotKeys.Sex, true, "only when 18 or more at registration"), SnapshotKeys.AgeYears, ScoreInput.Optional(SnapshotKeys.AgeAtListingYears, "decides the sex term"), SnapshotKeys.Labs.Bilirubin, SnapshotKeys.Labs.Creatinine, SnapshotKeys.Labs.Inr, SnapshotKeys.Labs.Sodium, SnapshotKeys.Labs.Albumin, SnapshotKeys.Findings.DialysisTwiceInPastWeek],
        [Kim2021, OptnPolicy2023, OptnLearnAboutMeld])
    {
        Population = new(
            "Candidates aged 12 or more with chronic liver disease on the waiting list (Kim 2021: adult OPTN registrants; OPTN policy 9.1); not acute liver failure, which is listed as status 1A by its own criteria (OPTN policy 9.1.A; EASL 2017 ALF).",
            [Kim2021, OptnPolicy2023, Populations.OptnPolicy91Age, Populations.OptnStatus1A, Populations.Easl2017Alf],
            [Populations.NotUnder12, Populations.NotAcuteLiverFailure(Populations.OptnStatus1A), Populations.ChronicLiverDiseaseRequired(Kim2021)]),
    };

    /// <summary>The inputs MELD 3.0 needs.</summary>
    /// <param name="Sex">Sex; needed only when the candidate was 18 or more at registration.</param>
    /// <param name="AgeYears">Current age in years (12 or more).</param>
    /// <param name="Bilirubin">Total bilirubin.</param>
    /// <param name="Creatinine">Serum creatinine.</param>
    /// <param name="Inr">INR.</param>
    /// <param name="Sodium">Serum sodium.</param>
    /// <param name="Albumin">Serum albumin.</param>
    /// <param name="DialysisTwiceInPastWeek">Two dialysis treatments or 24 h of CVVHD in the week before the creatinine.</param>
    /// <param name="AgeAtListingYears">Age at registration on the waiting list, years, if known (else the current age stands in).</param>
    public sealed record Inputs(Sex? Sex, decimal AgeYears, Bilirubin Bilirubin, Creatinine Creatinine, Inr Inr, Sodium Sodium, Albumin Albumin, bool DialysisTwiceInPastWeek, decimal? AgeAtListingYears = null)
    {
        /// <summary>The age that decides the sex term: the age at registration when given, the current age otherwise (OPTN).</summary>
        public decimal RegistrationAgeYears => AgeAtListingYears ?? AgeYears;
    }

    /// <summary>Age at registration from which the sex term applies (OPTN "Learn about MELD", 2023).</summary>
    public const decimal AdultRegistrationAgeYears = 18m;

    /// <summary>Name of the extra holding the uncapped (rounded) score.</summary>
    public const string UncappedExtra = "uncapped";

    /// <summary>Name of the extra holding the 90-day survival probability (0-1).</summary>
    public const string Survival90DayExtra = "survival90Day";

    /// <summary>Gathers the inputs from a snapshot and calculates, or names what is missing.</summary>
    /// <param name="snapshot">The patient.</param>
    /// <param name="recordSteps">False to compute without keeping the breakdown (same value).</param>
    public static ScoreOutcome Evaluate(PatientSnapshot snapshot, bool recordSteps = true)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var r = new Requirements();
        var registrationAge = snapshot.AgeAtListingYears ?? snapshot.AgeYears;
        var inputs = new Inputs(
            registrationAge is < AdultRegistrationAgeYears ? snapshot.Sex : r.Need(snapshot.Sex, SnapshotKeys.Sex), r.Need(snapshot.AgeYears, SnapshotKeys.AgeYears),
            r.Need(snapshot.Labs.Bilirubin, SnapshotKeys.Labs.Bilirubin), r.Need(snapshot.Labs.Creatinine, SnapshotKeys.Labs.Creatinine),
            r.Need(snapshot.Labs.Inr, SnapshotKeys.Labs.Inr), r.Need(snapshot.Labs.Sodium, SnapshotKeys.Labs.Sodium),
            r.Need(snapshot.Labs.Albumin, SnapshotKeys.Labs.Albumin), r.Need(snapshot.Findings.DialysisTwiceInPastWeek, SnapshotKeys.Findings.DialysisTwiceInPastWeek),
            snapshot.AgeAtListingYears);
        if (snapshot.AgeYears is < 12m)
        {
            return ScoreOutcome.NotApplicable(Definition, "MELD 3.0 is for candidates aged 12 or more; PELD applies under 12 (OPTN policy 9.1.D).");
        }

        return r.Outcome(Definition, inputs, recordSteps, Calculate);
    }

    /// <summary>Calculates MELD 3.0 with its full breakdown.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Age under 12.</exception>
    /// <exception cref="ArgumentException">No sex for a candidate aged 18 or more at registration.</exception>
    public static ScoreResult Calculate(Inputs inputs, bool recordSteps = true)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentOutOfRangeException.ThrowIfLessThan(inputs.AgeYears, 12m);
        var adolescent = inputs.RegistrationAgeYears < AdultRegistrationAgeYears;
        if (!adolescent && inputs.Sex is null)
        {
            throw new ArgumentException("MELD 3.0 needs the sex of a candidate aged 18 or more at registration.", nameof(inputs));
        }

        var b = Breakdown.For(recordSteps, Kim2021);
        var bili = b.Floor("bilirubin", b.Input(inputs.Bilirubin, "total bilirubin, mg/dL"), 1.0m, OptnPolicy2023);
        var inr = b.Floor("INR", b.Input(inputs.Inr, "INR"), 1.0m, OptnPolicy2023);
        var cr = b.Input(inputs.Creatinine, "serum creatinine, mg/dL");
        cr = inputs.DialysisTwiceInPastWeek
            ? b.Substitute("creatinine", 3.0m, $"dialysis twice (or 24 h CVVHD) in the past week: creatinine set to 3.0 ({OptnPolicy2023.Key}).")
            : b.Cap("creatinine", b.Floor("creatinine", cr, 1.0m, OptnPolicy2023), 3.0m, OptnPolicy2023);
        var na = b.Clamp("sodium", b.Input(inputs.Sodium, "serum sodium, mmol/L"), 125m, 137m, Kim2021, OptnPolicy2023);
        var alb = b.Clamp("albumin", b.Input(inputs.Albumin, "serum albumin, g/dL"), 1.5m, 3.5m, Kim2021, OptnPolicy2023);

        var ageSource = inputs.AgeAtListingYears is { } listed
            ? $"age at registration {Breakdown.F(listed)} y (ageAtListingYears)"
            : $"age at registration not given: current age {Breakdown.F(inputs.AgeYears)} y used";
        var female = inputs.Sex == Sex.Female || adolescent;
        var lnBili = Ln(bili);
        var lnCr = Ln(cr);
        var unrounded =
            (adolescent
                ? b.Factor(1.33m, "female", female, $"{ageSource}: under 18, the 1.33 term applies whatever the sex ({OptnPolicy2023.Key}; OPTN \"Learn about MELD\")")
                : b.Factor(1.33m, "female", female, $"{ageSource}: 18 or more, {(inputs.Sex == Sex.Female ? "female: 1.33" : "male: 0")} ({Kim2021.Key}; OPTN \"Learn about MELD\")"))
            + b.Term(4.56m, "ln(bilirubin)", lnBili)
            + b.Term(0.82m, "(137 − Na)", 137m - na)
            - b.Subtracted(0.24m, "(137 − Na) × ln(bilirubin)", (137m - na) * lnBili)
            + b.Term(9.09m, "ln(INR)", Ln(inr))
            + b.Term(11.14m, "ln(creatinine)", lnCr)
            + b.Term(1.85m, "(3.5 − albumin)", 3.5m - alb)
            - b.Subtracted(1.83m, "(3.5 − albumin) × ln(creatinine)", (3.5m - alb) * lnCr)
            + b.Constant(6m);
        b.Sum("MELD 3.0 before rounding", unrounded, "sum of the terms");
        var uncapped = b.Round("MELD 3.0", unrounded, 0, "rounded to the nearest integer, half away from zero");
        var value = b.Cap("MELD 3.0", uncapped, 40m, $"maximum 40 for allocation ({OptnPolicy2023.Key}); {Kim2021.Key} sets no maximum");
        var survival = Survival90Day(uncapped);
        b.Add(StepKind.Note, "90-day survival", survival, $"{SurvivalBase.ToString(CultureInfo.InvariantCulture)} ^ exp({SurvivalSlope.ToString(CultureInfo.InvariantCulture)} × {Breakdown.F(uncapped)} − {SurvivalOffset.ToString(CultureInfo.InvariantCulture)}) ({Kim2021.Key}), from the rounded score before the cap");
        return new ScoreResult(Definition, value, unrounded, null, b.Steps, [])
        {
            Extras = new Dictionary<string, decimal> { [UncappedExtra] = uncapped, [Survival90DayExtra] = survival },
        };
    }

    /// <summary>
    /// Kim 2021 90-day survival for a MELD 3.0 value: <c>0.946 ^ exp(0.17698 × MELD − 3.56)</c>, as a probability
    /// rounded to 4 decimals (half away from zero).
    /// </summary>
    public static decimal Survival90Day(decimal meld3) =>
        RoundHalfAwayFromZero((decimal)Math.Pow(SurvivalBase, Math.Exp((SurvivalSlope * (double)meld3) - SurvivalOffset)), 4);

    // Kim 2021's 90-day survival model, base ^ exp(slope × MELD 3.0 − offset); written once for the formula and its step.
    private const double SurvivalBase = 0.946, SurvivalSlope = 0.17698, SurvivalOffset = 3.56;
}
