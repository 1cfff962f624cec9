using Hepatica.Clinical.Labs;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Json;

/// <summary>Collects validated lab values while reading (each set by its row of <see cref="SnapshotReader.Labs"/>), and builds the panel once.</summary>
internal sealed class LabPanelBuilder
{
    public Bilirubin? Bilirubin;
    public Creatinine? Creatinine;
    public Inr? Inr;
    public Sodium? Sodium;
    public Albumin? Albumin;
    public Platelets? Platelets;
    public Ast? Ast;
    public Alt? Alt;
    public Alp? Alp;
    public Ast? AstUpperLimit;
    public Alt? AltUpperLimit;
    public Alp? AlpUpperLimit;
    public WhiteCells? Wbc;
    public Urea? Urea;
    public Urea? Bun;
    public ProthrombinTime? Pt;
    public ProthrombinTime? PtControl;
    public ArterialPh? ArterialPh;
    public Lactate? Lactate;
    public Phosphate? Phosphate;
    public Lymphocytes? Lymphocytes;
    public Neutrophils? Neutrophils;
    public AscitesProtein? AscitesProtein;
    public Bilirubin? BilirubinUpperLimit;

    /// <summary>Builds the panel once. When both urea and BUN are given, urea is used and a warning says so.</summary>
    public LabPanel Build(List<InputIssue> issues)
    {
        if (Urea is not null && Bun is not null)
        {
            issues.Add(InputIssue.Warning(IssueCodes.UnusualValue, "labs.bun", "Both labs.urea and labs.bun are given; labs.urea is used and labs.bun is ignored."));
        }

        return BuildPanel();
    }

    private LabPanel BuildPanel() => new()
    {
        Bilirubin = Bilirubin,
        Creatinine = Creatinine,
        Inr = Inr,
        Sodium = Sodium,
        Albumin = Albumin,
        Platelets = Platelets,
        Ast = Ast,
        Alt = Alt,
        Alp = Alp,
        AstUpperLimit = AstUpperLimit,
        AltUpperLimit = AltUpperLimit,
        AlpUpperLimit = AlpUpperLimit,
        Wbc = Wbc,
        Urea = Urea ?? Bun,
        ProthrombinTime = Pt,
        ProthrombinTimeControl = PtControl,
        ArterialPh = ArterialPh,
        Lactate = Lactate,
        Phosphate = Phosphate,
        Lymphocytes = Lymphocytes,
        Neutrophils = Neutrophils,
        AscitesProtein = AscitesProtein,
        BilirubinUpperLimit = BilirubinUpperLimit,
    };
}
