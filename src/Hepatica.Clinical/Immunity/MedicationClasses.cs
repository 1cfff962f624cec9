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
/// listed too (monoclonal antibodies moved from L04AA to L04AG are kept under both codes). RxNorm codes are meant to
/// be ingredient (TTY=IN) RXCUIs, not clinical-drug (SCD) RXCUIs.
/// Each row names its check (docs/medications.md, "Verification"): "WHO ATC 2026" and "WHO ATC 2021" are copies of the
/// WHO ATC/DDD index dated 2026-04-25 and 2021-12-03 (github.com/fabkury/atcd); "CPIC drug table" is
/// cpicpgx/cpic-schema drug.sql; "RxClass H02AB members" is an NLM RxClass classMembers(H02AB, ATC, TTY=IN) result
/// kept in a public repository; "OHDSI concept set" is a public OHDSI Atlas export listing the RxNorm concept with
/// concept class Ingredient. Rows marked "unverified" were not found in any source searched; they are kept, not
/// replaced.
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
        Atc("L01FA01", "rituximab", MedicationClass.BCellDepleting), // verified: WHO ATC 2026
        Atc("L01XC02", "rituximab (ATC before 2022)", MedicationClass.BCellDepleting), // verified: WHO ATC 2021 (pre-2022 index)
        Atc("L01FA02", "ofatumumab", MedicationClass.BCellDepleting), // verified: WHO ATC 2026
        Atc("L01FA03", "obinutuzumab", MedicationClass.BCellDepleting), // verified: WHO ATC 2026
        Atc("L04AG08", "ocrelizumab", MedicationClass.BCellDepleting), // verified: WHO ATC 2026
        Atc("L04AA36", "ocrelizumab (ATC before L04AG)", MedicationClass.BCellDepleting), // verified: WHO ATC 2021 (pre-2022 index)
        Rx("121191", "rituximab", MedicationClass.BCellDepleting), // verified: CPIC drug table (RxNorm IN)
        Rx("712566", "ofatumumab", MedicationClass.BCellDepleting), // unverified
        Atc("L01DB01", "doxorubicin", MedicationClass.Anthracycline), // verified: WHO ATC 2026
        Atc("L01DB02", "daunorubicin", MedicationClass.Anthracycline), // verified: WHO ATC 2026
        Atc("L01DB03", "epirubicin", MedicationClass.Anthracycline), // verified: WHO ATC 2026
        Atc("L01DB06", "idarubicin", MedicationClass.Anthracycline), // verified: WHO ATC 2026
        Rx("3639", "doxorubicin", MedicationClass.Anthracycline), // unverified
        Atc("H02AB02", "dexamethasone", MedicationClass.Corticosteroid), // verified: WHO ATC 2026
        Atc("H02AB04", "methylprednisolone", MedicationClass.Corticosteroid), // verified: WHO ATC 2026
        Atc("H02AB06", "prednisolone", MedicationClass.Corticosteroid), // verified: WHO ATC 2026
        Atc("H02AB07", "prednisone", MedicationClass.Corticosteroid), // verified: WHO ATC 2026
        Atc("H02AB09", "hydrocortisone", MedicationClass.Corticosteroid), // verified: WHO ATC 2026
        Rx("8640", "prednisone", MedicationClass.Corticosteroid), // verified: RxClass H02AB members, TTY=IN
        Rx("8638", "prednisolone", MedicationClass.Corticosteroid), // verified: RxClass H02AB members, TTY=IN
        Rx("6902", "methylprednisolone", MedicationClass.Corticosteroid), // verified: RxClass H02AB members, TTY=IN
        Rx("3264", "dexamethasone", MedicationClass.Corticosteroid), // verified: RxClass H02AB members, TTY=IN
        Atc("L04AB01", "etanercept", MedicationClass.TnfInhibitor), // verified: WHO ATC 2026
        Atc("L04AB02", "infliximab", MedicationClass.TnfInhibitor), // verified: WHO ATC 2026
        Atc("L04AB04", "adalimumab", MedicationClass.TnfInhibitor), // verified: WHO ATC 2026
        Atc("L04AB05", "certolizumab pegol", MedicationClass.TnfInhibitor), // verified: WHO ATC 2026
        Atc("L04AB06", "golimumab", MedicationClass.TnfInhibitor), // verified: WHO ATC 2026
        Rx("214555", "etanercept", MedicationClass.TnfInhibitor), // verified: OHDSI concept set, RxNorm Ingredient
        Rx("191831", "infliximab", MedicationClass.TnfInhibitor), // verified: OHDSI concept set, RxNorm Ingredient
        Rx("327361", "adalimumab", MedicationClass.TnfInhibitor), // verified: OHDSI concept set, RxNorm Ingredient
        Atc("L04AC05", "ustekinumab", MedicationClass.CytokineIntegrinInhibitor), // verified: WHO ATC 2026
        Atc("L04AA24", "abatacept", MedicationClass.CytokineIntegrinInhibitor), // verified: WHO ATC 2026
        Atc("L04AG03", "natalizumab", MedicationClass.CytokineIntegrinInhibitor), // verified: WHO ATC 2026
        Atc("L04AA23", "natalizumab (ATC before L04AG)", MedicationClass.CytokineIntegrinInhibitor), // verified: WHO ATC 2021 (pre-2022 index)
        Atc("L04AG05", "vedolizumab", MedicationClass.CytokineIntegrinInhibitor), // verified: WHO ATC 2026
        Atc("L04AA33", "vedolizumab (ATC before L04AG)", MedicationClass.CytokineIntegrinInhibitor), // verified: WHO ATC 2021 (pre-2022 index)
        Rx("847083", "ustekinumab", MedicationClass.CytokineIntegrinInhibitor), // unverified
        Rx("1538097", "vedolizumab", MedicationClass.CytokineIntegrinInhibitor), // unverified
        Atc("L01EA01", "imatinib", MedicationClass.TyrosineKinaseInhibitor), // verified: WHO ATC 2026
        Atc("L01XE01", "imatinib (ATC before 2022)", MedicationClass.TyrosineKinaseInhibitor), // verified: WHO ATC 2021 (pre-2022 index)
        Atc("L01EA02", "dasatinib", MedicationClass.TyrosineKinaseInhibitor), // verified: WHO ATC 2026
        Atc("L01EA03", "nilotinib", MedicationClass.TyrosineKinaseInhibitor), // verified: WHO ATC 2026
        Rx("282388", "imatinib", MedicationClass.TyrosineKinaseInhibitor), // unverified
        Atc("L04AX01", "azathioprine", MedicationClass.TraditionalImmunosuppressant), // verified: WHO ATC 2026
        Atc("L01BB02", "mercaptopurine", MedicationClass.TraditionalImmunosuppressant), // verified: WHO ATC 2026
        Atc("L04AX03", "methotrexate", MedicationClass.TraditionalImmunosuppressant), // verified: WHO ATC 2026
        Atc("L01BA01", "methotrexate", MedicationClass.TraditionalImmunosuppressant), // verified: WHO ATC 2026
        Rx("1256", "azathioprine", MedicationClass.TraditionalImmunosuppressant), // verified: CPIC drug table (RxNorm IN)
        Rx("6851", "methotrexate", MedicationClass.TraditionalImmunosuppressant), // verified: CPIC drug table (RxNorm IN)
        Atc("L04AD01", "ciclosporin", MedicationClass.CalcineurinInhibitor), // verified: WHO ATC 2026
        Atc("L04AD02", "tacrolimus", MedicationClass.CalcineurinInhibitor), // verified: WHO ATC 2026
        Rx("3008", "cyclosporine", MedicationClass.CalcineurinInhibitor), // verified: CPIC drug table (RxNorm IN)
        Rx("42316", "tacrolimus", MedicationClass.CalcineurinInhibitor), // verified: CPIC drug table (RxNorm IN)
        Atc("L04AA06", "mycophenolic acid", MedicationClass.Antimetabolite), // verified: WHO ATC 2026
        Rx("68149", "mycophenolate mofetil", MedicationClass.Antimetabolite), // checked, third-party: an RxNav-derived alias table names it the mycophenolate mofetil IN, a sibling of 7145
        Rx("7145", "mycophenolic acid", MedicationClass.Antimetabolite), // verified: CPIC drug table (RxNorm IN); the active moiety ATC L04AA06 names
        Atc("L01FF01", "nivolumab", MedicationClass.CheckpointInhibitor), // verified: WHO ATC 2026
        Atc("L01FF02", "pembrolizumab", MedicationClass.CheckpointInhibitor), // verified: WHO ATC 2026
        Atc("L01FF05", "atezolizumab", MedicationClass.CheckpointInhibitor), // verified: WHO ATC 2026
        Atc("L01FX04", "ipilimumab", MedicationClass.CheckpointInhibitor), // verified: WHO ATC 2026
        Atc("J05AP08", "sofosbuvir", MedicationClass.HcvDirectActingAntiviral), // verified: WHO ATC 2026
        Atc("J05AP51", "sofosbuvir and ledipasvir", MedicationClass.HcvDirectActingAntiviral), // verified: WHO ATC 2026
        Atc("J05AP55", "sofosbuvir and velpatasvir", MedicationClass.HcvDirectActingAntiviral), // verified: WHO ATC 2026
        Atc("J05AP57", "glecaprevir and pibrentasvir", MedicationClass.HcvDirectActingAntiviral), // verified: WHO ATC 2026
        Rx("1484911", "sofosbuvir", MedicationClass.HcvDirectActingAntiviral), // unverified
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
