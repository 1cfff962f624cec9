namespace Hepatica.Clinical.Labs;

/// <summary>
/// The laboratory values of one snapshot, each validated and held in its canonical unit; null when not given
/// (or given but unusable, in which case the snapshot's issues say why). Upper limits of normal are the
/// reporting laboratory's.
/// </summary>
public sealed record LabPanel
{
    /// <summary>An empty panel.</summary>
    public static readonly LabPanel Empty = new();

    /// <summary>Total bilirubin.</summary>
    public Bilirubin? Bilirubin { get; init; }

    /// <summary>Serum creatinine.</summary>
    public Creatinine? Creatinine { get; init; }

    /// <summary>INR.</summary>
    public Inr? Inr { get; init; }

    /// <summary>Serum sodium.</summary>
    public Sodium? Sodium { get; init; }

    /// <summary>Serum albumin.</summary>
    public Albumin? Albumin { get; init; }

    /// <summary>Platelet count.</summary>
    public Platelets? Platelets { get; init; }

    /// <summary>AST.</summary>
    public Ast? Ast { get; init; }

    /// <summary>ALT.</summary>
    public Alt? Alt { get; init; }

    /// <summary>Alkaline phosphatase.</summary>
    public Alp? Alp { get; init; }

    /// <summary>The laboratory's upper limit of normal for AST.</summary>
    public Ast? AstUpperLimit { get; init; }

    /// <summary>The laboratory's upper limit of normal for ALT.</summary>
    public Alt? AltUpperLimit { get; init; }

    /// <summary>The laboratory's upper limit of normal for ALP.</summary>
    public Alp? AlpUpperLimit { get; init; }

    /// <summary>The laboratory's upper limit of normal for total bilirubin (Hy's law, CTCAE grading).</summary>
    public Bilirubin? BilirubinUpperLimit { get; init; }

    /// <summary>White blood cell count.</summary>
    public WhiteCells? Wbc { get; init; }

    /// <summary>Urea (given as urea or as blood urea nitrogen).</summary>
    public Urea? Urea { get; init; }

    /// <summary>The patient's prothrombin time.</summary>
    public ProthrombinTime? ProthrombinTime { get; init; }

    /// <summary>The laboratory's control (mean normal) prothrombin time.</summary>
    public ProthrombinTime? ProthrombinTimeControl { get; init; }

    /// <summary>Arterial blood pH.</summary>
    public ArterialPh? ArterialPh { get; init; }

    /// <summary>Blood lactate.</summary>
    public Lactate? Lactate { get; init; }

    /// <summary>Serum phosphate.</summary>
    public Phosphate? Phosphate { get; init; }

    /// <summary>Absolute lymphocyte count.</summary>
    public Lymphocytes? Lymphocytes { get; init; }

    /// <summary>Absolute neutrophil count.</summary>
    public Neutrophils? Neutrophils { get; init; }

    /// <summary>Ascitic fluid total protein (SBP prophylaxis).</summary>
    public AscitesProtein? AscitesProtein { get; init; }
}
