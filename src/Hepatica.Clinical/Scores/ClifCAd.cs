using Hepatica.Clinical.Scoring;
using static Hepatica.Clinical.Scoring.ClinicalMath;

namespace Hepatica.Clinical.Scores;

/// <summary>
/// CLIF-C AD score for acute decompensation of cirrhosis without ACLF (Jalan 2015):
/// <c>10 × (0.03 × age + 0.66 × ln(creatinine mg/dL) + 1.71 × ln(INR) + 0.88 × ln(WBC 10^9/L) − 0.05 × sodium mmol/L + 8)</c>,
/// rounded to the nearest integer (half away from zero); risk ≤ 45 low, 46-59 intermediate, ≥ 60 high, taken from the
/// rounded value. No floors, caps or bounds; a value below 0 carries a <c>RES001</c> warning. Not applicable when ACLF is present (grade 1-3, Moreau 2013; CLIF-C ACLF
/// applies), so the organ inputs of the ACLF grade are needed to rule ACLF out.
/// </summary>
public static class ClifCAd
{
    /// <summary>Jalan 2015: the CLIF-C AD score.</summary>
    public static readonly Citation Jalan2015 = new(
        "Jalan 2015",
        "Jalan R, Pavesi M, Saliba F, et al. The CLIF Consortium Acute Decompensation score (CLIF-C ADs) for prognosis of hospitalised cirrhotic patients without acute-on-chronic liver failure. J Hepatol 2015;62(4):831-840.",
        2015, "https://doi.org/10.1016/j.jhep.2014.11.012");

    /// <summary>What CLIF-C AD is, its range and sources.</summary>
    public static readonly ScoreDefinition Definition = new(
        "clif-c-ad", "1.0.0", "CLIF-C AD score", decimal.MinValue, null,
        "rounded to the nearest integer, half away from zero; the risk group uses the rounded value (Jalan 2015)",
        [SnapshotKeys.AgeYears, SnapshotKeys.Labs.Creatinine, SnapshotKeys.Labs.Inr, SnapshotKeys.Labs.Wbc, SnapshotKeys.Labs.Sodium, .. AclfGrade.Definition.Inputs.Where(i => i.Path is not (SnapshotKeys.Labs.Creatinine or SnapshotKeys.Labs.Inr))],
        [Jalan2015, Sources.Moreau2013, Sources.EfClifCalculators])
    {
        Population = new(
            "Hospitalised patients with acute decompensation of cirrhosis without ACLF (Jalan 2015, CANONIC); with ACLF, CLIF-C ACLF applies. Acute decompensation itself is not checked: the snapshot records no admission for it.",
            [Jalan2015, Sources.Moreau2013],
            [Populations.CirrhosisRequired(Sources.Moreau2013, "for acute decompensation of cirrhosis, the patients of the CANONIC study")]) { RelevantWhen = Populations.Cirrhosis },
    };

    /// <summary>Risk groups (Jalan 2015): ≤ 45 low, 46-59 intermediate, ≥ 60 high (on the integer score).</summary>
    public static readonly IReadOnlyList<Band> RiskGroups =
        [Band.AtMost(45m, "low risk"), Band.AboveBelow(45m, 60m, "intermediate risk"), Band.AtLeast(60m, "high risk")];

    /// <summary>The inputs CLIF-C AD needs.</summary>
    /// <param name="AgeYears">Age in years.</param>
    /// <param name="Creatinine">Serum creatinine.</param>
    /// <param name="Inr">INR.</param>
    /// <param name="Wbc">White cell count.</param>
    /// <param name="Sodium">Serum sodium.</param>
    public sealed record Inputs(decimal AgeYears, Creatinine Creatinine, Inr Inr, WhiteCells Wbc, Sodium Sodium);

    /// <summary>Gathers the inputs from a snapshot and calculates, or names what is missing, or says ACLF is present.</summary>
    /// <param name="snapshot">The patient.</param>
    /// <param name="recordSteps">False to compute without keeping the breakdown (same value).</param>
    public static ScoreOutcome Evaluate(PatientSnapshot snapshot, bool recordSteps = true)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var r = new Requirements();
        var inputs = new Inputs(
            r.Need(snapshot.AgeYears, SnapshotKeys.AgeYears), r.Need(snapshot.Labs.Creatinine, SnapshotKeys.Labs.Creatinine), r.Need(snapshot.Labs.Inr, SnapshotKeys.Labs.Inr),
            r.Need(snapshot.Labs.Wbc, SnapshotKeys.Labs.Wbc), r.Need(snapshot.Labs.Sodium, SnapshotKeys.Labs.Sodium));
        var organs = new Requirements();
        var organInputs = OrganInputs.Gather(snapshot, ref organs, needMap: false);
        if (!r.AllPresent || !organs.AllPresent)
        {
            return ScoreOutcome.NotCalculable(Definition, [.. r.Missing, .. organs.Missing.Where(m => !r.Missing.Contains(m))]);
        }

        var grade = AclfGrade.Calculate(organInputs, recordSteps: false);
        return grade.Value > 0m
            ? ScoreOutcome.NotApplicable(Definition, $"{grade.Category} (Moreau 2013): CLIF-C AD is for acute decompensation without ACLF; see clif-c-aclf")
            : ScoreOutcome.Calculated(Calculate(inputs, recordSteps));
    }

    /// <summary>Calculates CLIF-C AD and its risk group.</summary>
    public static ScoreResult Calculate(Inputs inputs, bool recordSteps = true)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var b = Breakdown.For(recordSteps, Jalan2015);
        var age = b.Input("age", inputs.AgeYears, "years");
        var cr = b.Input(inputs.Creatinine, "serum creatinine, mg/dL");
        var inr = b.Input(inputs.Inr, "INR");
        var wbc = b.Input("WBC", inputs.Wbc.BillionsPerLiter, "white cell count, 10^9/L");
        var na = b.Input(inputs.Sodium, "serum sodium, mmol/L");
        var inner = b.Term(0.03m, "age", age)
            + b.Term(0.66m, "ln(creatinine)", Ln(cr))
            + b.Term(1.71m, "ln(INR)", Ln(inr))
            + b.Term(0.88m, "ln(WBC)", Ln(wbc))
            - b.Subtracted(0.05m, "sodium", na)
            + b.Constant(8m);
        var unrounded = b.Sum("CLIF-C AD before rounding", 10m * inner, "10 × the sum of the terms (Jalan 2015)");
        var value = b.Round("CLIF-C AD", unrounded, 0);
        var category = b.Category("risk", value, Bands.Find(RiskGroups, value), "Jalan 2015; the rounded value is grouped");
        List<InputIssue> warnings = [];
        if (unrounded < 0m)
        {
            var message = $"the formula gives {Breakdown.F(RoundHalfAwayFromZero(unrounded, 1))}, below 0: a sodium of {Breakdown.F(na)} mmol/L with this creatinine and white cell count lies outside the data the score was derived from; the value is reported as the formula gives it";
            warnings.Add(b.Implausible(SnapshotKeys.Labs.Sodium, message));
        }

        return new ScoreResult(Definition, value, unrounded, category, b.Steps, warnings);
    }
}
