using System.Text.Json;
using Hepatica.Clinical.Labs;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Json;

/// <summary>The <c>labs</c> keys of the snapshot contract.</summary>
internal enum LabKey
{
    Unknown,
    Bilirubin,
    Creatinine,
    Inr,
    Sodium,
    Albumin,
    Platelets,
    Ast,
    Alt,
    Alp,
    AstUpperLimit,
    AltUpperLimit,
    AlpUpperLimit,
    Wbc,
    Urea,
    Bun,
    Pt,
    PtControl,
    ArterialPh,
    Lactate,
    Phosphate,
    Lymphocytes,
    Neutrophils,
    AscitesProtein,
    BilirubinUpperLimit,
}

/// <summary>The <c>labs</c> keys of the snapshot contract and the analyte each one reads into.</summary>
internal static class LabFields
{
    public const string KnownList = "bilirubin, creatinine, inr, sodium, albumin, platelets, ast, alt, alp, astUpperLimit, altUpperLimit, alpUpperLimit, wbc, urea, bun, pt, ptControl, arterialPh, lactate, phosphate, lymphocytes, neutrophils, ascitesProtein, bilirubinUpperLimit";

    private static readonly string[] Paths =
    [
        "labs", "labs.bilirubin", "labs.creatinine", "labs.inr", "labs.sodium", "labs.albumin", "labs.platelets",
        "labs.ast", "labs.alt", "labs.alp", "labs.astUpperLimit", "labs.altUpperLimit", "labs.alpUpperLimit",
        "labs.wbc", "labs.urea", "labs.bun", "labs.pt", "labs.ptControl", "labs.arterialPh", "labs.lactate", "labs.phosphate",
        "labs.lymphocytes", "labs.neutrophils", "labs.ascitesProtein",
        "labs.bilirubinUpperLimit",
    ];

    /// <summary>The key at the reader's property name, matched on its UTF-8 bytes.</summary>
    public static LabKey Match(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("bilirubin"u8) ? LabKey.Bilirubin
        : reader.ValueTextEquals("creatinine"u8) ? LabKey.Creatinine
        : reader.ValueTextEquals("inr"u8) ? LabKey.Inr
        : reader.ValueTextEquals("sodium"u8) ? LabKey.Sodium
        : reader.ValueTextEquals("albumin"u8) ? LabKey.Albumin
        : reader.ValueTextEquals("platelets"u8) ? LabKey.Platelets
        : reader.ValueTextEquals("ast"u8) ? LabKey.Ast
        : reader.ValueTextEquals("alt"u8) ? LabKey.Alt
        : reader.ValueTextEquals("alp"u8) ? LabKey.Alp
        : reader.ValueTextEquals("astUpperLimit"u8) ? LabKey.AstUpperLimit
        : reader.ValueTextEquals("altUpperLimit"u8) ? LabKey.AltUpperLimit
        : reader.ValueTextEquals("alpUpperLimit"u8) ? LabKey.AlpUpperLimit
        : reader.ValueTextEquals("wbc"u8) ? LabKey.Wbc
        : reader.ValueTextEquals("urea"u8) ? LabKey.Urea
        : reader.ValueTextEquals("bun"u8) ? LabKey.Bun
        : reader.ValueTextEquals("pt"u8) ? LabKey.Pt
        : reader.ValueTextEquals("ptControl"u8) ? LabKey.PtControl
        : reader.ValueTextEquals("arterialPh"u8) ? LabKey.ArterialPh
        : reader.ValueTextEquals("lactate"u8) ? LabKey.Lactate
        : reader.ValueTextEquals("phosphate"u8) ? LabKey.Phosphate
        : reader.ValueTextEquals("lymphocytes"u8) ? LabKey.Lymphocytes
        : reader.ValueTextEquals("neutrophils"u8) ? LabKey.Neutrophils
        : reader.ValueTextEquals("ascitesProtein"u8) ? LabKey.AscitesProtein
        : reader.ValueTextEquals("bilirubinUpperLimit"u8) ? LabKey.BilirubinUpperLimit
        : LabKey.Unknown;

    /// <summary>The snapshot path of a key, e.g. <c>labs.bilirubin</c>.</summary>
    public static string Path(LabKey key) => Paths[(int)key];
}

/// <summary>Collects validated lab values while reading, and builds the panel once.</summary>
internal sealed class LabPanelBuilder
{
    private Bilirubin? bilirubin;
    private Creatinine? creatinine;
    private Inr? inr;
    private Sodium? sodium;
    private Albumin? albumin;
    private Platelets? platelets;
    private Ast? ast;
    private Alt? alt;
    private Alp? alp;
    private Ast? astUpperLimit;
    private Alt? altUpperLimit;
    private Alp? alpUpperLimit;
    private WhiteCells? wbc;
    private Urea? urea;
    private Urea? bun;
    private ProthrombinTime? pt;
    private ProthrombinTime? ptControl;
    private ArterialPh? arterialPh;
    private Lactate? lactate;
    private Phosphate? phosphate;
    private Lymphocytes? lymphocytes;
    private Neutrophils? neutrophils;
    private AscitesProtein? ascitesProtein;
    private Bilirubin? bilirubinUpperLimit;

    /// <summary>Validates the value into its analyte (issues added for any problem); unusable values are left unset.</summary>
    public void Set(LabKey key, decimal value, string? unit, string path, List<InputIssue> issues)
    {
        switch (key)
        {
            case LabKey.Bilirubin: bilirubin = Bilirubin.TryRead(value, unit, path, issues, out var b) ? b : null; break;
            case LabKey.Creatinine: creatinine = Creatinine.TryRead(value, unit, path, issues, out var c) ? c : null; break;
            case LabKey.Inr: inr = Inr.TryRead(value, unit, path, issues, out var i) ? i : null; break;
            case LabKey.Sodium: sodium = Sodium.TryRead(value, unit, path, issues, out var na) ? na : null; break;
            case LabKey.Albumin: albumin = Albumin.TryRead(value, unit, path, issues, out var alb) ? alb : null; break;
            case LabKey.Platelets: platelets = Platelets.TryRead(value, unit, path, issues, out var p) ? p : null; break;
            case LabKey.Ast: ast = Ast.TryRead(value, unit, path, issues, out var a) ? a : null; break;
            case LabKey.Alt: alt = Alt.TryRead(value, unit, path, issues, out var l) ? l : null; break;
            case LabKey.Alp: alp = Alp.TryRead(value, unit, path, issues, out var ap) ? ap : null; break;
            case LabKey.AstUpperLimit: astUpperLimit = Ast.TryRead(value, unit, path, issues, out var au) ? au : null; break;
            case LabKey.AltUpperLimit: altUpperLimit = Alt.TryRead(value, unit, path, issues, out var lu) ? lu : null; break;
            case LabKey.AlpUpperLimit: alpUpperLimit = Alp.TryRead(value, unit, path, issues, out var pu) ? pu : null; break;
            case LabKey.Wbc: wbc = WhiteCells.TryRead(value, unit, path, issues, out var w) ? w : null; break;
            case LabKey.Urea: urea = Urea.TryRead(value, unit, path, issues, out var u) ? u : null; break;
            case LabKey.Bun: bun = Urea.TryReadBun(value, unit, path, issues, out var bn) ? bn : null; break;
            case LabKey.Pt: pt = ProthrombinTime.TryRead(value, unit, path, issues, out var t) ? t : null; break;
            case LabKey.PtControl: ptControl = ProthrombinTime.TryRead(value, unit, path, issues, out var tc) ? tc : null; break;
            case LabKey.ArterialPh: arterialPh = ArterialPh.TryRead(value, unit, path, issues, out var ph) ? ph : null; break;
            case LabKey.Lactate: lactate = Lactate.TryRead(value, unit, path, issues, out var la) ? la : null; break;
            case LabKey.Phosphate: phosphate = Phosphate.TryRead(value, unit, path, issues, out var po) ? po : null; break;
            case LabKey.Lymphocytes: lymphocytes = Lymphocytes.TryRead(value, unit, path, issues, out var ly) ? ly : null; break;
            case LabKey.Neutrophils: neutrophils = Neutrophils.TryRead(value, unit, path, issues, out var ne) ? ne : null; break;
            case LabKey.AscitesProtein: ascitesProtein = AscitesProtein.TryRead(value, unit, path, issues, out var ap2) ? ap2 : null; break;
            case LabKey.BilirubinUpperLimit: bilirubinUpperLimit = Bilirubin.TryRead(value, unit, path, issues, out var bu) ? bu : null; break;
            default: throw new ArgumentOutOfRangeException(nameof(key), key, "Known lab keys: " + LabFields.KnownList);
        }
    }

    /// <summary>Builds the panel once. When both urea and BUN are given, urea is used and a warning says so.</summary>
    public LabPanel Build(List<InputIssue> issues)
    {
        if (urea is not null && bun is not null)
        {
            issues.Add(InputIssue.Warning(IssueCodes.UnusualValue, "labs.bun", "Both labs.urea and labs.bun are given; labs.urea is used and labs.bun is ignored."));
        }

        return BuildPanel();
    }

    private LabPanel BuildPanel() => new()
    {
        Bilirubin = bilirubin,
        Creatinine = creatinine,
        Inr = inr,
        Sodium = sodium,
        Albumin = albumin,
        Platelets = platelets,
        Ast = ast,
        Alt = alt,
        Alp = alp,
        AstUpperLimit = astUpperLimit,
        AltUpperLimit = altUpperLimit,
        AlpUpperLimit = alpUpperLimit,
        Wbc = wbc,
        Urea = urea ?? bun,
        ProthrombinTime = pt,
        ProthrombinTimeControl = ptControl,
        ArterialPh = arterialPh,
        Lactate = lactate,
        Phosphate = phosphate,
        Lymphocytes = lymphocytes,
        Neutrophils = neutrophils,
        AscitesProtein = ascitesProtein,
        BilirubinUpperLimit = bilirubinUpperLimit,
    };
}
