using Hepatica.Clinical.Labs;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Scores;

/// <summary>
/// Lille model after 7 days of corticosteroids for severe alcohol-associated hepatitis (Louvet et al., Hepatology 2007):
/// <c>R = 3.19 − 0.101 × age + 0.147 × albumin day 0 (g/L) + 0.0165 × (bilirubin day 0 − bilirubin day 7) (µmol/L)
/// − 0.206 × renal insufficiency − 0.0065 × bilirubin day 0 (µmol/L) − 0.0096 × PT day 0 (s)</c>;
/// <c>Lille = exp(−R) / (1 + exp(−R))</c>; ≥ 0.45 non-response. Renal insufficiency: creatinine &gt; 1.3 mg/dL.
/// Day 0 is <c>findings.corticosteroidStartDate</c>; day 0 values are the dated values on that date, the day 7
/// bilirubin the one dated exactly 7 days later (no tolerance). Reported to three decimals (half away from zero);
/// the band uses the unrounded value. The PT form is implemented; the INR form (lillemodel.com) is not.
/// </summary>
public static class Lille
{
    /// <summary>Louvet 2007.</summary>
    public static readonly Citation Louvet2007 = new(
        "Louvet 2007",
        "Louvet A, Naveau S, Abdelnour M, et al. The Lille model: a new tool for therapeutic strategy in patients with severe alcoholic hepatitis treated with steroids. Hepatology 2007;45(6):1348-1354.",
        2007, "https://doi.org/10.1002/hep.21607");

    /// <summary>Days from the start of corticosteroids to the second bilirubin (Louvet 2007).</summary>
    public const int Day = 7;

    /// <summary>What the Lille model is, its range and sources.</summary>
    public static readonly ScoreDefinition Definition = new(
        "lille", "1.0.0", "Lille model (day 7 of corticosteroids)", 0m, 1m,
        "probability reported to three decimals, half away from zero; the band uses the unrounded value (Louvet 2007)",
        [SnapshotKeys.AgeYears, SnapshotKeys.Findings.CorticosteroidStartDate, "series.albumin[day 0]", "series.creatinine[day 0]", "series.pt[day 0]",
            "series.bilirubin[day 0]", "series.bilirubin[day 7]"],
        [Louvet2007])
    {
        Population = new(
            "Patients with alcohol-associated hepatitis treated with corticosteroids, on day 7 of treatment (Louvet 2007).",
            [Louvet2007],
            [Populations.AlcoholAssociatedHepatitisRequired(Louvet2007)]) { RelevantWhen = Populations.AlcoholAssociatedHepatitis },
    };

    /// <summary>Response bands (Louvet 2007: cut-off 0.45).</summary>
    public static readonly IReadOnlyList<Band> ResponseBands =
        [Band.Below(0.45m, "responder"), Band.AtLeast(0.45m, "non-responder")];

    /// <summary>The inputs the Lille model needs.</summary>
    /// <param name="AgeYears">Age in years.</param>
    /// <param name="StartDate">Day 0: the date corticosteroids were started.</param>
    /// <param name="AlbuminDay0">Albumin on day 0.</param>
    /// <param name="CreatinineDay0">Creatinine on day 0.</param>
    /// <param name="ProthrombinTimeDay0">Prothrombin time on day 0.</param>
    /// <param name="BilirubinDay0">Bilirubin on day 0.</param>
    /// <param name="BilirubinDay7">Bilirubin on day 7.</param>
    public sealed record Inputs(decimal AgeYears, DateOnly StartDate, Albumin AlbuminDay0, Creatinine CreatinineDay0, ProthrombinTime ProthrombinTimeDay0, Bilirubin BilirubinDay0, Bilirubin BilirubinDay7);

    /// <summary>Gathers the dated inputs from a snapshot and calculates, or names what is missing.</summary>
    /// <param name="snapshot">The patient.</param>
    /// <param name="recordSteps">False to compute without keeping the breakdown (same value).</param>
    public static ScoreOutcome Evaluate(PatientSnapshot snapshot, bool recordSteps = true)
    {
        ArgumentNullException.ThrowIfNull(snapshot);

        var series = snapshot.Series;
        var r = new Requirements();
        var age = r.Need(snapshot.AgeYears, SnapshotKeys.AgeYears);
        var start = r.Need(snapshot.Findings.CorticosteroidStartDate, SnapshotKeys.Findings.CorticosteroidStartDate);
        var known = snapshot.Findings.CorticosteroidStartDate is not null;
        var day7 = known ? start.AddDays(Day) : start;
        var inputs = new Inputs(
            age, start,
            r.Need(known ? LabSeries.On(series.Albumin, start) : null, "series.albumin[day 0]"),
            r.Need(known ? LabSeries.On(series.Creatinine, start) : null, "series.creatinine[day 0]"),
            r.Need(known ? LabSeries.On(series.ProthrombinTime, start) : null, "series.pt[day 0]"),
            r.Need(known ? LabSeries.On(series.Bilirubin, start) : null, "series.bilirubin[day 0]"),
            r.Need(known ? LabSeries.On(series.Bilirubin, day7) : null, "series.bilirubin[day 7]"));
        return r.Outcome(Definition, inputs, recordSteps, Calculate);
    }

    /// <summary>Calculates the Lille model and its response band.</summary>
    public static ScoreResult Calculate(Inputs inputs, bool recordSteps = true)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var day0 = inputs.StartDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var day7 = inputs.StartDate.AddDays(Day).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var b = Breakdown.For(recordSteps, Louvet2007);
        var age = b.Input("age", inputs.AgeYears, "age, years");
        var alb = b.Input("albumin day 0", inputs.AlbuminDay0.GramsPerLiter, $"serum albumin dated {day0} (corticosteroid start), g/L");
        var cr = b.Input("creatinine day 0", inputs.CreatinineDay0.MilligramsPerDeciliter, $"serum creatinine dated {day0}, mg/dL");
        var pt = b.Input("prothrombin time day 0", inputs.ProthrombinTimeDay0.Seconds, $"prothrombin time dated {day0}, s");
        var bili0 = b.Input("bilirubin day 0", inputs.BilirubinDay0.MicromolesPerLiter, $"total bilirubin dated {day0}, µmol/L");
        var bili7 = b.Input("bilirubin day 7", inputs.BilirubinDay7.MicromolesPerLiter, $"total bilirubin dated {day7} (start + 7 days), µmol/L");
        var renal = cr > 1.3m ? 1m : 0m;
        var r = b.Constant(3.19m)
            - b.Subtracted(0.101m, "age", age)
            + b.Term(0.147m, "albumin day 0", alb)
            + b.Term(0.0165m, "(bilirubin day 0 − day 7)", bili0 - bili7, $"change {Breakdown.F(bili0 - bili7)} µmol/L; a fall raises R and lowers the score (Louvet 2007)")
            - b.Term(0.206m, "renal insufficiency", renal, $"creatinine {Breakdown.F(cr)} mg/dL {(renal == 1m ? "> 1.3: 1" : "≤ 1.3: 0")}; subtracted (Louvet 2007)")
            - b.Subtracted(0.0065m, "bilirubin day 0", bili0)
            - b.Subtracted(0.0096m, "prothrombin time", pt);
        b.Sum("R", r, "linear predictor");
        var unrounded = b.Sum("Lille before rounding", Logistic(r), "exp(−R) / (1 + exp(−R)) (Louvet 2007)");
        var value = b.Round("Lille", unrounded, 3);
        var category = b.Category("response", unrounded, Bands.Find(ResponseBands, unrounded), "Louvet 2007; the unrounded value is banded");
        return new ScoreResult(Definition, value, unrounded, category, b.Steps, []);
    }

    /// <summary><c>exp(−R) / (1 + exp(−R))</c>, evaluated as <c>1 / (1 + exp(R))</c> in double precision (no overflow) and carried in decimal.</summary>
    private static decimal Logistic(decimal r) => (decimal)(1.0 / (1.0 + Math.Exp((double)r)));
}
