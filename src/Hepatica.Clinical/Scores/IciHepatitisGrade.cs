using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Scores;

/// <summary>
/// Immune checkpoint inhibitor hepatitis: the CTCAE v5.0 grade of the aminotransferase and bilirubin rises and the
/// management ASCO 2021 attaches to it. AST or ALT: grade 1 &gt; ULN-3 × ULN, 2 &gt; 3-5, 3 &gt; 5-20, 4 &gt; 20 × ULN; total
/// bilirubin: 1 &gt; ULN-1.5, 2 &gt; 1.5-3, 3 &gt; 3-10, 4 &gt; 10 × ULN; the hepatitis grade is the highest of the three
/// ("and/or", ASCO 2021). Graded against the laboratory's ULN, as CTCAE does for a normal baseline; CTCAE's rules for an
/// abnormal baseline (multiples of the baseline) are not applied. ASCO's clinical criteria for grades 3-4 (symptomatic
/// liver dysfunction, decompensation) are not read from labs and can only raise the grade.
/// </summary>
public static class IciHepatitisGrade
{
    /// <summary>CTCAE v5.0: ALT increased, AST increased, blood bilirubin increased.</summary>
    public static readonly Citation Ctcae5 = new(
        "CTCAE v5.0",
        "U.S. Department of Health and Human Services, National Cancer Institute. Common Terminology Criteria for Adverse Events (CTCAE) version 5.0. November 27, 2017.",
        2017, "https://ctep.cancer.gov/protocoldevelopment/electronic_applications/docs/CTCAE_v5_Quick_Reference_8.5x11.pdf");

    /// <summary>ASCO 2021: management of immune-related hepatitis by grade.</summary>
    public static readonly Citation Asco2021 = new(
        "ASCO 2021",
        "Schneider BJ, Naidoo J, Santomasso BD, et al. Management of immune-related adverse events in patients treated with immune checkpoint inhibitor therapy: ASCO guideline update. J Clin Oncol 2021;39(36):4073-4126.",
        2021, "https://doi.org/10.1200/JCO.21.01440");

    /// <summary>What the grade is, its range and sources.</summary>
    public static readonly ScoreDefinition Definition = new(
        "ici-hepatitis-grade", "1.0.0", "ICI hepatitis grade (CTCAE v5.0, ASCO 2021)", 0m, 4m, "integer grade; no rounding",
        [SnapshotKeys.Dili.ImmuneCheckpointInhibitor, SnapshotKeys.Labs.Alt, SnapshotKeys.Labs.AltUpperLimit, SnapshotKeys.Labs.Ast, SnapshotKeys.Labs.AstUpperLimit, SnapshotKeys.Labs.Bilirubin, SnapshotKeys.Labs.BilirubinUpperLimit],
        [Ctcae5, Asco2021])
    {
        Population = new(
            "Patients treated with an immune checkpoint inhibitor (CTCAE v5.0; ASCO 2021).",
            [Ctcae5, Asco2021],
            [new(Populations.ImmuneCheckpointInhibitor, true, "for patients treated with an immune checkpoint inhibitor", Asco2021)]) { RelevantWhen = Populations.ImmuneCheckpointInhibitor },
    };

    /// <summary>AST or ALT grade by × ULN (CTCAE v5.0, normal baseline).</summary>
    public static readonly IReadOnlyList<Band> AminotransferaseGrades =
        [Band.AtMost(1m, 0), Band.AboveUpTo(1m, 3m, 1), Band.AboveUpTo(3m, 5m, 2), Band.AboveUpTo(5m, 20m, 3), Band.Above(20m, 4)];

    /// <summary>Total bilirubin grade by × ULN (CTCAE v5.0, normal baseline).</summary>
    public static readonly IReadOnlyList<Band> BilirubinGrades =
        [Band.AtMost(1m, 0), Band.AboveUpTo(1m, 1.5m, 1), Band.AboveUpTo(1.5m, 3m, 2), Band.AboveUpTo(3m, 10m, 3), Band.Above(10m, 4)];

    /// <summary>Management by hepatitis grade (ASCO 2021, hepatitis table).</summary>
    public static readonly IReadOnlyList<Band> Management =
    [
        Band.Between(0m, 0m, "grade 0: no hepatitis grade (values within the upper limits of normal)"),
        Band.Between(1m, 1m, "grade 1: continue ICI with close monitoring (labs 1-2 times weekly); consider other causes"),
        Band.Between(2m, 2m, "grade 2: hold ICI; prednisone 0.5-1 mg/kg/day if no improvement in 3-5 days; resume at grade ≤ 1 on prednisone ≤ 10 mg/day"),
        Band.Between(3m, 3m, "grade 3: permanently discontinue ICI if symptomatic (consider if asymptomatic); methylprednisolone 1-2 mg/kg/day at once"),
        Band.Between(4m, 4m, "grade 4: as grade 3 (discontinue ICI); methylprednisolone 2 mg/kg/day"),
    ];

    /// <summary>The inputs of the grade.</summary>
    /// <param name="Alt">ALT.</param>
    /// <param name="AltUpperLimit">ALT upper limit of normal.</param>
    /// <param name="Ast">AST.</param>
    /// <param name="AstUpperLimit">AST upper limit of normal.</param>
    /// <param name="Bilirubin">Total bilirubin.</param>
    /// <param name="BilirubinUpperLimit">Bilirubin upper limit of normal.</param>
    public sealed record Inputs(Alt Alt, Alt AltUpperLimit, Ast Ast, Ast AstUpperLimit, Bilirubin Bilirubin, Bilirubin BilirubinUpperLimit);

    /// <summary>Gathers the inputs from a snapshot and grades, names what is missing, or says the grade does not apply (no ICI).</summary>
    /// <param name="snapshot">The patient.</param>
    /// <param name="recordSteps">False to compute without keeping the breakdown (same value).</param>
    public static ScoreOutcome Evaluate(PatientSnapshot snapshot, bool recordSteps = true)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.Dili.ImmuneCheckpointInhibitor == false)
        {
            return ScoreOutcome.NotApplicable(Definition, "for patients treated with an immune checkpoint inhibitor; dili.immuneCheckpointInhibitor is false");
        }

        var l = snapshot.Labs;
        var r = new Requirements();
        r.Need(snapshot.Dili.ImmuneCheckpointInhibitor, SnapshotKeys.Dili.ImmuneCheckpointInhibitor);
        var inputs = new Inputs(
            r.Need(l.Alt, SnapshotKeys.Labs.Alt), r.Need(l.AltUpperLimit, SnapshotKeys.Labs.AltUpperLimit), r.Need(l.Ast, SnapshotKeys.Labs.Ast), r.Need(l.AstUpperLimit, SnapshotKeys.Labs.AstUpperLimit),
            r.Need(l.Bilirubin, SnapshotKeys.Labs.Bilirubin), r.Need(l.BilirubinUpperLimit, SnapshotKeys.Labs.BilirubinUpperLimit));
        return r.Outcome(Definition, inputs, recordSteps, Calculate);
    }

    /// <summary>Grades each analyte, takes the highest and names the management.</summary>
    public static ScoreResult Calculate(Inputs inputs, bool recordSteps = true)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var b = Breakdown.For(recordSteps);
        var grade = Math.Max(
            Math.Max(Grade(b, "ALT", inputs.Alt.UnitsPerLiter / inputs.AltUpperLimit.UnitsPerLiter, AminotransferaseGrades),
                     Grade(b, "AST", inputs.Ast.UnitsPerLiter / inputs.AstUpperLimit.UnitsPerLiter, AminotransferaseGrades)),
            Grade(b, "bilirubin", inputs.Bilirubin.MilligramsPerDeciliter / inputs.BilirubinUpperLimit.MilligramsPerDeciliter, BilirubinGrades));
        b.Note("baseline", "graded against the upper limit of normal (CTCAE v5.0 for a normal baseline); the abnormal-baseline rules are not applied");
        b.Sum("hepatitis grade", grade, "the highest of the ALT, AST and bilirubin grades (ASCO 2021: AST or ALT and/or bilirubin)");
        var category = b.Category("management", grade, Bands.Find(Management, grade), Asco2021);
        return new ScoreResult(Definition, grade, null, category, b.Steps, []);
    }

    private static decimal Grade(Breakdown b, string analyte, decimal timesUpperLimit, IReadOnlyList<Band> grades)
    {
        var (band, grade) = Bands.FindPoints(grades, timesUpperLimit);
        return b.Points(analyte + " grade", grade, $"{Breakdown.F(timesUpperLimit)} × ULN is {band.Describe()}: grade {band.Label} (CTCAE v5.0)");
    }
}
