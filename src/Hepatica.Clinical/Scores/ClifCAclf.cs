using Hepatica.Clinical.Scoring;
using static Hepatica.Clinical.Scoring.ClinicalMath;

namespace Hepatica.Clinical.Scores;

/// <summary>
/// CLIF-C ACLF score (Jalan 2014): <c>10 × (0.33 × CLIF-C OF + 0.04 × age + 0.63 × ln(WBC 10^9/L) − 2)</c>, for patients
/// with ACLF (grade 1-3, Moreau 2013); not applicable without ACLF (CLIF-C AD applies). Rounded to the nearest integer
/// (half away from zero) and bounded to 0-100, the range the EF-CLIF calculator gives; Jalan 2014 states no bounds.
/// </summary>
public static class ClifCAclf
{
    /// <summary>What CLIF-C ACLF is, its range and sources.</summary>
    public static readonly ScoreDefinition Definition = new(
        "clif-c-aclf", "1.1.0", "CLIF-C ACLF score", 0m, 100m,
        "rounded to the nearest integer, half away from zero, then bounded to 0-100 (Jalan 2014; EF-CLIF calculator)",
        [.. ClifCOf.Definition.Inputs, SnapshotKeys.AgeYears, SnapshotKeys.Labs.Wbc], [Sources.Jalan2014, Sources.Moreau2013, Sources.EfClifCalculators])
    {
        Population = new(
            "Hospitalised patients with cirrhosis and ACLF (grade 1-3; Jalan 2014, CANONIC); without ACLF, CLIF-C AD applies. Acute decompensation itself is not checked: the snapshot records no admission for it.",
            [Sources.Jalan2014, Sources.Moreau2013],
            [Populations.CirrhosisRequired(Sources.Moreau2013, "for acute decompensation of cirrhosis, the patients of the CANONIC study")]) { RelevantWhen = Populations.Cirrhosis },
    };

    /// <summary>Name of the extra holding the CLIF-C OF total used.</summary>
    public const string ClifCOfExtra = "clifCOf";

    /// <summary>The inputs CLIF-C ACLF needs.</summary>
    /// <param name="Organs">The organ inputs of CLIF-C OF.</param>
    /// <param name="AgeYears">Age in years.</param>
    /// <param name="Wbc">White cell count.</param>
    public sealed record Inputs(OrganInputs Organs, decimal AgeYears, WhiteCells Wbc);

    /// <summary>Gathers the inputs from a snapshot and calculates, or names what is missing, or says there is no ACLF.</summary>
    /// <param name="snapshot">The patient.</param>
    /// <param name="recordSteps">False to compute without keeping the breakdown (same value).</param>
    public static ScoreOutcome Evaluate(PatientSnapshot snapshot, bool recordSteps = true)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var r = new Requirements();
        var organs = OrganInputs.Gather(snapshot, ref r, needMap: true);
        var inputs = new Inputs(organs, r.Need(snapshot.AgeYears, SnapshotKeys.AgeYears), r.Need(snapshot.Labs.Wbc, SnapshotKeys.Labs.Wbc));
        if (!r.AllPresent)
        {
            return ScoreOutcome.NotCalculable(Definition, r.Missing);
        }

        return AclfGrade.Calculate(organs, recordSteps: false).Value == 0m
            ? ScoreOutcome.NotApplicable(Definition, "no ACLF (Moreau 2013): CLIF-C ACLF is for patients with ACLF; see clif-c-ad")
            : ScoreOutcome.Calculated(Calculate(inputs, recordSteps));
    }

    /// <summary>Calculates CLIF-C ACLF with the CLIF-C OF sub-scores as steps.</summary>
    public static ScoreResult Calculate(Inputs inputs, bool recordSteps = true)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var b = Breakdown.For(recordSteps, Sources.Jalan2014);
        var warnings = new List<InputIssue>();
        var organs = ClifOrgans.Assess(inputs.Organs, b, points: true, warnings);
        var of = b.Sum("CLIF-C OF", organs.Sum(o => o.Points), "sum of the six sub-scores (Jalan 2014)");
        var age = b.Input("age", inputs.AgeYears, "years");
        var wbc = b.Input("WBC", inputs.Wbc.BillionsPerLiter, "white cell count, 10^9/L");
        var inner = b.Term(0.33m, "CLIF-C OF", of)
            + b.Term(0.04m, "age", age)
            + b.Term(0.63m, "ln(WBC)", Ln(wbc))
            - b.Constant(2m, "subtracted (Jalan 2014)");
        var unrounded = b.Sum("CLIF-C ACLF before rounding", 10m * inner, "10 × the sum of the terms (Jalan 2014)");
        var value = b.Round("CLIF-C ACLF", unrounded, 0);
        if (value < 0m || value > 100m)
        {
            var message = $"the formula gives {Breakdown.F(value)}, outside the 0-100 of the EF-CLIF calculator: reported as {(value < 0m ? "0" : "100")}; {(value < 0m ? "a very low white cell count" : "an extreme white cell count, age and organ failure score")} lies outside the data the score was derived from";
            warnings.Add(b.Implausible(SnapshotKeys.Labs.Wbc, message));
            value = b.Add(StepKind.Bound, "CLIF-C ACLF", Math.Clamp(value, 0m, 100m), $"{Breakdown.F(value)} is outside 0-100: bounded to the calculator's range (EF-CLIF calculator)");
        }

        var extras = ClifCOf.Extras(organs, withPoints: true);
        extras[ClifCOfExtra] = of;
        return new ScoreResult(Definition, value, unrounded, null, b.Steps, warnings) { Extras = extras };
    }
}
