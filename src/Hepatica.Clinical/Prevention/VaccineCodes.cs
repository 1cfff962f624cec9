using System.Collections.Frozen;
using Hepatica.Clinical.Findings;

namespace Hepatica.Clinical.Prevention;

/// <summary>
/// The snapshot ids of <see cref="Vaccine"/> and the ONE table mapping CDC CVX codes to a vaccine
/// (docs/prevention.md lists it). CVX: CDC "Vaccines administered" code set (IIS standard).
/// Every code below was checked against a 2025 export of the CDC CVX table (biopragmatics/obo-db-ingest,
/// export/cvx/cvx.tsv, generated from the CDC CVX page); the hepatitis A/B and older influenza codes also against the
/// 2014 CVX table in HealthIntersections/fhirserver sql/tx_db.sql. The comment on each row gives the CVX names found.
/// </summary>
public static class VaccineCodes
{
    private static readonly (Vaccine Vaccine, string Id, string Name, string[] Cvx)[] Rows =
    [
        (Vaccine.HepB, "hepb", "hepatitis B (Engerix-B, Recombivax HB)", ["43", "08", "44", "45"]), // verified: 43 Hep B adult; 08 Hep B adolescent or pediatric; 44 Hep B high-dosage, dialysis or IC; 45 Hep B unspecified
        (Vaccine.HepBCpg, "hepb-cpg", "hepatitis B, CpG-adjuvanted (Heplisav-B)", ["189"]), // verified: 189 HepB-CpG
        (Vaccine.HepB3Antigen, "hepb-3ag", "hepatitis B, 3-antigen (PreHevbrio)", ["220"]), // verified: 220 HepB recombinant, 3-antigen, Al(OH)3
        (Vaccine.HepA, "hepa", "hepatitis A (Havrix, Vaqta)", ["52", "83", "85"]), // verified: 52 Hep A adult; 83 Hep A ped/adol 2 dose; 85 Hep A unspecified
        (Vaccine.HepAHepB, "hepa-hepb", "hepatitis A and B (Twinrix)", ["104"]), // verified: 104 Hep A-Hep B
        (Vaccine.Pcv13, "pcv13", "pneumococcal conjugate PCV13", ["133"]), // verified: 133 PCV13
        (Vaccine.Pcv15, "pcv15", "pneumococcal conjugate PCV15", ["215"]), // verified: 215 PCV15
        (Vaccine.Pcv20, "pcv20", "pneumococcal conjugate PCV20", ["216"]), // verified: 216 PCV20
        (Vaccine.Pcv21, "pcv21", "pneumococcal conjugate PCV21", ["327"]), // verified: 327 PCV21
        (Vaccine.Ppsv23, "ppsv23", "pneumococcal polysaccharide PPSV23", ["33"]), // verified: 33 PPV23
        (Vaccine.Influenza, "influenza", "influenza (inactivated or recombinant)", ["88", "140", "141", "150", "158", "161", "171", "185", "186", "197", "205"]), // verified: 88 unspecified; 140/141 IIV3; 150/158/161 IIV4; 171/186 ccIIV4; 185 RIV4; 197 high-dose IIV4; 205 adjuvanted IIV4
        (Vaccine.Laiv, "laiv", "influenza, live attenuated", ["111", "149"]), // verified: 111 LAIV3; 149 LAIV4
        (Vaccine.Rzv, "rzv", "recombinant zoster (Shingrix)", ["187"]), // verified: 187 zoster recombinant
        (Vaccine.Zvl, "zvl", "zoster, live (Zostavax)", ["121"]), // verified: 121 zoster live
        (Vaccine.Tdap, "tdap", "Tdap", ["115"]), // verified: 115 Tdap
        (Vaccine.Td, "td", "Td", ["09", "113", "138", "139"]), // verified: 09, 113, 138 Td (adult); 139 Td unspecified
        (Vaccine.Covid19, "covid-19", "COVID-19", ["207", "208", "212", "213"]), // verified: 207, 208 mRNA; 212 Ad26 vector; 213 unspecified
        (Vaccine.Mmr, "mmr", "MMR (live)", ["03"]), // verified: 03 MMR
        (Vaccine.Varicella, "varicella", "varicella (live)", ["21"]), // verified: 21 varicella
        (Vaccine.YellowFever, "yellow-fever", "yellow fever (live)", ["37", "183", "184"]), // verified: 37 yellow fever live; 183 alternative formulation; 184 unspecified
    ];

    private static readonly FrozenDictionary<string, Vaccine> ByCvx =
        Rows.SelectMany(r => r.Cvx.Select(c => (c, r.Vaccine))).ToFrozenDictionary(x => x.c, x => x.Vaccine, StringComparer.Ordinal);

    /// <summary>The accepted vaccine ids, for messages.</summary>
    public static string AcceptedIds { get; } = string.Join(", ", Rows.Select(r => r.Id));

    /// <summary>The snapshot id of a vaccine, e.g. <c>hepb-cpg</c>.</summary>
    public static string IdOf(Vaccine vaccine) => Row(vaccine).Id;

    /// <summary>The display name of a vaccine.</summary>
    public static string NameOf(Vaccine vaccine) => Row(vaccine).Name;

    /// <summary>The CVX codes of a vaccine.</summary>
    public static IReadOnlyList<string> CvxOf(Vaccine vaccine) => Row(vaccine).Cvx;

    /// <summary>The vaccine with this snapshot id, or null.</summary>
    public static Vaccine? Parse(string? id)
    {
        foreach (var r in Rows)
        {
            if (string.Equals(r.Id, id, StringComparison.Ordinal))
            {
                return r.Vaccine;
            }
        }

        return null;
    }

    /// <summary>The vaccine a CVX code names, or null when the code is not in the table. A one-digit code matches its two-digit form ("3" is "03").</summary>
    public static Vaccine? FromCvx(string? cvx)
    {
        if (string.IsNullOrWhiteSpace(cvx))
        {
            return null;
        }

        var code = cvx.Trim();
        if (code.Length == 1)
        {
            code = "0" + code;
        }

        return ByCvx.TryGetValue(code, out var v) ? v : null;
    }

    /// <summary>True for live vaccines (contraindicated under significant immunosuppression and after transplant).</summary>
    public static bool IsLive(Vaccine vaccine) => vaccine is Vaccine.Laiv or Vaccine.Zvl or Vaccine.Mmr or Vaccine.Varicella or Vaccine.YellowFever;

    private static (Vaccine Vaccine, string Id, string Name, string[] Cvx) Row(Vaccine vaccine)
    {
        foreach (var r in Rows)
        {
            if (r.Vaccine == vaccine)
            {
                return r;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(vaccine), vaccine, "Known vaccines: " + AcceptedIds);
    }
}
