using System.Collections.Frozen;
using Hepatica.Clinical.Findings;

namespace Hepatica.Clinical.Immunity;

/// <summary>One row of the medication code table: a code, the ingredient it names and its class.</summary>
/// <param name="System">RxNorm or ATC.</param>
/// <param name="Code">The code (RxNorm ingredient RXCUI, or ATC 7-character code).</param>
/// <param name="Ingredient">The ingredient, for messages.</param>
/// <param name="Class">The class the reactivation table reads.</param>
public sealed record MedicationCodeEntry(MedicationCodeSystem System, string Code, string Ingredient, MedicationClass Class);

/// <summary>
/// The snapshot ids of <see cref="MedicationClass"/> and the ONE table mapping RxNorm and ATC codes to a class
/// (docs/medications.md lists it). ATC codes follow the WHO ATC index as restructured in 2022 (monoclonal antibodies
/// under L01F, protein kinase inhibitors under L01E); codes of the earlier index that a record may still carry are
/// listed too. RxNorm codes are ingredient RXCUIs.
/// </summary>
public static class MedicationClasses
{
    private static readonly (MedicationClass Class, string Id)[] Ids =
    [
        (MedicationClass.BCellDepleting, "b-cell-depleting"),
        (MedicationClass.Anthracycline, "anthracycline"),
        (MedicationClass.Corticosteroid, "corticosteroid"),
        (MedicationClass.TnfInhibitor, "tnf-inhibitor"),
        (MedicationClass.CytokineIntegrinInhibitor, "cytokine-integrin-inhibitor"),
        (MedicationClass.TyrosineKinaseInhibitor, "tyrosine-kinase-inhibitor"),
        (MedicationClass.TraditionalImmunosuppressant, "traditional-immunosuppressant"),
        (MedicationClass.CalcineurinInhibitor, "calcineurin-inhibitor"),
        (MedicationClass.Antimetabolite, "antimetabolite"),
        (MedicationClass.CheckpointInhibitor, "checkpoint-inhibitor"),
        (MedicationClass.HcvDirectActingAntiviral, "hcv-daa"),
        (MedicationClass.Other, "other"),
    ];

    /// <summary>Every code Hepatica maps to a class.</summary>
    public static readonly IReadOnlyList<MedicationCodeEntry> Table =
    [
        Atc("L01FA01", "rituximab", MedicationClass.BCellDepleting),
        Atc("L01XC02", "rituximab (ATC before 2022)", MedicationClass.BCellDepleting),
        Atc("L01FA02", "ofatumumab", MedicationClass.BCellDepleting),
        Atc("L01FA03", "obinutuzumab", MedicationClass.BCellDepleting),
        Atc("L04AA36", "ocrelizumab", MedicationClass.BCellDepleting),
        Rx("121191", "rituximab", MedicationClass.BCellDepleting),
        Rx("712566", "ofatumumab", MedicationClass.BCellDepleting),
        Atc("L01DB01", "doxorubicin", MedicationClass.Anthracycline),
        Atc("L01DB02", "daunorubicin", MedicationClass.Anthracycline),
        Atc("L01DB03", "epirubicin", MedicationClass.Anthracycline),
        Atc("L01DB06", "idarubicin", MedicationClass.Anthracycline),
        Rx("3639", "doxorubicin", MedicationClass.Anthracycline),
        Atc("H02AB02", "dexamethasone", MedicationClass.Corticosteroid),
        Atc("H02AB04", "methylprednisolone", MedicationClass.Corticosteroid),
        Atc("H02AB06", "prednisolone", MedicationClass.Corticosteroid),
        Atc("H02AB07", "prednisone", MedicationClass.Corticosteroid),
        Atc("H02AB09", "hydrocortisone", MedicationClass.Corticosteroid),
        Rx("8640", "prednisone", MedicationClass.Corticosteroid),
        Rx("8638", "prednisolone", MedicationClass.Corticosteroid),
        Rx("6902", "methylprednisolone", MedicationClass.Corticosteroid),
        Rx("3264", "dexamethasone", MedicationClass.Corticosteroid),
        Atc("L04AB01", "etanercept", MedicationClass.TnfInhibitor),
        Atc("L04AB02", "infliximab", MedicationClass.TnfInhibitor),
        Atc("L04AB04", "adalimumab", MedicationClass.TnfInhibitor),
        Atc("L04AB05", "certolizumab pegol", MedicationClass.TnfInhibitor),
        Atc("L04AB06", "golimumab", MedicationClass.TnfInhibitor),
        Rx("214555", "etanercept", MedicationClass.TnfInhibitor),
        Rx("191831", "infliximab", MedicationClass.TnfInhibitor),
        Rx("327361", "adalimumab", MedicationClass.TnfInhibitor),
        Atc("L04AC05", "ustekinumab", MedicationClass.CytokineIntegrinInhibitor),
        Atc("L04AA24", "abatacept", MedicationClass.CytokineIntegrinInhibitor),
        Atc("L04AA23", "natalizumab", MedicationClass.CytokineIntegrinInhibitor),
        Atc("L04AA33", "vedolizumab", MedicationClass.CytokineIntegrinInhibitor),
        Rx("847083", "ustekinumab", MedicationClass.CytokineIntegrinInhibitor),
        Rx("1538097", "vedolizumab", MedicationClass.CytokineIntegrinInhibitor),
        Atc("L01EA01", "imatinib", MedicationClass.TyrosineKinaseInhibitor),
        Atc("L01XE01", "imatinib (ATC before 2022)", MedicationClass.TyrosineKinaseInhibitor),
        Atc("L01EA02", "dasatinib", MedicationClass.TyrosineKinaseInhibitor),
        Atc("L01EA03", "nilotinib", MedicationClass.TyrosineKinaseInhibitor),
        Rx("282388", "imatinib", MedicationClass.TyrosineKinaseInhibitor),
        Atc("L04AX01", "azathioprine", MedicationClass.TraditionalImmunosuppressant),
        Atc("L01BB02", "mercaptopurine", MedicationClass.TraditionalImmunosuppressant),
        Atc("L04AX03", "methotrexate", MedicationClass.TraditionalImmunosuppressant),
        Atc("L01BA01", "methotrexate", MedicationClass.TraditionalImmunosuppressant),
        Rx("1256", "azathioprine", MedicationClass.TraditionalImmunosuppressant),
        Rx("6851", "methotrexate", MedicationClass.TraditionalImmunosuppressant),
        Atc("L04AD01", "ciclosporin", MedicationClass.CalcineurinInhibitor),
        Atc("L04AD02", "tacrolimus", MedicationClass.CalcineurinInhibitor),
        Rx("3008", "cyclosporine", MedicationClass.CalcineurinInhibitor),
        Rx("42316", "tacrolimus", MedicationClass.CalcineurinInhibitor),
        Atc("L04AA06", "mycophenolic acid", MedicationClass.Antimetabolite),
        Rx("68149", "mycophenolate mofetil", MedicationClass.Antimetabolite),
        Atc("L01FF01", "nivolumab", MedicationClass.CheckpointInhibitor),
        Atc("L01FF02", "pembrolizumab", MedicationClass.CheckpointInhibitor),
        Atc("L01FF05", "atezolizumab", MedicationClass.CheckpointInhibitor),
        Atc("L01FX04", "ipilimumab", MedicationClass.CheckpointInhibitor),
        Atc("J05AP08", "sofosbuvir", MedicationClass.HcvDirectActingAntiviral),
        Atc("J05AP51", "sofosbuvir and ledipasvir", MedicationClass.HcvDirectActingAntiviral),
        Atc("J05AP55", "sofosbuvir and velpatasvir", MedicationClass.HcvDirectActingAntiviral),
        Atc("J05AP57", "glecaprevir and pibrentasvir", MedicationClass.HcvDirectActingAntiviral),
        Rx("1484911", "sofosbuvir", MedicationClass.HcvDirectActingAntiviral),
    ];

    private static readonly FrozenDictionary<(MedicationCodeSystem, string), MedicationCodeEntry> ByCode =
        Table.ToFrozenDictionary(e => (e.System, e.Code));

    /// <summary>The accepted class ids, for messages.</summary>
    public static string AcceptedIds { get; } = string.Join(", ", Ids.Select(i => i.Id));

    /// <summary>The snapshot id of a class, e.g. <c>b-cell-depleting</c>.</summary>
    public static string IdOf(MedicationClass value)
    {
        foreach (var (c, id) in Ids)
        {
            if (c == value)
            {
                return id;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(value), value, "Known classes: " + AcceptedIds);
    }

    /// <summary>The class with this snapshot id, or null.</summary>
    public static MedicationClass? Parse(string? id)
    {
        foreach (var (c, known) in Ids)
        {
            if (string.Equals(known, id, StringComparison.Ordinal))
            {
                return c;
            }
        }

        return null;
    }

    /// <summary>The table row of a code, or null when the code is not in the table. ATC codes match ignoring case.</summary>
    public static MedicationCodeEntry? Find(MedicationCode code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var value = code.System == MedicationCodeSystem.Atc ? code.Value.Trim().ToUpperInvariant() : code.Value.Trim();
        return ByCode.TryGetValue((code.System, value), out var entry) ? entry : null;
    }

    private static MedicationCodeEntry Atc(string code, string ingredient, MedicationClass c) => new(MedicationCodeSystem.Atc, code, ingredient, c);

    private static MedicationCodeEntry Rx(string code, string ingredient, MedicationClass c) => new(MedicationCodeSystem.RxNorm, code, ingredient, c);
}
